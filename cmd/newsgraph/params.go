package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

var (
	paramName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	intLit    = regexp.MustCompile(`^[-+]?[0-9]+$`)
	floatLit  = regexp.MustCompile(`^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$`)
)

// parseParams turns --param name=value flags into query parameters. A value that looks
// like a literal becomes one: 42 (int), 4.2 or 1e3 (float), true/false, null, and JSON
// for values starting with [ { or " ("[1,2]", '{"a":1}', '"42"' for the string 42);
// anything else is a string.
func parseParams(flags []string) (map[string]any, error) {
	out := make(map[string]any, len(flags))
	for _, f := range flags {
		name, raw, ok := strings.Cut(f, "=")
		name = strings.TrimSpace(name)
		if !ok {
			return nil, fmt.Errorf("--param %q: want name=value", f)
		}
		if !paramName.MatchString(name) {
			return nil, fmt.Errorf("--param %q: %q is not a parameter name (letters, digits, _)", f, name)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("--param %s given twice", name)
		}
		v, err := paramValue(raw)
		if err != nil {
			return nil, fmt.Errorf("--param %s: %w", name, err)
		}
		out[name] = v
	}
	return out, nil
}

func paramValue(raw string) (any, error) {
	s := strings.TrimSpace(raw)
	switch {
	case s == "null":
		return nil, nil
	case s == "true":
		return true, nil
	case s == "false":
		return false, nil
	case intLit.MatchString(s):
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return n, nil
		}
		return nil, fmt.Errorf("%s does not fit in a 64-bit integer (quote it as JSON, '\"%s\"', for a string)", s, s)
	case floatLit.MatchString(s):
		return strconv.ParseFloat(s, 64)
	case s != "" && strings.ContainsRune("[{\"", rune(s[0])):
		dec := json.NewDecoder(bytes.NewReader([]byte(s)))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || dec.More() {
			if err == nil {
				err = fmt.Errorf("trailing data")
			}
			return nil, fmt.Errorf("value %s looks like JSON but does not parse: %v", s, err)
		}
		return jsonNumbers(v)
	}
	return raw, nil
}

// jsonNumbers turns json.Number into int64 or float64, as Cypher expects.
func jsonNumbers(v any) (any, error) {
	switch x := v.(type) {
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return n, nil
		}
		return x.Float64()
	case []any:
		for i := range x {
			y, err := jsonNumbers(x[i])
			if err != nil {
				return nil, err
			}
			x[i] = y
		}
	case map[string]any:
		for k := range x {
			y, err := jsonNumbers(x[k])
			if err != nil {
				return nil, err
			}
			x[k] = y
		}
	}
	return v, nil
}
