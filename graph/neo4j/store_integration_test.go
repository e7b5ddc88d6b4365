//go:build integration

// Integration tests against a real Neo4j. They connect like the CLI does
// (NEWSGRAPH_NEO4J_URI, NEWSGRAPH_NEO4J_PASSWORD or the password file, defaulting to the
// local server of tools/neo4j) and WIPE THE DATABASE THEY ARE POINTED AT
// (MATCH (n) DETACH DELETE n). Run with: go test -tags integration -p 1 ./graph/neo4j/
package neo4j

import (
	"context"
	"errors"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
)

func testConfig(t *testing.T) Config {
	t.Helper()
	if os.Getenv("NEWSGRAPH_NEO4J_URI") == "" {
		t.Skip("integration tests wipe the database they use: run them with `make test` (a separate test server), or set NEWSGRAPH_NEO4J_URI to a scratch server")
	}
	c, err := config.Load(config.Options{})
	if err != nil {
		t.Fatalf("config: %v", err)
	}
	pw, _, err := c.Neo4j.Password()
	if err != nil {
		t.Fatalf("integration tests need a server: %v", err)
	}
	return Config{URI: c.Neo4j.URI, User: c.Neo4j.User, Password: pw, Database: c.Neo4j.Database}
}

// openClean opens the test server, applies the schema and deletes every node.
func openClean(t *testing.T) *Store {
	t.Helper()
	ctx := context.Background()
	s, err := Open(ctx, testConfig(t))
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatalf("schema: %v", err)
	}
	if err := s.DeleteAll(ctx); err != nil {
		t.Fatalf("wipe: %v", err)
	}
	return s
}

func counts(t *testing.T, s *Store) Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSchemaApplyTwice(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	// The first apply may or may not create (openClean applied it already); the second
	// must find everything in place.
	ch, err := s.ApplySchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ch) != len(Schema()) {
		t.Fatalf("%d changes for %d items", len(ch), len(Schema()))
	}
	for _, c := range ch {
		if c.Created {
			t.Errorf("second apply created %s", c.Item)
		}
	}
	st, err := s.SchemaStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range st {
		if !x.Present {
			t.Errorf("missing after apply: %s", x.Item)
		} else if x.State != "ONLINE" {
			t.Errorf("%s state %s", x.Item, x.State)
		}
	}
}

