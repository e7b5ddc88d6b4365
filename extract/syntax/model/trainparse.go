package model

import "math/rand/v2"

// parseTrainer trains the transition classifier with the dynamic oracle and the labeller
// on the arcs the parser gets right.
type parseTrainer struct {
	pp, lp  *perceptron
	ls      *labels
	kinds   []uint8
	st      state
	c       sent
	buf     buffers
	explore float64 // probability of following a wrong prediction
	rng     *rand.Rand
}

func newParseTrainer(ls *labels, kinds []uint8, rng *rand.Rand) *parseTrainer {
	t := &parseTrainer{pp: newPerceptron(nmoves), lp: newPerceptron(len(ls.names)), ls: ls, kinds: kinds, rng: rng}
	t.buf.scores = make([]float32, nmoves)
	t.buf.lscores = make([]float32, len(ls.names))
	return t
}

// learn parses ex (on its jackknifed tags) and updates the weights on every mistake.
func (t *parseTrainer) learn(ex *example) {
	t.c.fill(ex.ws, ex.tags, t.kinds)
	t.st.reset(len(ex.ws))
	s := &t.st
	for !s.done() {
		mv := t.move(ex)
		var l int32 = none
		var wh uint64
		if mv != shift {
			h, d := s.arc(mv)
			l = t.label(ex, h, d)
			wh = t.c.lw[d]
		}
		s.apply(mv, l, wh, t.ls.isMarker(l))
	}
}

// move scores the transitions, updates towards the best zero-cost one when the
// prediction costs more, and returns the move to follow.
func (t *parseTrainer) move(ex *example) int {
	s := &t.st
	t.buf.keys = parseFeatures(t.buf.keys[:0], &t.c, s)
	t.pp.score(t.buf.keys, t.buf.scores)
	pred := bestMove(s, t.buf.scores)
	var costs [nmoves]int
	minCost := 1 << 30
	for mv := range nmoves {
		if s.legal(mv) {
			costs[mv] = cost(s, ex.heads, mv)
			minCost = min(minCost, costs[mv])
		}
	}
	gold := -1
	for mv := range nmoves {
		if s.legal(mv) && costs[mv] == minCost && (gold < 0 || t.buf.scores[mv] > t.buf.scores[gold]) {
			gold = mv
		}
	}
	if costs[pred] > minCost {
		t.pp.update(t.buf.keys, gold, pred)
	}
	t.pp.tick()
	if pred != gold && t.rng.Float64() >= t.explore {
		return gold
	}
	return pred
}

// label predicts the arc's label and, when the arc is right, learns its gold label.
func (t *parseTrainer) label(ex *example, h, d int32) int32 {
	if int(h) == t.st.n {
		return t.ls.root
	}
	t.buf.keys = labelFeatures(t.buf.keys[:0], &t.c, &t.st, h, d)
	t.lp.score(t.buf.keys, t.buf.lscores)
	pred := bestLabel(t.buf.lscores, t.ls.root)
	if g := ex.labels[d]; ex.heads[d] == h && g != none && g != t.ls.root && g != pred {
		t.lp.update(t.buf.keys, int(g), int(pred))
	}
	t.lp.tick()
	return pred
}
