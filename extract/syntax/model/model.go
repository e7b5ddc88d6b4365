// Package model tags and parses English sentences: UPOS and XPOS tags and a labelled
// Universal Dependencies basic tree (with UD English EWT's subtypes) for a sentence given as
// words in the treebank's convention. See docs/syntax.md for the method and its figures.
package model

import (
	"io"
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
	// TODO(syntax-model): trained tables; this first commit only fixes the API.
}

var (
	defaultOnce  sync.Once
	defaultModel *Model
	defaultErr   error
)

// Default returns the embedded model, loaded once per process and shared by every caller.
func Default() (*Model, error) {
	defaultOnce.Do(func() { defaultModel, defaultErr = &Model{}, nil })
	return defaultModel, defaultErr
}

// Load reads a model file (as written by the trainer).
func Load(r io.Reader) (*Model, error) {
	return &Model{}, nil
}

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
	for i := range n {
		t.UPOS[i], t.XPOS[i], t.Lemma[i] = "X", "_", "_"
		t.Head[i], t.Deprel[i] = i, "dep" // TODO: placeholder chain until the model is trained
	}
	if n > 0 {
		t.Deprel[0] = "root"
	}
}

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
