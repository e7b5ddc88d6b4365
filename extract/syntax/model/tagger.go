package model

// wordInfo holds the hashes of one word's spelling, computed once per sentence.
type wordInfo struct {
	form, lower, shape, flags uint64
	pre                       [3]uint64 // first 1..3 runes, lowercased
	suf                       [4]uint64 // last 1..4 runes, lowercased
	c4, c6, c8, c12           uint64    // word cluster cut to 4, 6, 8 and 12 bits (clusterValue)
}

// Padding values for positions before the first and after the last word.
var (
	padBefore = wordInfo{form: 0xB0, lower: 0xB0, shape: 0xB0, flags: 0xB0, suf: [4]uint64{0xB0, 0xB0, 0xB0, 0xB0},
		c4: 0xB0, c6: 0xB0, c8: 0xB0, c12: 0xB0}
	padAfter = wordInfo{form: 0xE0, lower: 0xE0, shape: 0xE0, flags: 0xE0, suf: [4]uint64{0xE0, 0xE0, 0xE0, 0xE0},
		c4: 0xE0, c6: 0xE0, c8: 0xE0, c12: 0xE0}
)

// describe fills wi for the word w; ct gives its cluster (nil: no clusters).
func describe(w string, wi *wordInfo, ct *clusterTable) {
	wi.form = strHash(w, false)
	wi.lower = strHash(w, true)
	c, full := ct.lookup(wi.lower), ct.fullBits()
	wi.c4, wi.c6 = clusterValue(c, cl4, full), clusterValue(c, cl6, full)
	wi.c8, wi.c12 = clusterValue(c, cl8, full), clusterValue(c, cl12, full)
	wi.shape = shapeHash(w)
	wi.flags = flags(w)
	for k := range wi.pre {
		wi.pre[k] = prefixHash(w, k+1)
	}
	for k := range wi.suf {
		wi.suf[k] = suffixHash(w, k+1)
	}
}

// at returns word i of ws, or padding outside the sentence.
func at(ws []wordInfo, i int) *wordInfo {
	switch {
	case i < 0:
		return &padBefore
	case i >= len(ws):
		return &padAfter
	}
	return &ws[i]
}

// Tag values for positions before the first word and (second pass) after the last.
const (
	tagStart = 1000
	tagEnd   = 1001
)

func tagAt(tags []int32, i int) uint64 {
	switch {
	case i < 0:
		return tagStart
	case i >= len(tags):
		return tagEnd
	}
	return uint64(tags[i])
}

// tagFeatures appends the tagger's features for word i: the fast set (fast.go) or the full
// one (fullTagFeatures).
func tagFeatures(fast bool, keys []uint64, ws []wordInfo, tags, first []int32, i int) []uint64 {
	if fast {
		return fastTagFeatures(keys, ws, tags, i)
	}
	return fullTagFeatures(keys, ws, tags, first, i)
}

// fullTagFeatures appends the tagger's features for word i given the tags chosen so far for
// the words before it (tags[:i]) and, in the second pass (first != nil), the first pass's
// tags of every word.
func fullTagFeatures(keys []uint64, ws []wordInfo, tags, first []int32, i int) []uint64 {
	w, p1, p2, n1, n2 := &ws[i], at(ws, i-1), at(ws, i-2), at(ws, i+1), at(ws, i+2)
	t1, t2 := tagAt(tags, i-1), tagAt(tags, i-2)
	keys = append(keys,
		feat1(1, 0), feat1(2, w.form), feat1(3, w.lower), feat1(4, w.shape), feat1(5, w.flags),
		feat1(6, w.pre[0]), feat1(7, w.pre[1]), feat1(8, w.pre[2]),
		feat1(9, w.suf[0]), feat1(10, w.suf[1]), feat1(11, w.suf[2]), feat1(12, w.suf[3]),
		feat1(13, p1.lower), feat1(14, n1.lower), feat1(15, p2.lower), feat1(16, n2.lower),
		feat1(17, p1.suf[2]), feat1(18, n1.suf[2]), feat1(19, n1.shape), feat1(20, p1.shape),
		feat1(21, t1), feat2(22, t1, t2), feat2(23, t1, w.lower), feat2(24, p1.lower, w.lower),
		feat2(25, w.lower, n1.lower), feat2(26, t1, w.suf[2]), feat2(27, uint64(min(i, 1)), w.flags),
		feat2(28, t1, n1.lower), feat2(29, n1.lower, n2.lower), feat2(30, w.shape, n1.shape),
		// word clusters
		feat1(60, w.c4), feat1(61, w.c8), feat1(62, w.c12), feat1(63, p1.c8), feat1(64, n1.c8),
		feat1(65, p2.c6), feat1(66, n2.c6), feat2(67, w.c12, w.suf[2]), feat2(68, t1, w.c8),
		feat2(69, w.c8, n1.c8), feat2(70, p1.c8, w.c8),
	)
	if first != nil {
		f1, f2, b1 := tagAt(first, i+1), tagAt(first, i+2), tagAt(first, i-1)
		keys = append(keys,
			feat1(40, f1), feat2(41, f1, f2), feat2(42, t1, f1), feat2(43, w.lower, f1),
			feat2(44, w.suf[2], f1), feat1(45, b1), feat2(46, f1, n1.lower), feat1(47, tagAt(first, i)),
			feat2(71, w.c8, f1), feat2(72, f1, n1.c8),
		)
	}
	return keys
}

// tagSentence tags ws greedily left to right with m (and, when m2 is not nil, a second
// pass that also sees the first pass's tags of the words to the right). It writes tags
// and uses first as scratch.
// fast selects the fast model's feature set.
func tagSentence(fast bool, m, m2 scorer, ws []wordInfo, tags, first []int32, keys []uint64, scores []float32) []uint64 {
	keys = tagPass(fast, m, ws, tags, nil, keys, scores)
	if m2 == nil {
		return keys
	}
	copy(first, tags)
	return tagPass(fast, m2, ws, tags, first, keys, scores)
}

func tagPass(fast bool, m scorer, ws []wordInfo, tags, first []int32, keys []uint64, scores []float32) []uint64 {
	for i := range ws {
		keys = tagFeatures(fast, keys[:0], ws, tags, first, i)
		m.score(keys, scores)
		tags[i] = int32(argmax(scores, nil))
	}
	return keys
}
