//go:build integration

package queries_test

import (
	"context"
	"testing"

	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// Every embedded template passes CheckReadOnly (no LOAD CSV, TERMINATE, administration
// commands or server procedures) and EXPLAIN with its declared defaults (with sample values
// for required params) and with its example, and EXPLAIN says it only reads (query type "r").
// `report run` relies on this: it runs the embedded templates without the EXPLAIN it does
// for a user's template (neo4j.Store.QueryVetted), still in a read transaction. The query
// type does not depend on the values; both sets are checked to catch a plan that fails. It
// does not change the database.
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
			if !tm.Embedded {
				t.Fatalf("%s: not embedded", tm.File)
			}
			if err := neo4j.CheckReadOnly(tm.Cypher()); err != nil {
				t.Errorf("%s: %v", tm.File, err)
			}
			sets := map[string]map[string]any{"defaults": tm.Defaults()}
			if len(tm.Example) > 0 {
				ex, err := tm.ExampleParams()
				if err != nil {
					t.Fatalf("%s: example: %v", tm.File, err)
				}
				sets["example"] = ex
			}
			for name, params := range sets {
				qt, err := s.Explain(context.Background(), tm.Cypher(), params)
				if err != nil {
					t.Fatalf("%s: EXPLAIN with the %s: %v", tm.File, name, err)
				}
				if qt != "r" {
					t.Errorf("%s: query type %q with the %s, want r (read only)", tm.File, qt, name)
				}
			}
		})
	}
}
