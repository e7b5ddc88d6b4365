//go:build integration

package render_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// summaryScan is what the summary report must say, by reading every node and relationship:
// for the model's types but MENTIONS ($facts), reported is every relationship that is not
// planned, hypothetical or negated (a status left out counts as reported); for MENTIONS and
// types outside the model, the relationships whose status is reported.
const summaryScan = `CALL {
  MATCH (n) UNWIND labels(n) AS name
  WITH name, count(*) AS count WHERE NOT name IN ['LoadManifest', 'CorroborationFact', 'ActorRank', 'ActorPair', 'PressureGroup', 'CountryPair', 'ActorTie']
  RETURN 'node' AS kind, name, count, null AS reported, null AS planned, null AS hypothetical, null AS negated
  UNION ALL
  MATCH ()-[r]->()
  WITH type(r) AS name, count(*) AS count,
       count(CASE r.status WHEN 'reported' THEN 1 END) AS reported,
       count(CASE r.status WHEN 'planned' THEN 1 END) AS planned,
       count(CASE r.status WHEN 'hypothetical' THEN 1 END) AS hypothetical,
       count(CASE r.status WHEN 'negated' THEN 1 END) AS negated
  RETURN 'relationship' AS kind, name, count,
         CASE WHEN name IN $facts THEN count - planned - hypothetical - negated ELSE reported END AS reported,
         planned, hypothetical, negated
}
RETURN kind, name, count, reported, planned, hypothetical, negated ORDER BY kind, name`

// TestSummaryMatchesScan WIPES THE DATABASE, loads the golden graph plus a node of a label and
// relationships of a type outside the model (with and without a status), a MET with a status
// outside the four and a SUPPORTED without one, and checks that the summary report, which
// reads counts from the count store and the status indexes, gives what reading every node and
// relationship gives.
func TestSummaryMatchesScan(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, goldenInput)
	neo4jtest.Write(t, `MATCH (a:Person) WITH a ORDER BY a.id LIMIT 2
CREATE (a)-[:ADVISED {status: 'planned'}]->(:Draft {id: 'draft-' + a.id})-[:ADVISED]->(a)`, nil)
	neo4jtest.Write(t, `MATCH ()-[r:MET]->() WITH r LIMIT 1 SET r.status = 'rumoured'`, nil)
	neo4jtest.Write(t, `MATCH ()-[r:SUPPORTED]->() WITH r LIMIT 1 REMOVE r.status`, nil)
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := c.Get("summary")
	ctx := context.Background()
	got, err := s.Query(ctx, tm.Cypher(), tm.Defaults())
	if err != nil {
		t.Fatal(err)
	}
	var facts []string
	for _, r := range graph.Relations {
		if r.Type != graph.RelMentions {
			facts = append(facts, string(r.Type))
		}
	}
	want, err := s.Query(ctx, summaryScan, map[string]any{"facts": facts})
	if err != nil {
		t.Fatal(err)
	}
	if g, w := rowsText(got), rowsText(want); g != w {
		t.Errorf("summary:\n%s\nscan:\n%s", g, w)
	}
	for _, name := range []string{"Draft", "ADVISED"} {
		if !containsRow(got, name) {
			t.Errorf("summary has no row for %s", name)
		}
	}
}

func rowsText(r *graph.Rows) string {
	out := ""
	for _, row := range r.Rows {
		out += fmt.Sprintln(row...)
	}
	return out
}

func containsRow(r *graph.Rows, name string) bool {
	for _, row := range r.Rows {
		if row[1] == name {
			return true
		}
	}
	return false
}
