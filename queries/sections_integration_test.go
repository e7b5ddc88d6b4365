//go:build integration

package queries_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// expands sums the rows of the plan's Expand operators whose details name the relationship
// pattern want (e.g. ":MET|SPOKE_WITH"), and counts those that read any.
func expands(steps []neo4jtest.Step, want string) (rows int64, reads int) {
	for _, st := range steps {
		if strings.HasPrefix(st.Operator, "Expand") && strings.Contains(st.Details, want) && st.Rows > 0 {
			rows += st.Rows
			reads++
		}
	}
	return rows, reads
}

func profileReport(t *testing.T, name string, args map[string]string) []neo4jtest.Step {
	t.Helper()
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tm, ok := c.Get(name)
	if !ok {
		t.Fatalf("no report %s", name)
	}
	params, err := tm.Bind(args)
	if err != nil {
		t.Fatal(err)
	}
	return neo4jtest.Profile(t, tm.Cypher(), params)
}

// TestReportsReadWhatLimitNeeds WIPES THE DATABASE and loads testdata/fixture.jsonl.
// person_profile reads a person's facts only when the roles before them leave room under
// limit, and the articles mentioning them only when roles and facts do: Rutte holds a role, so
// with limit=1 neither is read (main read every section of every person). entity_timeline reads
// an entity's relationships once, not once for the cutoff date and again for the rows (main).
func TestReportsReadWhatLimitNeeds(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, filepath.Join("..", "testdata", "fixture.jsonl"))
	steps := profileReport(t, "person_profile", map[string]string{"person": "person:mark-rutte", "limit": "1"})
	if rows, _ := expands(steps, ":MET|SPOKE_WITH"); rows != 0 {
		t.Errorf("person_profile limit=1: read %d facts for a person whose role fills the limit", rows)
	}
	if rows, _ := expands(steps, ":MENTIONS"); rows != 0 {
		t.Errorf("person_profile limit=1: read %d mentions for a person whose role fills the limit", rows)
	}
	if rows, _ := expands(profileReport(t, "person_profile", map[string]string{"person": "person:mark-rutte"}), ":MENTIONS"); rows == 0 {
		t.Error("person_profile: the articles section is not read when there is room for it")
	}
	rows, reads := expands(profileReport(t, "entity_timeline", map[string]string{"entity": "person:mark-rutte"}), ":MET|SPOKE_WITH")
	if rows == 0 || reads != 1 {
		t.Errorf("entity_timeline: %d expansions read %d relationships, want one", reads, rows)
	}
}
