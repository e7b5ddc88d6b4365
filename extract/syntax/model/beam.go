package model

// Beam search over the parser's transitions: the k best partial parses by summed move
// scores are kept at each step (all parses of n words take 2n steps).

type beamItem struct {
	st    state
	score float32
}

type cand struct {
	from  int
	move  int
	score float32
}

// beam holds the items and scratch of one beam parse; reused across sentences.
type beam struct {
	cur, next, spare []*beamItem
	cands            []cand
	starts           []int // where each item's features start in the shared key buffer
}

// copyFrom makes s a copy of o (reusing s's arrays).
func (s *state) copyFrom(o *state) {
	s.n, s.b = o.n, o.b
	s.stack = append(s.stack[:0], o.stack...)
	for _, p := range [][2]*[]int32{{&s.head, &o.head}, {&s.label, &o.label}, {&s.lc1, &o.lc1},
		{&s.lc2, &o.lc2}, {&s.rc1, &o.rc1}, {&s.rc2, &o.rc2}, {&s.nl, &o.nl}, {&s.nr, &o.nr}} {
		*p[0] = append((*p[0])[:0], *p[1]...)
	}
	s.lmask = append(s.lmask[:0], o.lmask...)
	s.rmask = append(s.rmask[:0], o.rmask...)
	s.marker = append(s.marker[:0], o.marker...)
}

func (b *beam) item() *beamItem {
	if n := len(b.spare); n > 0 {
		it := b.spare[n-1]
		b.spare = b.spare[:n-1]
		return it
	}
	return &beamItem{}
}

// insertCand adds c to the sorted candidate list, keeping at most k (ties keep the
// earlier).
func insertCand(cands []cand, c cand, k int) []cand {
	i := len(cands)
	for i > 0 && cands[i-1].score < c.score {
		i--
	}
	if i >= k {
		return cands
	}
	if len(cands) < k {
		cands = append(cands, cand{})
	}
	copy(cands[i+1:], cands[i:len(cands)-1])
	cands[i] = c
	return cands
}

// beamParse parses c with a beam of width k and leaves the best parse in out.
func beamParse(pm, lm scorer, ls *labels, c *sent, out *state, b *beam, buf *buffers, k int) {
	start := b.item()
	start.st.reset(len(c.lw) - 1)
	start.score = 0
	b.cur = append(b.cur[:0], start)
	for !b.cur[0].st.done() {
		b.expand(pm, c, buf, k)
		b.next = b.next[:0]
		for _, cd := range b.cands {
			it := b.item()
			it.st.copyFrom(&b.cur[cd.from].st)
			it.score = cd.score
			b.next = append(b.next, it)
		}
		b.label(lm, ls, c, buf)
		b.spare = append(b.spare, b.cur...)
		b.cur, b.next = b.next, b.cur
	}
	out.copyFrom(&b.cur[0].st)
	b.spare = append(b.spare, b.cur...)
	b.cur = b.cur[:0]
}

// expand scores the moves of every item and keeps the k best candidates. The features of
// all items are computed first and their table slots touched together, so that the cache
// misses of the whole step overlap.
func (b *beam) expand(pm scorer, c *sent, buf *buffers, k int) {
	buf.keys, b.starts = buf.keys[:0], b.starts[:0]
	for _, it := range b.cur {
		b.starts = append(b.starts, len(buf.keys))
		buf.keys = parseFeatures(buf.keys, c, &it.st)
	}
	b.starts = append(b.starts, len(buf.keys))
	touch(pm, buf.keys)
	b.cands = b.cands[:0]
	for i, it := range b.cur {
		pm.score(buf.keys[b.starts[i]:b.starts[i+1]], buf.scores)
		for mv := range nmoves {
			if it.st.legal(mv) {
				b.cands = insertCand(b.cands, cand{from: i, move: mv, score: it.score + buf.scores[mv]}, k)
			}
		}
	}
}

// label applies each candidate's move to its item in b.next, labelling the arcs as
// applyLabelled does; the labeller's features of all items are touched together first.
func (b *beam) label(lm scorer, ls *labels, c *sent, buf *buffers) {
	buf.keys, b.starts = buf.keys[:0], b.starts[:0]
	for j, cd := range b.cands {
		b.starts = append(b.starts, len(buf.keys))
		if s := &b.next[j].st; cd.move != shift {
			if h, d := s.arc(cd.move); int(h) != s.n {
				buf.keys = labelFeatures(buf.keys, c, s, h, d)
			}
		}
	}
	b.starts = append(b.starts, len(buf.keys))
	touch(lm, buf.keys)
	for j, cd := range b.cands {
		s := &b.next[j].st
		if cd.move == shift {
			s.apply(shift, none, 0, false)
			continue
		}
		h, d := s.arc(cd.move)
		l := ls.root
		if int(h) != s.n {
			lm.score(buf.keys[b.starts[j]:b.starts[j+1]], buf.lscores)
			l = bestLabel(buf.lscores, ls.root)
		}
		s.apply(cd.move, l, c.lw[d], ls.isMarker(l))
	}
}

// touch loads the table slots of keys when m can (see linear.touch).
func touch(m scorer, keys []uint64) {
	if t, ok := m.(interface{ touch([]uint64) }); ok {
		t.touch(keys)
	}
}

// applyLabelled applies move to s, labelling the arc it makes.
func applyLabelled(lm scorer, ls *labels, c *sent, s *state, move int, buf *buffers) {
	var l int32 = none
	var wh uint64
	if move != shift {
		h, d := s.arc(move)
		l = chooseLabel(lm, ls, c, s, h, d, buf)
		wh = c.lw[d]
	}
	s.apply(move, l, wh, ls.isMarker(l))
}
