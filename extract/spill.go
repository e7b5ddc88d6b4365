package extract

import (
	"bufio"
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/graph"
)

// Memory: extract does not hold the corpus. Once an article's own stages are done (clean
// to resolve, on the workers), it goes to a temporary file: its resolve result without the
// sentences, and what relate needs to make them again (the text, the cleaner's blocks and
// the parse, kept compact by syntax.Save: the spans of the sentences and tokens, and the
// parse restored on them, not run again). The cross-article stages then read the articles
// back one at a time, in id order, as many times as they have phases (stream.go); only an
// index of names and ids (resolve.Cross), the entity nodes and a few small maps stay in
// memory, and the output is written as it is made.

// An article as the temporary file keeps it (spillcodec.go): its resolve result
// (resolve.Portable, its Doc without Text, Blocks, Dropped and Sentences), its heavyPart and
// its article record.

// heavyPart is what only relate needs: the text and what makes its sentences again.
type heavyPart struct {
	Text     string
	Blocks   []article.Span
	NoBlocks bool // Blocks was nil (every line a block), not empty (the record reads both back as nil)
	// Sentences are the segmenter's sentences: their spans and their tokens' spans (a
	// token's Text is the text there; Tag and Word are the parse's, set by Restore), so that
	// relate need not segment the text again.
	Sentences []article.Sentence
	Parse     *syntax.Saved
}

// spillEntry locates an article's record in the file of arrivals.
type spillEntry struct {
	id     string
	off, n int64
}

// spill is the temporary storage of a run's articles: a file of records in the order the
// workers finished them (spillcodec.go, read at random), then three streams in article id
// order (sorted), read sequentially by every phase. Once sorted, all
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
	h := heavyPart{Text: d.Text, Blocks: d.Blocks, NoBlocks: d.Blocks == nil, Sentences: d.Sentences}
	if parsed {
		h.Parse = syntax.Save(d)
	}
	doc := *d
	doc.Text, doc.Blocks, doc.Dropped, doc.Sentences = "", nil, nil, nil
	p := r.Portable()
	p.Doc = &doc
	rec, err := encodeSpilled(&p, &h)
	if err != nil {
		return nil, fmt.Errorf("article %s: keeping it in the temporary file: %w", d.Meta.ID, err)
	}
	d.Sentences = nil
	return rec, nil
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

// sort writes the records in article id order as three streams (results; text and parse;
// article records), and removes the arrivals. The parts of a record are copied as they are.
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
	ws := []*bufio.Writer{bufio.NewWriterSize(sp.res, 256<<10), bufio.NewWriterSize(sp.heavy, 256<<10), bufio.NewWriterSize(sp.metas, 64<<10)}
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
		res, heavy, meta, err := splitSpilled(buf)
		if err != nil {
			return fmt.Errorf("reading the temporary file: article %s: %w", e.id, err)
		}
		for i, part := range [][]byte{res, heavy, meta} {
			if err := writeFramed(ws[i], part); err != nil {
				return fmt.Errorf("writing the temporary file: %w", err)
			}
		}
	}
	for _, w := range ws {
		if err := w.Flush(); err != nil {
			return fmt.Errorf("writing the temporary file: %w", err)
		}
	}
	sp.arrivals.Close()
	os.Remove(sp.arrivals.Name())
	sp.arrivals, sp.arrived = nil, nil
	return nil
}

// writeFramed writes one record of a stream as a frame (beginFrame): its length, then its
// bytes.
func writeFramed(w *bufio.Writer, b []byte) error {
	var n [frameHead]byte
	binary.LittleEndian.PutUint32(n[:], uint32(len(b)))
	if _, err := w.Write(n[:]); err != nil {
		return err
	}
	_, err := w.Write(b)
	return err
}

// framedReader reads the frames of a stream, one at a time, into a buffer it reuses (what
// is decoded from a record does not share its bytes).
type framedReader struct {
	r    *bufio.Reader
	buf  []byte
	left int64 // bytes of the file not read yet: a longer frame is a damaged file
	err  error
}

func newFramedReader(f *os.File, size int) *framedReader {
	fr := &framedReader{r: bufio.NewReaderSize(io.NewSectionReader(f, 0, 1<<62), size)}
	st, err := f.Stat()
	fr.err = err
	if err == nil {
		fr.left = st.Size()
	}
	return fr
}

