package article

import (
	"reflect"
	"testing"
)

// parsed builds a sentence from forms, 0-based heads (-1 root) and relations; each word
// is its own token.
func parsed(forms []string, heads []int, rels []string) *Sentence {
	s := &Sentence{}
	off := 0
	for i, f := range forms {
		sp := Span{Start: off, End: off + len(f)}
		s.Tokens = append(s.Tokens, Token{Span: sp, Text: f, Word: i})
		s.Words = append(s.Words, Word{Span: sp, Form: f, Token: i, Head: heads[i], Deprel: rels[i]})
		off += len(f) + 1
	}
	return s
}

// "The German minister was criticized by his allies in Riga ."
func passive() *Sentence {
	return parsed(
		[]string{"The", "German", "minister", "was", "criticized", "by", "his", "allies", "in", "Riga", "."},
		[]int{2, 2, 4, 4, -1, 7, 7, 4, 9, 4, 4},
		[]string{"det", "amod", "nsubj:pass", "aux:pass", "root", "case", "nmod:poss", "obl:agent", "case", "obl", "punct"})
}

func TestTreeHelpers(t *testing.T) {
	s := passive()
	if got := s.Root(); got != 4 {
		t.Fatalf("Root = %d, want 4 (criticized)", got)
	}
	if got, want := s.Children(4), []int{2, 3, 7, 9, 10}; !reflect.DeepEqual(got, want) {
		t.Errorf("Children(criticized) = %v, want %v", got, want)
	}
	if got := s.Children(0); got != nil {
		t.Errorf("Children(The) = %v, want none", got)
	}
	kids := s.ChildIndex()
	if len(kids) != len(s.Words) || !reflect.DeepEqual(kids[4], []int{2, 3, 7, 9, 10}) || !reflect.DeepEqual(kids[7], []int{5, 6}) || kids[0] != nil {
		t.Errorf("ChildIndex = %v, want the children of each word", kids)
	}
	if got := s.Subject(4); got != 2 {
		t.Errorf("Subject(criticized) = %d, want 2 (minister, nsubj:pass)", got)
	}
	if got := s.Child(4, "nsubj"); got != -1 {
		t.Errorf(`Child(criticized, "nsubj") = %d, want -1: "nsubj" must not match "nsubj:pass"`, got)
	}
	if got := s.Child(4, "obl:agent"); got != 7 {
		t.Errorf("agent = %d, want 7 (allies)", got)
	}
	if got := s.Object(4); got != -1 {
		t.Errorf("Object(criticized) = %d, want -1", got)
	}
	if f, l := s.Subtree(2); f != 0 || l != 2 {
		t.Errorf("Subtree(minister) = %d..%d, want 0..2", f, l)
	}
	if f, l := s.Subtree(7); f != 5 || l != 7 {
		t.Errorf("Subtree(allies) = %d..%d, want 5..7", f, l)
	}
	if f, l := s.Subtree(4); f != 0 || l != 10 {
		t.Errorf("Subtree(root) = %d..%d, want 0..10", f, l)
	}
	if got := s.TokenWord(7); got != 7 {
		t.Errorf("TokenWord(7) = %d, want 7", got)
	}
	for in, want := range map[string]string{"nsubj:pass": "nsubj", "obj": "obj", "obl:agent": "obl"} {
		if got := Base(in); got != want {
			t.Errorf("Base(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTreeHelpersWithoutParse(t *testing.T) {
	s := &Sentence{Tokens: []Token{{Text: "Hi"}}}
	if s.Root() != -1 || s.Subject(0) != -1 || s.Children(0) != nil || s.TokenWord(0) != -1 {
		t.Error("an unparsed sentence must have no root, subject, children or token word")
	}
	if f, l := s.Subtree(0); f != -1 || l != -1 {
		t.Errorf("Subtree on an unparsed sentence = %d..%d, want -1..-1", f, l)
	}
}

func TestSubtreeSurvivesCycle(t *testing.T) {
	s := parsed([]string{"a", "b", "c"}, []int{1, 0, -1}, []string{"dep", "dep", "root"})
	if f, l := s.Subtree(2); f != 2 || l != 2 {
		t.Errorf("Subtree(c) = %d..%d, want 2..2 (a and b form a cycle, not below c)", f, l)
	}
}
