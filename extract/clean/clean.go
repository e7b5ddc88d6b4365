package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
)

// Reasons a span is dropped (article.Dropped.Reason).
const (
	ReasonTitle       = "title"         // the headline (it goes to Meta.Title)
	ReasonTitleRepeat = "title-repeat"  // the headline again, or cut short
	ReasonDateline    = "dateline"      // a date line or an agency dateline ("WASHINGTON, Nov 23 (Reuters) -")
	ReasonBoilerplate = "boilerplate"   // a generic web template phrase (data/cues.txt)
	ReasonUILabel     = "ui-label"      // a lone word or two, or a short all-caps label
	ReasonHeading     = "heading"       // a Title-Case or markdown heading
	ReasonByline      = "byline"        // "By Jane Smith"
	ReasonKeywords    = "keyword-list"  // "summit, defense, NATO, Europe, Russia"
	ReasonLinkList    = "link-list"     // a run of headline-like lines ("You may also like" + headlines)
	ReasonMarkup      = "markup"        // URLs, markup, menu separators
	ReasonSymbols     = "symbols"       // too few letters
	ReasonCredit      = "credit"        // a photo credit or agency tag, alone or after a caption
	ReasonShort       = "short"         // a short sentence not between kept paragraphs
	ReasonFragment    = "fragment"      // a short line that is not a sentence ("Story continues below")
	ReasonStopwords   = "low-stopwords" // too few function words for prose
	ReasonContext     = "context"       // a borderline line among dropped ones
)

// Options tune the classifier. Lengths are in characters (runes) of a trimmed line.
type Options struct {
	LengthLow      int     // below: a short line, judged by its neighbours (50)
	LengthHigh     int     // above, with StopwordsHigh: good on its own (150)
	StopwordsLow   float64 // below: bad (0.20)
	StopwordsHigh  float64 // at or above: good when long, near-good otherwise (0.25)
	MaxLinkDensity float64 // share of URL/markup/menu characters above which a line is bad (0.2)
	HeaderLines    int     // non-blank lines searched for the title and a dateline (8)
}

// DefaultOptions returns the measured defaults (go-libraries.md: stop-word thresholds
// 0.20/0.25 and length-low 50 keep every real paragraph of the seeds).
func DefaultOptions() Options {
	return Options{
		LengthLow:      50,
		LengthHigh:     150,
		StopwordsLow:   0.20,
		StopwordsHigh:  0.25,
		MaxLinkDensity: 0.2,
		HeaderLines:    8,
	}
}

// Cleaner classifies the lines of a document. It holds no per-document state and is safe
// for concurrent use.
type Cleaner struct {
	opts Options
}

// New returns a Cleaner; zero fields of opts take their defaults.
func New(opts Options) *Cleaner {
	def := DefaultOptions()
	if opts.LengthLow <= 0 {
		opts.LengthLow = def.LengthLow
	}
	if opts.LengthHigh <= 0 {
		opts.LengthHigh = def.LengthHigh
	}
	if opts.StopwordsLow <= 0 {
		opts.StopwordsLow = def.StopwordsLow
	}
	if opts.StopwordsHigh <= 0 {
		opts.StopwordsHigh = def.StopwordsHigh
	}
	if opts.MaxLinkDensity <= 0 {
		opts.MaxLinkDensity = def.MaxLinkDensity
	}
	if opts.HeaderLines <= 0 {
		opts.HeaderLines = def.HeaderLines
	}
	return &Cleaner{opts: opts}
}

var std = New(DefaultOptions())

// Clean classifies d.Text with the default options. See Cleaner.Clean.
func Clean(d *article.Doc) { std.Clean(d) }

type class uint8

const (
	bad class = iota
	short
	nearGood
	good
)

