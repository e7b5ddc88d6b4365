//go:build integration

// The corroboration facts against a real Neo4j. WIPES THE DATABASE IT IS POINTED AT (see
// store_integration_test.go).
package neo4j

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// recomputeFacts groups every fact relationship of the graph from scratch (main's
// corroboration template without its filters and limit): one line per fact in the report's
// order, with the element ids of its 10 newest relationships (date descending, then article,
// key and element id) and the number of its relationships.
const recomputeFacts = `MATCH (a)-[r]->(b) WHERE NOT r:MENTIONS
WITH r, type(r) AS t, a, b, type(r) IN ['MET', 'SPOKE_WITH'] AND b.id < a.id AS swap
WITH r, t, CASE WHEN swap THEN b ELSE a END AS x, CASE WHEN swap THEN a ELSE b END AS y
WITH t, x, y, r.status AS status, r.title AS title, left(coalesce(r.date, ''), 7) AS month,
     count(DISTINCT r.article) AS articles, collect(elementId(r)) AS rels, collect(DISTINCT r.article) AS arts, collect(r) AS rs
CALL (arts) { UNWIND arts AS a WITH a ORDER BY a RETURN collect(a) AS sorted }
CALL (rs) {
  UNWIND rs AS r
  WITH r ORDER BY coalesce(r.date, '') DESC, r.article, r.key, elementId(r) LIMIT 10
  RETURN collect(elementId(r)) AS drawn
}
WITH t + CASE WHEN title IS NULL THEN '' ELSE ' (' + title + ')' END AS relation, x, y, status, month, articles, rels, sorted, drawn
RETURN relation, x.id AS x, y.id AS y, x.name AS subject, y.name AS object, status, month, articles,
       reduce(s = '', a IN sorted | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS article_ids, drawn, size(rels) AS rels
ORDER BY articles DESC, relation, subject, object, month, status, x, y`

// storedFacts reads the fact nodes the same way, in the order of their sort index: the
// articles, drawing and number of relationships they keep (arts, new, rels).
const storedFacts = `MATCH (f:CorroborationFact) WHERE f.sort >= ''
RETURN f.type + CASE WHEN f.title IS NULL THEN '' ELSE ' (' + f.title + ')' END AS relation, f.x AS x, f.y AS y,
       f.subject AS subject, f.object AS object, f.status AS status, f.month AS month, f.articles AS articles,
       reduce(s = '', a IN f.arts | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS article_ids,
       [x IN f.new | split(x, '\u0000')[-1]] AS drawn, f.rels AS rels
ORDER BY f.sort`

// factLines is the lines of q's rows.
func factLines(t *testing.T, s *Store, q string) []string {
	t.Helper()
	return rowLines(t, s, q, func([]any) {})
}

