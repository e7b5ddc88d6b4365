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
	refs := map[string]string{} // id -> name
	for _, res := range results {
		for _, m := range res.Doc.Mentions {
			if m.RoleOrg != "" && m.RoleOrgName != "" && !have[m.RoleOrg] {
				refs[m.RoleOrg] = m.RoleOrgName
			}
			if m.StandsFor != "" && m.StandsForName != "" && !have[m.StandsFor] {
				refs[m.StandsFor] = m.StandsForName
			}
		}
	}
	if len(refs) == 0 {
		return nodes
	}
	added := map[string]*graph.Node{}
	for _, e := range edges {
		for _, id := range []string{e.From, e.To} {
			name, ok := refs[id]
			if !ok {
				continue
			}
			n := added[id]
			if n == nil {
				lbl, ok := graph.LabelOfID(id)
				if !ok {
					continue
				}
				n = &graph.Node{Kind: graph.KindNode, ID: id, Label: lbl, Name: name, Props: r.props(lbl, name)}
				if len(n.Props) == 0 {
					n.Props = nil
				}
				added[id] = n
			}
			n.Articles = append(n.Articles, e.Article)
		}
	}
	if len(added) == 0 {
		return nodes
	}
	for _, n := range added {
		n.Articles = uniqueSorted(n.Articles)
		nodes = append(nodes, *n)
	}
	sort.Slice(nodes, func(i, j int) bool { return nodes[i].ID < nodes[j].ID })
	return nodes
}
