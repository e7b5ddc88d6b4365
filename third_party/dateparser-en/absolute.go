package dateparser

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

type kind uint8

const (
	numTok kind = iota
	wordTok
	punctTok
)

// tok is a run of ASCII digits, a run of letters or one other character. space: white space
// came before it.
type tok struct {
	k     kind
	s     string
	space bool
}

var meridiem = strings.NewReplacer("a.m.", "am ", "p.m.", "pm ")

func tokenize(s string) []tok {
	s = meridiem.Replace(strings.ToLower(s))
	var toks []tok
	space := false
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= 0x80 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		j := i + size
		switch {
		case unicode.IsSpace(r):
			space = true
			i = j
			continue
		case r >= '0' && r <= '9':
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			toks = append(toks, tok{numTok, s[i:j], space})
		case unicode.IsLetter(r):
			for j < len(s) {
				q, n := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(q) {
					break
				}
				j += n
			}
			toks = append(toks, tok{wordTok, s[i:j], space})
		default:
			toks = append(toks, tok{punctTok, s[i:j], space})
		}
		space = false
		i = j
	}
	return toks
}

// number is a number that may be a day, a month or a year.
type number struct {
	v, digits  int
	ordinal    bool // 6th
	apostrophe bool // '25
}

func newNumber(s string) number {
	v, err := strconv.Atoi(s)
	if err != nil || len(s) > 4 {
		return number{v: -1, digits: len(s)}
	}
	return number{v: v, digits: len(s)}
}

// parts is what a string holds once its tokens are read.
type parts struct {
	nums    []number
	month   int        // from a month name, 0 if none
	triple  []number   // a numeric date: 2025-03-06, 06/03/2025
	hasTime bool       // a clock time was read
	clock   [3]int     // hour, minute, second
	after   wordClass  // what the last item read was (ampmWord for a time, tzWord for a zone)
	words   wordLookup // the word table
}

type wordLookup map[string]wordInfo

// scan reads the tokens; false when one of them is not part of a date.
func (p *parts) scan(toks []tok) bool {
	for i := 0; i < len(toks); {
		t := toks[i]
		var n int
		switch t.k {
		case numTok:
			n = p.number(toks, i)
		case wordTok:
			n = p.word(toks, i)
		default:
			n = p.punct(toks, i)
		}
		if n <= 0 {
			return false
		}
		i += n
	}
	return true
}

// glued reports whether toks[i:i+n] exist and none after the first has space before it.
func glued(toks []tok, i, n int) bool {
	if i+n > len(toks) {
		return false
	}
	for _, t := range toks[i+1 : i+n] {
		if t.space {
			return false
		}
	}
	return true
}

func isPunct(t tok, chars string) bool { return t.k == punctTok && strings.Contains(chars, t.s) }

// number reads a numeric date, a time or a plain number at toks[i]; it returns the tokens used.
func (p *parts) number(toks []tok, i int) int {
	if glued(toks, i, 5) && isPunct(toks[i+1], "/.-") && toks[i+3].s == toks[i+1].s &&
		toks[i+2].k == numTok && toks[i+4].k == numTok && p.triple == nil {
		p.triple = []number{newNumber(toks[i].s), newNumber(toks[i+2].s), newNumber(toks[i+4].s)}
		p.after = unknown
		return 5
	}
	if n := p.clockTime(toks, i); n != 0 {
		return n
	}
	num := newNumber(toks[i].s)
	used := 1
	if glued(toks, i, 2) && toks[i+1].k == wordTok && p.words[toks[i+1].s].class == ordinalWord {
		num.ordinal = true
		used = 2
	}
	if i > 0 && toks[i-1].s == "'" && !toks[i].space {
		num.apostrophe = true
	}
	p.nums = append(p.nums, num)
	p.after = unknown
	return used
}

// clockTime reads 10:15, 10:15:30.123, 10.15, 14h05, 10am and 10:15 pm; 0 when there is none,
// -1 when it is not a valid time.
func (p *parts) clockTime(toks []tok, i int) int {
	fields, n := []string{toks[i].s}, 1
	switch {
	case glued(toks, i, 3) && (toks[i+1].s == ":" || p.words[toks[i+1].s].class == hoursWord) && toks[i+2].k == numTok:
		fields, n = append(fields, toks[i+2].s), 3
		for glued(toks, i, n+2) && toks[i+n].s == ":" && toks[i+n+1].k == numTok && len(fields) < 3 {
			fields, n = append(fields, toks[i+n+1].s), n+2
		}
		if glued(toks, i, n+2) && isPunct(toks[i+n], ".,") && toks[i+n+1].k == numTok && len(fields) == 3 {
			n += 2 // fraction of a second
		}
	case glued(toks, i, 3) && toks[i+1].s == "." && toks[i+2].k == numTok && len(toks[i+2].s) == 2 &&
		!(glued(toks, i, 4) && toks[i+3].s == "."):
		fields, n = append(fields, toks[i+2].s), 3
	case i+1 < len(toks) && p.words[toks[i+1].s].class == ampmWord:
	default:
		return 0
	}
	return p.setClock(toks, i, fields, n)
}

func (p *parts) setClock(toks []tok, i int, fields []string, n int) int {
	var c [3]int
	for k, f := range fields {
		v, err := strconv.Atoi(f)
		if err != nil || len(f) > 2 {
			return -1
		}
		c[k] = v
	}
	if i+n < len(toks) && p.words[toks[i+n].s].class == ampmWord {
		if c[0] < 1 || c[0] > 12 {
			return -1
		}
		c[0] %= 12
		if p.words[toks[i+n].s].value == "pm" {
			c[0] += 12
		}
		n++
	}
	if p.hasTime || c[0] > 23 || c[1] > 59 || c[2] > 59 {
		return -1
	}
	p.hasTime, p.clock, p.after = true, c, ampmWord
	return n
}

// word reads a word: a month sets the month; weekdays, zones and filler words are passed over.
func (p *parts) word(toks []tok, i int) int {
	w := p.words[toks[i].s]
	switch w.class {
	case monthWord:
		if p.month != 0 {
			return -1
		}
		p.month = w.n
		if i+1 < len(toks) && toks[i+1].s == "." && !toks[i+1].space {
			return 2 // Mar.
		}
	case clockWord:
		if p.hasTime {
			return -1
		}
		p.hasTime, p.clock = true, [3]int{w.n, 0, 0}
	case weekdayWord, skipWord, hoursWord, tzWord:
	default:
		return -1
	}
	p.after = w.class
	return 1
}

// punct passes over punctuation; +0100, and after a time or a zone name -05:00 or +1, are
// offsets.
func (p *parts) punct(toks []tok, i int) int {
	t := toks[i]
	if !isPunct(t, "+-") || !glued(toks, i, 2) || toks[i+1].k != numTok {
		return 1
	}
	if t.s == "-" && p.after != ampmWord && p.after != tzWord {
		return 1
	}
	n := 2
	if glued(toks, i, 4) && toks[i+2].s == ":" && toks[i+3].k == numTok {
		n = 4
	}
	p.after = unknown
	return n
}
