//go:build integration

// Retraction, edits and identity against a real Neo4j. WIPES THE DATABASE IT IS POINTED
// AT (see store_integration_test.go).
package neo4j

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
)

// Two articles as extract writes them (MENTIONS carry the spellings their article used):
// a names Rutte ("Mark Rutte", "Rutte") and Pieter Omtzigt, whom it alone names; b names
// Rutte ("Mr. Rutte") and the Netherlands.
const (
	meta     = `{"kind":"meta","contract":"newsgraph-extract/1"}` + "\n"
	artA     = `{"kind":"article","id":"a-1111","source":"c/a.txt","doc_key":"/c/a.txt","hash":"1111"}` + "\n"
	artB     = `{"kind":"article","id":"b-2222","source":"c/b.txt","doc_key":"/c/b.txt","hash":"2222"}` + "\n"
	nodesAB  = `{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["Mr. Rutte","Rutte"],"articles":["a-1111","b-2222"]}` + "\n"
	nodeOmtz = `{"kind":"node","id":"person:pieter-omtzigt","label":"Person","name":"Pieter Omtzigt","articles":["a-1111"]}` + "\n"
	nodeNL   = `{"kind":"node","id":"country:netherlands","label":"Country","name":"Netherlands","articles":["b-2222"],"props":{"iso2":"NL"}}` + "\n"
	edgesA   = `{"kind":"edge","type":"MENTIONS","from":"a-1111","to":"person:mark-rutte","article":"a-1111","rule":"MENTIONS","evidence":{"sentence":"Mark Rutte met Pieter Omtzigt.","start":0,"end":30},"props":{"aliases":["Mark Rutte","Rutte"],"count":2}}` + "\n" +
		`{"kind":"edge","type":"MENTIONS","from":"a-1111","to":"person:pieter-omtzigt","article":"a-1111","rule":"MENTIONS","evidence":{"sentence":"Mark Rutte met Pieter Omtzigt.","start":0,"end":30},"props":{"aliases":["Pieter Omtzigt"],"count":1}}` + "\n" +
		`{"kind":"edge","type":"MET","from":"person:mark-rutte","to":"person:pieter-omtzigt","article":"a-1111","status":"reported","rule":"MET/verb/meet","evidence":{"sentence":"Mark Rutte met Pieter Omtzigt.","start":0,"end":30}}` + "\n"
	edgesB = `{"kind":"edge","type":"MENTIONS","from":"b-2222","to":"person:mark-rutte","article":"b-2222","rule":"MENTIONS","evidence":{"sentence":"Mr. Rutte visited the Netherlands.","start":0,"end":34},"props":{"aliases":["Mr. Rutte"],"count":1}}` + "\n" +
		`{"kind":"edge","type":"MENTIONS","from":"b-2222","to":"country:netherlands","article":"b-2222","rule":"MENTIONS","evidence":{"sentence":"Mr. Rutte visited the Netherlands.","start":0,"end":34},"props":{"aliases":["Netherlands"],"count":1}}` + "\n" +
		`{"kind":"edge","type":"VISITED","from":"person:mark-rutte","to":"country:netherlands","article":"b-2222","status":"reported","rule":"VISITED/verb/visit","evidence":{"sentence":"Mr. Rutte visited the Netherlands.","start":0,"end":34}}` + "\n"
	// onlyB is what extract writes for b alone.
	onlyB  = meta + artB + `{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["Mr. Rutte"],"articles":["b-2222"]}` + "\n" + nodeNL + edgesB
	bothAB = meta + artA + artB + nodesAB + nodeOmtz + nodeNL + edgesA + edgesB
)

