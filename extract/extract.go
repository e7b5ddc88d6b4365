// Package extract is newsgraph's extraction pipeline: read -> clean -> segment -> parse ->
// recognize -> resolve -> relate -> assemble. Each stage is its own subpackage; this one
// wires them, runs articles on a pool of workers and assembles one deterministic
// graph.Document (same input, byte-identical output).
package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
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
	// Remote, when set, reads http(s):// arguments (extract/fetch.Source.Docs).
	Remote read.Remote
	// Keep, when set, picks the articles of this run by id (extract --shard); articles
	// read from URLs are picked by Remote itself, by URL, before they are fetched.
	Keep func(id string) bool
	// Parse runs the parse stage (UD words, tags and a dependency tree on every sentence)
	// inside Run. The recognizer reads the tags and the tree when they are there (names no
	// list knows, organisations cut at a coordination); the CLI turns it on. Without it the
	// recognizer falls back to capitalisation alone. Syntax always parses.
	Parse bool
	// SingleParser parses with the syntax model's first parser alone instead of the
	// ensemble's vote (extract.parser single): parsing about 2.6x faster, about 0.9 points
	// lower attachment accuracy on EWT dev (docs/syntax.md).
	SingleParser bool
	// FastParser parses with the fast model (model.Fast; extract.parser fast) instead of
	// the default model: a small greedily trained tagger and parser, several times faster
	// and less accurate (docs/syntax.md, The fast model). It wins over SingleParser.
	FastParser bool
	// Beam is the parser's beam width (extract.beam); 0 keeps the model's own (4), 1
	// parses greedily (docs/syntax.md, Beam width: speed against accuracy).
	Beam int
	// KeepSentences keeps every article, with its sentences, in Result.Docs (for tests and
	// tools); without it no article is held after its stages, so that extract's memory
	// does not grow with the corpus (spill.go).
	KeepSentences bool
	// Explain collects every resolver decision in Result.Merges in Extract (extract
	// --explain); Run always does.
	Explain bool
}

// Pipeline holds the stages, built once (lexicons and models load once) and reused.
type Pipeline struct {
	opts Options
	lex  *lexicon.Lexicon
	cl   *clean.Cleaner
	seg  *segment.Segmenter
	syn  *syntax.Parser // one model per Pipeline, shared by the workers; nil unless Options.Parse
	rec  *recognize.Recognizer
	res  *resolve.Resolver
	rel  relate.Stage

	hooks testHooks
}

// testHooks let tests inject a failure into one article (nil in normal runs).
type testHooks struct {
	local     func(d *article.Doc)                               // before the per-article stages
	global    func(rs []*resolve.Result)                         // before the first cross-article phase reads each article
	relate    func(d *article.Doc, es []graph.Edge) []graph.Edge // after relating an article
	validated func()                                             // when every record has validated, the cross-article state still held
}

