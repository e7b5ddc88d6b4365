//go:build integration

package queries_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// Every embedded template passes EXPLAIN with its declared defaults (and example values
// for required params) and is read-only. It does not change the database.
func TestTemplatesExplain(t *testing.T) {
	s := neo4jtest.Open(t)
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.All()) < 12 {
		t.Errorf("only %d templates", len(c.All()))
	}
	for _, tm := range c.All() {
		t.Run(tm.Name, func(t *testing.T) {
			qt, err := s.Explain(context.Background(), tm.Cypher(), tm.Defaults())
			if err != nil {
				t.Fatalf("%s: EXPLAIN: %v", tm.File, err)
			}
			if qt != "r" {
				t.Errorf("%s: query type %q, want r (read only)", tm.File, qt)
			}
		})
	}
}
