package queries

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const good = `// name: who_met_whom
// summary: Meetings between two actors
// params: person string = "", since date = null, limit int = 50
MATCH (a)-[m:MET]->(b)
WHERE ($person = '' OR a.name CONTAINS $person) AND ($since IS NULL OR m.date >= $since)
RETURN a.name, b.name LIMIT $limit
`

func TestParseGood(t *testing.T) {
	tm, err := Parse("queries/who_met_whom.cypher", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if tm.Name != "who_met_whom" || tm.Summary != "Meetings between two actors" || tm.BodyLine != 4 {
		t.Errorf("got name %q summary %q body line %d", tm.Name, tm.Summary, tm.BodyLine)
	}
	want := []Param{
		{Name: "person", Type: TypeString, Default: "", DefaultText: `""`},
		{Name: "since", Type: TypeDate, Default: nil, DefaultText: "null"},
		{Name: "limit", Type: TypeInt, Default: int64(50), DefaultText: "50"},
	}
	if !reflect.DeepEqual(tm.Params, want) {
		t.Errorf("params = %#v\nwant %#v", tm.Params, want)
	}
	if got := tm.Signature(); got != `person string = "", since date = null, limit int = 50` {
		t.Errorf("signature = %s", got)
	}
	if tm.Cypher() != good {
		t.Error("Cypher() is not the file")
	}
}

func TestParseDefaults(t *testing.T) {
	tests := []struct {
		decl string
		want any
	}{
		{`x string = "a, b"`, "a, b"},
		{`x string = 'it\'s'`, "it's"},
		{`x string = "a=b"`, "a=b"},
		{`x string = "\u00e9"`, "é"},
		{`x string = null`, nil},
		{`x int = -3`, int64(-3)},
		{`x float = 2`, 2.0},
		{`x float = 0.5`, 0.5},
		{`x bool = true`, true},
		{`x bool = false`, false},
		{`x date = "2024"`, "2024"},
		{`x date = "2024-11"`, "2024-11"},
		{`x date = '2024-11-22'`, "2024-11-22"},
		{`x list<string> = []`, []string{}},
		{`x list<string> = ["a", 'b,c']`, []string{"a", "b,c"}},
		{`x LIST<STRING> = null`, nil},
	}
	for _, tt := range tests {
		src := "// name: t\n// summary: s\n// params: " + tt.decl + "\nRETURN $x\n"
		tm, err := Parse("t.cypher", []byte(src))
		if err != nil {
			t.Errorf("%s: %v", tt.decl, err)
			continue
		}
		if !reflect.DeepEqual(tm.Params[0].Default, tt.want) {
			t.Errorf("%s: default %#v, want %#v", tt.decl, tm.Params[0].Default, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, file, src string
		want            []string // each a whole "file:line: message" prefix
	}{
		{"undeclared param", "q/x.cypher", "// name: x\n// summary: s\n// params: a int = 1\nMATCH (n)\nWHERE n.v = $a AND n.w = $b\nRETURN n",
			[]string{"q/x.cypher:5: $b is not declared in \"// params:\" (declared: a)"}},
		{"unused param", "x.cypher", "// name: x\n// summary: s\n// params: a int = 1, b string = \"\"\nRETURN $a",
			[]string{"x.cypher:3: param b is declared but never used as $b"}},
		{"unknown type", "x.cypher", "// name: x\n// summary: s\n// params: a integer = 1\nRETURN 1",
			[]string{`x.cypher:3: param a: unknown type "integer" (want string, int, float, bool, date, list<string>)`}},
		{"name differs from stem", "queries/who.cypher", "// name: who_met\n// summary: s\n// params:\nRETURN 1",
			[]string{`queries/who.cypher:1: name "who_met" differs from the file name "who.cypher" (want "// name: who")`}},
		{"name not snake", "Who.cypher", "// name: Who\n// summary: s\n// params:\nRETURN 1",
			[]string{`Who.cypher:1: name "Who" is not snake_case`}},
		{"missing summary", "x.cypher", "// name: x\n// params:\nRETURN 1",
			[]string{`x.cypher:3: missing header field "summary"`}},
		{"missing params", "x.cypher", "// name: x\n// summary: s\n\nRETURN 1",
			[]string{`x.cypher:3: missing header field "params"`}},
		{"missing everything", "x.cypher", "RETURN 1",
			[]string{`x.cypher:1: missing header field "name"`, `x.cypher:1: missing header field "summary"`, `x.cypher:1: missing header field "params"`}},
		{"bad int default", "x.cypher", "// name: x\n// summary: s\n// params: a int = \"5\"\nRETURN $a",
			[]string{`x.cypher:3: param a: bad default "5": not an integer`}},
		{"bad date default", "x.cypher", "// name: x\n// summary: s\n// params: a date = \"2024-13-01\"\nRETURN $a",
			[]string{`x.cypher:3: param a: bad default "2024-13-01": "2024-13-01" is not a calendar date`}},
		{"unquoted date", "x.cypher", "// name: x\n// summary: s\n// params: a date = 2024-01-01\nRETURN $a",
			[]string{`x.cypher:3: param a: bad default 2024-01-01: a date default is a quoted ISO date`}},
		{"bool null", "x.cypher", "// name: x\n// summary: s\n// params: a bool = null\nRETURN $a",
			[]string{`x.cypher:3: param a: bad default null: a bool default is true or false`}},
		{"empty default", "x.cypher", "// name: x\n// summary: s\n// params: a string =\nRETURN $a",
			[]string{`x.cypher:3: param a: bad default "": empty`}},
		{"unterminated string default", "x.cypher", "// name: x\n// summary: s\n// params: a string = \"x\nRETURN $a",
			[]string{`x.cypher:3: params: unterminated string`}},
		{"list of ints", "x.cypher", "// name: x\n// summary: s\n// params: a list<string> = [1]\nRETURN $a",
			[]string{`x.cypher:3: param a: bad default [1]: list item 1: a string is written in quotes`}},
		{"duplicate param", "x.cypher", "// name: x\n// summary: s\n// params: a int = 1, a int = 2\nRETURN $a",
			[]string{`x.cypher:3: param a declared twice`}},
		{"stray comma", "x.cypher", "// name: x\n// summary: s\n// params: a int = 1,\nRETURN $a",
			[]string{`x.cypher:3: params: empty entry`}},
		{"no type", "x.cypher", "// name: x\n// summary: s\n// params: a = 1\nRETURN $a",
			[]string{`x.cypher:3: param "a = 1": want "name type"`}},
		{"unknown field", "x.cypher", "// name: x\n// sumary: s\n// summary: s\n// params:\nRETURN 1",
			[]string{`x.cypher:2: unknown header field "sumary"`}},
		{"repeated field", "x.cypher", "// name: x\n// summary: s\n// summary: t\n// params:\nRETURN 1",
			[]string{`x.cypher:3: header field "summary" repeated (first on line 2)`}},
		{"free comment in header", "x.cypher", "// name: x\n// this is it\n// summary: s\n// params:\nRETURN 1",
			[]string{`x.cypher:2: header line is not "// key: value"`}},
		{"no body", "x.cypher", "// name: x\n// summary: s\n// params:\n// just a comment? no: a header line\n",
			[]string{`x.cypher:4: header line is not`, `x.cypher:5: no Cypher after the header`}},
		{"only comments in body", "x.cypher", "// name: x\n// summary: s\n// params:\n\n/* nothing */\n",
			[]string{`x.cypher:4: no Cypher after the header`}},
		{"bare dollar", "x.cypher", "// name: x\n// summary: s\n// params:\nRETURN $ + 1",
			[]string{`x.cypher:4: "$" without a parameter name`}},
		{"unterminated body string", "x.cypher", "// name: x\n// summary: s\n// params:\nRETURN 1\nRETURN 'abc",
			[]string{`x.cypher:5: unterminated string literal`}},
		{"required param without example", "x.cypher", "// name: x\n// summary: s\n// params: a string\nRETURN $a",
			[]string{`x.cypher:3: required param a needs a value in "// example: a=..."`}},
		{"example of unknown param", "x.cypher", "// name: x\n// summary: s\n// params: a string\n// example: a=1; b=2\nRETURN $a",
			[]string{`x.cypher:4: example names b, which is not a declared param`}},
		{"example of wrong type", "x.cypher", "// name: x\n// summary: s\n// params: a int = 1\n// example: a=one\nRETURN $a",
			[]string{`x.cypher:4: example a: want an int, got "one"`}},
		{"not utf8", "x.cypher", "// name: x\n// summary: s\n// params:\nRETURN '\xff'",
			[]string{`x.cypher:1: template is not UTF-8 text`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(tt.file, []byte(tt.src))
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatalf("err = %v, want *Error", err)
			}
			if len(pe.Problems) != len(tt.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(pe.Problems), len(tt.want), err)
			}
			for i, w := range tt.want {
				if got := pe.Problems[i].String(); !strings.HasPrefix(got, w) {
					t.Errorf("problem %d = %q\nwant prefix %q", i, got, w)
				}
			}
		})
	}
}

// Params inside strings and comments are not parameters; quoted names are.
func TestScanParams(t *testing.T) {
	src := "// $nope in a comment\nMATCH (n) /* $nope\n $nope */ WHERE n.x = '$nope' + \"\\\"$nope\" AND n.`$nope` = $a\n" +
		"AND n.y = $`b c` AND n.z IN $c0 RETURN n // $nope"
	refs, err := scanParams(src)
	if err != nil {
		t.Fatal(err.msg)
	}
	var got []string
	for _, r := range refs {
		got = append(got, r.name+"@"+string(rune('0'+r.line)))
	}
	if want := []string{"a@3", "b c@4", "c0@4"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestBind(t *testing.T) {
	src := "// name: t\n// summary: s\n// params: who string, n int = 5, f float = 1.5, b bool = false, d date = null, l list<string> = [\"x\"]\n// example: who=Mark Rutte; n=3\n" +
		"RETURN $who, $n, $f, $b, $d, $l"
	tm, err := Parse("t.cypher", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	got, err := tm.Bind(map[string]string{"who": "Rutte", "n": "7", "b": "yes", "d": "2025-06", "l": "a, b"})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"who": "Rutte", "n": int64(7), "f": 1.5, "b": true, "d": "2025-06", "l": []string{"a", "b"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %#v\nwant %#v", got, want)
	}
	got, _ = tm.Bind(map[string]string{"who": "x", "l": `["p,q"]`, "d": "", "f": "2"})
	if !reflect.DeepEqual(got["l"], []string{"p,q"}) || got["d"] != nil || got["f"] != 2.0 {
		t.Errorf("got %#v", got)
	}

	bad := []struct {
		vals map[string]string
		want string
	}{
		{map[string]string{}, "report t: --param who: required (a string)"},
		{map[string]string{"who": ""}, "report t: --param who: required; give it a non-empty value"},
		{map[string]string{"who": "x", "nn": "1"}, "report t: --param nn: no such parameter (parameters: b, d, f, l, n, who)"},
		{map[string]string{"who": "x", "n": "five"}, `report t: --param n: want an int, got "five"`},
		{map[string]string{"who": "x", "n": "1.5"}, `report t: --param n: want an int`},
		{map[string]string{"who": "x", "f": "x"}, `report t: --param f: want a float`},
		{map[string]string{"who": "x", "b": "maybe"}, `report t: --param b: want true or false`},
		{map[string]string{"who": "x", "d": "22/11/2024"}, `report t: --param d: want a date`},
		{map[string]string{"who": "x", "d": "2024-02-30"}, `not a calendar date`},
		{map[string]string{"who": "x", "l": "[1]"}, `report t: --param l: want a JSON list of strings`},
	}
	for _, b := range bad {
		_, err := tm.Bind(b.vals)
		var pe *ParamError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Bind(%v) = %v, want %q", b.vals, err, b.want)
		}
	}
	if d := tm.Defaults(); d["who"] != "Mark Rutte" || d["n"] != int64(5) {
		t.Errorf("Defaults = %#v", d)
	}
}

func TestEmbeddedTemplatesParse(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, tm := range c.All() {
		if !tm.Embedded || tm.File != "queries/"+tm.Name+".cypher" {
			t.Errorf("%s: file %q embedded %v", tm.Name, tm.File, tm.Embedded)
		}
	}
}

func TestLoadUserFolder(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("summary.cypher", "// name: summary\n// summary: mine\n// params:\nRETURN 1 AS one\n")
	write("extra.cypher", "// name: extra\n// summary: added\n// params: n int = 1\nRETURN $n AS n\n")
	write("notes.txt", "not a template")
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	s, _ := c.Get("summary")
	if s.Summary != "mine" || s.Embedded || s.File != filepath.Join(dir, "summary.cypher") {
		t.Errorf("summary not overridden: %+v", s)
	}
	if _, ok := c.Get("extra"); !ok {
		t.Error("extra not added")
	}
	emb, _ := Embedded()
	if len(c.All()) != len(emb.All())+1 {
		t.Errorf("%d templates, want %d", len(c.All()), len(emb.All())+1)
	}

	write("broken.cypher", "// name: broken2\n// summary: s\n// params:\nRETURN $x\n")
	_, err = Load(dir)
	want := filepath.Join(dir, "broken.cypher") + `:1: name "broken2" differs`
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "broken.cypher:4: $x is not declared") {
		t.Errorf("err = %v, want %q and the $x problem", err, want)
	}
	if _, err := Load(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "queries.dir") {
		t.Errorf("missing folder: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(good))
	f.Add([]byte("// name: x\n// summary: s\n// params: a list<string> = [\"a\", 'b'], b date = \"2024\"\nRETURN $a, $`b`"))
	f.Add([]byte("// name: x\n/* */ RETURN '$a"))
	f.Add([]byte("//\n//\n"))
	if entries, err := embedded.ReadDir("."); err == nil {
		for _, e := range entries {
			if b, err := embedded.ReadFile(e.Name()); err == nil {
				f.Add(b)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		tm, err := Parse("x.cypher", src)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("error %v is not a non-empty *Error", err)
			}
			for _, p := range pe.Problems {
				if !strings.HasPrefix(p.String(), "x.cypher:") || p.Line < 1 {
					t.Fatalf("bad problem %q", p.String())
				}
			}
			return
		}
		if tm.Name != "x" || tm.Summary == "" {
			t.Fatalf("accepted template without name/summary: %+v", tm)
		}
		// Parsing is deterministic and defaults bind.
		if _, err := Parse("x.cypher", src); err != nil {
			t.Fatalf("second parse failed: %v", err)
		}
		vals := map[string]string{}
		for _, p := range tm.Params {
			if p.Required {
				vals[p.Name] = "1"
				if p.Type == TypeDate {
					vals[p.Name] = "2024"
				}
				if p.Type == TypeBool {
					vals[p.Name] = "true"
				}
			}
		}
		if _, err := tm.Bind(vals); err != nil {
			t.Fatalf("bind defaults: %v", err)
		}
	})
}
