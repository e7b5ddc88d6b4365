package main

import (
	"strings"
	"testing"
)

// FuzzParseParams: any name=value either parses or fails with a message, never panics;
// a value that is not a literal comes back unchanged as a string.
func FuzzParseParams(f *testing.F) {
	for _, s := range []string{"n=42", "s=Mark Rutte", `m={"a":[1,2.5]}`, "x=[", "b=true", "f=1e309", "z=null", `q="\u00e9"`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseParams([]string{s})
		if err != nil {
			return
		}
		name, raw, _ := strings.Cut(s, "=")
		v, ok := got[strings.TrimSpace(name)]
		if !ok {
			t.Fatalf("%q parsed without its parameter", s)
		}
		if str, isStr := v.(string); isStr && !strings.HasPrefix(strings.TrimSpace(raw), `"`) && str != raw {
			t.Fatalf("%q: string value %q differs from the raw value", s, str)
		}
	})
}
