//go:build integration

package queries_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// TestCorroborationDrawsTenNewest WIPES THE DATABASE and loads one fact (Rutte MET Trump,
// January 2024) stated by 13 articles, a-01 to a-12 dated the 1st to the 12th and a-13 dated the
// 3rd like a-03. The row counts all 13 articles and lists every id; its drawing (_rels) holds
// the relationships of the 10 newest articles: by date descending, then article (a-03 before
// a-13 on the 3rd). On main the drawing held all 13.
func TestCorroborationDrawsTenNewest(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, writeFact(t, 13))
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := c.Get("corroboration")
	params, err := tm.Bind(map[string]string{"type": "met"})
	if err != nil {
		t.Fatal(err)
	}
	rows, err := s.Query(context.Background(), tm.Cypher(), params)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows.Rows) != 1 {
		t.Fatalf("%d rows, want 1: %v", len(rows.Rows), rows.Rows)
	}
	row := map[string]any{}
	for i, col := range rows.Columns {
		row[col] = rows.Rows[0][i]
	}
	var ids []string
	for i := 1; i <= 13; i++ {
		ids = append(ids, fmt.Sprintf("a-%02d", i))
	}
	if row["articles"] != int64(13) || row["article_ids"] != strings.Join(ids, ", ") {
		t.Errorf("articles %v, article_ids %v; want 13 and every id", row["articles"], row["article_ids"])
	}
	rels, _ := row["_rels"].([]any)
	var drawn []string
	for _, r := range rels {
		rv, ok := r.(graph.RelValue)
		if !ok {
			t.Fatalf("_rels holds %T", r)
		}
		drawn = append(drawn, fmt.Sprint(rv.Props["article"]))
	}
	want := "a-12 a-11 a-10 a-09 a-08 a-07 a-06 a-05 a-04 a-03"
	if got := strings.Join(drawn, " "); got != want {
		t.Errorf("_rels articles %q, want %q", got, want)
	}
}

// writeFact writes an extraction where n articles state that Rutte met Trump in January 2024
// (article i on day i, the 13th on day 3) and returns its path.
func writeFact(t *testing.T, n int) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"kind":"meta","contract":"newsgraph-extract/1","generator":"corroboration test"}` + "\n")
	var arts []string
	for i := 1; i <= n; i++ {
		day := i
		if i == 13 {
			day = 3
		}
		id := fmt.Sprintf("a-%02d", i)
		arts = append(arts, `"`+id+`"`)
		fmt.Fprintf(&b, `{"kind":"article","id":%q,"source":"corpus/%s.txt","title":"Meeting %d","published":"2024-01-%02d","published_source":"metadata","words":10,"hash":"h%02d"}`+"\n", id, id, i, day, i)
	}
	for _, p := range [][2]string{{"person:mark-rutte", "Mark Rutte"}, {"person:donald-trump", "Donald Trump"}} {
		fmt.Fprintf(&b, `{"kind":"node","id":%q,"label":"Person","name":%q,"articles":[%s]}`+"\n", p[0], p[1], strings.Join(arts, ","))
	}
	for i := 1; i <= n; i++ {
		day := i
		if i == 13 {
			day = 3
		}
		fmt.Fprintf(&b, `{"kind":"edge","type":"MET","from":"person:mark-rutte","to":"person:donald-trump","article":"a-%02d","status":"reported","date":"2024-01-%02d","date_precision":"day","date_source":"published","confidence":0.9,"rule":"test","evidence":{"sentence":"Rutte met Trump.","start":0,"end":16}}`+"\n", i, day)
	}
	path := filepath.Join(t.TempDir(), "fact.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
