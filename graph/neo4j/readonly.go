package neo4j

import (
	_ "embed"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ErrNotReadOnly: Query was given a statement that does more than read the graph
// (LOAD CSV, TERMINATE TRANSACTIONS, an administration command, a dbms.* procedure).
var ErrNotReadOnly = errors.New("statement is not read-only")

// NotReadOnlyError refuses a statement before it reaches the server. Line and Column
// (1-based) point at the refused keyword or name in the statement as written.
type NotReadOnlyError struct {
	What   string // "LOAD CSV", "CALL dbms.listConfig"
	Reason string
	Line   int
	Column int
}

func (e *NotReadOnlyError) Error() string {
	return fmt.Sprintf("refused %s (line %d, column %d): %s; `newsgraph query` and reports only read the graph",
		e.What, e.Line, e.Column, e.Reason)
}

// Is makes errors.Is(err, ErrNotReadOnly) work.
func (e *NotReadOnlyError) Is(target error) bool { return target == ErrNotReadOnly }

//go:embed readonly.txt
var readOnlyRules string

type seqRule struct {
	words  [][]string // per position, the alternatives (upper case)
	reason string
}

type prefixRule struct {
	prefix string // lower case
	allow  bool
	reason string
}

type ruleSet struct {
	anywhere, start []seqRule
	procs, funcs    []prefixRule
}

var rules = mustParseRules(readOnlyRules)

func mustParseRules(src string) *ruleSet {
	rs, err := parseRules(src)
	if err != nil {
		panic("graph/neo4j/readonly.txt: " + err.Error())
	}
	return rs
}

func parseRules(src string) (*ruleSet, error) {
	rs := &ruleSet{}
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		body, reason, _ := strings.Cut(line, " -- ")
		f := strings.Fields(body)
		bad := fmt.Errorf("line %d: %q is not a rule", i+1, line)
		if len(f) < 2 {
			return nil, bad
		}
		switch f[0] {
		case "anywhere", "start":
			r := seqRule{reason: strings.TrimSpace(reason)}
			for _, w := range f[1:] {
				r.words = append(r.words, strings.Split(strings.ToUpper(w), "|"))
			}
			if f[0] == "start" {
				rs.start = append(rs.start, r)
			} else {
				rs.anywhere = append(rs.anywhere, r)
			}
		case "procedure", "function":
			if len(f) != 3 || (f[1] != "deny" && f[1] != "allow") {
				return nil, bad
			}
			r := prefixRule{prefix: strings.ToLower(f[2]), allow: f[1] == "allow", reason: strings.TrimSpace(reason)}
			if f[0] == "procedure" {
				rs.procs = append(rs.procs, r)
			} else {
				rs.funcs = append(rs.funcs, r)
			}
		default:
			return nil, bad
		}
	}
	return rs, nil
}

type cypherTokKind int

const (
	ctWord   cypherTokKind = iota // identifier or keyword
	ctQuoted                      // `quoted` identifier (never a keyword)
	ctString                      // '...' or "..."
	ctParam                       // $name
	ctNumber
	ctPunct // one character
)

type cypherTok struct {
	kind       cypherTokKind
	text       string // word as written; quoted: its content; punct: the character
	line, col  int
	afterPunct byte // the punctuation right before, 0 if none
}

// lexCypher splits a statement into tokens, dropping whitespace and comments. Unterminated
// strings, comments and quoted names run to the end (the server reports them).
func lexCypher(s string) []cypherTok {
	toks := make([]cypherTok, 0, len(s)/4) // about one token in four bytes: no regrowth
	line, lineStart := 1, 0
	i := 0
	var prevPunct byte
	// The column counts runes from the line's start, carried on from the token before on the
	// same line (counting from the line's start for each token made lexing quadratic in the
	// line's length: 2-4 ms for the evidence template).
	colLine, colPos, col := -1, 0, 0
	emit := func(kind cypherTokKind, text string, start int) {
		if colLine != lineStart {
			colLine, colPos, col = lineStart, lineStart, 0
		}
		col += utf8.RuneCountInString(s[colPos:start])
		colPos = start
		toks = append(toks, cypherTok{kind: kind, text: text, line: line, col: col + 1, afterPunct: prevPunct})
		prevPunct = 0
		if kind == ctPunct {
			prevPunct = text[0]
		}
	}
	advance := func(to int) { // moves i to `to`, counting lines
		for j := i; j < to && j < len(s); j++ {
			if s[j] == '\n' {
				line, lineStart = line+1, j+1
			}
		}
		i = to
	}
	for i < len(s) {
		c := s[i]
		start := i
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f':
			advance(i + 1)
		case strings.HasPrefix(s[i:], "//"):
			end := strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s) - i
			}
			advance(i + end)
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				advance(len(s))
			} else {
				advance(i + 2 + end + 2)
			}
		case c == '\'' || c == '"' || c == '`':
			end := literalEnd(s, i)
			text := s[i:end]
			kind := ctString
			if c == '`' {
				kind = ctQuoted
				text = strings.ReplaceAll(strings.TrimSuffix(strings.TrimPrefix(text, "`"), "`"), "``", "`")
			}
			emit(kind, text, start)
			advance(end)
		case c == '$':
			j := i + 1
			if j < len(s) && s[j] == '`' {
				j = literalEnd(s, j)
			} else {
				j = wordEnd(s, j)
			}
			emit(ctParam, s[i:j], start)
			advance(j)
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && (isWordByte(s[j]) || s[j] >= 0x80) {
				j++
			}
			emit(ctNumber, s[i:j], start)
			advance(j)
		default:
			if j := wordEnd(s, i); j > i {
				emit(ctWord, s[i:j], start)
				advance(j)
				continue
			}
			_, size := utf8.DecodeRuneInString(s[i:])
			emit(ctPunct, s[i:i+size], start)
			advance(i + size)
		}
	}
	return toks
}

