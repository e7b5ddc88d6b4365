package extract

import (
	"bytes"
	"context"
	"encoding/gob"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/read"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/graph"
)

// fillEvery sets every field reachable from v (a pointer) to a value of its own: strings
// name their field and the seed, numbers and booleans are not zero, slices and maps hold
// two items. A field the codec does not write then reads back as its zero value.
func fillEvery(v reflect.Value, path string, seed int) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fillEvery(v.Elem(), path, seed)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue // syntax.Saved: its own MarshalBinary, tested in syntax
			}
			fillEvery(v.Field(i), path+"."+f.Name, seed*31+i+1)
		}
	case reflect.String:
		v.SetString(fmt.Sprintf("%s#%d", path, seed))
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(int64(seed%1000 + 1))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 2, 2)
		for i := 0; i < 2; i++ {
			fillEvery(s.Index(i), fmt.Sprintf("%s[%d]", path, i), seed+i*7)
		}
		v.Set(s)
	case reflect.Map:
		m := reflect.MakeMap(v.Type())
		for i := 0; i < 2; i++ {
			k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
			fillEvery(k, fmt.Sprintf("%s.key%d", path, i), seed+i)
			fillEvery(e, fmt.Sprintf("%s.value%d", path, i), seed+i)
			m.SetMapIndex(k, e)
		}
		v.Set(m)
	default:
		panic(fmt.Sprintf("fillEvery: %s: kind %s not handled (teach the codec and this test)", path, v.Kind()))
	}
}

// everyField is a resolve result, heavy part and article record with every field set, as
// the temporary file keeps them (the Doc without its text, blocks, dropped spans and
// sentences, which go elsewhere or nowhere).
func everyField(t *testing.T) (*resolve.Portable, *heavyPart) {
	t.Helper()
	p := &resolve.Portable{}
	fillEvery(reflect.ValueOf(p), "Portable", 1)
	p.Doc.Text, p.Doc.Blocks, p.Doc.Dropped, p.Doc.Sentences = "", nil, nil, nil
	p.Doc.Meta.Line = 0
	h := &heavyPart{Text: "Rutte met Zelensky.", Blocks: []article.Span{{Start: 0, End: 19}},
		Sentences: []article.Sentence{{Span: article.Span{Start: 0, End: 19}, Tokens: []article.Token{
			{Span: article.Span{Start: 0, End: 5}, Text: "Rutte"}, {Span: article.Span{Start: 6, End: 9}, Text: "met"},
			{Span: article.Span{Start: 10, End: 18}, Text: "Zelensky"}, {Span: article.Span{Start: 18, End: 19}, Text: "."}}}}}
	return p, h
}

// Every field of what the temporary file keeps comes back: a field added to
// article.Mention, article.Event, graph.Article, resolve.Portable (or what it holds) and
// not to the codec fails here.
func TestSpillCodecEveryField(t *testing.T) {
	p, h := everyField(t)
	p.Doc.Meta.Line = 7
	rec, err := encodeSpilled(p, h)
	if err != nil {
		t.Fatal(err)
	}
	res, heavy, meta, err := splitSpilled(rec)
	if err != nil {
		t.Fatal(err)
	}
	gotP, err := decodePortable(res)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotP, p) {
		t.Errorf("resolve result read back:\n%+v\nwant\n%+v", gotP.Doc, p.Doc)
	}
	gotH, err := decodeHeavy(heavy)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotH, h) {
		t.Errorf("heavy part read back %+v, want %+v", gotH, h)
	}
	var a graph.Article
	if err := decodeMeta(meta, &a); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, p.Doc.Meta) {
		t.Errorf("article record read back %+v, want %+v", a, p.Doc.Meta)
	}
}

