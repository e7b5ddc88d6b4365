package model

// cost returns how many gold arcs become unreachable if move is applied to s (the dynamic
// oracle of Goldberg & Nivre 2013 for arc-hybrid; exact for projective trees). gold[i] is
// the gold head of word i, with n for the root.
func cost(s *state, gold []int32, move int) int {
	n := int32(s.n)
	c := 0
	switch move {
	case left, right:
		s0 := s.top(0)
		from := s.b // heads in the buffer that s0 can no longer get
		if move == left {
			from = s.b + 1
			if s1 := s.top(1); s1 != none && gold[s0] == s1 {
				c++
			}
		}
		if gold[s0] >= from && gold[s0] <= n {
			c++
		}
		for j := s.b; j < n; j++ { // children of s0 still in the buffer
			if gold[j] == s0 {
				c++
			}
		}
	case shift:
		b := s.b
		for k, x := range s.stack {
			if gold[x] == b {
				c++
			}
			if gold[b] == x && k < len(s.stack)-1 {
				c++
			}
		}
	}
	return c
}

// projective reports whether the tree gold (heads, root = n) has no crossing arcs.
func projective(gold []int32) bool {
	for i, h := range gold {
		a, b := min(int32(i), h), max(int32(i), h)
		for j, g := range gold {
			c, d := min(int32(j), g), max(int32(j), g)
			if (c < a && a < d && d < b) || (a < c && c < b && b < d) {
				return false
			}
		}
	}
	return true
}

// projectivize returns a projective tree made from gold by lifting arcs (Nivre & Nilsson
// 2005, without encoding the lifts in the labels): while some arc h -> d spans a word that
// h does not dominate, the shortest such arc is replaced by h's head -> d. The parser can
// then learn from every sentence's other arcs; the lifted words keep their labels.
func projectivize(gold []int32) []int32 {
	heads := append([]int32(nil), gold...)
	for range len(heads) * len(heads) {
		d := shortestNonProjective(heads)
		if d == none {
			return heads
		}
		heads[d] = heads[heads[d]]
	}
	return heads
}

// shortestNonProjective returns the dependent of the shortest arc that spans a word its
// head does not dominate, or none.
func shortestNonProjective(heads []int32) int32 {
	n := int32(len(heads))
	best, bestLen := int32(none), n+1
	for d, h := range heads {
		if h == n {
			continue // the root dominates every word
		}
		a, b := min(int32(d), h), max(int32(d), h)
		if b-a >= bestLen {
			continue
		}
		for k := a + 1; k < b; k++ {
			if !dominates(heads, h, k) {
				best, bestLen = int32(d), b-a
				break
			}
		}
	}
	return best
}

// dominates reports whether h is an ancestor of k (root = len(heads)).
func dominates(heads []int32, h, k int32) bool {
	n := int32(len(heads))
	for range len(heads) + 1 {
		if k == h {
			return true
		}
		if k == n || k < 0 {
			return false
		}
		k = heads[k]
	}
	return false
}
