package extract

import (
	"context"
	"fmt"
	"os"
	"sort"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/graph"
)

// relateAll is the relate phase: every article gets its role aliases and its sentences
// back and is related; its edges get the roles of the people they mention and are encoded
// to a temporary file, and the nodes are completed from what the edges say.
func (p *Pipeline) relateAll(ctx context.Context, sp *spill, out map[string]bool, a *assembly) (map[string]failure, error) {
	f, err := os.CreateTemp("", "newsgraph-extract-*.edges")
	if err != nil {
		return nil, fmt.Errorf("temporary file for the relationships: %w", err)
	}
	a.edges = f
	w := graph.NewWriter(f)
	names := a.cross.PersonNames()
	ep := p.res.NewEndpointNodes(a.cross.HasNode)
	dates := eventDater{}
	active := map[string]bool{}
	var local []resolve.Merge
	bad, err := sp.each(ctx, out, true, func(r *resolve.Result, h *heavyPart) (string, error) {
		var edges []graph.Edge
		if err := guard(func() { edges = p.relateOne(a.cross, r, h) }); err != nil {
			return "relate", err
		}
		ep.Article(r)
		ep.Edges(edges)
		for i := range edges {
			p.res.PersonRole(&edges[i], names, r.Doc.Meta.Published)
			edges[i].Kind = graph.KindEdge
			if err := w.Write(&edges[i]); err != nil {
				return "validate", fmt.Errorf("cannot encode a record: %v", err)
			}
		}
		dates.add(edges)
		actors(active, edges)
		meta := r.Doc.Meta
		meta.Kind = graph.KindArticle
		a.arts = append(a.arts, meta)
		a.edgeRuns = append(a.edgeRuns, len(edges))
		a.words += meta.Words
		if a.merges {
			local = append(local, r.Merges...)
		}
		if p.opts.KeepSentences {
			a.docs = append(a.docs, r.Doc)
		} else {
			r.Doc.Sentences = nil
		}
		return "", nil
	})
	if err != nil || len(bad) > 0 {
		return bad, err
	}
	if err := w.Flush(); err != nil {
		return nil, fmt.Errorf("writing the temporary file: %w", err)
	}
	nodes, gm := a.cross.Finish()
	if added := ep.Nodes(); len(added) > 0 {
		nodes = append(nodes, added...)
		sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	}
	dates.apply(nodes)
	a.nodes, a.drop = dropIdle(nodes, active)
	if a.merges {
		a.decisions = append(local, gm...)
	}
	return nil, nil
}

// relateOne gives one article the cross-article rewrites again (the index is complete),
// credits its role descriptions, makes its sentences again and relates it.
func (p *Pipeline) relateOne(g *resolve.Cross, r *resolve.Result, h *heavyPart) []graph.Edge {
	g.People(r, false)
	g.Events(r, false)
	g.Nodes(r, false)
	g.RoleAliases(r)
	r.SortAliases()
	d := r.Doc
	d.Text, d.Blocks = h.Text, h.Blocks
	p.seg.Segment(d)
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
