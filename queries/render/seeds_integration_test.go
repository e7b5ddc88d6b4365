//go:build integration

package render_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/queries/render"
)

// TestSeedReports WIPES THE DATABASE, builds the graph from ../shared/corpus/seeds as
// `newsgraph build` does, runs every report with its defaults (and the who_met_whom
// filters an analyst uses), pins each output in testdata/reports/seeds/*.md.golden and
// checks what an analyst expects to see.
func TestSeedReports(t *testing.T) {
	seeds, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "seeds"))
	if _, err := os.Stat(seeds); err != nil {
		t.Skipf("seed corpus not found at %s", seeds)
	}
	s := neo4jtest.OpenScratch(t)
	p, err := extract.New(extract.Options{Workers: 2, Parse: true}) // as extract and build run it
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), seeds)
	if err != nil {
		t.Fatal(err)
	}
	for i := range res.Document.Articles { // machine-independent sources
		res.Document.Articles[i].Source = filepath.Base(res.Document.Articles[i].Source)
	}
	path := filepath.Join(t.TempDir(), "seeds.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := graph.NewWriter(f)
	if err := w.WriteDocument(&res.Document); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	f.Close()
	neo4jtest.Load(t, s, path)

	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	run := func(t *testing.T, name string, vals map[string]string) string {
		tm, ok := c.Get(name)
		if !ok {
			t.Fatalf("no template %s", name)
		}
		params, err := tm.Bind(vals)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.Query(context.Background(), tm.Cypher(), params)
		if err != nil {
			t.Fatalf("%s: %v", tm.File, err)
		}
		var md bytes.Buffer
		if err := render.Markdown(&md, &render.Report{Template: tm, Params: params, Rows: rows}); err != nil {
			t.Fatal(err)
		}
		return md.String()
	}
	// Parameters an analyst would give on this corpus (only one seed article is dated, so
	// date filters are left open); the rest come from each template's example.
	seedParams := map[string]map[string]string{
		"who_met_whom":     {"person": "Rutte", "since": ""},
		"entity_timeline":  {"entity": "Trump"},
		"new_since":        {"since": "2020"},
		"pressure_network": {"topic": ""},
	}
	for _, tm := range c.All() {
		t.Run(tm.Name, func(t *testing.T) {
			vals := map[string]string{}
			for k, v := range tm.Example {
				vals[k] = v
			}
			for k, v := range seedParams[tm.Name] {
				vals[k] = v
			}
			out := run(t, tm.Name, vals)
			if strings.Contains(out, "(0 rows)") {
				t.Errorf("%s returns no rows on the seed graph", tm.Name)
			}
			golden(t, filepath.Join("seeds", tm.Name+".md.golden"), []byte(out))
		})
	}
	// What an analyst expects of "who met whom" over the seeds.
	out := run(t, "who_met_whom", map[string]string{"person": "", "since": ""})
	golden(t, filepath.Join("seeds", "who_met_whom.all.md.golden"), []byte(out))
	for _, want := range [][]string{{"Mark Rutte", "Donald Trump", "Palm Beach"}, {"Pete Hegseth", "Boris Pistorius"}, {"Keir Starmer", "Mark Rutte"}} {
		found := false
		for _, line := range strings.Split(out, "\n") {
			ok := true
			for _, w := range want {
				ok = ok && strings.Contains(line, w)
			}
			found = found || ok
		}
		if !found {
			t.Errorf("who_met_whom over the seeds has no row with %q", want)
		}
	}
}
