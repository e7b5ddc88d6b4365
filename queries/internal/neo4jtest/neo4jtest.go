// Package neo4jtest opens the Neo4j server the integration tests of queries/... run
// against, found the way the CLI finds it: NEWSGRAPH_NEO4J_URI, NEWSGRAPH_NEO4J_PASSWORD
// or NEWSGRAPH_NEO4J_PASSWORD_FILE, else the local server of tools/neo4j (.neo4j/password).
package neo4jtest

import (
	"context"
	"os"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// Open connects to the test server; it fails the test when there is none.
func Open(t testing.TB) *neo4j.Store {
	t.Helper()
	c, err := config.Load(config.Options{})
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	pw, _, err := c.Neo4j.Password()
	if err != nil {
		t.Fatalf("integration tests need a Neo4j server: %v", err)
	}
	ctx := context.Background()
	s, err := neo4j.Open(ctx, neo4j.Config{URI: c.Neo4j.URI, User: c.Neo4j.User, Password: pw, Database: c.Neo4j.Database})
	if err != nil {
		t.Fatalf("open %s: %v", c.Neo4j.URI, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// OpenScratch is Open for tests that wipe the database: they run only when
// NEWSGRAPH_NEO4J_URI names the server (make test sets it to its separate test
// instance) and are skipped otherwise, so the main graph is never wiped by accident.
func OpenScratch(t testing.TB) *neo4j.Store {
	t.Helper()
	if os.Getenv("NEWSGRAPH_NEO4J_URI") == "" {
		t.Skip("this test wipes the database it uses: run it with `make test` (a separate test server), or set NEWSGRAPH_NEO4J_URI to a scratch server")
	}
	return Open(t)
}

// Load WIPES THE DATABASE (every node and relationship), applies the schema and loads
// the JSON Lines extraction at path.
func Load(t testing.TB, s *neo4j.Store, path string) {
	t.Helper()
	ctx := context.Background()
	d := graphtest.ReadFile(t, path)
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatalf("wipe: %v", err)
	}
	if _, err := s.Load(ctx, d, graph.LoadOptions{Name: path}); err != nil {
		t.Fatalf("load %s: %v", path, err)
	}
}

// Write runs one statement in a write transaction, straight through the driver: tests use
// it to put into the graph what a load never writes (a label or type outside the model).
func Write(t testing.TB, cypher string, params map[string]any) {
	t.Helper()
	ctx := context.Background()
	drv, database := open(t)
	defer drv.Close(ctx)
	if _, err := driver.ExecuteQuery(ctx, drv, cypher, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(database)); err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
}

// Step is one operator of a profiled plan: its name, details, rows and db hits.
type Step struct {
	Operator, Details string
	Rows, DbHits      int64
}

// Profile runs PROFILE cypher (read routing) and returns every operator of its plan, depth
// first.
func Profile(t testing.TB, cypher string, params map[string]any) []Step {
	t.Helper()
	ctx := context.Background()
	drv, database := open(t)
	defer drv.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, drv, "PROFILE "+cypher, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(database), driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		t.Fatalf("PROFILE: %v", err)
	}
	var out []Step
	var walk func(p driver.ProfiledPlan)
	walk = func(p driver.ProfiledPlan) {
		if p == nil {
			return
		}
		d, _ := p.Arguments()["Details"].(string)
		out = append(out, Step{Operator: p.Operator(), Details: d, Rows: p.Records(), DbHits: p.DbHits()})
		for _, ch := range p.Children() {
			walk(ch)
		}
	}
	walk(res.Summary.Profile())
	return out
}

// open connects straight to the configured test server (NEWSGRAPH_NEO4J_*) and returns the
// driver and the database name.
func open(t testing.TB) (driver.DriverWithContext, string) {
	t.Helper()
	c, err := config.Load(config.Options{})
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	pw, _, err := c.Neo4j.Password()
	if err != nil {
		t.Fatal(err)
	}
	drv, err := driver.NewDriverWithContext(c.Neo4j.URI, driver.BasicAuth(c.Neo4j.User, pw, ""))
	if err != nil {
		t.Fatal(err)
	}
	return drv, c.Neo4j.Database
}
