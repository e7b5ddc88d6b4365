package model

import (
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
)

// An ensemble model holds several parsers (reading left to right or right to left, trained
// with different seeds). Each parses the tagged sentence; every arc gets the summed weight
// of the parsers that made it, and the tree with the highest total is chosen among all
// trees (Chu-Liu-Edmonds, mst.go), as in reparsing (Sagae & Lavie 2006). Each word keeps the
// label most of the parsers that chose its head gave it.

// votes is the scratch space of one vote: arc scores over the nodes 0 (root) .. n, each
// parser's heads and labels, and the tree search's.
type votes struct {
	score [][]float32
	heads [][]int
	label [][]int32
	tree  treeScratch
}

// part returns the model's i-th parser (0: the first).
func (m *Model) part(i int) part {
	if i == 0 {
		return m.first()
	}
	return m.ensemble[i-1]
}

// parts returns the model's parsers, the first one first.
func (m *Model) parts() []part {
	return append([]part{m.first()}, m.ensemble...)
}

// vote parses the tagged sentence in w with every parser and writes the chosen tree to t.
func (m *Model) vote(w *work, t *Tree) {
	n, k := len(w.words), len(m.ensemble)+1
	v := &w.vote
	v.reset(n, k)
	for i := range k {
		m.parsePart(w, m.part(i), v.heads[i], v.label[i])
	}
	m.decide(v, t)
}

// decide chooses the tree with the most weight from the parsers' heads and labels in v.
func (m *Model) decide(v *votes, t *Tree) {
	n := len(v.score) - 1
	var total float32
	for i := range v.heads {
		p := m.part(i)
		for d, h := range v.heads[i] {
			v.score[h][d+1] += p.weight
		}
		total += p.weight
	}
	// One root: every arc from the root costs more than all the votes together, so the
	// best tree has a single root arc.
	for d := 1; d <= n; d++ {
		v.score[0][d] -= total * float32(n+1)
	}
	head := maxTree(v.score, 0, &v.tree)
	for d := 1; d <= n; d++ {
		t.Head[d-1] = head[d]
		t.Deprel[d-1] = m.labels.names[m.chooseLabel(v, d-1, head[d])]
	}
}

func (v *votes) reset(n, k int) {
	v.score = grow(v.score, n+1)
	for i := range v.score {
		v.score[i] = grow(v.score[i], n+1)
		clear(v.score[i])
	}
	v.heads, v.label = grow(v.heads, k), grow(v.label, k)
	for i := range k {
		v.heads[i], v.label[i] = grow(v.heads[i], n), grow(v.label[i], n)
	}
}

// chooseLabel returns the label of word d (0-based) under head h (0 = root): the root
// relation for the root's dependent; else the label with the most weight among the
// parsers that gave d the head h, or when none did, the first parser's label that is not
// the root relation (dep when every parser made d the root).
func (m *Model) chooseLabel(v *votes, d, h int) int32 {
	root := m.labels.root
	if h == 0 {
		return root
	}
	best, bestW := int32(none), float32(0)
	for i := range v.heads {
		if v.heads[i][d] != h {
			continue
		}
		var w float32
		for j := range v.heads {
			if v.heads[j][d] == h && v.label[j][d] == v.label[i][d] {
				w += m.part(j).weight
			}
		}
		if w > bestW {
			best, bestW = v.label[i][d], w
		}
	}
	for i := 0; best == none && i < len(v.heads); i++ {
		if v.label[i][d] != root {
			best = v.label[i][d]
		}
	}
	if best == none {
		best = m.labels.dep
	}
	return best
}

// Combine returns a model that tags with first's tagger and parses with the parsers of
// all the given models voting (each parser keeps its weight). The models must share the
// tag set and the label set.
func Combine(first *Model, others ...*Model) (*Model, error) {
	ps := first.parts()
	for _, o := range others {
		if !slices.Equal(o.upos, first.upos) || !slices.Equal(o.xpos, first.xpos) || !slices.Equal(o.labels.names, first.labels.names) {
			return nil, errors.New("syntax model: the models to combine have different tag or label sets")
		}
		ps = append(ps, o.parts()...)
	}
	return first.withParsers(ps), nil
}

// FirstParser returns a model that tags as m does and parses with m's first parser alone
// (faster, less accurate); it shares m's tables.
func (m *Model) FirstParser() *Model {
	if len(m.ensemble) == 0 {
		return m
	}
	return m.withParsers([]part{m.first()})
}

// SetWeight sets the weight of the first parser's arcs in an ensemble's vote. Not safe to
// call while other goroutines parse with m.
func (m *Model) SetWeight(w float32) { m.weight = w }

