package queries

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"
)

// Template is one parsed report template.
type Template struct {
	Name        string
	Summary     string
	Description string // optional, lines joined with "\n"
	Params      []Param
	// Example holds the optional "// example: name=value; name=value" values (textual,
	// as --param takes them). Every required param has one; the Browser guide, the
	// docs and the golden tests run the template with them.
	Example map[string]string
	// Source is the whole file as written (header and body); Body is the Cypher after
	// the header and BodyLine its first line number in the file.
	Source   string
	Body     string
	BodyLine int
	// File names the template in messages: "queries/who_met_whom.cypher" for embedded
	// ones, the path in the user's folder otherwise. Embedded says which.
	File     string
	Embedded bool
}

// Param is one declared parameter.
type Param struct {
	Name     string
	Type     Type
	Required bool // no default: the caller must give a value
	Default  any  // the default as a Cypher parameter value (nil for null)
	// DefaultText is the default as written in the header ("" when Required).
	DefaultText string
	// Range bounds an int or float param: "limit int(0..) = 50" (nil: unbounded).
	Range *Range
}

// Cypher returns the statement to run: the whole file, header comments included, so
// that server error positions match the file's lines.
func (t *Template) Cypher() string { return t.Source }

// Param returns the declared parameter called name.
func (t *Template) Param(name string) (Param, bool) {
	for _, p := range t.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// ParamNames lists the declared parameters in header order.
func (t *Template) ParamNames() []string {
	out := make([]string, len(t.Params))
	for i, p := range t.Params {
		out[i] = p.Name
	}
	return out
}

// Signature renders the params as the header writes them:
// `person string = "", since date = null, limit int = 50`.
func (t *Template) Signature() string {
	parts := make([]string, len(t.Params))
	for i, p := range t.Params {
		parts[i] = p.String()
	}
	return strings.Join(parts, ", ")
}

func (p Param) String() string {
	decl := p.Name + " " + string(p.Type)
	if p.Range != nil {
		decl += "(" + p.Range.String() + ")"
	}
	if p.Required {
		return decl
	}
	return decl + " = " + p.DefaultText
}

// Problem is one thing wrong with a template, at a line of its file.
type Problem struct {
	File string
	Line int
	Msg  string
}

func (p Problem) String() string { return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg) }

// Error lists every problem found in one or more templates. Its message is one
// "file:line: message" per line.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

var (
	snakeName  = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	headerLine = regexp.MustCompile(`^//\s*([A-Za-z_][A-Za-z0-9_-]*)\s*:(.*)$`)
)

// Header fields: required ones first.
var headerFields = []string{"name", "summary", "params", "description", "example"}

// MaxSize is the largest template Parse accepts.
const MaxSize = 1 << 20

// Parse parses one template. file names it in messages and its base name without
// ".cypher" must equal the header's name. On any problem the error is an *Error listing
// every problem found.
func Parse(file string, src []byte) (*Template, error) {
	p := &parser{file: file}
	t := p.parse(src)
	if len(p.probs) > 0 {
		return nil, &Error{Problems: p.probs}
	}
	return t, nil
}

type parser struct {
	file  string
	probs []Problem
	// mentioned: names in "// params:", even those with a problem (whose uses are then
	// not reported again); all: the params line could not be split at all.
	mentioned   map[string]bool
	paramsWhole bool
	paramsLine  int
}

