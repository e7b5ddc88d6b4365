package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"
)

// Block is one verb block of CAMEO.2.0.txt: "---  NAME   [code]  ---", its verbs and its
// patterns.
type Block struct {
	Name     string
	Code     string // default code of the block ("" for [---])
	Verbs    []Verb
	Patterns []Pattern
}

// Verb is one verb line: "MEET {MEETS MET MEETING}", "+MEET_WITH {+MET_WITH}", "WANT [030]".
type Verb struct {
	Lemma string   // lower case, words joined by spaces ("meet with")
	Forms []string // irregular forms written in braces
	Code  string   // the verb's own code, else the block's
	Line  int
}

// Pattern is one pattern line: "- * (WITH)  [036:036]  # MEET".
type Pattern struct {
	Before []string // tokens before the verb marker "*"
	After  []string // tokens after it; "(TO BORDER)" and "{ARMS SHIPMENT}" stay one token
	Code   string   // the source-to-target code ("" for [---] or a target-only [:173])
	Rev    string   // the code after ":" (PETRARCH's code for the reverse reading), if any
	Verb   string   // the verb named in the comment, lower case, where the pattern was found
	Text   string   // the pattern as written (without code and comment)
	Line   int
}

// ParseCAMEO reads the verb-pattern section of CAMEO.2.0.txt. Synonym sets and the
// transformations section are skipped; a pattern line outside a block is an error.
func ParseCAMEO(r io.Reader) ([]Block, error) {
	var blocks []Block
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, inVerbs := 0, false
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case strings.HasPrefix(line, "####### VERB PATTERNS"):
			inVerbs = true
			continue
		case strings.HasPrefix(line, "######## TRANSFORMATIONS"):
			inVerbs = false
			continue
		}
		if !inVerbs || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "---"):
			b, err := parseBlockHeader(line)
			if err != nil {
				return nil, fmt.Errorf("CAMEO.2.0.txt:%d: %w", n, err)
			}
			blocks = append(blocks, b)
		case len(blocks) == 0:
			return nil, fmt.Errorf("CAMEO.2.0.txt:%d: line outside a verb block", n)
		case strings.HasPrefix(line, "-"):
			p, err := ParsePattern(line)
			if err != nil {
				return nil, fmt.Errorf("CAMEO.2.0.txt:%d: %w", n, err)
			}
			p.Line = n
			b := &blocks[len(blocks)-1]
			b.Patterns = append(b.Patterns, p)
		default:
			b := &blocks[len(blocks)-1]
			v, err := ParseVerb(line, b.Code)
			if err != nil {
				return nil, fmt.Errorf("CAMEO.2.0.txt:%d: %w", n, err)
			}
			v.Line = n
			b.Verbs = append(b.Verbs, v)
		}
	}
	return blocks, sc.Err()
}

// parseBlockHeader reads "---  MEET_PEOPLE   [040]  ---" (also "[110]---  ---").
func parseBlockHeader(line string) (Block, error) {
	s := strings.Trim(line, "- ")
	i := strings.IndexByte(s, '[')
	j := strings.IndexByte(s, ']')
	if i < 0 || j < i {
		return Block{}, fmt.Errorf("block header %q has no [code]", line)
	}
	code, _ := splitCode(s[i+1 : j])
	return Block{Name: strings.TrimSpace(s[:i]), Code: code}, nil
}

// splitCode reads "040", "042:043", ":173", "---", "080!" into the code and its reverse.
func splitCode(s string) (code, rev string) {
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "!"))
	if s == "---" || s == "" {
		return "", ""
	}
	code, rev, _ = strings.Cut(s, ":")
	if code == "---" {
		code = ""
	}
	return code, rev
}

// ParseVerb reads one verb line of a block.
func ParseVerb(line, blockCode string) (Verb, error) {
	if c := strings.IndexByte(line, '#'); c >= 0 {
		line = line[:c]
	}
	v := Verb{Code: blockCode}
	if i := strings.IndexByte(line, '['); i >= 0 {
		j := strings.IndexByte(line[i:], ']')
		if j < 0 {
			return v, fmt.Errorf("verb %q: unclosed [", line)
		}
		v.Code, _ = splitCode(line[i+1 : i+j])
		line = line[:i] + line[i+j+1:]
	}
	if i := strings.IndexByte(line, '{'); i >= 0 {
		j := strings.IndexByte(line, '}')
		if j < i {
			return v, fmt.Errorf("verb %q: unclosed {", line)
		}
		// Forms are separated by spaces, sometimes by commas ("{CRACKED_DOWN, CRACKS_DOWN}").
		for _, f := range strings.FieldsFunc(line[i+1:j], func(r rune) bool { return r == ' ' || r == ',' || r == '\t' }) {
			if w := verbWords(f); w != "" {
				v.Forms = append(v.Forms, w)
			}
		}
		line = line[:i]
	}
	f := strings.Fields(line)
	if len(f) != 1 {
		return v, fmt.Errorf("verb line %q: want one verb", strings.TrimSpace(line))
	}
	v.Lemma = verbWords(f[0])
	return v, nil
}

