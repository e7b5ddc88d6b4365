package model

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// followOracle parses a sentence of n words by always taking a zero-cost move (in the
// order LEFT, RIGHT, SHIFT) and returns the heads it builds; ok is false when some
// configuration had no zero-cost legal move.
func followOracle(gold []int32) (heads []int32, ok bool) {
	var s state
	s.reset(len(gold))
	for !s.done() {
		moved := false
		for _, mv := range []int{left, right, shift} {
			if s.legal(mv) && cost(&s, gold, mv) == 0 {
				s.apply(mv, 0, 0, false)
				moved = true
				break
			}
		}
		if !moved {
			return nil, false
		}
	}
	return s.head[:len(gold)], true
}

func sameHeads(a, b []int32) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}

// TestOracleAllSmallTrees checks the oracle on every projective tree of up to 6 words.
func TestOracleAllSmallTrees(t *testing.T) {
	checked := 0
	for n := 1; n <= 6; n++ {
		gold := make([]int32, n)
		var rec func(i int)
		rec = func(i int) {
			if i == n {
				if isTree(gold) && projective(gold) {
					checked++
					if heads, ok := followOracle(gold); !ok || !sameHeads(heads, gold) {
						t.Fatalf("oracle on %v built %v (ok=%v)", gold, heads, ok)
					}
				}
				return
			}
			for h := 0; h <= n; h++ {
				if h != i {
					gold[i] = int32(h)
					rec(i + 1)
				}
			}
		}
		rec(0)
	}
	// 1+2+7+30+143+728 single-rooted projective trees of 1..6 words (OEIS A006013).
	if checked != 911 {
		t.Fatalf("%d trees checked, want 911", checked)
	}
}

// isTree reports whether heads (root = n) has one root word and no cycle.
func isTree(heads []int32) bool {
	n := int32(len(heads))
	roots := 0
	for i, h := range heads {
		if h == n {
			roots++
		}
		seen := 0
		for x := int32(i); x != n; x = heads[x] {
			if seen++; seen > len(heads) {
				return false
			}
		}
	}
	return roots == 1
}

// TestOracleReproducesTrainTrees follows the oracle on the first 3000 sentences of EWT
// train: every projective gold tree must come out exactly.
func TestOracleReproducesTrainTrees(t *testing.T) {
	sents := readShared(t, "en_ewt-ud-train.conllu", 3000)
	ts, labs := collectSets(sents)
	proj := 0
	for _, ex := range examples(sents, ts, labs, nil) {
		if !projective(ex.heads) {
			continue
		}
		proj++
		if heads, ok := followOracle(ex.heads); !ok || !sameHeads(heads, ex.heads) {
			t.Fatalf("%q: oracle built %v, gold %v", ex.words, heads, ex.heads)
		}
	}
	if proj < 2500 {
		t.Fatalf("only %d projective sentences", proj)
	}
}

// readShared reads up to max sentences of a UD EWT file, skipping when ../shared is absent.
func readShared(t testing.TB, name string, max int) []*conllu.Sentence {
	t.Helper()
	sents, err := readEWT(name, max)
	if err != nil {
		t.Skip(err)
	}
	return sents
}

// readEWT reads up to max sentences of a UD EWT file from ../shared.
func readEWT(name string, max int) ([]*conllu.Sentence, error) {
	dir := shared.Dir()
	if dir == "" {
		return nil, errors.New("../shared is absent")
	}
	f, err := os.Open(filepath.Join(dir, "data", "ud-english-ewt", name))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := conllu.NewReader(f, name)
	var out []*conllu.Sentence
	for len(out) < max {
		s, err := r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// TestProjectivizeTrainTrees lifts the non-projective trees of the first 3000 sentences
// of EWT train: each comes out projective and single-rooted, every word keeps its head
// or gets an ancestor of it, and projective trees are left alone.
func TestProjectivizeTrainTrees(t *testing.T) {
	sents := readShared(t, "en_ewt-ud-train.conllu", 3000)
	ts, labs := collectSets(sents)
	lifted := 0
	for _, ex := range examples(sents, ts, labs, nil) {
		p := projectivize(ex.heads)
		if projective(ex.heads) {
			if !sameHeads(p, ex.heads) {
				t.Fatalf("%q: projective tree changed: %v -> %v", ex.words, ex.heads, p)
			}
			continue
		}
		lifted++
		if !projective(p) || !isTree(p) {
			t.Fatalf("%q: lifted %v to %v, not a projective tree", ex.words, ex.heads, p)
		}
		for d, h := range p {
			if !dominates(ex.heads, h, ex.heads[d]) {
				t.Fatalf("%q: word %d got head %d, not an ancestor of its gold head %d", ex.words, d, h, ex.heads[d])
			}
		}
	}
	if lifted < 20 {
		t.Fatalf("only %d non-projective sentences", lifted)
	}
}

// TestProjectivizeLiftsShortestArc checks a small crossing: the arc 2 -> 0 spans word 1,
// whose head is 3, so it crosses 3 -> 1 and is lifted to 2's head.
func TestProjectivizeLiftsShortestArc(t *testing.T) {
	// words 0..3, root 4: 3 is the root word, head of 1 and 2; 2 is the head of 0.
	gold := []int32{2, 3, 3, 4}
	if projective(gold) {
		t.Fatal("test tree should be non-projective")
	}
	got := projectivize(gold)
	want := []int32{3, 3, 3, 4} // 2->0 (length 2) is lifted to 3->0
	if !sameHeads(got, want) {
		t.Fatalf("projectivize(%v) = %v, want %v", gold, got, want)
	}
}
