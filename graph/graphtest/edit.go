// Package graphtest holds helpers for tests that change an extraction document between two
// loads.
package graphtest

import "github.com/newsgraph/newsgraph/graph"

// EditEdges rewrites d's edges with edit, which may change the edge it is given and says
// whether to keep it and whether it changed. The articles of the edges changed or dropped
// get another hash ("-2" appended), so that a reload writes them again; they are returned.
func EditEdges(d *graph.Document, edit func(e *graph.Edge) (keep, changed bool)) map[string]bool {
	changed := map[string]bool{}
	edges := d.Edges[:0]
	for _, e := range d.Edges {
		keep, ch := edit(&e)
		if ch || !keep {
			changed[e.Article] = true
		}
		if keep {
			edges = append(edges, e)
		}
	}
	d.Edges = edges
	for i := range d.Articles {
		if changed[d.Articles[i].ID] {
			d.Articles[i].Hash += "-2"
		}
	}
	return changed
}
