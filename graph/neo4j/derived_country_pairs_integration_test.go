//go:build integration

// The country_pairs ties the loader keeps, against a real Neo4j. WIPES THE DATABASE IT IS
// POINTED AT (see store_integration_test.go).
package neo4j

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// storedTies is every tie the loader kept, one line each (the drawn relationships by key).
func storedTies(t *testing.T, s *Store) string {
	t.Helper()
	return groupLines(t, s, `MATCH (g:ActorTie) WHERE g.id <> $state
RETURN g.a, g.b, g.pair, g.type, g.fam, g.all_n, g.nn_n, g.all_st, g.nn_st, g.all_arts, g.nn_arts,
       [x IN g.all_new | [()-[r]->() WHERE elementId(r) = split(x, '\u0000')[-1] | r.key][0]],
       [x IN g.nn_new | [()-[r]->() WHERE elementId(r) = split(x, '\u0000')[-1] | r.key][0]]`,
		map[string]any{"state": tieStateID})
}

// scratchTies computes the same lines from the actor relationships, grouped from scratch; the
// newest relationships by Cypher's ORDER BY (date descending, then article and key).
func scratchTies(t *testing.T, s *Store) string {
	t.Helper()
	return groupLines(t, s, `MATCH (a)-[r:MET|SPOKE_WITH|SUPPORTED|VISITED|HOSTED|PRESSURED|CRITICIZED]->(b)
WITH a, b, type(r) AS t, coalesce(left(r.cameo, 2), {MET: '04', SPOKE_WITH: '04', VISITED: '04', HOSTED: '04',
     SUPPORTED: '05', PRESSURED: '10', CRITICIZED: '11'}[type(r)]) AS fam, r
ORDER BY coalesce(r.date, '') DESC, r.article, r.key
WITH a, b, t, fam, collect(r) AS rs, [x IN collect(r) WHERE coalesce(x.status, '') <> 'negated'] AS nn
RETURN a.id, b.id, CASE WHEN a.id < b.id THEN a.id + '\u0000' + b.id ELSE b.id + '\u0000' + a.id END, t, fam,
       size(rs), size(nn),
       COLLECT { UNWIND rs AS x WITH DISTINCT x.status AS v WHERE v IS NOT NULL AND v <> '' RETURN v ORDER BY v },
       COLLECT { UNWIND nn AS x WITH DISTINCT x.status AS v WHERE v IS NOT NULL AND v <> '' RETURN v ORDER BY v },
       COLLECT { UNWIND rs AS x WITH DISTINCT x.article AS v WHERE v IS NOT NULL RETURN v ORDER BY v },
       COLLECT { UNWIND nn AS x WITH DISTINCT x.article AS v WHERE v IS NOT NULL RETURN v ORDER BY v },
       [x IN rs[..10] | x.key], [x IN nn[..10] | x.key]`, nil)
}

func checkTies(t *testing.T, s *Store, step string) {
	t.Helper()
	got, want := storedTies(t, s), scratchTies(t, s)
	if got != want {
		t.Errorf("%s: the country pair ties kept differ from a recomputation:\n got:\n%s\nwant:\n%s", step, got, want)
	}
	if want == "" {
		t.Fatalf("%s: no ties: the test graph is wrong", step)
	}
}

// TestTiesFollowTheGraph: after a fresh load in batches of two, a reload of changed articles
// (statuses to and from negated, CAMEO codes and dates changed, a relationship dropped, in
// batches of one), an edited article (same doc_key, new id) and a retraction that deletes
// orphans, the ties kept equal a recomputation from the relationships.
func TestTiesFollowTheGraph(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readReportsGraph(t), graph.LoadOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	checkTies(t, s, "fresh load")

	d := readReportsGraph(t)
	dropped, i := false, -1
	graphtest.EditEdges(d, func(e *graph.Edge) (bool, bool) {
		i++ // the edge's index in the document
		switch {
		case e.Type == graph.RelMet && e.Status == "reported":
			e.Status = "negated"
		case e.Type == graph.RelMet && e.Status == "negated":
			e.Status = "planned"
		case e.Type == graph.RelCriticized || e.Type == graph.RelPressured:
			e.Cameo, e.Date = "1711", "2030-02-0"+string(rune('1'+i%9))
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
	checkTies(t, s, "changed reload")

	load(t, s, bothAB)
	load(t, s, editedA)
	checkTies(t, s, "edited article")

	if _, err := s.Retract(ctx, []string{d.Articles[0].ID}, false); err != nil {
		t.Fatal(err)
	}
	checkTies(t, s, "retraction")
}

// TestTiesBackfill: a graph without ties (loaded by an earlier build), or with stale ones and
// no marker, gets them from ApplySchema, equal to a recomputation, and they stay out of Counts.
func TestTiesBackfill(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readReportsGraph(t), graph.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	write(t, s, "MATCH (g:ActorTie) DELETE g")
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkTies(t, s, "backfill")
	write(t, s, "MATCH (g:ActorTie) DELETE g")
	write(t, s, "CREATE (:ActorTie {id: 'stale', pair: 'a\u0000b', nn_n: 3})")
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkTies(t, s, "backfill over stale ties")
	c := counts(t, s)
	if c.TotalNodes != c.Nodes[graph.LabelArticle]+c.Nodes[graph.LabelPerson]+c.Nodes[graph.LabelCountry]+
		c.Nodes[graph.LabelOrganization]+c.Nodes[graph.LabelPlace]+c.Nodes[graph.LabelEvent] {
		t.Errorf("Counts' total %d includes the ties: %+v", c.TotalNodes, c.Nodes)
	}
}

// TestTiesRedrawWhenANewestGoes: a tie of 12 relationships (PRESSURED, one article each, 12
// dates) keeps its 10 newest; when the newest article is retracted, or an article's date moves
// (a changed reload), the tie's 11th relationship (not in the batch, not among those kept) must
// take a place: the tie is read again from the graph.
func TestTiesRedrawWhenANewestGoes(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	arts := map[string][2]any{}
	for i := 1; i <= 12; i++ {
		arts[fmt.Sprintf("p%02d", i)] = [2]any{fmt.Sprintf("k%02d", i), []string{fmt.Sprintf("person:a>person:b||reported|2024-01-%02d", i)}}
	}
	load(t, s, pressureDoc(arts, nil))
	checkTies(t, s, "fresh load")
	if _, err := s.Retract(ctx, []string{"p12"}, false); err != nil {
		t.Fatal(err)
	}
	checkTies(t, s, "newest retracted")
	delete(arts, "p12")
	arts["p11"] = [2]any{"k11", []string{"person:a>person:b||reported|2023-12-31"}}
	doc := strings.Replace(pressureDoc(arts, nil), `"hash":"hp11"`, `"hash":"hp11-2"`, 1)
	load(t, s, doc)
	checkTies(t, s, "newest moved back")
	if got := storedTies(t, s); !strings.Contains(got, " 10 10 ") && !strings.Contains(got, " 11 11 ") {
		t.Fatalf("the tie is not the one tested:\n%s", got)
	}
}
