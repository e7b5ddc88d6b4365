package render

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

var updateGuide = flag.Bool("update-guide", false, "rewrite browser/guide.html and browser/newsgraph.grass")

func sample() *graph.Rows {
	a := graph.NodeValue{ElementID: "e1", Labels: []string{"Person"}, Props: map[string]any{"id": "person:a", "name": "A | B"}}
	b := graph.NodeValue{ElementID: "e2", Labels: []string{"Country"}, Props: map[string]any{"id": "country:b", "name": "B"}}
	r := graph.RelValue{ElementID: "r1", Type: "MET", StartID: "e1", EndID: "e2", Props: map[string]any{"status": "planned"}}
	p := graph.PathValue{Nodes: []graph.NodeValue{a, b}, Rels: []graph.RelValue{r}}
	return &graph.Rows{Columns: []string{"who", "n", "f", "l", "_path"}, Rows: [][]any{
		{"x|y\nz", int64(2), 0.5, []any{"p", "q"}, p},
		{nil, int64(-1), 2.0, []any{}, []any{p, p}},
	}}
}

func TestVisibleAndText(t *testing.T) {
	v := Visible(sample())
	if !reflect.DeepEqual(v.Columns, []string{"who", "n", "f", "l"}) || len(v.Rows[0]) != 4 {
		t.Fatalf("visible = %+v", v)
	}
	got := []string{Text(nil), Text(2.0), Text([]any{"a", int64(1)}), Text(sample().Rows[0][4]), Text(map[string]any{"k": true})}
	want := []string{"", "2.0", "a, 1", "(A | B)-[:MET]->(B)", `{"k":true}`}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestMarkdownEscapes(t *testing.T) {
	tm, err := queries.Parse("t.cypher", []byte("// name: t\n// summary: S\n// params: n int = 1\nRETURN $n"))
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Markdown(&b, &Report{Template: tm, Params: map[string]any{"n": int64(1)}, Rows: sample()}); err != nil {
		t.Fatal(err)
	}
	want := "## t\n\nS\n\nParameters: `n = 1`\n\n| who | n | f | l |\n| --- | --- | --- | --- |\n| x\\|y<br>z | 2 | 0.5 | p, q |\n|  | -1 | 2.0 |  |\n\n(2 rows)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestFromRowsAndIDs(t *testing.T) {
	g := FromRows(sample())
	if len(g.Nodes) != 2 || g.Nodes[0].Key != "person:a" || g.Nodes[1].Label != "Country" {
		t.Fatalf("nodes = %+v", g.Nodes)
	}
	if len(g.Edges) != 1 || g.Edges[0] != (Edge{From: "person:a", To: "country:b", Type: "MET", Status: "planned", Count: 1}) {
		t.Fatalf("edges = %+v", g.Edges)
	}
	rows := &graph.Rows{Columns: []string{"a", "b"}, Rows: [][]any{{"person:x", []any{"country:y", "not an id", "001_article"}}, {"person:x", nil}}}
	if ids := IDs(rows); !reflect.DeepEqual(ids, []string{"country:y", "person:x"}) {
		t.Errorf("IDs = %v", ids)
	}
}

func TestLayoutDeterministicAndInside(t *testing.T) {
	g := &Graph{}
	for _, id := range []string{"a", "b", "c", "d", "e", "f", "g"} {
		g.Nodes = append(g.Nodes, Node{Key: id, Label: "Person", Name: id})
	}
	for _, e := range [][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}, {"d", "e"}} {
		g.Edges = append(g.Edges, Edge{From: e[0], To: e[1], Type: "MET", Count: 1})
	}
	p1, p2 := Layout(g, 960, 560, 70), Layout(g, 960, 560, 70)
	if !reflect.DeepEqual(p1, p2) {
		t.Fatal("layout is not deterministic")
	}
	seen := map[Point]bool{}
	for i, p := range p1 {
		if p.X < 0 || p.X > 960 || p.Y < 0 || p.Y > 560 {
			t.Errorf("node %d at %v is outside the drawing", i, p)
		}
		if seen[p] {
			t.Errorf("two nodes at %v", p)
		}
		seen[p] = true
	}
	if got := Layout(&Graph{Nodes: g.Nodes[:1]}, 960, 560, 70); got[0] != (Point{480, 280}) {
		t.Errorf("one node at %v", got[0])
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	tm, _ := queries.Parse("t.cypher", []byte("// name: t\n// summary: <S>\n// params:\nRETURN 1"))
	var b bytes.Buffer
	rows := sample()
	if err := HTML(&b, &Report{Template: tm, Rows: rows, Graph: FromRows(rows)}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, bad := range []string{"<script", "src=", "href=", "@import", "<S>"} {
		if strings.Contains(s, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	for _, want := range []string{"<svg", "&lt;S&gt;", "A | B", "x|y"} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

// browser/guide.html and browser/newsgraph.grass are generated from the templates and
// the colours here; rewrite them with: go test ./queries/render -run Browser -update-guide
func TestBrowserFilesUpToDate(t *testing.T) {
	c, err := queries.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var guide, grass bytes.Buffer
	if err := Guide(&guide, c.All(), GuideOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := Grass(&grass); err != nil {
		t.Fatal(err)
	}
	for path, got := range map[string][]byte{"../../browser/guide.html": guide.Bytes(), "../../browser/newsgraph.grass": grass.Bytes()} {
		if *updateGuide {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(want, got) {
			t.Errorf("%s is not up to date with the templates (err %v); run: go test ./queries/render -run Browser -update-guide", path, err)
		}
	}
	for _, tm := range c.All() {
		if !strings.Contains(guide.String(), "<h3>"+tm.Name+"</h3>") {
			t.Errorf("guide lacks %s", tm.Name)
		}
	}
}
