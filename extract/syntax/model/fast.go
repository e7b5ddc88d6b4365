package model

import (
	"bytes"
	_ "embed"
	"fmt"
	"sync"
)

// The fast model (extract.parser fast, docs/syntax.md "The fast model") is a tagger and
// one greedy parser trained with other feature sets than the default model's, chosen for
// few table lookups per word: the templates that read one word (or one position) are
// summed once per word and kept in caches, so they cost next to nothing, and few read
// more than that. One tagging pass with 29 templates, of which 3 read the tags before the
// word (the full tagger: two passes, 41 + 10); a transition classifier with 44 (101), of
// which 15 are looked up at each scored step, 6 once per word (the buffer's window) and
// 22 come from the per-word cache; a labeller with 17 (36), of which 7 are looked up per
// arc. Fewer lookups, and tables small enough to stay in the processor's caches, buy the
// speed; the price is accuracy (docs/syntax.md has the figures).

// The feature sets a model file names after its parsers (files without the field: full).
// featuresFastV1 named the first fast sets (perf-fast, perf-parse), no longer computed.
const (
	featuresFull   = 1
	featuresFastV1 = 2
	featuresFast   = 3
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
// neighbours' words, suffixes, shapes and clusters (fastTagAs), the previous two tags and
// the previous tag with the suffix (fastTagTags). The first two kinds read one word each,
// so that their scores can be kept per word (wordScores).
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
		feat1(6, w.pre[0]), feat1(7, w.pre[1]), feat1(8, w.pre[2]),
		feat1(9, w.suf[0]), feat1(10, w.suf[1]), feat1(11, w.suf[2]), feat1(12, w.suf[3]),
		feat1(60, w.c4), feat1(61, w.c8), feat1(62, w.c12), feat2(67, w.c12, w.suf[2]),
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
		return append(keys, feat1(13, w.lower), feat1(17, w.suf[2]), feat1(20, w.shape), feat1(63, w.c8))
	case asNext:
		return append(keys, feat1(14, w.lower), feat1(18, w.suf[2]), feat1(19, w.shape), feat1(64, w.c8))
	}
	return append(keys, feat1(16, w.lower), feat1(66, w.c6))
}

// fastTagTags appends the fast tagger's features of the tags before word i: those of the
// tags alone (fastTagHistory), then the previous tag with the word's suffix.
func fastTagTags(keys []uint64, ws []wordInfo, tags []int32, i int) []uint64 {
	t1 := tagAt(tags, i-1)
	keys = fastTagHistory(keys, t1, tagAt(tags, i-2))
	return append(keys, feat2(26, t1, ws[i].suf[2]))
}

// fastTagHistory appends the fast tagger's features of the previous two tags alone.
func fastTagHistory(keys []uint64, t1, t2 uint64) []uint64 {
	return append(keys, feat1(21, t1), feat2(22, t1, t2))
}

// fastParseFeatures appends the fast transition classifier's features: the templates of
// one position (fastRoleFeatures: words, tags, word+tag and clusters of s0..s2, b0..b2)
// and of the buffer's window (fastWindowFeatures) first, whose scores parsing adds per
// word (fastparse.go); then the few that read the stack with the buffer, the children,
// distances and valency (fastPairFeatures).
func fastParseFeatures(keys []uint64, c *sent, s *state) []uint64 {
	s0, s1, s2, b0, b1, b2 := s.positions()
	keys = append(keys, feat1(1, 0))
	for r, i := range [nroles]int32{s0, s1, s2, b0, b1, b2} {
		keys = fastRoleFeatures(keys, r, c.w(i), c.p(i), c.k8(i), c.k12(i))
	}
	keys = fastWindowFeatures(keys, c, s.b, s.n)
	return fastPairFeatures(keys, c, s)
}

// fastWindowFeatures appends the fast transition classifier's features of the buffer's
// first words, b0 to b3: in arc-hybrid they are the words b0, b0+1, ... of the sentence
// whatever the stack holds, so parsing sums them once per word of the sentence
// (fastRoles) rather than at every step.
func fastWindowFeatures(keys []uint64, c *sent, b0 int32, n int) []uint64 {
	b := [4]int32{b0, b0 + 1, b0 + 2, b0 + 3}
	for i := 1; i < 4; i++ {
		if int(b[i]) > n {
			b[i] = none
		}
	}
	pb0, pb1, pb2, pb3 := c.p(b[0]), c.p(b[1]), c.p(b[2]), c.p(b[3])
	return append(keys,
		feat2(25, pb0, pb1), feat3(33, pb0, pb1, pb2), feat1(39, pb3), feat3(40, pb1, pb2, pb3),
		feat2(41, c.w(b[0]), c.w(b[1])), feat2(44, c.w(b[1]), c.w(b[2])),
	)
}

