package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"
	"weak"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// manyArticles makes n articles (JSON Lines records) from the three test articles, with
// their own ids.
func manyArticles(n int) [][3]string {
	var recs [][3]string
	for i := 0; i < n; i++ {
		a := threeArticles[i%len(threeArticles)]
		recs = append(recs, [3]string{fmt.Sprintf("%s%03d", a[0], i), a[1], a[2]})
	}
	return recs
}

// The articles are not held in memory until the end of the run: once its own stages are
// done an article is let go (it waits in a temporary file), and the articles the later
// phases read back are let go one by one too. Counted with weak pointers while the last
// article is related: on a run that holds every article, all of them are still alive.
func TestArticlesNotHeld(t *testing.T) {
	const n = 60
	p, err := New(Options{Workers: 2, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var read, related []weak.Pointer[article.Doc]
	p.hooks.local = func(d *article.Doc) {
		mu.Lock()
		read = append(read, weak.Make(d))
		mu.Unlock()
	}
	last := fmt.Sprintf("c%03d", n-1) // the last id in order
	readAlive, relatedAlive := -1, -1
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		mu.Lock()
		defer mu.Unlock()
		related = append(related, weak.Make(d))
		if d.Meta.ID == last {
			runtime.GC()
			readAlive, relatedAlive = alive(read), alive(related)
		}
		return es
	}
	res := runJSONL(t, p, manyArticles(n)...)
	if res.Articles != n || len(res.Failed) > 0 {
		t.Fatalf("%d articles written, failed %v", res.Articles, res.Failed)
	}
	if readAlive < 0 {
		t.Fatal("the last article was never related")
	}
	// The articles the workers made: none needs to stay.
	if readAlive > 2 {
		t.Errorf("%d of the %d articles read are still held while the last one is related", readAlive, n)
	}
	// The articles read back for relate: those in flight (the workers' queue, the two
	// workers, those waiting to be written in order), at most 3 per worker.
	if relatedAlive > 6 {
		t.Errorf("%d of the %d related articles are still held while the last one is related", relatedAlive, len(related))
	}
}

// alive counts the pointers whose article is still reachable.
func alive(ps []weak.Pointer[article.Doc]) int {
	n := 0
	for _, p := range ps {
		if p.Value() != nil {
			n++
		}
	}
	return n
}

// KeepSentences keeps the articles, with their sentences, and changes nothing in the
// output; without it no article is kept.
func TestKeepSentencesSameOutput(t *testing.T) {
	lean := pipeline(t)
	keep, err := New(Options{Workers: 2, Parse: true, KeepSentences: true})
	if err != nil {
		t.Fatal(err)
	}
	got, want := runJSONL(t, lean, threeArticles...), runJSONL(t, keep, threeArticles...)
	if len(got.Docs) != 0 {
		t.Errorf("%d articles kept without KeepSentences", len(got.Docs))
	}
	if len(want.Docs) != len(threeArticles) {
		t.Fatalf("%d articles kept with KeepSentences, want %d", len(want.Docs), len(threeArticles))
	}
	for _, d := range want.Docs {
		if len(d.Sentences) == 0 || d.Sentences[0].Words == nil {
			t.Errorf("article %s: no parsed sentences kept with KeepSentences", d.Meta.ID)
		}
	}
	for _, d := range []*graph.Document{&got.Document, &want.Document} {
		for i := range d.Articles {
			d.Articles[i].Source = filepath.Base(d.Articles[i].Source) // two temporary folders
		}
	}
	g, w := encode(t, &got.Document), encode(t, &want.Document)
	if len(got.Document.Edges) == 0 || !bytes.Equal(g, w) {
		t.Errorf("%d edges; output without kept articles:\n%s\nwant\n%s", len(got.Document.Edges), g, w)
	}
}

// When an article is left out after relate ran, the phases run again without it, the
// others read back from the temporary file (sentences made again, parse restored): the
// output is what a run without that article gives, relationships included.
func TestReassemblyAfterLeftOutSameOutput(t *testing.T) {
	p, err := New(Options{Workers: 1, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	relates := map[string]int{} // relate runs on one goroutine
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

// An article goes through the temporary file unchanged: its resolve result, its text, its
// blocks (nil and empty apart: the segmenter reads them differently) and its parse; read back
// as the phases read them (prefetch: decoded in groups on two goroutines), in id order, over
// more than two groups.
func TestSpillRoundTrip(t *testing.T) {
	p := pipeline(t)
	var texts []string
	for len(texts) <= 2*prefetchGroup {
		texts = append(texts, threeArticles[0][2], threeArticles[1][2], "\n\n", threeArticles[2][2])
	}
	sp, err := newSpill()
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	var want []*article.Doc
	for i, text := range texts {
		d := &article.Doc{Meta: graph.Article{ID: fmt.Sprintf("d%03d", len(texts)-i), Published: "2024-05-01"}, Text: text}
		r := p.local(d)
		if i%4 == 2 {
			d.Blocks = []article.Span{} // the cleaner kept nothing
		}
		kept := *d
		kept.Mentions = append([]article.Mention(nil), d.Mentions...)
		rec, err := encodeArticle(d, r, true)
		if err != nil {
			t.Fatal(err)
		}
		if d.Sentences != nil {
			t.Errorf("article %s still holds its sentences once spilled", d.Meta.ID)
		}
		if err := sp.add(d.Meta, rec); err != nil {
			t.Fatal(err)
		}
		want = append([]*article.Doc{&kept}, want...) // read back in id order
	}
	if err := sp.sort(context.Background()); err != nil {
		t.Fatal(err)
	}
	items, stop := sp.prefetch(true)
	defer stop()
	for _, w := range want {
		it := <-items
		r, h, err := it.r, it.h, it.err
		if err != nil {
			t.Fatal(err)
		}
		if r.Doc.Meta.ID != w.Meta.ID {
			t.Fatalf("read back %s where %s was expected", r.Doc.Meta.ID, w.Meta.ID)
		}
		d := r.Doc
		d.Text, d.Blocks = h.Text, h.Blocks
		p.seg.Segment(d)
		if h.Parse == nil {
			t.Fatalf("article %s: no parse kept", d.Meta.ID)
		}
		restore(d, h)
		if (d.Blocks == nil) != (w.Blocks == nil) {
			t.Errorf("article %s: blocks nil %v, want nil %v", d.Meta.ID, d.Blocks == nil, w.Blocks == nil)
		}
		if !reflect.DeepEqual(d.Meta, w.Meta) || !reflect.DeepEqual(d.Mentions, w.Mentions) || !reflect.DeepEqual(d.Sentences, w.Sentences) {
			t.Errorf("article %s read back differs from the one spilled", d.Meta.ID)
		}
	}
}

// A run leaves no temporary file behind: neither a finished one, nor one that leaves an
// article out, nor one that is cancelled.
func TestNoTemporaryFilesLeft(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	runJSONL(t, pipeline(t), threeArticles...)
	p := pipeline(t)
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		if d.Meta.ID == "b" {
			panic("relate fails on b")
		}
		return es
	}
	if res := runJSONL(t, p, threeArticles...); len(res.Failed) != 1 {
		t.Errorf("failed %v, want b left out", res.Failed)
	}
	ctx, cancel := context.WithCancel(context.Background())
	c := pipeline(t)
	c.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		cancel()
		return es
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	var b strings.Builder
	for _, r := range threeArticles {
		fmt.Fprintf(&b, "{\"id\":%q,\"published\":%q,\"text\":%q}\n", r[0], r[1], r[2])
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := c.Extract(ctx, &out, path); err == nil {
		t.Error("a cancelled run gave no error")
	}
	if out.Len() > 0 {
		t.Errorf("a cancelled run wrote %d bytes", out.Len())
	}
	left, _ := os.ReadDir(tmp)
	for _, e := range left {
		t.Errorf("temporary file left behind: %s", e.Name())
	}
}
