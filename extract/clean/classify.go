package clean

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
)

// drop marks a line as dropped for good.
func (l *line) drop(reason string) {
	l.hard, l.reason, l.cls = true, reason, bad
}

// classify assigns the context-free class of a line: hard rules first, then the
// jusText length and stop-word density test.
func (c *Cleaner) classify(l *line) {
	if l.hard {
		return
	}
	c.cutCreditTail(l)
	var norm string
	if l.words <= 25 {
		norm = normalize(l.text)
	}
	switch {
	case l.letters == 0 || (l.runes < 200 && l.nonSpace >= 8 && 2*l.letters < l.nonSpace):
		l.drop(ReasonSymbols)
	case l.mdHeading:
		l.drop(ReasonHeading)
	case norm != "" && isCue(norm, l):
		l.drop(ReasonBoilerplate)
	case l.nonSpace > 0 && float64(l.linkish) > c.opts.MaxLinkDensity*float64(l.nonSpace):
		l.drop(ReasonMarkup)
	case !l.terminated && l.words <= 8 && isCredit(l.text, false):
		l.drop(ReasonCredit)
	case isByline(l):
		l.drop(ReasonByline)
	case !l.terminated && isKeywordList(l.text):
		l.drop(ReasonKeywords)
	case l.words <= 14 && strings.IndexAny(l.text, "0123456789") >= 0 && isDateOnly(l.text):
		l.drop(ReasonDateline)
	case !l.terminated && (l.words <= 2 || (l.allCaps && l.words <= 8)):
		l.drop(ReasonUILabel)
	case !l.terminated && !l.colon && l.words <= 20 && l.titleCased():
		l.drop(ReasonHeading)
	default:
		c.jusText(l)
	}
}

func isDateOnly(s string) bool {
	_, ok := datelineLine(s)
	return ok
}

// jusText is the context-free paragraph test of jusText (Pomikálek 2011) with our
// thresholds, plus one guard: a line that does not end like a sentence is at best
// "short" (kept only between kept paragraphs), since headlines and link texts are long
// enough and wordy enough to pass the stop-word test.
func (c *Cleaner) jusText(l *line) {
	o := c.opts
	switch {
	case l.runes < o.LengthLow:
		switch {
		case l.linkish > 0:
			l.cls, l.reason = bad, ReasonMarkup
		case !l.terminated && !l.colon:
			// "Story continues below", "3 hours ago", a subheading: not a sentence
			l.cls, l.reason, l.furniture = bad, ReasonFragment, true
		default:
			l.cls, l.reason = short, ReasonShort
		}
		return
	}
	sd := l.stopDensity()
	switch {
	case sd >= o.StopwordsHigh && l.runes > o.LengthHigh:
		l.cls = good
	case sd >= o.StopwordsLow:
		l.cls, l.reason = nearGood, ReasonContext
	default:
		l.cls, l.reason = bad, ReasonStopwords
	}
	if l.cls > short && !l.terminated && !l.colon && (l.runes < 200 || l.wrapped) {
		l.cls, l.reason = short, ReasonShort
	}
}

// isCue matches the generic boilerplate phrases of data/cues.txt.
func isCue(norm string, l *line) bool {
	if cueLine[norm] {
		return true
	}
	for _, p := range cuePrefix {
		if !strings.HasPrefix(norm, p) {
			continue
		}
		rest := norm[len(p):]
		if rest == "" {
			return true
		}
		if rest[0] != ' ' {
			continue
		}
		// "Read more: ..." — the phrase then a colon in the original text
		if colonAfterPrefix(l.text, p) {
			return true
		}
		// "Read more Trump meets Putin" — a phrase of two words or more, then a headline
		// (one-word phrases need the colon: "More NATO allies pledge" is a headline)
		if strings.Contains(p, " ") && !l.terminated && l.words <= 20 {
			return true
		}
	}
	if l.words <= 20 {
		for _, s := range cueSubstr {
			if i := strings.Index(norm, s); i >= 0 && (i == 0 || norm[i-1] == ' ') &&
				(i+len(s) == len(norm) || norm[i+len(s)] == ' ') {
				return true
			}
		}
	}
	return false
}

