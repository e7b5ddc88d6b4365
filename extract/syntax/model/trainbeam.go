package model

// Global training of the transition classifier for beam search: max-violation perceptron
// updates (Huang et al. 2012) against a canonical gold derivation (the oracle's LEFT >
// RIGHT > SHIFT choice), warm-started from the greedy model. The labeller learns on the
// gold derivation.

// step is one move of a derivation with the label its arc got.
type step struct {
	move  int8
	label int32
}

type histItem struct {
	beamItem
	hist []step
	gold bool // the history is a prefix of the gold derivation
}

// beamTrainer trains pp (moves) and lp (labels) with a beam of width k.
type beamTrainer struct {
	pp, lp   *perceptron
	ls       *labels
	kinds    []uint8
	k        int
	c        sent
	buf      buffers
	cur, nxt []*histItem
	spare    []*histItem
	goldItem histItem
	worst    []step
	cands    []cand
	replay   state
}

// goldDerivation follows the oracle on ex (gold labels) and returns its moves.
func goldDerivation(ex *example, s *state, out []step) []step {
	s.reset(len(ex.ws))
	out = out[:0]
	for !s.done() {
		n := len(out)
		for _, mv := range []int{left, right, shift} {
			if s.legal(mv) && cost(s, ex.heads, mv) == 0 {
				l := int32(none)
				if mv != shift {
					_, d := s.arc(mv)
					l = ex.labels[d]
				}
				s.apply(mv, l, 0, false)
				out = append(out, step{int8(mv), l})
				break
			}
		}
		if len(out) == n {
			return nil // no zero-cost move: not a projective tree
		}
	}
	return out
}

// learn runs the beam on ex and makes the max-violation update.
func (t *beamTrainer) learn(ex *example, gold []step) {
	t.c.fill(ex.ws, ex.tags, t.kinds)
	t.learnLabels(ex, gold)
	g := &t.goldItem
	g.st.reset(len(ex.ws))
	g.score = 0
	start := t.item()
	start.st.reset(len(ex.ws))
	start.score, start.gold, start.hist = 0, true, start.hist[:0]
	t.cur = append(t.cur[:0], start)
	var worst float32
	worstLen := 0
	for i := 0; !t.cur[0].st.done(); i++ {
		t.buf.keys = parseFeatures(t.buf.keys[:0], &t.c, &g.st)
		t.pp.score(t.buf.keys, t.buf.scores)
		g.score += t.buf.scores[gold[i].move]
		g.st.apply(int(gold[i].move), gold[i].label, t.markerWord(gold[i], &g.st), t.ls.isMarker(gold[i].label))
		t.expand(gold[i])
		if best := t.cur[0]; !best.gold && best.score-g.score > worst {
			worst, worstLen = best.score-g.score, i+1
			t.worst = append(t.worst[:0], best.hist...)
		}
	}
	if worstLen > 0 {
		t.adjust(ex, gold[:worstLen], 1)
		t.adjust(ex, t.worst, -1)
	}
	t.pp.tick()
	t.spare = append(t.spare, t.cur...)
}

// markerWord is the word hash apply records for a case/mark arc about to be made.
func (t *beamTrainer) markerWord(st step, s *state) uint64 {
	if int(st.move) == shift {
		return 0
	}
	_, d := s.arc(int(st.move))
	return t.c.lw[d]
}

func (t *beamTrainer) item() *histItem {
	if n := len(t.spare); n > 0 {
		it := t.spare[n-1]
		t.spare = t.spare[:n-1]
		return it
	}
	return &histItem{}
}

// expand replaces the beam by the k best successors; gs is the gold derivation's step.
func (t *beamTrainer) expand(gs step) {
	t.cands = t.cands[:0]
	for i, it := range t.cur {
		t.buf.keys = parseFeatures(t.buf.keys[:0], &t.c, &it.st)
		t.pp.score(t.buf.keys, t.buf.scores)
		for mv := range nmoves {
			if it.st.legal(mv) {
				t.cands = insertCand(t.cands, cand{from: i, move: mv, score: it.score + t.buf.scores[mv]}, t.k)
			}
		}
	}
	t.nxt = t.nxt[:0]
	for _, cd := range t.cands {
		from := t.cur[cd.from]
		it := t.item()
		it.st.copyFrom(&from.st)
		it.score, it.gold = cd.score, from.gold && cd.move == int(gs.move)
		l := int32(none)
		if cd.move != shift {
			h, d := it.st.arc(cd.move)
			l = chooseLabel(t.lp, t.ls, &t.c, &it.st, h, d, &t.buf)
		}
		it.hist = append(append(it.hist[:0], from.hist...), step{int8(cd.move), l})
		it.st.apply(cd.move, l, t.markerWord(step{int8(cd.move), l}, &it.st), t.ls.isMarker(l))
		t.nxt = append(t.nxt, it)
	}
	t.spare = append(t.spare, t.cur...)
	t.cur, t.nxt = t.nxt, t.cur
}

// adjust replays path and moves the weights of each of its moves by delta.
func (t *beamTrainer) adjust(ex *example, path []step, delta float32) {
	s := &t.replay
	s.reset(len(ex.ws))
	for _, st := range path {
		t.buf.keys = parseFeatures(t.buf.keys[:0], &t.c, s)
		t.pp.adjust(t.buf.keys, int(st.move), delta)
		s.apply(int(st.move), st.label, t.markerWord(st, s), t.ls.isMarker(st.label))
	}
}

// learnLabels trains the labeller along the gold derivation (gold labels attached).
func (t *beamTrainer) learnLabels(ex *example, gold []step) {
	s := &t.replay
	s.reset(len(ex.ws))
	for _, st := range gold {
		mv := int(st.move)
		if mv != shift {
			if h, d := s.arc(mv); int(h) != s.n {
				t.buf.keys = labelFeatures(t.buf.keys[:0], &t.c, s, h, d)
				t.lp.score(t.buf.keys, t.buf.lscores)
				if pred := bestLabel(t.buf.lscores, t.ls.root); st.label != none && pred != st.label {
					t.lp.update(t.buf.keys, int(st.label), int(pred))
				}
				t.lp.tick()
			}
		}
		s.apply(mv, st.label, t.markerWord(st, s), t.ls.isMarker(st.label))
	}
}
