package model

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The fast model (extract.parser fast, docs/syntax.md "The fast model") is a tagger and
// one greedy parser trained with smaller feature sets than the default model's: one tagging
// pass with 21 templates (the full tagger: two passes, 41 + 10), a transition classifier
// with 48 (101) and a labeller with 20 (36). Fewer lookups per word, and tables small
// enough to stay in the processor's caches, buy the speed; the price is accuracy.

// The feature sets a model file names after its parsers (files without the field: full).
const (
	featuresFull = 1
	featuresFast = 2
)

//go:embed fast.model
var embeddedFast []byte

var (
	fastOnce  sync.Once
	fastModel *Model
	fastErr   error
)

// Fast returns the embedded fast model, loaded once per process and shared by every
// caller.
func Fast() (*Model, error) {
	fastOnce.Do(func() {
		fastModel, fastErr = Load(bytes.NewReader(embeddedFast))
		if fastErr != nil {
			fastErr = fmt.Errorf("embedded fast syntax model: %w", fastErr)
		}
	})
	return fastModel, fastErr
}

// Choose returns the model of a parser setting (extract.parser, extract.beam): the fast
// model (fast), else the default model's first parser alone (single) or its ensemble; with
// the given beam width when beam > 0, else the model's own.
func Choose(fast, single bool, beam int) (*Model, error) {
	var m *Model
	var err error
	if fast {
		m, err = Fast()
	} else {
		m, err = Default()
	}
	if err != nil {
		return nil, err
	}
	if single {
		m = m.FirstParser()
	}
	if beam > 0 {
		m = m.WithBeam(beam)
	}
	return m, nil
}

// IsFast tells whether m uses the fast feature sets.
func (m *Model) IsFast() bool { return m.fast }

// fastTagFeatures appends the fast tagger's features for word i given the tags chosen so
// far for the words before it: the word, its affixes, shape and cluster (fastTagWord), its
// neighbours' words and clusters (fastTagAs), the previous two tags (fastTagTags). The
// first two kinds read one word each, so that their scores can be kept per word
// (wordScores).
func fastTagFeatures(keys []uint64, ws []wordInfo, tags []int32, i int) []uint64 {
	keys = fastTagWord(keys, &ws[i])
	keys = fastTagAs(keys, asPrev, at(ws, i-1))
	keys = fastTagAs(keys, asNext, at(ws, i+1))
	keys = fastTagAs(keys, asNext2, at(ws, i+2))
	return fastTagTags(keys, ws, tags, i)
}

// fastTagWord appends the fast tagger's features that read only the word.
func fastTagWord(keys []uint64, w *wordInfo) []uint64 {
	return append(keys,
		feat1(1, 0), feat1(2, w.form), feat1(3, w.lower), feat1(4, w.shape), feat1(5, w.flags),
		feat1(8, w.pre[2]), feat1(10, w.suf[1]), feat1(11, w.suf[2]), feat1(12, w.suf[3]),
		feat1(61, w.c8), feat1(62, w.c12),
	)
}

// The parts of a wordScores entry: the word's own features, and its features as the word
// before, after and two after the one being tagged.
const (
	asSelf = iota
	asPrev
	asNext
	asNext2
	nparts
)

// fastTagAs appends the fast tagger's features of the neighbour w in position part.
func fastTagAs(keys []uint64, part int, w *wordInfo) []uint64 {
	switch part {
	case asPrev:
		return append(keys, feat1(13, w.lower))
	case asNext:
		return append(keys, feat1(14, w.lower), feat1(18, w.suf[2]), feat1(64, w.c8))
	}
	return append(keys, feat1(66, w.c6))
}

// fastTagTags appends the fast tagger's features of the tags before word i.
func fastTagTags(keys []uint64, ws []wordInfo, tags []int32, i int) []uint64 {
	w := &ws[i]
	t1, t2 := tagAt(tags, i-1), tagAt(tags, i-2)
	return append(keys,
		feat1(21, t1), feat2(22, t1, t2), feat2(26, t1, w.suf[2]), feat2(27, uint64(min(i, 1)), w.flags),
		feat2(68, t1, w.c8),
	)
}

