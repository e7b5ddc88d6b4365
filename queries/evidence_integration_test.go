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
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// evidenceParams are the parameter sets TestEvidenceBetweenHubs compares with main's template:
// limits below, at and above the hubs' dated meetings (above: the undated ones follow; with 70
// the meetings are read by date, then the undated ones from the sides), each
// type filter that matters, a name matching nothing, and the sides swapped.
var evidenceParams = []map[string]string{
	{"from": "alpha", "to": "beta", "limit": "5"},
	{"from": "alpha", "to": "beta"},
	{"from": "alpha", "to": "beta", "limit": "0"},
	{"from": "alpha", "to": "beta", "limit": "70"},
	{"from": "alpha", "to": "beta", "limit": "1000"},
	{"from": "beta", "to": "alpha", "limit": "7"},
	{"from": "alpha", "to": "beta", "type": "met", "limit": "3"},
	{"from": "alpha", "to": "beta", "type": "HOLDS_ROLE"},
	{"from": "alpha", "to": "beta", "type": "criticized"},
	{"from": "alpha", "to": "zzzz"},
	{"from": "alpha hub", "to": "other 7"},
}

// TestEvidenceBetweenHubs WIPES THE DATABASE and loads two hubs, Alpha Hub and Beta Hub, that
// met in 60 articles (dated 2025, after every other meeting) and 3 more (undated), each meeting 300 others in 300 more
// articles, and Alpha Hub holding a role (undated) in Beta Group in 4 articles; each hub
// criticizes 40 others (2024), and Alpha Hub criticizes Beta Hub twice (2025-03-10, 2024-06-01). The report's rows equal main's template
// (testdata/reports/evidence_expand.cypher, which expands every relationship of the smaller
// side) for every parameter set; with limit 5 it reads the meetings newest first from the
// MET(date) index and stops (a partial sort): no expansion of the hubs' MET relationships,
// fewer relationships read than the hubs have; and reads the criticisms from the CRITICIZED(date)
// index (a seek from the fifth meeting's date: at most 2), not the hubs' 42 each. On main it
// expanded all of one hub's relationships.
func TestEvidenceBetweenHubs(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, writeHubs(t))
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := c.Get("evidence")
	for _, p := range evidenceParams {
		want := evidenceAsExpand(t, s, tm, p)
		if p["limit"] == "1000" && len(want.Rows) != 60+3+4+2 {
			t.Errorf("%v: main's template gave %d rows, want 69: the test graph is wrong", p, len(want.Rows))
		}
	}
	params, err := tm.Bind(evidenceParams[0])
	if err != nil {
		t.Fatal(err)
	}
	var ops []string
	var ordered, partial, window bool
	for _, st := range neo4jtest.Profile(t, tm.Cypher(), params) {
		op := strings.TrimSuffix(st.Operator, "@neo4j")
		ops = append(ops, op)
		if strings.Contains(op, "RelationshipIndex") && strings.Contains(st.Details, ":MET(date)") {
			ordered = true
			if st.Rows > 100 {
				t.Errorf("%s read %d MET relationships by date, want the few newest", op, st.Rows)
			}
		}
		partial = partial || op == "PartialTop"
		if strings.HasPrefix(op, "Expand") && (strings.Contains(st.Details, ":MET") || strings.Contains(st.Details, "CRITICIZED")) && st.Rows > 0 {
			t.Errorf("%s expanded %d relationships of the hubs: %s", op, st.Rows, st.Details)
		}
		if strings.Contains(op, "RelationshipIndex") && strings.Contains(st.Details, ":CRITICIZED(date)") && st.Rows > 0 {
			window = true
			// A seek reads from the cutoff on; on a graph this small the planner may scan the
			// whole index instead (82 entries), which the test server did in one run of three.
			if strings.Contains(op, "Seek") && st.Rows > 2 {
				t.Errorf("%s read %d CRITICIZED relationships by date, want the one on or after the cutoff", op, st.Rows)
			}
		}
	}
	if !ordered || !partial || !window {
		t.Errorf("the hubs' meetings are not read in date order, or their criticisms not from the date index: %v", ops)
	}
}