// fastPairFeatures appends the fast transition classifier's features that read more than
// one position.
func fastPairFeatures(keys []uint64, c *sent, s *state) []uint64 {
	s0, s1, s2, b0, b1, _ := s.positions()
	ps0, ps1, pb0, pb1 := c.p(s0), c.p(s1), c.p(b0), c.p(b1)
	keys = append(keys, feat2(26, ps1, ps0), feat3(34, ps0, pb0, pb1), feat3(36, c.p(s2), ps1, ps0))
	return fastContextFeatures(keys, c, s, s0, s1, b0)
}

// fastContextFeatures appends the fast parser's features of children, distance, valency
// and the words between s0 and b0.
func fastContextFeatures(keys []uint64, c *sent, s *state, s0, s1, b0 int32) []uint64 {
	s0l1, s0r1, b0l1 := get(s.lc1, s0), get(s.rc1, s0), get(s.lc1, b0)
	ps0, ps1, pb0 := c.p(s0), c.p(s1), c.p(b0)
	d := dist(s0, b0)
	pc := between(c.punct, s0, b0)
	return append(keys,
		feat1(52, lab(s, s0l1)), feat1(55, lab(s, s0r1)), feat1(58, lab(s, b0l1)),
		feat3(65, ps0, c.p(s0l1), pb0), feat3(67, ps0, pb0, c.p(b0l1)), feat3(75, pb0, lab(s, b0l1), ps0),
		feat2(80, c.w(s0), d), feat3(85, ps0, pb0, d), feat3(86, ps1, ps0, dist(s1, s0)),
		feat2(91, ps0, uint64(get(s.nl, s0))), feat2(93, pb0, uint64(get(s.nl, b0))),
		feat3(47, ps0, pb0, pc),
	)
}

// fastLabelFeatures appends the fast labeller's features for the arc h -> d: those of d
// and of h alone (fastLabelRole), then the others (fastLabelPair).
func fastLabelFeatures(keys []uint64, c *sent, s *state, h, d int32) []uint64 {
	keys = fastLabelRole(keys, false, c.w(d), c.p(d), c.k8(d), c.k12(d))
	keys = fastLabelRole(keys, true, c.w(h), c.p(h), c.k8(h), c.k12(h))
	return fastLabelPair(keys, c, s, h, d)
}

// fastLabelRole appends the fast labeller's features of one word (lowercase hash w, tag
// p, 8-bit cluster k8) as the dependent (with the bias) or as the head.
func fastLabelRole(keys []uint64, head bool, w, p, k8, k12 uint64) []uint64 {
	if head {
		return append(keys, feat1(5, w), feat1(6, p), feat1(7, pair(w, p)), feat1(32, k8))
	}
	return append(keys, feat1(1, 0), feat1(2, w), feat1(3, p), feat1(4, pair(w, p)), feat1(30, k8), feat1(31, k12))
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
		feat3(8, pd, ph, dir),
		feat2(13, s.lmask[d], pd), feat2(14, s.rmask[d], pd), feat2(15, pd, lab(s, s.lc1[d])),
		feat3(18, s.marker[d], pd, ph), feat3(20, ph, s.lmask[h], dir), feat3(25, pd, c.p(prev), dir),
	)
}

// tagFast tags w's words with the fast tagger, as tagSentence does but taking the scores of
// the features that read one word (fastTagWord, fastTagAs) from w's cache of recent words
// (frequent words are looked up once per cache entry instead of 26 times per occurrence)
// and those of the previous two tags from its cache of tag pairs (tagHistory). The sums
// are those of tagSentence up to the order of the additions.
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
		t1, t2 := tagAt(w.tags, i-1), tagAt(w.tags, i-2)
		keys = w.tagHistory.add(m.tagger, t1, t2, nclass, keys, scores)
		keys = append(keys[:0], feat2(26, t1, w.words[i].suf[2]))
		m.tagger.add(keys, scores)
		w.tags[i] = int32(argmaxAll(scores))
	}
	w.buf.keys = keys
}

