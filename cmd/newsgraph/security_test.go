package main

import (
	"strings"
	"testing"
)

// A password inside the URI is refused by every command, and never printed.
func TestURIWithPasswordRefused(t *testing.T) {
	isolate(t)
	t.Setenv("NEWSGRAPH_NEO4J_URI", "bolt://neo4j:hunter2secret@127.0.0.1:7687")
	for _, args := range [][]string{{"config"}, {"doctor"}, {"query", "RETURN 1"}, {"report", "run", "summary"}, {"load", "x.jsonl"}} {
		code, out, stderr := runCLI(t, "", args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want 2\n%s%s", args, code, out, stderr)
		}
		if strings.Contains(out+stderr, "hunter2secret") {
			t.Errorf("%v printed the secret:\n%s%s", args, out, stderr)
		}
		if !strings.Contains(stderr, "NEWSGRAPH_NEO4J_PASSWORD") || !strings.Contains(stderr, "bolt://REDACTED@127.0.0.1:7687") {
			t.Errorf("%v: stderr does not say what to do:\n%s", args, stderr)
		}
	}
	code, _, stderr := runCLI(t, "", "--neo4j-uri", "neo4j+s://x:hunter2secret@db.example.com", "doctor")
	if code != exitUsage || strings.Contains(stderr, "hunter2secret") {
		t.Errorf("flag: exit %d, %s", code, stderr)
	}
}

// neo4j+s:// and bolt+s:// are accepted, and doctor says the connection is encrypted.
func TestDoctorReportsTLS(t *testing.T) {
	for _, tc := range []struct{ uri, want string }{
		{"neo4j+s://127.0.0.1:1", "ok    tls           encrypted (neo4j+s://: TLS, certificate checked"},
		{"bolt+s://127.0.0.1:1", "ok    tls           encrypted (bolt+s://: TLS, certificate checked"},
		{"bolt+ssc://127.0.0.1:1", "ok    tls           encrypted (bolt+ssc://: TLS, self-signed"},
		{"bolt://127.0.0.1:1", "ok    tls           not encrypted (bolt://); use bolt+s://"},
	} {
		isolate(t)
		t.Setenv("NEWSGRAPH_NEO4J_PASSWORD", "pw")
		code, out, stderr := runCLI(t, "", "--neo4j-uri", tc.uri, "doctor")
		if code != exitDatabase {
			t.Errorf("%s: exit %d (want 4: nothing listens there)\n%s%s", tc.uri, code, out, stderr)
		}
		if !strings.Contains(out, tc.want) {
			t.Errorf("%s: doctor lacks %q:\n%s", tc.uri, tc.want, out)
		}
	}
}
