package segment

import (
	"strings"
	"unicode/utf8"

	"github.com/clipperhouse/uax29/v2/words"

	"github.com/newsgraph/newsgraph/extract/article"
)

// Segmenter splits documents into sentences and tokens. It holds no per-document state
// (the abbreviation tables are built once per process) and is safe for concurrent use.
type Segmenter struct{}

// New returns a Segmenter.
func New() *Segmenter { return &Segmenter{} }

// Segment fills d.Sentences; see the package function Segment.
func (*Segmenter) Segment(d *article.Doc) { Segment(d) }

// Segment fills d.Sentences from d.Blocks: the sentences of every kept block, in order,
// each with its tokens. Newlines end sentences; a block that spans several lines (the
// cleaner joins the lines of a hard-wrapped paragraph into one block) reads its newlines
// as spaces. When d.Blocks is nil (the cleaner did not run) every line of d.Text is a
// block. Token tags are left empty.
func Segment(d *article.Doc) {
	d.Sentences = d.Sentences[:0]
	text := d.Text
	var spans []article.Span
	if d.Blocks == nil {
		spans = Split(text, article.Span{Start: 0, End: len(text)}, false, nil)
	} else {
		for _, b := range d.Blocks {
			if b.Start < 0 || b.End > len(text) || b.Start >= b.End {
				continue
			}
			soft := strings.IndexByte(text[b.Start:b.End], '\n') >= 0
			spans = Split(text, b, soft, spans)
		}
	}
	if cap(d.Sentences) < len(spans) {
		d.Sentences = make([]article.Sentence, 0, len(spans))
	}
	t := newTokenizer()
	all := make([]article.Token, 0, len(text)/5+16)
	for _, sp := range spans {
		from := len(all)
		all = t.tokens(text, sp, all)
		if len(all) == from {
			continue
		}
		d.Sentences = append(d.Sentences, article.Sentence{Span: sp, Tokens: all[from:len(all):len(all)]})
	}
}

// Tokens returns the tokens of text[sp.Start:sp.End] with byte offsets into text.
func Tokens(text string, sp article.Span) []article.Token {
	return newTokenizer().tokens(text, sp, nil)
}

// tokenizer holds scratch space for one document.
type tokenizer struct {
	it  *words.Iterator[string]
	raw []article.Token
}

func newTokenizer() *tokenizer {
	return &tokenizer{it: words.FromString("")}
}

// tokens appends the tokens of text[sp] to dst: UAX #29 words without white space, then
//   - hyphenated words joined: "President-elect", "re-enter", "Secretary-General";
//   - the period kept on abbreviations and initials: "Mr.", "U.S.", "Jan.", "J.";
//   - clitics split as in the Penn Treebank: "Trump's" -> "Trump" "'s", "don't" -> "do" "n't".
func (t *tokenizer) tokens(text string, sp article.Span, dst []article.Token) []article.Token {
	seg := text[sp.Start:sp.End]
	t.it.SetText(seg)
	raw := t.raw[:0]
	for t.it.Next() {
		v := t.it.Value()
		if blank(v) {
			continue
		}
		s := sp.Start + t.it.Start()
		raw = append(raw, article.Token{Span: article.Span{Start: s, End: s + len(v)}})
	}
	t.raw = raw
	for i := 0; i < len(raw); i++ {
		tok := raw[i]
		// hyphenated compounds: word-word(-word...)
		for i+2 < len(raw) && raw[i+1].Start == tok.End && raw[i+2].Start == raw[i+1].End &&
			text[raw[i+1].Start:raw[i+1].End] == "-" && wordish(text[tok.Start:tok.End]) &&
			wordish(text[raw[i+2].Start:raw[i+2].End]) {
			tok.End = raw[i+2].End
			i += 2
		}
		// an ellipsis written as periods
		if text[tok.Start:tok.End] == "." {
			for i+1 < len(raw) && raw[i+1].Start == tok.End && text[raw[i+1].Start:raw[i+1].End] == "." {
				tok.End = raw[i+1].End
				i++
			}
		}
		// abbreviation period
		if i+1 < len(raw) && raw[i+1].Start == tok.End && text[raw[i+1].Start:raw[i+1].End] == "." &&
			keepsPeriod(text[tok.Start:tok.End]) {
			tok.End = raw[i+1].End
			i++
		}
		w := text[tok.Start:tok.End]
		if n := cliticLen(w); n > 0 {
			cut := tok.End - n
			dst = append(dst, article.Token{Span: article.Span{Start: tok.Start, End: cut}, Text: text[tok.Start:cut]},
				article.Token{Span: article.Span{Start: cut, End: tok.End}, Text: text[cut:tok.End]})
			continue
		}
		tok.Text = w
		dst = append(dst, tok)
	}
	return dst
}

func blank(v string) bool {
	for _, r := range v {
		if !isSpace(r) {
			return false
		}
	}
	return true
}

func wordish(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && !isSpace(r) && !closer(r)
}

func keepsPeriod(w string) bool {
	return titleAbbrevs[w] || numberAbbrevs[w] || otherAbbrevs[w] || neverEnd[w] || initialism(w)
}

var clitics = []string{"'s", "’s", "'S", "’S", "n't", "n’t", "N'T", "N’T", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"}

// cliticLen returns the byte length of a clitic ending w (with at least one letter before
// it), or 0.
func cliticLen(w string) int {
	if strings.IndexByte(w, '\'') < 0 && !strings.Contains(w, "’") {
		return 0 // every clitic has an apostrophe: most words are done here
	}
	for _, c := range clitics {
		if len(w) > len(c) && strings.HasSuffix(w, c) {
			head := w[:len(w)-len(c)]
			r, _ := utf8.DecodeLastRuneInString(head)
			if r == '\'' || r == '’' || !wordish(head) {
				return 0
			}
			return len(c)
		}
	}
	return 0
}
