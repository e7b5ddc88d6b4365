package model

// labels describes the label set: the root relation and the markers (case, mark) whose
// word the labeller sees on their head.
type labels struct {
	names  []string
	root   int32
	dep    int32 // the unspecified dependency (a label for a word no parser attached so)
	marker [2]int32
}

func newLabels(names []string) labels {
	l := labels{names: names, root: none, dep: none, marker: [2]int32{none, none}}
	for i, n := range names {
		switch n {
		case "root":
			l.root = int32(i)
		case "dep":
			l.dep = int32(i)
		case "case":
			l.marker[0] = int32(i)
		case "mark":
			l.marker[1] = int32(i)
		}
	}
	for i := range names { // no dep: the first other label
		if l.dep == none && int32(i) != l.root {
			l.dep = int32(i)
		}
	}
	return l
}

func (l *labels) isMarker(x int32) bool { return x != none && (x == l.marker[0] || x == l.marker[1]) }

// buffers holds the scratch slices of one parse.
type buffers struct {
	keys    []uint64
	scores  []float32
	lscores []float32
}

// bestMove returns the legal move with the highest score.
func bestMove(s *state, scores []float32) int {
	best := -1
	for mv := range nmoves {
		if s.legal(mv) && (best < 0 || scores[mv] > scores[best]) {
			best = mv
		}
	}
	return best
}

// onlyMove returns the move when s allows one only (SHIFT onto an empty stack, RIGHT or
// LEFT once the buffer holds only the root), else -1: the classifier need not score it.
func onlyMove(s *state) int {
	only := -1
	for mv := range nmoves {
		if s.legal(mv) {
			if only >= 0 {
				return -1
			}
			only = mv
		}
	}
	return only
}

// bestLabel returns the best label for a non-root arc (never the root relation).
func bestLabel(scores []float32, root int32) int32 {
	best := int32(none)
	for c, v := range scores {
		if int32(c) != root && (best == none || v > scores[best]) {
			best = int32(c)
		}
	}
	return best
}

// chooseLabel labels the arc h -> d: the root relation for the root's dependent, else
// the labeller's best non-root label.
func chooseLabel(lm scorer, ls *labels, c *sent, s *state, h, d int32, b *buffers) int32 {
	if int(h) == s.n {
		return ls.root
	}
	b.keys = labelFeatures(b.keys[:0], c, s, h, d)
	lm.score(b.keys, b.lscores)
	return bestLabel(b.lscores, ls.root)
}

// parseSentence parses c greedily; the tree is left in s.head and s.label.
func parseSentence(pm, lm scorer, ls *labels, c *sent, s *state, b *buffers) {
	for !s.done() {
		mv := onlyMove(s)
		if mv < 0 {
			b.keys = parseFeatures(b.keys[:0], c, s)
			pm.score(b.keys, b.scores)
			mv = bestMove(s, b.scores)
		}
		applyLabelled(lm, ls, c, s, mv, b)
	}
}