// fastParseFeatures appends the fast transition classifier's features: mostly tags, the
// words of s0, b0 and b1, clusters in place of word pairs. The templates of one position
// (fastRoleFeatures) come first; parsing adds their scores per word (fastparse.go).
func fastParseFeatures(keys []uint64, c *sent, s *state) []uint64 {
	s0, s1, s2, b0, b1, b2 := s.positions()
	keys = append(keys, feat1(1, 0))
	for r, i := range [nroles]int32{s0, s1, s2, b0, b1, b2} {
		keys = fastRoleFeatures(keys, r, c.w(i), c.p(i), c.k8(i))
	}
	return fastPairFeatures(keys, c, s)
}

// fastPairFeatures appends the fast transition classifier's features that read more than
// one position.
func fastPairFeatures(keys []uint64, c *sent, s *state) []uint64 {
	s0, s1, s2, b0, b1, b2 := s.positions()
	ps0, ps1, pb0, pb1, pb2 := c.p(s0), c.p(s1), c.p(b0), c.p(b1), c.p(b2)
	keys = append(keys,
		feat2(21, wp(c, s0), pb0), feat2(22, ps0, wp(c, b0)), feat2(24, ps0, pb0), feat2(25, pb0, pb1),
		feat2(26, ps1, ps0), feat2(31, ps1, pb0),
		feat3(33, pb0, pb1, pb2), feat3(34, ps0, pb0, pb1), feat3(35, ps1, ps0, pb0), feat3(36, c.p(s2), ps1, ps0),
		feat2(116, c.k8(s0), pb0), feat2(117, ps0, c.k8(b0)), feat2(118, c.k8(s0), c.k8(b0)),
	)
	return fastContextFeatures(keys, c, s, s0, s1, b0)
}

// fastContextFeatures appends the fast parser's features of children, distance, valency
// and the words between s0 and b0.
func fastContextFeatures(keys []uint64, c *sent, s *state, s0, s1, b0 int32) []uint64 {
	s0l1, s0r1, b0l1, s1r1 := get(s.lc1, s0), get(s.rc1, s0), get(s.lc1, b0), get(s.rc1, s1)
	ps0, ps1, pb0 := c.p(s0), c.p(s1), c.p(b0)
	d := dist(s0, b0)
	pc, vc := between(c.punct, s0, b0), between(c.verb, s0, b0)
	vr := between(c.verb, b0, int32(s.n))
	return append(keys,
		feat1(52, lab(s, s0l1)), feat1(55, lab(s, s0r1)), feat1(58, lab(s, b0l1)),
		feat3(65, ps0, c.p(s0l1), pb0), feat3(66, ps0, c.p(s0r1), pb0), feat3(67, ps0, pb0, c.p(b0l1)),
		feat2(73, lab(s, s1r1), ps0), feat3(74, ps0, lab(s, s0l1), lab(s, s0r1)), feat3(75, pb0, lab(s, b0l1), ps0),
		feat2(80, c.w(s0), d), feat3(85, ps0, pb0, d), feat3(86, ps1, ps0, dist(s1, s0)),
		feat2(89, ps0, uint64(get(s.nr, s0))), feat2(91, ps0, uint64(get(s.nl, s0))), feat2(93, pb0, uint64(get(s.nl, b0))),
		feat3(100, ps0, pb0, uint64(len(s.stack))&7),
		feat3(101, ps0, pb0, vr), feat3(47, ps0, pb0, pc), feat3(48, ps0, pb0, vc),
	)
}

// fastLabelFeatures appends the fast labeller's features for the arc h -> d: those of d
// and of h alone (fastLabelRole), then the others (fastLabelPair).
func fastLabelFeatures(keys []uint64, c *sent, s *state, h, d int32) []uint64 {
	keys = fastLabelRole(keys, false, c.w(d), c.p(d), c.k8(d))
	keys = fastLabelRole(keys, true, c.w(h), c.p(h), c.k8(h))
	return fastLabelPair(keys, c, s, h, d)
}

// fastLabelRole appends the fast labeller's features of one word (lowercase hash w, tag
// p, 8-bit cluster k8) as the dependent (with the bias) or as the head.
func fastLabelRole(keys []uint64, head bool, w, p, k8 uint64) []uint64 {
	if head {
		return append(keys, feat1(5, w), feat1(6, p))
	}
	return append(keys, feat1(1, 0), feat1(2, w), feat1(3, p), feat1(4, pair(w, p)), feat1(30, k8))
}

