//go:build integration

package queries_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// tiesHeader and tiesLines make a small extraction whose reports have rows equal in every
// sort key but one the older templates did not sort by: two MET relationships between the same
// two persons in one article and on one date, one each way (they differ in sentence only),
// and two summits of the same name and date (they differ in id only).
const tiesHeader = `{"kind":"meta","contract":"newsgraph-extract/1","generator":"ties test"}
{"kind":"article","id":"a1","source":"a1.txt","title":"Talks","published":"2025-03-01","words":40,"hash":"h1"}
{"kind":"node","id":"person:ann-lee","label":"Person","name":"Ann Lee","articles":["a1"]}
{"kind":"node","id":"person:bo-kim","label":"Person","name":"Bo Kim","articles":["a1"]}
{"kind":"node","id":"place:north-town","label":"Place","name":"North Town","articles":["a1"]}
{"kind":"node","id":"place:south-town","label":"Place","name":"South Town","articles":["a1"]}
`

// tiesLines are written in either order; the summits differ in id and place (tiesTail).
var tiesLines = []string{
	`{"kind":"node","id":"event:summit-b","label":"Event","name":"Lakeside summit","articles":["a1"],"props":{"kind":"summit","date":"2025-03-01"}}`,
	`{"kind":"edge","type":"MET","from":"person:ann-lee","to":"person:bo-kim","article":"a1","status":"reported","date":"2025-03-01","confidence":0.9,"rule":"test","evidence":{"sentence":"Zed: Ann Lee met Bo Kim.","start":0,"end":24}}`,
	`{"kind":"edge","type":"MET","from":"person:bo-kim","to":"person:ann-lee","article":"a1","status":"reported","date":"2025-03-01","confidence":0.9,"rule":"test","evidence":{"sentence":"Alpha: Bo Kim met Ann Lee.","start":30,"end":56}}`,
	`{"kind":"node","id":"event:summit-a","label":"Event","name":"Lakeside summit","articles":["a1"],"props":{"kind":"summit","date":"2025-03-01"}}`,
}

const tiesTail = `{"kind":"edge","type":"HELD_IN","from":"event:summit-a","to":"place:north-town","article":"a1","confidence":1,"rule":"test","evidence":{"sentence":"Zed: Ann Lee met Bo Kim.","start":0,"end":24}}
{"kind":"edge","type":"HELD_IN","from":"event:summit-b","to":"place:south-town","article":"a1","confidence":1,"rule":"test","evidence":{"sentence":"Zed: Ann Lee met Bo Kim.","start":0,"end":24}}
`

// TestTiesOrderedByKeys WIPES THE DATABASE. person_profile and summit_attendance give rows
// whose sort keys tie in the same order whichever order the loader wrote them in: the MET
// rows by sentence, the two summits by id (before, both came in storage order, which a
// different load order changes).
func TestTiesOrderedByKeys(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	run := func(report string, args map[string]string) string {
		tm, ok := c.Get(report)
		if !ok {
			t.Fatalf("no report %s", report)
		}
		params, err := tm.Bind(args)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.Query(context.Background(), tm.Cypher(), params)
		if err != nil {
			t.Fatalf("%s: %v", report, err)
		}
		return plainRows(t, rows)
	}
	reversed := make([]string, len(tiesLines))
	for i, l := range tiesLines {
		reversed[len(tiesLines)-1-i] = l
	}
	for _, order := range [][]string{tiesLines, reversed} {
		path := filepath.Join(t.TempDir(), "ties.jsonl")
		if err := os.WriteFile(path, []byte(tiesHeader+strings.Join(order, "\n")+"\n"+tiesTail), 0o644); err != nil {
			t.Fatal(err)
		}
		neo4jtest.Load(t, s, path)
		profile := run("person_profile", map[string]string{"person": "Ann Lee"})
		alpha, zed := strings.Index(profile, "Alpha: "), strings.Index(profile, "Zed: ")
		if alpha < 0 || zed < 0 || alpha > zed {
			t.Errorf("lines written %.60s… first: person_profile rows not in sentence order:\n%s", order[0], profile)
		}
		summits := run("summit_attendance", map[string]string{})
		north, south := strings.Index(summits, "North Town"), strings.Index(summits, "South Town")
		if north < 0 || south < 0 || north > south {
			t.Errorf("lines written %.60s… first: summit_attendance rows not in id order:\n%s", order[0], summits)
		}
		if one := run("summit_attendance", map[string]string{"limit": "1"}); !strings.Contains(one, "North Town") {
			t.Errorf("summit_attendance limit=1 kept the summit of the larger id:\n%s", one)
		}
	}
}