func (p *parser) bad(line int, format string, args ...any) {
	p.probs = append(p.probs, Problem{File: p.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(src []byte) *Template {
	if len(src) > MaxSize {
		p.bad(1, "template is larger than %d bytes", MaxSize)
		return nil
	}
	if !utf8.Valid(src) {
		p.bad(1, "template is not UTF-8 text")
		return nil
	}
	text := strings.ReplaceAll(string(src), "\r\n", "\n")
	t := &Template{Source: text, File: p.file}
	lines := strings.Split(text, "\n")

	// The header: the leading lines that start with "//". Blank "//" lines are allowed.
	fields := map[string]int{} // field -> line
	var params, example string
	paramsLine, exampleLine := 0, 0
	p.mentioned = map[string]bool{}
	n := 0
	for n < len(lines) {
		l := strings.TrimSpace(lines[n])
		if !strings.HasPrefix(l, "//") {
			break
		}
		line := n + 1
		n++
		if strings.TrimSpace(strings.TrimPrefix(l, "//")) == "" {
			continue
		}
		m := headerLine.FindStringSubmatch(l)
		if m == nil {
			p.bad(line, "header line is not \"// key: value\" (keys: %s); end the header with a blank line before other comments", strings.Join(headerFields, ", "))
			continue
		}
		key, val := strings.ToLower(m[1]), strings.TrimSpace(m[2])
		if !known(key) {
			p.bad(line, "unknown header field %q (want %s)", m[1], strings.Join(headerFields, ", "))
			continue
		}
		if prev, dup := fields[key]; dup && key != "description" {
			p.bad(line, "header field %q repeated (first on line %d)", key, prev)
			continue
		}
		if _, dup := fields[key]; !dup {
			fields[key] = line
		}
		switch key {
		case "name":
			t.Name = val
			stem := strings.TrimSuffix(path.Base(strings.ReplaceAll(p.file, "\\", "/")), ".cypher")
			switch {
			case val == "":
				p.bad(line, "empty name")
			case !snakeName.MatchString(val):
				p.bad(line, "name %q is not snake_case (a-z, 0-9, _; starting with a letter)", val)
			case val != stem:
				p.bad(line, "name %q differs from the file name %q (want \"// name: %s\")", val, stem+".cypher", stem)
			}
		case "summary":
			if val == "" {
				p.bad(line, "empty summary")
			}
			t.Summary = val
		case "params":
			params, paramsLine = val, line
			p.paramsLine = line
		case "example":
			example, exampleLine = val, line
		case "description":
			if t.Description != "" {
				t.Description += "\n"
			}
			t.Description += val
		}
	}
	for _, f := range headerFields[:3] {
		if _, ok := fields[f]; !ok {
			line := n + 1
			if n >= len(lines) {
				line = len(lines)
			}
			p.bad(line, "missing header field %q (the header needs \"// name:\", \"// summary:\" and \"// params:\" lines)", f)
		}
	}
	if paramsLine > 0 {
		t.Params = p.parseParams(paramsLine, params)
	}
	t.Example = p.parseExample(t, exampleLine, example)

	t.BodyLine = n + 1
	t.Body = strings.Join(lines[n:], "\n")
	if strings.TrimSpace(stripComments(t.Body)) == "" {
		p.bad(min(n+1, len(lines)), "no Cypher after the header")
		return t
	}

	// Every $param used is declared; every declared param is used.
	declared := map[string]bool{}
	for _, pr := range t.Params {
		declared[pr.Name] = true
	}
	used := map[string]bool{}
	refs, err := scanParams(t.Body)
	if err != nil {
		p.bad(t.BodyLine+err.line-1, "%s", err.msg)
	}
	for _, r := range refs {
		used[r.name] = true
		if !declared[r.name] && !p.mentioned[r.name] && !p.paramsWhole {
			p.bad(t.BodyLine+r.line-1, "$%s is not declared in \"// params:\" (declared: %s)", r.name, listOrNone(t.ParamNames()))
		}
	}
	for _, pr := range t.Params {
		if !used[pr.Name] {
			p.bad(paramsLine, "param %s is declared but never used as $%s", pr.Name, pr.Name)
		}
	}
	return t
}

// parseExample parses `name=value; name=value` and checks the values bind.
func (p *parser) parseExample(t *Template, line int, s string) map[string]string {
	out := map[string]string{}
	if line > 0 {
		for _, it := range strings.Split(s, ";") {
			if strings.TrimSpace(it) == "" {
				continue
			}
			k, v, ok := strings.Cut(it, "=")
			k = strings.TrimSpace(k)
			switch {
			case !ok || k == "":
				p.bad(line, "example %q: want name=value", strings.TrimSpace(it))
				continue
			case !p.mentioned[k]:
				p.bad(line, "example names %s, which is not a declared param", k)
				continue
			}
			if _, dup := out[k]; dup {
				p.bad(line, "example gives %s twice", k)
				continue
			}
			out[k] = strings.TrimSpace(v)
		}
	}
	for _, pr := range t.Params {
		if _, ok := out[pr.Name]; !ok && pr.Required {
			if line == 0 {
				line = max(p.paramsLine, 1)
			}
			p.bad(line, "required param %s needs a value in \"// example: %s=...\"", pr.Name, pr.Name)
		}
	}
	if len(p.probs) == 0 && len(out) > 0 {
		if _, err := t.Bind(out); err != nil {
			var pe *ParamError
			if errors.As(err, &pe) {
				p.bad(line, "example %s: %s", pe.Param, pe.Msg)
			} else {
				p.bad(line, "example: %v", err)
			}
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func known(key string) bool {
	for _, f := range headerFields {
		if f == key {
			return true
		}
	}
	return false
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "none"
	}
	s := append([]string{}, names...)
	sort.Strings(s)
	return strings.Join(s, ", ")
}

// parseParams parses `name type [= default], ...`.
func (p *parser) parseParams(line int, s string) []Param {
	var out []Param
	seen := map[string]bool{}
	items, err := splitTop(s)
	if err != "" {
		p.bad(line, "params: %s", err)
		p.paramsWhole = true
		return nil
	}
	for _, it := range items {
		it = strings.TrimSpace(it)
		if it == "" {
			if len(items) > 1 {
				p.bad(line, "params: empty entry (a stray comma?)")
			}
			continue
		}
		decl, def, hasDef := strings.Cut(it, "=")
		f := strings.Fields(decl)
		if len(f) > 0 {
			p.mentioned[f[0]] = true
		}
		if len(f) != 2 {
			p.bad(line, "param %q: want \"name type\" or \"name type = default\"", it)
			continue
		}
		name, typ := f[0], Type(strings.ToLower(f[1]))
		rng, rest, err := parseRange(string(typ))
		if err != nil {
			p.bad(line, "param %s: %v", name, err)
			continue
		}
		typ = Type(rest)
		if !snakeName.MatchString(name) {
			p.bad(line, "param %q: name is not snake_case", name)
			continue
		}
		if seen[name] {
			p.bad(line, "param %s declared twice", name)
			continue
		}
		seen[name] = true
		if !typ.Valid() {
			p.bad(line, "param %s: unknown type %q (want %s)", name, f[1], strings.Join(typeNames(), ", "))
			continue
		}
		if rng != nil && typ != TypeInt && typ != TypeFloat {
			p.bad(line, "param %s: a range (%s) applies to int and float params only", name, rng)
			continue
		}
		pr := Param{Name: name, Type: typ, Required: !hasDef, Range: rng}
		if hasDef {
			pr.DefaultText = strings.TrimSpace(def)
			v, err := typ.parseDefault(pr.DefaultText)
			if err == nil {
				err = rng.check(v)
			}
			if err != nil {
				p.bad(line, "param %s: bad default %s: %v", name, quoteEmpty(pr.DefaultText), err)
				continue
			}
			pr.Default = v
		}
		out = append(out, pr)
	}
	return out
}

func quoteEmpty(s string) string {
	if s == "" {
		return `""`
	}
	return s
}

// splitTop splits s at commas outside quotes and brackets.
func splitTop(s string) ([]string, string) {
	var out []string
	depth := 0
	var quote rune
	start := 0
	esc := false
	for i, r := range s {
		switch {
		case quote != 0:
			switch {
			case esc:
				esc = false
			case r == '\\':
				esc = true
			case r == quote:
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[':
			depth++
		case r == ']':
			depth--
			if depth < 0 {
				return nil, "unbalanced ]"
			}
		case r == ',' && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if quote != 0 {
		return nil, "unterminated string"
	}
	if depth != 0 {
		return nil, "unbalanced ["
	}
	return append(out, s[start:]), ""
}

// stripComments removes // and /* */ comments (outside strings), for the emptiness check.
func stripComments(s string) string {
	var b strings.Builder
	walkCypher(s, func(kind tokenKind, text string, _ int) {
		if kind != tokComment {
			b.WriteString(text)
		}
	})
	return b.String()
}
