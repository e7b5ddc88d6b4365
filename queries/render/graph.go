package render

import (
	"context"
	"fmt"
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Graph is the subgraph a report's rows cover, ready to draw.
type Graph struct {
	Nodes []Node // sorted by label, then name, then key
	Edges []Edge // sorted by from, to, type, status
	// Omitted counts nodes left out because the drawing is capped at MaxNodes.
	Omitted int
}

// Node is one node of a drawing.
type Node struct {
	Key   string // the node's id property, or its element id when it has none
	Label string // first label
	Name  string // name, title or key
}

// Edge is one or more relationships of one type and status between two nodes.
type Edge struct {
	From, To string // node keys
	Type     string
	Status   string
	Count    int
}

// MaxNodes caps the nodes drawn; the best connected are kept.
const MaxNodes = 120

// FromRows collects the nodes, relationships and paths anywhere in rows (also inside
// lists and maps). Relationships whose endpoints are not in the rows are left out.
func FromRows(rows *graph.Rows) *Graph {
	b := newBuilder()
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case graph.NodeValue:
			b.node(x)
		case graph.RelValue:
			b.rels = append(b.rels, x)
		case graph.PathValue:
			for _, n := range x.Nodes {
				b.node(n)
			}
			b.rels = append(b.rels, x.Rels...)
		case []any:
			for _, y := range x {
				walk(y)
			}
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			for _, k := range keys {
				walk(x[k])
			}
		}
	}
	if rows != nil {
		for _, r := range rows.Rows {
			for _, v := range r {
				walk(v)
			}
		}
	}
	return b.graph()
}

