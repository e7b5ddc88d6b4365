package resolve

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// Endpoints completes the nodes with every entity an edge points at that no mention named:
// the country or organisation of a role ("President Donald Trump" holds a role of the
// United States, from the offices table), the country a capital stands for ("support for
// Riga"). Each gets its node, made from the name its reference carries, listing the
// articles whose edges point at it. Nodes stay sorted by id. Endpoints no reference
// explains are left alone (validation names them).
func (r *Resolver) Endpoints(nodes []graph.Node, results []*Result, edges []graph.Edge) []graph.Node {
	have := make(map[string]bool, len(nodes))
	for _, n := range nodes {
		have[n.ID] = true
	}
	ep := r.NewEndpointNodes(func(id string) bool { return have[id] })
	for _, res := range results {
		ep.Article(res)
	}
	ep.Edges(edges)
	added := ep.Nodes()
	if len(added) == 0 {
		return nodes
	}
	nodes = append(nodes, added...)
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	return nodes
}

// EndpointNodes is Endpoints one article at a time: the references of every article and the
// edges pointing at an entity no node has, then the nodes to add. Articles and edges come in
// the order Endpoints gets them (by article id) and have says which ids have a node.
type EndpointNodes struct {
	r       *Resolver
	have    func(id string) bool
	refs    map[string]string   // id -> name
	pending map[string][]string // id no node has -> the articles of the edges pointing at it
}

// NewEndpointNodes starts the endpoint nodes of a run whose entity nodes have says.
func (r *Resolver) NewEndpointNodes(have func(id string) bool) *EndpointNodes {
	return &EndpointNodes{r: r, have: have, refs: map[string]string{}, pending: map[string][]string{}}
}

// Article records the entities the article's mentions refer to without naming them (the
// last reference's name wins, as articles come in order).
func (ep *EndpointNodes) Article(res *Result) {
	for _, m := range res.Doc.Mentions {
		if m.RoleOrg != "" && m.RoleOrgName != "" && !ep.have(m.RoleOrg) {
			ep.refs[m.RoleOrg] = m.RoleOrgName
		}
		if m.StandsFor != "" && m.StandsForName != "" && !ep.have(m.StandsFor) {
			ep.refs[m.StandsFor] = m.StandsForName
		}
	}
}

// Edges records the endpoints of edges that no node has (an article's edges come together).
func (ep *EndpointNodes) Edges(edges []graph.Edge) {
	for _, e := range edges {
		for _, id := range []string{e.From, e.To} {
			if ep.have(id) {
				continue
			}
			if _, ok := graph.LabelOfID(id); !ok {
				continue // an article (MENTIONS), or no entity at all
			}
			if as := ep.pending[id]; len(as) == 0 || as[len(as)-1] != e.Article {
				ep.pending[id] = append(as, e.Article)
			}
		}
	}
}

// Nodes returns the nodes to add, sorted by id: an endpoint no node has and a reference
// names.
func (ep *EndpointNodes) Nodes() []graph.Node {
	var out []graph.Node
	for _, id := range sortedKeys(ep.pending) {
		name, ok := ep.refs[id]
		if !ok {
			continue
		}
		lbl, ok := graph.LabelOfID(id)
		if !ok {
			continue
		}
		n := graph.Node{Kind: graph.KindNode, ID: id, Label: lbl, Name: name, Props: ep.r.props(lbl, name),
			Articles: uniqueSorted(ep.pending[id])}
		if len(n.Props) == 0 {
			n.Props = nil
		}
		out = append(out, n)
	}
	return out
}
