package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// fixture is the hand-written extraction of testdata/, as an absolute path (tests chdir).
var fixture, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "fixture.jsonl"))

// runCLI runs the CLI in-process and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(append([]string{"newsgraph"}, args...), strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// isolate hides the developer's NEWSGRAPH_* variables, config files and the local
// .neo4j/password: the test runs in an empty directory.
func isolate(t *testing.T) string {
	t.Helper()
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "NEWSGRAPH_") {
			t.Setenv(k, "")
		}
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	t.Chdir(dir)
	return dir
}

func TestExitCode(t *testing.T) {
	unreachable := &neo4j.ConnError{Kind: neo4j.ErrUnreachable, URI: "bolt://x", Err: errors.New("refused")}
	auth := &neo4j.ConnError{Kind: neo4j.ErrAuth, URI: "bolt://x", Err: errors.New("unauthorized")}
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want int
	}{
		{"nil", nil, nil, 0},
		{"plain", nil, errors.New("boom"), 1},
		{"validation", nil, &graph.ValidationError{Problems: []string{"f:1: x"}}, 1},
		{"usage", nil, usagef("load", "no file"), 2},
		{"config", nil, fmt.Errorf("wrapped: %w", &config.Error{Msg: "bad key"}), 2},
		{"unreachable", nil, fmt.Errorf("loading batch 1 of 1: %w", unreachable), 4},
		{"auth", nil, auth, 4},
		{"no password", nil, fmt.Errorf("%w: set it", config.ErrNoPassword), 4},
		{"partial", nil, &graph.PartialLoadError{Total: 3, Err: errors.New("loading batch 2 of 3: deadlock")}, 3},
		{"partial and unreachable", nil, &graph.PartialLoadError{Total: 3, Err: fmt.Errorf("loading batch 2 of 3: %w", unreachable)}, 4},
		{"command's own partial", nil, fmt.Errorf("extract: %w", somePartial{}), 3},
		{"doctor db", nil, &doctorFailed{failed: []string{"auth"}, db: auth}, 4},
		{"doctor other", nil, &doctorFailed{failed: []string{"schema"}}, 1},
		{"write refused", nil, &neo4j.WriteQueryError{QueryType: "rw"}, 1},
		{"cancelled", nil, fmt.Errorf("x: %w", context.Canceled), 130},
		{"interrupted ctx", cancelled, errors.New("whatever the driver said"), 130},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := tt.ctx
			if ctx == nil {
				ctx = context.Background()
			}
			if got := exitCode(ctx, tt.err); got != tt.want {
				t.Errorf("exitCode(%v) = %d, want %d", tt.err, got, tt.want)
			}
		})
	}
}

type somePartial struct{}

func (somePartial) Error() string { return "2 of 5 inputs could not be read" }
func (somePartial) Partial() bool { return true }

func TestParseParams(t *testing.T) {
	tests := []struct {
		in      string
		want    any
		wantErr string
	}{
		{in: "n=42", want: int64(42)},
		{in: "n=-7", want: int64(-7)},
		{in: "f=4.5", want: 4.5},
		{in: "f=1e3", want: 1000.0},
		{in: "b=true", want: true},
		{in: "b=false", want: false},
		{in: "z=null", want: nil},
		{in: "s=Mark Rutte", want: "Mark Rutte"},
		{in: "s=person:mark-rutte", want: "person:mark-rutte"},
		{in: "s=2024-11-22", want: "2024-11-22"},
		{in: "s=", want: ""},
		{in: "s=a=b", want: "a=b"},
		{in: "s=a,b", want: "a,b"},
		{in: `s="42"`, want: "42"},
		{in: "l=[1, 2.5, \"x\"]", want: []any{int64(1), 2.5, "x"}},
		{in: `m={"a": {"b": [true]}, "n": 3}`, want: map[string]any{"a": map[string]any{"b": []any{true}}, "n": int64(3)}},
		{in: "s=nan", want: "nan"},
		{in: "s=True", want: "True"},
		{in: "big=99999999999999999999", wantErr: "does not fit"},
		{in: "bad=[1,", wantErr: "looks like JSON"},
		{in: "bad={} x", wantErr: "looks like JSON"},
		{in: "noequals", wantErr: "want name=value"},
		{in: "1x=2", wantErr: "not a parameter name"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := parseParams([]string{tt.in})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			name, _, _ := strings.Cut(tt.in, "=")
			if !reflect.DeepEqual(got[name], tt.want) {
				t.Errorf("%s = %#v, want %#v", name, got[name], tt.want)
			}
		})
	}
	if _, err := parseParams([]string{"a=1", "a=2"}); err == nil {
		t.Error("duplicate param accepted")
	}
}

