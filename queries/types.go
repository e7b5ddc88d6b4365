package queries

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Type is the declared type of a template parameter.
type Type string

// The parameter types.
const (
	TypeString     Type = "string"
	TypeInt        Type = "int"
	TypeFloat      Type = "float"
	TypeBool       Type = "bool"
	TypeDate       Type = "date"
	TypeListString Type = "list<string>"
)

var types = []Type{TypeString, TypeInt, TypeFloat, TypeBool, TypeDate, TypeListString}

func typeNames() []string {
	out := make([]string, len(types))
	for i, t := range types {
		out[i] = string(t)
	}
	return out
}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

var (
	intLit   = regexp.MustCompile(`^[-+]?[0-9]+$`)
	floatLit = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
	isoDate  = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
)

// parseDefault parses a default as written in a header: Cypher-like literals.
func (t Type) parseDefault(s string) (any, error) {
	if s == "" {
		return nil, errors.New("empty (write null, or drop \"= ...\" to make the param required)")
	}
	if s == "null" {
		if t == TypeBool {
			return nil, errors.New("a bool default is true or false")
		}
		return nil, nil
	}
	switch t {
	case TypeString:
		return quoted(s)
	case TypeDate:
		q, err := quoted(s)
		if err != nil {
			return nil, fmt.Errorf("a date default is a quoted ISO date (\"2024-11-22\") or null")
		}
		return CheckDate(q)
	case TypeInt:
		if !intLit.MatchString(s) {
			return nil, errors.New("not an integer")
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, errors.New("does not fit in 64 bits")
		}
		return n, nil
	case TypeFloat:
		if !floatLit.MatchString(s) {
			return nil, errors.New("not a number")
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, errors.New("out of range")
		}
		return f, nil
	case TypeBool:
		switch s {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return nil, errors.New("a bool default is true or false")
	case TypeListString:
		if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
			return nil, errors.New("a list default is [\"a\", \"b\"], [] or null")
		}
		inner := strings.TrimSpace(s[1 : len(s)-1])
		out := []string{}
		if inner == "" {
			return out, nil
		}
		items, msg := splitTop(inner)
		if msg != "" {
			return nil, errors.New(msg)
		}
		for _, it := range items {
			q, err := quoted(strings.TrimSpace(it))
			if err != nil {
				return nil, fmt.Errorf("list item %s: %v", strings.TrimSpace(it), err)
			}
			out = append(out, q)
		}
		return out, nil
	}
	return nil, fmt.Errorf("unknown type %q", t)
}

// quoted parses a "double" (JSON escapes) or 'single' quoted string.
func quoted(s string) (string, error) {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		var out string
		if err := json.Unmarshal([]byte(s), &out); err != nil {
			return "", errors.New("not a valid \"string\"")
		}
		return out, nil
	}
	if len(s) >= 2 && s[0] == '\'' && s[len(s)-1] == '\'' {
		inner := s[1 : len(s)-1]
		if strings.Contains(strings.ReplaceAll(inner, `\'`, ""), "'") {
			return "", errors.New("unescaped ' inside a 'string'")
		}
		return strings.ReplaceAll(inner, `\'`, "'"), nil
	}
	return "", errors.New("a string is written in quotes")
}

// CheckDate checks an ISO date of year, month or day precision (2024, 2024-11,
// 2024-11-22) and returns it unchanged.
func CheckDate(s string) (string, error) {
	if !isoDate.MatchString(s) {
		return "", fmt.Errorf("%q is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)", s)
	}
	layout := map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}[len(s)]
	if _, err := time.Parse(layout, s); err != nil {
		return "", fmt.Errorf("%q is not a calendar date", s)
	}
	return s, nil
}

// ParamError is a bad --param: an unknown name, a value of the wrong type, or a missing
// required param. The CLI reports it as a usage error.
type ParamError struct {
	Template string
	Param    string
	Msg      string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("report %s: --param %s: %s", e.Template, e.Param, e.Msg)
}

