//go:build integration

// The schema's indexes against a real Neo4j. WIPES THE DATABASE IT IS POINTED AT (see
// store_integration_test.go).
package neo4j

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// TestApplySchemaDropsObsoleteIndexes: the indexes an earlier build created that no statement
// reads any more (MENTIONS' key and article, the fact relationships' fact key) are dropped by
// ApplySchema, under whatever name, and every index of Schema stays.
func TestApplySchemaDropsObsoleteIndexes(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	old := []string{
		"CREATE INDEX mentions_key IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.key)",
		"CREATE INDEX renamed_mentions_article IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.article)",
		"CREATE INDEX met_fact IF NOT EXISTS FOR ()-[r:MET]-() ON (r.fact)",
		"CREATE INDEX holds_role_fact IF NOT EXISTS FOR ()-[r:HOLDS_ROLE]-() ON (r.fact)",
	}
	for _, q := range old {
		if err := s.factsWrite(ctx, func(w *txWriter) error { _, err := w.all("test", q, nil); return err }); err != nil {
			t.Fatal(err)
		}
	}
	if n := relIndexes(t, s, "MENTIONS.key", "MENTIONS.article", "MET.fact", "HOLDS_ROLE.fact"); n != 4 {
		t.Fatalf("%d of the 4 old indexes created", n)
	}
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	if n := relIndexes(t, s, "MENTIONS.key", "MENTIONS.article", "MET.fact", "HOLDS_ROLE.fact"); n != 0 {
		t.Errorf("%d of the 4 old indexes left after ApplySchema", n)
	}
	st, err := s.SchemaStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range st {
		if !x.Present {
			t.Errorf("missing after apply: %s", x.Item)
		}
	}
}

// relIndexes counts the relationship range indexes on the given TYPE.prop.
func relIndexes(t *testing.T, s *Store, on ...string) int {
	t.Helper()
	recs, err := s.read(context.Background(), `SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties
WHERE type = 'RANGE' AND entityType = 'RELATIONSHIP' RETURN labelsOrTypes[0] + '.' + properties[0]`, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, o := range on {
		want[o] = true
	}
	n := 0
	for _, r := range recs {
		if k, _ := r.Values[0].(string); want[k] {
			n++
		}
	}
	return n
}

// TestMentionsStatementsSeekTheArticle: without an index on MENTIONS' article, the statements
// that remove an article's stale or retracted MENTIONS start from the article's node (a unique
// index seek) and scan no label or relationship type; merging a MENTIONS by key expands
// between its two nodes.
func TestMentionsStatementsSeekTheArticle(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	load(t, s, bothAB)
	cases := []struct {
		name, stmt string
		params     map[string]any
		seek       bool
	}{
		{"stale", staleStmt(graph.RelMentions), map[string]any{"articles": []any{map[string]any{"id": "a", "keys": []any{"k"}}}}, true},
		{"retract", removeStmt(graph.RelMentions), map[string]any{"ids": []any{"a"}}, true},
		{"merge", mergeStmt(graph.RelMentions), map[string]any{"rows": []any{map[string]any{"a": "x", "b": "y", "key": "k", "to": "t", "props": map[string]any{}}}}, false},
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	for _, tc := range cases {
		res, err := sess.Run(ctx, "EXPLAIN "+strings.TrimPrefix(tc.stmt, noReplan), tc.params)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			t.Fatal(err)
		}
		ops := planOps(sum.Plan())
		if strings.Contains(ops, "Scan") {
			t.Errorf("%s: the plan scans: %s", tc.name, ops)
		}
		if tc.seek && !strings.Contains(ops, "NodeUniqueIndexSeek") {
			t.Errorf("%s: the plan does not seek the article: %s", tc.name, ops)
		}
	}
}

// planOps lists a plan's operators.
func planOps(p neo4j.Plan) string {
	out := p.Operator()
	for _, c := range p.Children() {
		out += " " + planOps(c)
	}
	return out
}
