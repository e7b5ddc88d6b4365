// Package conllu reads and writes CoNLL-U (https://universaldependencies.org/format.html),
// the format of the Universal Dependencies treebanks and of `newsgraph parse`.
//
// A Sentence keeps its comment lines, its syntactic words (integer ids) and, as they were,
// its multiword-token lines ("2-3 don't") and empty nodes ("8.1"), so that a file read and
// written again keeps every line. Errors name the file and line: "test.conllu:12: ...".
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Word is one syntactic word (a line whose ID is an integer).
type Word struct {
	ID     int    // 1-based position in the sentence
	Form   string // the word as written
	Lemma  string // "_" when unknown
	UPOS   string // universal part of speech ("_" when unknown)
	XPOS   string // language-specific (Penn) tag ("_" when unknown)
	Feats  string // morphological features ("_" when none)
	Head   int    // ID of the head word, 0 for the root, -1 when unknown ("_")
	Deprel string // dependency relation with subtype ("nsubj:pass"); "_" when unknown
	Deps   string // enhanced dependencies, kept as written
	Misc   string // e.g. SpaceAfter=No, kept as written
}

// Extra is a line kept as written: a multiword token ("2-3") or an empty node ("8.1").
// Before is the number of words that precede it in the sentence.
type Extra struct {
	Before int
	Line   string
}

// Sentence is one sentence: comments (without the leading "# "), words, and extra lines.
type Sentence struct {
	Comments []string
	Words    []Word
	Extras   []Extra
	Line     int // line of the sentence's first line in its file (for messages)
}

// Text returns the value of the "# text = ..." comment, or "" when there is none.
func (s *Sentence) Text() string {
	for _, c := range s.Comments {
		if v, ok := strings.CutPrefix(c, "text = "); ok {
			return v
		}
	}
	return ""
}

// Forms returns the forms of the words in order.
func (s *Sentence) Forms() []string {
	f := make([]string, len(s.Words))
	for i, w := range s.Words {
		f[i] = w.Form
	}
	return f
}

// Error is a syntax error at a line of a file.
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// maxLine bounds one line (1 MB): longer lines are an error, not an unbounded allocation.
const maxLine = 1 << 20

// Reader reads sentences one at a time.
type Reader struct {
	sc   *bufio.Scanner
	name string
	line int
	err  error
}

// NewReader reads CoNLL-U from r; name is used in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), maxLine)
	return &Reader{sc: sc, name: name}
}

// Next returns the next sentence, io.EOF after the last one, or an *Error.
func (r *Reader) Next() (*Sentence, error) {
	if r.err != nil {
		return nil, r.err
	}
	var s *Sentence
	for r.sc.Scan() {
		r.line++
		line := strings.TrimSuffix(r.sc.Text(), "\r")
		if strings.TrimSpace(line) == "" {
			if s != nil {
				return s, r.finish(s)
			}
			continue
		}
		if s == nil {
			s = &Sentence{Line: r.line}
		}
		if err := r.addLine(s, line); err != nil {
			r.err = err
			return nil, err
		}
	}
	if err := r.sc.Err(); err != nil {
		r.err = &Error{File: r.name, Line: r.line + 1, Msg: err.Error()}
		return nil, r.err
	}
	r.err = io.EOF
	if s != nil {
		return s, r.finish(s)
	}
	return nil, io.EOF
}

func (r *Reader) fail(format string, args ...any) error {
	return &Error{File: r.name, Line: r.line, Msg: fmt.Sprintf(format, args...)}
}

func (r *Reader) addLine(s *Sentence, line string) error {
	if strings.HasPrefix(line, "#") {
		if len(s.Words) > 0 || len(s.Extras) > 0 {
			return r.fail("comment after the first word of a sentence (missing blank line?)")
		}
		s.Comments = append(s.Comments, strings.TrimSpace(strings.TrimPrefix(line, "#")))
		return nil
	}
	cols := strings.Split(line, "\t")
	if len(cols) != 10 {
		return r.fail("want 10 tab-separated columns, got %d", len(cols))
	}
	if strings.ContainsAny(cols[0], "-.") {
		if err := checkRange(cols[0]); err != nil {
			return r.fail("ID %q: %v", cols[0], err)
		}
		s.Extras = append(s.Extras, Extra{Before: len(s.Words), Line: line})
		return nil
	}
	w, err := r.word(cols, len(s.Words)+1)
	if err != nil {
		return err
	}
	s.Words = append(s.Words, w)
	return nil
}