// next gives the next record's bytes, valid until the next call.
func (fr *framedReader) next() ([]byte, error) {
	if fr.err != nil {
		return nil, fmt.Errorf("reading the temporary file: %w", fr.err)
	}
	var head [frameHead]byte
	if _, err := io.ReadFull(fr.r, head[:]); err != nil {
		return nil, fmt.Errorf("reading the temporary file: %w", noEOF(err))
	}
	n := binary.LittleEndian.Uint32(head[:])
	if fr.left -= frameHead + int64(n); fr.left < 0 {
		return nil, fmt.Errorf("reading the temporary file: %w: length %d", errSpillRecord, n)
	}
	if uint32(cap(fr.buf)) < n {
		fr.buf = make([]byte, n)
	}
	fr.buf = fr.buf[:n]
	if _, err := io.ReadFull(fr.r, fr.buf); err != nil {
		return nil, fmt.Errorf("reading the temporary file: %w", noEOF(err))
	}
	return fr.buf, nil
}

// noEOF: a record missing from the temporary file is a damaged file, not its end.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// spillReader reads the sorted articles once, from the start: next gives each in turn.
type spillReader struct {
	res, heavy *framedReader
}

// reader starts a reading of the sorted articles.
func (sp *spill) reader(withHeavy bool) *spillReader {
	r := &spillReader{res: newFramedReader(sp.res, 256<<10)}
	if withHeavy {
		r.heavy = newFramedReader(sp.heavy, 256<<10)
	}
	return r
}

// rawArticle is one article's records as read from the temporary file, not yet decoded: in
// buffers of recordBufs, handed back by release once decoded (nothing decoded shares them).
type rawArticle struct{ res, heavy *[]byte }

// nextRaw reads the next article's records, with its heavy part when the reader reads it
// (copies: the framed readers reuse their buffers).
func (r *spillReader) nextRaw() (rawArticle, error) {
	var a rawArticle
	b, err := r.res.next()
	if err != nil {
		return a, err
	}
	a.res = copyToBuf(b)
	if r.heavy != nil {
		if b, err = r.heavy.next(); err != nil {
			return a, err
		}
		a.heavy = copyToBuf(b)
	}
	return a, nil
}

// release hands the article's buffers back (after decode: nothing decoded shares them).
func (a rawArticle) release() {
	putBuf(a.res)
	putBuf(a.heavy)
}

// recordBufs holds byte buffers for the records on their way to and from the temporary
// files (the articles' and the edges'): in buffers used once and grown as they filled, 10k
// articles allocated about 700 MB for them, an eighth of all the extraction allocated
// (docs/performance.md, *Fewer collections*).
var recordBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuf is the largest buffer put back: one very long article's is left to the
// collector.
const maxPooledBuf = 1 << 20

// getBuf takes a buffer of recordBufs, emptied.
func getBuf() *[]byte {
	buf := recordBufs.Get().(*[]byte)
	*buf = (*buf)[:0]
	return buf
}

// copyToBuf copies b into a buffer of recordBufs.
func copyToBuf(b []byte) *[]byte {
	buf := getBuf()
	*buf = append(*buf, b...)
	return buf
}

// putBuf hands a buffer of recordBufs back (nil: nothing).
func putBuf(buf *[]byte) {
	if buf != nil && cap(*buf) <= maxPooledBuf {
		recordBufs.Put(buf)
	}
}

// decode decodes an article read by nextRaw (safe on several goroutines at once).
func (r *spillReader) decode(a rawArticle) (*resolve.Result, *heavyPart, error) {
	p, err := decodePortable(*a.res)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the temporary file: %w", err)
	}
	res := p.Result()
	if r.heavy == nil {
		return res, nil, nil
	}
	h, err := decodeHeavy(*a.heavy)
	if err != nil {
		return nil, nil, fmt.Errorf("reading the temporary file: %w", err)
	}
	if h.Blocks == nil && !h.NoBlocks {
		h.Blocks = []article.Span{}
	}
	return res, h, nil
}

// eachMeta reads the records of the articles not in out, in order, and calls f on each.
func (sp *spill) eachMeta(ctx context.Context, out map[string]bool, f func(a *graph.Article) error) error {
	fr := newFramedReader(sp.metas, 64<<10)
	for _, id := range sp.ids {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, err := fr.next()
		if err != nil {
			return err
		}
		if out[id] {
			continue
		}
		var a graph.Article
		if err := decodeMeta(b, &a); err != nil {
			return fmt.Errorf("reading the temporary file: %w", err)
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
