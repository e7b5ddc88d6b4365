package graphtest

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestEditEdges: changed and dropped edges mark their articles (new hash), kept edges keep
// their order and the articles of untouched edges keep their hash.
func TestEditEdges(t *testing.T) {
	d := &graph.Document{
		Articles: []graph.Article{{ID: "a1", Hash: "h1"}, {ID: "a2", Hash: "h2"}, {ID: "a3", Hash: "h3"}},
		Edges: []graph.Edge{
			{Type: graph.RelMet, Article: "a1", Status: "reported"},
			{Type: graph.RelCriticized, Article: "a2"},
			{Type: graph.RelMet, Article: "a3", Status: "planned"},
		},
	}
	changed := EditEdges(d, func(e *graph.Edge) (bool, bool) {
		switch {
		case e.Type == graph.RelMet && e.Status == "reported":
			e.Status = "negated"
			return true, true
		case e.Type == graph.RelCriticized:
			return false, true
		}
		return true, false
	})
	if len(changed) != 2 || !changed["a1"] || !changed["a2"] {
		t.Errorf("changed = %v, want a1 and a2", changed)
	}
	if len(d.Edges) != 2 || d.Edges[0].Status != "negated" || d.Edges[1].Article != "a3" {
		t.Errorf("edges = %+v", d.Edges)
	}
	if d.Articles[0].Hash != "h1-2" || d.Articles[1].Hash != "h2-2" || d.Articles[2].Hash != "h3" {
		t.Errorf("hashes = %q %q %q", d.Articles[0].Hash, d.Articles[1].Hash, d.Articles[2].Hash)
	}
}
