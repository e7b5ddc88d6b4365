package model

// The fast parser's transition scores, read per word where they can be (fast model only).
//
// Twenty-two of the fast transition classifier's templates read one position of the stack
// or buffer alone (fastRoleFeatures: the word, tag, word+tag and clusters of s0 and b0,
// ...), and a word's features there are the same at every step of every sentence in which
// it has the same tag. So their scores are summed once per word and tag, kept in a cache
// (per pooled work, direct-mapped, like the tagger's word cache), copied once per sentence
// into one row per word, and each step adds six such rows to the scores of its other
// templates (fastPairFeatures) instead of looking up twenty-two features. Six more read
// only the buffer's first four words (fastWindowFeatures), which are the sentence's words
// from b0 on whatever the stack holds: they are summed once per word of the sentence, as
// b0, and each step adds that row too (addRoles). The sum is the same as that of all the
// templates in one list up to the order of the additions (float rounding).

// role rows: the position a word holds.
const (
	roleS0 = iota
	roleS1
	roleS2
	roleB0
	roleB1
	roleB2
	nroles
)

// roleRow is one word's share of the three transition scores in each position.
type roleRow [nroles][nmoves]float32

// roleCache keeps the role rows of recent words, by lowercase hash and tag.
type roleCache struct {
	owner      scorer // the classifier the rows were summed with
	lower, tag []uint64
	used       []bool
	rows       []roleRow
}

const roleCacheSize = 4096 // entries (a power of two): 300 KB

// fastRoleFeatures appends the features of a word (lowercase hash w, tag p, 8- and
// 12-bit clusters k8 and k12) in position r.
func fastRoleFeatures(keys []uint64, r int, w, p, k8, k12 uint64) []uint64 {
	wp := pair(w, p)
	switch r {
	case roleS0:
		return append(keys, feat1(2, w), feat1(3, p), feat1(4, wp), feat1(110, k8), feat1(111, k12))
	case roleS1:
		return append(keys, feat1(5, w), feat1(6, p), feat1(7, wp), feat1(114, k8))
	case roleS2:
		return append(keys, feat1(16, p), feat1(17, w))
	case roleB0:
		return append(keys, feat1(8, w), feat1(9, p), feat1(10, wp), feat1(112, k8), feat1(113, k12))
	case roleB1:
		return append(keys, feat1(11, w), feat1(12, p), feat1(13, wp), feat1(115, k8))
	}
	return append(keys, feat1(14, w), feat1(15, p))
}

// row returns the role rows of the word (w, p, k8, k12), summing them on a miss (the
// clusters follow from w, so w and p are the key).
func (rc *roleCache) row(pm scorer, w, p, k8, k12 uint64, keys []uint64) (*roleRow, []uint64) {
	if rc.used == nil || rc.owner != pm {
		rc.lower, rc.tag = make([]uint64, roleCacheSize), make([]uint64, roleCacheSize)
		rc.used, rc.rows = make([]bool, roleCacheSize), make([]roleRow, roleCacheSize)
		rc.owner = pm
	}
	i := int(mix(w, p) & (roleCacheSize - 1))
	e := &rc.rows[i]
	if rc.used[i] && rc.lower[i] == w && rc.tag[i] == p {
		return e, keys
	}
	for r := range nroles {
		keys = fastRoleFeatures(keys[:0], r, w, p, k8, k12)
		pm.score(keys, e[r][:])
	}
	rc.lower[i], rc.tag[i], rc.used[i] = w, p, true
	return e, keys
}

// fastRoles fills w.roles with the role rows of each word of the sentence, the root (n)
// and no word (n+1), w.window with the scores of the buffer's window (fastWindowFeatures)
// with b0 at each word and at the root, and w.bias with the bias feature's scores.
func fastRoles(pm scorer, w *work) {
	c, n := &w.sent, len(w.words)
	w.roles = grow(w.roles, n+2)
	keys := w.buf.keys
	var e *roleRow
	for i := range n + 1 {
		e, keys = w.roleCache.row(pm, c.lw[i], c.tag[i], c.c8[i], c.c12[i], keys)
		w.roles[i] = *e
	}
	e, keys = w.roleCache.row(pm, noWord, noTag, cluNone, cluNone, keys)
	w.roles[n+1] = *e
	w.window = grow(w.window, n+1)
	for i := range n + 1 {
		keys = fastWindowFeatures(keys[:0], c, int32(i), n)
		pm.score(keys, w.window[i][:])
	}
	keys = append(keys[:0], feat1(1, 0))
	pm.score(keys, w.bias[:])
	w.buf.keys = keys
}

