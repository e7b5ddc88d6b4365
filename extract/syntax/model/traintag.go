package model

import (
	"math/rand/v2"
	"sync"
)

// tagTrainer trains the two tagging passes together: the second pass learns from the
// first pass's current predictions.
type tagTrainer struct {
	p1, p2      *perceptron
	keys        []uint64
	scores      []float32
	tags, first []int32
	secondPass  bool
	fast        bool // the fast model's feature set
}

func newTagTrainer(nclass int, second, fast bool) *tagTrainer {
	t := &tagTrainer{p1: newPerceptron(nclass), scores: make([]float32, nclass), secondPass: second, fast: fast}
	if second {
		t.p2 = newPerceptron(nclass)
	}
	return t
}

// learn tags ex with the current weights and updates them where a tag is wrong.
func (t *tagTrainer) learn(ex *example) {
	n := len(ex.ws)
	t.tags, t.first = grow(t.tags, n), grow(t.first, n)
	t.pass(t.p1, ex, nil)
	if t.p2 != nil {
		copy(t.first, t.tags)
		t.pass(t.p2, ex, t.first)
	}
}

func (t *tagTrainer) pass(p *perceptron, ex *example, first []int32) {
	for i := range ex.ws {
		t.keys = tagFeatures(t.fast, t.keys[:0], ex.ws, t.tags, first, i)
		p.score(t.keys, t.scores)
		pred := int32(argmax(t.scores, nil))
		if g := ex.gold[i]; g != none && g != pred {
			p.update(t.keys, int(g), int(pred))
		}
		p.tick()
		t.tags[i] = pred
	}
}

// trainTagger trains on exs for the given epochs (shuffled by rng) and returns the
// averaged passes (the second is nil when second is false).
func trainTagger(exs []*example, nclass, epochs int, second, fast bool, rng *rand.Rand) (*linear, *linear) {
	t := newTagTrainer(nclass, second, fast)
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for range epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			t.learn(exs[i])
		}
	}
	var l2 *linear
	if second {
		l2 = t.p2.average(tagMinAbs)
	}
	return t.p1.average(tagMinAbs), l2
}

const tagMinAbs = 0.05

// jackknife gives every example the tags predicted by a tagger trained on the other folds,
// so that the parser trains on tags as good as (not better than) those it will see.
// Folds run on up to two goroutines; each has its own seeded generator, so the result does
// not depend on scheduling.
func jackknife(exs []*example, nclass, folds, epochs int, second, fast bool, seed uint64) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for f := range folds {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			var in, out []*example
			for i, ex := range exs {
				if i%folds == f {
					out = append(out, ex)
				} else {
					in = append(in, ex)
				}
			}
			l1, l2 := trainTagger(in, nclass, epochs, second, fast, rand.New(rand.NewPCG(seed, uint64(f)+1)))
			tagExamples(out, l1, l2, nclass, fast)
		}()
	}
	wg.Wait()
}

// tagExamples writes the tags predicted by the trained passes into each example's tags.
func tagExamples(exs []*example, l1, l2 *linear, nclass int, fast bool) {
	var second scorer
	if l2 != nil {
		second = l2
	}
	var keys []uint64
	scores := make([]float32, nclass)
	for _, ex := range exs {
		first := make([]int32, len(ex.ws))
		keys = tagSentence(fast, l1, second, ex.ws, ex.tags, first, keys, scores)
	}
}