// Bind turns textual values (from --param name=value) into the parameters of a run:
// every declared param gets its value or its default. Errors are *ParamError.
//
// Values by type: string as is; int and float as numbers; bool true/false (also
// yes/no, 1/0); date an ISO date, or "" / null for null; list<string> a JSON array
// (["a","b"]) or comma-separated text (a,b; "" is the empty list). "null" is null for
// every type but string and bool.
func (t *Template) Bind(values map[string]string) (map[string]any, error) {
	names := make([]string, 0, len(values))
	for k := range values {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if _, ok := t.Param(k); !ok {
			return nil, &ParamError{Template: t.Name, Param: k, Msg: fmt.Sprintf("no such parameter (parameters: %s)", listOrNone(t.ParamNames()))}
		}
	}
	out := make(map[string]any, len(t.Params))
	for _, p := range t.Params {
		raw, given := values[p.Name]
		if !given {
			if p.Required {
				return nil, &ParamError{Template: t.Name, Param: p.Name, Msg: fmt.Sprintf("required (a %s); give --param %s=...", p.Type, p.Name)}
			}
			out[p.Name] = p.Default
			continue
		}
		v, err := p.Type.Value(raw)
		if err == nil {
			err = p.Range.check(v)
		}
		if err != nil {
			return nil, &ParamError{Template: t.Name, Param: p.Name, Msg: err.Error()}
		}
		if p.Required && (v == nil || v == "") {
			return nil, &ParamError{Template: t.Name, Param: p.Name, Msg: "required; give it a non-empty value"}
		}
		out[p.Name] = v
	}
	return out, nil
}

// Value converts a textual value to the Cypher parameter value of type t.
func (t Type) Value(raw string) (any, error) {
	s := strings.TrimSpace(raw)
	switch t {
	case TypeString:
		return raw, nil
	case TypeInt:
		if s == "null" {
			return nil, nil
		}
		if !intLit.MatchString(s) {
			return nil, fmt.Errorf("want an int, got %q", raw)
		}
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("%s does not fit in a 64-bit int", s)
		}
		return n, nil
	case TypeFloat:
		if s == "null" {
			return nil, nil
		}
		if !floatLit.MatchString(s) {
			return nil, fmt.Errorf("want a float, got %q", raw)
		}
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsInf(f, 0) {
			return nil, fmt.Errorf("%s is out of range", s)
		}
		return f, nil
	case TypeBool:
		switch strings.ToLower(s) {
		case "true", "yes", "1":
			return true, nil
		case "false", "no", "0":
			return false, nil
		}
		return nil, fmt.Errorf("want true or false, got %q", raw)
	case TypeDate:
		if s == "" || s == "null" {
			return nil, nil
		}
		d, err := CheckDate(s)
		if err != nil {
			return nil, fmt.Errorf("want a date: %v", err)
		}
		return d, nil
	case TypeListString:
		if s == "null" {
			return nil, nil
		}
		if strings.HasPrefix(s, "[") {
			var l []string
			if err := json.Unmarshal([]byte(s), &l); err != nil {
				return nil, fmt.Errorf("want a JSON list of strings or comma-separated text, got %q", raw)
			}
			if l == nil {
				l = []string{}
			}
			return l, nil
		}
		out := []string{}
		if s == "" {
			return out, nil
		}
		for _, x := range strings.Split(s, ",") {
			out = append(out, strings.TrimSpace(x))
		}
		return out, nil
	}
	return nil, fmt.Errorf("unknown type %q", t)
}

// Sample returns a value of type t for checking a template without running it (EXPLAIN
// of a required param).
func (t Type) Sample() any {
	switch t {
	case TypeString:
		return "x"
	case TypeInt:
		return int64(1)
	case TypeFloat:
		return 1.0
	case TypeBool:
		return false
	case TypeDate:
		return "2024-01-01"
	case TypeListString:
		return []string{"x"}
	}
	return nil
}

// Defaults returns the params of a run with every default, and for each required param
// its example value (or a sample of its type): what EXPLAIN checks a template with.
func (t *Template) Defaults() map[string]any {
	out := make(map[string]any, len(t.Params))
	for _, p := range t.Params {
		if !p.Required {
			out[p.Name] = p.Default
			continue
		}
		out[p.Name] = p.Type.Sample()
		if raw, ok := t.Example[p.Name]; ok {
			if v, err := p.Type.Value(raw); err == nil {
				out[p.Name] = v
			}
		}
	}
	return out
}

// ExampleParams returns the params of a run with the example values (and defaults for
// the rest).
func (t *Template) ExampleParams() (map[string]any, error) { return t.Bind(t.Example) }
