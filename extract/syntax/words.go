package syntax

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
)

var (
	//go:embed data/hyphen_prefixes.txt
	hyphenPrefixData string
	//go:embed data/contractions.tsv
	contractionData string

	// boundPrefixes are the prefixes EWT keeps joined to the word after their hyphen.
	boundPrefixes = func() map[string]bool {
		m := map[string]bool{}
		for _, l := range dataLines(hyphenPrefixData) {
			m[l] = true
		}
		return m
	}()
	// contractions maps a lower-case form to the byte lengths of its words;
	// contractionLen holds the shortest and longest form.
	contractionLen = [2]int{1 << 30, 0}
	contractions   = func() map[string][]int {
		m := map[string][]int{}
		for _, l := range dataLines(contractionData) {
			form, parts, ok := strings.Cut(l, "\t")
			if !ok || strings.ReplaceAll(parts, " ", "") != form {
				panic(fmt.Sprintf("syntax: data/contractions.tsv: bad line %q", l))
			}
			contractionLen = [2]int{min(contractionLen[0], len(form)), max(contractionLen[1], len(form))}
			for _, p := range strings.Fields(parts) {
				m[form] = append(m[form], len(p))
			}
		}
		return m
	}()
)

// contraction returns the word lengths of w when it is a contraction written without an
// apostrophe ("cannot", "Gonna"); it folds case only for words of a contraction's length.
func contraction(w string) ([]int, bool) {
	if len(w) < contractionLen[0] || len(w) > contractionLen[1] {
		return nil, false
	}
	return lookupFolded(contractions, w)
}

// lookupFolded looks up w in m, whose keys are lower case, folding ASCII upper case
// without allocating.
func lookupFolded[V any](m map[string]V, w string) (V, bool) {
	var buf [32]byte
	if len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := m[string(buf[:len(w)])]
	return v, ok
}

func dataLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// Words appends to dst the syntactic words of toks (one sentence's tokens, with byte
// offsets into text) as UD English EWT splits them. The segmenter already splits clitics
// ('s, n't, 're, ...) and punctuation, and keeps abbreviations (U.S., Mr.) and numbers
// (1,000, 3.5) whole. On top of it:
//   - a hyphenated token is split at its hyphens ("al-Ani" -> al - Ani, "3-4" -> 3 - 4)
//     unless its first part is a bound prefix ("non-profit", "e-mail", "post-war") or it
//     is a phone number or date of digit groups ("713-853-3989");
//   - "cannot", "gonna" and the like are two words (can not, gon na);
//   - the period of an abbreviation that ends the sentence is a word of its own
//     ("in the U.S." -> U.S .);
//   - adjacent tokens that EWT writes as one word are joined: a dash of hyphens ("--"),
//     times and dates (5:30, 02/13/2001), e-mail addresses and URLs.
//
// Each word records the index of its (first) token; only Span, Form, Token and Head
// (-1) are set.
func Words(text string, toks []article.Token, dst []article.Word) []article.Word {
	from := len(dst)
	final := finalToken(text, toks)
	for i := range toks {
		dst = splitToken(text, toks[i], i, i == final, dst)
	}
	// join runs of pieces in place
	out := from
	for i := from; i < len(dst); {
		n := joined(dst[from:], i-from)
		w := dst[i]
		if n > 1 {
			w = word(text, dst[i].Start, dst[i+n-1].End, dst[i].Token)
		}
		dst[out] = w
		out++
		i += n
	}
	return dst[:out]
}

func word(text string, s, e, tok int) article.Word {
	return article.Word{Span: article.Span{Start: s, End: e}, Form: text[s:e], Token: tok, Head: -1}
}

// splitToken appends the words of one token.
func splitToken(text string, t article.Token, i int, final bool, dst []article.Word) []article.Word {
	w := text[t.Start:t.End]
	if parts, ok := contraction(w); ok {
		s := t.Start
		for _, n := range parts {
			dst = append(dst, word(text, s, s+n, i))
			s += n
		}
		return dst
	}
	if final && len(w) > 1 && w[len(w)-1] == '.' && strings.Trim(w, ".") != "" {
		dst = append(dst, word(text, t.Start, t.End-1, i))
		return append(dst, word(text, t.End-1, t.End, i))
	}
	if !splitsAtHyphens(w) {
		return append(dst, word(text, t.Start, t.End, i))
	}
	start := t.Start
	for {
		h := strings.IndexByte(text[start:t.End], '-')
		if h < 0 {
			break
		}
		if h > 0 {
			dst = append(dst, word(text, start, start+h, i))
		}
		dst = append(dst, word(text, start+h, start+h+1, i))
		start += h + 1
	}
	if start < t.End {
		dst = append(dst, word(text, start, t.End, i))
	}
	return dst
}

// finalToken returns the index of the sentence's last token before closing quotes and
// brackets, or -1.
func finalToken(text string, toks []article.Token) int {
	for i := len(toks) - 1; i >= 0; i-- {
		switch text[toks[i].Start:toks[i].End] {
		case `"`, "'", "”", "’", ")", "]", "»":
			continue
		}
		return i
	}
	return -1
}

// splitsAtHyphens reports whether the token w is a hyphenated word that EWT splits.
func splitsAtHyphens(w string) bool {
	h := strings.IndexByte(w, '-')
	if h <= 0 || h == len(w)-1 || strings.Count(w, "-") == len(w) {
		return false // no hyphen inside, or a dash of its own ("-", "--")
	}
	if _, ok := lookupFolded(boundPrefixes, w[:h]); ok {
		return false
	}
	return !digitGroups(w, '-')
}

// digitGroups reports whether w is a phone number or a date written as groups of digits
// joined by sep, which EWT keeps whole: three or more groups ("713-853-3989",
// "11-20-2000") or three digits then four ("345-9945"). Two groups otherwise are a range
// ("3-4", "1969-1970"): split.
func digitGroups(w string, sep byte) bool {
	parts := strings.Split(w, string(sep))
	for _, p := range parts {
		if !digits(p) {
			return false
		}
	}
	return len(parts) >= 3 || len(parts[0]) == 3 && len(parts[1]) == 4
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
