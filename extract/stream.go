package extract

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
)

// The cross-article stages over the spilled articles (spill.go), in phases that each read
// every article once, in id order:
//
//	observe   who is named how (resolve.Cross.Observe), then Prepare;
//	events    people rewritten, events merged across articles;
//	nodes     the entity nodes, their articles and aliases;
//	relate    role aliases, sentences given back, relate, the MENTIONS' roles; the edges
//	          are encoded to a temporary file, with what the nodes still need from them
//	          (endpoint nodes, event dates, which groups act);
//	validate  every record as load validates it, the edges read back from their file; the
//	          records, each encoded once, are kept in a temporary file as they are checked;
//	write     that file copied: meta, articles, nodes, then the edges.
//
// An article on which a phase panics, or whose records do not validate, is left out and
// the phases run again from the start without it: the output is what a run without it
// gives. Nothing is written to the output before every record has validated.

// assembly is one run of the phases over the articles not left out.
type assembly struct {
	sp        *spill
	out       map[string]bool // the articles left out
	kept      []int32         // the others: their places in sp.ids, in order (ordinal k is kept[k])
	edgeRuns  []int32         // edges of each article in edges, in order
	cross     *resolve.Cross
	nodes     []graph.Node          // without their articles (arts), unless a name could not be placed
	arts      []resolve.ArticleList // the articles of each node, as ordinals
	found     bitset                // the articles with a node or an edge (the others are empty)
	drop      map[string]bool       // idle group and role nodes, dropped with their edges
	edges     *os.File              // the encoded edges, one frame each (edgefile.go)
	doc       *os.File              // the output as validated: meta, articles, nodes, the edges that stay
	merges    bool                  // collect the resolver's decisions (in decisions)
	decisions []resolve.Merge
	docs      []*article.Doc
	words     int
	nArticles int
	nEdges    int
	empty     []graph.Article
	validated func() // test hook (testHooks.validated)
}

func (a *assembly) close() {
	for _, f := range []*os.File{a.edges, a.doc} {
		if f != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}
}