// checkFacts fails unless the fact nodes equal a from-scratch grouping of the relationships,
// in the same order, and no other fact node than the backfill's marker exists.
func checkFacts(t *testing.T, s *Store, step string) {
	t.Helper()
	want, got := factLines(t, s, recomputeFacts), factLines(t, s, storedFacts)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: fact nodes\n%s\nwant (recomputed)\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	rows, err := s.Query(context.Background(), `MATCH (f:CorroborationFact) WHERE f.sort IS NULL AND f.key <> '~complete' RETURN count(f)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := rows.Rows[0][0].(int64); n != 0 {
		t.Errorf("%s: %d fact nodes without a sort string (placeholders left)", step, n)
	}
	if len(want) == 0 && step != "empty" {
		t.Fatalf("%s: no facts at all: the test graph is wrong", step)
	}
	// Nothing is kept on the relationships (an earlier build set their fact key).
	rows, err = s.Query(context.Background(), `MATCH ()-[r]->() WHERE r.`+RelFactProperty+` IS NOT NULL RETURN count(r)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := rows.Rows[0][0].(int64); n != 0 {
		t.Errorf("%s: %d relationships carry a fact key", step, n)
	}
	checkRanks(t, s, step)
}

const actorTypes = `MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED`

// recomputeRanks counts every actor's numbers from scratch as main's most_connected template
// does; storedRanks reads the ActorRank nodes.
const recomputeRanks = `MATCH (n) WHERE n:Person OR n:Country OR n:Organization
OPTIONAL MATCH (n)-[r:` + actorTypes + `]-(x)
WITH n, r, x, coalesce(r.status, '') <> 'negated' AS nn
RETURN n.id AS id, n.name AS name, head(labels(n)) AS label,
       count(DISTINCT x) AS degree_all, count(r) AS facts_all,
       sum(CASE WHEN startNode(r) = n THEN 1 ELSE 0 END) AS out_all, sum(CASE WHEN endNode(r) = n THEN 1 ELSE 0 END) AS in_all,
       count(DISTINCT CASE WHEN nn THEN x END) AS degree_nn, count(CASE WHEN nn THEN r END) AS facts_nn,
       sum(CASE WHEN nn AND startNode(r) = n THEN 1 ELSE 0 END) AS out_nn, sum(CASE WHEN nn AND endNode(r) = n THEN 1 ELSE 0 END) AS in_nn,
       COUNT { MATCH (art:Article)-[:MENTIONS]->(n) RETURN DISTINCT art } AS articles
ORDER BY id`

const storedRanks = `MATCH (s:ActorRank)
RETURN s.actor AS id, s.actor_name AS name, s.label AS label, s.degree_all, s.facts_all, s.out_all, s.in_all,
       s.degree_nn, s.facts_nn, s.out_nn, s.in_nn, s.articles
ORDER BY id`

// recomputePairs and storedPairs: the actor relationships per pair of nodes.
const recomputePairs = `MATCH (a)-[r:` + actorTypes + `]->(b)
WITH CASE WHEN a.id <= b.id THEN a.id + '\u0001' + b.id ELSE b.id + '\u0001' + a.id END AS key, r
RETURN key, count(r) AS all, count(CASE WHEN coalesce(r.status, '') <> 'negated' THEN 1 END) AS nn
ORDER BY key`

const storedPairs = `MATCH (q:ActorPair) RETURN q.key AS key, q.all AS all, q.nn AS nn ORDER BY key`

func lines(t *testing.T, s *Store, q string) []string {
	t.Helper()
	return rowLines(t, s, q, func([]any) {})
}

// rowLines runs q and prints each row, after fix.
func rowLines(t *testing.T, s *Store, q string, fix func([]any)) []string {
	t.Helper()
	rows, err := s.Query(context.Background(), q, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows.Rows {
		fix(r)
		out = append(out, fmt.Sprint(r...))
	}
	return out
}

// checkRanks fails unless the ActorRank and ActorPair nodes equal a from-scratch count.
func checkRanks(t *testing.T, s *Store, step string) {
	t.Helper()
	for _, q := range [][2]string{{recomputeRanks, storedRanks}, {recomputePairs, storedPairs}} {
		want, got := lines(t, s, q[0]), lines(t, s, q[1])
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: stored\n%s\nwant (recomputed)\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(want) == 0 {
			t.Fatalf("%s: nothing to count: the test graph is wrong", step)
		}
	}
}

func readReportsGraph(t *testing.T) *graph.Document {
	t.Helper()
	p := filepath.Join("..", "..", "testdata", "reports", "graph.jsonl")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, string(b))
}

// TestFactsFollowLoadsAndRetractions (corroboration's facts, most_connected's ranks and
// pairs): after a fresh load, a reload of changed articles (statuses changed, to and from
// negated, a date's month and a title changed, a relationship dropped, a node renamed, in
// batches of one article), a retraction that deletes orphans, and a dry-run retraction, the
// derived nodes equal a from-scratch grouping and count.
func TestFactsFollowLoadsAndRetractions(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	d := readReportsGraph(t)
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	checkFacts(t, s, "fresh load")

	d = readReportsGraph(t)
	dropped := false
	changed := graphtest.EditEdges(d, func(e *graph.Edge) (bool, bool) {
		switch {
		case e.Type == graph.RelMet && e.Status == "reported":
			e.Status = "planned"
		case e.Type == graph.RelMet && e.Status == "negated":
			e.Status = "reported"
		case e.Type == graph.RelCriticized:
			e.Status = "negated"
		case e.Type == graph.RelAttended && e.Date != "":
			e.Date = "2031-01-05"
		case e.Type == graph.RelHoldsRole:
			e.Title = "acting " + e.Title
		case e.Type == graph.RelPressured && !dropped:
			dropped = true
			return false, true
		default:
			return true, false
		}
		return true, true
	})
	renamed := ""
	for i := range d.Nodes {
		if d.Nodes[i].Label == graph.LabelCountry && renamed == "" {
			renamed = d.Nodes[i].ID
			d.Nodes[i].Name = "Renamed " + d.Nodes[i].Name
		}
	}
	if len(changed) == 0 || renamed == "" || !dropped {
		t.Fatalf("the test graph has nothing to change (%v, %q, %v)", changed, renamed, dropped)
	}
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	checkFacts(t, s, "changed reload")

	// The first article retracted: its facts lose it, the entities only it named go.
	first := d.Articles[0].ID
	before := factLines(t, s, storedFacts)
	if _, err := s.Retract(ctx, []string{first}, true); err != nil {
		t.Fatal(err)
	}
	if got := factLines(t, s, storedFacts); strings.Join(got, "\n") != strings.Join(before, "\n") {
		t.Errorf("a dry-run retraction changed the facts")
	}
	st, err := s.Retract(ctx, []string{first}, false)
	if err != nil {
		t.Fatal(err)
	}
	if st.NodesRemoved < 2 {
		t.Errorf("retract: %+v, want orphans removed too", st)
	}
	checkFacts(t, s, "retraction")
}

// TestFactsFollowEditedArticle: the edited a (same doc_key, new id) replaces the earlier
// version in its batch's transaction, and a relationship of a renamed node that the batch
// does not touch gets the new name.
func TestFactsFollowEditedArticle(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	checkFacts(t, s, "load a and b")
	load(t, s, editedA)
	checkFacts(t, s, "edited a")
	// b again under another node name for Rutte: the MET of the edited a keeps its
	// relationships and gets the new name.
	renamedB := strings.Replace(onlyB, `"name":"Mark Rutte"`, `"name":"Mark R. Rutte"`, 1)
	renamedB = strings.Replace(renamedB, `"hash":"2222"`, `"hash":"2223"`, 1)
	load(t, s, renamedB)
	checkFacts(t, s, "renamed")
}

// TestFactsBackfill: a graph without derived nodes (loaded by an earlier build) or with those
// of another version gets them from ApplySchema, equal to a from-scratch grouping and count.
func TestFactsBackfill(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readReportsGraph(t), graph.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	wipeFacts := func(extra string) {
		for _, q := range []string{`MATCH (f) WHERE f:CorroborationFact OR f:ActorRank OR f:ActorPair DELETE f`, extra} {
			if q == "" {
				continue
			}
			if err := s.factsWrite(ctx, func(w *txWriter) error { _, err := w.all("test", q, nil); return err }); err != nil {
				t.Fatal(err)
			}
		}
	}
	wipeFacts("")
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkFacts(t, s, "backfill")
	// An older version's marker and a stale fact: replaced.
	wipeFacts(`CREATE (:CorroborationFact {key: '~complete', version: 1}), (:CorroborationFact {key: 'stale', sort: '0', articles: 99}),
  (:ActorRank {actor: 'person:nobody', sort_all: '0'}), (:ActorPair {key: 'a', all: 3})`)
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkFacts(t, s, "backfill over another version")
	c := counts(t, s)
	if c.TotalNodes != c.Nodes[graph.LabelArticle]+c.Nodes[graph.LabelPerson]+c.Nodes[graph.LabelCountry]+
		c.Nodes[graph.LabelOrganization]+c.Nodes[graph.LabelPlace]+c.Nodes[graph.LabelEvent] {
		t.Errorf("Counts' total %d includes the fact nodes: %+v", c.TotalNodes, c.Nodes)
	}
}