// line is one non-blank line (or hard-wrapped paragraph) of the text with its features.
type line struct {
	start, end int    // content span in Doc.Text (trimmed, list marker removed)
	text       string // Doc.Text[start:end]

	// counts
	runes, words int
	stops        int // stop words
	propers      int // capitalised non-stop words not opening a sentence
	titleCase    int // capitalised non-stop words
	letters      int
	nonSpace     int
	linkish      int // characters of URLs, markup, handles, menu separators

	terminated bool // ends like a sentence: . ! ? … (then closing quotes or brackets), or holds
	// a whole sentence before an unpunctuated end (openEnd)
	openEnd   bool // terminated only by a sentence inside the line: the last one lacks its final stop
	colon     bool // ends with ':'
	question  bool // ends with '?' (maybe then closing quotes)
	allCaps   bool
	mdHeading bool // "# ..." in markdown
	marker    bool // started with a list or quote marker
	wrapped   bool // joined from the lines of a hard-wrapped paragraph
	furniture bool // a fragment that does not end the article for its neighbours

	cls    class  // context-free class
	final  class  // after the context pass
	reason string // for a dropped line: why (hard reasons are final)
	hard   bool   // dropped by a rule the context pass cannot undo

	extra []article.Dropped // parts of the line cut off (dateline, credit); the rest may be kept
}

// Clean fills d.Blocks (kept spans, in order, non-overlapping) and d.Dropped (removed
// spans with their reason) from d.Text. Text is never rewritten: every span is a byte
// range of d.Text.
//
// Units are lines (a newline always ends a unit; blank lines are neither kept nor
// reported). When d.Meta.Title is empty the headline is looked for among the first lines
// and put in Meta.Title; the headline line is dropped either way. When d.Meta.Published is
// empty, a full date on a dateline among the first lines goes to Meta.Published with
// PublishedSource "dateline".
func (c *Cleaner) Clean(d *article.Doc) {
	// Blocks is never nil after cleaning: nil tells the segmenter no cleaner ran.
	d.Blocks, d.Dropped = d.Blocks[:0], d.Dropped[:0]
	if d.Blocks == nil {
		d.Blocks = []article.Span{}
	}
	lines := splitLines(d.Text)
	if len(lines) == 0 {
		return
	}
	for i := range lines {
		c.features(&lines[i])
		c.classify(&lines[i])
	}
	c.header(d, lines)
	markLists(lines)
	c.context(lines)
	emit(d, lines)
}

// ---- lines and features ----

func isSpace(r rune) bool {
	return r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' || r == '\v' || r == '\u00a0' ||
		r == '\ufeff' || r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' ||
		(r >= utf8.RuneSelf && unicode.IsSpace(r))
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// trimSpan narrows [s,e) of text to exclude white space (including NBSP and zero-width
// characters) at both ends.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[s:e])
		if !isSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// splitLines returns the non-blank lines of text, trimmed, with a leading list or quote
// marker ("- ", "* ", "• ", "> ") or markdown heading marker left out of the span.
// Lines of a hard-wrapped paragraph are joined into one unit (see joinWrapped).
func splitLines(text string) []line {
	n := strings.Count(text, "\n") + 1
	lines := make([]line, 0, n/2+1)
	for pos := 0; pos <= len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		end := len(text)
		if nl >= 0 {
			end = pos + nl
		}
		s, e := trimSpan(text, pos, end)
		if s < e {
			md, marker := false, false
			for {
				t := text[s:e]
				if len(t) >= 2 && (t[0] == '-' || t[0] == '*' || t[0] == '+' || t[0] == '>') && (t[1] == ' ' || t[1] == '\t') {
					s, e = trimSpan(text, s+1, e)
					marker = true
					if s < e {
						continue
					}
				} else if strings.HasPrefix(t, "•") || strings.HasPrefix(t, "·") {
					_, sz := utf8.DecodeRuneInString(t)
					s, e = trimSpan(text, s+sz, e)
					marker = true
					if s < e {
						continue
					}
				} else if t[0] == '#' {
					k := strings.IndexFunc(t, func(r rune) bool { return r != '#' })
					if k > 0 && k <= 6 && (t[k] == ' ' || t[k] == '\t') {
						s, e = trimSpan(text, s+k, e)
						md = true
					}
				}
				break
			}
			if s < e {
				lines = append(lines, line{start: s, end: e, text: text[s:e], mdHeading: md, marker: marker})
			}
		}
		if nl < 0 {
			break
		}
		pos = end + 1
	}
	return joinWrapped(text, lines)
}

// joinWrapped joins the lines of hard-wrapped paragraphs: a line that does not end a
// sentence, followed on the very next line by one that starts with a lower-case letter,
// or ending with a comma or a function word ("with", "the") — headlines and menu items
// end with neither, so lists of them stay apart.
func joinWrapped(text string, lines []line) []line {
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		cur := lines[i]
		for i+1 < len(lines) && wraps(text, &cur, &lines[i+1]) {
			next := lines[i+1]
			cur.end = next.end
			cur.text = text[cur.start:cur.end]
			cur.wrapped = true
			i++
		}
		out = append(out, cur)
	}
	return out
}

