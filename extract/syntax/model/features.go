package model

// sent is what the parser sees of a sentence: each word's lowercased form hash and tag id,
// with the root as word n.
type sent struct {
	lw    []uint64
	c4    []uint64 // word clusters cut to 4, 8 and 12 bits (wordInfo)
	c8    []uint64
	c12   []uint64
	tag   []uint64
	punct []int32 // punct[i] = punctuation words before word i (prefix counts, n+1 long)
	verb  []int32 // verb[i] = verbs and auxiliaries before word i
	fast  bool    // the fast model's feature set (fast.go)
}

// between returns how many of the words strictly between a and b (a < b) counts has,
// clipped to 3.
func between(counts []int32, a, b int32) uint64 {
	if a == none || b == none || b <= a+1 {
		return 0
	}
	return uint64(min(counts[b]-counts[a+1], 3))
}

const (
	noWord  = 0xAA
	noTag   = 2000
	noLabel = 3000
	rootTag = 1999
)

func (c *sent) w(i int32) uint64 {
	if i == none {
		return noWord
	}
	return c.lw[i]
}

// k4, k8 and k12 return word i's cluster at 4, 8 and 12 bits.
func (c *sent) k4(i int32) uint64 {
	if i == none {
		return cluNone
	}
	return c.c4[i]
}

func (c *sent) k8(i int32) uint64 {
	if i == none {
		return cluNone
	}
	return c.c8[i]
}

func (c *sent) k12(i int32) uint64 {
	if i == none {
		return cluNone
	}
	return c.c12[i]
}

func (c *sent) p(i int32) uint64 {
	if i == none {
		return noTag
	}
	return c.tag[i]
}

func lab(s *state, i int32) uint64 {
	if i == none {
		return noLabel
	}
	return uint64(s.label[i] + 1)
}