// What the stages after the temporary file see is what gob gave them before: empty lists
// and maps read back as nil, like nil ones; a nil parse stays nil; the blocks' nil and
// empty are told apart by NoBlocks.
func TestSpillCodecEmptyAsGob(t *testing.T) {
	doc := &article.Doc{Meta: graph.Article{ID: "a"}, Mentions: []article.Mention{{Text: "NATO", Label: graph.LabelOrganization}},
		Events: []article.Event{{Participants: []article.Span{}}}}
	p := &resolve.Portable{Doc: doc, Merges: []resolve.Merge{}, Events: []resolve.EventInfo{{Aliases: []string{}}},
		Aliases: map[string][]string{"org:nato": {}}, RoleAliases: []resolve.PortableRoleAlias{}}
	h := &heavyPart{Text: "x", Blocks: []article.Span{}, NoBlocks: false}
	rec, err := encodeSpilled(p, h)
	if err != nil {
		t.Fatal(err)
	}
	res, heavy, _, err := splitSpilled(rec)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodePortable(res)
	if err != nil {
		t.Fatal(err)
	}
	var viaGob resolve.Portable
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(p); err != nil {
		t.Fatal(err)
	}
	if err := gob.NewDecoder(&b).Decode(&viaGob); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &viaGob) {
		t.Errorf("read back %#v\ngob gives %#v", got, &viaGob)
	}
	gotH, err := decodeHeavy(heavy)
	if err != nil {
		t.Fatal(err)
	}
	if gotH.Blocks != nil || gotH.NoBlocks || gotH.Parse != nil {
		t.Errorf("heavy part read back %+v: want nil blocks (the reader makes them empty), NoBlocks false, no parse", gotH)
	}
}

// A damaged record is an error naming the temporary file, never a panic nor a half-read
// article: cut short, a length past the end, bytes left over, a boolean that is not one.
func TestSpillCodecCorrupt(t *testing.T) {
	p, h := everyField(t)
	rec, err := encodeSpilled(p, h)
	if err != nil {
		t.Fatal(err)
	}
	res, _, meta, err := splitSpilled(rec)
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]func() error{
		"record cut short":       func() error { _, _, _, err := splitSpilled(rec[:len(rec)-3]); return err },
		"result cut short":       func() error { _, err := decodePortable(res[:len(res)/2]); return err },
		"bytes after a result":   func() error { _, err := decodePortable(append(append([]byte{}, res...), 0)); return err },
		"length past the end":    func() error { _, err := decodePortable([]byte{0xff, 0xff, 0xff, 0x0f}); return err },
		"empty article record":   func() error { return decodeMeta(nil, &graph.Article{}) },
		"article record + junk":  func() error { return decodeMeta(append(append([]byte{}, meta...), 1, 2), &graph.Article{}) },
		"not a boolean":          func() error { _, err := decodeHeavy([]byte{1, 'x', 0, 7, 0}); return err },
		"bad parse":              func() error { _, err := decodeHeavy([]byte{1, 'x', 0, 0, 0, 1, 2, 0xff, 0xff}); return err },
		"sentence past the text": func() error { _, err := decodeHeavy([]byte{1, 'x', 0, 0, 1, 0, 4, 0, 0}); return err },
		"token past the text":    func() error { _, err := decodeHeavy([]byte{1, 'x', 0, 0, 1, 0, 2, 1, 0, 4, 0}); return err },
		"token before the text":  func() error { _, err := decodeHeavy([]byte{1, 'x', 0, 0, 1, 0, 2, 1, 1, 2, 0}); return err },
	}
	cases["frame past the end of its file"] = func() error {
		f, err := os.CreateTemp(t.TempDir(), "frames")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		f.Write([]byte{0xe8, 0x03, 0, 0, 'a', 'b', 'c'}) // 1,000 bytes announced, 3 there
		_, err = newFramedReader(f, 64).next()
		return err
	}
	for name, f := range cases {
		err := f()
		if !errors.Is(err, errSpillRecord) {
			t.Errorf("%s: error %v, want %v", name, err, errSpillRecord)
		}
	}
	if msg := errSpillRecord.Error(); !strings.Contains(msg, "temporary file") {
		t.Errorf("error %q does not say where", msg)
	}
}