// trainParsers trains the parsers cfg.Parsers asks for, at the same time (each on its own
// copy of the examples, with its own generator, so the result does not depend on how
// they are scheduled), and makes them m's parsers, each weighted by its dev UAS. The
// parser has its own generator, so that a run reading the tag cache gives the same model
// as one that trains the tagger.
func trainParsers(m *Model, exs []*example, dev []*conllu.Sentence, cfg TrainConfig) (Scores, error) {
	specs := cfg.ParserSpecs()
	models := make([]*Model, len(specs))
	errs := make([]error, len(specs))
	var wg sync.WaitGroup
	for i, spec := range specs {
		pm := m.shell(spec.Reverse)
		models[i] = pm
		pcfg := cfg
		pcfg.Beam, pcfg.BeamEpochs = spec.Beam, spec.BeamEpochs
		pcfg.Log = &prefixed{w: cfg.Log, prefix: fmt.Sprintf("parser %d (%s): ", i+1, spec)}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var sc Scores
			sc, errs[i] = trainParser(pm, cloneExamples(exs, spec.Reverse), dev, pcfg, rand.New(rand.NewPCG(spec.Seed, 99)))
			pm.weight = float32(sc.UAS)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Scores{}, err
	}
	first := models[0]
	m.parser, m.labeller, m.reverse, m.weight = first.parser, first.labeller, first.reverse, first.weight
	for _, pm := range models[1:] {
		m.ensemble = append(m.ensemble, pm.first())
	}
	m.beam = max(specs[0].Beam, 1)
	return Evaluate(m, dev, false), nil
}

// ParserSpecs returns the parsers to train, with the defaults filled in.
func (cfg TrainConfig) ParserSpecs() []ParserSpec {
	specs := slices.Clone(cfg.Parsers)
	if len(specs) == 0 {
		specs = []ParserSpec{{}}
	}
	for i := range specs {
		if specs[i].Beam == 0 {
			specs[i].Beam = cfg.Beam
		}
		if specs[i].BeamEpochs == 0 {
			specs[i].BeamEpochs = cfg.BeamEpochs
		}
		if specs[i].Seed == 0 {
			specs[i].Seed = cfg.Seed + uint64(i)
		}
	}
	return specs
}

// withParsers returns a model sharing m's tagger and label set that parses with ps (the
// first is the model's first parser).
func (m *Model) withParsers(ps []part) *Model {
	o := m.shell(ps[0].reverse)
	o.parser, o.labeller, o.weight, o.ensemble = ps[0].parser, ps[0].labeller, ps[0].weight, ps[1:]
	return o
}

// shell returns a model sharing m's tagger and label set, with no parser yet.
func (m *Model) shell(reverse bool) *Model {
	return &Model{header: m.header, upos: m.upos, xpos: m.xpos, tagger: m.tagger, tagger2: m.tagger2,
		labels: m.labels, kinds: m.kinds, clusters: m.clusters, beam: m.beam, reverse: reverse, weight: 1, fast: m.fast}
}

// cloneExamples copies the examples the parser training changes (their trees), turned
// around for a right-to-left parser.
func cloneExamples(exs []*example, reverse bool) []*example {
	out := make([]*example, len(exs))
	for i, ex := range exs {
		c := &example{words: slices.Clone(ex.words), ws: slices.Clone(ex.ws), gold: slices.Clone(ex.gold),
			heads: slices.Clone(ex.heads), labels: slices.Clone(ex.labels), tags: slices.Clone(ex.tags)}
		if reverse {
			c.reverse()
		}
		out[i] = c
	}
	return out
}

// prefixed writes each Write as one line-prefixed write under a shared lock, so that
// the logs of parsers trained at the same time do not interleave within a line.
type prefixed struct {
	w      io.Writer
	prefix string
}

var logMu sync.Mutex

func (p *prefixed) Write(b []byte) (int, error) {
	logMu.Lock()
	defer logMu.Unlock()
	if _, err := io.WriteString(p.w, p.prefix+string(b)); err != nil {
		return 0, err
	}
	return len(b), nil
}

// Only returns a model that tags as m does and parses with m's parsers numbered idx
// (1-based, the first listed first), sharing m's tables: for experiments (predict -parsers).
func (m *Model) Only(idx ...int) (*Model, error) {
	if len(idx) == 0 {
		return nil, errors.New("syntax model: no parser chosen")
	}
	var ps []part
	for _, i := range idx {
		if i < 1 || i > len(m.ensemble)+1 {
			return nil, fmt.Errorf("syntax model: no parser %d (the model has %d)", i, len(m.ensemble)+1)
		}
		ps = append(ps, m.part(i-1))
	}
	return m.withParsers(ps), nil
}
