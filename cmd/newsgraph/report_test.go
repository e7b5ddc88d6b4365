package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// fakeStore answers every query with rows and records the last query and params.
type fakeStore struct {
	rows   *graph.Rows
	query  string
	params map[string]any
}

func (f *fakeStore) Load(context.Context, *graph.Document, graph.LoadOptions) (graph.LoadStats, error) {
	return graph.LoadStats{}, nil
}
func (f *fakeStore) Query(_ context.Context, q string, p map[string]any) (*graph.Rows, error) {
	f.query, f.params = q, p
	return f.rows, nil
}
func (f *fakeStore) Close(context.Context) error { return nil }

func TestReportListAndShow(t *testing.T) {
	isolate(t)
	code, out, errOut := runCLI(t, "", "report", "list")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, name := range []string{"who_met_whom", "pressure_network", "criticism_ledger", "summit_attendance", "person_profile",
		"entity_timeline", "country_pairs", "corroboration", "new_since", "evidence", "most_connected", "summary"} {
		if !strings.Contains(out, name+"\n") {
			t.Errorf("list lacks %s", name)
		}
	}
	if !strings.Contains(out, `params: person string = "", since date = null, until date = null, include_negated bool = false, limit int(0..) = 50`) {
		t.Errorf("list lacks who_met_whom's params:\n%s", out)
	}
	code, out, _ = runCLI(t, "", "report", "show", "who_met_whom")
	if code != 0 || !strings.HasPrefix(out, "// file: queries/who_met_whom.cypher\n// name: who_met_whom\n") || !strings.Contains(out, "MATCH (a)-[m:MET]->(b)") {
		t.Errorf("show: exit %d\n%s", code, out)
	}
}

// Usage mistakes exit 2 before any connection is tried (isolate leaves no password).
func TestReportUsageErrors(t *testing.T) {
	isolate(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"report", "run", "nope"}, `no report "nope" (reports: corroboration,`},
		{[]string{"report", "run", "who_met_whom", "--param", "persn=x"}, "report who_met_whom: --param persn: no such parameter (parameters: include_negated, limit, person, since, until)"},
		{[]string{"report", "run", "who_met_whom", "-p", "limit=ten"}, `report who_met_whom: --param limit: want an int, got "ten"`},
		{[]string{"report", "run", "who_met_whom", "-p", "since=22/11/2024"}, `--param since: want a date`},
		{[]string{"report", "run", "who_met_whom", "-p", "include_negated=maybe"}, `--param include_negated: want true or false`},
		{[]string{"report", "run", "person_profile"}, `--param person: required`},
		{[]string{"report", "run", "who_met_whom", "-p", "limit"}, `--param "limit": want name=value`},
		{[]string{"report", "run", "who_met_whom", "-p", "limit=1", "-p", "limit=2"}, `--param limit given twice`},
		{[]string{"report", "run", "summary", "--format", "xml"}, `unknown format "xml"`},
		{[]string{"report", "run"}, `takes one report NAME`},
		{[]string{"report", "frobnicate"}, `unknown report command "frobnicate"`},
	}
	for _, tt := range tests {
		code, _, errOut := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(errOut, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errOut, tt.want)
		}
	}
}

func TestReportUserFolder(t *testing.T) {
	dir := isolate(t)
	qdir := filepath.Join(dir, "q")
	os.Mkdir(qdir, 0o755)
	os.WriteFile(filepath.Join(qdir, "mine.cypher"), []byte("// name: mine\n// summary: Mine\n// params: n int = 2\nRETURN $n AS n\n"), 0o644)
	t.Setenv("NEWSGRAPH_QUERIES_DIR", qdir)
	code, out, errOut := runCLI(t, "", "report", "list")
	if code != 0 || !strings.Contains(out, "mine  ("+filepath.Join(qdir, "mine.cypher")+")\n    Mine\n    params: n int = 2\n") {
		t.Errorf("exit %d %s\n%s", code, errOut, out)
	}
	// One bad template is named (file:line) and left out; the others, built-ins and the
	// user's, stay usable; running the bad one fails clearly.
	os.WriteFile(filepath.Join(qdir, "bad.cypher"), []byte("// name: bad\n// summary: x\n// params:\nRETURN $y\n"), 0o644)
	badLine := filepath.Join(qdir, "bad.cypher") + ":4: $y is not declared"
	code, out, errOut = runCLI(t, "", "report", "list")
	if code != 0 || !strings.Contains(errOut, badLine) || !strings.Contains(out, "mine  (") || !strings.Contains(out, "who_met_whom\n") {
		t.Errorf("list: exit %d, stderr %s\n%s", code, errOut, out)
	}
	code, out, errOut = runCLI(t, "", "report", "show", "who_met_whom")
	if code != 0 || !strings.Contains(out, "// name: who_met_whom") || !strings.Contains(errOut, badLine) {
		t.Errorf("show built-in: exit %d, stderr %s", code, errOut)
	}
	code, _, errOut = runCLI(t, "", "report", "run", "bad")
	if code != exitError || !strings.Contains(errOut, "report bad cannot run, its template has problems:\n"+badLine) {
		t.Errorf("run bad: exit %d, stderr %s", code, errOut)
	}
	// A broken file named like a built-in hides it rather than silently running the built-in.
	os.WriteFile(filepath.Join(qdir, "summary.cypher"), []byte("// name: summary\n// summary: x\n// params: n int\nRETURN 1\n"), 0o644)
	code, _, errOut = runCLI(t, "", "report", "run", "summary")
	if code != exitError || !strings.Contains(errOut, "report summary cannot run") || !strings.Contains(errOut, "summary.cypher:3: param n is declared but never used") {
		t.Errorf("run broken override: exit %d, stderr %s", code, errOut)
	}
}