// Whatever the bytes, the readers return an error or a record, and do not panic or
// allocate past the input (lengths are bounded by what is left).
func FuzzSpillDecode(f *testing.F) {
	doc := &article.Doc{Meta: graph.Article{ID: "a", Words: 3}, Mentions: []article.Mention{{Text: "NATO", Label: graph.LabelOrganization, Kind: article.KindName}}}
	p := &resolve.Portable{Doc: doc, Aliases: map[string][]string{"org:nato": {"NATO"}}}
	rec, err := encodeSpilled(p, &heavyPart{Text: "NATO met.", Blocks: []article.Span{{Start: 0, End: 9}}})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(rec)
	res, heavy, meta, _ := splitSpilled(rec)
	f.Add(res)
	f.Add(heavy)
	f.Add(meta)
	f.Fuzz(func(t *testing.T, b []byte) {
		if res, heavy, meta, err := splitSpilled(b); err == nil {
			decodePortable(res)
			decodeHeavy(heavy)
			decodeMeta(meta, &graph.Article{})
		}
		decodePortable(b)
		decodeHeavy(b)
		decodeMeta(b, &graph.Article{})
		decodeCheckedEdge(b)
	})
}

// An edge of the temporary file of relationships comes back with its line and what the
// validation reads; a line that does not decode, or an edge whose own fields are wrong,
// carries graph.Checker.Edge's words for it.
func TestCheckedEdgeRoundTrip(t *testing.T) {
	good := graph.Edge{Kind: graph.KindEdge, Type: graph.RelMet, From: "person:a", To: "person:b", Article: "x",
		Status: graph.StatusReported, Evidence: graph.Evidence{Sentence: "A met B <here>.", Start: 0, End: 15},
		Props: map[string]any{"count": 2.0}}
	bad := good
	bad.Date = "yesterday"
	var line bytes.Buffer
	var b []byte
	var err error
	for _, e := range []graph.Edge{good, bad} {
		if b, err = appendCheckedEdge(b, &line, &e); err != nil {
			t.Fatal(err)
		}
	}
	var want bytes.Buffer
	w := graph.NewWriter(&want)
	w.Write(&good)
	w.Write(&bad)
	w.Flush()
	lines := strings.SplitAfter(want.String(), "\n")
	for i, e := range []graph.Edge{good, bad} {
		var frame []byte
		if frame, b, err = nextFrame(b); err != nil {
			t.Fatal(err)
		}
		c, err := decodeCheckedEdge(frame)
		if err != nil {
			t.Fatal(err)
		}
		if string(c.line)+"\n" != lines[i] {
			t.Errorf("edge %d: line %s, want graph.Writer's %s", i, c.line, lines[i])
		}
		if c.decodeProblem != "" || c.typ != e.Type || c.from != e.From || c.to != e.To || c.article != e.Article {
			t.Errorf("edge %d read back %+v", i, c)
		}
		if want := graph.EdgeFields(&e); c.fieldsProblem != want || (i == 1) != (want != "") {
			t.Errorf("edge %d: fields problem %q, want %q", i, c.fieldsProblem, want)
		}
	}
	if len(b) > 0 {
		t.Errorf("%d bytes left after the edges", len(b))
	}
	if _, err := decodeCheckedEdge([]byte{3, 'a'}); !errors.Is(err, errSpillRecord) {
		t.Errorf("a damaged edge record: error %v", err)
	}
}