func TestWriteRows(t *testing.T) {
	node := graph.NodeValue{ElementID: "4:x:1", Labels: []string{"Person"}, Props: map[string]any{"name": "Mark Rutte", "id": "person:mark-rutte"}}
	rows := &graph.Rows{Columns: []string{"name", "n", "f", "l", "p", "z"}, Rows: [][]any{
		{"Mark Rutte", int64(2), 2.0, []any{"a", "b"}, node, nil},
		{"Zelensky, V.", int64(-1), 0.25, []any{}, map[string]any{"k": true}, "<&>"},
	}}
	tests := []struct{ format, want string }{
		{"csv", `name,n,f,l,p,z
Mark Rutte,2,2.0,"[""a"",""b""]","(:Person {id: ""person:mark-rutte"", name: ""Mark Rutte""})",
"Zelensky, V.",-1,0.25,[],"{""k"":true}",<&>
`},
		{"json", `[
  {"name": "Mark Rutte", "n": 2, "f": 2, "l": ["a","b"], "p": {"element_id":"4:x:1","labels":["Person"],"properties":{"id":"person:mark-rutte","name":"Mark Rutte"}}, "z": null},
  {"name": "Zelensky, V.", "n": -1, "f": 0.25, "l": [], "p": {"k":true}, "z": "<&>"}
]
`},
		{"table", `┌──────────────┬────┬──────┬────────────┬─────────────────────────────────────────────────────────┬──────┐
│ name         │  n │    f │ l          │ p                                                       │ z    │
├──────────────┼────┼──────┼────────────┼─────────────────────────────────────────────────────────┼──────┤
│ Mark Rutte   │  2 │  2.0 │ ["a", "b"] │ (:Person {id: "person:mark-rutte", name: "Mark Rutte"}) │ null │
│ Zelensky, V. │ -1 │ 0.25 │ []         │ {k: true}                                               │ <&>  │
└──────────────┴────┴──────┴────────────┴─────────────────────────────────────────────────────────┴──────┘
(2 rows)
`},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := writeRows(&b, rows, tt.format); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("%s output:\n%s\nwant:\n%s", tt.format, b.String(), tt.want)
			}
		})
	}
	var b bytes.Buffer
	if err := writeRows(&b, &graph.Rows{Columns: []string{"x"}}, "json"); err != nil || b.String() != "[]\n" {
		t.Errorf("empty json = %q, %v", b.String(), err)
	}
}

