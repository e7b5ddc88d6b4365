//go:build integration

package neo4j

import (
	"context"
	"testing"
)

// TestApplySchemaAndSearchBackfillsOnce: `newsgraph schema apply` (ApplySchemaAndSearch)
// reads the entity nodes for their search text once, whether ApplySchema created a search
// index (a graph from before it: its backfill is the one pass) or not (the pass that brings
// stale texts up to date). Before, the command ran a second full pass after ApplySchema's,
// which found nothing to set.
func TestApplySchemaAndSearchBackfillsOnce(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	load(t, s, bothAB)
	passes := 0
	searchBackfilled = func() { passes++ }
	defer func() { searchBackfilled = nil }()

	write(t, s, "DROP INDEX person_"+SearchProperty)
	write(t, s, "MATCH (n) REMOVE n."+SearchProperty)
	_, n, err := s.ApplySchemaAndSearch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if passes != 1 || n != 3 { // Rutte, Omtzigt, the Netherlands
		t.Errorf("index created: %d passes setting %d nodes, want 1 pass setting 3", passes, n)
	}
	checkSearch(t, s, "schema apply, index created")

	passes = 0
	write(t, s, "MATCH (n:Country) SET n."+SearchProperty+" = 'stale'")
	_, n, err = s.ApplySchemaAndSearch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if passes != 1 || n != 1 {
		t.Errorf("schema in place: %d passes setting %d nodes, want 1 pass setting 1", passes, n)
	}
	checkSearch(t, s, "schema apply, schema in place")

	passes = 0
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if passes != 0 {
		t.Errorf("ApplySchema with the schema in place: %d search passes, want none", passes)
	}
}