func dist(a, b int32) uint64 {
	if a == none || b == none {
		return 0
	}
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func wp(c *sent, i int32) uint64 { return pair(c.w(i), c.p(i)) }

func get(a []int32, i int32) int32 {
	if i == none {
		return none
	}
	return a[i]
}

func getU(a []uint64, i int32) uint64 {
	if i == none {
		return 0
	}
	return a[i]
}

// parseFeatures appends the transition classifier's features: the fast set (fast.go) when
// c.fast, else the full set (after Zhang & Nivre 2011).
func parseFeatures(keys []uint64, c *sent, s *state) []uint64 {
	if c.fast {
		return fastParseFeatures(keys, c, s)
	}
	s0, s1, s2, b0, b1, b2 := s.positions()
	keys = append(keys,
		feat1(1, 0), feat1(2, c.w(s0)), feat1(3, c.p(s0)), feat1(4, wp(c, s0)),
		feat1(5, c.w(s1)), feat1(6, c.p(s1)), feat1(7, wp(c, s1)),
		feat1(8, c.w(b0)), feat1(9, c.p(b0)), feat1(10, wp(c, b0)),
		feat1(11, c.w(b1)), feat1(12, c.p(b1)), feat1(13, wp(c, b1)),
		feat1(14, c.w(b2)), feat1(15, c.p(b2)), feat1(16, c.p(s2)), feat1(17, c.w(s2)),
		feat2(18, wp(c, s0), wp(c, b0)), feat2(19, wp(c, s0), c.w(b0)), feat2(20, c.w(s0), wp(c, b0)),
		feat2(21, wp(c, s0), c.p(b0)), feat2(22, c.p(s0), wp(c, b0)), feat2(23, c.w(s0), c.w(b0)),
		feat2(24, c.p(s0), c.p(b0)), feat2(25, c.p(b0), c.p(b1)),
		feat2(26, c.p(s1), c.p(s0)), feat2(27, c.w(s1), c.w(s0)), feat2(28, wp(c, s1), wp(c, s0)),
		feat2(29, wp(c, s1), c.p(s0)), feat2(30, c.p(s1), wp(c, s0)),
		feat2(31, c.p(s1), c.p(b0)), feat2(32, c.w(s1), c.w(b0)),
		feat3(33, c.p(b0), c.p(b1), c.p(b2)), feat3(34, c.p(s0), c.p(b0), c.p(b1)),
		feat3(35, c.p(s1), c.p(s0), c.p(b0)), feat3(36, c.p(s2), c.p(s1), c.p(s0)),
		feat3(37, c.w(s0), c.p(b0), c.p(b1)), feat3(38, c.p(s0), c.w(b0), c.p(b1)),
	)
	keys = clusterFeatures(keys, c, s, s0, s1, b0, b1)
	keys = lookFeatures(keys, c, s, s0, b0, b1, b2)
	keys = childFeatures(keys, c, s, s0, s1, b0)
	return distFeatures(keys, c, s, s0, s1, b0)
}

// clusterFeatures stand the words' clusters in for the words, alone and with tags, as
// Koo et al. (2008) do with Brown clusters.
func clusterFeatures(keys []uint64, c *sent, s *state, s0, s1, b0, b1 int32) []uint64 {
	s0l1, s0r1, b0l1 := get(s.lc1, s0), get(s.rc1, s0), get(s.lc1, b0)
	return append(keys,
		feat1(110, c.k8(s0)), feat1(111, c.k12(s0)), feat1(112, c.k8(b0)), feat1(113, c.k12(b0)),
		feat1(114, c.k8(s1)), feat1(115, c.k8(b1)),
		feat2(116, c.k8(s0), c.p(b0)), feat2(117, c.p(s0), c.k8(b0)), feat2(118, c.k8(s0), c.k8(b0)),
		feat2(119, c.k12(s0), c.p(b0)), feat2(120, c.p(s0), c.k12(b0)),
		feat3(121, c.k4(s0), c.k4(b0), c.p(b1)), feat2(122, c.k8(s1), c.k8(s0)),
		feat3(123, c.p(s1), c.k8(s0), c.p(b0)), feat3(124, c.k8(s0), c.p(b0), dist(s0, b0)),
		feat2(125, c.k8(s0l1), c.p(s0)), feat2(126, c.k8(s0r1), c.p(s0)), feat2(127, c.k8(b0l1), c.p(b0)),
	)
}

// lookFeatures look further into the buffer and at the words around s0 and b0.
func lookFeatures(keys []uint64, c *sent, s *state, s0, b0, b1, b2 int32) []uint64 {
	b3 := b2 + 1
	if b2 == none || int(b3) > s.n {
		b3 = none
	}
	before, after := b0-1, int32(none)
	if s0 != none {
		after = s0 + 1
	}
	pc, vc := between(c.punct, s0, b0), between(c.verb, s0, b0)
	s1 := s.top(1)
	pc1, vc1 := between(c.punct, s1, s0), between(c.verb, s1, s0)
	vr, pr := between(c.verb, b0, int32(s.n)), between(c.punct, b0, int32(s.n))
	return append(keys,
		feat3(101, c.p(s0), c.p(b0), vr), feat3(102, c.p(b0), vr, pr), feat3(103, c.p(s1), c.p(s0), pc1),
		feat3(104, c.p(s1), c.p(s0), vc1), feat3(105, c.w(b0), vr, pr),
		feat1(39, c.p(b3)), feat3(40, c.p(b1), c.p(b2), c.p(b3)), feat2(41, c.w(b0), c.w(b1)),
		feat2(42, wp(c, b0), c.p(b1)), feat2(43, c.p(b0), wp(c, b1)), feat2(44, c.w(b1), c.w(b2)),
		feat3(45, c.p(before), c.p(b0), c.p(s0)), feat3(46, c.p(s0), c.p(after), c.p(b0)),
		feat3(47, c.p(s0), c.p(b0), pc), feat3(48, c.p(s0), c.p(b0), vc), feat3(49, c.w(s0), pc, vc),
	)
}

func childFeatures(keys []uint64, c *sent, s *state, s0, s1, b0 int32) []uint64 {
	s0l1, s0l2, s0r1, s0r2 := get(s.lc1, s0), get(s.lc2, s0), get(s.rc1, s0), get(s.rc2, s0)
	b0l1, b0l2 := get(s.lc1, b0), get(s.lc2, b0)
	s1r1, s1l1 := get(s.rc1, s1), get(s.lc1, s1)
	return append(keys,
		feat1(50, c.w(s0l1)), feat1(51, c.p(s0l1)), feat1(52, lab(s, s0l1)),
		feat1(53, c.w(s0r1)), feat1(54, c.p(s0r1)), feat1(55, lab(s, s0r1)),
		feat1(56, c.w(b0l1)), feat1(57, c.p(b0l1)), feat1(58, lab(s, b0l1)),
		feat1(59, c.p(s0l2)), feat1(60, lab(s, s0l2)), feat1(61, c.p(s0r2)), feat1(62, lab(s, s0r2)),
		feat1(63, c.p(b0l2)), feat1(64, lab(s, b0l2)),
		feat3(65, c.p(s0), c.p(s0l1), c.p(b0)), feat3(66, c.p(s0), c.p(s0r1), c.p(b0)),
		feat3(67, c.p(s0), c.p(b0), c.p(b0l1)), feat3(68, c.p(s1), c.p(s1r1), c.p(s0)),
		feat3(69, c.p(s0), c.p(s0l1), c.p(s0l2)), feat3(70, c.p(s0), c.p(s0r1), c.p(s0r2)),
		feat3(71, c.p(b0), c.p(b0l1), c.p(b0l2)), feat3(72, c.p(s1), c.p(s1l1), c.p(s0)),
		feat2(73, lab(s, s1r1), c.p(s0)), feat3(74, c.p(s0), lab(s, s0l1), lab(s, s0r1)),
		feat3(75, c.p(b0), lab(s, b0l1), c.p(s0)),
	)
}

func distFeatures(keys []uint64, c *sent, s *state, s0, s1, b0 int32) []uint64 {
	d, d1 := dist(s0, b0), dist(s1, s0)
	nl, nr, bl := uint64(get(s.nl, s0)), uint64(get(s.nr, s0)), uint64(get(s.nl, b0))
	lm, rm, bm := getU(s.lmask, s0), getU(s.rmask, s0), getU(s.lmask, b0)
	return append(keys,
		feat2(80, c.w(s0), d), feat2(81, c.p(s0), d), feat2(82, c.w(b0), d), feat2(83, c.p(b0), d),
		feat3(84, c.w(s0), c.w(b0), d), feat3(85, c.p(s0), c.p(b0), d),
		feat3(86, c.p(s1), c.p(s0), d1), feat3(87, c.w(s1), c.w(s0), d1),
		feat2(88, c.w(s0), nr), feat2(89, c.p(s0), nr), feat2(90, c.w(s0), nl), feat2(91, c.p(s0), nl),
		feat2(92, c.w(b0), bl), feat2(93, c.p(b0), bl),
		feat2(94, c.w(s0), lm), feat2(95, c.p(s0), lm), feat2(96, c.w(s0), rm), feat2(97, c.p(s0), rm),
		feat2(98, c.w(b0), bm), feat2(99, c.p(b0), bm),
		feat3(100, c.p(s0), c.p(b0), uint64(len(s.stack))&7),
	)
}

// labelFeatures appends the labeller's features for the arc h -> d. The dependent's
// subtree is complete; the head has its children attached so far.
func labelFeatures(keys []uint64, c *sent, s *state, h, d int32) []uint64 {
	if c.fast {
		return fastLabelFeatures(keys, c, s, h, d)
	}
	dir := uint64(1)
	if d > h {
		dir = 2
	}
	dd := dist(d, h)
	dl1, dr1, hl1 := s.lc1[d], s.rc1[d], s.lc1[h]
	dm, hm := s.lmask[d], s.lmask[h]
	prev, next := d-1, d+1
	if prev < 0 {
		prev = none
	}
	return append(keys,
		feat1(1, 0), feat1(2, c.w(d)), feat1(3, c.p(d)), feat1(4, wp(c, d)),
		feat1(5, c.w(h)), feat1(6, c.p(h)), feat1(7, wp(c, h)),
		feat3(8, c.p(d), c.p(h), dir), feat3(9, c.w(d), c.p(h), dir), feat3(10, c.p(d), c.w(h), dir),
		feat3(11, c.w(d), c.w(h), dir), feat3(12, pair(c.p(d), c.p(h)), dir, dd),
		feat2(13, dm, c.p(d)), feat2(14, s.rmask[d], c.p(d)), feat2(15, c.p(d), lab(s, dl1)),
		feat2(16, c.p(d), lab(s, dr1)), feat3(17, c.w(dl1), c.p(d), dir),
		feat3(18, s.marker[d], c.p(d), c.p(h)), feat2(19, s.marker[d], dir),
		feat3(20, c.p(h), hm, dir), feat3(21, c.p(h), s.rmask[h], dir),
		feat3(22, lab(s, hl1), c.p(d), dir), feat3(23, pair(c.p(d), c.p(h)), hm, dir),
		feat2(24, c.w(d), dir), feat3(25, c.p(d), c.p(prev), dir), feat3(26, c.p(d), c.p(next), dir),
		feat3(27, c.p(d), dm, s.rmask[d]), feat3(28, c.w(d), c.w(h), c.p(h)),
		feat3(29, pair(c.p(d), c.p(h)), dir, uint64(s.nl[d])+8*uint64(s.nr[d])),
		feat1(30, c.k8(d)), feat1(31, c.k12(d)), feat1(32, c.k8(h)),
		feat3(33, c.k8(d), c.p(h), dir), feat3(34, c.p(d), c.k8(h), dir), feat3(35, c.k8(d), c.k8(h), dir),
		feat3(36, c.k12(d), c.p(h), dir),
	)
}
