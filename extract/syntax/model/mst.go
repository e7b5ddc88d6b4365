package model

// treeScratch is maxTree's reusable space (a problem without a cycle allocates nothing).
type treeScratch struct{ head, mark []int }

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
	cyc := findCycle(head, root, ts.mark)
	if cyc == nil {
		return head
	}
	return contract(score, head, cyc, root)
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

// findCycle returns the nodes of a cycle of head, or nil when head is a tree; mark is
// scratch of head's length.
func findCycle(head []int, root int, mark []int) []int {
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
			cyc := []int{v}
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
func contract(score [][]float32, head, cyc []int, root int) []int {
	n := len(score)
	in := make([]bool, n)
	for _, v := range cyc {
		in[v] = true
	}
	old := make([]int, 0, n-len(cyc)+1) // new index -> old node (the cycle node last)
	idx := make([]int, n)
	for v := range n {
		if !in[v] {
			idx[v] = len(old)
			old = append(old, v)
		}
	}
	c := len(old)
	m := c + 1
	sub := make([][]float32, m)
	for i := range sub {
		sub[i] = make([]float32, m)
	}
	enter := make([]int, m) // for an arc u -> cycle: the cycle node it enters
	leave := make([]int, m) // for an arc cycle -> v: the cycle node it leaves from
	for i, u := range old {
		for j, v := range old {
			sub[i][j] = score[u][v]
		}
		enter[i], sub[i][c] = bestEntry(score, head, cyc, u)
		leave[i], sub[c][i] = bestExit(score, cyc, u)
	}
	rootNew := idx[root]
	if in[root] {
		rootNew = c
	}
	subHead := maxTree(sub, rootNew, &treeScratch{})
	out := make([]int, n)
	for _, v := range cyc {
		out[v] = head[v]
	}
	for i, v := range old {
		switch h := subHead[i]; {
		case h < 0:
			out[v] = -1
		case h == c:
			out[v] = leave[i]
		default:
			out[v] = old[h]
		}
	}
	if h := subHead[c]; h >= 0 {
		out[enter[h]] = old[h]
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
