package extract

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/graph"
)

// relateAll is the relate phase: every article gets its role aliases and its sentences
// back and is related, on the workers; its edges get the roles of the people they mention
// and are encoded. In article order, the edges are written to a temporary file and the
// nodes completed from what they say.
func (p *Pipeline) relateAll(ctx context.Context, sp *spill, out map[string]bool, a *assembly) (map[string]failure, error) {
	f, err := os.CreateTemp("", "newsgraph-extract-*.edges")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the relationships: %w", err)
	}
	a.edges = f
	bw := bufio.NewWriterSize(f, 256<<10)
	names := a.cross.PersonNames()
	ep := p.res.NewEndpointNodes(a.cross.HasNode)
	dates := eventDater{}
	active := map[string]bool{}
	var local []resolve.Merge
	bad := map[string]failure{}
	readErr := p.relateParallel(ctx, sp, out, a.cross, names, func(o *related) error {
		if o.err != nil {
			bad[o.r.Doc.Meta.ID] = failure{o.stage, o.err.Error()}
			return nil
		}
		r := o.r
		a.cross.RecordRoleAliases(r)
		ep.Article(r)
		ep.Edges(o.edges)
		dates.add(o.edges)
		actors(active, o.edges)
		if _, err := bw.Write(o.enc); err != nil {
			return fmt.Errorf("writing the temporary file: %w", err)
		}
		putBuf(o.encBuf)
		a.edgeRuns = append(a.edgeRuns, int32(len(o.edges)))
		a.words += r.Doc.Meta.Words
		if a.merges {
			local = append(local, r.Merges...)
		}
		if p.opts.KeepSentences {
			a.docs = append(a.docs, r.Doc)
		}
		return nil
	})
	if readErr != nil || len(bad) > 0 {
		return bad, readErr
	}
	if err := bw.Flush(); err != nil {
		return nil, fmt.Errorf("writing the temporary file: %w", err)
	}
	nodes, arts, gm := a.cross.Finish()
	a.cross = nil
	if added := ep.Nodes(); len(added) > 0 {
		for _, n := range added {
			arts = append(arts, a.ordinals(&n))
			nodes = append(nodes, n)
		}
		sort.Sort(byID{nodes, arts})
	}
	dates.apply(nodes)
	a.drop = map[string]bool{}
	keptArts := arts[:0]
	keptNodes := nodes[:0]
	for i, n := range nodes {
		if idle(&n, active) {
			a.drop[n.ID] = true
			continue
		}
		keptNodes, keptArts = append(keptNodes, n), append(keptArts, arts[i])
	}
	a.nodes, a.arts = keptNodes, keptArts
	if a.merges {
		a.decisions = append(local, gm...)
	}
	return nil, nil
}

// related is one article through the relate phase: its edges and their encoding, or the
// stage and error that leave it out.
type related struct {
	seq    int
	r      *resolve.Result
	h      *heavyPart
	edges  []graph.Edge
	enc    []byte
	encBuf *[]byte // enc's buffer (recordBufs), handed back once written
	stage  string
	err    error
}

// relateParallel reads the articles not in out, relates them on the workers and calls
// done on each in article order (on this goroutine). It returns the first error of the
// reading or of done, or ctx's.
func (p *Pipeline) relateParallel(ctx context.Context, sp *spill, out map[string]bool, g *resolve.Cross, names map[string]string, done func(*related) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	jobs := make(chan *related, p.opts.Workers)
	results := make(chan *related, p.opts.Workers)
	// At most 2 articles per worker between the reading and done, however slow one article
	// is: those after it wait for it to be written.
	tokens := make(chan struct{}, 2*p.opts.Workers)
	var readErr error
	go func() {
		defer close(jobs)
		seq := 0
		_, readErr = sp.each(ctx, out, true, func(r *resolve.Result, h *heavyPart) (string, error) {
			select {
			case tokens <- struct{}{}:
			case <-ctx.Done():
				return "", nil
			}
			jobs <- &related{seq: seq, r: r, h: h} // the tokens leave room
			seq++
			return "", nil
		})
	}()
	var wg sync.WaitGroup
	for w := 0; w < p.opts.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for o := range jobs {
				p.relateJob(g, names, o)
				results <- o
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	var err error
	pending := map[int]*related{}
	next := 0
	for o := range results { // drained to the end, so that no worker is left blocked
		pending[o.seq] = o
		for o := pending[next]; o != nil && err == nil; o = pending[next] {
			delete(pending, next)
			next++
			if err = done(o); err != nil {
				cancel()
			}
			<-tokens
		}
	}
	if err == nil {
		err = readErr
	}
	if err == nil {
		err = ctx.Err()
	}
	return err
}

// relateJob relates one article, gives its MENTIONS the roles of the people they name and
// encodes its edges, each decoded and its own fields checked as validate would (edgefile.go).
func (p *Pipeline) relateJob(g *resolve.Cross, names map[string]string, o *related) {
	o.stage, o.err = "relate", guard(func() {
		o.edges = p.relateOne(g, o.r, o.h)
		for i := range o.edges {
			p.res.PersonRole(&o.edges[i], names, o.r.Doc.Meta.Published)
		}
	})
	o.h = nil
	if o.err != nil {
		return
	}
	var line bytes.Buffer
	o.encBuf = getBuf()
	enc := *o.encBuf
	for i := range o.edges {
		e := &o.edges[i]
		e.Kind = graph.KindEdge
		var err error
		if enc, err = appendCheckedEdge(enc, &line, e); err != nil {
			o.stage, o.err = "validate", fmt.Errorf("cannot encode a record: %v", err)
			return
		}
	}
	o.enc, *o.encBuf = enc, enc // the grown buffer is the one handed back
	if !p.opts.KeepSentences {
		o.r.Doc.Sentences = nil
	}
}

// relateOne gives one article the cross-article rewrites again (the index is complete)
// and its role descriptions as spellings, its sentences back and relates it.
func (p *Pipeline) relateOne(g *resolve.Cross, r *resolve.Result, h *heavyPart) []graph.Edge {
	g.People(r, false)
	g.Events(r, false)
	g.Nodes(r, false)
	g.RoleAliases(r, false)
	r.SortAliases()
	d := r.Doc
	d.Text, d.Blocks, d.Sentences = h.Text, h.Blocks, h.Sentences // as the segmenter made them
	restore(d, h)
	edges := p.rel.Relate(r)
	if p.hooks.relate != nil {
		edges = p.hooks.relate(d, edges)
	}
	return edges
}

// restore gives d's sentences (segmented again) their parse, when it was parsed.
func restore(d *article.Doc, h *heavyPart) {
	if h.Parse != nil {
		syntax.Restore(d, h.Parse)
	}
}
