package article

import "strings"

// The helpers below read a sentence's dependency tree (Sentence.Words, filled by the parse
// stage). Word indexes are 0-based positions in Sentence.Words; -1 means "none". On a
// sentence the parser did not see (Words nil) they find nothing.

// Root returns the index of the sentence's root word, or -1.
func (s *Sentence) Root() int {
	for i := range s.Words {
		if s.Words[i].Head < 0 {
			return i
		}
	}
	return -1
}

// Children returns the indexes of the words whose head is w, in sentence order. A reader
// that asks for the children of many words takes ChildIndex once.
func (s *Sentence) Children(w int) []int {
	if w < 0 || w >= len(s.Words) {
		return nil
	}
	return s.ChildIndex()[w]
}

// ChildIndex returns the children of every word, built in one pass: at index w, the
// indexes of the words whose head is w, in sentence order (nil for none).
func (s *Sentence) ChildIndex() [][]int {
	kids := make([][]int, len(s.Words))
	count := make([]int32, len(s.Words)) // counted first: one array holds every list
	n := 0
	for i := range s.Words {
		if h := s.Words[i].Head; h >= 0 && h < len(s.Words) {
			count[h]++
			n++
		}
	}
	all := make([]int, n)
	at := 0
	for h, c := range count {
		if c > 0 {
			kids[h], at = all[at:at:at+int(c)], at+int(c)
		}
	}
	for i := range s.Words {
		if h := s.Words[i].Head; h >= 0 && h < len(s.Words) {
			kids[h] = append(kids[h], i)
		}
	}
	return kids
}

// Child returns the first dependent of w whose relation is one of rels, or -1. Relations
// compare whole: "nsubj" does not match "nsubj:pass" (name both, or use Base).
func (s *Sentence) Child(w int, rels ...string) int {
	if w < 0 {
		return -1
	}
	for i := range s.Words {
		if s.Words[i].Head != w {
			continue
		}
		for _, r := range rels {
			if s.Words[i].Deprel == r {
				return i
			}
		}
	}
	return -1
}

// Subject returns the subject of the predicate w (nsubj, nsubj:pass, csubj, csubj:pass),
// or -1. For a passive predicate the agent is Child(w, "obl:agent").
func (s *Sentence) Subject(w int) int {
	return s.Child(w, "nsubj", "nsubj:pass", "csubj", "csubj:pass")
}

// Object returns the direct object of w (obj), or -1.
func (s *Sentence) Object(w int) int { return s.Child(w, "obj") }

// Subtree returns the first and last word of the phrase headed by w (w and everything
// below it), or -1, -1 when w is not a word. In a projective tree the phrase is every
// word from first to last; its text is Doc.Text[Words[first].Start:Words[last].End].
func (s *Sentence) Subtree(w int) (first, last int) {
	if w < 0 || w >= len(s.Words) {
		return -1, -1
	}
	first, last = w, w
	for i := range s.Words {
		if i < first || i > last {
			if s.dominates(w, i) {
				first, last = min(first, i), max(last, i)
			}
		}
	}
	return first, last
}

// dominates reports whether a is an ancestor of b (bounded, so a malformed tree with a
// cycle cannot loop).
func (s *Sentence) dominates(a, b int) bool {
	for n := 0; b >= 0 && n <= len(s.Words); n++ {
		if b = s.Words[b].Head; b == a {
			return true
		}
	}
	return false
}

// TokenWord returns the index of token i's word (Token.Word), or -1 when the parser did
// not run.
func (s *Sentence) TokenWord(i int) int {
	if s.Words == nil || i < 0 || i >= len(s.Tokens) {
		return -1
	}
	return s.Tokens[i].Word
}

// Base returns a relation without its subtype: "nsubj:pass" -> "nsubj".
func Base(rel string) string {
	if i := strings.IndexByte(rel, ':'); i >= 0 {
		return rel[:i]
	}
	return rel
}