// writeHubs writes the extraction TestEvidenceBetweenHubs loads and returns its path.
func writeHubs(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"kind":"meta","contract":"newsgraph-extract/1","generator":"evidence test"}` + "\n")
	edge := func(typ, from, to, art, date string) {
		d := ""
		if date != "" {
			d = fmt.Sprintf(`"date":%q,"date_precision":"day","date_source":"published",`, date)
		}
		fmt.Fprintf(&b, `{"kind":"edge","type":%q,"from":%q,"to":%q,"article":%q,"status":"reported",%s"confidence":0.9,"rule":"test","evidence":{"sentence":"They met.","start":0,"end":9}}`+"\n",
			typ, from, to, art, d)
	}
	var arts, alpha, beta []string
	article := func(id string, day int) {
		arts = append(arts, id)
		fmt.Fprintf(&b, `{"kind":"article","id":%q,"source":"corpus/%s.txt","title":"Article %s","published":"2024-%02d-%02d","published_source":"metadata","words":10,"hash":"h-%s"}`+"\n",
			id, id, id, 1+day/28%12, 1+day%28, id)
	}
	for i := 0; i < 60; i++ {
		article(fmt.Sprintf("m-%03d", i), i)
	}
	for i := 0; i < 300; i++ {
		article(fmt.Sprintf("a-%03d", i), i*7)
		article(fmt.Sprintf("b-%03d", i), i*5)
	}
	for i := 0; i < 4; i++ {
		article(fmt.Sprintf("r-%d", i), i)
	}
	for i := 0; i < 3; i++ {
		article(fmt.Sprintf("u-%d", i), i)
	}
	for i := 0; i < 40; i++ {
		article(fmt.Sprintf("ca-%02d", i), i)
		article(fmt.Sprintf("cb-%02d", i), i)
	}
	article("x-0", 0)
	article("x-1", 1)
	q := func(l []string) string { return `"` + strings.Join(l, `","`) + `"` }
	alpha = append(alpha, arts[:60]...)
	beta = append(beta, arts[:60]...)
	for i := 0; i < 300; i++ {
		alpha = append(alpha, fmt.Sprintf("a-%03d", i))
		beta = append(beta, fmt.Sprintf("b-%03d", i))
	}
	alpha = append(alpha, "r-0", "r-1", "r-2", "r-3", "u-0", "u-1", "u-2", "x-0", "x-1")
	beta = append(beta, "u-0", "u-1", "u-2", "x-0", "x-1")
	for i := 0; i < 40; i++ {
		alpha = append(alpha, fmt.Sprintf("ca-%02d", i))
		beta = append(beta, fmt.Sprintf("cb-%02d", i))
	}
	fmt.Fprintf(&b, `{"kind":"node","id":"person:alpha-hub","label":"Person","name":"Alpha Hub","articles":[%s]}`+"\n", q(alpha))
	fmt.Fprintf(&b, `{"kind":"node","id":"person:beta-hub","label":"Person","name":"Beta Hub","articles":[%s]}`+"\n", q(beta))
	fmt.Fprintf(&b, `{"kind":"node","id":"org:beta-group","label":"Organization","name":"Beta Group","articles":["r-0","r-1","r-2","r-3"]}`+"\n")
	for i := 0; i < 300; i++ {
		arts := fmt.Sprintf(`"a-%03d","b-%03d"`, i, i)
		if i < 40 {
			arts += fmt.Sprintf(`,"ca-%02d","cb-%02d"`, i, i)
		}
		fmt.Fprintf(&b, `{"kind":"node","id":"person:other-%d","label":"Person","name":"Other %d","articles":[%s]}`+"\n", i, i, arts)
	}
	for i := 0; i < 60; i++ {
		from, to := "person:alpha-hub", "person:beta-hub"
		if i%3 == 0 {
			from, to = to, from
		}
		edge("MET", from, to, fmt.Sprintf("m-%03d", i), fmt.Sprintf("2025-%02d-%02d", 1+i/28%12, 1+i%28))
	}
	for i := 0; i < 300; i++ {
		edge("MET", "person:alpha-hub", fmt.Sprintf("person:other-%d", i), fmt.Sprintf("a-%03d", i), fmt.Sprintf("2024-%02d-%02d", 1+i*7/28%12, 1+i*7%28))
		edge("MET", fmt.Sprintf("person:other-%d", i), "person:beta-hub", fmt.Sprintf("b-%03d", i), fmt.Sprintf("2024-%02d-%02d", 1+i*5/28%12, 1+i*5%28))
	}
	for i := 0; i < 3; i++ {
		edge("MET", "person:beta-hub", "person:alpha-hub", fmt.Sprintf("u-%d", i), "")
	}
	for i := 0; i < 40; i++ {
		edge("CRITICIZED", "person:alpha-hub", fmt.Sprintf("person:other-%d", i), fmt.Sprintf("ca-%02d", i), fmt.Sprintf("2024-01-%02d", 1+i%28))
		edge("CRITICIZED", "person:beta-hub", fmt.Sprintf("person:other-%d", i), fmt.Sprintf("cb-%02d", i), fmt.Sprintf("2024-02-%02d", 1+i%28))
	}
	edge("CRITICIZED", "person:alpha-hub", "person:beta-hub", "x-0", "2025-03-10")
	edge("CRITICIZED", "person:alpha-hub", "person:beta-hub", "x-1", "2024-06-01")
	for i := 0; i < 4; i++ {
		edge("HOLDS_ROLE", "person:alpha-hub", "org:beta-group", fmt.Sprintf("r-%d", i), "")
	}
	path := filepath.Join(t.TempDir(), "hubs.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestEvidenceByDateTypesInTurn WIPES THE DATABASE and loads two hubs that met in 60 articles
// (2025) and each met 300 others (2024), and pressured each other in 30 articles (2023) while
// each pressured 300 others (2024): both types are read by date. With limit 5 the five newest
// meetings (2025) are newer than every pressure, so PRESSURED is read from the fifth meeting's
// date on: no entry of its index (main read each type by itself: the 600 newer pressures on
// others, then the hubs' own). The rows equal main's template (which expands
// the smaller side) with limits 5, 40, 100 (past the meetings: the pressures follow) and 1000,
// type pressured, and the sides swapped. The no-entry check holds for an index seek; a plan that
// scans the small index whole instead is logged.
func TestEvidenceByDateTypesInTurn(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	neo4jtest.Load(t, s, writeTwoTypes(t))
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	tm, _ := c.Get("evidence")
	for _, p := range []map[string]string{
		{"from": "alpha", "to": "beta", "limit": "5"},
		{"from": "alpha", "to": "beta", "limit": "40"},
		{"from": "alpha", "to": "beta"},
		{"from": "alpha", "to": "beta", "limit": "1000"},
		{"from": "alpha", "to": "beta", "type": "pressured", "limit": "7"},
		{"from": "beta", "to": "alpha", "limit": "5"},
	} {
		want := evidenceAsExpand(t, s, tm, p)
		if p["limit"] == "1000" && len(want.Rows) != 60+30 {
			t.Errorf("%v: main's template gave %d rows, want 90: the test graph is wrong", p, len(want.Rows))
		}
	}
	params, err := tm.Bind(map[string]string{"from": "alpha", "to": "beta", "limit": "5"})
	if err != nil {
		t.Fatal(err)
	}
	var met, pressured bool
	for _, st := range neo4jtest.Profile(t, tm.Cypher(), params) {
		if !strings.Contains(st.Operator, "RelationshipIndex") {
			continue
		}
		switch {
		case strings.Contains(st.Details, ":MET(date)") && st.Rows > 0:
			met = true
		case strings.Contains(st.Details, "[r:PRESSURED(date)]"):
			pressured = true
			// A seek reads from the cutoff on; on a graph this small the planner may scan the
			// whole index instead (630 entries), as the test server did in two runs of many
			// (as TestEvidenceBetweenHubs allows for CRITICIZED).
			if strings.Contains(st.Operator, "Seek") && st.Rows > 0 {
				t.Errorf("%s read %d PRESSURED relationships by date, want none (all older than the fifth meeting): %s", st.Operator, st.Rows, st.Details)
			} else if !strings.Contains(st.Operator, "Seek") {
				t.Logf("the planner scanned the PRESSURED date index (%s, %d rows): the cutoff is not checked in this run", st.Operator, st.Rows)
			}
		}
	}
	if !met || !pressured {
		t.Errorf("the meetings and the pressures are not both read by date (MET %v, PRESSURED %v)", met, pressured)
	}
}

// writeTwoTypes writes the extraction TestEvidenceByDateTypesInTurn loads and returns its path.
func writeTwoTypes(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(`{"kind":"meta","contract":"newsgraph-extract/1","generator":"evidence test"}` + "\n")
	arts := map[string][]string{}
	n := 0
	edge := func(typ, from, to, year string) {
		n++
		art, date := fmt.Sprintf("t-%04d", n), fmt.Sprintf("%s-%02d-%02d", year, 1+n/28%12, 1+n%28)
		fmt.Fprintf(&b, `{"kind":"article","id":%q,"source":"corpus/%s.txt","title":"Article %s","published":%q,"published_source":"metadata","words":10,"hash":"h-%s"}`+"\n",
			art, art, art, date, art)
		fmt.Fprintf(&b, `{"kind":"edge","type":%q,"from":%q,"to":%q,"article":%q,"status":"reported","date":%q,"date_precision":"day","date_source":"published","confidence":0.9,"rule":"test","evidence":{"sentence":"They met.","start":0,"end":9}}`+"\n",
			typ, from, to, art, date)
		arts[from] = append(arts[from], art)
		arts[to] = append(arts[to], art)
	}
	alpha, beta := "person:alpha-hub", "person:beta-hub"
	for i := 0; i < 60; i++ {
		edge("MET", alpha, beta, "2025")
	}
	for i := 0; i < 30; i++ {
		if i%2 == 0 {
			edge("PRESSURED", alpha, beta, "2023")
		} else {
			edge("PRESSURED", beta, alpha, "2023")
		}
	}
	for i := 0; i < 300; i++ {
		other := fmt.Sprintf("person:other-%d", i)
		edge("MET", alpha, other, "2024")
		edge("MET", other, beta, "2024")
		edge("PRESSURED", alpha, other, "2024")
		edge("PRESSURED", beta, other, "2024")
	}
	node := func(id, name string) {
		fmt.Fprintf(&b, `{"kind":"node","id":%q,"label":"Person","name":%q,"articles":["%s"]}`+"\n", id, name, strings.Join(arts[id], `","`))
	}
	node(alpha, "Alpha Hub")
	node(beta, "Beta Hub")
	for i := 0; i < 300; i++ {
		node(fmt.Sprintf("person:other-%d", i), fmt.Sprintf("Other %d", i))
	}
	path := filepath.Join(t.TempDir(), "twotypes.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// evidenceAsExpand runs the evidence template tm with parameters p, checks that its rows equal
// main's template (testdata/reports/evidence_expand.cypher, which expands every relationship
// of the smaller side) and returns main's rows.
func evidenceAsExpand(t *testing.T, s *neo4j.Store, tm *queries.Template, p map[string]string) *graph.Rows {
	t.Helper()
	expand, err := os.ReadFile(filepath.Join("..", "testdata", "reports", "evidence_expand.cypher"))
	if err != nil {
		t.Fatal(err)
	}
	params, err := tm.Bind(p)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Query(context.Background(), tm.Cypher(), params)
	if err != nil {
		t.Fatalf("%v: %v", p, err)
	}
	want, err := s.Query(context.Background(), string(expand), params)
	if err != nil {
		t.Fatalf("%v: main's template: %v", p, err)
	}
	if g, w := plainRows(t, got), plainRows(t, want); g != w {
		t.Errorf("%v: rows differ from main's template:\n got:\n%s\nwant:\n%s", p, g, w)
	}
	return want
}
