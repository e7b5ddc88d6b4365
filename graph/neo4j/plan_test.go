package neo4j

import (
	"bufio"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// built builds every batch of a plan (LoadPlan builds one at a time).
func built(t *testing.T, p *Plan) []*Batch {
	t.Helper()
	out := make([]*Batch, len(p.Batches))
	for i := range p.Batches {
		b, err := p.Batch(i)
		if err != nil {
			t.Fatal(err)
		}
		if b.Size != p.Batches[i].Size {
			t.Errorf("batch %d: built with %d records, planned with %d", i, b.Size, p.Batches[i].Size)
		}
		out[i] = b
	}
	return out
}

func readFixture(t *testing.T) *graph.Document {
	return graphtest.ReadFile(t, filepath.Join("..", "..", "testdata", "fixture.jsonl"))
}

func TestPlanFixture(t *testing.T) {
	d := readFixture(t)
	p, err := NewPlan(d, "fixture.jsonl", 500)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Batches) != 1 {
		t.Fatalf("batches = %d, want 1", len(p.Batches))
	}
	wantNodes := map[graph.Label]int{graph.LabelArticle: 2, graph.LabelPerson: 2, graph.LabelCountry: 1,
		graph.LabelOrganization: 1, graph.LabelPlace: 1, graph.LabelEvent: 1}
	for l, n := range wantNodes {
		if p.Nodes[l] != n {
			t.Errorf("nodes %s = %d, want %d", l, p.Nodes[l], n)
		}
	}
	// 9 explicit edges; node "articles" lists imply MENTIONS for the 6 (article, node)
	// pairs not already stated: 001 -> rutte, nato, the-hague, summit; 002 -> trump, us.
	wantRels := map[graph.RelType]int{graph.RelMet: 1, graph.RelPressured: 1, graph.RelHoldsRole: 2,
		graph.RelAttended: 2, graph.RelHeldIn: 1, graph.RelMentions: 8}
	for r, n := range wantRels {
		if p.Rels[r] != n {
			t.Errorf("rels %s = %d, want %d", r, p.Rels[r], n)
		}
	}
	if p.ImpliedMentions != 6 {
		t.Errorf("implied mentions = %d, want 6", p.ImpliedMentions)
	}
	nodes, rels := p.Records()
	if nodes != 8 || rels != 15 {
		t.Errorf("records = %d nodes, %d rels; want 8, 15", nodes, rels)
	}
	b := *built(t, p)[0]
	if b.Size != nodes+rels {
		t.Errorf("batch size = %d, want %d", b.Size, nodes+rels)
	}
	if got := len(b.Keys["002_palm_beach"]); got != 5 {
		t.Errorf("keys of 002 = %d, want 5 (MET, HOLDS_ROLE, MENTIONS x3)", got)
	}
}

func TestPlanBatchesWholeArticles(t *testing.T) {
	d := readFixture(t)
	// A batch size of 1 still keeps each article whole: one batch per article.
	p, err := NewPlan(d, "fixture.jsonl", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Batches) != 2 {
		t.Fatalf("batches = %d, want 2", len(p.Batches))
	}
	for i, b := range built(t, p) {
		if len(b.Articles) != 1 {
			t.Errorf("batch %d has %d articles", i, len(b.Articles))
		}
		// Every edge endpoint is merged in the same batch.
		have := map[string]bool{}
		for _, a := range b.Articles {
			have[a["id"].(string)] = true
		}
		for _, rows := range b.Nodes {
			for _, r := range rows {
				have[r["id"].(string)] = true
			}
		}
		for g, rows := range b.Edges {
			for _, r := range rows {
				if !have[r["from"].(string)] || !have[r["to"].(string)] {
					t.Errorf("batch %d: %s edge %v -> %v has an endpoint outside the batch", i, g, r["from"], r["to"])
				}
			}
		}
	}
	// Shared nodes (Trump, Rutte) are merged in both batches.
	if len(built(t, p)[0].Nodes[graph.LabelPerson]) != 2 || len(built(t, p)[1].Nodes[graph.LabelPerson]) != 2 {
		t.Errorf("persons per batch: %d, %d", len(built(t, p)[0].Nodes[graph.LabelPerson]), len(built(t, p)[1].Nodes[graph.LabelPerson]))
	}
}