// assembleSpill resolves across the spilled articles, relates, validates and writes the
// document to w, leaving out the articles that fail (res.Failed).
func (p *Pipeline) assembleSpill(ctx context.Context, sp *spill, w io.Writer, res *Result, merges bool) error {
	if err := sp.sort(ctx); err != nil {
		return err
	}
	out := map[string]bool{}
	for {
		a := &assembly{merges: merges, sp: sp, out: out, validated: p.hooks.validated}
		bad, err := p.assembleOnce(ctx, sp, out, a)
		if err == nil && len(bad) == 0 {
			err = a.write(ctx, w, res)
		}
		a.close()
		if err != nil {
			return err
		}
		if len(bad) == 0 {
			return nil
		}
		ids := make([]string, 0, len(bad))
		for id := range bad {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		src, err := sp.sources(ctx, bad)
		if err != nil {
			return err
		}
		for _, id := range ids {
			out[id] = true
			res.Failed = append(res.Failed, &ArticleError{ID: id, Source: src[id], Stage: bad[id].stage, Reason: bad[id].reason})
		}
	}
}

// assembleOnce runs the phases over the articles not in out, or returns those that fail.
func (p *Pipeline) assembleOnce(ctx context.Context, sp *spill, out map[string]bool, a *assembly) (map[string]failure, error) {
	for i, id := range sp.ids {
		if !out[id] {
			a.kept = append(a.kept, int32(i))
		}
	}
	a.cross = p.res.NewCross()
	if !a.merges {
		a.cross.DropMerges()
	}
	phases := []func(r *resolve.Result) error{
		func(r *resolve.Result) error {
			return p.observe(a.cross, r)
		},
		func(r *resolve.Result) error {
			return guard(func() { a.cross.People(r, true); a.cross.Events(r, true) })
		},
		func(r *resolve.Result) error {
			return guard(func() { a.cross.People(r, false); a.cross.Events(r, false); a.cross.Nodes(r, true) })
		},
	}
	for k, phase := range phases {
		bad, err := sp.each(ctx, out, false, func(r *resolve.Result, _ *heavyPart) (string, error) {
			if err := phase(r); err != nil {
				return "resolve", err
			}
			return "", nil
		})
		if err != nil || len(bad) > 0 {
			return bad, err
		}
		if k == 0 {
			if err := guard(a.cross.Prepare); err != nil {
				return nil, fmt.Errorf("resolving across articles: %w", err)
			}
		}
	}
	bad, err := p.relateAll(ctx, sp, out, a)
	if err != nil || len(bad) > 0 {
		return bad, err
	}
	return a.validate(ctx)
}

// observe is the first phase for one article (after the test hook, if any).
func (p *Pipeline) observe(g *resolve.Cross, r *resolve.Result) error {
	return guard(func() {
		if p.hooks.global != nil {
			p.hooks.global([]*resolve.Result{r})
		}
		g.Observe(r)
	})
}

// each reads every article not in out, in order, and calls f on it; a stage name and an
// error from f leave the article out (the others are still read). The records are read and
// decoded on a goroutine of their own, a few ahead of f (prefetch), so that with two
// workers the cross-article phases, which run on one goroutine, share their time with the
// decoding.
func (sp *spill) each(ctx context.Context, out map[string]bool, heavy bool, f func(r *resolve.Result, h *heavyPart) (string, error)) (map[string]failure, error) {
	items, stop := sp.prefetch(heavy)
	defer stop()
	bad := map[string]failure{}
	for _, id := range sp.ids {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		it := <-items
		if it.err != nil {
			return nil, it.err
		}
		r, h := it.r, it.h
		if out[id] {
			continue
		}
		if r.Doc.Meta.ID != id {
			return nil, fmt.Errorf("reading the temporary file: article %s where %s was expected", r.Doc.Meta.ID, id)
		}
		r.Doc.Meta.ID = id // the index's copy: what the phases keep of an article shares it
		if stage, err := f(r, h); err != nil {
			bad[id] = failure{stage, err.Error()}
		}
	}
	return bad, nil
}

// fetched is one article read back by prefetch, or the error that ends the reading.
type fetched struct {
	r   *resolve.Result
	h   *heavyPart
	err error
}

// prefetchGroup is how many articles prefetch reads, then decodes on two goroutines, at a
// time; it hands them on while it reads and decodes the next group.
const prefetchGroup = 32

// prefetch reads the sorted articles, in order, on a goroutine of its own, decodes them in
// groups on two goroutines (decodeGroup) and hands them on in order; stop ends it (the reader
// calls it when done, whether or not it read every article). With two workers, the
// cross-article phases run on one goroutine and the decoding beside them, on both cores.
func (sp *spill) prefetch(heavy bool) (<-chan fetched, func()) {
	rd := sp.reader(heavy)
	items := make(chan fetched, prefetchGroup)
	done := make(chan struct{})
	go func() {
		for i := 0; i < len(sp.ids); i += prefetchGroup {
			raw := make([]rawArticle, 0, prefetchGroup)
			var err error
			for k := i; k < min(i+prefetchGroup, len(sp.ids)) && err == nil; k++ {
				var a rawArticle
				if a, err = rd.nextRaw(); err == nil {
					raw = append(raw, a)
				}
			}
			group := decodeGroup(rd, raw)
			if err != nil {
				group = append(group, fetched{err: err})
			}
			for _, f := range group {
				select {
				case items <- f:
				case <-done:
					return
				}
				if f.err != nil {
					return
				}
			}
		}
	}()
	return items, func() { close(done) }
}

// decodeGroup decodes raw, the second half on a goroutine of its own.
func decodeGroup(rd *spillReader, raw []rawArticle) []fetched {
	out := make([]fetched, len(raw))
	decode := func(from, to int) {
		for k := from; k < to; k++ {
			r, h, err := rd.decode(raw[k])
			raw[k].release()
			out[k] = fetched{r, h, err}
		}
	}
	half := len(raw) / 2
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); decode(half, len(raw)) }()
	decode(0, half)
	wg.Wait()
	return out
}
