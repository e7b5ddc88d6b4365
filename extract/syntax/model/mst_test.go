package model

import (
	"math/rand/v2"
	"testing"
)

// TestMaxTreeIsBest compares Chu-Liu-Edmonds with every tree of small random problems.
func TestMaxTreeIsBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	for trial := range 400 {
		n := 2 + trial%5
		score := randomScores(rng, n)
		root := rng.IntN(n)
		got := maxTree(score, root, &treeScratch{})
		if !spans(got, root) {
			t.Fatalf("trial %d: %v is not a tree rooted at %d", trial, got, root)
		}
		best := bruteBest(score, root)
		if g := treeScore(score, got); g < best-1e-4 {
			t.Fatalf("trial %d: score %v, best tree scores %v (%v)", trial, g, best, got)
		}
	}
}

func randomScores(rng *rand.Rand, n int) [][]float32 {
	s := make([][]float32, n)
	for h := range s {
		s[h] = make([]float32, n)
		for d := range s[h] {
			s[h][d] = float32(rng.IntN(7)) - 2
		}
	}
	return s
}

func spans(head []int, root int) bool {
	if head[root] != -1 {
		return false
	}
	for v := range head {
		steps := 0
		for u := v; u != root; u = head[u] {
			if u < 0 || steps > len(head) {
				return false
			}
			steps++
		}
	}
	return true
}

func treeScore(score [][]float32, head []int) float32 {
	var s float32
	for d, h := range head {
		if h >= 0 {
			s += score[h][d]
		}
	}
	return s
}

// bruteBest enumerates every head assignment and returns the best tree's score.
func bruteBest(score [][]float32, root int) float32 {
	n := len(score)
	head := make([]int, n)
	best := float32(-1e30)
	var rec func(d int)
	rec = func(d int) {
		if d == n {
			if spans(head, root) {
				best = max(best, treeScore(score, head))
			}
			return
		}
		if d == root {
			head[d] = -1
			rec(d + 1)
			return
		}
		for h := range n {
			if h != d {
				head[d] = h
				rec(d + 1)
			}
		}
	}
	rec(0)
	return best
}