func TestPlanOrphanNodes(t *testing.T) {
	d := &graph.Document{Nodes: []graph.Node{{ID: "person:a", Label: graph.LabelPerson, Name: "A"}, {ID: "person:b", Label: graph.LabelPerson, Name: "B"}}}
	p, err := NewPlan(d, "x", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Batches) != 2 || len(built(t, p)[0].Articles) != 0 {
		t.Errorf("orphans: %d batches", len(p.Batches))
	}
}

func TestPlanEdgeRow(t *testing.T) {
	d := readFixture(t)
	p, err := NewPlan(d, "fixture.jsonl", 500)
	if err != nil {
		t.Fatal(err)
	}
	rows := built(t, p)[0].Edges[graph.RelMet]
	if len(rows) != 1 {
		t.Fatalf("MET rows = %d", len(rows))
	}
	props := rows[0]["props"].(map[string]any)
	want := map[string]any{"article": "002_palm_beach", "status": "reported", "date": "2024-11-22", "date_precision": "day",
		"date_source": "on Friday", "topic": "defense spending", "cameo": "040", "confidence": 0.9, "rule": "svo:meet",
		"start": int64(0), "end": int64(78), "venue": "Mar-a-Lago"}
	for k, v := range want {
		if props[k] != v {
			t.Errorf("MET %s = %#v, want %#v", k, props[k], v)
		}
	}
	if props["key"] != rows[0]["key"] || props["key"] != d.Edges[6].Key() {
		t.Errorf("key = %v", props["key"])
	}
	if _, ok := props["place"]; ok {
		t.Errorf("empty place stored: %v", props["place"])
	}
}

