package extract

import (
	"sort"

	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
)

// The cross-article state names an article by its ordinal k (the k-th article not left
// out, in id order: a.kept[k] is its place in the spill's ids), not by its id: the id is
// looked up when a record that names it is encoded. So what the assembly holds per article
// is a few bytes (its place, its edge count, a bit, a byte or two per node naming it), not
// the strings of every phase's decoded copy of it (TestCrossStateBytesPerArticle).

// id is the id of the article of ordinal k.
func (a *assembly) id(k int) string { return a.sp.ids[a.kept[k]] }

// ordinal is the ordinal of the article of that id, or -1.
func (a *assembly) ordinal(id string) int {
	k := sort.Search(len(a.kept), func(k int) bool { return a.id(k) >= id })
	if k < len(a.kept) && a.id(k) == id {
		return k
	}
	return -1
}

// ordinals gives the articles of n (sorted ids, as resolve's endpoint nodes have them)
// as ordinals and drops n's own list; a node naming an article that is not in the run
// (never, short of a bug) keeps its ids, for validate to name.
func (a *assembly) ordinals(n *graph.Node) resolve.ArticleList {
	var l resolve.ArticleList
	for _, id := range n.Articles {
		k := a.ordinal(id)
		if k < 0 {
			return resolve.ArticleList{}
		}
		l.Add(k)
	}
	n.Articles = nil
	return l
}

// articles sets the articles of node i as its record has them (ids, in order); done
// drops them again.
func (a *assembly) articles(i int) (n *graph.Node, done func()) {
	n = &a.nodes[i]
	if n.Articles != nil || a.arts[i].Len() == 0 {
		return n, func() {}
	}
	n.Articles = a.arts[i].IDs(a.id)
	return n, func() { n.Articles = nil }
}

// byID sorts nodes and their articles together by node id.
type byID struct {
	nodes []graph.Node
	arts  []resolve.ArticleList
}

func (s byID) Len() int           { return len(s.nodes) }
func (s byID) Less(i, j int) bool { return s.nodes[i].ID < s.nodes[j].ID }
func (s byID) Swap(i, j int) {
	s.nodes[i], s.nodes[j] = s.nodes[j], s.nodes[i]
	s.arts[i], s.arts[j] = s.arts[j], s.arts[i]
}

// bitset is a set of ordinals.
type bitset []uint64

func (b *bitset) set(k int) {
	for k/64 >= len(*b) {
		*b = append(*b, 0)
	}
	(*b)[k/64] |= 1 << (k % 64)
}

func (b bitset) has(k int) bool { return k/64 < len(b) && b[k/64]&(1<<(k%64)) != 0 }
