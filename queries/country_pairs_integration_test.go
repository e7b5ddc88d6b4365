//go:build integration

package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// countryPairParams are the parameter sets compared: the defaults (the template has no
// example), include_negated, limits 0, 1 and large, and country filters by iso code, alias,
// name prefix, id, and one that matches nothing.
var countryPairParams = []map[string]string{
	{}, {"include_negated": "true"}, {"limit": "0"}, {"limit": "1"}, {"limit": "1000", "include_negated": "true"},
	{"country": "us"}, {"country": "Russian"}, {"country": "uk"}, {"country": "country:spain", "include_negated": "true"},
	{"country": "zzzz"}, {"country": "u", "limit": "2"}, {"country": "f", "include_negated": "true"},
}

// checkCountryPairs runs the report and the reference template (testdata/reports/country_pairs_scratch.cypher,
// which lifts every relationship from scratch by the report's meaning) with each parameter set:
// the rows must be equal in order, every column but the drawing's; the drawing must hold the
// row's 10 newest relationships (all of them when it has no more), and their ends.
func checkCountryPairs(t *testing.T, s *neo4j.Store, step string) string {
	t.Helper()
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := c.Get("country_pairs")
	lifted, err := os.ReadFile(filepath.Join("..", "testdata", "reports", "country_pairs_scratch.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	rows, defaults := 0, ""
	for _, p := range countryPairParams {
		params, err := tm.Bind(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.Query(context.Background(), tm.Cypher(), params)
		if err != nil {
			t.Fatalf("%s %v: %v", step, p, err)
		}
		want, err := s.Query(context.Background(), string(lifted), params)
		if err != nil {
			t.Fatalf("%s %v: from scratch: %v", step, p, err)
		}
		if len(p) == 0 {
			rows, defaults = len(want.Rows), plainRows(t, want)
		}
		if g, w := plainRows(t, got), plainRows(t, want); g != w {
			t.Errorf("%s %v: rows differ from the recomputation from scratch:\n got:\n%s\nwant:\n%s", step, p, g, w)
			continue
		}
		for i := range got.Rows {
			checkDrawing(t, fmt.Sprintf("%s %v row %d", step, p, i), got.Rows[i][len(got.Rows[i])-1], want.Rows[i][len(want.Rows[i])-1])
		}
	}
	if rows == 0 {
		t.Fatalf("%s: no rows with the defaults: the test graph is wrong", step)
	}
	return defaults
}

// plainRows is the rows without the drawing columns (_nodes, _rels), one JSON line each.
func plainRows(t *testing.T, r *graph.Rows) string {
	var out []string
	for _, row := range r.Rows {
		var keep []any
		for i, c := range r.Columns {
			if !strings.HasPrefix(c, "_") {
				keep = append(keep, row[i])
			}
		}
		b, err := json.Marshal(keep)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	return strings.Join(out, "\n")
}

// checkDrawing: got (a row's _rels) holds at most 10 relationships of want, all of them when
// want has at most 10.
func checkDrawing(t *testing.T, what string, got, want any) {
	t.Helper()
	ids := func(v any) map[string]bool {
		b, _ := json.Marshal(v)
		var l []map[string]any
		json.Unmarshal(b, &l)
		m := map[string]bool{}
		for _, x := range l {
			m[fmt.Sprint(x["element_id"])] = true
		}
		return m
	}
	g, w := ids(got), ids(want)
	for id := range g {
		if !w[id] {
			t.Errorf("%s: drawn relationship %s is not the row's", what, id)
		}
	}
	if len(g) > 10 || len(g) < min(len(w), 10) {
		t.Errorf("%s: %d relationships drawn of %d", what, len(g), len(w))
	}
}

func readGraph(t *testing.T) *graph.Document {
	return graphtest.ReadFile(t, filepath.Join("..", "testdata", "reports", "graph.jsonl"))
}

// roleArticle is an article that only says that person holds a role in country: the
// person's relationships of other articles do not count for that country.
func roleArticle(t *testing.T, d *graph.Document, person, country string) *graph.Document {
	t.Helper()
	out := &graph.Document{Meta: d.Meta}
	a := d.Articles[0]
	a.ID, a.Source, a.URL, a.Hash, a.Title = "900_role", "corpus/900_role.txt", "https://news.example.org/900_role", "r900", "A new role"
	out.Articles = append(out.Articles, a)
	for _, n := range d.Nodes {
		if n.ID == person || n.ID == country {
			n.Articles = []string{a.ID}
			out.Nodes = append(out.Nodes, n)
		}
	}
	var mention, role *graph.Edge
	for i := range d.Edges {
		switch e := &d.Edges[i]; {
		case e.Type == graph.RelMentions && mention == nil:
			mention = e
		case e.Type == graph.RelHoldsRole && role == nil:
			role = e
		}
	}
	for _, id := range []string{person, country} {
		if mention == nil {
			break // the graph's MENTIONS are implied by the nodes' articles
		}
		m := *mention
		m.From, m.To, m.Article = a.ID, id, a.ID
		out.Edges = append(out.Edges, m)
	}
	r := *role
	r.From, r.To, r.Article, r.Title = person, country, a.ID, "Special Envoy"
	out.Edges = append(out.Edges, r)
	if len(out.Nodes) != 2 {
		t.Fatalf("no %s or %s in the test graph", person, country)
	}
	return out
}

// TestCountryPairsFollowTheGraph WIPES THE DATABASE. The report (groups kept by the loader)
// gives the rows of every relationship lifted from scratch after a fresh load in batches of two,
// a person gaining a role in another country in another article (no row changes: a relationship
// counts for the countries its own article gives) and losing it (retraction), a changed reload
// (statuses to and from negated, a CAMEO code changed, a relationship dropped, in batches of
// one), and a retraction that deletes orphans. It fails when the loader does not keep the groups
// up to date at any of these steps.
func TestCountryPairsFollowTheGraph(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	ctx := context.Background()
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	d := readGraph(t)
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	fresh := checkCountryPairs(t, s, "fresh load")

	if _, err := s.Load(ctx, roleArticle(t, readGraph(t), "person:donald-trump", "country:finland"), graph.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if checkCountryPairs(t, s, "role gained") != fresh {
		t.Errorf("a role stated by another article changed the rows")
	}
	if _, err := s.Retract(ctx, []string{"900_role"}, false); err != nil {
		t.Fatal(err)
	}
	if checkCountryPairs(t, s, "role lost") != fresh {
		t.Errorf("the role lost: rows differ from the fresh load's")
	}

	d = readGraph(t)
	dropped := false
	graphtest.EditEdges(d, func(e *graph.Edge) (bool, bool) {
		switch {
		case e.Type == graph.RelMet && e.Status == "reported":
			e.Status = "negated"
		case e.Type == graph.RelMet && e.Status == "negated":
			e.Status = "reported"
		case e.Type == graph.RelCriticized:
			e.Cameo = "1234"
		case e.Type == graph.RelSupported && !dropped:
			dropped = true
			return false, true
		default:
			return true, false
		}
		return true, true
	})
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	checkCountryPairs(t, s, "changed reload")

	if _, err := s.Retract(ctx, []string{d.Articles[0].ID}, false); err != nil {
		t.Fatal(err)
	}
	checkCountryPairs(t, s, "retraction")
}
