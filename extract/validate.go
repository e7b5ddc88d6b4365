package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/ctxio"
)

// validate checks every record as graph.Read (what `load` runs) checks the whole output,
// one record at a time: each is encoded once, decoded as load decodes it and checked, the
// articles first, then the nodes, then the edges read back from their temporary file (the
// edges of dropped nodes skipped); the bytes checked are what write writes, kept in a.doc
// (meta, articles, nodes, edges). It returns, for each article that owns an invalid record,
// the first problem: an edge is owned by its article, a node by the articles naming it, an
// article by itself. The error is non-nil only if a problem cannot be tied to any article.
func (a *assembly) validate(ctx context.Context) (map[string]failure, error) {
	doc, err := os.CreateTemp("", "newsgraph-extract-*.doc")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the output: %w", err)
	}
	a.doc = doc
	v := newValidation(bufio.NewWriterSize(doc, 256<<10))
	meta, err := v.encode(graph.Meta{Kind: graph.KindMeta, Contract: graph.ContractVersion, Generator: "newsgraph"})
	if err != nil {
		return nil, fmt.Errorf("encoding the meta record: %w", err)
	}
	v.out.Write(meta)
	if err := a.sp.eachMeta(ctx, a.out, func(art *graph.Article) error { v.article(art); a.nArticles++; return nil }); err != nil {
		return nil, err
	}
	for i := range a.nodes {
		n, done := a.articles(i)
		err := v.node(n)
		done()
		if err != nil {
			return nil, err
		}
	}
	if err := v.edges(ctx, a); err != nil {
		return nil, err
	}
	if err := v.out.Flush(); err != nil {
		return nil, fmt.Errorf("writing the temporary file of the output: %w", err)
	}
	if err := v.nodeArticles(a); err != nil {
		return nil, err
	}
	if a.validated != nil {
		a.validated()
	}
	k := 0
	err = a.sp.eachMeta(ctx, a.out, func(art *graph.Article) error {
		if !a.found.has(k) {
			a.empty = append(a.empty, *art)
		}
		k++
		return nil
	})
	return v.bad, err
}

// validation is what validate knows so far: the records checked (c), the line of the last
// one and the problems found; and where the records go (out), each encoded once as
// graph.Writer encodes it (rec, into buf).
type validation struct {
	bad  map[string]failure
	c    *graph.Checker
	line int
	out  *bufio.Writer
	buf  bytes.Buffer
	rec  *graph.Writer
}

func newValidation(out *bufio.Writer) *validation {
	v := &validation{bad: map[string]failure{}, c: graph.NewChecker(), out: out}
	v.rec = graph.NewWriter(&v.buf)
	return v
}

// encode encodes one record as graph.Writer does: a line, its newline included, which is
// v's until the next call.
func (v *validation) encode(rec any) ([]byte, error) {
	v.buf.Reset()
	if err := v.rec.Write(rec); err != nil {
		return nil, err
	}
	if err := v.rec.Flush(); err != nil {
		return nil, err
	}
	return v.buf.Bytes(), nil
}

// put encodes rec once, writes the line to out and decodes it into into as graph.Read
// does; it returns the problem, if any, as graph.Read words it.
func (v *validation) put(rec, into any, kind string) string {
	raw, err := v.encode(rec)
	if err != nil {
		return "cannot encode a record: " + err.Error()
	}
	v.out.Write(raw)
	return graph.DecodeRecord(bytes.TrimSpace(raw), into, kind)
}

// nodeArticles checks, once every record is in, the articles each node names; it adds
// them to a.found.
func (v *validation) nodeArticles(a *assembly) error {
	for i := range a.nodes {
		a.arts[i].Each(a.found.set)
		n, done := a.articles(i)
		for _, id := range n.Articles {
			if k := a.ordinal(id); k >= 0 {
				a.found.set(k)
			}
		}
		for _, msg := range v.c.NodeArticles(n) {
			if err := v.mark(n.Articles, msg); err != nil {
				done()
				return err
			}
		}
		done()
	}
	return nil
}