func parse(t *testing.T, jsonl string) *graph.Document {
	t.Helper()
	d, err := graph.Read(strings.NewReader(jsonl), "test.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func load(t *testing.T, s *Store, jsonl string) graph.LoadStats {
	t.Helper()
	st, err := s.Load(context.Background(), parse(t, jsonl), graph.LoadOptions{Name: "test.jsonl"})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// snapshot is the whole graph as `newsgraph export --format jsonl` writes it.
func snapshot(t *testing.T, s *Store) string {
	t.Helper()
	snap, err := export.Read(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := export.JSONL(&b, snap); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// clean is the graph a clean load of jsonl gives.
func clean(t *testing.T, s *Store, jsonl string) string {
	t.Helper()
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	load(t, s, jsonl)
	return snapshot(t, s)
}

// TestRetractKeepsWhatOthersSupport: retracting a of {a, b} removes a's relationships,
// the person only a named and the spellings only a used, keeps Rutte with b's spelling,
// and leaves exactly the graph a clean load of b alone gives.
func TestRetractKeepsWhatOthersSupport(t *testing.T) {
	s := openClean(t)
	want := clean(t, s, onlyB)
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	load(t, s, bothAB)
	st, err := s.Retract(context.Background(), []string{"a-1111"}, false)
	if err != nil {
		t.Fatal(err)
	}
	if st.Retracted != 1 || st.RelsRemoved != 3 || st.NodesRemoved != 2 || st.NodesUpdated != 1 {
		t.Errorf("retract: %+v, want 1 article, 3 relationships (2 MENTIONS, MET) and 2 nodes (a, Omtzigt) removed, Rutte's aliases updated", st)
	}
	if got := snapshot(t, s); got != want {
		t.Errorf("after retracting a the graph differs from a clean load of b:\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestRetractDryRunAndUnknownIDs: a dry run counts exactly and changes nothing; an id not
// in the graph removes nothing, even with a valid id beside it.
func TestRetractDryRunAndUnknownIDs(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	load(t, s, bothAB)
	before := snapshot(t, s)
	st, err := s.Retract(ctx, []string{"a-1111"}, true)
	if err != nil {
		t.Fatal(err)
	}
	if st.Retracted != 1 || st.RelsRemoved != 3 || st.NodesRemoved != 2 {
		t.Errorf("dry run counts: %+v", st)
	}
	if got := snapshot(t, s); got != before {
		t.Errorf("a dry run changed the graph")
	}
	_, err = s.Retract(ctx, []string{"a-1111", "no-such-article"}, false)
	var ue *UnknownArticlesError
	if !errors.Is(err, ErrUnknownArticle) || !errors.As(err, &ue) || len(ue.IDs) != 1 || ue.IDs[0] != "no-such-article" {
		t.Fatalf("err = %v, want the unknown id named", err)
	}
	if got := snapshot(t, s); got != before {
		t.Errorf("a refused retraction changed the graph")
	}
}

// TestRetractAppliesTheSchema: a retraction from a graph that lacks an index its reads seek by
// hint (dropped here; a graph an earlier build loaded) applies the schema first, so that the
// index is there again (the server ignores a hint whose index is missing, and scans).
func TestRetractAppliesTheSchema(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	write(t, s, "DROP INDEX met_article")
	if _, err := s.Retract(context.Background(), []string{"a-1111"}, false); err != nil {
		t.Fatalf("retract with met_article dropped: %v", err)
	}
	if !s.presentSchema(context.Background())["met_article"] {
		t.Error("met_article was not created again")
	}
}

// TestRetractFailureRemovesNothing: a retraction that fails after it removed the
// relationships (here: before it deletes the orphans) leaves the graph as it was.
func TestRetractFailureRemovesNothing(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	before := snapshot(t, s)
	injected := errors.New("injected fault")
	failStatement = func(what string) error {
		if strings.HasPrefix(what, "removing Person nodes") {
			return injected
		}
		return nil
	}
	defer func() { failStatement = nil }()
	if _, err := s.Retract(context.Background(), []string{"a-1111"}, false); !errors.Is(err, injected) {
		t.Fatalf("err = %v, want the injected fault", err)
	}
	failStatement = nil
	if got := snapshot(t, s); got != before {
		t.Errorf("a failed retraction removed something:\n%s\nwas:\n%s", got, before)
	}
}

// editedA is a new version of a: same doc_key, another text (id); it names Rutte as
// "Rutte" only and meets Dick Schoof instead of Omtzigt.
const editedA = meta + `{"kind":"article","id":"a-3333","source":"c/a.txt","doc_key":"/c/a.txt","hash":"3333"}` + "\n" +
	`{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["Rutte"],"articles":["a-3333"]}` + "\n" +
	`{"kind":"node","id":"person:dick-schoof","label":"Person","name":"Dick Schoof","articles":["a-3333"]}` + "\n" +
	`{"kind":"edge","type":"MENTIONS","from":"a-3333","to":"person:mark-rutte","article":"a-3333","rule":"MENTIONS","evidence":{"sentence":"Rutte met Dick Schoof.","start":0,"end":22},"props":{"aliases":["Rutte"],"count":1}}` + "\n" +
	`{"kind":"edge","type":"MENTIONS","from":"a-3333","to":"person:dick-schoof","article":"a-3333","rule":"MENTIONS","evidence":{"sentence":"Rutte met Dick Schoof.","start":0,"end":22},"props":{"aliases":["Dick Schoof"],"count":1}}` + "\n" +
	`{"kind":"edge","type":"MET","from":"person:dick-schoof","to":"person:mark-rutte","article":"a-3333","status":"reported","rule":"MET/verb/meet","evidence":{"sentence":"Rutte met Dick Schoof.","start":0,"end":22}}` + "\n"

// TestLoadReplacesEarlierVersion: loading the edited a (same doc_key, new id) removes the
// old version's article, relationships, orphan (Omtzigt) and aliases in the same
// transaction; the graph equals a clean load of {edited a, b}.
func TestLoadReplacesEarlierVersion(t *testing.T) {
	s := openClean(t)
	both := meta + strings.TrimPrefix(editedA, meta) + artB +
		`{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["Mr. Rutte","Rutte"],"articles":["a-3333","b-2222"]}` + "\n" +
		nodeNL + edgesB
	both = strings.Replace(both, `{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["Rutte"],"articles":["a-3333"]}`+"\n", "", 1)
	want := clean(t, s, both)
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	load(t, s, bothAB)
	st := load(t, s, editedA)
	if st.Retracted != 1 || st.NodesRemoved != 2 {
		t.Errorf("reload: %+v, want the earlier version and Omtzigt removed", st)
	}
	if got := snapshot(t, s); got != want {
		t.Errorf("after loading the edited a the graph differs from a clean load:\n got:\n%s\nwant:\n%s", got, want)
	}
}

// TestLoadReplacementFailureRemovesNothing: when the load of an edited article fails after
// the earlier version's facts were removed, nothing is removed and nothing is added.
func TestLoadReplacementFailureRemovesNothing(t *testing.T) {
	s := openClean(t)
	load(t, s, bothAB)
	before := snapshot(t, s)
	injected := errors.New("injected fault")
	failStatement = func(what string) error {
		if strings.HasPrefix(what, "reading Person aliases") {
			return injected
		}
		return nil
	}
	defer func() { failStatement = nil }()
	if _, err := s.Load(context.Background(), parse(t, editedA), graph.LoadOptions{}); !errors.Is(err, injected) {
		t.Fatalf("err = %v, want the injected fault", err)
	}
	failStatement = nil
	if got := snapshot(t, s); got != before {
		t.Errorf("a failed load changed the graph:\n%s\nwas:\n%s", got, before)
	}
}