func TestIntersperse(t *testing.T) {
	app := newApp(&env{})
	tests := []struct{ in, want string }{
		{"query RETURN_1 --param a=1 -p b=2 --format csv", "query --param a=1 -p b=2 --format csv RETURN_1"},
		{"query RETURN_1 --neo4j-uri bolt://x:1", "--neo4j-uri bolt://x:1 query RETURN_1"},
		{"--log-level debug load f.jsonl --dry-run --batch-size=3", "--log-level debug load --dry-run --batch-size=3 f.jsonl"},
		{"load f.jsonl -n", "load -n f.jsonl"},
		{"schema apply --neo4j-user bob", "--neo4j-user bob schema apply"},
		{"query -- -weird --param", "query -- -weird --param"},
		{"query X --param a=1 -- --not-a-flag", "query --param a=1 -- X --not-a-flag"},
		{"load f.jsonl --help", "load --help f.jsonl"},
		{"nosuch --x y", "nosuch --x y"},
	}
	for _, tt := range tests {
		got := intersperse(app, append([]string{"newsgraph"}, strings.Fields(tt.in)...))
		if g := strings.Join(got[1:], " "); g != tt.want {
			t.Errorf("intersperse(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func TestHelp(t *testing.T) {
	isolate(t)
	code, out, _ := runCLI(t, "", "--help")
	if code != 0 {
		t.Fatalf("--help exit %d", code)
	}
	for _, want := range []string{"EXIT CODES", "0    ok", "2    usage", "3    partial", "4    Neo4j unreachable", "130  interrupted",
		"NEWSGRAPH_NEO4J_URI", "NEWSGRAPH_LOG_FORMAT", "load", "query", "doctor"} {
		if !strings.Contains(out, want) {
			t.Errorf("root help lacks %q", want)
		}
	}
	for _, cmd := range [][]string{{"load"}, {"query"}, {"schema"}, {"schema", "apply"}, {"doctor"}, {"config"}, {"version"}} {
		code, out, _ := runCLI(t, "", append(cmd, "--help")...)
		if code != 0 || !strings.Contains(out, "Example") {
			t.Errorf("%v --help: exit %d, no examples:\n%s", cmd, code, out)
		}
	}
	if code, out, _ := runCLI(t, ""); code != 0 || !strings.Contains(out, "COMMANDS") {
		t.Errorf("bare newsgraph: exit %d", code)
	}
}

func TestUsageErrors(t *testing.T) {
	isolate(t)
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"frobnicate"}, `unknown command "frobnicate"`},
		{[]string{"--no-such-flag", "doctor"}, "flag provided but not defined"},
		{[]string{"load"}, "load takes one FILE"},
		{[]string{"load", "a", "b"}, "load takes one FILE"},
		{[]string{"load", "--batch", "3", "x"}, "flag provided but not defined"},
		{[]string{"query"}, "query takes one Cypher statement"},
		{[]string{"query", "RETURN 1", "--param", "oops"}, "want name=value"},
		{[]string{"query", "RETURN 1", "-f", "yaml"}, `unknown format "yaml"`},
		{[]string{"query", " "}, "the query is empty"},
		{[]string{"--log-level", "loud", "config"}, "log.level"},
		{[]string{"--config", "missing.yaml", "config"}, "missing.yaml"},
		{[]string{"load", "--batch-size", "zero", "x"}, "load.batch_size"},
		{[]string{"version", "extra"}, "unexpected argument"},
		{[]string{"schema", "bogus"}, `unknown schema command "bogus"`},
		{[]string{"schema", "apply", "now"}, `unexpected argument "now"`},
	}
	for _, tt := range tests {
		code, _, stderr := runCLI(t, "", tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, code, stderr, tt.want)
		}
		if !strings.Contains(stderr, "newsgraph: ") {
			t.Errorf("%v: stderr does not start with newsgraph: %q", tt.args, stderr)
		}
	}
}

