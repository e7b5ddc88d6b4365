// Package export writes the whole graph, as read from a database, in three formats:
//
//   - JSONL, the extraction contract of package graph, so `newsgraph load` re-imports it;
//   - CSV in the header format of `neo4j-admin database import full` (one file per label
//     and per relationship type: id:ID, :LABEL, :START_ID, :END_ID, :TYPE, typed columns
//     such as aliases:string[], start:int, confidence:double);
//   - GraphML for Gephi, yEd and other graph tools.
//
// Read takes a snapshot through a Source (graph/neo4j's Store is one) and holds it in
// memory; the writers work on the snapshot, so every format sees the same graph.
package export

import (
	"context"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Source streams a whole graph. graph/neo4j's Store implements it (read-only).
type Source interface {
	// ExportNodes calls fn for every node.
	ExportNodes(ctx context.Context, fn func(graph.NodeValue) error) error
	// ExportRels calls fn for every relationship, with the id properties of its ends.
	ExportRels(ctx context.Context, fn func(r graph.RelValue, from, to string) error) error
}

// Node is one node of a snapshot.
type Node struct {
	ID     string         // the id property
	Labels []string       // sorted
	Props  map[string]any // every property, id included
}

// Rel is one relationship of a snapshot.
type Rel struct {
	Type     string
	From, To string // ids of the end nodes
	Props    map[string]any
}

// Snapshot is a whole graph: nodes sorted by id, relationships by type, ends and key.
type Snapshot struct {
	Nodes []Node
	Rels  []Rel
}

// Read takes a snapshot of src. Every node needs a string id property (newsgraph's
// loader sets one); a node without one is an error naming it.
func Read(ctx context.Context, src Source) (*Snapshot, error) {
	s := &Snapshot{}
	seen := map[string]bool{}
	err := src.ExportNodes(ctx, func(n graph.NodeValue) error {
		id, ok := n.Props["id"].(string)
		if !ok || id == "" {
			return fmt.Errorf("node %s %v has no string id property; export needs one", n.ElementID, n.Labels)
		}
		if seen[id] {
			return fmt.Errorf("two nodes have the id %q", id)
		}
		seen[id] = true
		labels := append([]string(nil), n.Labels...)
		sort.Strings(labels)
		s.Nodes = append(s.Nodes, Node{ID: id, Labels: labels, Props: n.Props})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading nodes: %w", err)
	}
	err = src.ExportRels(ctx, func(r graph.RelValue, from, to string) error {
		if from == "" || to == "" {
			return fmt.Errorf("%s relationship %s joins a node without id", r.Type, r.ElementID)
		}
		s.Rels = append(s.Rels, Rel{Type: r.Type, From: from, To: to, Props: r.Props})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading relationships: %w", err)
	}
	sort.SliceStable(s.Nodes, func(i, j int) bool { return s.Nodes[i].ID < s.Nodes[j].ID })
	sort.SliceStable(s.Rels, func(i, j int) bool {
		a, b := s.Rels[i], s.Rels[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		ka, _ := a.Props["key"].(string)
		kb, _ := b.Props["key"].(string)
		return ka < kb
	})
	return s, nil
}

// label returns the node's label of the model (the first of its labels that is one),
// or its first label.
func (n Node) label() string {
	for _, l := range n.Labels {
		if graph.Label(l).Valid() {
			return l
		}
	}
	if len(n.Labels) > 0 {
		return n.Labels[0]
	}
	return ""
}

func sortedKeys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
