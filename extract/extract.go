// Package extract is newsgraph's extraction pipeline: read -> clean -> segment -> parse ->
// recognize -> resolve -> relate -> assemble. Each stage is its own subpackage; this one
// wires them, runs articles on a pool of workers and assembles one deterministic
// graph.Document (same input, byte-identical output).
package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/clean"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/read"
	"github.com/newsgraph/newsgraph/extract/recognize"
	"github.com/newsgraph/newsgraph/extract/relate"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
	"github.com/newsgraph/newsgraph/graph"
)

// Options configure a Pipeline.
type Options struct {
	Workers    int    // articles processed at once; 0 means GOMAXPROCS
	MaxBytes   int64  // size cap of one input file or record; 0 means read.DefaultMaxBytes
	LexiconDir string // user lexicon folder added to the embedded lexicons ("" for none)
	Stdin      io.Reader
	// Progress, when set, is called after each article is processed (from one goroutine).
	Progress func(done int, words int)
	// Notify, when set, is told of every file skipped inside a directory.
	Notify func(path, reason string)
}

// Pipeline holds the stages, built once (lexicons and models load once) and reused.
type Pipeline struct {
	opts Options
	lex  *lexicon.Lexicon
	cl   *clean.Cleaner
	seg  *segment.Segmenter
	syn  *syntax.Parser // one model per Pipeline, shared by the workers
	rec  *recognize.Recognizer
	res  *resolve.Resolver
	rel  *relate.Relater
}

// New builds a Pipeline.
func New(opts Options) (*Pipeline, error) {
	lex := lexicon.Default()
	if opts.LexiconDir != "" {
		var err error
		if lex, err = lexicon.Load(opts.LexiconDir); err != nil {
			return nil, fmt.Errorf("loading lexicons: %w", err)
		}
	}
	rec, err := recognize.New(lex)
	if err != nil {
		return nil, err
	}
	rel, err := relate.New()
	if err != nil {
		return nil, err
	}
	m, err := model.Default()
	if err != nil {
		return nil, fmt.Errorf("loading the syntax model: %w", err)
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return &Pipeline{opts: opts, lex: lex, cl: clean.New(clean.DefaultOptions()), seg: segment.New(),
		syn: syntax.New(m), rec: rec, res: resolve.New(lex), rel: rel}, nil
}

// Result is one extraction run.
type Result struct {
	Document graph.Document
	Merges   []resolve.Merge   // every resolver decision, for --explain
	Errors   []*read.FileError // inputs that could not be read; the rest was processed
	Docs     []*article.Doc    // the processed articles, by id (for --explain and tests)
	Words    int
	Bytes    int
}

// ErrDuplicateID is reported (as a FileError) for a second article with an id already seen.
var ErrDuplicateID = errors.New("duplicate article id")

// Run extracts every article under paths. Unreadable inputs are listed in Result.Errors;
// the error is non-nil only when the run itself fails (cancelled context).
func (p *Pipeline) Run(ctx context.Context, paths ...string) (*Result, error) {
	rd := read.New(read.Options{MaxBytes: p.opts.MaxBytes, Stdin: p.opts.Stdin, Notify: p.opts.Notify})
	in := make(chan *article.Doc)
	out := make(chan *resolve.Result)
	var wg sync.WaitGroup
	for w := 0; w < p.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range in {
				out <- p.local(d)
			}
		}()
	}
	res := &Result{}
	var results []*resolve.Result
	done := make(chan struct{})
	go func() {
		n := 0
		for r := range out {
			results = append(results, r)
			n++
			if p.opts.Progress != nil {
				p.opts.Progress(n, r.Doc.Meta.Words)
			}
		}
		close(done)
	}()
	seen := map[string]string{}
	var runErr error
	for d, err := range rd.Docs(paths...) {
		if ctx.Err() != nil {
			runErr = ctx.Err()
			break
		}
		if err != nil {
			continue // recorded by the reader
		}
		if prev, dup := seen[d.Meta.ID]; dup {
			res.Errors = append(res.Errors, &read.FileError{Path: d.Meta.Source, Err: ErrDuplicateID,
				Reason: fmt.Sprintf("duplicate article id %q (first read from %s); skipped", d.Meta.ID, prev)})
			continue
		}
		seen[d.Meta.ID] = d.Meta.Source
		res.Bytes += len(d.Text)
		in <- d
	}
	close(in)
	wg.Wait()
	close(out)
	<-done
	res.Errors = append(rd.Errors(), res.Errors...)
	if runErr != nil {
		return res, runErr
	}
	p.assemble(res, results)
	return res, nil
}

// local runs the per-article stages.
func (p *Pipeline) local(d *article.Doc) *resolve.Result {
	p.cl.Clean(d)
	p.seg.Segment(d)
	p.syn.Parse(d)
	p.rec.Recognize(d)
	return p.res.Local(d)
}

// assemble resolves across articles, relates, and builds the sorted document.
func (p *Pipeline) assemble(res *Result, results []*resolve.Result) {
	sort.Slice(results, func(i, j int) bool { return results[i].Doc.Meta.ID < results[j].Doc.Meta.ID })
	nodes, gm := p.res.Global(results)
	edges := make([][]graph.Edge, len(results))
	var wg sync.WaitGroup
	sem := make(chan struct{}, p.opts.Workers)
	for i, r := range results {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, r *resolve.Result) {
			defer wg.Done()
			edges[i] = p.rel.Relate(r)
			<-sem
		}(i, r)
	}
	wg.Wait()
	doc := &res.Document
	doc.Meta = graph.Meta{Kind: graph.KindMeta, Contract: graph.ContractVersion, Generator: "newsgraph"}
	for i, r := range results {
		a := r.Doc.Meta
		a.Kind = graph.KindArticle
		doc.Articles = append(doc.Articles, a)
		doc.Edges = append(doc.Edges, edges[i]...)
		res.Merges = append(res.Merges, r.Merges...)
		res.Docs = append(res.Docs, r.Doc)
		res.Words += a.Words
	}
	res.Merges = append(res.Merges, gm...)
	eventDates(nodes, doc.Edges)
	for i := range nodes {
		nodes[i].Kind = graph.KindNode
	}
	doc.Nodes = nodes
}

// eventDates dates each event node from the edges that say when it is held (HELD_IN) or
// when someone attends or hosts it, the most precise stated date winning (the article's
// publication date standing in does not count).
func eventDates(nodes []graph.Node, edges []graph.Edge) {
	rank := map[string]int{graph.PrecisionDay: 4, graph.PrecisionWeek: 3, graph.PrecisionMonth: 2, graph.PrecisionYear: 1}
	best := map[string]graph.Edge{}
	for _, e := range edges {
		id := ""
		switch e.Type {
		case graph.RelHeldIn:
			id = e.From
		case graph.RelAttended, graph.RelHosted:
			id = e.To
		default:
			continue
		}
		if e.Date == "" || e.DateSource == "published" {
			continue
		}
		if b, ok := best[id]; !ok || rank[e.DatePrecision] > rank[b.DatePrecision] {
			best[id] = e
		}
	}
	for i := range nodes {
		if nodes[i].Label != graph.LabelEvent {
			continue
		}
		if e, ok := best[nodes[i].ID]; ok {
			if nodes[i].Props == nil {
				nodes[i].Props = map[string]any{}
			}
			nodes[i].Props["date"] = e.Date
			nodes[i].Props["date_precision"] = e.DatePrecision
		}
	}
}