func TestLoadTwiceChangesNothing(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	d := readFixture(t)
	st, err := s.Load(ctx, d, graph.LoadOptions{Name: "fixture.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	if st.NodesCreated != 8 || st.RelsCreated != 15 || st.Articles != 2 {
		t.Errorf("first load: %+v, want 8 nodes and 15 relationships created", st)
	}
	first := counts(t, s)
	if first.TotalNodes != 8 || first.TotalRels != 15 {
		t.Errorf("after first load: %d nodes, %d rels", first.TotalNodes, first.TotalRels)
	}
	st, err = s.Load(ctx, readFixture(t), graph.LoadOptions{Name: "fixture.jsonl", BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.NodesCreated+st.NodesUpdated+st.RelsCreated+st.RelsUpdated+st.RelsRemoved != 0 {
		t.Errorf("second load changed something: %+v", st)
	}
	second := counts(t, s)
	if first.TotalNodes != second.TotalNodes || first.TotalRels != second.TotalRels {
		t.Errorf("counts changed: %+v -> %+v", first, second)
	}
	for l, n := range first.Nodes {
		if second.Nodes[l] != n {
			t.Errorf("%s: %d -> %d", l, n, second.Nodes[l])
		}
	}
	for r, n := range first.Rels {
		if second.Rels[r] != n {
			t.Errorf("%s: %d -> %d", r, n, second.Rels[r])
		}
	}

	// Properties as the contract says.
	rows, err := s.Query(ctx, `MATCH (a:Person {id: $from})-[r:MET]->(b:Person) RETURN r, b.name AS name, a.aliases AS aliases`, map[string]any{"from": "person:mark-rutte"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows.Rows) != 1 {
		t.Fatalf("MET rows: %d", len(rows.Rows))
	}
	r := rows.Rows[0][0].(graph.RelValue)
	for k, v := range map[string]any{"article": "002_palm_beach", "status": "reported", "date": "2024-11-22", "topic": "defense spending",
		"cameo": "040", "confidence": 0.9, "rule": "svo:meet", "start": int64(0), "end": int64(78), "venue": "Mar-a-Lago"} {
		if r.Props[k] != v {
			t.Errorf("MET.%s = %#v, want %#v", k, r.Props[k], v)
		}
	}
	if rows.Rows[0][1] != "Donald Trump" {
		t.Errorf("name = %v", rows.Rows[0][1])
	}
	ev, err := s.Query(ctx, `MATCH (e:Event) RETURN e.kind AS kind, e.date AS date, e.place AS place`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := ev.Rows[0]; got[0] != "summit" || got[1] != "2025-06-24" || got[2] != "place:the-hague" {
		t.Errorf("event props = %v", got)
	}
}

func TestReloadChangedArticle(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readFixture(t), graph.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	// Article 002 re-extracted: the MET sentence is gone, Trump got a new alias.
	d := readFixture(t)
	var edges []graph.Edge
	for _, e := range d.Edges {
		if e.Type != graph.RelMet {
			edges = append(edges, e)
		}
	}
	d.Edges = edges
	for i := range d.Nodes {
		if d.Nodes[i].ID == "person:donald-trump" {
			d.Nodes[i].Aliases = []string{"the president-elect"}
		}
	}
	st, err := s.Load(ctx, d, graph.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.RelsRemoved != 1 || st.RelsCreated != 0 || st.NodesCreated != 0 || st.NodesUpdated != 1 {
		t.Errorf("reload: %+v, want 1 relationship removed and 1 node updated", st)
	}
	after := counts(t, s)
	if after.Rels[graph.RelMet] != 0 || after.TotalRels != before.TotalRels-1 || after.TotalNodes != before.TotalNodes {
		t.Errorf("after reload: MET %d, rels %d -> %d, nodes %d -> %d", after.Rels[graph.RelMet], before.TotalRels, after.TotalRels, before.TotalNodes, after.TotalNodes)
	}
	rows, err := s.Query(ctx, `MATCH (p:Person {id: "person:donald-trump"}) RETURN p.aliases`, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Both articles naming Trump were reloaded and now give him one alias: the old two
	// went with the text that gave them (they used to stay forever).
	got := rows.Rows[0][0].([]any)
	if len(got) != 1 || got[0] != "the president-elect" {
		t.Errorf("aliases = %v, want only the one the reloaded articles give", got)
	}
}

func TestQueryRefusesWrites(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	for _, q := range []string{
		`CREATE (n:Person {id: "person:x"})`,
		`MATCH (n) DETACH DELETE n`,
		`MERGE (n:Person {id: "person:y"}) RETURN n`,
		`PROFILE CREATE (n:Person {id: "person:z"})`,
		`CREATE INDEX x_name IF NOT EXISTS FOR (n:X) ON (n.name)`,
	} {
		_, err := s.Query(ctx, q, nil)
		if !errors.Is(err, ErrWriteQuery) {
			t.Errorf("%s: err = %v, want ErrWriteQuery", q, err)
			continue
		}
		if !strings.Contains(err.Error(), "query type:") || !strings.Contains(err.Error(), "newsgraph load") {
			t.Errorf("message does not say why: %v", err)
		}
	}
	if c := counts(t, s); c.TotalNodes != 0 {
		t.Errorf("a refused query wrote %d nodes", c.TotalNodes)
	}
	if qt, err := s.Explain(ctx, `MATCH (n) RETURN n`, nil); err != nil || qt != "r" {
		t.Errorf("Explain = %q, %v", qt, err)
	}
}

func TestQueryValues(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	rows, err := s.Query(ctx, `RETURN $n AS n, [1, 2.5, "x"] AS l, {a: true} AS m, date("2024-11-22") AS d, null AS z`, map[string]any{"n": int64(3)})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows.Columns, ",") != "n,l,m,d,z" {
		t.Errorf("columns = %v", rows.Columns)
	}
	r := rows.Rows[0]
	if r[0] != int64(3) || r[3] != "2024-11-22" || r[4] != nil {
		t.Errorf("row = %#v", r)
	}
	if _, err := s.Query(ctx, `MATCH (n RETURN n`, nil); err == nil || errors.Is(err, ErrWriteQuery) {
		t.Errorf("syntax error: err = %v", err)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	cfg := testConfig(t)
	cfg.Password = "definitely-not-the-password"
	_, err := Open(context.Background(), cfg)
	if !errors.Is(err, ErrAuth) || errors.Is(err, ErrUnreachable) {
		t.Fatalf("err = %v, want ErrAuth", err)
	}
	if !strings.Contains(err.Error(), "authentication") {
		t.Errorf("message: %v", err)
	}
}

func TestOpenUnreachable(t *testing.T) {
	cfg := testConfig(t)
	cfg.URI = "bolt://127.0.0.1:1"
	start := time.Now()
	_, err := Open(context.Background(), cfg)
	if !errors.Is(err, ErrUnreachable) || errors.Is(err, ErrAuth) {
		t.Fatalf("err = %v, want ErrUnreachable", err)
	}
	if !strings.Contains(err.Error(), "127.0.0.1:1") {
		t.Errorf("message does not name the address: %v", err)
	}
	if time.Since(start) > 20*time.Second {
		t.Errorf("took %s to notice", time.Since(start))
	}
}

func TestOpenUnknownDatabase(t *testing.T) {
	cfg := testConfig(t)
	cfg.Database = "nosuchdb"
	_, err := Open(context.Background(), cfg)
	if !errors.Is(err, ErrNoDatabase) {
		t.Fatalf("err = %v, want ErrNoDatabase", err)
	}
}

// A node that one batch creates and a later batch of the same load changes (the second
// article credits it another spelling) counts once, as created: the counts add up to the
// graph ("updated 1, unchanged -1" before).
func TestLoadCountsNodesOnceAcrossBatches(t *testing.T) {
	const doc = `{"kind":"meta","contract":"newsgraph-extract/1"}
{"kind":"article","id":"a1","source":"a1.txt","hash":"1"}
{"kind":"article","id":"a2","source":"a2.txt","hash":"2"}
{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["NATO chief","Rutte"],"articles":["a1","a2"]}
{"kind":"edge","type":"MENTIONS","from":"a1","to":"person:mark-rutte","article":"a1","confidence":1,"rule":"MENTIONS","evidence":{"sentence":"Rutte spoke.","start":0,"end":12},"props":{"aliases":["Rutte"],"count":1}}
{"kind":"edge","type":"MENTIONS","from":"a2","to":"person:mark-rutte","article":"a2","confidence":1,"rule":"MENTIONS","evidence":{"sentence":"The NATO chief spoke.","start":0,"end":21},"props":{"aliases":["NATO chief"],"count":1}}
`
	d, err := graph.Read(strings.NewReader(doc), "two.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	s := openClean(t)
	st, err := s.Load(context.Background(), d, graph.LoadOptions{Name: "two.jsonl", BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.Batches != 2 {
		t.Fatalf("want one batch per article, got %+v", st)
	}
	if st.NodesCreated != 3 || st.NodesUpdated != 0 {
		t.Errorf("fresh load in 2 batches: %d created, %d updated; want 3 (2 articles, 1 person) and 0", st.NodesCreated, st.NodesUpdated)
	}
}

// TestReloadSkipsUnchangedArticles: reloading articles whose records are all as stored
// skips them (nothing written, counts unchanged); an article with a changed record is
// still written, and its unchanged neighbour is skipped.
func TestReloadSkipsUnchangedArticles(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readFixture(t), graph.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	before := counts(t, s)
	st, err := s.Load(ctx, readFixture(t), graph.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Skipped != 2 || st.Articles != 2 || st.NodesCreated+st.NodesUpdated+st.RelsCreated+st.RelsUpdated+st.RelsRemoved != 0 {
		t.Errorf("unchanged reload: %+v, want both articles skipped and nothing written", st)
	}
	if after := counts(t, s); after.TotalNodes != before.TotalNodes || after.TotalRels != before.TotalRels {
		t.Errorf("counts changed: %+v -> %+v", before, after)
	}

	// Article 002 re-extracted with another confidence for its MET fact: 001 is skipped,
	// 002 is written and its relationship replaced.
	d := readFixture(t)
	for i := range d.Edges {
		if d.Edges[i].Type == graph.RelMet {
			d.Edges[i].Confidence = 0.5
		}
	}
	st, err = s.Load(ctx, d, graph.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if st.Skipped != 1 || st.RelsUpdated != 1 || st.RelsCreated+st.RelsRemoved+st.NodesCreated != 0 {
		t.Errorf("reload with 002 changed: %+v, want 001 skipped and one relationship updated", st)
	}
	rows, err := s.Query(ctx, `MATCH ()-[r:MET]->() RETURN r.confidence`, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows.Rows) != 1 || rows.Rows[0][0] != 0.5 {
		t.Errorf("MET confidence after reload = %v, want 0.5", rows.Rows)
	}
	if after := counts(t, s); after.TotalNodes != before.TotalNodes || after.TotalRels != before.TotalRels {
		t.Errorf("counts changed: %+v -> %+v", before, after)
	}
}

// TestFirstLoadRunsNoStaleRemoval: articles new to the graph have no stored relationships,
// so their batch runs no stale-removal statement (here any such statement fails); a reload
// of a changed article that is stored does run it.
func TestFirstLoadRunsNoStaleRemoval(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	injected := errors.New("injected fault")
	failStatement = func(what string) error {
		if strings.HasPrefix(what, "removing stale") {
			return injected
		}
		return nil
	}
	defer func() { failStatement = nil }()
	if _, err := s.Load(ctx, readFixture(t), graph.LoadOptions{}); err != nil {
		t.Fatalf("first load ran a stale-removal statement: %v", err)
	}
	d := readFixture(t)
	var edges []graph.Edge
	for _, e := range d.Edges {
		if e.Type != graph.RelMet {
			edges = append(edges, e)
		}
	}
	d.Edges = edges
	if _, err := s.Load(ctx, d, graph.LoadOptions{}); !errors.Is(err, injected) {
		t.Fatalf("reload of a changed stored article: err %v, want the stale removal to run (and fail)", err)
	}
}

// TestFirstLoadStatementsPerBatch: a batch of articles new to the graph runs four
// statements, whatever labels and relationship types it holds (the fixture has six of
// each): every node, every relationship, the aliases (and two for the pressure_network
// groups when it has PRESSURED facts: recomputed, set), the search text, and the marker that
// leaves its reports' derived nodes pending; one lookup statement before the batches covers
// every article. The derived nodes are caught up in transactions of their own (one for
// both batches when the second is committed before the first catch-up starts), each running
// eight statements: the markers locked; the actor pairs; the actor ranks locked and read, set;
// the facts locked and read, set (the fact relationships are not read back: the load hands
// over those the batch created, with the actors it merged); the country pairs lifted to
// countries (two more, locked and set, when some lift to a pair of countries: the fixture's do
// not); the markers deleted. Before, a batch
// ran a statement per label and per (type, start label, end label) group: 21 for the
// fixture, then four with a lookup per batch, then the derived statements in the batch.
func TestFirstLoadStatementsPerBatch(t *testing.T) {
	s := openClean(t)
	catchUp := []string{"locking the pending markers", "counting the actor pairs", "locking the actor ranks", "setting the actor ranks", "locking the facts", "setting the facts",
		"deleting the pending markers"}
	// The batches' lift rows come with their markers: a catch-up reads the names of their
	// countries (when a batch has any), never the articles' relationships again.
	const lifting, names = "lifting the articles' relationships to countries", "reading the names of the articles' countries"
	isCatchUp := map[string]bool{lifting: true, names: true}
	for _, c := range catchUp {
		isCatchUp[c] = true
	}
	var mu sync.Mutex
	var ran, derived []string
	failStatement = func(what string) error {
		mu.Lock()
		defer mu.Unlock()
		if isCatchUp[what] {
			derived = append(derived, what)
		} else {
			ran = append(ran, what)
		}
		return nil
	}
	defer func() { failStatement = nil }()
	st, err := s.Load(context.Background(), readFixture(t), graph.LoadOptions{BatchSize: 1})
	if err != nil {
		t.Fatal(err)
	}
	if st.Batches != 2 || st.RelsCreated != 15 || st.NodesCreated != 8 {
		t.Fatalf("load: %+v, want 2 batches, 8 nodes and 15 relationships created", st)
	}
	// derived_pressure.go (the first article's batch has a PRESSURED fact, the second's none),
	// derived_lookup.go (the first article's batch names an event: its dates)
	first := []string{"merging the nodes", "creating relationships", "recomputing pressure groups", "setting pressure groups", "setting aliases",
		"setting the search text", "setting the event dates", "marking the derived data pending"}
	per := []string{"merging the nodes", "creating relationships", "setting aliases", "setting the search text", "marking the derived data pending"}
	if want := append(append([]string{"looking up the articles"}, first...), per...); !reflect.DeepEqual(ran, want) {
		t.Errorf("statements:\n%s\nwant:\n%s", strings.Join(ran, "\n"), strings.Join(want, "\n"))
	}
	var rest []string
	read := 0
	for _, d := range derived {
		switch d {
		case lifting:
			t.Errorf("a catch-up read the articles' relationships again (%q)", d)
		case names:
			read++
		default:
			rest = append(rest, d)
		}
	}
	if read == 0 {
		t.Errorf("no catch-up read its countries' names (the fixture's articles mention countries)")
	}
	once, twice := strings.Join(catchUp, "\n"), strings.Join(append(append([]string{}, catchUp...), catchUp...), "\n")
	if got := strings.Join(rest, "\n"); got != once && got != twice {
		t.Errorf("catch-up statements but the names read:\n%s\nwant, once or twice:\n%s", got, once)
	}
	if n := pendingMarkers(t, s); n != 0 {
		t.Errorf("%d markers left after the load returned", n)
	}
}

// TestUnchangedReloadRunsOneStatement: reloading an unchanged input of several batches runs
// one lookup statement for all its articles and nothing else (no statement, and no write
// transaction, per batch); before, each batch ran its own lookup in a write transaction.
func TestUnchangedReloadRunsOneStatement(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	opts := graph.LoadOptions{BatchSize: 1} // one article a batch: two batches
	if _, err := s.Load(ctx, readFixture(t), opts); err != nil {
		t.Fatal(err)
	}
	var ran []string
	failStatement = func(what string) error {
		ran = append(ran, what)
		return nil
	}
	defer func() { failStatement = nil }()
	st, err := s.Load(ctx, readFixture(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	if st.Batches != 2 || st.Articles != 2 || st.Skipped != 2 {
		t.Errorf("unchanged reload: %+v, want 2 batches, both articles skipped", st)
	}
	if want := []string{"looking up the articles"}; !reflect.DeepEqual(ran, want) {
		t.Errorf("statements of an unchanged reload:\n%s\nwant:\n%s", strings.Join(ran, "\n"), strings.Join(want, "\n"))
	}
}

// TestMixedBatchEqualsCleanLoad: one batch holding an article stored before and changed
// since (its relationships merged by key, stale ones removed) and a new one (its
// relationships created) leaves the graph a clean load of the same input gives.
func TestMixedBatchEqualsCleanLoad(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	want := snapshot(t, s)
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	load(t, s, onlyB)
	var ran []string
	failStatement = func(what string) error {
		ran = append(ran, what)
		return nil
	}
	defer func() { failStatement = nil }()
	st := load(t, s, bothAB)
	failStatement = nil
	if st.Batches != 1 || st.Skipped != 0 {
		t.Fatalf("load: %+v, want one batch and nothing skipped (b changed: Rutte's record differs)", st)
	}
	joined := strings.Join(ran, "\n")
	if !strings.Contains(joined, "creating relationships") || !strings.Contains(joined, "MENTIONS relationships") {
		t.Errorf("statements:\n%s\nwant a's relationships created and b's merged", joined)
	}
	if got := snapshot(t, s); got != want {
		t.Errorf("graph after the mixed batch:\n%s\nclean load:\n%s", got, want)
	}
}

// TestSameArticlesLoadedAtOnce: two loads of the same new articles at the same time (both
// look them up before either writes) end as one load: the second waits for the first's
// Article nodes, finds them stored and merges, so no relationship is written twice.
func TestSameArticlesLoadedAtOnce(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	var arrived atomic.Int32
	both := make(chan struct{})
	failStatement = func(what string) error {
		if what == "merging the nodes" {
			switch arrived.Add(1) {
			case 1:
				select {
				case <-both:
				case <-time.After(20 * time.Second):
				}
			case 2:
				close(both)
			}
		}
		return nil
	}
	defer func() { failStatement = nil }()
	errs := make(chan error, 2)
	for range 2 {
		go func() {
			_, err := s.Load(ctx, readFixture(t), graph.LoadOptions{})
			errs <- err
		}()
	}
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	failStatement = nil
	if arrived.Load() < 2 {
		t.Fatalf("the two loads did not both reach the nodes statement (%d)", arrived.Load())
	}
	if c := counts(t, s); c.TotalNodes != 8 || c.TotalRels != 15 {
		t.Errorf("after two loads at once: %d nodes, %d relationships; one load writes 8 and 15", c.TotalNodes, c.TotalRels)
	}
}

// TestAllByIDsRunsInChunks: a statement given 1,207 ids (five chunks, the last short) runs once
// per seekChunk of them, in order, and returns every record of every run.
func TestAllByIDsRunsInChunks(t *testing.T) {
	s := openClean(t)
	ids := make([]string, 1207)
	for i := range ids {
		ids[i] = "id-" + strconv.Itoa(i)
	}
	runs := 0
	failStatement = func(what string) error {
		if what == "echo" {
			runs++
		}
		return nil
	}
	defer func() { failStatement = nil }()
	sess := s.session(context.Background(), neo4j.AccessModeWrite)
	defer sess.Close(context.Background())
	got, err := sess.ExecuteWrite(context.Background(), func(tx neo4j.ManagedTransaction) (any, error) {
		recs, err := newTxWriter(context.Background(), tx).allByIDs("echo", "UNWIND $ids AS id RETURN id", "ids", ids)
		out := make([]string, len(recs))
		for i, r := range recs {
			out[i] = str(r.Values[0])
		}
		return out, err
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, ids) {
		t.Errorf("allByIDs returned %d ids, want the %d given, in order", len(got.([]string)), len(ids))
	}
	if want := (len(ids) + seekChunk - 1) / seekChunk; runs != want || runs < 2 {
		t.Errorf("the statement ran %d times for %d ids, want %d (seekChunk %d) and more than once", runs, len(ids), want, seekChunk)
	}
}
