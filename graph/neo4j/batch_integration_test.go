//go:build integration

// The create statement against a real Neo4j. WIPES THE DATABASE IT IS POINTED AT (see
// store_integration_test.go).
package neo4j

import (
	"context"
	"strings"
	"testing"
)

// TestCreateEdgesJoinsNodesByIndex: createStmt finds each node once and joins a row's a and b
// by their index in the node list (the direction and type as the row says; the fact rows get
// their element ids); when one node is not found it creates nothing and createEdges fails.
func TestCreateEdgesJoinsNodesByIndex(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	var p, q, gone string
	if err := s.factsWrite(ctx, func(w *txWriter) error {
		rs, err := w.all("test", `CREATE (p:Person {id: 'person:p', name: 'P'}), (q:Person {id: 'person:q', name: 'Q'}), (z:Person {id: 'person:z', name: 'Z'})
WITH p, q, z, elementId(z) AS gone
DELETE z
RETURN elementId(p), elementId(q), gone`, nil)
		if err == nil {
			p, q, gone = rs[0].Values[0].(string), rs[0].Values[1].(string), rs[0].Values[2].(string)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	rows := []any{
		map[string]any{"a": int64(1), "b": int64(0), "type": "MET", "i": int64(0), "props": map[string]any{"key": "k1", "article": "x"}},
		map[string]any{"a": int64(0), "b": int64(1), "type": "CRITICIZED", "props": map[string]any{"key": "k2", "article": "x"}},
	}
	var facts []factRec
	err := s.factsWrite(ctx, func(w *txWriter) error {
		facts = []factRec{{art: "x"}}
		return w.createEdges([]any{p, q}, rows, facts)
	})
	if err != nil {
		t.Fatal(err)
	}
	got := lines(t, s, `MATCH (a)-[r]->(b) RETURN a.id + ' ' + type(r) + ' ' + b.id + ' ' + r.key + ' ' + elementId(r) ORDER BY r.key`)
	want := []string{"person:q MET person:p k1", "person:p CRITICIZED person:q k2"}
	for i, l := range got {
		if i >= len(want) || !strings.HasPrefix(l, want[i]+" ") {
			t.Fatalf("relationships %q, want %q", got, want)
		}
	}
	if len(got) != 2 || facts[0].rid == "" || !strings.HasSuffix(got[0], " "+facts[0].rid) {
		t.Errorf("relationships %q; the fact row's element id %q", got, facts[0].rid)
	}

	// One node missing: nothing created, an error.
	err = s.factsWrite(ctx, func(w *txWriter) error {
		return w.createEdges([]any{p, gone}, rows[1:], nil)
	})
	if err == nil || !strings.Contains(err.Error(), "endpoint node is missing") {
		t.Errorf("a missing node: err %v", err)
	}
	if n := len(lines(t, s, `MATCH ()-[r]->() RETURN r.key`)); n != 2 {
		t.Errorf("%d relationships after the failed create, want 2", n)
	}
}