// colonAfterPrefix reports whether the first words of t (as many as in the normalised
// prefix p) are followed by a colon.
func colonAfterPrefix(t, p string) bool {
	n := strings.Count(p, " ") + 1
	words := 0
	inWord := false
	for i, r := range t {
		if isLetterOrDigit(r) || r == '\'' || r == '’' {
			if !inWord {
				words++
				inWord = true
			}
			continue
		}
		if inWord && words == n {
			return strings.HasPrefix(strings.TrimLeft(t[i:], " \t\u00a0"), ":")
		}
		inWord = false
	}
	return false
}

// isCredit reports whether s reads as a photo credit or agency tag: mostly credit words
// (data/credits.txt), or (for a tail after a caption) at most three capitalised words.
func isCredit(s string, tail bool) bool {
	if strings.ContainsRune(s, '©') {
		return true
	}
	toks := strings.FieldsFunc(s, func(r rune) bool {
		return isSpace(r) || r == '/' || r == '(' || r == ')' || r == '[' || r == ']' || r == ',' || r == ';' || r == '|'
	})
	if len(toks) == 0 || len(toks) > 8 {
		return false
	}
	n, caps := 0, 0
	for _, t := range toks {
		t = strings.Trim(t, ".:-–—'\"")
		if t == "" {
			continue
		}
		if credits[t] {
			n++
		}
		r, _ := utf8.DecodeRuneInString(t)
		if unicode.IsUpper(r) || credits[t] || t == "and" || t == "of" {
			caps++
		}
	}
	switch {
	case n > 0 && 2*n >= len(toks):
		return true
	case n > 0 && caps == len(toks):
		return true
	case tail && caps == len(toks) && len(toks) <= 3:
		return true
	}
	return false
}

var titleAbbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Gen": true, "Sen": true,
	"Rep": true, "Gov": true, "Prof": true, "Lt": true, "Col": true, "Capt": true, "Sgt": true,
	"Maj": true, "Adm": true, "Rev": true, "Jr": true, "Sr": true, "No": true, "vs": true,
}

// cutCreditTail removes a credit after a caption's last sentence from the line's span:
// "... increase defense spending. Reuters", "... facilities. Press Service/AFP (via Getty
// Images)", or an agency slug glued to the end "... and France./REL".
func (c *Cleaner) cutCreditTail(l *line) {
	if (l.terminated && !l.openEnd) || l.words < 5 {
		return
	}
	t := l.text
	// a credit is a short tail: look at the last 160 bytes only
	for k := len(t) - 1; k > 0 && k >= len(t)-160; k-- {
		slug := false
		switch {
		case t[k] == '/':
			slug = true
		case t[k] == ' ' || t[k] == '\t':
		case t[k] == 0xA0 && t[k-1] == 0xC2: // NBSP
			k--
		default:
			continue
		}
		head := t[:k]
		if !slug {
			head = strings.TrimRightFunc(head, isSpace)
		}
		core := strings.TrimRight(head, `"'”’)]»`)
		if !strings.HasSuffix(core, ".") && !strings.HasSuffix(core, "!") && !strings.HasSuffix(core, "?") {
			continue
		}
		// the caption must end a real sentence, not an abbreviation or an initial
		w := lastWord(core[:len(core)-1])
		if titleAbbrevs[w] || utf8.RuneCountInString(w) < 2 || strings.Contains(w, ".") {
			continue
		}
		tail := t[k:]
		if slug {
			if !isSlug(tail[1:]) {
				return
			}
		} else {
			tail = strings.TrimLeftFunc(tail, isSpace)
			if !isCredit(tail, true) {
				return
			}
		}
		if wordsIn(head) < 4 {
			return
		}
		tailStart := len(t) - len(tail)
		l.extra = append(l.extra, article.Dropped{Span: article.Span{Start: l.start + tailStart, End: l.end}, Reason: ReasonCredit})
		l.end = l.start + len(head)
		l.text = head
		c.features(l)
		return
	}
}

