package export

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// fakeSource serves a fixed graph, as graph/neo4j would return it after a load.
type fakeSource struct {
	nodes []graph.NodeValue
	rels  []struct {
		r        graph.RelValue
		from, to string
	}
}

func (f *fakeSource) ExportNodes(_ context.Context, fn func(graph.NodeValue) error) error {
	for _, n := range f.nodes {
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeSource) ExportRels(_ context.Context, fn func(graph.RelValue, string, string) error) error {
	for _, r := range f.rels {
		if err := fn(r.r, r.from, r.to); err != nil {
			return err
		}
	}
	return nil
}

func (f *fakeSource) node(labels string, props map[string]any) {
	f.nodes = append(f.nodes, graph.NodeValue{ElementID: props["id"].(string), Labels: strings.Split(labels, ":"), Props: props})
}

func (f *fakeSource) rel(typ, from, to string, props map[string]any) {
	f.rels = append(f.rels, struct {
		r        graph.RelValue
		from, to string
	}{graph.RelValue{ElementID: typ + from + to, Type: typ, Props: props}, from, to})
}

func sample() *fakeSource {
	f := &fakeSource{}
	f.node("Person", map[string]any{"id": "person:mark-rutte", "name": "Mark Rutte", "aliases": []any{"Rutte", "NATO chief"}})
	f.node("Article", map[string]any{"id": "a1", "title": "T, \"quoted\"", "published": "2024-11-23", "words": int64(230)})
	f.node("Person", map[string]any{"id": "person:donald-trump", "name": "Donald Trump"})
	f.node("Event", map[string]any{"id": "event:x", "name": "X summit", "kind": "summit", "big": int64(1) << 40})
	f.rel("MET", "person:mark-rutte", "person:donald-trump", map[string]any{"key": "k1", "article": "a1", "status": "reported",
		"date": "2024-11-22", "confidence": 0.9, "sentence": "Rutte met Trump;\nin Florida.", "start": int64(0), "end": int64(30), "venue": "Mar-a-Lago"})
	f.rel("MENTIONS", "a1", "person:mark-rutte", map[string]any{"key": "k2", "article": "a1", "rule": RuleNodeArticles})
	f.rel("MENTIONS", "a1", "person:donald-trump", map[string]any{"key": "k3", "article": "a1", "rule": "mention", "sentence": "s", "start": int64(1), "end": int64(2)})
	f.rel("MENTIONS", "a1", "event:x", map[string]any{"key": "k4", "article": "a1", "rule": RuleNodeArticles})
	return f
}

func TestJSONLRoundTripsThroughRead(t *testing.T) {
	s, err := Read(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	st, err := JSONL(&b, s)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 1 || st.Nodes != 3 || st.Edges != 2 || len(st.Dropped) != 0 {
		t.Errorf("stats %+v", st)
	}
	d, err := graph.Read(bytes.NewReader(b.Bytes()), "export.jsonl")
	if err != nil {
		t.Fatalf("export does not validate: %v\n%s", err, b.String())
	}
	if d.Articles[0].Words != 230 || d.Articles[0].Title != `T, "quoted"` {
		t.Errorf("article %+v", d.Articles[0])
	}
	var rutte, trump graph.Node
	for _, n := range d.Nodes {
		switch n.ID {
		case "person:mark-rutte":
			rutte = n
		case "person:donald-trump":
			trump = n
		}
	}
	if !reflect.DeepEqual(rutte.Articles, []string{"a1"}) || !reflect.DeepEqual(rutte.Aliases, []string{"Rutte", "NATO chief"}) || len(trump.Articles) != 0 {
		t.Errorf("rutte %+v trump %+v", rutte, trump)
	}
	var met graph.Edge
	for _, e := range d.Edges {
		if e.Type == graph.RelMet {
			met = e
		}
	}
	if met.Confidence != 0.9 || met.Evidence.End != 30 || met.Props["venue"] != "Mar-a-Lago" || met.Date != "2024-11-22" {
		t.Errorf("met %+v", met)
	}
}

func TestCSVHeaders(t *testing.T) {
	s, err := Read(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files, err := CSV(dir, s)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, filepath.Base(f))
	}
	want := []string{"nodes-Article.csv", "nodes-Event.csv", "nodes-Person.csv", "rels-MENTIONS.csv", "rels-MET.csv"}
	if !reflect.DeepEqual(names, want) {
		t.Fatalf("files %v, want %v", names, want)
	}
	read := func(name string) [][]string {
		f, err := os.Open(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		recs, err := csv.NewReader(f).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		return recs
	}
	p := read("nodes-Person.csv")
	if !reflect.DeepEqual(p[0], []string{"id:ID", ":LABEL", "name", "aliases:string[]"}) {
		t.Errorf("person header %v", p[0])
	}
	if !reflect.DeepEqual(p[1], []string{"person:donald-trump", "Person", "Donald Trump", ""}) || p[2][3] != "Rutte;NATO chief" {
		t.Errorf("person rows %v", p[1:])
	}
	if h := read("nodes-Event.csv")[0]; !reflect.DeepEqual(h, []string{"id:ID", ":LABEL", "name", "big:long", "kind"}) {
		t.Errorf("event header %v", h)
	}
	if h := read("nodes-Article.csv")[0]; !reflect.DeepEqual(h, []string{"id:ID", ":LABEL", "published", "title", "words:int"}) {
		t.Errorf("article header %v", h)
	}
	m := read("rels-MET.csv")
	if !reflect.DeepEqual(m[0], []string{":START_ID", ":END_ID", ":TYPE", "article", "confidence:double", "date", "end:int", "key", "sentence", "start:int", "status", "venue"}) {
		t.Errorf("MET header %v", m[0])
	}
	if m[1][8] != "Rutte met Trump;\nin Florida." {
		t.Errorf("sentence %q", m[1][8])
	}

	bad := sample()
	bad.node("Person", map[string]any{"id": "person:x", "name": "X", "aliases": []any{"a;b"}})
	s, _ = Read(context.Background(), bad)
	if _, err := CSV(t.TempDir(), s); err == nil || !strings.Contains(err.Error(), "array delimiter") {
		t.Errorf("err = %v", err)
	}
}

func TestGraphMLIsXML(t *testing.T) {
	s, err := Read(context.Background(), sample())
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := GraphML(&b, s); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Keys []struct {
			ID   string `xml:"id,attr"`
			Name string `xml:"attr.name,attr"`
			Type string `xml:"attr.type,attr"`
		} `xml:"key"`
		Graph struct {
			Nodes []struct {
				ID string `xml:"id,attr"`
			} `xml:"node"`
			Edges []struct {
				Source string `xml:"source,attr"`
			} `xml:"edge"`
		} `xml:"graph"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("not XML: %v\n%s", err, b.String())
	}
	if len(doc.Graph.Nodes) != 4 || len(doc.Graph.Edges) != 4 {
		t.Errorf("%d nodes, %d edges", len(doc.Graph.Nodes), len(doc.Graph.Edges))
	}
	types := map[string]string{}
	for _, k := range doc.Keys {
		types[k.Name] = k.Type
	}
	if types["confidence"] != "double" || types["words"] != "long" || types["aliases"] != "string" || types["label"] != "string" {
		t.Errorf("key types %v", types)
	}
}

func TestReadNeedsIDs(t *testing.T) {
	f := sample()
	f.nodes = append(f.nodes, graph.NodeValue{ElementID: "4:x:9", Labels: []string{"Person"}, Props: map[string]any{"name": "No Id"}})
	if _, err := Read(context.Background(), f); err == nil || !strings.Contains(err.Error(), "has no string id") {
		t.Errorf("err = %v", err)
	}
}
