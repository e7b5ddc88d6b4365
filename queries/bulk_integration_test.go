//go:build integration

package queries_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/queries/internal/neo4jtest"
)

// TestBulkImportRoundTrip loads the seeds' extraction into the test server, exports it as
// neo4j-admin CSV, imports that with scripts/bulk-import.sh into a third local server (the
// `bulk` instance of tools/neo4j/neo4j.sh, whose database the import replaces), and checks
// that both servers hold the same graph: every node, relationship and property, as the
// JSON Lines export writes them.
func TestBulkImportRoundTrip(t *testing.T) {
	s := neo4jtest.OpenScratch(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	start := time.Now()
	neo4jtest.Load(t, s, filepath.Join(root, "extract/testdata/seeds.golden.jsonl"))
	loaded := time.Since(start)
	want := snapshotJSONL(t, s)
	snap, err := export.Read(ctx, s)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := export.CSV(dir, snap); err != nil {
		t.Fatal(err)
	}
	bulk := bulkInstance(t, root)
	start = time.Now()
	bulk.run(t, filepath.Join(root, "scripts/bulk-import.sh"), "--yes", dir)
	imported := time.Since(start)
	bulk.run(t, bulk.script(), "up", "--for-test")
	b := bulk.open(t, ctx)
	if _, err := b.ApplySchema(ctx); err != nil {
		t.Fatalf("schema on the imported database: %v", err)
	}
	got := withoutEmptyLists(t, snapshotJSONL(t, b))
	want = withoutEmptyLists(t, want)
	t.Logf("seeds: load %s, neo4j-admin import %s (then the server's start: %s)", loaded, imported, time.Since(start))
	if !bytes.Equal(got, want) {
		t.Fatalf("the bulk-imported graph differs from the loaded one:\n%s", firstDiff(want, got))
	}
	if len(want) == 0 {
		t.Fatal("the loaded graph is empty")
	}
}

// withoutEmptyLists drops the properties whose value is an empty list from every record:
// neo4j-admin reads an empty array cell as no value, so an empty list does not survive the
// CSV path (documented in scripts/bulk-import.sh); everything else must.
func withoutEmptyLists(t *testing.T, jsonl []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, line := range bytes.Split(bytes.TrimSpace(jsonl), []byte("\n")) {
		var rec map[string]any
		if err := json.Unmarshal(line, &rec); err != nil {
			t.Fatalf("export line %q: %v", line, err)
		}
		dropEmptyLists(rec)
		if props, ok := rec["props"].(map[string]any); ok {
			dropEmptyLists(props)
		}
		b, err := json.Marshal(rec)
		if err != nil {
			t.Fatal(err)
		}
		out.Write(append(b, '\n'))
	}
	return out.Bytes()
}

func dropEmptyLists(m map[string]any) {
	for k, v := range m {
		if l, ok := v.([]any); ok && len(l) == 0 {
			delete(m, k)
		}
	}
}

// instance runs tools/neo4j/neo4j.sh and scripts for the bulk instance.
type instance struct {
	root string
	env  []string
}

// bulkInstance installs the bulk instance (its conf and password; the jars are shared with
// the test instance) and stops it when the test ends.
func bulkInstance(t *testing.T, root string) *instance {
	t.Helper()
	in := &instance{root: root, env: append(os.Environ(), "NEO4J_INSTANCE=bulk")}
	in.run(t, in.script(), "install")
	t.Cleanup(func() {
		if out, err := in.cmd(in.script(), "down").CombinedOutput(); err != nil {
			t.Logf("stopping the bulk instance: %v\n%s", err, out)
		}
	})
	return in
}

func (in *instance) script() string { return filepath.Join(in.root, "tools/neo4j/neo4j.sh") }

func (in *instance) cmd(name string, args ...string) *exec.Cmd {
	c := exec.Command(name, args...)
	c.Env, c.Dir = in.env, in.root
	return c
}

func (in *instance) run(t *testing.T, name string, args ...string) string {
	t.Helper()
	var out, errb bytes.Buffer
	c := in.cmd(name, args...)
	c.Stdout, c.Stderr = &out, &errb
	if err := c.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", filepath.Base(name), strings.Join(args, " "), err, out.String(), errb.String())
	}
	return strings.TrimSpace(out.String())
}

// open connects to the bulk instance with its own password.
func (in *instance) open(t *testing.T, ctx context.Context) *neo4j.Store {
	t.Helper()
	uri := in.run(t, in.script(), "uri")
	pwFile := in.run(t, in.script(), "password")
	pw, err := os.ReadFile(pwFile)
	if err != nil {
		t.Fatal(err)
	}
	s, err := neo4j.Open(ctx, neo4j.Config{URI: uri, User: "neo4j", Password: strings.TrimSpace(string(pw)), Database: "neo4j"})
	if err != nil {
		t.Fatalf("open the bulk instance %s: %v", uri, err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

func snapshotJSONL(t *testing.T, s *neo4j.Store) []byte {
	t.Helper()
	snap, err := export.Read(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := export.JSONL(&b, snap); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n loaded:   %s\n imported: %s", i+1, x, y)
		}
	}
	return "(same lines)"
}
