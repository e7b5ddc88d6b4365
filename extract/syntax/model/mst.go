package model

// treeScratch is maxTree's reusable space, one per level of contraction (next), so that a
// warm scratch allocates nothing.
type treeScratch struct {
	head, mark, cyc             []int
	old, idx, enter, leave, out []int
	in                          []bool
	sub                         [][]float32
	next                        *treeScratch
}

// maxTree returns the highest-scoring dependency tree over nodes 0..n-1 rooted at root
// (Chu-Liu-Edmonds): head[d] for every node, -1 for the root. score[h][d] is the score of
// the arc h -> d; every arc must have a score (a spanning tree then always exists). The
// result may live in ts.
func maxTree(score [][]float32, root int, ts *treeScratch) []int {
	n := len(score)
	ts.head, ts.mark = grow(ts.head, n), grow(ts.mark, n)
	head := ts.head
	for d := range n {
		head[d] = bestHead(score, d, root)
	}
	cyc := findCycle(head, root, ts.mark, ts.cyc[:0])
	if cyc == nil {
		return head
	}
	ts.cyc = cyc
	return contract(score, head, cyc, root, ts)
}

// bestHead returns the best head of d (-1 for the root).
func bestHead(score [][]float32, d, root int) int {
	if d == root {
		return -1
	}
	best := -1
	for h := range score {
		if h != d && (best < 0 || score[h][d] > score[best][d]) {
			best = h
		}
	}
	return best
}

// findCycle returns the nodes of a cycle of head (appended to cyc), or nil when head is a
// tree; mark is scratch of head's length.
func findCycle(head []int, root int, mark, cyc []int) []int {
	n := len(head)
	clear(mark) // 0 unvisited, i+1 visited from start i
	for start := range n {
		if start == root || mark[start] != 0 {
			continue
		}
		v := start
		for v >= 0 && v != root && mark[v] == 0 {
			mark[v] = start + 1
			v = head[v]
		}
		if v >= 0 && v != root && mark[v] == start+1 {
			cyc = append(cyc, v)
			for u := head[v]; u != v; u = head[u] {
				cyc = append(cyc, u)
			}
			return cyc
		}
	}
	return nil
}

// contract merges the cycle into one node, solves the smaller problem and expands its
// answer: the arc entering the cycle breaks it at the node it enters.
func contract(score [][]float32, head, cyc []int, root int, ts *treeScratch) []int {
	n := len(score)
	ts.in = grow(ts.in, n)
	clear(ts.in)
	for _, v := range cyc {
		ts.in[v] = true
	}
	ts.old, ts.idx = ts.old[:0], grow(ts.idx, n) // new index -> old node (the cycle node last)
	for v := range n {
		if !ts.in[v] {
			ts.idx[v] = len(ts.old)
			ts.old = append(ts.old, v)
		}
	}
	old, c := ts.old, len(ts.old)
	m := c + 1
	ts.sub = grow(ts.sub, m)
	ts.enter, ts.leave = grow(ts.enter, m), grow(ts.leave, m) // the cycle node an arc enters / leaves
	for i, u := range old {
		ts.sub[i] = grow(ts.sub[i], m)
		for j, v := range old {
			ts.sub[i][j] = score[u][v]
		}
		ts.enter[i], ts.sub[i][c] = bestEntry(score, head, cyc, u)
	}
	ts.sub[c] = grow(ts.sub[c], m)
	for i, v := range old {
		ts.leave[i], ts.sub[c][i] = bestExit(score, cyc, v)
	}
	rootNew := c
	if !ts.in[root] {
		rootNew = ts.idx[root]
	}
	if ts.next == nil {
		ts.next = &treeScratch{}
	}
	subHead := maxTree(ts.sub[:m], rootNew, ts.next)
	return ts.expand(head, cyc, subHead, n)
}

// expand maps the contracted problem's tree back onto the nodes of the cycle's level.
func (ts *treeScratch) expand(head, cyc, subHead []int, n int) []int {
	old, c := ts.old, len(ts.old)
	out := grow(ts.out, n)
	ts.out = out
	for _, v := range cyc {
		out[v] = head[v]
	}
	for i, v := range old {
		switch h := subHead[i]; {
		case h < 0:
			out[v] = -1
		case h == c:
			out[v] = ts.leave[i]
		default:
			out[v] = old[h]
		}
	}
	if h := subHead[c]; h >= 0 {
		out[ts.enter[h]] = old[h]
	}
	return out
}

// bestEntry is the best arc from u into the cycle, scored against the cycle arc it replaces.
func bestEntry(score [][]float32, head, cyc []int, u int) (int, float32) {
	best, bs := -1, float32(0)
	for _, v := range cyc {
		s := score[u][v] - score[head[v]][v]
		if best < 0 || s > bs {
			best, bs = v, s
		}
	}
	return best, bs
}

// bestExit is the best arc from the cycle to v.
func bestExit(score [][]float32, cyc []int, v int) (int, float32) {
	best, bs := -1, float32(0)
	for _, u := range cyc {
		if best < 0 || score[u][v] > bs {
			best, bs = u, score[u][v]
		}
	}
	return best, bs
}
