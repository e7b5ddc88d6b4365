//go:build integration

package render_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/queries/render"
)

var update = flag.Bool("update", false, "rewrite testdata/reports/*.golden")

// goldenInput is the graph the golden reports are computed from: the hand-written graph
// of testdata/reports. Switching to the seed-corpus extraction is this one line.
var goldenInput = "../../testdata/reports/graph.jsonl"

const goldenDir = "../../testdata/reports"

// A golden case: a template run with its example values (see "// example:") plus the
// params given here.
type goldenCase struct {
	name     string // golden file stem
	template string
	params   map[string]string // on top of the template's example
	html     bool              // also compare the HTML page
}

func goldenCases(c *queries.Catalog) []goldenCase {
	cs := []goldenCase{
		{name: "who_met_whom.all", template: "who_met_whom", params: map[string]string{"person": "", "since": ""}, html: true},
		{name: "who_met_whom.negated", template: "who_met_whom", params: map[string]string{"person": "", "since": "", "include_negated": "true"}},
		{name: "who_met_whom.until", template: "who_met_whom", params: map[string]string{"person": "rutte", "since": "2024-11", "until": "2024-12-31"}},
		{name: "person_profile.putin", template: "person_profile", params: map[string]string{"person": "person:vladimir-putin"}},
		{name: "evidence.trump_rutte", template: "evidence", params: map[string]string{"from": "Trump", "to": "Rutte"}},
		{name: "summit_attendance.all_kinds", template: "summit_attendance", params: map[string]string{"kind": "", "include_negated": "true"}},
		{name: "corroboration.single_source", template: "corroboration", params: map[string]string{"single_source_only": "true", "type": "met"}},
		{name: "country_pairs.us", template: "country_pairs", params: map[string]string{"country": "us"}, html: true},
		{name: "new_since.default", template: "new_since", params: map[string]string{"since": ""}},
		{name: "summary", template: "summary", html: true},
	}
	for _, t := range c.All() {
		cs = append(cs, goldenCase{name: t.Name, template: t.Name})
	}
	return cs
}

// TestGoldenReports WIPES THE DATABASE, loads goldenInput and runs every report,
// comparing the Markdown (and for some the HTML page) with testdata/reports/*.golden.
// Rewrite them with: go test -tags integration ./queries/render -run Golden -update
func TestGoldenReports(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, goldenInput)
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	seen := map[string]bool{}
	for _, gc := range goldenCases(c) {
		if seen[gc.name] {
			continue // a special case of the same name replaces the template's plain one
		}
		seen[gc.name] = true
		t.Run(gc.name, func(t *testing.T) {
			tm, ok := c.Get(gc.template)
			if !ok {
				t.Fatalf("no template %s", gc.template)
			}
			vals := map[string]string{}
			for k, v := range tm.Example {
				vals[k] = v
			}
			for k, v := range gc.params {
				vals[k] = v
			}
			params, err := tm.Bind(vals)
			if err != nil {
				t.Fatal(err)
			}
			rows, err := s.Query(ctx, tm.Cypher(), params)
			if err != nil {
				t.Fatalf("%s: %v", tm.File, err)
			}
			if len(rows.Rows) == 0 {
				t.Errorf("%s returns no rows on the golden graph", gc.name)
			}
			r := &render.Report{Template: tm, Params: params, Rows: rows}
			var md bytes.Buffer
			if err := render.Markdown(&md, r); err != nil {
				t.Fatal(err)
			}
			golden(t, gc.name+".md.golden", md.Bytes())
			if gc.html {
				if r.Graph, err = render.ForRows(ctx, s, rows); err != nil {
					t.Fatal(err)
				}
				var h bytes.Buffer
				if err := render.HTML(&h, r); err != nil {
					t.Fatal(err)
				}
				golden(t, gc.name+".html.golden", h.Bytes())
			}
		})
	}
}

// A user template that returns entity ids instead of graph values: the HTML drawing
// fetches the nodes and the relationships between them.
func TestGoldenHTMLFromIDs(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, goldenInput)
	src := "// name: ids\n// summary: Pressure by id\n// params: limit int = 10\n" +
		"MATCH (a)-[r:PRESSURED]->(b) RETURN a.id AS from, b.id AS to, r.status AS status ORDER BY from, to LIMIT $limit\n"
	tm, err := queries.Parse("ids.cypher", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	params := tm.Defaults()
	rows, err := s.Query(ctx, tm.Cypher(), params)
	if err != nil {
		t.Fatal(err)
	}
	g, err := render.ForRows(ctx, s, rows)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Nodes) == 0 || len(g.Edges) == 0 {
		t.Fatalf("nothing fetched: %+v", g)
	}
	var h bytes.Buffer
	if err := render.HTML(&h, &render.Report{Template: tm, Params: params, Rows: rows, Graph: g}); err != nil {
		t.Fatal(err)
	}
	golden(t, "ids.html.golden", h.Bytes())
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (run with -update to accept, and review the diff):\n%s", path, firstDiff(want, got))
	}
}

func firstDiff(want, got []byte) string {
	wl, gl := bytes.Split(want, []byte("\n")), bytes.Split(got, []byte("\n"))
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g []byte
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if !bytes.Equal(w, g) {
			return "line " + itoa(i+1) + ":\n  want: " + string(w) + "\n  got:  " + string(g)
		}
	}
	return "(same lines, different bytes)"
}

func itoa(n int) string { return strconv.Itoa(n) }