func checkRange(id string) error {
	sep := "-"
	if strings.Contains(id, ".") {
		sep = "."
	}
	a, b, ok := strings.Cut(id, sep)
	if !ok {
		return fmt.Errorf("not a range or decimal id")
	}
	if _, err := strconv.Atoi(a); err != nil {
		return fmt.Errorf("not a number before %q", sep)
	}
	if _, err := strconv.Atoi(b); err != nil {
		return fmt.Errorf("not a number after %q", sep)
	}
	return nil
}

func (r *Reader) word(c []string, want int) (Word, error) {
	id, err := strconv.Atoi(c[0])
	if err != nil || id != want {
		return Word{}, r.fail("ID %q: want %d (word ids count 1, 2, 3, ... in each sentence)", c[0], want)
	}
	for i, name := range []string{"ID", "FORM", "LEMMA", "UPOS", "XPOS", "FEATS", "HEAD", "DEPREL", "DEPS", "MISC"} {
		if c[i] == "" {
			return Word{}, r.fail("empty %s column (use _)", name)
		}
	}
	head := -1
	if c[6] != "_" {
		if head, err = strconv.Atoi(c[6]); err != nil || head < 0 {
			return Word{}, r.fail("HEAD %q is not a word id", c[6])
		}
	}
	return Word{ID: id, Form: c[1], Lemma: c[2], UPOS: c[3], XPOS: c[4], Feats: c[5],
		Head: head, Deprel: c[7], Deps: c[8], Misc: c[9]}, nil
}

// finish checks what needs the whole sentence: heads point at words of the sentence.
func (r *Reader) finish(s *Sentence) error {
	if len(s.Words) == 0 {
		return &Error{File: r.name, Line: s.Line, Msg: "sentence has no words"}
	}
	for _, w := range s.Words {
		if w.Head > len(s.Words) {
			return &Error{File: r.name, Line: s.Line + len(s.Comments) + w.ID - 1,
				Msg: fmt.Sprintf("HEAD %d is past the last word (%d)", w.Head, len(s.Words))}
		}
	}
	return nil
}

// ReadAll reads every sentence of r.
func ReadAll(r io.Reader, name string) ([]*Sentence, error) {
	cr := NewReader(r, name)
	var out []*Sentence
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
		out = append(out, s)
	}
}

// Write writes s in CoNLL-U, followed by the blank line that ends a sentence.
func Write(w io.Writer, s *Sentence) error {
	bw := bufio.NewWriter(w)
	for _, c := range s.Comments {
		bw.WriteString("# " + c + "\n")
	}
	e := 0
	for i, wd := range s.Words {
		for ; e < len(s.Extras) && s.Extras[e].Before <= i; e++ {
			bw.WriteString(s.Extras[e].Line + "\n")
		}
		writeWord(bw, &wd)
	}
	for ; e < len(s.Extras); e++ {
		bw.WriteString(s.Extras[e].Line + "\n")
	}
	bw.WriteString("\n")
	return bw.Flush()
}

func writeWord(bw *bufio.Writer, w *Word) {
	head := "_"
	if w.Head >= 0 {
		head = strconv.Itoa(w.Head)
	}
	cols := [10]string{strconv.Itoa(w.ID), w.Form, w.Lemma, w.UPOS, w.XPOS, w.Feats, head, w.Deprel, w.Deps, w.Misc}
	for i, c := range cols {
		if c == "" {
			c = "_"
		}
		if i > 0 {
			bw.WriteByte('\t')
		}
		bw.WriteString(c)
	}
	bw.WriteByte('\n')
}
