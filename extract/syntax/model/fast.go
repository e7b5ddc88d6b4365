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
// far for the words before it: the word, its affixes, shape and cluster, its neighbours'
// words and clusters, the previous two tags. The first nine read only the word
// (fastTagWord), so that their scores can be kept per word (wordScores).
func fastTagFeatures(keys []uint64, ws []wordInfo, tags []int32, i int) []uint64 {
	return fastTagContext(fastTagWord(keys, &ws[i]), ws, tags, i)
}

// fastTagWord appends the fast tagger's features that read only the word.
func fastTagWord(keys []uint64, w *wordInfo) []uint64 {
	return append(keys,
		feat1(1, 0), feat1(2, w.form), feat1(3, w.lower), feat1(4, w.shape), feat1(5, w.flags),
		feat1(8, w.pre[2]), feat1(10, w.suf[1]), feat1(11, w.suf[2]), feat1(12, w.suf[3]),
	)
}

// fastTagContext appends the rest of the fast tagger's features for word i.
func fastTagContext(keys []uint64, ws []wordInfo, tags []int32, i int) []uint64 {
	w, p1, n1, n2 := &ws[i], at(ws, i-1), at(ws, i+1), at(ws, i+2)
	t1, t2 := tagAt(tags, i-1), tagAt(tags, i-2)
	return append(keys,
		feat1(13, p1.lower), feat1(14, n1.lower), feat1(18, n1.suf[2]),
		feat1(21, t1), feat2(22, t1, t2), feat2(26, t1, w.suf[2]), feat2(27, uint64(min(i, 1)), w.flags),
		feat1(61, w.c8), feat1(62, w.c12), feat1(64, n1.c8), feat1(66, n2.c6), feat2(68, t1, w.c8),
	)
}

// fastParseFeatures appends the fast transition classifier's features: mostly tags, the
// words of s0, b0 and b1, clusters in place of word pairs.
func fastParseFeatures(keys []uint64, c *sent, s *state) []uint64 {
	s0, s1, s2 := s.top(0), s.top(1), s.top(2)
	b0, b1, b2 := s.b, s.b+1, s.b+2
	if int(b1) > s.n {
		b1 = none
	}
	if int(b2) > s.n {
		b2 = none
	}
	ps0, ps1, pb0, pb1, pb2 := c.p(s0), c.p(s1), c.p(b0), c.p(b1), c.p(b2)
	keys = append(keys,
		feat1(1, 0), feat1(2, c.w(s0)), feat1(3, ps0), feat1(4, wp(c, s0)),
		feat1(6, ps1), feat1(7, wp(c, s1)),
		feat1(8, c.w(b0)), feat1(9, pb0), feat1(10, wp(c, b0)),
		feat1(11, c.w(b1)), feat1(12, pb1), feat1(15, pb2), feat1(16, c.p(s2)),
		feat2(21, wp(c, s0), pb0), feat2(22, ps0, wp(c, b0)), feat2(24, ps0, pb0), feat2(25, pb0, pb1),
		feat2(26, ps1, ps0), feat2(31, ps1, pb0),
		feat3(33, pb0, pb1, pb2), feat3(34, ps0, pb0, pb1), feat3(35, ps1, ps0, pb0), feat3(36, c.p(s2), ps1, ps0),
		feat1(110, c.k8(s0)), feat1(112, c.k8(b0)),
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

// fastLabelFeatures appends the fast labeller's features for the arc h -> d.
func fastLabelFeatures(keys []uint64, c *sent, s *state, h, d int32) []uint64 {
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
		feat1(1, 0), feat1(2, c.w(d)), feat1(3, pd), feat1(4, wp(c, d)), feat1(5, c.w(h)), feat1(6, ph),
		feat3(8, pd, ph, dir), feat3(9, c.w(d), ph, dir), feat3(10, pd, c.w(h), dir),
		feat3(12, pair(pd, ph), dir, dist(d, h)),
		feat2(13, s.lmask[d], pd), feat2(14, s.rmask[d], pd), feat2(15, pd, lab(s, s.lc1[d])),
		feat3(18, s.marker[d], pd, ph), feat3(20, ph, s.lmask[h], dir), feat3(25, pd, c.p(prev), dir),
		feat1(30, c.k8(d)), feat3(33, c.k8(d), ph, dir), feat3(34, pd, c.k8(h), dir),
		feat3(29, pair(pd, ph), dir, uint64(s.nl[d])+8*uint64(s.nr[d])),
	)
}

// tagFast tags w's words with the fast tagger, as tagSentence does but taking the scores of
// each word's own features (fastTagWord) from w's cache of recent words: frequent words are
// looked up once per cache entry instead of nine times per occurrence. The sums are the same
// (the word's rows come first in fastTagFeatures, and linear.add continues them in order).
func (m *Model) tagFast(w *work) {
	nclass := len(m.upos)
	scores := w.buf.scores[:nclass]
	keys := w.buf.keys
	for i := range w.words {
		var prefix []float32
		prefix, keys = w.wordScores.get(m.tagger, &w.words[i], nclass, keys)
		copy(scores, prefix)
		keys = fastTagContext(keys[:0], w.words, w.tags, i)
		m.tagger.add(keys, scores)
		w.tags[i] = int32(argmax(scores, nil))
	}
	w.buf.keys = keys
}

// wordScores is a direct-mapped cache of the fast tagger's scores of fastTagWord, by word
// (its form and lowercase hashes), one per pooled work.
type wordScores struct {
	form, lower []uint64
	used        []bool
	scores      []float32 // nclass per entry
}

const wordCacheSize = 2048 // entries (a power of two): 850 KB of scores with 103 classes

// get returns the scores of w's own features, computing and keeping them on a miss; keys
// is scratch.
func (c *wordScores) get(l *linear, w *wordInfo, nclass int, keys []uint64) ([]float32, []uint64) {
	if c.used == nil {
		c.form, c.lower = make([]uint64, wordCacheSize), make([]uint64, wordCacheSize)
		c.used, c.scores = make([]bool, wordCacheSize), make([]float32, wordCacheSize*nclass)
	}
	i := int(mix(w.form, w.lower) & (wordCacheSize - 1))
	row := c.scores[i*nclass : (i+1)*nclass]
	if c.used[i] && c.form[i] == w.form && c.lower[i] == w.lower {
		return row, keys
	}
	keys = fastTagWord(keys[:0], w)
	l.score(keys, row)
	c.form[i], c.lower[i], c.used[i] = w.form, w.lower, true
	return row, keys
}