// verbWords turns "+MEET_WITH" or "CASH_" into "meet with", "cash".
func verbWords(s string) string {
	s = strings.TrimPrefix(s, "+")
	s = strings.Trim(s, "_")
	return strings.ToLower(strings.ReplaceAll(s, "_", " "))
}

// ParsePattern reads "- * (WITH)   [036:036]   # MEET".
func ParsePattern(line string) (Pattern, error) {
	var p Pattern
	body := strings.TrimPrefix(line, "-")
	comment := ""
	if c := strings.IndexByte(body, '#'); c >= 0 {
		body, comment = body[:c], body[c+1:]
	}
	i := strings.LastIndexByte(body, '[')
	j := strings.LastIndexByte(body, ']')
	if i < 0 || j < i {
		return p, fmt.Errorf("pattern %q has no [code]", strings.TrimSpace(line))
	}
	p.Code, p.Rev = splitCode(body[i+1 : j])
	body = body[:i]
	toks, err := patternTokens(body)
	if err != nil {
		return p, fmt.Errorf("pattern %q: %w", strings.TrimSpace(line), err)
	}
	star := -1
	for k, t := range toks {
		if t == "*" {
			star = k
			break
		}
	}
	if star < 0 {
		return p, fmt.Errorf("pattern %q has no verb marker *", strings.TrimSpace(line))
	}
	p.Before, p.After = toks[:star], toks[star+1:]
	p.Text = strings.Join(toks, " ")
	if f := strings.FieldsFunc(comment, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' }); len(f) > 0 {
		p.Verb = verbWords(f[0])
	}
	return p, nil
}

// patternTokens splits a pattern body into words, keeping "(...)" and "{...}" groups whole.
func patternTokens(s string) ([]string, error) {
	var out []string
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
			i++
		case c == '(' || c == '{':
			end := byte(')')
			if c == '{' {
				end = '}'
			}
			depth, j := 0, i
			for ; j < len(s); j++ {
				if s[j] == '(' || s[j] == '{' {
					depth++
				} else if s[j] == ')' || s[j] == '}' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			if j >= len(s) || s[j] != end {
				return nil, fmt.Errorf("unclosed %c", c)
			}
			out = append(out, strings.Join(strings.Fields(s[i:j+1]), " "))
			i = j + 1
		default:
			if c == '*' {
				out = append(out, "*") // "*SCEPTICAL": the marker glued to a word
				i++
				continue
			}
			j := i
			for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '(' && s[j] != '{' && s[j] != '*' {
				j++
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out, nil
}

// Frame is where a pattern's target stands: "obj" (the direct object: "* +" or nothing
// after the verb), "obl:PREP" (the object of a bare preposition: "* (WITH)"), or "" (the
// pattern names more words than the position engine can check: kept for a tree engine).
func (p Pattern) Frame() string {
	for _, b := range p.Before {
		if b != "$" {
			return ""
		}
	}
	after := p.After
	if len(after) > 0 && after[len(after)-1] == "+" {
		after = after[:len(after)-1]
	}
	switch {
	case len(after) == 0:
		return "obj"
	case len(after) == 1 && strings.HasPrefix(after[0], "("):
		w := strings.Fields(strings.Trim(after[0], "()"))
		if len(w) == 1 && isPrep(w[0]) {
			return "obl:" + strings.ToLower(w[0])
		}
		if len(w) == 2 && w[1] == "+" && isPrep(w[0]) {
			return "obl:" + strings.ToLower(w[0])
		}
	}
	return ""
}

// isPrep reports whether w (upper case, as CAMEO writes it) is a preposition the position
// engine can read as the marker of an object.
func isPrep(w string) bool {
	switch w {
	case "WITH", "TO", "AGAINST", "ON", "AT", "FOR", "FROM", "OF", "INTO", "UPON", "BY", "IN", "OVER", "TOWARD", "TOWARDS":
		return true
	}
	return false
}

// sortedBlocks orders blocks by name (the file is alphabetical within sections; the
// output is ordered whatever the input order).
func sortedBlocks(bs []Block) []Block {
	out := append([]Block(nil), bs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