// New builds a Pipeline. The syntax model (Options.Parse) loads on a goroutine of its own
// while the lexicons and the other stages are built: with two cores, the start of a run
// takes the longer of the two, not their sum.
func New(opts Options) (*Pipeline, error) {
	var models chan modelLoad
	if opts.Parse {
		models = make(chan modelLoad, 1)
		go func() {
			m, err := model.Choose(opts.FastParser, opts.SingleParser, opts.Beam)
			models <- modelLoad{m, err}
		}()
	}
	p, err := newStages(opts)
	if models != nil {
		ml := <-models // waited for even when the stages failed: no load left running
		if err == nil && ml.err != nil {
			err = fmt.Errorf("loading the syntax model: %w", ml.err)
		}
		if err == nil {
			p.syn = syntax.New(ml.m)
		}
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// modelLoad is the syntax model New loads, or the error.
type modelLoad struct {
	m   *model.Model
	err error
}

// newStages builds a Pipeline without its parser: lexicons, cleaner, segmenter,
// recognizer, resolver and relater.
func newStages(opts Options) (*Pipeline, error) {
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
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	return &Pipeline{opts: opts, lex: lex, cl: clean.New(clean.DefaultOptions()), seg: segment.New(),
		rec: rec, res: resolve.New(lex), rel: rel}, nil
}

// loadParser loads the embedded tagger and parser when New did not (once per process).
func (p *Pipeline) loadParser() error {
	if p.syn != nil {
		return nil
	}
	m, err := model.Choose(p.opts.FastParser, p.opts.SingleParser, p.opts.Beam)
	if err != nil {
		return fmt.Errorf("loading the syntax model: %w", err)
	}
	p.syn = syntax.New(m)
	return nil
}

// Result is one extraction run.
type Result struct {
	// Document and Encoded are the output (Run only; Extract writes it as it goes).
	Document graph.Document
	// Encoded is Document as the JSON Lines contract, validated as graph.Read validates.
	Encoded []byte
	Merges  []resolve.Merge   // every resolver decision, for --explain (Run; Extract with Options.Explain)
	Errors  []*read.FileError // inputs that could not be read; the rest was processed
	// Failed lists the articles left out: a stage panicked on them, or their records did
	// not validate. Nothing of them is in the output, which is what a run without them gives.
	Failed []*ArticleError
	// Empty lists the articles of the output in which nothing was found.
	Empty []graph.Article
	Docs  []*article.Doc // the processed articles, by id, with Options.KeepSentences only
	// Articles, Nodes and Edges count the records of the output.
	Articles, Nodes, Edges int
	Words                  int
	Bytes                  int
}

// ErrDuplicateID is reported (as a FileError) for a second article with an id already seen.
var ErrDuplicateID = errors.New("duplicate article id")

// localOut is what a worker gives back for one article: its record for the temporary
// file (spill.go), or the error that leaves it out.
type localOut struct {
	meta  graph.Article
	words int
	rec   []byte
	err   error
}

// Run extracts every article under paths and returns the output in memory (Document and
// Encoded). Unreadable inputs are listed in Result.Errors, articles left out in
// Result.Failed; the error is non-nil only when the run itself fails. A cancelled context
// makes Run return ctx.Err() at once, whatever stage it is in.
func (p *Pipeline) Run(ctx context.Context, paths ...string) (*Result, error) {
	var buf bytes.Buffer
	res, err := p.extract(ctx, &buf, true, paths...)
	if err != nil {
		return res, err
	}
	return res, res.decode(buf.Bytes())
}

// decode sets Encoded and Document from the output.
func (res *Result) decode(out []byte) error {
	res.Encoded = out
	doc, err := graph.Read(bytes.NewReader(out), "extraction")
	if err != nil {
		return fmt.Errorf("the extraction does not validate: %w", err)
	}
	res.Document = *doc
	return nil
}

// Extract extracts every article under paths and writes the output (the JSON Lines
// contract) to w, holding no more than a few articles at a time: the articles wait in a
// temporary file for the cross-article stages (spill.go, stream.go). Nothing is written to
// w before the whole output has validated, but a failure while writing (or a cancelled
// context) can leave part of it there: write to a temporary file and rename it for an
// output that is all or nothing. Unreadable inputs are listed in Result.Errors, articles
// left out in Result.Failed; the error is non-nil only when the run itself fails.
func (p *Pipeline) Extract(ctx context.Context, w io.Writer, paths ...string) (*Result, error) {
	return p.extract(ctx, w, p.opts.Explain, paths...)
}

// extract is Extract; merges says whether to collect the resolver's decisions.
func (p *Pipeline) extract(ctx context.Context, w io.Writer, merges bool, paths ...string) (*Result, error) {
	rd := read.New(read.Options{MaxBytes: p.opts.MaxBytes, Stdin: p.opts.Stdin, Notify: p.opts.Notify, Remote: p.opts.Remote})
	sp, err := newSpill()
	if err != nil {
		return nil, err
	}
	defer sp.close()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // stops the feed and the workers when the collection fails
	in := make(chan *article.Doc)
	out := p.workers(ctx, in, merges)
	fs := &feedStats{}
	go p.feed(ctx, rd, paths, in, fs)
	res := &Result{}
	if err := p.collect(ctx, out, sp, res); err != nil {
		return res, err
	}
	res.Errors = append(rd.Errors(), fs.dup...)
	res.Bytes = fs.bytes
	return res, p.assembleSpill(ctx, sp, w, res, merges)
}

// collect writes what the workers give back to the temporary file as it comes.
func (p *Pipeline) collect(ctx context.Context, out <-chan localOut, sp *spill, res *Result) error {
	for n := 1; ; n++ {
		var o localOut
		var ok bool
		select {
		case o, ok = <-out:
		case <-ctx.Done():
			return ctx.Err()
		}
		if !ok {
			return ctx.Err()
		}
		if o.err != nil {
			res.Failed = append(res.Failed, &ArticleError{ID: o.meta.ID, Source: o.meta.Source, Stage: "local", Reason: o.err.Error()})
		} else if err := sp.add(o.meta, o.rec); err != nil {
			return err
		}
		if p.opts.Progress != nil {
			p.opts.Progress(n, o.words)
		}
	}
}

// workers starts the workers that run the per-article stages, each article under
// recover; out is closed once in is closed and drained. Without merges, an article's
// resolver decisions are not kept (nothing after the temporary file reads them then).
func (p *Pipeline) workers(ctx context.Context, in <-chan *article.Doc, merges bool) <-chan localOut {
	out := make(chan localOut)
	var wg sync.WaitGroup
	for w := 0; w < p.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range in {
				o := localOut{meta: d.Meta}
				var encErr error
				o.err = guard(func() {
					if p.hooks.local != nil {
						p.hooks.local(d)
					}
					r := p.local(d)
					if !merges {
						r.Merges = nil
					}
					o.meta, o.words = d.Meta, d.Meta.Words
					o.rec, encErr = encodeArticle(d, r, p.syn != nil)
				})
				if o.err == nil {
					o.err = encErr
				}
				select {
				case out <- o:
				case <-ctx.Done():
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

// feedStats is what feed found besides the documents: duplicate ids and bytes read.
type feedStats struct {
	dup   []*read.FileError
	bytes int
}

// feed sends the documents of paths to in (skipping a second article with an id already
// seen), until the inputs end or ctx is done; then it closes in.
func (p *Pipeline) feed(ctx context.Context, rd *read.Reader, paths []string, in chan<- *article.Doc, fs *feedStats) {
	defer close(in)
	seen := map[string]string{}
	for d, err := range rd.Docs(paths...) {
		if ctx.Err() != nil {
			return
		}
		if err != nil {
			continue // recorded by the reader
		}
		if p.opts.Keep != nil && !read.IsURL(d.Meta.Source) && !p.opts.Keep(d.Meta.ID) {
			continue // another shard's
		}
		if prev, dup := seen[d.Meta.ID]; dup {
			fs.dup = append(fs.dup, &read.FileError{Path: d.Meta.Source, Err: ErrDuplicateID,
				Reason: fmt.Sprintf("duplicate article id %q (first read from %s); skipped", d.Meta.ID, prev)})
			continue
		}
		seen[d.Meta.ID] = d.Meta.Source
		fs.bytes += len(d.Text)
		select {
		case in <- d:
		case <-ctx.Done():
			return
		}
	}
}

// local runs the per-article stages.
func (p *Pipeline) local(d *article.Doc) *resolve.Result {
	p.cl.Clean(d)
	p.seg.Segment(d)
	if p.syn != nil {
		p.syn.Parse(d)
	}
	p.rec.Recognize(d)
	return p.res.Local(d)
}

type failure struct{ stage, reason string }

// eventDater dates each event node from the edges that say when it is held (HELD_IN) or
// when someone attends or hosts it, the most precise stated date winning (the first of
// equal precision; the article's publication date standing in does not count). Edges are
// added in output order, then apply dates the nodes.
type eventDater map[string]stated

// stated is a date as an edge states it.
type stated struct{ date, precision string }

var precisionRank = map[string]int{graph.PrecisionDay: 4, graph.PrecisionWeek: 3, graph.PrecisionMonth: 2, graph.PrecisionYear: 1}

func (best eventDater) add(edges []graph.Edge) {
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
		if b, ok := best[id]; !ok || precisionRank[e.DatePrecision] > precisionRank[b.precision] {
			best[id] = stated{e.Date, e.DatePrecision}
		}
	}
}

func (best eventDater) apply(nodes []graph.Node) {
	for i := range nodes {
		if nodes[i].Label != graph.LabelEvent {
			continue
		}
		if e, ok := best[nodes[i].ID]; ok {
			if nodes[i].Props == nil {
				nodes[i].Props = map[string]any{}
			}
			nodes[i].Props["date"] = e.date
			nodes[i].Props["date_precision"] = e.precision
		}
	}
}