// mark records a problem of the articles owning a record.
func (v *validation) mark(owners []string, msg string) error {
	if len(owners) == 0 {
		return fmt.Errorf("the extraction does not validate: %s", msg)
	}
	for _, o := range owners {
		if _, ok := v.bad[o]; !ok {
			v.bad[o] = failure{"validate", msg}
		}
	}
	return nil
}

func (v *validation) article(art *graph.Article) {
	v.line++
	own := []string{art.ID}
	var got graph.Article
	if msg := v.put(art, &got, graph.KindArticle); msg != "" {
		v.mark(own, msg)
		return
	}
	got.Line = v.line + 1 // line 1 is the meta record
	if got.ID == art.ID {
		got.ID = art.ID // the checker keeps the id: the spill's copy, not the decoder's
	}
	problems, _ := v.c.Article(&got)
	for _, msg := range problems {
		v.mark(own, msg)
	}
}

func (v *validation) node(n *graph.Node) error {
	v.line++
	n.Kind = graph.KindNode
	var got graph.Node
	if msg := v.put(n, &got, graph.KindNode); msg != "" {
		return v.mark(n.Articles, msg)
	}
	got.Line = v.line + 1
	if got.ID == n.ID {
		got.ID = n.ID // the checker keeps the id: the node's copy, not the decoder's
	}
	if msg, _ := v.c.Node(&got); msg != "" {
		return v.mark(n.Articles, msg)
	}
	return nil
}

// edges checks the encoded edges (edgefile.go: decoded and their own fields checked on the
// workers), copies those that stay to out and adds the articles they belong to to a.found.
func (v *validation) edges(ctx context.Context, a *assembly) error {
	fr := newFramedReader(a.edges, 256<<10)
	for k, run := range a.edgeRuns {
		if err := ctx.Err(); err != nil {
			return err
		}
		own := []string{a.id(k)}
		for j := 0; j < int(run); j++ {
			b, err := fr.next()
			if err != nil {
				return fmt.Errorf("reading the temporary file of relationships: %w", err)
			}
			e, err := decodeCheckedEdge(b)
			if err != nil {
				return err
			}
			if len(e.line) >= graph.MaxLineBytes { // what load cannot read (as a line scanner refused it here before)
				return fmt.Errorf("reading the temporary file of relationships: %w", bufio.ErrTooLong)
			}
			if e.decodeProblem != "" {
				v.mark(own, e.decodeProblem)
				continue
			}
			if a.drop[e.from] || a.drop[e.to] {
				continue
			}
			if msg := v.edge(&e); msg != "" {
				v.mark(own, msg)
			}
			if e.article == own[0] {
				a.found.set(k)
			} else if o := a.ordinal(e.article); o >= 0 {
				a.found.set(o)
			}
			v.out.Write(e.line)
			v.out.WriteByte('\n')
			a.nEdges++
		}
	}
	return nil
}

// edge is graph.Checker.Edge's problem with an edge whose own fields were checked apart.
func (v *validation) edge(e *checkedEdge) string {
	if msg := v.c.EdgeEnds(e.typ, e.article, e.from, e.to); msg != "" {
		return msg
	}
	return e.fieldsProblem
}

// write writes the document, once validated: the records validate kept in a.doc; and
// fills in res.
func (a *assembly) write(ctx context.Context, w io.Writer, res *Result) error {
	if _, err := io.Copy(w, ctxio.NewReader(ctx, io.NewSectionReader(a.doc, 0, 1<<62))); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return fmt.Errorf("writing output: %w", err)
	}
	res.Merges, res.Docs, res.Words, res.Empty = a.decisions, a.docs, a.words, a.empty
	res.Articles, res.Nodes, res.Edges = a.nArticles, len(a.nodes), a.nEdges
	return nil
}
