package clean

import (
	"bufio"
	_ "embed"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

//go:embed data/stopwords_en.txt
var stopwordsData string

//go:embed data/cues.txt
var cuesData string

//go:embed data/credits.txt
var creditsData string

var (
	stopwords = map[string]bool{}
	cueLine   = map[string]bool{}
	cuePrefix []string
	cueSubstr []string
	credits   = map[string]bool{}
)

func init() {
	for _, w := range dataLines(stopwordsData) {
		stopwords[w] = true
	}
	section := ""
	for _, l := range dataLines(cuesData) {
		if strings.HasPrefix(l, "[") {
			section = l
			continue
		}
		n := normalize(l)
		switch section {
		case "[line]":
			cueLine[n] = true
		case "[prefix]":
			cuePrefix = append(cuePrefix, n)
		case "[contains]":
			cueSubstr = append(cueSubstr, n)
		default:
			panic(fmt.Sprintf("clean: cues.txt: entry %q outside a section", l))
		}
	}
	for _, w := range dataLines(creditsData) {
		credits[w] = true
	}
}

// dataLines returns the non-blank, non-comment lines of an embedded data file.
func dataLines(data string) []string {
	var out []string
	sc := bufio.NewScanner(strings.NewReader(data))
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

// normalize lowercases s, folds ’ to ', and turns every run of characters that are not
// letters, digits or ' into one space.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\'' || r == '’' || r == '‘':
			r = '\''
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			} else if !('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
				space = true
				continue
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
		default:
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}
