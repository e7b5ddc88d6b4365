package queries

import "strings"

type tokenKind int

const (
	tokCode    tokenKind = iota // anything else
	tokComment                  // // ... or /* ... */
	tokString                   // '...' or "..."
	tokQuoted                   // `identifier`
)

// walkCypher splits Cypher text into comments, string literals, quoted identifiers and
// code, calling f with each piece and the 1-based line it starts on. An unterminated
// string, comment or identifier runs to the end of the text.
func walkCypher(s string, f func(kind tokenKind, text string, line int)) {
	line := 1
	i := 0
	codeStart, codeLine := 0, 1
	flush := func(end int) {
		if end > codeStart {
			f(tokCode, s[codeStart:end], codeLine)
		}
	}
	for i < len(s) {
		c := s[i]
		var end int
		var kind tokenKind
		switch {
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			kind = tokComment
			end = strings.IndexByte(s[i:], '\n')
			if end < 0 {
				end = len(s)
			} else {
				end += i
			}
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			kind = tokComment
			end = strings.Index(s[i+2:], "*/")
			if end < 0 {
				end = len(s)
			} else {
				end += i + 4
			}
		case c == '\'' || c == '"' || c == '`':
			kind = tokString
			if c == '`' {
				kind = tokQuoted
			}
			end, _ = closing(s, i)
		default:
			if c == '\n' {
				line++
			}
			i++
			continue
		}
		flush(i)
		f(kind, s[i:end], line)
		line += strings.Count(s[i:end], "\n")
		i = end
		codeStart, codeLine = i, line
	}
	flush(len(s))
}

// closing returns the index just past the literal that opens at s[i] (quote char
// s[i]); strings honour backslash escapes, backtick identifiers double the backtick.
// ok is false when the literal is not closed (end is then len(s)).
func closing(s string, i int) (end int, ok bool) {
	q := s[i]
	j := i + 1
	for j < len(s) {
		switch {
		case q != '`' && s[j] == '\\':
			j += 2
			continue
		case s[j] == q:
			if q == '`' && j+1 < len(s) && s[j+1] == '`' {
				j += 2
				continue
			}
			return j + 1, true
		}
		j++
	}
	return len(s), false
}

type paramRef struct {
	name string
	line int // 1-based, within the text scanned
}

type scanError struct {
	line int
	msg  string
}

// scanParams finds every $name (and $`name`) outside comments and string literals.
func scanParams(s string) ([]paramRef, *scanError) {
	var refs []paramRef
	var serr *scanError
	var pending bool // a "$" ended the previous code piece (then a `quoted` name follows)
	pendingLine := 0
	walkCypher(s, func(kind tokenKind, text string, line int) {
		if pending {
			pending = false
			if _, ok := closing(text, 0); kind == tokQuoted && ok {
				refs = append(refs, paramRef{name: strings.ReplaceAll(text[1:len(text)-1], "``", "`"), line: line})
				return
			}
			if serr == nil {
				serr = &scanError{line: pendingLine, msg: "\"$\" without a parameter name"}
			}
		}
		switch kind {
		case tokComment:
			return
		case tokString:
			if _, ok := closing(text, 0); !ok && serr == nil {
				serr = &scanError{line: line, msg: "unterminated string literal"}
			}
			return
		case tokQuoted:
			if _, ok := closing(text, 0); !ok {
				if serr == nil {
					serr = &scanError{line: line, msg: "unterminated `quoted` identifier"}
				}
			}
			return
		}
		l := line
		for i := 0; i < len(text); i++ {
			if text[i] == '\n' {
				l++
				continue
			}
			if text[i] != '$' {
				continue
			}
			j := i + 1
			for j < len(text) && isIdent(text[j], j == i+1) {
				j++
			}
			if j == i+1 {
				if j == len(text) {
					pending, pendingLine = true, l
				} else if serr == nil {
					serr = &scanError{line: l, msg: "\"$\" without a parameter name"}
				}
				continue
			}
			refs = append(refs, paramRef{name: text[i+1 : j], line: l})
			i = j - 1
		}
	})
	if pending && serr == nil {
		serr = &scanError{line: pendingLine, msg: "\"$\" without a parameter name"}
	}
	return refs, serr
}

func isIdent(c byte, first bool) bool {
	switch {
	case c == '_', c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z':
		return true
	case c >= '0' && c <= '9':
		return true // $0 is a (numbered) parameter too
	}
	return c >= 0x80 && !first
}
