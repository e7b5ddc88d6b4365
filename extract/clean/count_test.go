package clean

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// countReference is the rune-by-rune count features made before the ASCII fast path: the
// white space skipped from i, then the word up to the next white space.
func countReference(t string, i int) (l line, end, upper, lower int) {
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) {
			break
		}
		l.runes++
		i += n
	}
	for i < len(t) {
		r, n := utf8.DecodeRuneInString(t[i:])
		if isSpace(r) {
			break
		}
		l.runes++
		l.nonSpace++
		if unicode.IsLetter(r) {
			l.letters++
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
		i += n
	}
	return l, i, upper, lower
}

func checkCount(t *testing.T, s string) {
	for i := 0; i <= len(s); i++ {
		want, wend, wup, wlow := countReference(s, i)
		var got line
		from := got.skipSpace(s, i)
		end, up, low, marks := got.countWord(s, from)
		if w := s[from:end]; linkLike(w) && !marks && !strings.HasPrefix(w, "www.") {
			t.Fatalf("%q: link-like word %q without its marks", s, w)
		}
		if got.runes != want.runes || got.nonSpace != want.nonSpace || got.letters != want.letters ||
			end != wend || up != wup || low != wlow {
			t.Fatalf("%q from %d: runes %d nonSpace %d letters %d end %d upper %d lower %d; want %d %d %d %d %d %d",
				s, i, got.runes, got.nonSpace, got.letters, end, up, low, want.runes, want.nonSpace, want.letters, wend, wup, wlow)
		}
	}
}

// TestCountWordAsRunes: the ASCII fast path counts runes, letters and cases as decoding
// every rune does, for ASCII, accented and odd white space.
func TestCountWordAsRunes(t *testing.T) {
	for _, s := range []string{"", " ", "NATO met in Brussels.", "  \t\vÉlysée\u00a0Palace  ", "Zürich\u200bZ",
		"ǅemal ǈ İstanbul", "x\fy\rz\n", "١٢٣ abc", "\xff\xfeA b", "O’Brien's — 2024", "see https://x.org/a", "@nato #NATO <b>x</b> [a](b) www.x.org a@b.org"} {
		checkCount(t, s)
	}
}

// FuzzCountWord: the same for any string.
func FuzzCountWord(f *testing.F) {
	f.Add("NATO met in Brussels.")
	f.Add("  Élysée\u00a0Palace ")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 256 {
			s = s[:256]
		}
		checkCount(t, s)
	})
}
