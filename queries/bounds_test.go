package queries

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func rangeTemplate(params string) string {
	return "// name: r\n// summary: ranges\n// params: " + params + "\nRETURN $n AS n LIMIT $limit\n"
}

// A declared range is kept, shown in the signature, and enforced by Bind: --param
// limit=-1 never reaches the server.
func TestParamRange(t *testing.T) {
	tm, err := Parse("r.cypher", []byte(rangeTemplate("n float(0..1) = 0.5, limit int(0..) = 50")))
	if err != nil {
		t.Fatal(err)
	}
	if got := tm.Signature(); got != "n float(0..1) = 0.5, limit int(0..) = 50" {
		t.Errorf("signature = %s", got)
	}
	for _, tc := range []struct {
		vals map[string]string
		want string // "" for ok
	}{
		{map[string]string{"limit": "0"}, ""},
		{map[string]string{"limit": "1000000"}, ""},
		{map[string]string{"limit": "-1"}, "--param limit: -1 is out of range: want at least 0"},
		{map[string]string{"n": "1.5"}, "--param n: 1.5 is out of range: want 0 to 1"},
		{map[string]string{"n": "-0.1"}, "out of range"},
		{map[string]string{"n": "null"}, ""},
	} {
		_, err := tm.Bind(tc.vals)
		var pe *ParamError
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("%v: %v", tc.vals, err)
		case tc.want != "" && (!errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("%v: err = %v, want %q", tc.vals, err, tc.want)
		}
	}
}

func TestParamRangeProblems(t *testing.T) {
	for _, tc := range []struct{ params, want string }{
		{"n int = 1, limit int(0..) = -5", "param limit: bad default -5: -5 is out of range: want at least 0"},
		{"n int(..) = 1, limit int = 5", "empty range"},
		{"n int(5..1) = 1, limit int = 5", "range 5..1 is empty"},
		{"n int(a..b) = 1, limit int = 5", "bad range"},
		{"n string(0..) = \"x\", limit int = 5", "a range (0..) applies to int and float params only"},
	} {
		_, err := Parse("r.cypher", []byte(rangeTemplate(tc.params)))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want %q", tc.params, err, tc.want)
		}
	}
	src := "// name: r\n// summary: ranges\n// params: limit int(1..10)\n// example: limit=20\nRETURN 1 LIMIT $limit\n"
	if _, err := Parse("r.cypher", []byte(src)); err == nil || !strings.Contains(err.Error(), "example limit: 20 is out of range") {
		t.Errorf("example out of range: err = %v", err)
	}
}

// Every built-in template bounds its limit param at 0.
func TestBuiltinLimitsBounded(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range c.All() {
		if p, ok := tm.Param("limit"); ok {
			if _, err := tm.Bind(map[string]string{"limit": "-1"}); err == nil {
				t.Errorf("%s: limit=-1 accepted (declared %s)", tm.Name, p)
			}
		}
	}
}

// One bad file in the user's folder is reported and left out; the rest loads.
func TestLoadKeepsGoodTemplates(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("mine.cypher", "// name: mine\n// summary: Mine\n// params:\nRETURN 1 AS one\n")
	write("bad.cypher", "// name: bad\n// summary: x\n// params:\nRETURN $y\n")
	c, err := Load(dir)
	var qe *Error
	if !errors.As(err, &qe) || len(qe.Problems) != 1 || !strings.Contains(qe.Problems[0].String(), "bad.cypher:4:") {
		t.Fatalf("err = %v", err)
	}
	if c == nil {
		t.Fatal("no catalog")
	}
	if _, ok := c.Get("mine"); !ok {
		t.Error("the good user template is gone")
	}
	if _, ok := c.Get("who_met_whom"); !ok {
		t.Error("the built-in templates are gone")
	}
	if probs, bad := c.Broken("bad"); !bad || len(probs) != 1 {
		t.Errorf("Broken(bad) = %v, %v", probs, bad)
	}
	if _, bad := c.Broken("mine"); bad {
		t.Error("mine reported broken")
	}
}