// fastLabelPair appends the fast labeller's features that read both words or their
// children.
func fastLabelPair(keys []uint64, c *sent, s *state, h, d int32) []uint64 {
	dir := uint64(1)
	if d > h {
		dir = 2
	}
	pd, ph := c.p(d), c.p(h)
	prev := d - 1
	if prev < 0 {
		prev = none
	}
	return append(keys,
		feat3(8, pd, ph, dir), feat3(9, c.w(d), ph, dir), feat3(10, pd, c.w(h), dir),
		feat3(12, pair(pd, ph), dir, dist(d, h)),
		feat2(13, s.lmask[d], pd), feat2(14, s.rmask[d], pd), feat2(15, pd, lab(s, s.lc1[d])),
		feat3(18, s.marker[d], pd, ph), feat3(20, ph, s.lmask[h], dir), feat3(25, pd, c.p(prev), dir),
		feat3(33, c.k8(d), ph, dir), feat3(34, pd, c.k8(h), dir),
		feat3(29, pair(pd, ph), dir, uint64(s.nl[d])+8*uint64(s.nr[d])),
	)
}

// tagFast tags w's words with the fast tagger, as tagSentence does but taking the scores of
// the features that read one word (fastTagWord, fastTagAs) from w's cache of recent words:
// frequent words are looked up once per cache entry instead of sixteen times per
// occurrence. The sums are those of tagSentence up to the order of the additions.
func (m *Model) tagFast(w *work) {
	nclass := len(m.upos)
	scores := w.buf.scores[:nclass]
	keys := w.buf.keys
	c := &w.wordScores
	for i := range w.words {
		var e int
		e, keys = c.entry(m.tagger, &w.words[i], nclass, keys)
		copy(scores, c.part(e, asSelf, nclass))
		for part, j := range [...]int{asPrev: i - 1, asNext: i + 1, asNext2: i + 2} {
			if part != asSelf {
				e, keys = c.entry(m.tagger, at(w.words, j), nclass, keys)
				addFloats(scores, c.part(e, part, nclass))
			}
		}
		keys = fastTagTags(keys[:0], w.words, w.tags, i)
		m.tagger.add(keys, scores)
		w.tags[i] = int32(argmaxAll(scores))
	}
	w.buf.keys = keys
}

// wordScores is a direct-mapped cache of the fast tagger's scores of the features that
// read one word, by word (its form and lowercase hashes), one per pooled work. It keeps
// each word's description too (the hashes of its affixes and shape, its clusters), which
// describe computes.
type wordScores struct {
	owner       *linear // the tagger the scores were summed with
	form, lower []uint64
	used        []bool
	scores      []float32 // nparts * nclass per entry
	info        []wordInfo
}

// describe fills wi for the word s as describe does, from the entry of s when it has one.
func (c *wordScores) describe(s string, wi *wordInfo, ct *clusterTable) {
	form, lower := strHash(s, false), strHash(s, true)
	if c.used != nil {
		i := int(pair(form, lower) & (wordCacheSize - 1))
		if c.used[i] && c.form[i] == form && c.lower[i] == lower {
			*wi = c.info[i]
			return
		}
	}
	describe(s, wi, ct)
}

const wordCacheSize = 2048 // entries (a power of two): 3.3 MB of scores with 102 classes, 250 KB of descriptions

// entry returns the index of w's entry, summing its scores on a miss; keys is scratch.
func (c *wordScores) entry(l *linear, w *wordInfo, nclass int, keys []uint64) (int, []uint64) {
	if c.used == nil || c.owner != l {
		c.form, c.lower = make([]uint64, wordCacheSize), make([]uint64, wordCacheSize)
		c.used, c.scores = make([]bool, wordCacheSize), make([]float32, wordCacheSize*nparts*nclass)
		c.info, c.owner = make([]wordInfo, wordCacheSize), l
	}
	i := int(pair(w.form, w.lower) & (wordCacheSize - 1))
	if c.used[i] && c.form[i] == w.form && c.lower[i] == w.lower {
		return i, keys
	}
	for part := range nparts {
		if part == asSelf {
			keys = fastTagWord(keys[:0], w)
		} else {
			keys = fastTagAs(keys[:0], part, w)
		}
		l.score(keys, c.part(i, part, nclass))
	}
	c.form[i], c.lower[i], c.used[i], c.info[i] = w.form, w.lower, true, *w
	return i, keys
}

// part returns the scores of part in entry i.
func (c *wordScores) part(i, part, nclass int) []float32 {
	off := (i*nparts + part) * nclass
	return c.scores[off : off+nclass]
}
