package queries

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Range bounds the values of an int or float param, declared after the type as in
// Cypher's ranges: int(0..) is at least 0, int(1..500) from 1 to 500, float(..1) at most
// 1. Bind refuses a --param outside it (a usage error, before the server sees it), and
// Parse refuses a default or an example outside it.
type Range struct {
	Min, Max *float64
}

var rangeDecl = regexp.MustCompile(`^([a-z<>]+)\((\s*[-+]?[0-9]+(?:\.[0-9]+)?)?\s*\.\.\s*([-+]?[0-9]+(?:\.[0-9]+)?)?\s*\)$`)

// parseRange splits "int(0..)" into the range and "int"; a type without parentheses has
// no range.
func parseRange(typ string) (*Range, string, error) {
	if !strings.Contains(typ, "(") {
		return nil, typ, nil
	}
	m := rangeDecl.FindStringSubmatch(typ)
	if m == nil {
		return nil, "", fmt.Errorf("bad range in %q (want e.g. int(0..), int(1..100), float(0..1))", typ)
	}
	r := &Range{}
	if m[2] != "" {
		v, _ := strconv.ParseFloat(m[2], 64)
		r.Min = &v
	}
	if m[3] != "" {
		v, _ := strconv.ParseFloat(m[3], 64)
		r.Max = &v
	}
	if r.Min == nil && r.Max == nil {
		return nil, "", fmt.Errorf("empty range in %q (want e.g. int(0..))", typ)
	}
	if r.Min != nil && r.Max != nil && *r.Min > *r.Max {
		return nil, "", fmt.Errorf("range %s is empty", r)
	}
	return r, m[1], nil
}

func (r *Range) String() string {
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	return f(r.Min) + ".." + f(r.Max)
}

// check refuses a number outside the range (null and non-numbers pass).
func (r *Range) check(v any) error {
	if r == nil {
		return nil
	}
	var x float64
	switch n := v.(type) {
	case int64:
		x = float64(n)
	case float64:
		x = n
	default:
		return nil
	}
	switch {
	case r.Min != nil && r.Max != nil && (x < *r.Min || x > *r.Max):
		return fmt.Errorf("%v is out of range: want %s to %s", v, strconv.FormatFloat(*r.Min, 'f', -1, 64), strconv.FormatFloat(*r.Max, 'f', -1, 64))
	case r.Min != nil && x < *r.Min:
		return fmt.Errorf("%v is out of range: want at least %s", v, strconv.FormatFloat(*r.Min, 'f', -1, 64))
	case r.Max != nil && x > *r.Max:
		return fmt.Errorf("%v is out of range: want at most %s", v, strconv.FormatFloat(*r.Max, 'f', -1, 64))
	}
	return nil
}