func wraps(text string, a, b *line) bool {
	if a.mdHeading || b.mdHeading || b.marker || strings.Count(text[a.end:b.start], "\n") != 1 {
		return false
	}
	if !a.wrapped && utf8.RuneCountInString(a.text) < 30 {
		return false
	}
	lr, _ := utf8.DecodeLastRuneInString(a.text)
	switch lr {
	case '.', '!', '?', ':', '…', '"', '”', '’', ')', ']':
		return false
	case ',', ';', '-', '–', '—':
		return true
	}
	first, _ := utf8.DecodeRuneInString(b.text)
	if unicode.IsLower(first) {
		return true
	}
	i := max(strings.LastIndexAny(a.text, " \t\n"), len(a.text)-40)
	return isStop(a.text[i+1:])
}

// features computes the counts of l from l.text (and resets derived fields).
func (c *Cleaner) features(l *line) {
	t := l.text
	l.runes, l.words, l.stops, l.propers, l.titleCase = 0, 0, 0, 0, 0
	l.letters, l.nonSpace, l.linkish = 0, 0, 0
	l.terminated, l.colon, l.question = endsSentence(t)
	l.openEnd = false
	upper, lower := 0, 0
	sentenceStart := true
	inner := false         // a sentence ends inside the line ("... on Tuesday. French President ...")
	endedSentence := false // the last word ended a sentence with a full stop
	for i := 0; i < len(t); {
		// one whitespace-separated word
		i = l.skipSpace(t, i)
		if i >= len(t) {
			break
		}
		ws := i
		var up, low int
		var marks bool
		i, up, low, marks = l.countWord(t, i)
		upper, lower = upper+up, lower+low
		w := t[ws:i]
		if (marks || strings.HasPrefix(w, "www.")) && linkLike(w) {
			l.linkish += utf8.RuneCountInString(w)
		}
		core := trimPunct(w)
		if core == "" {
			if w == "|" || w == "»" || w == "›" || w == "•" || w == "·" || w == "/" {
				l.linkish++
			}
			sentenceStart = sentenceStart || endsClause(w)
			continue
		}
		l.words++
		first, _ := utf8.DecodeRuneInString(core)
		if unicode.IsUpper(first) && l.words > 1 && sentenceStart && endedSentence {
			inner = true
		}
		isStop := isStop(core)
		if isStop {
			l.stops++
		}
		if unicode.IsUpper(first) {
			if !isStop {
				l.titleCase++
			}
			if !sentenceStart && !isStop {
				l.propers++
			}
		}
		sentenceStart = endsClause(w)
		endedSentence = sentenceStart && fullStop(w, core)
	}
	l.allCaps = upper >= 2 && lower == 0
	// A line holding a whole sentence reads as prose even when its last sentence lacks the
	// final stop (the article's end, "... visited Kyiv"): headlines and labels hold none.
	if inner && !l.terminated && !l.colon {
		l.terminated, l.openEnd = true, true
	}
}

// skipSpace counts the white space of t from i on in l.runes and returns where it ends.
func (l *line) skipSpace(t string, i int) int {
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf { // ASCII: no decoding
			if !asciiSpace(c) {
				return i
			}
			l.runes++
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !isSpace(r) {
			return i
		}
		l.runes++
		i += n
	}
	return i
}