// literalEnd returns the index just past the string or quoted name opening at s[i].
func literalEnd(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch {
		case q != '`' && s[j] == '\\':
			j++
		case s[j] == q:
			if q == '`' && j+1 < len(s) && s[j+1] == '`' {
				j++
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// wordEnd returns the end of the identifier starting at s[i] (i when there is none).
func wordEnd(s string, i int) int {
	j := i
	for j < len(s) {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !(r == '_' || unicode.IsLetter(r) || (j > i && unicode.IsDigit(r))) {
			break
		}
		j += size
	}
	return j
}

// keyword reports whether t can be a keyword: a plain word not after ".", ":" or "$".
func (t cypherTok) keyword() bool {
	return t.kind == ctWord && t.afterPunct != '.' && t.afterPunct != ':'
}

// CheckReadOnly refuses a statement that the rules of readonly.txt forbid: LOAD CSV,
// TERMINATE TRANSACTIONS, administration commands, server-side procedures. Comments,
// string literals and `quoted` names never trigger a rule. It returns a
// *NotReadOnlyError or nil; Query calls it before anything reaches the server.
func CheckReadOnly(cypher string) error {
	toks := lexCypher(cypher)
	if err := rules.checkStart(toks); err != nil {
		return err
	}
	for i := range toks {
		if !toks[i].keyword() {
			continue
		}
		for _, r := range rules.anywhere {
			if n := r.match(toks[i:]); n > 0 {
				return refuse(toks[i:i+n], r.reason)
			}
		}
		if err := rules.checkCall(toks, i); err != nil {
			return err
		}
	}
	return nil
}

func refuse(toks []cypherTok, reason string) error {
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = strings.ToUpper(t.text)
	}
	return &NotReadOnlyError{What: strings.Join(words, " "), Reason: reason, Line: toks[0].line, Column: toks[0].col}
}

// match returns how many tokens the rule matched at the start of toks (0: no match).
func (r seqRule) match(toks []cypherTok) int {
	if len(toks) < len(r.words) {
		return 0
	}
	for k, alts := range r.words {
		t := toks[k]
		if !t.keyword() || !containsFold(alts, t.text) {
			return 0
		}
	}
	return len(r.words)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// checkStart applies the start rules after the prefixes EXPLAIN, PROFILE, CYPHER
// [option=value ...] and USE name.
func (rs *ruleSet) checkStart(toks []cypherTok) error {
	i := 0
	for i < len(toks) && toks[i].keyword() {
		switch strings.ToUpper(toks[i].text) {
		case "EXPLAIN", "PROFILE":
			i++
			continue
		case "CYPHER":
			i++
			for i < len(toks) && (toks[i].kind == ctNumber || (i+1 < len(toks) && toks[i+1].text == "=")) {
				if toks[i].kind == ctNumber {
					i++
				} else {
					i += 3 // option = value
				}
			}
			continue
		case "USE":
			i += 2
			for i+1 < len(toks) && toks[i].text == "." {
				i += 2
			}
			continue
		}
		break
	}
	if i >= len(toks) {
		return nil
	}
	for _, r := range rs.start {
		if n := r.match(toks[i:]); n > 0 {
			return refuse(toks[i:i+n], r.reason)
		}
	}
	return nil
}

// checkCall looks at toks[i]: CALL name.name..., or name.name...( as a function call.
func (rs *ruleSet) checkCall(toks []cypherTok, i int) error {
	isCall := strings.EqualFold(toks[i].text, "CALL")
	start := i
	if isCall {
		start = i + 1
	} else if i > 0 && toks[i-1].keyword() && strings.EqualFold(toks[i-1].text, "CALL") {
		return nil // the name of a CALL, checked from the CALL
	}
	name, end := dottedName(toks, start)
	if name == "" || (!isCall && (!strings.Contains(name, ".") || end >= len(toks) || toks[end].text != "(")) {
		return nil
	}
	list, what := rs.funcs, "function "
	if isCall {
		list, what = rs.procs, "CALL "
	}
	if r, ok := longestPrefix(list, strings.ToLower(name)); ok && !r.allow {
		return &NotReadOnlyError{What: what + name, Reason: r.reason, Line: toks[i].line, Column: toks[i].col}
	}
	return nil
}

// dottedName reads name(.name)* at toks[i] (words or `quoted` names) and returns it and
// the index after it.
func dottedName(toks []cypherTok, i int) (string, int) {
	var parts []string
	for i < len(toks) && (toks[i].kind == ctWord || toks[i].kind == ctQuoted) {
		parts = append(parts, toks[i].text)
		i++
		if i+1 < len(toks) && toks[i].text == "." && (toks[i+1].kind == ctWord || toks[i+1].kind == ctQuoted) {
			i++
			continue
		}
		break
	}
	return strings.Join(parts, "."), i
}

func longestPrefix(list []prefixRule, name string) (prefixRule, bool) {
	var best prefixRule
	found := false
	for _, r := range list {
		if strings.HasPrefix(name, r.prefix) && (!found || len(r.prefix) > len(best.prefix)) {
			best, found = r, true
		}
	}
	return best, found
}
