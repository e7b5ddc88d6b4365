//go:build integration

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// query and a user's report template refuse TERMINATE TRANSACTIONS, LOAD CSV and dbms.*
// procedures with exit 1 and a message naming what was refused; reads still work, and a
// string literal that says LOAD CSV is not refused.
func TestCLIReadOnlyRefusals(t *testing.T) {
	wipe(t)
	mustRun(t, "load", fixture)
	qdir := t.TempDir()
	t.Setenv("NEWSGRAPH_QUERIES_DIR", qdir)
	for i, tc := range []struct{ stmt, what string }{
		{"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "refused TERMINATE TRANSACTIONS"},
		{"LOAD CSV FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row", "refused LOAD CSV"},
		{"CALL dbms.security.createUser('eve', 'pw', false)", "refused CALL dbms.security.createUser"},
		{"CALL dbms.listConfig() YIELD name RETURN name", "refused CALL dbms.listConfig"},
	} {
		code, out, stderr := runCLI(t, "", "query", tc.stmt)
		if code != exitError || !strings.Contains(stderr, tc.what+" (line 1, column 1)") || out != "" {
			t.Errorf("query %s: exit %d, stdout %q, stderr %s", tc.stmt, code, out, stderr)
		}
		name := "bad_" + string(rune('a'+i))
		tmpl := "// name: " + name + "\n// summary: tries " + tc.what + "\n// params:\n" + tc.stmt + "\n"
		if err := os.WriteFile(filepath.Join(qdir, name+".cypher"), []byte(tmpl), 0o644); err != nil {
			t.Fatal(err)
		}
		code, out, stderr = runCLI(t, "", "report", "run", name)
		if code != exitError || !strings.Contains(stderr, tc.what+" (line 4, column 1)") || !strings.Contains(stderr, name+".cypher") || out != "" {
			t.Errorf("report %s: exit %d, stdout %q, stderr %s", name, code, out, stderr)
		}
	}
	out := mustRun(t, "query", "RETURN 'LOAD CSV FROM http://x' AS s // TERMINATE TRANSACTIONS", "--format", "csv")
	if out != "s\nLOAD CSV FROM http://x\n" {
		t.Errorf("string literal: %q", out)
	}
	out = mustRun(t, "report", "run", "who_met_whom", "--param", "person=Rutte", "--format", "csv")
	if !strings.Contains(out, "Mark Rutte") {
		t.Errorf("a built-in report next to refused templates:\n%s", out)
	}
}

// A query past neo4j.query_timeout stops with a clear message and exit 1.
func TestCLIQueryTimeout(t *testing.T) {
	wipe(t)
	// Plan summary once with the default timeout: on a loaded machine a cold server took
	// over 2 s to plan it, which is not what the quick report below is about.
	if code, _, stderr := runCLI(t, "", "report", "run", "summary"); code != exitOK {
		t.Fatalf("summary with the default timeout: exit %d %s", code, stderr)
	}
	t.Setenv("NEWSGRAPH_NEO4J_QUERY_TIMEOUT", "2s")
	code, out, stderr := runCLI(t, "", "query", "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n")
	if code != exitError {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, stderr)
	}
	for _, want := range []string{"query timed out", "after the query timeout of 2s", "neo4j.query_timeout", "NEWSGRAPH_NEO4J_QUERY_TIMEOUT"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q: %s", want, stderr)
		}
	}
	code, _, stderr = runCLI(t, "", "report", "run", "summary")
	if code != exitOK {
		t.Errorf("a quick report with the same timeout: exit %d %s", code, stderr)
	}
}

// query prints CSV rows as they arrive: rows before a failing one are on stdout.
func TestCLIQueryStreams(t *testing.T) {
	wipe(t)
	code, out, stderr := runCLI(t, "", "query", "UNWIND range(1, 100000) AS x RETURN x, 1 / (100000 - x) AS y", "--format", "csv")
	if code != exitError || !strings.Contains(stderr, "/ by zero") {
		t.Fatalf("exit %d, stderr %s", code, stderr)
	}
	if n := strings.Count(out, "\n"); n < 1000 {
		t.Errorf("%d lines on stdout before the error: the rows were held, not streamed", n)
	}
}
