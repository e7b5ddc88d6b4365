//go:build integration

package neo4j

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// QueryVetted skips the EXPLAIN, not the protection: a write still fails and writes nothing
// (the read transaction), LOAD CSV and procedures are still refused before anything is sent,
// reads return their rows, and a server error points into the statement as written (no
// EXPLAIN prefix to take off). On main there is no QueryVetted.
func TestQueryVetted(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	for _, q := range []string{
		`CREATE (n:Person {id: "person:x"})`,
		`MERGE (n:Person {id: "person:y"}) RETURN n`,
		`CREATE INDEX x_name IF NOT EXISTS FOR (n:X) ON (n.name)`,
	} {
		if _, err := s.QueryVetted(ctx, q, nil); err == nil {
			t.Errorf("%s: no error", q)
		}
	}
	if c := counts(t, s); c.TotalNodes != 0 {
		t.Errorf("a vetted write wrote %d nodes", c.TotalNodes)
	}
	for _, q := range []string{`LOAD CSV FROM 'file:///x.csv' AS l RETURN l`, `CALL dbms.components()`} {
		var ne *NotReadOnlyError
		if _, err := s.QueryVetted(ctx, q, nil); !errors.As(err, &ne) {
			t.Errorf("%s: err = %v, want a *NotReadOnlyError", q, err)
		}
	}
	rows, err := s.QueryVetted(ctx, `RETURN $n AS n`, map[string]any{"n": int64(3)})
	if err != nil || len(rows.Rows) != 1 || rows.Rows[0][0] != int64(3) {
		t.Fatalf("rows %v, err %v", rows, err)
	}
	_, err = s.QueryVetted(ctx, "RETURN 1 AS one,\n  nope(2) AS two", nil)
	if err == nil || !strings.Contains(err.Error(), "line 2, column 3") {
		t.Errorf("error position: %v", err)
	}
}
