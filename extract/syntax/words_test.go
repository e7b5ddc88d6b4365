package syntax

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/segment"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want string // words separated by |
	}{
		// clitics, as the segmenter splits them
		{"Trump's aides don't know.", "Trump|'s|aides|do|n't|know|."},
		{"We can't and won't.", "We|ca|n't|and|wo|n't|."},
		{"They're sure we'll see what you've done; I'd say I'm done.",
			"They|'re|sure|we|'ll|see|what|you|'ve|done|;|I|'d|say|I|'m|done|."},
		{"The allies' plan", "The|allies|'|plan"},
		{"“It’s over,” she said.", "“|It|’s|over|,|”|she|said|."},
		// written together, two words
		{"They cannot agree and are gonna wait.", "They|can|not|agree|and|are|gon|na|wait|."},
		// hyphens: split, unless a bound prefix or digit groups
		{"Ayad al-Ani met a well-known ex-minister.", "Ayad|al|-|Ani|met|a|well|-|known|ex-minister|."},
		{"A non-profit e-mail about post-war re-election", "A|non-profit|e-mail|about|post-war|re-election"},
		{"It rose 3-4 percent in 1969-1970.", "It|rose|3|-|4|percent|in|1969|-|1970|."},
		{"Call 713-853-3989 or 345-9945.", "Call|713-853-3989|or|345-9945|."},
		// abbreviations and numbers stay whole
		{"Mr. Smith of the U.S. paid $1,000 or 3.5 percent.", "Mr.|Smith|of|the|U.S.|paid|$|1,000|or|3.5|percent|."},
		// the period of an abbreviation ending the sentence is its own word
		{"They live in the U.S.", "They|live|in|the|U.S|."},
		{"He works at Acme Inc.\"", "He|works|at|Acme|Inc|.|\""},
		{"Wait...", "Wait|..."},
		// joined: dashes, times, dates, repeated punctuation, e-mail, URL, emoticon
		{"He paused -- then left at 5:30 on 02/13/2001!!", "He|paused|--|then|left|at|5:30|on|02/13/2001|!!"},
		{"Really?! Write to jo@example.com or see http://example.com/a-b.", "Really|?!|Write|to|jo@example.com|or|see|http://example.com/a-b|."},
		{"Thanks :-) see you", "Thanks|:-)|see|you"},
		{"from 1:30-2:30 today", "from|1:30|-|2:30|today"},
	}
	for _, tc := range tests {
		got := strings.Join(splitText(tc.in), "|")
		if got != tc.want {
			t.Errorf("Words(%q)\n got %s\nwant %s", tc.in, got, tc.want)
		}
	}
}

// TestWordsKeepOffsets checks that every word is the text at its span, inside its token,
// in order, and that the words cover every byte of the tokens.
func TestWordsKeepOffsets(t *testing.T) {
	checkWords(t, "Ayad al-Ani -- the U.S. envoy -- can't meet at 5:30. He cannot.\nWrite jo@example.com :-)")
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Ayad al-Ani -- the U.S. envoy", "can't 5:30 02/13/2001 !!?", "http://x.org/a-b.",
		"jo@example.com :-) ;)", "non-profit 713-853-3989 3-4", "Inc.\"", "a--b---c", ":", "-", "@@"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		checkWords(t, text)
	})
}

func checkWords(t *testing.T, text string) {
	t.Helper()
	d := &article.Doc{Text: text}
	segment.Segment(d)
	for _, s := range d.Sentences {
		ws := Words(text, s.Tokens, nil)
		covered, prevEnd, prevTok := 0, -1, 0
		for _, w := range ws {
			if w.Start < prevEnd || w.Start >= w.End || w.Form != text[w.Start:w.End] {
				t.Fatalf("%q: word %q at %d-%d: bad span (previous end %d)", text, w.Form, w.Start, w.End, prevEnd)
			}
			tok := s.Tokens[w.Token]
			if w.Token < prevTok || w.Start < tok.Start || w.Start >= tok.End {
				t.Fatalf("%q: word %q does not start in its token %q", text, w.Form, tok.Text)
			}
			covered += w.End - w.Start
			prevEnd, prevTok = w.End, w.Token
		}
		want := 0
		for _, tok := range s.Tokens {
			want += tok.End - tok.Start
		}
		if covered != want {
			t.Fatalf("%q: words cover %d bytes, tokens %d", text, covered, want)
		}
	}
}

func TestWordsAppends(t *testing.T) {
	text := "al-Ani left"
	toks := segment.Tokens(text, article.Span{Start: 0, End: len(text)})
	pre := []article.Word{{Form: "x"}}
	got := Words(text, toks, pre)
	var forms []string
	for _, w := range got {
		forms = append(forms, w.Form)
	}
	if want := []string{"x", "al", "-", "Ani", "left"}; !reflect.DeepEqual(forms, want) {
		t.Errorf("got %q, want %q", forms, want)
	}
	if got[4].Token != 1 || got[1].Token != 0 || got[3].Token != 0 {
		t.Errorf("token indexes %d %d %d, want 0 0 1", got[1].Token, got[3].Token, got[4].Token)
	}
}