func TestPlanBadProps(t *testing.T) {
	tests := []struct {
		name string
		doc  graph.Document
		want string
	}{
		{name: "node prop clashes", doc: graph.Document{Nodes: []graph.Node{{ID: "person:a", Label: graph.LabelPerson, Name: "A", Props: map[string]any{"name": "x"}, Line: 4}}},
			want: `f.jsonl:4: node person:a: prop "name" clashes`},
		{name: "mixed list", doc: graph.Document{Nodes: []graph.Node{{ID: "person:a", Label: graph.LabelPerson, Name: "A", Props: map[string]any{"x": []any{"a", 1.0}}, Line: 2}}},
			want: "f.jsonl:2: node person:a: prop \"x\": a list mixing strings and numbers"},
		{name: "edge prop clashes", doc: graph.Document{
			Articles: []graph.Article{{ID: "a1"}},
			Nodes:    []graph.Node{{ID: "person:a", Label: graph.LabelPerson, Name: "A"}, {ID: "person:b", Label: graph.LabelPerson, Name: "B"}},
			Edges:    []graph.Edge{{Type: graph.RelMet, From: "person:a", To: "person:b", Article: "a1", Props: map[string]any{"date": "x"}, Line: 9}}},
			want: `f.jsonl:9: MET edge: prop "date" clashes`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewPlan(&tt.doc, "f.jsonl", 10)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestIdentRejectsUserText(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("ident accepted a name with a backtick")
		}
	}()
	ident("Person`) DETACH DELETE n //")
}

// MENTIONS has no key or article index (every other type has both), and those are among the
// indexes ApplySchema drops, with every fact type's fact index; no index Schema creates is.
func TestMentionsIndexedByStatusOnly(t *testing.T) {
	has := map[string]bool{}
	for _, it := range Schema() {
		if it.Entity == "RELATIONSHIP" {
			has[it.On+"."+it.Prop] = true
		}
	}
	for _, r := range graph.Relations {
		for _, p := range []string{"key", "article", "status"} {
			want := r.Type != graph.RelMentions || p == "status"
			if has[string(r.Type)+"."+p] != want {
				t.Errorf("index on %s.%s: %v, want %v", r.Type, p, has[string(r.Type)+"."+p], want)
			}
		}
	}
	dropped := map[string]bool{}
	for _, it := range obsoleteSchema() {
		dropped[it.On+"."+it.Prop] = true
		if has[it.On+"."+it.Prop] {
			t.Errorf("%s is both created and dropped", it)
		}
	}
	want := []string{"MENTIONS.key", "MENTIONS.article"}
	for _, ft := range factTypes() {
		want = append(want, string(ft)+"."+RelFactProperty)
	}
	for _, k := range want {
		if !dropped[k] {
			t.Errorf("%s is not dropped", k)
		}
	}
	if len(dropped) != len(want) {
		t.Errorf("dropped %v, want %v", dropped, want)
	}
}

func TestSchemaCoversModel(t *testing.T) {
	cons, idx := 0, 0
	names := map[string]bool{}
	for _, it := range Schema() {
		if names[it.Name] {
			t.Errorf("duplicate schema name %s", it.Name)
		}
		names[it.Name] = true
		if !strings.Contains(it.Create, "IF NOT EXISTS") {
			t.Errorf("%s is not idempotent: %s", it.Name, it.Create)
		}
		if it.On == FactLabel || it.On == ActorRankLabel || it.On == ActorPairLabel {
			continue // TestFactSchema
		}
		if it.On == CountryPairLabel {
			continue // TestPairSchema
		}
		if it.Kind == "constraint" {
			cons++
		} else {
			idx++
		}
	}
	// entity names, article doc_key, url, source and published, relationship key, article and
	// status (MENTIONS: status only, TestMentionsIndexedByStatusOnly), and the lookups'
	// (derived_lookup.go); the pressure_network groups' id constraint and sort, a, b and topic_lc indexes;
	// the other types' date indexes (schema_dates.go, TestDateIndexOnEveryModelType)
	if cons != len(graph.AllLabels)+1 || idx != len(graph.EntityLabels)+4+3*len(graph.Relations)-2+len(lookupSchema())+4+len(dateSchema()) {
		t.Errorf("constraints %d, indexes %d", cons, idx)
	}
}

func loadHashes(t *testing.T, d *graph.Document) map[string]string {
	t.Helper()
	p, err := NewPlan(d, "fixture", 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, b := range built(t, p) {
		for _, a := range b.Articles {
			h, _ := a[LoadHashProperty].(string)
			out[a["id"].(string)] = h
		}
	}
	return out
}

// TestPlanLoadHash: an article's load hash is the same for the same input and changes
// with anything the load writes for it: its relationships, and the nodes it references.
func TestPlanLoadHash(t *testing.T) {
	first, again := loadHashes(t, readFixture(t)), loadHashes(t, readFixture(t))
	if len(first) != 2 || first["001_nato_summit"] == "" || first["001_nato_summit"] == first["002_palm_beach"] {
		t.Fatalf("hashes %v", first)
	}
	for id, h := range first {
		if again[id] != h {
			t.Errorf("%s: hash %s then %s for the same input", id, h, again[id])
		}
	}
	d := readFixture(t)
	for i := range d.Edges {
		if d.Edges[i].Type == graph.RelMet { // a fact of 002 only
			d.Edges[i].Confidence = 0.5
		}
	}
	got := loadHashes(t, d)
	if got["001_nato_summit"] != first["001_nato_summit"] || got["002_palm_beach"] == first["002_palm_beach"] {
		t.Errorf("a changed fact of 002: %v -> %v, want only 002's hash changed", first, got)
	}
	d = readFixture(t)
	for i := range d.Nodes {
		if d.Nodes[i].ID == "person:donald-trump" { // referenced by both
			d.Nodes[i].Name = "Donald J. Trump"
		}
	}
	got = loadHashes(t, d)
	if got["001_nato_summit"] == first["001_nato_summit"] || got["002_palm_beach"] == first["002_palm_beach"] {
		t.Errorf("a renamed node both reference: %v -> %v, want both hashes changed", first, got)
	}
}

// TestBuildSkips: building a batch without an article leaves out its relationships and the
// nodes only it references, and keeps the rest.
func TestBuildSkips(t *testing.T) {
	p, err := NewPlan(readFixture(t), "fixture", 0)
	if err != nil {
		t.Fatal(err)
	}
	whole := built(t, p)[0]
	skip := map[string]bool{"001_nato_summit": true}
	edges, err := p.batchEdges(0, skip)
	if err != nil {
		t.Fatal(err)
	}
	out, err := p.build(0, skip, edges, p.hashes(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(out.Articles) != 1 || out.Articles[0]["id"] != "002_palm_beach" || out.Keys["001_nato_summit"] != nil {
		t.Fatalf("articles %v", out.Articles)
	}
	n := 1
	for _, rows := range out.Nodes {
		for _, r := range rows {
			if id := r["id"].(string); id == "org:nato" || id == "place:the-hague" || strings.HasPrefix(id, "event:") {
				t.Errorf("node %s only 001 references is still there", id)
			}
			n++
		}
	}
	for _, rows := range out.Edges {
		for _, r := range rows {
			if r["props"].(map[string]any)["article"] != "002_palm_beach" {
				t.Errorf("relationship of another article: %v", r)
			}
			n++
		}
	}
	if n != out.Size || n != 1+3+len(whole.Keys["002_palm_beach"]) {
		t.Errorf("size %d, counted %d, want 1 article + 3 nodes + %d relationships", out.Size, n, len(whole.Keys["002_palm_beach"]))
	}
	if h := p.hashes(0); len(h) != 2 || h[0].(map[string]any)["hash"] != whole.Articles[0][LoadHashProperty] {
		t.Errorf("hashes %v, want the ones the built rows carry", h)
	}
}

// TestLoadHashCoversEdgeFields: changing any field of a relationship that Load stores
// changes its article's load hash (a field added to graph.Edge and not hashed fails here).
func TestLoadHashCoversEdgeFields(t *testing.T) {
	base := func() *graph.Document {
		d := readFixture(t)
		d.Edges = d.Edges[:1] // one PRESSURED edge of 001, every field set below
		return d
	}
	hash := func(d *graph.Document) string {
		p, err := NewPlan(d, "fixture", 0)
		if err != nil {
			t.Fatal(err)
		}
		return p.src.loadHash(0)
	}
	first := hash(base())
	typ := reflect.TypeOf(graph.Edge{})
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		if f.Name == "Kind" || f.Name == "Line" || f.Name == "Type" || f.Name == "From" || f.Name == "To" || f.Name == "Article" {
			continue // not stored / they change which edge it is (tested by TestPlanLoadHash)
		}
		d := base()
		v := reflect.ValueOf(&d.Edges[0]).Elem().Field(i)
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Float64:
			v.SetFloat(v.Float()/2 + 0.01)
		case reflect.Map:
			v.Set(reflect.ValueOf(map[string]any{"extra": "x"}))
		case reflect.Struct: // Evidence
			ev := &d.Edges[0].Evidence
			ev.Sentence, ev.End = ev.Sentence+"x", ev.End+1
		default:
			t.Fatalf("field %s of kind %s: extend this test", f.Name, v.Kind())
		}
		if hash(d) == first {
			t.Errorf("changing Edge.%s left the load hash unchanged", f.Name)
		}
	}
}

// TestHashValue: the load hash's encoding tells apart values that print alike, and does not
// depend on the order of map keys.
func TestHashValue(t *testing.T) {
	enc := func(v any) string {
		var b strings.Builder
		w := bufio.NewWriter(&b)
		hashValue(w, v)
		w.Flush()
		return b.String()
	}
	distinct := []any{nil, "", "1", int64(1), 1.0, true, "true", []any{"a", "b"}, []any{"ab"}, []any{"a,b"},
		map[string]any{"a": "b"}, map[string]any{"ab": ""}, []any{}, map[string]any{}}
	seen := map[string]int{}
	for i, v := range distinct {
		e := enc(v)
		if j, dup := seen[e]; dup {
			t.Errorf("%#v and %#v encode alike: %q", distinct[j], v, e)
		}
		seen[e] = i
	}
	m1 := map[string]any{"x": int64(1), "y": []any{"a"}, "z": map[string]any{"k": 0.5}}
	m2 := map[string]any{"z": map[string]any{"k": 0.5}, "y": []any{"a"}, "x": int64(1)}
	for range 5 {
		if enc(m1) != enc(m2) {
			t.Fatal("map encoding depends on key order")
		}
	}
}