// BenchmarkSpillRecord writes each article of the seed corpus (its own stages run first)
// into a record and reads it back once: with the binary codec (encoded, split into its
// parts as the sort does, each part decoded) and with gob as the workers and the sort used
// it before (one encoder per record, a fresh decoder for each).
func BenchmarkSpillRecord(b *testing.B) {
	p := pipeline(b)
	var recs []struct {
		p resolve.Portable
		h heavyPart
	}
	for d, err := range read.New(read.Options{}).Docs(seedsDir(b)) {
		if err != nil {
			b.Fatal(err)
		}
		r := p.local(d)
		h := heavyPart{Text: d.Text, Blocks: d.Blocks, NoBlocks: d.Blocks == nil, Sentences: d.Sentences}
		doc := *d
		doc.Text, doc.Blocks, doc.Dropped, doc.Sentences = "", nil, nil, nil
		pr := r.Portable()
		pr.Doc = &doc
		recs = append(recs, struct {
			p resolve.Portable
			h heavyPart
		}{pr, h})
	}
	// parts encodes and splits the record of recs[k]
	parts := func(b *testing.B, k int) (res, heavy, meta []byte) {
		rec, err := encodeSpilled(&recs[k].p, &recs[k].h)
		if err != nil {
			b.Fatal(err)
		}
		if res, heavy, meta, err = splitSpilled(rec); err != nil {
			b.Fatal(err)
		}
		return res, heavy, meta
	}
	b.Run("binary", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for k := range recs {
				res, heavy, meta := parts(b, k)
				if _, err := decodePortable(res); err != nil {
					b.Fatal(err)
				}
				if _, err := decodeHeavy(heavy); err != nil {
					b.Fatal(err)
				}
				if err := decodeMeta(meta, &graph.Article{}); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	// decode: what each cross-article phase does with an article's result (four times an article)
	b.Run("decode", func(b *testing.B) {
		var res [][]byte
		for k := range recs {
			r, _, _ := parts(b, k)
			res = append(res, r)
		}
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			for _, r := range res {
				if _, err := decodePortable(r); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("gob", func(b *testing.B) {
		type spilled struct {
			Res   resolve.Portable
			Heavy heavyPart
		}
		for i := 0; i < b.N; i++ {
			for k := range recs {
				var buf bytes.Buffer
				if err := gob.NewEncoder(&buf).Encode(&spilled{recs[k].p, recs[k].h}); err != nil {
					b.Fatal(err)
				}
				var back spilled
				if err := gob.NewDecoder(&buf).Decode(&back); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
}

// An edge roundTrips passes is what decoding its line gives back, field for field (so its
// checks are those of the decoded line): every edge of the seed corpus, checked here
// against graph.DecodeRecord. Edges whose line would not give them back (an int or a list
// of strings in props, invalid UTF-8) are refused, and their lines decoded.
func TestRoundTripsAsDecoded(t *testing.T) {
	p, err := New(Options{Workers: 1, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	var edges []graph.Edge
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		edges = append(edges, es...)
		return es
	}
	if _, err := p.Run(context.Background(), seedsDir(t)); err != nil {
		t.Fatal(err)
	}
	base := graph.Edge{Kind: graph.KindEdge, Type: graph.RelMentions, From: "x", To: "person:a", Article: "x",
		Evidence: graph.Evidence{Sentence: "A \u2028 <b> \"q\"", Start: 1, End: 2}, Confidence: 0.1 + 0.2,
		Props: map[string]any{"count": 3.0, "aliases": []any{"A", 1.5, true}, "none": nil}}
	edges = append(edges, base)
	odd := map[string]func(e *graph.Edge){
		"int prop":      func(e *graph.Edge) { e.Props = map[string]any{"count": 3} },
		"strings prop":  func(e *graph.Edge) { e.Props = map[string]any{"aliases": []string{"A"}} },
		"invalid UTF-8": func(e *graph.Edge) { e.From = "person:\xff" },
		"nested list":   func(e *graph.Edge) { e.Props = map[string]any{"l": []any{[]any{"a"}}} },
	}
	for name, f := range odd {
		e := base
		f(&e)
		if roundTrips(&e) {
			t.Errorf("%s: roundTrips says the line gives the edge back", name)
		}
		edges = append(edges, e)
	}
	fast := 0
	var line bytes.Buffer
	for i := range edges {
		e := &edges[i]
		e.Kind, e.Line = graph.KindEdge, 0
		line.Reset()
		if err := graph.NewLineEncoder(&line).Encode(e); err != nil {
			t.Fatal(err)
		}
		var got graph.Edge
		if msg := graph.DecodeRecord(bytes.TrimSpace(line.Bytes()), &got, graph.KindEdge); msg != "" {
			t.Fatalf("edge %d: %s", i, msg)
		}
		same := reflect.DeepEqual(&got, e)
		if roundTrips(e) {
			fast++
			if !same {
				t.Errorf("edge %d passes roundTrips but decodes to\n%+v\nnot\n%+v", i, got, *e)
			}
		}
	}
	if fast < len(edges)-len(odd) || fast < 100 {
		t.Errorf("%d of %d edges pass roundTrips; want every edge of the seed corpus (and more than 100)", fast, len(edges))
	}
}

// BenchmarkCheckedEdge encodes and checks the edges of the seed corpus as relate's workers
// do (appendCheckedEdge: the line decoded only when roundTrips refuses the edge), and, for
// comparison, with every line decoded by graph.DecodeRecord as before.
func BenchmarkCheckedEdge(b *testing.B) {
	p, err := New(Options{Workers: 1, Parse: true})
	if err != nil {
		b.Fatal(err)
	}
	var edges []graph.Edge
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		edges = append(edges, es...)
		return es
	}
	if _, err := p.Run(context.Background(), seedsDir(b)); err != nil {
		b.Fatal(err)
	}
	for i := range edges {
		edges[i].Kind = graph.KindEdge
	}
	var line bytes.Buffer
	b.Run("appendCheckedEdge", func(b *testing.B) {
		var out []byte
		for i := 0; i < b.N; i++ {
			out = out[:0]
			for k := range edges {
				if out, err = appendCheckedEdge(out, &line, &edges[k]); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.N*len(edges))/b.Elapsed().Seconds(), "edges/s")
	})
	b.Run("decoded", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			for k := range edges {
				line.Reset()
				if err := graph.NewLineEncoder(&line).Encode(&edges[k]); err != nil {
					b.Fatal(err)
				}
				var got graph.Edge
				if msg := graph.DecodeRecord(bytes.TrimSpace(line.Bytes()), &got, graph.KindEdge); msg != "" {
					b.Fatal(msg)
				}
				graph.EdgeFields(&got)
			}
		}
		b.ReportMetric(float64(b.N*len(edges))/b.Elapsed().Seconds(), "edges/s")
	})
}

// TestSpilledSentencesAsSegmented: the sentences the temporary file gives back to relate
// are those the segmenter makes again on the same text and blocks (spans, texts, tokens
// with no tag or word yet, no room to grow into the next sentence's tokens), and the parse
// restored on them gives the words and tags of the parse restored on a new segmentation:
// every article of the seed corpus after its own stages, as the workers spill it.
func TestSpilledSentencesAsSegmented(t *testing.T) {
	p := pipeline(t)
	n := 0
	for d, err := range read.New(read.Options{}).Docs(seedsDir(t)) {
		if err != nil {
			t.Fatal(err)
		}
		r := p.local(d)
		text, blocks := d.Text, d.Blocks
		rec, err := encodeArticle(d, r, true)
		if err != nil {
			t.Fatal(err)
		}
		_, heavy, _, err := splitSpilled(rec)
		if err != nil {
			t.Fatal(err)
		}
		h, err := decodeHeavy(heavy)
		if err != nil {
			t.Fatal(err)
		}
		fresh := &article.Doc{Text: text, Blocks: blocks}
		segment.Segment(fresh)
		if !reflect.DeepEqual(h.Sentences, fresh.Sentences) {
			t.Fatalf("%s: the spilled sentences differ from a new segmentation", d.Meta.ID)
		}
		for i := range h.Sentences {
			if ts := h.Sentences[i].Tokens; cap(ts) != len(ts) {
				t.Fatalf("%s: sentence %d's tokens have room to grow (%d > %d)", d.Meta.ID, i, cap(ts), len(ts))
			}
		}
		back := &article.Doc{Text: text, Blocks: blocks, Sentences: h.Sentences}
		restore(back, h)
		restore(fresh, h)
		if !reflect.DeepEqual(back.Sentences, fresh.Sentences) || len(back.Sentences) == 0 || back.Sentences[0].Words == nil {
			t.Fatalf("%s: the parse restored on the spilled sentences differs", d.Meta.ID)
		}
		n++
	}
	if n == 0 {
		t.Fatal("no seed article")
	}
}