// IDs returns the entity ids ("person:mark-rutte") that string cells of rows hold, sorted
// and without repeats: what a report that returns no graph values refers to.
func IDs(rows *graph.Rows) []string {
	seen := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case string:
			if _, ok := graph.LabelOfID(x); ok {
				seen[x] = true
			}
		case []any:
			for _, y := range x {
				walk(y)
			}
		}
	}
	if rows != nil {
		for _, r := range rows.Rows {
			for _, v := range r {
				walk(v)
			}
		}
	}
	out := make([]string, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// Querier runs a read-only query (graph.Store does).
type Querier interface {
	Query(ctx context.Context, cypher string, params map[string]any) (*graph.Rows, error)
}

const (
	fetchNodes = `MATCH (n) WHERE n.id IN $ids
RETURN n.id AS id, head(labels(n)) AS label, coalesce(n.name, n.title, n.id) AS name`
	fetchRels = `MATCH (a)-[r]->(b) WHERE a.id IN $ids AND b.id IN $ids AND NOT r:MENTIONS
RETURN a.id AS from, b.id AS to, type(r) AS type, coalesce(r.status, '') AS status, count(*) AS n`
)

// Fetch builds the subgraph of the nodes with the given ids and every relationship
// between them but MENTIONS, with two read-only queries.
func Fetch(ctx context.Context, q Querier, ids []string) (*Graph, error) {
	if len(ids) == 0 {
		return &Graph{}, nil
	}
	params := map[string]any{"ids": ids}
	nodes, err := q.Query(ctx, fetchNodes, params)
	if err != nil {
		return nil, fmt.Errorf("fetching the nodes to draw: %w", err)
	}
	rels, err := q.Query(ctx, fetchRels, params)
	if err != nil {
		return nil, fmt.Errorf("fetching the relationships to draw: %w", err)
	}
	g := &Graph{}
	for _, r := range nodes.Rows {
		g.Nodes = append(g.Nodes, Node{Key: str(r[0]), Label: str(r[1]), Name: str(r[2])})
	}
	for _, r := range rels.Rows {
		n, _ := r[4].(int64)
		g.Edges = append(g.Edges, Edge{From: str(r[0]), To: str(r[1]), Type: str(r[2]), Status: str(r[3]), Count: int(n)})
	}
	g.normalize()
	return g, nil
}

// ForRows returns the graph values in rows, or, when there are none, the subgraph of the
// entity ids the rows mention (fetched with q; nil q skips that).
func ForRows(ctx context.Context, q Querier, rows *graph.Rows) (*Graph, error) {
	g := FromRows(rows)
	if len(g.Nodes) > 0 || q == nil {
		return g, nil
	}
	return Fetch(ctx, q, IDs(rows))
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

type builder struct {
	nodes map[string]Node   // key -> node
	keyOf map[string]string // element id -> key
	rels  []graph.RelValue
}

func newBuilder() *builder {
	return &builder{nodes: map[string]Node{}, keyOf: map[string]string{}}
}

func (b *builder) node(n graph.NodeValue) {
	key, _ := n.Props["id"].(string)
	if key == "" {
		key = n.ElementID
	}
	b.keyOf[n.ElementID] = key
	if _, ok := b.nodes[key]; ok {
		return
	}
	label := ""
	if len(n.Labels) > 0 {
		label = n.Labels[0]
	}
	name := ""
	for _, p := range []string{"name", "title", "id"} {
		if s, ok := n.Props[p].(string); ok && s != "" {
			name = s
			break
		}
	}
	if name == "" {
		name = key
	}
	b.nodes[key] = Node{Key: key, Label: label, Name: name}
}

func (b *builder) graph() *Graph {
	g := &Graph{}
	for _, n := range b.nodes {
		g.Nodes = append(g.Nodes, n)
	}
	seen := map[string]bool{}
	for _, r := range b.rels {
		if seen[r.ElementID] {
			continue
		}
		seen[r.ElementID] = true
		from, ok1 := b.keyOf[r.StartID]
		to, ok2 := b.keyOf[r.EndID]
		if !ok1 || !ok2 {
			continue
		}
		status, _ := r.Props["status"].(string)
		g.Edges = append(g.Edges, Edge{From: from, To: to, Type: r.Type, Status: status, Count: 1})
	}
	g.normalize()
	return g
}

// normalize merges edges of the same from, to, type and status, sorts everything, and
// caps the nodes at MaxNodes (keeping the best connected).
func (g *Graph) normalize() {
	merged := map[Edge]int{}
	for _, e := range g.Edges {
		k := e
		k.Count = 0
		if e.Count <= 0 {
			e.Count = 1
		}
		merged[k] += e.Count
	}
	g.Edges = g.Edges[:0]
	for k, n := range merged {
		k.Count = n
		g.Edges = append(g.Edges, k)
	}
	if len(g.Nodes) > MaxNodes {
		deg := map[string]int{}
		for _, e := range g.Edges {
			deg[e.From] += e.Count
			deg[e.To] += e.Count
		}
		sort.SliceStable(g.Nodes, func(i, j int) bool {
			a, b := g.Nodes[i], g.Nodes[j]
			if deg[a.Key] != deg[b.Key] {
				return deg[a.Key] > deg[b.Key]
			}
			return a.Key < b.Key
		})
		g.Omitted += len(g.Nodes) - MaxNodes
		g.Nodes = g.Nodes[:MaxNodes]
		keep := map[string]bool{}
		for _, n := range g.Nodes {
			keep[n.Key] = true
		}
		edges := g.Edges[:0]
		for _, e := range g.Edges {
			if keep[e.From] && keep[e.To] {
				edges = append(edges, e)
			}
		}
		g.Edges = edges
	}
	sort.Slice(g.Nodes, func(i, j int) bool {
		a, b := g.Nodes[i], g.Nodes[j]
		if a.Label != b.Label {
			return labelRank(a.Label) < labelRank(b.Label)
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.Key < b.Key
	})
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		if a.From != b.From {
			return a.From < b.From
		}
		if a.To != b.To {
			return a.To < b.To
		}
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		return a.Status < b.Status
	})
}

func labelRank(l string) int {
	for i, x := range graph.AllLabels {
		if string(x) == l {
			return i
		}
	}
	return len(graph.AllLabels)
}
