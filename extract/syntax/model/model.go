// Package model tags and parses English sentences: UPOS and XPOS tags and a labelled
// Universal Dependencies basic tree (with UD English EWT's subtypes) for a sentence given as
// words in the treebank's convention. See docs/syntax.md for the method and its figures.
package model

import (
	"bytes"
	_ "embed"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Tree is the analysis of one sentence of n words; all slices have length n.
type Tree struct {
	UPOS, XPOS []string
	Lemma      []string // "_" when the model does not know the lemma
	Head       []int    // 0 = root, else the 1-based index of the head word
	Deprel     []string // UD basic relation with EWT subtypes (nsubj:pass, obl:agent, ...)
}

// Model is a trained tagger and parser. It is safe for concurrent use.
type Model struct {
	header     string   // the model file's text header (credit, licence, scores)
	upos, xpos []string // the tagger's classes: UPOS and XPOS of each
	tagger     *linear  // first tagging pass
	tagger2    *linear  // second pass (sees the first pass's tags to the right)
	parser     *linear  // transition classifier
	labeller   *linear  // arc label classifier
	labels     labels
	kinds      []uint8 // kind of each tag (tagKinds)
	clusters   *clusterTable
	beam       int     // beam width (1 = greedy)
	reverse    bool    // the parser reads the sentence right to left
	weight     float32 // the weight of the parser's arcs in the ensemble's vote
	ensemble   []part  // further parsers whose trees vote with the first's (ensemble.go)
	fast       bool    // the fast model's feature sets (fast.go)
	works      workPool
}

// workPool keeps the scratch spaces of finished Parse calls for the next ones: as many as
// were ever in use at once (one per goroutine parsing with the model). Unlike a sync.Pool
// it keeps them through garbage collections, so that the fast model's caches of recent
// words (fast.go, fastparse.go) stay warm.
type workPool struct {
	mu   sync.Mutex
	free []*work
}

func (p *workPool) get() *work {
	p.mu.Lock()
	defer p.mu.Unlock()
	if n := len(p.free); n > 0 {
		w := p.free[n-1]
		p.free = p.free[:n-1]
		return w
	}
	return &work{}
}

func (p *workPool) put(w *work) {
	p.mu.Lock()
	p.free = append(p.free, w)
	p.mu.Unlock()
}

// work is the scratch space of one Parse call, pooled.
type work struct {
	words []wordInfo
	tags  []int32
	first []int32
	sent  sent
	st    state
	buf   buffers
	beam  beam
	label []int32
	vote  votes
	// wordScores keeps the fast tagger's scores of recent words (fast.go).
	wordScores wordScores
	tagHistory tagHistory
	// The fast parser's scores per word and position (fastparse.go).
	roleCache  roleCache
	labelCache labelCache
	roles      []roleRow
	window     [][nmoves]float32
	bias       [nmoves]float32
}

//go:embed english.model
var embedded []byte

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded once per process and shared by every caller.
func Default() (*Model, error) {
	defaultOnce.Do(func() {
		defaultModel, defaultErr = Load(bytes.NewReader(embedded))
		if defaultErr != nil {
			defaultErr = fmt.Errorf("embedded syntax model: %w", defaultErr)
		}
	})
	return defaultModel, defaultErr
}

// Header returns the model file's text header: the treebank's credit, the licence and the
// scores measured when it was trained.
func (m *Model) Header() string { return m.header }

// Parse tags and parses one sentence. It never panics; an empty sentence gives an empty Tree.
func (m *Model) Parse(words []string) Tree {
	var t Tree
	m.ParseInto(words, &t)
	return t
}

// ParseInto is Parse reusing t's slices, so that a caller parsing many sentences allocates
// only when a sentence is longer than any before.
func (m *Model) ParseInto(words []string, t *Tree) {
	n := len(words)
	t.resize(n)
	if n == 0 {
		return
	}
	w := m.works.get()
	defer m.works.put(w)
	m.tag(words, w)
	for i, tg := range w.tags {
		t.UPOS[i], t.XPOS[i], t.Lemma[i] = m.upos[tg], m.xpos[tg], "_"
	}
	if len(m.ensemble) == 0 {
		w.label = grow(w.label, n)
		m.parsePart(w, m.first(), t.Head, w.label)
		for i, l := range w.label {
			t.Deprel[i] = m.labels.names[l]
		}
	} else {
		m.vote(w, t)
	}
	t.headlessRule()
}

// headlessRule moves the dependents of a flat or fixed word to the word it hangs from: in
// UD those relations join the words of one name or fixed expression, whose first word
// carries every dependent ("along with Olaf Scholz": the case words hang from Olaf, not
// from Scholz). An ensemble's vote can mix two parsers' analyses of a name (each word's
// head from another parser), and single parsers break the rule now and then too.
// Punctuation and conjuncts stay (EWT hangs some from the last word of a name).
func (t *Tree) headlessRule() {
	for i, h := range t.Head {
		switch t.Deprel[i] {
		case "punct", "conj", "flat", "fixed":
			continue
		}
		for h > 0 && headless(t.Deprel[h-1]) {
			h = t.Head[h-1]
		}
		t.Head[i] = h
	}
}

func headless(rel string) bool { return rel == "flat" || rel == "fixed" }

// part is one transition parser: its classifiers, its reading direction and the weight
// of its arcs when several parsers vote (ensemble.go).
type part struct {
	parser, labeller *linear
	reverse          bool
	weight           float32
}

// first returns the model's first parser as a part.
func (m *Model) first() part { return part{m.parser, m.labeller, m.reverse, m.weight} }

// parsePart parses the tagged sentence in w with p, writing each word's head (1-based,
// 0 = root) and label id in reading order.
func (m *Model) parsePart(w *work, p part, head []int, label []int32) {
	if p.reverse {
		reverseWords(w, m.kinds)
	}
	m.parse(w, p)
	n := len(w.words)
	for i := range n {
		j := i
		if p.reverse {
			j = n - 1 - i
		}
		h := int(w.st.head[j])
		switch {
		case h == n:
			h = -1
		case p.reverse:
			h = n - 1 - h
		}
		head[i], label[i] = h+1, w.st.label[j]
	}
	if p.reverse {
		reverseWords(w, m.kinds)
	}
}

// reverseWords turns the tagged sentence around (for a right-to-left parser, and back).
func reverseWords(w *work, kinds []uint8) {
	slices.Reverse(w.words)
	slices.Reverse(w.tags)
	w.sent.fill(w.words, w.tags, kinds)
}

// tag fills w.words, w.tags and the parser's view of the sentence.
func (m *Model) tag(words []string, w *work) {
	n := len(words)
	w.words = grow(w.words, n)
	if m.fast && m.tagger2 == nil {
		for i, s := range words {
			w.wordScores.describe(s, &w.words[i], m.clusters)
		}
	} else {
		for i, s := range words {
			describe(s, &w.words[i], m.clusters)
		}
	}
	w.tags, w.first = grow(w.tags, n), grow(w.first, n)
	w.buf.scores = grow(w.buf.scores, max(len(m.upos), nmoves))
	var second scorer
	if m.tagger2 != nil {
		second = m.tagger2
	}
	if m.fast && m.tagger2 == nil {
		m.tagFast(w)
	} else {
		w.buf.keys = tagSentence(m.fast, m.tagger, second, w.words, w.tags, w.first, w.buf.keys, w.buf.scores[:len(m.upos)])
	}
	w.sent.fill(w.words, w.tags, m.kinds)
	w.sent.fast = m.fast
}

// fill sets the parser's view of a tagged sentence (the root is word n); kinds gives
// each tag's kind (punctuation, verb).
func (c *sent) fill(ws []wordInfo, tags []int32, kinds []uint8) {
	n := len(ws)
	c.lw, c.tag = grow(c.lw, n+1), grow(c.tag, n+1)
	c.c4, c.c8, c.c12 = grow(c.c4, n+1), grow(c.c8, n+1), grow(c.c12, n+1)
	c.punct, c.verb = grow(c.punct, n+1), grow(c.verb, n+1)
	var p, v int32
	for i := range ws {
		c.lw[i], c.tag[i] = ws[i].lower, uint64(tags[i])
		c.c4[i], c.c8[i], c.c12[i] = ws[i].c4, ws[i].c8, ws[i].c12
		c.punct[i], c.verb[i] = p, v
		k := kinds[tags[i]]
		p += int32(k & kindPunct)
		v += int32(k&kindVerb) >> 1
	}
	c.punct[n], c.verb[n] = p, v
	c.lw[n], c.tag[n] = 0xF00D, rootTag
	c.c4[n], c.c8[n], c.c12[n] = 0xF00D, 0xF00D, 0xF00D
}

// Tag kinds the parser counts between two words.
const (
	kindPunct = 1
	kindVerb  = 2
)

func tagKinds(upos []string) []uint8 {
	k := make([]uint8, len(upos))
	for i, u := range upos {
		switch u {
		case "PUNCT":
			k[i] = kindPunct
		case "VERB", "AUX":
			k[i] = kindVerb
		}
	}
	return k
}

func (m *Model) parse(w *work, p part) {
	w.st.reset(len(w.words))
	w.buf.scores = grow(w.buf.scores, nmoves)
	w.buf.lscores = grow(w.buf.lscores, len(m.labels.names))
	if m.beam > 1 && len(w.words) <= maxBeamWords {
		beamParse(p.parser, p.labeller, &m.labels, &w.sent, &w.st, &w.beam, &w.buf, m.beam)
		return
	}
	if m.fast && len(m.ensemble) == 0 {
		fastParseSentence(p.parser, p.labeller, &m.labels, w)
		return
	}
	parseSentence(p.parser, p.labeller, &m.labels, &w.sent, &w.st, &w.buf)
}

// maxBeamWords bounds the sentences parsed with the beam (longer ones are parsed greedily:
// the beam copies each parse state at every step).
const maxBeamWords = 200

// SetBeam sets the beam width of later parses (1 = greedy). Not safe to call while
// other goroutines parse with m.
func (m *Model) SetBeam(k int) { m.beam = max(k, 1) }

// WithBeam returns a model that parses as m does but with a beam of width k (1 =
// greedy); it shares m's tables and leaves m as it was.
func (m *Model) WithBeam(k int) *Model {
	o := m.withParsers(m.parts())
	o.beam = max(k, 1)
	return o
}

// Beam is the width of the beam m parses with (1 = greedy).
func (m *Model) Beam() int { return m.beam }

// resize makes every slice of t have length n, reusing its arrays when they are big enough.
func (t *Tree) resize(n int) {
	t.UPOS = grow(t.UPOS, n)
	t.XPOS = grow(t.XPOS, n)
	t.Lemma = grow(t.Lemma, n)
	t.Head = grow(t.Head, n)
	t.Deprel = grow(t.Deprel, n)
}

func grow[T any](s []T, n int) []T {
	if cap(s) >= n {
		return s[:n]
	}
	return make([]T, n)
}

// Prune drops the weights whose magnitude is below the given minimum from the tagger,
// the transition classifier and the labeller.
func (m *Model) Prune(tagger, parser, labeller float32) {
	m.tagger, m.tagger2 = m.tagger.prune(tagger), m.tagger2.prune(tagger)
	m.parser, m.labeller = m.parser.prune(parser), m.labeller.prune(labeller)
	for i := range m.ensemble {
		p := &m.ensemble[i]
		p.parser, p.labeller = p.parser.prune(parser), p.labeller.prune(labeller)
	}
}

// Sizes describes the classifiers' sizes (features and weights), for logs and docs.
func (m *Model) Sizes() string {
	var b strings.Builder
	for _, c := range []struct {
		name string
		l    *linear
	}{{"tagger", m.tagger}, {"tagger2", m.tagger2}, {"parser", m.parser}, {"labeller", m.labeller}} {
		f, w := c.l.size()
		fmt.Fprintf(&b, "%s %d features %d weights; ", c.name, f, w)
	}
	for i, p := range m.ensemble {
		pf, pw := p.parser.size()
		lf, lw := p.labeller.size()
		fmt.Fprintf(&b, "parser %d: %d features %d weights, labeller %d features %d weights; ", i+2, pf, pw, lf, lw)
	}
	return strings.TrimSuffix(b.String(), "; ")
}
