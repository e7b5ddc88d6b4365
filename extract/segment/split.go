package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
)

// Abbreviations, without their period.
var (
	// titles before a name: never end a sentence ("Mr. Rutte", "Gen. Milley", "St. Petersburg")
	titleAbbrevs = set("Mr Mrs Ms Mx Dr Prof Gen Sen Sens Rep Reps Gov Govs Lt Col Capt Cpt Sgt Maj Adm Cmdr Cdr " +
		"Rev Hon Rt St Ste Mt Ft Pres Supt Insp Det Cpl Pvt Brig Messrs Mme Mlle Msgr Fr Atty Amb Sec Secy Gens " +
		"Lieut Comdr")
	// before a number: never end a sentence there ("No. 10", "Art. 5", "pp. 3-4")
	numberAbbrevs = set("No Nos no nos Art Arts art Vol Vols vol p pp Fig Figs fig Ch ch Sec sec Para para Nr nr Ref ref Op op Ex ex")
	// may end a sentence: they do when the next word is a usual sentence opener
	// ("in the U.S. The talks", "on Nov. 23", "Acme Inc. said")
	otherAbbrevs = set("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun " +
		"Inc Ltd Corp Co Cos Bros Jr Sr etc vs Ave Blvd Rd Dept Univ Assn Est est Govt govt approx " +
		"al cf ca Calif Fla Mass Penn Wash Ariz Colo Conn Ill Ind Kan Md Mich Minn Mo Mont " +
		"Neb Nev Okla Ore Tenn Tex Va Vt Wis Wyo")
	// never end a sentence
	neverEnd = set("e.g i.e E.g I.e viz")
	// words that usually open a sentence: after an ambiguous abbreviation they mean a new one
	openers = set("the a an he she it they we i you this that these those there here his her its their our my " +
		"but and or so yet in on at for from with after before when while if as what who why how where " +
		"meanwhile however still also then now last earlier later some many most one both all no not " +
		"according since despite although though during under over by to one two three")
)

func set(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || r == '\u00a0' ||
		r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' ||
		(r >= utf8.RuneSelf && unicode.IsSpace(r))
}

// closer: what may follow a sentence's final punctuation and still belong to it.
func closer(r rune) bool {
	switch r {
	case '"', '\'', ')', ']', '}', '”', '’', '»', '›', '*', '_':
		return true
	}
	return false
}

func spaceAt(s string, i int) (bool, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v', 1
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	return isSpace(r), n
}

// Split appends to dst the sentences of text[sp.Start:sp.End], trimmed of white space,
// as byte spans of text. Newlines end sentences, unless soft is true: then a newline is
// white space (used for a paragraph the cleaner joined from hard-wrapped lines).
func Split(text string, sp article.Span, soft bool, dst []article.Span) []article.Span {
	if soft {
		return splitRun(text, sp.Start, sp.End, dst)
	}
	for a := sp.Start; a < sp.End; {
		b := sp.End
		if nl := strings.IndexByte(text[a:sp.End], '\n'); nl >= 0 {
			b = a + nl
		}
		dst = splitRun(text, a, b, dst)
		a = b + 1
	}
	return dst
}

// splitRun splits text[a:b], where newlines (if any) are white space.
func splitRun(text string, a, b int, dst []article.Span) []article.Span {
	start := skipSpace(text, a, b)
	for i := start; i < b; {
		c := text[i]
		isEllipsis := c == 0xE2 && i+2 < b && text[i+1] == 0x80 && text[i+2] == 0xA6
		if c != '.' && c != '!' && c != '?' && !isEllipsis {
			i++
			continue
		}
		// the run of final punctuation, then closing quotes and brackets
		j := i
		for j < b {
			if text[j] == '.' || text[j] == '!' || text[j] == '?' {
				j++
			} else if text[j] == 0xE2 && j+2 < b && text[j+1] == 0x80 && text[j+2] == 0xA6 {
				j += 3
			} else {
				break
			}
		}
		punctEnd := j
		for j < b {
			r, n := utf8.DecodeRuneInString(text[j:b])
			if !closer(r) {
				break
			}
			j += n
		}
		if j >= b {
			break
		}
		if sp, _ := spaceAt(text, j); !sp {
			i = j // "U.S.", "3.7", "France./REL", "Yahoo!News"
			continue
		}
		k := skipSpace(text, j, b)
		if k >= b {
			break
		}
		if boundary(text, start, i, punctEnd, j, k, b) {
			dst = appendTrimmed(text, start, j, dst)
			start = k
		}
		i = k
	}
	return appendTrimmed(text, start, b, dst)
}

func skipSpace(text string, i, b int) int {
	for i < b {
		sp, n := spaceAt(text, i)
		if !sp {
			break
		}
		i += n
	}
	return i
}

func appendTrimmed(text string, s, e int, dst []article.Span) []article.Span {
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	if s < e {
		dst = append(dst, article.Span{Start: s, End: e})
	}
	return dst
}

// boundary decides whether the punctuation at text[i:punctEnd] (followed by closers up to
// j, then white space, then the next character at k) ends a sentence.
func boundary(text string, start, i, punctEnd, j, k, b int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:b])
	switch {
	case unicode.IsLower(r):
		return false // "“Why?” he asked", "Acme Inc. said", "e.g. the"
	case r == ',' || r == ';' || r == ':' || r == ')' || r == ']':
		return false
	}
	if text[i] != '.' || punctEnd-i != 1 {
		return true // ! ? … and runs like "?!" or "..."
	}
	// a single period: look at the word it ends
	w := i
	for w > start {
		pr, n := utf8.DecodeLastRuneInString(text[start:w])
		if !(unicode.IsLetter(pr) || unicode.IsDigit(pr) || pr == '.' || pr == '\'' || pr == '’') {
			break
		}
		w -= n
	}
	word := strings.TrimLeft(text[w:i], ".")
	if word == "" {
		return true
	}
	if j > punctEnd {
		return true // `committed."` — a closing quote after the period
	}
	nextDigit := r >= '0' && r <= '9'
	switch {
	case neverEnd[word]:
		return false
	case titleAbbrevs[word]:
		return false
	case numberAbbrevs[word] && nextDigit:
		return false
	case otherAbbrevs[word] || initialism(word):
		if nextDigit {
			return false // "Nov. 23", "U.S. 5th Fleet"
		}
		return opener(text, k, b)
	}
	return true // ordinary words and numbers: "on April 3. He will"
}

// initialism: a single letter ("F" in "John F. Kennedy") or letters separated by periods
// ("U.S", "J.D", "a.m").
func initialism(w string) bool {
	n := 0
	for i, r := range w {
		if r == '.' {
			if i == 0 || w[i-1] == '.' {
				return false
			}
			continue
		}
		if !unicode.IsLetter(r) {
			return false
		}
		n++
		if i+utf8.RuneLen(r) < len(w) && w[i+utf8.RuneLen(r)] != '.' {
			return false // two letters in a row: a word
		}
	}
	return n >= 1
}

// opener reports whether the word at text[k:] usually opens a sentence ("The", "He"),
// or the next sentence starts with a quote.
func opener(text string, k, b int) bool {
	r, n := utf8.DecodeRuneInString(text[k:b])
	if r == '"' || r == '“' || r == '‘' || r == '\'' {
		return true
	}
	if !unicode.IsUpper(r) {
		return false
	}
	e := k + n
	for e < b {
		r, n := utf8.DecodeRuneInString(text[e:b])
		if !unicode.IsLetter(r) {
			break
		}
		e += n
	}
	return openers[strings.ToLower(text[k:e])]
}
