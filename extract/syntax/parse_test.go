package syntax

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

func TestLinkTokens(t *testing.T) {
	// "Ayad al-Ani paused -- then left": tokens Ayad | al-Ani | paused | - | - | then | left
	text := "Ayad al-Ani paused -- then left"
	d := &article.Doc{Text: text}
	segment.Segment(d)
	s := &d.Sentences[0]
	s.Words = Words(text, s.Tokens, nil)
	var forms []string
	for _, w := range s.Words {
		forms = append(forms, w.Form)
	}
	// words: Ayad al - Ani paused -- then left
	heads := []int{3, 3, 3, 4, -1, 4, 7, 4}
	if len(forms) != len(heads) {
		t.Fatalf("words %q: want 8", forms)
	}
	for i := range s.Words {
		s.Words[i].Head, s.Words[i].XPOS = heads[i], "T"+forms[i]
	}
	linkTokens(s)
	want := map[string]int{"Ayad": 0, "al-Ani": 3, "paused": 4, "then": 6, "left": 7}
	for _, tok := range s.Tokens {
		w, ok := want[tok.Text]
		if tok.Text == "-" {
			w, ok = 5, true // both hyphens of "--" are one word
		}
		if !ok {
			t.Fatalf("unexpected token %q", tok.Text)
		}
		if tok.Word != w {
			t.Errorf("token %q: Word = %d (%q), want %d (%q)", tok.Text, tok.Word, forms[tok.Word], w, forms[w])
		}
		if tok.Tag != "T"+forms[w] {
			t.Errorf("token %q: Tag = %q, want the XPOS of its word %q", tok.Text, tok.Tag, "T"+forms[w])
		}
	}
}

// TestParseFillsEveryWord checks what holds whatever the model predicts: each sentence's
// words are split from its tokens, every word has tags and a head inside the sentence,
// and every token points at one of its own words.
func TestParseFillsEveryWord(t *testing.T) {
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "NATO chief Mark Rutte met al-Ani in the U.S. on Friday.\nThe talks -- which can't wait -- ended at 5:30.\n"
	d := &article.Doc{Text: text}
	segment.Segment(d)
	New(m).Parse(d)
	if len(d.Sentences) != 2 {
		t.Fatalf("%d sentences, want 2", len(d.Sentences))
	}
	for _, s := range d.Sentences {
		var tw, ww string
		for _, tok := range s.Tokens {
			tw += tok.Text
		}
		for _, w := range s.Words {
			ww += w.Form
		}
		if tw != ww {
			t.Errorf("words %q do not spell the tokens %q", ww, tw)
		}
		roots := 0
		for i, w := range s.Words {
			if w.UPOS == "" || w.XPOS == "" || w.Deprel == "" {
				t.Errorf("word %d %q: empty tag or relation %+v", i, w.Form, w)
			}
			if w.Head < -1 || w.Head >= len(s.Words) || w.Head == i {
				t.Errorf("word %d %q: head %d outside the sentence", i, w.Form, w.Head)
			}
			if w.Head == -1 {
				roots++
			}
		}
		if roots == 0 {
			t.Errorf("sentence %q has no root", text[s.Start:s.End])
		}
		for _, tok := range s.Tokens {
			w := s.Words[tok.Word]
			if w.Start >= tok.End || tok.Start >= w.End {
				t.Errorf("token %q points at word %q outside it", tok.Text, w.Form)
			}
		}
	}
}