// fastParseSentence is parseSentence for the fast model, with the role rows of w.
func fastParseSentence(pm scorer, lm *linear, ls *labels, w *work) {
	c, s, b := &w.sent, &w.st, &w.buf
	fastRoles(pm, w)
	for !s.done() {
		mv := onlyMove(s)
		if mv < 0 {
			b.keys = fastPairFeatures(b.keys[:0], c, s)
			pm.score(b.keys, b.scores)
			w.addRoles(b.scores)
			mv = bestMove(s, b.scores)
		}
		w.applyLabelled(lm, ls, mv)
	}
}

// applyLabelled is applyLabelled for the fast model: the labeller's scores of the
// dependent and of the head alone come from w's cache of recent words (labelCache).
func (w *work) applyLabelled(lm *linear, ls *labels, move int) {
	c, s, b := &w.sent, &w.st, &w.buf
	var l int32 = none
	var wh uint64
	if move != shift {
		h, d := s.arc(move)
		l = ls.root
		if int(h) != s.n {
			b.keys = w.labelCache.add(lm, false, c.lw[d], c.tag[d], c.c8[d], c.c12[d], b.keys, b.lscores, true)
			b.keys = w.labelCache.add(lm, true, c.lw[h], c.tag[h], c.c8[h], c.c12[h], b.keys, b.lscores, false)
			b.keys = fastLabelPair(b.keys[:0], c, s, h, d)
			lm.add(b.keys, b.lscores)
			l = bestLabel(b.lscores, ls.root)
		}
		wh = c.lw[d]
	}
	s.apply(move, l, wh, ls.isMarker(l))
}

// labelCache keeps the fast labeller's scores of recent words alone, as the dependent
// and as the head, by lowercase hash, tag and role.
type labelCache struct {
	owner      *linear
	lower, tag []uint64
	used       []bool
	scores     []float32 // nclass per entry
}

const labelCacheSize = 4096 // entries (a power of two): 830 KB with 51 labels

// add copies (first) or adds the scores of the word (w, p, k8, k12) in its role to scores.
func (lc *labelCache) add(lm *linear, head bool, w, p, k8, k12 uint64, keys []uint64, scores []float32, first bool) []uint64 {
	nclass := len(scores)
	if lc.used == nil || lc.owner != lm {
		lc.lower, lc.tag = make([]uint64, labelCacheSize), make([]uint64, labelCacheSize)
		lc.used, lc.scores = make([]bool, labelCacheSize), make([]float32, labelCacheSize*nclass)
		lc.owner = lm
	}
	role := uint64(0)
	if head {
		role = 1
	}
	i := int(mix(pair(w, p), role) & (labelCacheSize - 1))
	e := lc.scores[i*nclass : (i+1)*nclass]
	if !lc.used[i] || lc.lower[i] != w || lc.tag[i] != p<<1|role {
		keys = fastLabelRole(keys[:0], head, w, p, k8, k12)
		lm.score(keys, e)
		lc.lower[i], lc.tag[i], lc.used[i] = w, p<<1|role, true
	}
	if first {
		copy(scores, e)
	} else {
		addFloats(scores, e)
	}
	return keys
}

// addRoles adds the bias, the role rows of the words in each position and the window row
// of b0 to scores.
func (w *work) addRoles(scores []float32) {
	s, n := &w.st, int32(len(w.words))
	at := func(i int32) *roleRow {
		if i == none || i > n {
			return &w.roles[n+1]
		}
		return &w.roles[i]
	}
	r0, r1, r2 := at(s.top(0)), at(s.top(1)), at(s.top(2))
	q0, q1, q2 := at(s.b), at(s.b+1), at(s.b+2)
	win := &w.window[s.b]
	for mv := range nmoves {
		scores[mv] += w.bias[mv] + r0[roleS0][mv] + r1[roleS1][mv] + r2[roleS2][mv] +
			q0[roleB0][mv] + q1[roleB1][mv] + q2[roleB2][mv] + win[mv]
	}
}