// wordScores is a two-way set-associative cache of the fast tagger's scores of the
// features that read one word, by word (its form and lowercase hashes), one per pooled
// work. It keeps each word's description too (the hashes of its affixes and shape, its
// clusters), which describe computes.
type wordScores struct {
	owner       *linear // the tagger the scores were summed with
	form, lower []uint64
	used        []bool
	recent      []uint8   // per set of two entries: the one used last (0 or 1)
	scores      []float32 // nparts * nclass per entry
	info        []wordInfo
}

// wordCacheSize is the number of entries (a power of two): 13.5 MB of scores with 103
// classes, 1 MB of descriptions. Over EWT dev (second pass), 8,192 entries in sets of two
// hold 91 % of the words (4,096: 83 %; 2,048 direct-mapped: 63 %); a miss costs 26
// lookups. Cachegrind, one pass over dev: 8 % fewer instructions than with 4,096 and no
// more last-level misses (4 MiB).
const wordCacheSize = 8192

// find returns the entry of the word (form, lower) and whether it holds it; when it does
// not, the entry to fill.
func (c *wordScores) find(form, lower uint64) (int, bool) {
	i := int(pair(form, lower)&(wordCacheSize-1)) &^ 1
	for j := i; j < i+2; j++ {
		if c.used[j] && c.form[j] == form && c.lower[j] == lower {
			c.recent[i>>1] = uint8(j - i)
			return j, true
		}
	}
	return i + 1 - int(c.recent[i>>1]), false
}

// describe fills wi for the word s as describe does, from the entry of s when it has one.
func (c *wordScores) describe(s string, wi *wordInfo, ct *clusterTable) {
	form, lower := strHash(s, false), strHash(s, true)
	if c.used != nil {
		if i, ok := c.find(form, lower); ok {
			*wi = c.info[i]
			return
		}
	}
	describe(s, wi, ct)
}

// entry returns the index of w's entry, summing its scores on a miss; keys is scratch.
func (c *wordScores) entry(l *linear, w *wordInfo, nclass int, keys []uint64) (int, []uint64) {
	if c.used == nil || c.owner != l {
		c.form, c.lower = make([]uint64, wordCacheSize), make([]uint64, wordCacheSize)
		c.used, c.scores = make([]bool, wordCacheSize), make([]float32, wordCacheSize*nparts*nclass)
		c.info, c.owner = make([]wordInfo, wordCacheSize), l
		c.recent = make([]uint8, wordCacheSize/2)
	}
	i, ok := c.find(w.form, w.lower)
	if ok {
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
	c.recent[i>>1] = uint8(i & 1)
	return i, keys
}

// part returns the scores of part in entry i.
func (c *wordScores) part(i, part, nclass int) []float32 {
	off := (i*nparts + part) * nclass
	return c.scores[off : off+nclass]
}

// tagHistory is a direct-mapped cache of the fast tagger's scores of the previous two
// tags alone (fastTagHistory), by the pair of tags: a few hundred pairs make most of any
// text, so a tagged word adds one cached row instead of looking up two features.
type tagHistory struct {
	owner  *linear
	key    []uint64 // t1<<16 | t2, plus one (0: empty)
	scores []float32
}

const tagHistorySize = 512 // entries (a power of two): 210 KB with 103 classes

// add adds the scores of the tags (t1, t2) to scores, summing them on a miss; keys is
// scratch.
func (c *tagHistory) add(l *linear, t1, t2 uint64, nclass int, keys []uint64, scores []float32) []uint64 {
	if c.key == nil || c.owner != l {
		c.key, c.scores, c.owner = make([]uint64, tagHistorySize), make([]float32, tagHistorySize*nclass), l
	}
	k := t1<<16 | t2 + 1
	i := int(mix(k, 0x9E37) & (tagHistorySize - 1))
	e := c.scores[i*nclass : (i+1)*nclass]
	if c.key[i] != k {
		keys = fastTagHistory(keys[:0], t1, t2)
		l.score(keys, e)
		c.key[i] = k
	}
	addFloats(scores, e)
	return keys
}
