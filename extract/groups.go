package extract

import "github.com/newsgraph/newsgraph/graph"

// idleGroups drops the collective-actor nodes (Organization {kind: group}: "Malian rebels")
// that no actor relationship touches, with their MENTIONS edges: a group is a node where an
// article makes it a party to a relationship; a passing "American troops" adds nothing a
// reader would look up. Countries standing for their government are ordinary country nodes
// and are never dropped here. Role nodes (Person {kind: role}: an office named without its
// holder, "the Minister of Foreign Affairs of Iraq") are dropped the same way.
func idleGroups(nodes []graph.Node, edges []graph.Edge) ([]graph.Node, []graph.Edge) {
	active := map[string]bool{}
	actors(active, edges)
	keptNodes, drop := dropIdle(nodes, active)
	if len(drop) == 0 {
		return keptNodes, edges
	}
	keptEdges := edges[:0]
	for _, e := range edges {
		if drop[e.From] || drop[e.To] {
			continue
		}
		keptEdges = append(keptEdges, e)
	}
	return keptNodes, keptEdges
}

// actors adds to active the ends of the actor relationships among edges.
func actors(active map[string]bool, edges []graph.Edge) {
	for _, e := range edges {
		if spec, ok := e.Type.Spec(); ok && spec.Actor {
			active[e.From], active[e.To] = true, true
		}
	}
}

// dropIdle removes the group and role nodes not in active; it returns the nodes kept and
// the ids dropped (whose edges go too).
func dropIdle(nodes []graph.Node, active map[string]bool) ([]graph.Node, map[string]bool) {
	drop := map[string]bool{}
	keptNodes := nodes[:0]
	for _, n := range nodes {
		if idle(&n, active) {
			drop[n.ID] = true
			continue
		}
		keptNodes = append(keptNodes, n)
	}
	return keptNodes, drop
}

// idle says whether n is a group or role node that no actor relationship touches.
func idle(n *graph.Node, active map[string]bool) bool {
	return ((n.Label == graph.LabelOrganization && n.Props["kind"] == "group") ||
		(n.Label == graph.LabelPerson && n.Props["kind"] == "role")) && !active[n.ID]
}
