package recognize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
)

// word is one non-space token of a sentence, prepared for matching.
type word struct {
	start, end int    // byte offsets in Doc.Text; end excludes a possessive 's
	text       string // token text, possessive stripped, curly apostrophes straightened
	lower      string
	poss       bool   // the token carried a possessive ('s, ’s)
	cap        bool   // starts with an upper-case letter
	upper      bool   // all letters upper-case (NATO, US, JD)
	letter     bool   // contains a letter
	num        bool   // starts with a digit
	initial    bool   // first word of the sentence (after opening quotes and brackets)
	tok        int    // index in Sentence.Tokens
	tag        string // the tagger's Penn tag of the token's word ("" when the parse stage did not run)
}

// words prepares the tokens of one sentence.
func words(d *article.Doc, s *article.Sentence) []word {
	ws := make([]word, 0, len(s.Tokens))
	first := true
	for ti, t := range s.Tokens {
		txt := t.Text
		if txt == "" {
			txt = d.Text[t.Start:t.End]
		}
		if strings.TrimSpace(txt) == "" {
			continue
		}
		w := word{start: t.Start, end: t.End, text: txt, tok: ti, tag: t.Tag}
		if strings.ContainsRune(txt, '’') {
			w.text = strings.ReplaceAll(txt, "’", "'")
		}
		for _, suf := range []string{"'s", "'S"} {
			if len(w.text) > len(suf)+1 && strings.HasSuffix(w.text, suf) {
				w.text = w.text[:len(w.text)-len(suf)]
				w.end = w.start + len(w.text)
				if strings.ContainsRune(txt, '’') { // ’ is 3 bytes, ' is 1
					w.end = t.End - len("’s")
				}
				w.poss = true
			}
		}
		r, _ := utf8.DecodeRuneInString(w.text)
		w.cap = unicode.IsUpper(r)
		w.num = unicode.IsDigit(r)
		w.upper = true
		for _, c := range w.text {
			if unicode.IsLetter(c) {
				w.letter = true
				if !unicode.IsUpper(c) {
					w.upper = false
				}
			}
		}
		if !w.letter {
			w.upper = false
		}
		w.lower = strings.ToLower(w.text)
		if first && w.letter {
			w.initial = true
			first = false
		}
		ws = append(ws, w)
	}
	return ws
}

// punct reports whether w is punctuation (no letter or digit).
func (w word) punct() bool { return !w.letter && !w.num }

// texts returns the token texts of ws, for lexicon look-ups.
func texts(ws []word) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.text
	}
	return out
}
