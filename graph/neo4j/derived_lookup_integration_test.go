//go:build integration

// The search text the reports' name lookups use, against a real Neo4j. WIPES THE DATABASE
// IT IS POINTED AT (see store_integration_test.go).
package neo4j

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// wantSearch is the search text of a node worked out from scratch, in Go: its id, name and
// aliases, lower-cased, one per line (the fixtures are ASCII, where Go and Cypher agree).
func wantSearch(id, name string, aliases []string) string {
	return strings.ToLower(strings.Join(append([]string{id, name}, aliases...), "\n"))
}

// checkSearch fails unless every entity node's search text equals wantSearch of its name
// and aliases as stored now, and returns the texts by id.
func checkSearch(t *testing.T, s *Store, when string) map[string]string {
	t.Helper()
	rows, err := s.Query(context.Background(), `MATCH (n) WHERE n:Person OR n:Country OR n:Organization OR n:Place OR n:Event
RETURN n.id, n.name, n.aliases, n.`+SearchProperty+` ORDER BY n.id`, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows.Rows {
		id, _ := r[0].(string)
		name, _ := r[1].(string)
		var al []string
		for _, a := range asList(r[2]) {
			al = append(al, a.(string))
		}
		got, _ := r[3].(string)
		if want := wantSearch(id, name, al); got != want {
			t.Errorf("%s: %s search text %q, want %q", when, id, got, want)
		}
		out[id] = got
	}
	if len(out) == 0 {
		t.Fatalf("%s: no entity nodes", when)
	}
	return out
}

func asList(v any) []any { l, _ := v.([]any); return l }

// write runs one write statement outside the loader (to make a graph as an older build left it).
func write(t *testing.T, s *Store, cypher string) {
	t.Helper()
	ctx := context.Background()
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	if _, err := sess.Run(ctx, cypher, nil); err != nil {
		t.Fatal(err)
	}
}

// renamedNL is a third article that names the Netherlands by another name (a rename).
const renamedNL = meta + `{"kind":"article","id":"c-4444","source":"c/c.txt","doc_key":"/c/c.txt","hash":"4444"}` + "\n" +
	`{"kind":"node","id":"country:netherlands","label":"Country","name":"Kingdom of the Netherlands","aliases":["Holland"],"articles":["c-4444"]}` + "\n" +
	`{"kind":"edge","type":"MENTIONS","from":"c-4444","to":"country:netherlands","article":"c-4444","rule":"MENTIONS","evidence":{"sentence":"Holland voted.","start":0,"end":14},"props":{"aliases":["Holland"],"count":1}}` + "\n"

// TestSearchTextKeptByLoads: after a fresh load, a rename, the load of an edited article (its
// earlier version retracted, an orphan deleted, aliases recomputed) and a retraction, every
// entity node's search text is its name and aliases as stored, lower-cased.
func TestSearchTextKeptByLoads(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	got := checkSearch(t, s, "fresh load")
	if got["person:mark-rutte"] != "person:mark-rutte\nmark rutte\nmr. rutte\nrutte" {
		t.Errorf("Rutte after a fresh load: %q", got["person:mark-rutte"])
	}
	load(t, s, renamedNL)
	got = checkSearch(t, s, "rename")
	if !strings.HasPrefix(got["country:netherlands"], "country:netherlands\nkingdom of the netherlands\n") || !strings.Contains(got["country:netherlands"], "holland") {
		t.Errorf("Netherlands after the rename: %q", got["country:netherlands"])
	}
	load(t, s, editedA)
	got = checkSearch(t, s, "edited article")
	if _, ok := got["person:pieter-omtzigt"]; ok {
		t.Errorf("Omtzigt should be gone with the earlier version of a")
	}
	if _, err := s.Retract(context.Background(), []string{"b-2222"}, false); err != nil {
		t.Fatal(err)
	}
	got = checkSearch(t, s, "retraction")
	if got["person:mark-rutte"] != "person:mark-rutte\nmark rutte\nrutte" {
		t.Errorf("Rutte after b is retracted: %q, want his name and the one alias a-3333 gives", got["person:mark-rutte"])
	}
}

// TestSearchTextBackfill: a graph without search texts (or with a stale one), as a build
// before them left it, gets them from BackfillSearch, and from ApplySchema when it creates
// a search index.
func TestSearchTextBackfill(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	load(t, s, bothAB)
	write(t, s, "MATCH (n) REMOVE n."+SearchProperty)
	write(t, s, "MATCH (n:Country) SET n."+SearchProperty+" = 'stale'")
	n, err := s.BackfillSearch(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 { // Rutte, Omtzigt, the Netherlands (stale)
		t.Errorf("backfill set %d nodes, want 3", n)
	}
	checkSearch(t, s, "backfill")
	write(t, s, "DROP INDEX person_"+SearchProperty)
	write(t, s, "MATCH (n) REMOVE n."+SearchProperty)
	ch, err := s.ApplySchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	created := false
	for _, c := range ch {
		created = created || (c.Created && isSearchIndex(c.Item))
	}
	if !created {
		t.Fatalf("ApplySchema did not create the dropped search index")
	}
	checkSearch(t, s, "schema apply")
}

// TestSearchTextHidden: the search text is the loader's own: query results and exports
// do not carry it.
func TestSearchTextHidden(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	rows, err := s.Query(context.Background(), "MATCH p = (:Person)-[:MET]->(:Person) RETURN p, startNode(relationships(p)[0]) AS n, startNode(relationships(p)[0])."+SearchProperty, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rows.Rows[0][2] == nil {
		t.Fatalf("the node has no search text to hide")
	}
	n := rows.Rows[0][1].(graph.NodeValue)
	p := rows.Rows[0][0].(graph.PathValue)
	if _, ok := n.Props[SearchProperty]; ok || n.Props["name"] == nil {
		t.Errorf("node value props %v", n.Props)
	}
	for _, x := range p.Nodes {
		if _, ok := x.Props[SearchProperty]; ok {
			t.Errorf("path node props %v", x.Props)
		}
	}
	if snap := snapshot(t, s); strings.Contains(snap, `"`+SearchProperty+`"`) {
		t.Errorf("the export carries the search text:\n%s", snap)
	}
}

// checkEventWhen fails unless every Event's when_all and when_reported equal what its own
// date and the ATTENDED/HOSTED relationships into it give, worked out in Go; it returns
// them by id ("all|reported").
func checkEventWhen(t *testing.T, s *Store, when string) map[string]string {
	t.Helper()
	rows, err := s.Query(context.Background(), `MATCH (e:Event)
RETURN e.id, e.date, e.`+EventWhenAll+`, e.`+EventWhenReported+`,
       COLLECT { MATCH ()-[r:ATTENDED|HOSTED]->(e) RETURN [r.date, r.status] } AS rels ORDER BY e.id`, nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows.Rows {
		id, _ := r[0].(string)
		own, _ := r[1].(string)
		gotAll, _ := r[2].(string)
		gotRep, _ := r[3].(string)
		var all, rep string
		for _, x := range asList(r[4]) {
			pair := asList(x)
			d, _ := pair[0].(string)
			st, _ := pair[1].(string)
			if d != "" && (all == "" || d < all) {
				all = d
			}
			if d != "" && st != "negated" && (rep == "" || d < rep) {
				rep = d
			}
		}
		if own != "" {
			all, rep = own, own
		}
		if gotAll != all || gotRep != rep {
			t.Errorf("%s: %s when_all %q when_reported %q, want %q %q", when, id, gotAll, gotRep, all, rep)
		}
		out[id] = all + "|" + rep
	}
	return out
}

// TestEventWhenKept: the event dates follow a fresh load, a new article's earlier
// attendances (the event only extended, not recomputed), a changed reload (an attendance
// negated and moved earlier), the event's own date, and retractions.
func TestEventWhenKept(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	const ev = "event:nato-summit-in-the-hague"
	doc := func(own string, negateFirst bool) *graph.Document {
		d := readFixture(t)
		for i := range d.Nodes {
			if d.Nodes[i].ID == ev {
				delete(d.Nodes[i].Props, "date")
				if own != "" {
					d.Nodes[i].Props["date"] = own
				}
			}
		}
		first := true
		var extra graph.Edge
		for i := range d.Edges {
			e := &d.Edges[i]
			if e.Type != graph.RelAttended || e.To != ev {
				continue
			}
			extra = *e
			if first && negateFirst {
				e.Status, e.Date = graph.StatusNegated, "2025-06-01"
			}
			first = false
		}
		// article 002 states an attendance too, later than 001's
		extra.Article, extra.Date, extra.Evidence.Sentence = "002_palm_beach", "2025-07", "Trump attended the NATO summit."
		d.Edges = append(d.Edges, extra)
		return d
	}
	loadDoc := func(d *graph.Document) {
		t.Helper()
		if _, err := s.Load(ctx, d, graph.LoadOptions{Name: "fixture.jsonl"}); err != nil {
			t.Fatal(err)
		}
	}
	loadDoc(doc("", false))
	if got := checkEventWhen(t, s, "fresh load")[ev]; got != "2025-06-24|2025-06-24" {
		t.Errorf("fresh load: %s", got)
	}
	// a new article with two earlier attendances, one negated: the event only gains them
	var ran []string
	failStatement = func(what string) error { ran = append(ran, what); return nil }
	load(t, s, meta+`{"kind":"article","id":"003_new","source":"c/003.txt","doc_key":"/c/003.txt","hash":"0003"}`+"\n"+
		`{"kind":"node","id":"person:donald-trump","label":"Person","name":"Donald Trump","aliases":["Trump"],"articles":["003_new"]}`+"\n"+
		`{"kind":"node","id":"`+ev+`","label":"Event","name":"NATO summit in The Hague","aliases":["the summit"],"articles":["003_new"],"props":{"kind":"summit","place":"place:the-hague"}}`+"\n"+
		`{"kind":"edge","type":"ATTENDED","from":"person:donald-trump","to":"`+ev+`","article":"003_new","status":"reported","date":"2025-01","rule":"svo:attend","evidence":{"sentence":"Trump attended the summit.","start":0,"end":26}}`+"\n"+
		`{"kind":"edge","type":"HOSTED","from":"person:donald-trump","to":"`+ev+`","article":"003_new","status":"negated","date":"2024-12","rule":"svo:host","evidence":{"sentence":"Trump did not host the summit.","start":27,"end":57}}`+"\n")
	failStatement = nil
	if got := checkEventWhen(t, s, "new article")[ev]; got != "2024-12|2025-01" {
		t.Errorf("after a new article's attendances: %s", got)
	}
	if !strings.Contains(strings.Join(ran, "\n"), "extending the event dates") || strings.Contains(strings.Join(ran, "\n"), "setting the event dates") {
		t.Errorf("an event that only gained relationships should be extended, not recomputed: %v", ran)
	}
	if _, err := s.Retract(ctx, []string{"003_new"}, false); err != nil {
		t.Fatal(err)
	}
	if got := checkEventWhen(t, s, "003 retracted")[ev]; got != "2025-06-24|2025-06-24" {
		t.Errorf("after 003 is retracted: %s", got)
	}
	loadDoc(doc("", true))
	if got := checkEventWhen(t, s, "negated attendance")[ev]; got != "2025-06-01|2025-06-24" {
		t.Errorf("after the changed reload: %s", got)
	}
	if _, err := s.Retract(ctx, []string{"001_nato_summit"}, false); err != nil {
		t.Fatal(err)
	}
	if got := checkEventWhen(t, s, "retraction")[ev]; got != "2025-07|2025-07" {
		t.Errorf("after 001 is retracted: %q, want only 002's attendance", got)
	}
	loadDoc(doc("2024", true))
	if got := checkEventWhen(t, s, "own date")[ev]; got != "2024|2024" {
		t.Errorf("with its own date: %s", got)
	}
	write(t, s, "MATCH (e:Event) REMOVE e."+EventWhenAll+", e."+EventWhenReported)
	if _, err := s.BackfillSearch(ctx); err != nil {
		t.Fatal(err)
	}
	checkEventWhen(t, s, "backfill")
}
