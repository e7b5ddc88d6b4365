package model

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
)

// TrainConfig sets the training run. The same data and config give the same model bytes.
type TrainConfig struct {
	Seed        uint64
	TagEpochs   int  // epochs of the tagger (each jackknife fold and the final tagger)
	ParseEpochs int  // epochs of the parser and labeller; the epoch best on dev is kept
	Folds       int  // jackknife folds for the parser's training tags (0 or 1: gold tags)
	SecondPass  bool // a second tagging pass that sees the first pass's tags to the right
	Explore     float64
	Log         io.Writer // per-epoch dev scores
	TagCache    string    // optional file keeping the tagger and jackknifed tags between runs
	Beam        int       // beam width; > 1 adds BeamEpochs of global training after the greedy ones
	BeamEpochs  int
	Warm        *Model // for experiments: start the beam epochs from this model's parser
	// Projectivize trains the parser on the non-projective trees too, with their crossing
	// arcs lifted (projectivize); otherwise they are skipped.
	Projectivize bool
	// DecodeBeam is the beam the model parses with (0: Beam).
	DecodeBeam int
	// Parsers lists the parsers to train; more than one makes an ensemble (ensemble.go).
	// Parser i shuffles with seed Seed+i. Empty: one left-to-right parser with Beam and
	// BeamEpochs.
	Parsers []ParserSpec
	// Fast trains the fast model's feature sets (fast.go) instead of the full ones.
	Fast bool
}

// ParserSpec is one parser of an ensemble: its reading direction and its global training
// (0: TrainConfig's Beam and BeamEpochs).
type ParserSpec struct {
	Reverse          bool
	Beam, BeamEpochs int
	Seed             uint64 // the seed of its shuffling and exploration (0: Seed + its index)
}

// String writes the spec as the train command's -parsers reads it: l2r/8x5@1, r2l/4x4@1.
func (p ParserSpec) String() string {
	d := "l2r"
	if p.Reverse {
		d = "r2l"
	}
	return fmt.Sprintf("%s/%dx%d@%d", d, p.Beam, p.BeamEpochs, p.Seed)
}

// Scores are accuracies over every word (punctuation included); LAS compares the
// universal part of the relation, as the CoNLL 2018 scorer does.
type Scores struct{ UPOS, XPOS, UAS, LAS float64 }

func (s Scores) String() string {
	return fmt.Sprintf("UPOS %.4f XPOS %.4f UAS %.4f LAS %.4f", s.UPOS, s.XPOS, s.UAS, s.LAS)
}

// Train trains a model on train, choosing the parser epoch by its LAS on dev.
func Train(train, dev []*conllu.Sentence, cfg TrainConfig) (*Model, Scores, error) {
	ct, err := defaultClusters()
	if err != nil {
		return nil, Scores{}, err
	}
	ts, labelNames := collectSets(train)
	exs := examples(train, ts, labelNames, ct)
	m := &Model{weight: 1, upos: ts.upos, xpos: ts.xpos, labels: newLabels(labelNames), kinds: tagKinds(ts.upos), clusters: ct, fast: cfg.Fast}
	if m.labels.root == none {
		return nil, Scores{}, fmt.Errorf("training data has no root relation")
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0))
	if err := trainTagging(m, exs, dev, cfg, rng); err != nil {
		return nil, Scores{}, err
	}
	if len(cfg.Parsers) > 1 && cfg.Warm != nil {
		return nil, Scores{}, fmt.Errorf("a warm start trains one parser, not %d", len(cfg.Parsers))
	}
	best, err := trainParsers(m, exs, dev, cfg)
	if cfg.DecodeBeam > 0 {
		m.SetBeam(cfg.DecodeBeam)
	}
	return m, best, err
}

// trainTagging trains the tagger into m and gives each example its jackknifed tags (or
// reads both from the tag cache).
func trainTagging(m *Model, exs []*example, dev []*conllu.Sentence, cfg TrainConfig, rng *rand.Rand) error {
	if cfg.TagCache != "" {
		if ok, err := readTagCache(cfg.TagCache, m, exs); ok || err != nil {
			fmt.Fprintf(cfg.Log, "tagger and training tags from %s\n", cfg.TagCache)
			return err
		}
	}
	nclass := len(m.upos)
	if cfg.Folds > 1 {
		jackknife(exs, nclass, cfg.Folds, cfg.TagEpochs, cfg.SecondPass, cfg.Fast, cfg.Seed)
		fmt.Fprintf(cfg.Log, "jackknifed tags: %d folds\n", cfg.Folds)
	} else {
		for _, ex := range exs {
			copy(ex.tags, ex.gold)
		}
	}
	m.tagger, m.tagger2 = trainTagger(exs, nclass, cfg.TagEpochs, cfg.SecondPass, cfg.Fast, rng)
	sc := Evaluate(m, dev, true)
	fmt.Fprintf(cfg.Log, "tagger: dev UPOS %.4f XPOS %.4f\n", sc.UPOS, sc.XPOS)
	if cfg.TagCache != "" {
		return writeTagCache(cfg.TagCache, m, exs)
	}
	return nil
}

