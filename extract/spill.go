package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/gob"
	"fmt"
	"io"
	"os"
	"sort"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/graph"
)

// Memory: extract does not hold the corpus. Once an article's own stages are done (clean
// to resolve, on the workers), it goes to a temporary file: its resolve result without the
// sentences, and what relate needs to make them again (the text, the cleaner's blocks and
// the parse, kept compact by syntax.Save; segmenting again is cheap and deterministic, and
// the parse is restored, not run again). The cross-article stages then read the articles
// back one at a time, in id order, as many times as they have phases (stream.go); only an
// index of names and ids (resolve.Cross), the entity nodes and a few small maps stay in
// memory, and the output is written as it is made.

// spilled is one article as the temporary file keeps it.
type spilled struct {
	Res   resolve.Portable // Doc without Text, Blocks, Dropped and Sentences
	Heavy heavyPart
}

// heavyPart is what only relate needs: the text and what makes its sentences again.
type heavyPart struct {
	Text     string
	Blocks   []article.Span
	NoBlocks bool // Blocks was nil (every line a block), not empty (gob cannot tell them apart)
	Parse    *syntax.Saved
}

// spillEntry locates an article's record in the file of arrivals.
type spillEntry struct {
	id     string
	off, n int64
}

// spill is the temporary storage of a run's articles: a file of records in the order the
// workers finished them (each with its own gob encoder, read at random), then two gob
// streams in article id order (sorted), read sequentially by every phase. Once sorted, all
// it holds in memory is the ids, in order.
type spill struct {
	arrivals   *os.File
	size       int64
	arrived    []spillEntry // until sorted
	ids        []string     // once sorted
	res, heavy *os.File
	metas      *os.File // the articles' records (graph.Article), for validate and write
}

func newSpill() (*spill, error) {
	f, err := os.CreateTemp("", "newsgraph-extract-*.spill")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the articles: %w", err)
	}
	return &spill{arrivals: f}, nil
}

// sources returns where the articles of ids were read from (for the rare articles left
// out), from their records in the temporary file.
func (sp *spill) sources(ctx context.Context, ids map[string]failure) (map[string]string, error) {
	src := map[string]string{}
	err := sp.eachMeta(ctx, nil, func(a *graph.Article) error {
		if _, ok := ids[a.ID]; ok {
			src[a.ID] = a.Source
		}
		return nil
	})
	return src, err
}

// close removes the temporary files.
func (sp *spill) close() {
	for _, f := range []*os.File{sp.arrivals, sp.res, sp.heavy, sp.metas} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

// encodeArticle gives the record of an article whose own stages are done (on the worker,
// in parallel); d's sentences are dropped.
func encodeArticle(d *article.Doc, r *resolve.Result, parsed bool) ([]byte, error) {
	h := heavyPart{Text: d.Text, Blocks: d.Blocks, NoBlocks: d.Blocks == nil}
	if parsed {
		h.Parse = syntax.Save(d)
	}
	doc := *d
	doc.Text, doc.Blocks, doc.Dropped, doc.Sentences = "", nil, nil, nil
	p := r.Portable()
	p.Doc = &doc
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&spilled{Res: p, Heavy: h}); err != nil {
		return nil, fmt.Errorf("article %s: keeping it in the temporary file: %w", d.Meta.ID, err)
	}
	d.Sentences = nil
	return b.Bytes(), nil
}

// add appends an article's record.
func (sp *spill) add(meta graph.Article, rec []byte) error {
	if _, err := sp.arrivals.Write(rec); err != nil {
		return fmt.Errorf("writing the temporary file: %w", err)
	}
	sp.arrived = append(sp.arrived, spillEntry{id: meta.ID, off: sp.size, n: int64(len(rec))})
	sp.size += int64(len(rec))
	return nil
}