// countWord counts the word of t that starts at i (up to white space) in l's runes,
// non-space runes and letters, and returns where it ends, its upper and lower case letters
// and whether it holds one of the marks of a link (linkMarks: else linkLike is false unless
// it starts with "www.").
func (l *line) countWord(t string, i int) (end, upper, lower int, marks bool) {
	for i < len(t) {
		if c := t[i]; c < utf8.RuneSelf { // ASCII: as isSpace and package unicode class it
			if asciiSpace(c) {
				break
			}
			l.runes++
			l.nonSpace++
			switch {
			case 'A' <= c && c <= 'Z':
				l.letters++
				upper++
			case 'a' <= c && c <= 'z':
				l.letters++
				lower++
			case strings.IndexByte(linkMarks, c) >= 0:
				marks = true
			}
			i++
			continue
		}
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
	return i, upper, lower, marks
}

// linkMarks are the characters of which a word that links (linkLike) has one, unless it
// starts with "www.".
const linkMarks = "/@#<]"

// asciiSpace is isSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// fullStop reports whether word w (core: w without punctuation) ends a sentence with . ! or
// ?: not an abbreviation ("Mr.", "U.S."), an initial ("J.") or a colon.
func fullStop(w, core string) bool {
	w = strings.TrimRight(w, `"'”’)]»`)
	if !strings.HasSuffix(w, ".") && !strings.HasSuffix(w, "!") && !strings.HasSuffix(w, "?") {
		return false
	}
	if strings.HasSuffix(w, ".") && (titleAbbrevs[core] || utf8.RuneCountInString(core) < 2 || strings.Contains(core, ".")) {
		return false
	}
	return core != ""
}

// endsClause reports whether a word ends a sentence (so the next capital is not a name).
func endsClause(w string) bool {
	w = strings.TrimRight(w, `"'”’)]»`)
	return strings.HasSuffix(w, ".") || strings.HasSuffix(w, "!") || strings.HasSuffix(w, "?") ||
		strings.HasSuffix(w, ":") || strings.HasSuffix(w, "…")
}

// endsSentence looks at the end of a line.
func endsSentence(t string) (terminated, colon, question bool) {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		return strings.ContainsRune(`"'”’)]»*_`, r)
	})
	if t == "" {
		return
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '…':
		terminated = true
	case '?':
		terminated, question = true, true
	case ':':
		colon = true
	}
	return
}

// trimPunct strips leading and trailing punctuation and symbols from a word.
func trimPunct(w string) string {
	return strings.TrimFunc(w, func(r rune) bool { return !isLetterOrDigit(r) })
}

// isStop looks a word up in the stop-word list, lowercased and with ’ folded to ',
// without allocating for ordinary words.
func isStop(w string) bool {
	var buf [24]byte
	if len(w) > len(buf) {
		return false // no stop word is that long
	}
	n := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == 0xE2 && i+2 < len(w) && w[i+1] == 0x80 && w[i+2] == 0x99: // ’
			c = '\''
			i += 2
		case c >= utf8.RuneSelf:
			return stopwords[strings.ToLower(w)]
		}
		buf[n] = c
		n++
	}
	return stopwords[string(buf[:n])]
}

// linkLike reports whether a word is a URL, an e-mail address, a handle, a hashtag, an
// HTML tag or a markdown link.
func linkLike(w string) bool {
	if len(w) < 2 {
		return false
	}
	if strings.IndexAny(w, linkMarks) < 0 && !strings.HasPrefix(w, "www.") {
		return false
	}
	switch {
	case strings.Contains(w, "://"), strings.HasPrefix(w, "www."), strings.Contains(w, "]("),
		strings.HasPrefix(w, "<") && strings.Contains(w, ">"), strings.HasPrefix(w, "</"):
		return true
	case (w[0] == '@' || w[0] == '#') && len(w) > 2:
		r, _ := utf8.DecodeRuneInString(w[1:])
		return unicode.IsLetter(r)
	case strings.IndexByte(w, '@') > 0 && strings.IndexByte(w, '.') > strings.IndexByte(w, '@'):
		return true
	}
	return false
}

// stopDensity is the share of stop words. For a line that reads like prose (it ends
// like a sentence) capitalised words inside sentences are left out of the count: news
// leads are full of names and would otherwise fall under the threshold.
func (l *line) stopDensity() float64 {
	if l.words == 0 {
		return 0
	}
	d := float64(l.stops) / float64(l.words)
	if l.terminated || l.colon {
		if rest := l.words - l.propers; rest > 0 {
			if adj := float64(l.stops) / float64(rest); adj > d {
				d = adj
			}
		}
	}
	return d
}

// headlineLike: a line that does not end like a sentence, of a headline's length.
func (l *line) headlineLike() bool {
	if l.terminated && !l.question {
		return false
	}
	if l.question && l.words > 15 {
		return false
	}
	return l.words >= 3 && l.words <= 25 && !l.colon
}

// titleCased: most content words capitalised ("Pune Businessmen Duped Of ...").
func (l *line) titleCased() bool {
	content := l.words - l.stops
	return content >= 2 && float64(l.titleCase) >= 0.7*float64(content)
}