// lastWord returns the word ending s (after the last white space).
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if isSpace(r) {
			break
		}
		i -= n
	}
	return s[i:]
}

// isSlug: two to eight upper-case letters, nothing else ("REL", "AFP").
func isSlug(s string) bool {
	if len(s) < 2 || len(s) > 8 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func wordsIn(s string) int {
	n := 0
	for _, f := range strings.Fields(s) {
		if strings.IndexFunc(f, isLetterOrDigit) >= 0 {
			n++
		}
	}
	return n
}

// isByline: "By Jane Smith", "By Jane Smith and John Doe, Reuters".
func isByline(l *line) bool {
	if l.terminated || l.words > 8 || l.words < 2 {
		return false
	}
	t := l.text
	if !strings.HasPrefix(t, "By ") && !strings.HasPrefix(t, "BY ") && !strings.HasPrefix(t, "by ") {
		return false
	}
	for _, f := range strings.Fields(t[3:]) {
		f = strings.Trim(f, ",.;:|()")
		if f == "" || f == "and" || f == "&" || f == "in" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// isKeywordList: at least four comma- (or semicolon-, pipe-) separated items of one to
// three words, at most one in five with four words, none longer.
func isKeywordList(t string) bool {
	if strings.Count(t, ",")+strings.Count(t, ";")+strings.Count(t, "|")+strings.Count(t, "·") < 3 {
		return false
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ',' || r == ';' || r == '|' || r == '·' })
	if len(parts) < 4 {
		return false
	}
	long := 0
	for _, p := range parts {
		switch w := wordsIn(p); {
		case w > 4:
			return false
		case w == 4:
			long++
		}
	}
	return long*5 <= len(parts)
}

// ---- header: datelines and the title ----

// header finds datelines and the title among the first lines.
func (c *Cleaner) header(d *article.Doc, lines []line) {
	n := min(len(lines), c.opts.HeaderLines)
	// the body starts at the first line that reads as a paragraph
	body := n
	for i := 0; i < n; i++ {
		if !lines[i].hard && lines[i].cls >= nearGood && (lines[i].terminated || lines[i].colon) {
			body = i
			break
		}
	}
	// datelines: before the body or opening it
	for i := 0; i < n && i <= body; i++ {
		l := &lines[i]
		if l.words <= 14 && strings.IndexAny(l.text, "0123456789") >= 0 { // "December 12, 2023 | Updated 6:45 PM ET"
			if date, ok := datelineLine(l.text); ok {
				l.drop(ReasonDateline)
				if d.Meta.Published == "" {
					d.Meta.Published, d.Meta.PublishedSource = date, "dateline"
				}
				continue
			}
		}
		if k, date := prefixDateline(l.text); k > 0 && k < len(l.text) && !l.hard {
			c.cutDateline(d, l, k, date)
		}
	}
	title := strings.Join(strings.Fields(d.Meta.Title), " ")
	if title == "" {
		// a markdown heading; else the first candidate of six words or more (site names
		// and section labels are shorter, captions come later); else the longest
		best, first6 := -1, -1
		for i := 0; i < body; i++ {
			l := &lines[i]
			if !titleCandidate(l) {
				continue
			}
			if l.mdHeading {
				best, first6 = i, -1
				break
			}
			if first6 < 0 && l.words >= 6 {
				first6 = i
			}
			if best < 0 || l.runes > lines[best].runes {
				best = i
			}
		}
		if first6 >= 0 {
			best = first6
		}
		if best < 0 {
			return
		}
		title = strings.Join(strings.Fields(lines[best].text), " ")
		d.Meta.Title = title
		lines[best].drop(ReasonTitle)
	}
	nt := normalize(title)
	if nt == "" {
		return
	}
	seen := false
	for i := 0; i < n; i++ {
		l := &lines[i]
		if l.hard && l.reason == ReasonTitle {
			seen = true
			continue
		}
		if l.hard && l.reason != ReasonHeading && l.reason != ReasonUILabel {
			continue
		}
		nl := normalize(l.text)
		switch {
		case nl == nt:
		case i < body && !l.terminated && strings.Count(nl, " ") >= 3 && strings.HasPrefix(nt, nl+" "):
			// the headline cut short
		case i < body && strings.HasPrefix(nl, nt+" ") && wordsIn(nl[len(nt):]) <= 6:
			// the headline and a site name
		default:
			continue
		}
		if seen {
			l.drop(ReasonTitleRepeat)
		} else {
			l.drop(ReasonTitle)
			seen = true
		}
	}
}

// titleCandidate: a headline-like line that no rule has dropped as template text.
func titleCandidate(l *line) bool {
	if l.hard && l.reason != ReasonHeading {
		return false
	}
	if l.terminated && !l.question || l.colon || l.allCaps || l.linkish > 0 {
		return false
	}
	return l.words >= 4 && l.words <= 30 && l.runes >= 20
}

// cutDateline takes an agency dateline off the start of a line.
func (c *Cleaner) cutDateline(d *article.Doc, l *line, k int, date string) {
	s, e := trimSpan(l.text, k, len(l.text))
	if s >= e {
		return
	}
	l.extra = append(l.extra, article.Dropped{Span: article.Span{Start: l.start, End: l.start + s}, Reason: ReasonDateline})
	l.start += s
	l.text = l.text[s:e]
	l.end = l.start + len(l.text)
	c.features(l)
	c.classify(l)
	if date != "" && d.Meta.Published == "" {
		d.Meta.Published, d.Meta.PublishedSource = date, "dateline"
	}
}

// ---- structure: lists of headlines ----

func (l *line) listItem() bool {
	return l.headlineLike() && (!l.hard || l.reason == ReasonHeading || l.reason == ReasonLinkList)
}

// listHeading: a short line that can announce a list ("You may also like", "Related:").
func (l *line) listHeading() bool {
	return l.words >= 1 && l.words <= 6 && !l.terminated &&
		(!l.hard || l.reason == ReasonBoilerplate || l.reason == ReasonUILabel || l.reason == ReasonHeading)
}

// markLists drops runs of headline-like lines: three or more in a row, two or more under
// a short heading, or any under a boilerplate cue. Such runs are "more stories" lists,
// menus and tickers, wherever they are.
func markLists(lines []line) {
	for i := 0; i < len(lines); {
		if !lines[i].listItem() {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].listItem() {
			j++
		}
		headed := i > 0 && lines[i-1].listHeading()
		cue := headed && lines[i-1].hard && lines[i-1].reason == ReasonBoilerplate
		if j-i >= 3 || (j-i >= 2 && headed) || cue {
			for k := i; k < j; k++ {
				lines[k].drop(ReasonLinkList)
			}
			if headed && !lines[i-1].hard {
				lines[i-1].drop(ReasonLinkList)
			}
		}
		i = j
	}
}

// ---- context ----

// neighbours returns, for every line, the class of the nearest line before it (dir -1)
// or after it (dir +1) that is neither short nor near-good, or bad at the document's
// edge. With skipTemplate, lines that sites insert inside articles too (advertisement
// labels, share widgets, credits, date lines) are passed over: they do not mark the
// article's end. One linear pass.
func neighbours(lines []line, dir int, skipTemplate bool, out []class) []class {
	out = out[:0]
	out = append(out, make([]class, len(lines))...)
	cur := bad
	i, end := 0, len(lines)
	if dir > 0 {
		i, end = len(lines)-1, -1
	}
	for ; i != end; i -= dir {
		out[i] = cur
		l := &lines[i]
		if skipTemplate && dir < 0 && l.hard && (l.reason == ReasonTitle || l.reason == ReasonTitleRepeat) {
			cur = good // the headline announces the article: what follows it may start it
			continue
		}
		c := l.final
		if c == short || c == nearGood || (skipTemplate && l.template()) {
			continue
		}
		cur = c
	}
	return out
}

// template: dropped as a widget, label, credit or date — not as part of a list or a title.
func (l *line) template() bool {
	if l.furniture {
		return true
	}
	if !l.hard {
		return false
	}
	switch l.reason {
	case ReasonBoilerplate, ReasonUILabel, ReasonCredit, ReasonDateline, ReasonSymbols, ReasonMarkup, ReasonHeading, ReasonByline:
		return true
	}
	return false
}

// context revises short and near-good lines from their neighbours, as jusText does:
// a short line is kept only between good ones; a near-good one unless both sides are bad.
func (c *Cleaner) context(lines []line) {
	for i := range lines {
		lines[i].final = lines[i].cls
	}
	var prev, next, prevT, nextT []class
	prev = neighbours(lines, -1, false, prev)
	next = neighbours(lines, 1, false, next)
	prevT = neighbours(lines, -1, true, prevT)
	nextT = neighbours(lines, 1, true, nextT)
	for i := range lines {
		l := &lines[i]
		if l.cls != short {
			continue
		}
		// a sentence-like short line may look past template lines; a headline-like one not.
		// A line of three words or more ending in a colon introduces what follows ("The
		// minister said:"): the line after it decides.
		p, n := prev[i], next[i]
		if l.terminated || l.colon {
			p, n = prevT[i], nextT[i]
		}
		if l.colon && l.words >= 3 {
			p = good
		}
		if p == good && n == good {
			l.final = good
		} else {
			l.final = bad
		}
	}
	prevT = neighbours(lines, -1, true, prevT)
	nextT = neighbours(lines, 1, true, nextT)
	kept := false
	for i := range lines {
		l := &lines[i]
		if l.cls == nearGood {
			if prevT[i] == bad && nextT[i] == bad {
				l.final = bad
			} else {
				l.final = good
			}
		}
		kept = kept || l.final == good
	}
	if !kept {
		keepShortArticle(lines)
	}
}

// keepShortArticle keeps something of an article where no paragraph passed (a text of one
// or two short lines): what reads like sentences of three words or more; failing that,
// any such line the context dropped; failing that, the headline, which is then the whole
// article ("Merkel and Macron will meet in Aachen").
func keepShortArticle(lines []line) {
	passes := []func(l *line) bool{
		func(l *line) bool { return !l.hard && l.terminated },
		func(l *line) bool { return !l.hard },
		func(l *line) bool { return l.hard && (l.reason == ReasonTitle || l.reason == ReasonHeading) },
	}
	for _, keep := range passes {
		kept := false
		for i := range lines {
			l := &lines[i]
			if l.words >= 3 && keep(l) {
				l.final, l.hard, kept = good, false, true
			}
		}
		if kept {
			return
		}
	}
}

// emit writes Blocks and Dropped in text order.
func emit(d *article.Doc, lines []line) {
	for i := range lines {
		l := &lines[i]
		if l.final == good && !l.hard && l.start < l.end {
			for _, x := range l.extra {
				if x.End <= l.start {
					d.Dropped = append(d.Dropped, x)
				}
			}
			d.Blocks = append(d.Blocks, article.Span{Start: l.start, End: l.end})
			for _, x := range l.extra {
				if x.Start >= l.end {
					d.Dropped = append(d.Dropped, x)
				}
			}
			continue
		}
		s, e := l.start, l.end
		for _, x := range l.extra {
			s, e = min(s, x.Start), max(e, x.End)
		}
		reason := l.reason
		if reason == "" {
			reason = ReasonContext
		}
		d.Dropped = append(d.Dropped, article.Dropped{Span: article.Span{Start: s, End: e}, Reason: reason})
	}
}
