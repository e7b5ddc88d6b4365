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
	// KeepSentences keeps every article's sentences in Result.Docs; without it they are
	// held only during the article's own stages, so that extract's memory does not grow
	// with them (release.go).
	KeepSentences bool
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

	shelf sync.Map // *article.Doc -> *syntax.Saved of the articles whose sentences are dropped (release.go)

	hooks testHooks
}

// testHooks let tests inject a failure into one article (nil in normal runs).
type testHooks struct {
	local  func(d *article.Doc)                               // before the per-article stages
	global func(rs []*resolve.Result)                         // before resolving across articles
	relate func(d *article.Doc, es []graph.Edge) []graph.Edge // after relating an article
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
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	p := &Pipeline{opts: opts, lex: lex, cl: clean.New(clean.DefaultOptions()), seg: segment.New(),
		rec: rec, res: resolve.New(lex), rel: rel}
	if opts.Parse {
		if err := p.loadParser(); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// loadParser loads the embedded tagger and parser (once per process, about 2 s of CPU).
func (p *Pipeline) loadParser() error {
	if p.syn != nil {
		return nil
	}
	m, err := model.Default()
	if err != nil {
		return fmt.Errorf("loading the syntax model: %w", err)
	}
	p.syn = syntax.New(m)
	return nil
}

// Result is one extraction run.
type Result struct {
	Document graph.Document
	Merges   []resolve.Merge   // every resolver decision, for --explain
	Errors   []*read.FileError // inputs that could not be read; the rest was processed
	// Failed lists the articles left out: a stage panicked on them, or their records did
	// not validate. Nothing of them is in Document, which is what a run without them gives.
	Failed []*ArticleError
	// Empty lists the articles of Document in which nothing was found.
	Empty []graph.Article
	// Encoded is Document as the JSON Lines contract, validated by graph.Read.
	Encoded []byte
	Docs    []*article.Doc // the processed articles, by id; no Sentences unless Options.KeepSentences
	Words   int
	Bytes   int
}

// ErrDuplicateID is reported (as a FileError) for a second article with an id already seen.
var ErrDuplicateID = errors.New("duplicate article id")

// localOut is what a worker gives back for one article.
type localOut struct {
	doc *article.Doc
	res *resolve.Result
	err error
}

// Run extracts every article under paths. Unreadable inputs are listed in Result.Errors,
// articles left out in Result.Failed; the error is non-nil only when the run itself fails.
// A cancelled context makes Run return ctx.Err() at once, whatever stage it is in.
func (p *Pipeline) Run(ctx context.Context, paths ...string) (*Result, error) {
	rd := read.New(read.Options{MaxBytes: p.opts.MaxBytes, Stdin: p.opts.Stdin, Notify: p.opts.Notify, Remote: p.opts.Remote})
	in := make(chan *article.Doc)
	out := p.workers(ctx, in)
	fs := &feedStats{}
	go p.feed(ctx, rd, paths, in, fs)
	res := &Result{}
	var results []*resolve.Result
	for n := 1; ; n++ {
		var o localOut
		var ok bool
		select {
		case o, ok = <-out:
		case <-ctx.Done():
			return res, ctx.Err()
		}
		if !ok {
			break
		}
		if o.err != nil {
			res.Failed = append(res.Failed, leaveOut(o.doc, "local", o.err.Error()))
		} else {
			results = append(results, o.res)
		}
		if p.opts.Progress != nil {
			p.opts.Progress(n, o.doc.Meta.Words)
		}
	}
	if ctx.Err() != nil {
		return res, ctx.Err()
	}
	res.Errors = append(rd.Errors(), fs.dup...)
	res.Bytes = fs.bytes
	// The assembly runs on its own copy: when cancelled, Run returns at once and what the
	// assembly still writes is nobody's.
	asm := &Result{Errors: res.Errors, Failed: res.Failed, Bytes: res.Bytes}
	done := make(chan error, 1)
	go func() { done <- p.assemble(ctx, asm, results) }()
	select {
	case err := <-done:
		return asm, err
	case <-ctx.Done():
		return res, ctx.Err()
	}
}

// workers starts the workers that run the per-article stages, each article under
// recover; out is closed once in is closed and drained.
func (p *Pipeline) workers(ctx context.Context, in <-chan *article.Doc) <-chan localOut {
	out := make(chan localOut)
	var wg sync.WaitGroup
	for w := 0; w < p.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range in {
				var r *resolve.Result
				err := guard(func() {
					if p.hooks.local != nil {
						p.hooks.local(d)
					}
					r = p.local(d)
				})
				select {
				case out <- localOut{d, r, err}:
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
	r := p.res.Local(d)
	p.shelve(d)
	return r
}

// assemble resolves across articles, relates, validates and builds the sorted document.
// An article that makes a stage panic, or whose records do not validate, is left out and
// the assembly redone from the snapshot without it: the document is then exactly what a
// run without that article gives.
func (p *Pipeline) assemble(ctx context.Context, res *Result, results []*resolve.Result) error {
	defer p.forget(results)
	sort.Slice(results, func(i, j int) bool { return results[i].Doc.Meta.ID < results[j].Doc.Meta.ID })
	snap := takeSnapshot(results)
	live := make([]bool, len(results))
	for i := range live {
		live[i] = true
	}
	for {
		var cur []*resolve.Result
		var idx []int
		for i, r := range results {
			if live[i] {
				snap.restore(i, r)
				cur, idx = append(cur, r), append(idx, i)
			}
		}
		restore := func(k int) { snap.restore(idx[k], cur[k]) }
		bad, err := p.assembleOnce(ctx, res, cur, restore)
		if err != nil {
			return err
		}
		if len(bad) == 0 {
			res.Empty = emptyArticles(&res.Document)
			return nil
		}
		for i, r := range results {
			if f, ok := bad[r.Doc.Meta.ID]; live[i] && ok {
				live[i] = false
				res.Failed = append(res.Failed, leaveOut(r.Doc, f.stage, f.reason))
			}
		}
	}
}

type failure struct{ stage, reason string }

// assembleOnce assembles the document of results into res, or returns the articles that
// must be left out.
// restore(k) puts results[k] back as it was before any cross-article stage ran.
func (p *Pipeline) assembleOnce(ctx context.Context, res *Result, results []*resolve.Result, restore func(k int)) (map[string]failure, error) {
	bad := map[string]failure{}
	var nodes []graph.Node
	var gm []resolve.Merge
	if err := guard(func() { nodes, gm = p.global(results) }); err != nil {
		return p.globalCulprits(results, restore, err)
	}
	edges := make([][]graph.Edge, len(results))
	fails := make([]error, len(results))
	var wg sync.WaitGroup
	sem := make(chan struct{}, p.opts.Workers)
	for i, r := range results {
		if ctx.Err() != nil {
			break
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(i int, r *resolve.Result) {
			defer wg.Done()
			fails[i] = guard(func() {
				p.unshelve(r.Doc)
				defer p.reshelve(r.Doc)
				edges[i] = p.rel.Relate(r)
				if p.hooks.relate != nil {
					edges[i] = p.hooks.relate(r.Doc, edges[i])
				}
			})
			<-sem
		}(i, r)
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	for i, err := range fails {
		if err != nil {
			bad[results[i].Doc.Meta.ID] = failure{"relate", err.Error()}
		}
	}
	if len(bad) > 0 {
		return bad, nil
	}
	*res = Result{Errors: res.Errors, Failed: res.Failed, Bytes: res.Bytes}
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
	nodes = p.res.Endpoints(nodes, results, doc.Edges)
	p.res.PersonRoles(nodes, results, doc.Edges)
	eventDates(nodes, doc.Edges)
	nodes, doc.Edges = idleGroups(nodes, doc.Edges)
	for i := range nodes {
		nodes[i].Kind = graph.KindNode
	}
	doc.Nodes = nodes
	invalid, encoded, err := validate(doc)
	if err != nil {
		return nil, err
	}
	res.Encoded = encoded
	for a, why := range invalid {
		bad[a] = failure{"validate", why}
	}
	return bad, nil
}

// global resolves across articles (after the test hook, if any).
func (p *Pipeline) global(results []*resolve.Result) ([]graph.Node, []resolve.Merge) {
	if p.hooks.global != nil {
		p.hooks.global(results)
	}
	return p.res.Global(results)
}

// globalCulprits finds the articles on which the cross-article resolution panics alone.
func (p *Pipeline) globalCulprits(results []*resolve.Result, restore func(k int), perr error) (map[string]failure, error) {
	bad := map[string]failure{}
	for k, r := range results {
		restore(k)
		if err := guard(func() { p.global([]*resolve.Result{r}) }); err != nil {
			bad[r.Doc.Meta.ID] = failure{"resolve", err.Error()}
		}
		restore(k)
	}
	if len(bad) == 0 {
		return nil, fmt.Errorf("resolving across articles: %w", perr)
	}
	return bad, nil
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