// sort writes the records in article id order as two streams, and removes the arrivals.
func (sp *spill) sort(ctx context.Context) error {
	sort.Slice(sp.arrived, func(i, j int) bool { return sp.arrived[i].id < sp.arrived[j].id })
	var err error
	if sp.res, err = os.CreateTemp("", "newsgraph-extract-*.res"); err != nil {
		return fmt.Errorf("temporary file for the articles: %w", err)
	}
	if sp.heavy, err = os.CreateTemp("", "newsgraph-extract-*.text"); err != nil {
		return fmt.Errorf("temporary file for the articles: %w", err)
	}
	if sp.metas, err = os.CreateTemp("", "newsgraph-extract-*.meta"); err != nil {
		return fmt.Errorf("temporary file for the articles: %w", err)
	}
	rw, hw, mw := bufio.NewWriterSize(sp.res, 256<<10), bufio.NewWriterSize(sp.heavy, 256<<10), bufio.NewWriterSize(sp.metas, 64<<10)
	re, he, me := gob.NewEncoder(rw), gob.NewEncoder(hw), gob.NewEncoder(mw)
	buf := []byte{}
	sp.ids = make([]string, len(sp.arrived))
	for i, e := range sp.arrived {
		sp.ids[i] = e.id
	}
	for _, e := range sp.arrived {
		if err := ctx.Err(); err != nil {
			return err
		}
		if int64(cap(buf)) < e.n {
			buf = make([]byte, e.n)
		}
		buf = buf[:e.n]
		if _, err := sp.arrivals.ReadAt(buf, e.off); err != nil {
			return fmt.Errorf("reading the temporary file: %w", err)
		}
		var rec spilled
		if err := gob.NewDecoder(bytes.NewReader(buf)).Decode(&rec); err != nil {
			return fmt.Errorf("reading the temporary file: article %s: %w", e.id, err)
		}
		if err := re.Encode(&rec.Res); err != nil {
			return fmt.Errorf("writing the temporary file: %w", err)
		}
		if err := he.Encode(&rec.Heavy); err != nil {
			return fmt.Errorf("writing the temporary file: %w", err)
		}
		if err := me.Encode(&rec.Res.Doc.Meta); err != nil {
			return fmt.Errorf("writing the temporary file: %w", err)
		}
	}
	for _, w := range []*bufio.Writer{rw, hw, mw} {
		if err := w.Flush(); err != nil {
			return fmt.Errorf("writing the temporary file: %w", err)
		}
	}
	sp.arrivals.Close()
	os.Remove(sp.arrivals.Name())
	sp.arrivals, sp.arrived = nil, nil
	return nil
}

// spillReader reads the sorted articles once, from the start: next gives each in turn.
type spillReader struct {
	res, heavy *gob.Decoder
}

// reader starts a reading of the sorted articles.
func (sp *spill) reader(withHeavy bool) *spillReader {
	open := func(f *os.File) *gob.Decoder {
		return gob.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(f, 0, 1<<62), 256<<10))
	}
	r := &spillReader{res: open(sp.res)}
	if withHeavy {
		r.heavy = open(sp.heavy)
	}
	return r
}

// next decodes the next article, with its heavy part when the reader reads it.
func (r *spillReader) next() (*resolve.Result, *heavyPart, error) {
	var p resolve.Portable
	if err := r.res.Decode(&p); err != nil {
		return nil, nil, fmt.Errorf("reading the temporary file: %w", err)
	}
	res := p.Result()
	if r.heavy == nil {
		return res, nil, nil
	}
	h := &heavyPart{}
	if err := r.heavy.Decode(h); err != nil {
		return nil, nil, fmt.Errorf("reading the temporary file: %w", err)
	}
	if h.Blocks == nil && !h.NoBlocks {
		h.Blocks = []article.Span{}
	}
	return res, h, nil
}

// eachMeta reads the records of the articles not in out, in order, and calls f on each.
func (sp *spill) eachMeta(ctx context.Context, out map[string]bool, f func(a *graph.Article) error) error {
	dec := gob.NewDecoder(bufio.NewReaderSize(io.NewSectionReader(sp.metas, 0, 1<<62), 64<<10))
	for _, id := range sp.ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		var a graph.Article
		if err := dec.Decode(&a); err != nil {
			return fmt.Errorf("reading the temporary file: %w", err)
		}
		if out[id] {
			continue
		}
		if a.ID == id {
			a.ID = id // the index's copy, not one more per reading
		}
		a.Kind = graph.KindArticle
		if err := f(&a); err != nil {
			return err
		}
	}
	return nil
}