func TestRunReportFormats(t *testing.T) {
	node := graph.NodeValue{ElementID: "e1", Labels: []string{"Person"}, Props: map[string]any{"id": "person:mark-rutte", "name": "Mark Rutte"}}
	node2 := graph.NodeValue{ElementID: "e2", Labels: []string{"Person"}, Props: map[string]any{"id": "person:donald-trump", "name": "Donald Trump"}}
	rel := graph.RelValue{ElementID: "r1", Type: "MET", StartID: "e1", EndID: "e2", Props: map[string]any{"status": "reported"}}
	fake := &fakeStore{rows: &graph.Rows{Columns: []string{"actor", "met", "status", "_path"}, Rows: [][]any{
		{"Mark Rutte", "Donald Trump", "reported", graph.PathValue{Nodes: []graph.NodeValue{node, node2}, Rels: []graph.RelValue{rel}}},
	}}}
	run := func(format, output string, params map[string]string) string {
		t.Helper()
		var b bytes.Buffer
		err := runReport(context.Background(), reportOptions{Name: "who_met_whom", Params: params, Format: format, Output: output, Out: &b,
			Open: func(context.Context) (graph.Store, error) { return fake, nil }})
		if err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	if got := run("csv", "", map[string]string{"person": "Rutte", "since": "2024-11"}); got != "actor,met,status\nMark Rutte,Donald Trump,reported\n" {
		t.Errorf("csv = %q", got)
	}
	if fake.params["person"] != "Rutte" || fake.params["since"] != "2024-11" || fake.params["limit"] != int64(50) || fake.params["include_negated"] != false || fake.params["until"] != nil {
		t.Errorf("params = %#v", fake.params)
	}
	if !strings.Contains(fake.query, "// name: who_met_whom") || strings.Contains(fake.query, "Rutte") {
		t.Error("the query is not the template as written (params must never be spliced)")
	}
	if got := run("md", "", nil); !strings.Contains(got, "| Mark Rutte | Donald Trump | reported |") || strings.Contains(got, "_path") {
		t.Errorf("md = %s", got)
	}
	if got := run("json", "", nil); !strings.Contains(got, `"actor": "Mark Rutte"`) || strings.Contains(got, "_path") {
		t.Errorf("json = %s", got)
	}
	file := filepath.Join(t.TempDir(), "r.html")
	if got := run("html", file, nil); got != "" {
		t.Errorf("html went to stdout: %q", got)
	}
	page, _ := os.ReadFile(file)
	for _, want := range []string{"<!DOCTYPE html>", "<svg", "Mark Rutte", "Donald Trump", "<style>"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("html page lacks %q", want)
		}
	}
}

// vettedStore is a fakeStore that can also run a statement without the read-only EXPLAIN
// (as graph/neo4j.Store does) and records which way each report went.
type vettedStore struct {
	fakeStore
	vetted, checked int
}

func (v *vettedStore) Query(ctx context.Context, q string, p map[string]any) (*graph.Rows, error) {
	v.checked++
	return v.fakeStore.Query(ctx, q, p)
}

func (v *vettedStore) QueryVetted(ctx context.Context, q string, p map[string]any) (*graph.Rows, error) {
	v.vetted++
	return v.fakeStore.Query(ctx, q, p)
}

// A built-in template runs without the EXPLAIN (its plan is checked by the queries tests); a
// template from the user's folder, even one named like a built-in, keeps the check.
func TestReportRunSkipsExplainForBuiltIns(t *testing.T) {
	qdir := t.TempDir()
	os.WriteFile(filepath.Join(qdir, "mine.cypher"), []byte("// name: mine\n// summary: Mine\n// params:\nRETURN 1 AS n\n"), 0o644)
	os.WriteFile(filepath.Join(qdir, "summary.cypher"), []byte("// name: summary\n// summary: Mine too\n// params:\nRETURN 2 AS n\n"), 0o644)
	run := func(name, dir string) *vettedStore {
		t.Helper()
		v := &vettedStore{fakeStore: fakeStore{rows: &graph.Rows{Columns: []string{"n"}, Rows: [][]any{{int64(1)}}}}}
		err := runReport(context.Background(), reportOptions{Name: name, Dir: dir, Format: "csv", Out: &bytes.Buffer{},
			Open: func(context.Context) (graph.Store, error) { return v, nil }})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if v := run("who_met_whom", qdir); v.vetted != 1 || v.checked != 0 {
		t.Errorf("built-in: vetted %d, checked %d; want 1, 0", v.vetted, v.checked)
	}
	for _, name := range []string{"mine", "summary"} {
		if v := run(name, qdir); v.vetted != 0 || v.checked != 1 {
			t.Errorf("%s from the folder: vetted %d, checked %d; want 0, 1", name, v.vetted, v.checked)
		}
	}
}