func TestLoadInvalidLineNeverConnects(t *testing.T) {
	dir := isolate(t)
	t.Setenv(config.PasswordEnv, "x")
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	lines[4] = strings.Replace(lines[4], `"label":"Person"`, `"label":"Persn"`, 1)
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	// An unreachable server would give exit 4: exit 1 shows the invalid file is reported
	// first (load connects before validating only to look for the file's manifest).
	code, out, stderr := runCLI(t, "", "load", bad, "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitError {
		t.Fatalf("exit %d, want 1; stderr %s", code, stderr)
	}
	for _, want := range []string{bad + ":5:", "Persn", "nothing was written"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if out != "" {
		t.Errorf("stdout: %q", out)
	}
	// The same from stdin names "stdin".
	code, _, stderr = runCLI(t, strings.Join(lines, "\n"), "load", "-")
	if code != exitError || !strings.Contains(stderr, "stdin:5:") {
		t.Errorf("stdin: exit %d, %s", code, stderr)
	}
	code, _, stderr = runCLI(t, "", "load", filepath.Join(dir, "nope.jsonl"))
	if code != exitError || !strings.Contains(stderr, "no such file") {
		t.Errorf("missing file: exit %d, %s", code, stderr)
	}
}

func TestLoadDryRun(t *testing.T) {
	isolate(t)
	code, out, stderr := runCLI(t, "", "load", "--dry-run", fixture, "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"nothing was written and no connection made", "8 nodes (2 of them articles) and 15 relationships in 1 write transaction",
		"Person        2", "MENTIONS      8  (6 implied", "MET           1", "HOLDS_ROLE    2"} {
		if !strings.Contains(out, want) {
			t.Errorf("dry run lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = runCLI(t, "", "load", "-n", "--batch-size", "1", fixture)
	if code != 0 || !strings.Contains(out, "in 2 write transactions") {
		t.Errorf("batch size 1: exit %d\n%s", code, out)
	}
}

func TestUnreachableExits4(t *testing.T) {
	isolate(t)
	t.Setenv(config.PasswordEnv, "whatever")
	for _, args := range [][]string{
		{"load", fixture},
		{"query", "RETURN 1"},
		{"schema", "apply"},
	} {
		code, out, stderr := runCLI(t, "", append(args, "--neo4j-uri", "bolt://127.0.0.1:1")...)
		if code != exitDatabase {
			t.Errorf("%v: exit %d, want 4; stderr %s", args, code, stderr)
		}
		if !strings.Contains(stderr, "cannot reach Neo4j at bolt://127.0.0.1:1") || !strings.Contains(stderr, "hint:") {
			t.Errorf("%v: stderr %q", args, stderr)
		}
		if out != "" {
			t.Errorf("%v: stdout %q", args, out)
		}
	}
}

func TestDoctorUnreachable(t *testing.T) {
	isolate(t)
	t.Setenv(config.PasswordEnv, "whatever")
	code, out, stderr := runCLI(t, "", "doctor", "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitDatabase {
		t.Fatalf("exit %d, want 4\n%s%s", code, out, stderr)
	}
	for _, want := range []string{"ok    config", "ok    password      from env NEWSGRAPH_NEO4J_PASSWORD", "FAIL  connectivity  cannot reach", "hint:", "skip  auth", "skip  schema"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out+stderr, "whatever") {
		t.Error("doctor printed the password")
	}
}

func TestNoPassword(t *testing.T) {
	isolate(t)
	code, out, stderr := runCLI(t, "", "doctor", "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitDatabase || !strings.Contains(out, "FAIL  password") {
		t.Errorf("doctor without password: exit %d\n%s", code, out)
	}
	code, _, stderr = runCLI(t, "", "query", "RETURN 1")
	if code != exitDatabase || !strings.Contains(stderr, "no Neo4j password") {
		t.Errorf("query without password: exit %d, %s", code, stderr)
	}
}

func TestConfigCommand(t *testing.T) {
	dir := isolate(t)
	if err := os.WriteFile(filepath.Join(dir, "newsgraph.yaml"), []byte("neo4j:\n  database: news\nload:\n  batch_size: 42\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Setenv(config.PasswordEnv, "s3cr3t-value")
	t.Setenv("NEWSGRAPH_NEO4J_USER", "analyst")
	code, out, stderr := runCLI(t, "", "--neo4j-uri", "neo4j://db.example:7687", "config")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if strings.Contains(out+stderr, "s3cr3t-value") {
		t.Fatal("config printed the password")
	}
	yaml := filepath.Join(dir, "newsgraph.yaml")
	for _, re := range []string{
		"config file: " + yaml,
		`neo4j.uri +neo4j://db.example:7687 +flag --neo4j-uri`,
		`neo4j.user +analyst +env NEWSGRAPH_NEO4J_USER`,
		`neo4j.password +\(redacted\) +env NEWSGRAPH_NEO4J_PASSWORD`,
		`neo4j.database +news +file ` + yaml,
		`load.batch_size +42 +file ` + yaml,
		`log.level +info +default`,
	} {
		if !regexpMatch(re, out) {
			t.Errorf("config output does not match %q:\n%s", re, out)
		}
	}
	// --batch-size on load overrides the file (checked through the dry run's batching).
	code, out, _ = runCLI(t, "", "load", "-n", fixture, "--batch-size", "1")
	if code != 0 || !strings.Contains(out, "2 write transactions") {
		t.Errorf("flag over file: %s", out)
	}
}

func TestVersion(t *testing.T) {
	isolate(t)
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || !strings.Contains(out, "newsgraph ") || !strings.Contains(out, "go1.") || !strings.Contains(out, "neo4j-go-driver "+neo4j.DriverVersion) {
		t.Errorf("version: exit %d\n%s", code, out)
	}
	var b bytes.Buffer
	_ = runVersion(&b, versionInfo{Version: "v1.2.3", Commit: "abc", Modified: true, Go: "go1.26", Platform: "linux/amd64", Driver: "5.28.4"})
	if want := "newsgraph v1.2.3\ncommit    abc (modified)\ngo        go1.26 linux/amd64\ndriver    neo4j-go-driver 5.28.4\n"; b.String() != want {
		t.Errorf("runVersion = %q", b.String())
	}
}

func regexpMatch(re, s string) bool { return regexp.MustCompile(re).MatchString(s) }
