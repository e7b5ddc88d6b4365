package main

import (
	"strings"
	"testing"
)

const sample = `{"config": {"go_version": "go1.26.8", "db": "file:///db"}}
{"osv": {"id": "GO-1", "summary": "bad in stdlib"}}
{"osv": {"id": "GO-2", "summary": "bad in a module"}}
{"osv": {"id": "GO-3", "summary": "imported, not called"}}
{"finding": {"osv": "GO-1", "fixed_version": "v1.26.9", "trace": [{"module": "stdlib", "version": "v1.26.8", "package": "net/http", "function": "Serve"}, {"module": "x", "package": "x/cmd", "function": "main", "position": {"filename": "cmd/main.go", "line": 7}}]}}
{"finding": {"osv": "GO-2", "fixed_version": "v0.62.0", "trace": [{"module": "golang.org/x/net", "version": "v0.59.0", "package": "golang.org/x/net/html", "function": "Parse"}]}}
{"finding": {"osv": "GO-3", "fixed_version": "v2.0.0", "trace": [{"module": "example.com/m", "version": "v1.0.0", "package": "example.com/m/p"}]}}
`

func TestSummary(t *testing.T) {
	var b strings.Builder
	code, err := run(strings.NewReader(sample), &b)
	if err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if code != 1 {
		t.Errorf("exit %d, want 1 (a reached module vulnerability)", code)
	}
	for _, want := range []string{
		"warn  GO-1  stdlib@v1.26.8 (fixed in v1.26.9), reached from x/cmd.main (cmd/main.go:7): bad in stdlib",
		"FAIL  GO-2  golang.org/x/net@v0.59.0 (fixed in v0.62.0)",
		"1 reached in required modules, 1 in the standard library",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "GO-3") {
		t.Errorf("an unreached vulnerability is listed:\n%s", out)
	}
	code, _ = run(strings.NewReader(strings.SplitAfter(sample, "\n")[0]), &b)
	if code != 0 {
		t.Errorf("no findings: exit %d", code)
	}
}