// trainParser trains the parser and labeller into m, keeping the epoch best on dev.
func trainParser(m *Model, exs []*example, dev []*conllu.Sentence, cfg TrainConfig, rng *rand.Rand) (Scores, error) {
	t := newParseTrainer(&m.labels, m.kinds, rng)
	t.c.fast = m.fast
	order := prepareTrees(exs, cfg)
	if cfg.Warm != nil {
		m.parser, m.labeller = cfg.Warm.parser, cfg.Warm.labeller
		return trainBeamEpochs(m, exs, dev, cfg, rng, order)
	}
	var best Scores
	var bestP, bestL *linear
	for epoch := range cfg.ParseEpochs {
		if epoch > 0 {
			t.explore = cfg.Explore
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			t.learn(exs[i])
		}
		m.parser, m.labeller = t.pp.average(parseMinAbs), t.lp.average(parseMinAbs)
		sc := Evaluate(m, dev, false)
		fmt.Fprintf(cfg.Log, "epoch %d: dev %s\n", epoch+1, sc)
		if bestP == nil || sc.LAS > best.LAS {
			best, bestP, bestL = sc, m.parser, m.labeller
		}
	}
	m.parser, m.labeller = bestP, bestL
	if cfg.Beam > 1 && cfg.BeamEpochs > 0 {
		return trainBeamEpochs(m, exs, dev, cfg, rng, order)
	}
	return best, nil
}

// prepareTrees returns the examples the parser trains on: the projective trees, and the
// others made projective (cfg.Projectivize) or left out.
func prepareTrees(exs []*example, cfg TrainConfig) []int {
	order := make([]int, 0, len(exs))
	lifted := 0
	for i, ex := range exs {
		if !projective(ex.heads) {
			if !cfg.Projectivize {
				continue
			}
			ex.heads = projectivize(ex.heads)
			lifted++
		}
		order = append(order, i)
	}
	fmt.Fprintf(cfg.Log, "parser: %d of %d training sentences are projective, %d made projective\n", len(order)-lifted, len(exs), lifted)
	return order
}

// trainBeamEpochs continues from the greedy model with global beam training; the epoch
// best on dev (the greedy model decoded with the beam counts as epoch 0) is kept.
func trainBeamEpochs(m *Model, exs []*example, dev []*conllu.Sentence, cfg TrainConfig, rng *rand.Rand, order []int) (Scores, error) {
	m.beam = cfg.Beam
	best, bestP, bestL := Evaluate(m, dev, false), m.parser, m.labeller
	fmt.Fprintf(cfg.Log, "beam %d, greedy weights: dev %s\n", cfg.Beam, best)
	t := &beamTrainer{pp: warm(m.parser), lp: warm(m.labeller), ls: &m.labels, kinds: m.kinds, k: cfg.Beam}
	t.c.fast = m.fast
	t.buf.scores, t.buf.lscores = make([]float32, nmoves), make([]float32, len(m.labels.names))
	golds := make([][]step, len(exs))
	var s state
	for _, i := range order {
		golds[i] = goldDerivation(exs[i], &s, nil)
	}
	for epoch := range cfg.BeamEpochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			if golds[i] != nil {
				t.learn(exs[i], golds[i])
			}
		}
		m.parser, m.labeller = t.pp.average(parseMinAbs), t.lp.average(parseMinAbs)
		sc := Evaluate(m, dev, false)
		fmt.Fprintf(cfg.Log, "beam epoch %d: dev %s\n", epoch+1, sc)
		if sc.LAS > best.LAS {
			best, bestP, bestL = sc, m.parser, m.labeller
		}
	}
	m.parser, m.labeller = bestP, bestL
	return best, nil
}

const parseMinAbs = 0.05

// Evaluate parses the words of each gold sentence and scores the result (tagsOnly skips
// the parse).
func Evaluate(m *Model, gold []*conllu.Sentence, tagsOnly bool) Scores {
	var sc Scores
	words := 0
	var t Tree
	for _, s := range gold {
		forms := s.Forms()
		if tagsOnly {
			w := &work{}
			m.tag(forms, w)
			t.resize(len(forms))
			for i, tg := range w.tags {
				t.UPOS[i], t.XPOS[i] = m.upos[tg], m.xpos[tg]
			}
		} else {
			m.ParseInto(forms, &t)
		}
		for i := range s.Words {
			g := &s.Words[i]
			words++
			sc.UPOS += b2f(t.UPOS[i] == g.UPOS)
			sc.XPOS += b2f(t.XPOS[i] == g.XPOS)
			sc.UAS += b2f(t.Head[i] == g.Head)
			sc.LAS += b2f(t.Head[i] == g.Head && universal(t.Deprel[i]) == universal(g.Deprel))
		}
	}
	if words > 0 {
		sc.UPOS, sc.XPOS, sc.UAS, sc.LAS = sc.UPOS/float64(words), sc.XPOS/float64(words), sc.UAS/float64(words), sc.LAS/float64(words)
	}
	return sc
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
