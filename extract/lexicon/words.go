package lexicon

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// special are letters that do not decompose into a base letter plus marks.
var special = map[rune]string{
	'ł': "l", 'Ł': "L", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D", 'ß': "ss", 'æ': "ae", 'Æ': "AE",
	'œ': "oe", 'Œ': "OE", 'ı': "i", 'ð': "d", 'þ': "th", 'ħ': "h",
	'‘': "'", '’': "'", 'ʼ': "'", 'ʻ': "'",
}

// fold removes diacritics and normalises apostrophes, keeping case: "Élysée" -> "Elysee".
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if x, ok := special[r]; ok {
			b.WriteString(x)
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

// isASCII reports whether s is all ASCII.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// foldLower appends the lower-cased, diacritic-free form of s to dst. ASCII input does not
// allocate.
func foldLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:0], strings.ToLower(fold(s))...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// isAcronym: two or more letters, all upper case ("US", "IT", "WHO").
func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// inSet looks w up lower-cased and folded. Unless names is set, an ALL-CAPS token is an
// acronym and never a member.
func inSet(set map[string]struct{}, w string, names bool) bool {
	if w == "" || (!names && isAcronym(w)) {
		return false
	}
	var buf [64]byte
	_, ok := set[string(foldLower(buf[:0], w))]
	return ok
}

// upperFirst upper-cases the first letter: "and" -> "And", "d'Ivoire" -> "D'Ivoire".
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if !unicode.IsLower(r) {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func isHyphen(t string) bool {
	switch t {
	case "-", "‐", "‑", "–":
		return true
	}
	return false
}

func isSpace(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
