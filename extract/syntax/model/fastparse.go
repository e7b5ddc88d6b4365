package model

// The fast parser's transition scores, read per word where they can be (fast model only).
//
// Fifteen of the fast transition classifier's templates read one position of the stack or
// buffer alone (fastRoleFeatures: the word, tag, word+tag and cluster of s0 and b0, ...),
// and a word's features there are the same at every step of every sentence in which it
// has the same tag. So their scores are summed once per word and tag, kept in a cache (per
// pooled work, direct-mapped, like the tagger's word cache), copied once per sentence into
// one row per word, and each step adds six rows to the scores of its other templates
// (fastPairFeatures) instead of looking up fifteen features. The sum is the same as that
// of all the templates in one list up to the order of the additions (float rounding).

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

// fastRoleFeatures appends the features of a word (lowercase hash w, tag p, 8-bit
// cluster k8) in position r.
func fastRoleFeatures(keys []uint64, r int, w, p, k8 uint64) []uint64 {
	wp := pair(w, p)
	switch r {
	case roleS0:
		return append(keys, feat1(2, w), feat1(3, p), feat1(4, wp), feat1(110, k8))
	case roleS1:
		return append(keys, feat1(6, p), feat1(7, wp))
	case roleS2:
		return append(keys, feat1(16, p))
	case roleB0:
		return append(keys, feat1(8, w), feat1(9, p), feat1(10, wp), feat1(112, k8))
	case roleB1:
		return append(keys, feat1(11, w), feat1(12, p))
	}
	return append(keys, feat1(15, p))
}

// row returns the role rows of the word (w, p, k8), summing them on a miss.
func (rc *roleCache) row(pm scorer, w, p, k8 uint64, keys []uint64) (*roleRow, []uint64) {
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
		keys = fastRoleFeatures(keys[:0], r, w, p, k8)
		pm.score(keys, e[r][:])
	}
	rc.lower[i], rc.tag[i], rc.used[i] = w, p, true
	return e, keys
}

// fastRoles fills w.roles with the role rows of each word of the sentence, the root (n)
// and no word (n+1), and w.bias with the bias feature's scores.
func fastRoles(pm scorer, w *work) {
	c, n := &w.sent, len(w.words)
	w.roles = grow(w.roles, n+2)
	keys := w.buf.keys
	var e *roleRow
	for i := range n + 1 {
		e, keys = w.roleCache.row(pm, c.lw[i], c.tag[i], c.c8[i], keys)
		w.roles[i] = *e
	}
	e, keys = w.roleCache.row(pm, noWord, noTag, cluNone, keys)
	w.roles[n+1] = *e
	keys = append(keys[:0], feat1(1, 0))
	pm.score(keys, w.bias[:])
	w.buf.keys = keys
}

// fastParseSentence is parseSentence for the fast model, with the role rows of w.
func fastParseSentence(pm, lm scorer, ls *labels, w *work) {
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
		applyLabelled(lm, ls, c, s, mv, b)
	}
}

// addRoles adds the bias and the role rows of the words in each position to scores.
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
	for mv := range nmoves {
		scores[mv] += w.bias[mv] + r0[roleS0][mv] + r1[roleS1][mv] + r2[roleS2][mv] +
			q0[roleB0][mv] + q1[roleB1][mv] + q2[roleB2][mv]
	}
}
