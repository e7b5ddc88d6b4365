package extract

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// A run drops every article's sentences once relate has run (they are not held to the
// end), and gives the same bytes as a run that keeps them.
func TestReleasedSentencesSameOutput(t *testing.T) {
	lean := pipeline(t)
	keep, err := New(Options{Workers: 2, Parse: true, KeepSentences: true})
	if err != nil {
		t.Fatal(err)
	}
	got, want := runJSONL(t, lean, threeArticles...), runJSONL(t, keep, threeArticles...)
	for i, d := range got.Docs {
		if d.Sentences != nil {
			t.Errorf("article %s: %d sentences still held after the run", d.Meta.ID, len(d.Sentences))
		}
		if len(want.Docs[i].Sentences) == 0 {
			t.Errorf("article %s: no sentences kept with KeepSentences", want.Docs[i].Meta.ID)
		}
	}
	for _, d := range []*graph.Document{&got.Document, &want.Document} {
		for i := range d.Articles {
			d.Articles[i].Source = filepath.Base(d.Articles[i].Source) // two temporary folders
		}
	}
	g, w := encode(t, &got.Document), encode(t, &want.Document)
	if len(got.Document.Edges) == 0 || !bytes.Equal(g, w) {
		t.Errorf("%d edges; output with sentences released:\n%s\nwant\n%s", len(got.Document.Edges), g, w)
	}
}

// When an article is left out after relate ran, the assembly is redone on sentences made
// again (segment and parse) for the others: the output is what a run without that article
// gives, relationships included.
func TestReassemblyAfterReleaseSameOutput(t *testing.T) {
	p, err := New(Options{Workers: 1, Parse: true}) // one relate at a time: the hook counts without a lock
	if err != nil {
		t.Fatal(err)
	}
	relates := map[string]int{}
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		relates[d.Meta.ID]++
		if d.Meta.ID == "b" && len(es) > 0 {
			e := es[0]
			e.Type, e.To = graph.RelSupported, "country:nowhere"
			es = append(es, e)
		}
		return es
	}
	res := runJSONL(t, p, threeArticles...)
	want := runJSONL(t, pipeline(t), threeArticles[0], threeArticles[2])
	if relates["a"] < 2 {
		t.Fatalf("article a related %d times; the assembly was not redone", relates["a"])
	}
	if len(want.Document.Edges) == 0 {
		t.Fatal("the run without b finds no relationship: the test shows nothing")
	}
	checkLeftOut(t, res, want, "b", "validate", "country:nowhere")
}
