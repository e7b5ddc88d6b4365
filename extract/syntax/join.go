package syntax

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
)

// repeatable are the symbols whose runs EWT writes as one word ("--", "**", "$$$", ">>").
const repeatable = "-*=<>$#~_+"

// joined returns how many pieces (words split from the tokens) from toks[i] on EWT writes
// as one word (1 when the piece stands alone): a run of one symbol ("--", "***"), of ! and ? ("!!", "?!"), an
// emoticon (":-)"), a time or date of digit groups
// ("5:30", "03:14:14", "02/13/2001", "1/2"), an e-mail address ("name@example.com") or a
// URL ("http://www.example.com/a-b"). The tokens of a run touch (no space between).
func joined(toks []article.Word, i int) int {
	form := func(k int) string { return toks[k].Form }
	touches := func(k int) bool { return k < len(toks) && toks[k].Start == toks[k-1].End }
	switch f := form(i); {
	case f == "!" || f == "?":
		n := 1
		for touches(i+n) && (form(i+n) == "!" || form(i+n) == "?") {
			n++
		}
		return n
	case len(f) == 1 && strings.Contains(repeatable, f):
		n := 1
		for touches(i+n) && form(i+n) == f {
			n++
		}
		return n
	case emoticonLen(form, touches, i) > 0:
		return emoticonLen(form, touches, i)
	case digits(f):
		n := 1
		for touches(i+n) && touches(i+n+1) && (form(i+n) == ":" || form(i+n) == "/") && digits(form(i+n+1)) {
			n += 2
		}
		return n
	case f == "http" || f == "https" || f == "www.":
		return url(toks, form, touches, i)
	case touches(i+1) && touches(i+2) && form(i+1) == "@" && wordChar(form(i)) && wordChar(form(i+2)):
		return 3
	}
	return 1
}

// url returns the number of tokens of the URL starting at toks[i] ("http" ":" "/" "/"
// ...), up to white space, without trailing punctuation; 1 when it is not a URL.
func url(toks []article.Word, form func(int) string, touches func(int) bool, i int) int {
	if form(i) != "www." && !(touches(i+1) && form(i+1) == ":" && touches(i+2) && form(i+2) == "/") {
		return 1
	}
	n := 1
	for touches(i + n) {
		n++
	}
	for n > 1 && strings.Contains(".,;:!?)]\"'”’", form(i+n-1)) {
		n--
	}
	return n
}

// wordChar reports whether s starts with a letter or digit (ASCII: the local part and
// domain of an e-mail address).
func wordChar(s string) bool {
	c := s[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

//go:embed data/emoticons.txt
var emoticonData string

// emoticons are the smileys EWT writes as one word, though each of their characters is a
// token of the segmenter.
var emoticons = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range dataLines(emoticonData) {
		m[l] = true
	}
	return m
}()

// emoticonLen returns the number of tokens (2 or 3) of the emoticon starting at toks[i]
// (":" or ";", the eyes), or 0.
func emoticonLen(form func(int) string, touches func(int) bool, i int) int {
	if f := form(i); f != ":" && f != ";" || !touches(i+1) {
		return 0
	}
	if touches(i+2) && emoticons[form(i)+form(i+1)+form(i+2)] {
		return 3
	}
	if emoticons[form(i)+form(i+1)] {
		return 2
	}
	return 0
}
