//go:build integration

// End-to-end tests of the CLI against a real Neo4j, driven in-process through run().
// They connect like the CLI does — NEWSGRAPH_NEO4J_URI / NEWSGRAPH_NEO4J_USER /
// NEWSGRAPH_NEO4J_PASSWORD or NEWSGRAPH_NEO4J_PASSWORD_FILE, else the local server's
// .neo4j/password found walking up from here — and WIPE THE DATABASE THEY ARE POINTED AT
// (MATCH (n) DETACH DELETE n). Run with: go test -tags integration -p 1 ./cmd/newsgraph/
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// store opens the test server directly (not through the CLI) to wipe and count.
func store(t *testing.T) *neo4j.Store {
	t.Helper()
	if os.Getenv("NEWSGRAPH_NEO4J_URI") == "" {
		t.Skip("integration tests wipe the database they use: run them with `make test` (a separate test server), or set NEWSGRAPH_NEO4J_URI to a scratch server")
	}
	c, err := config.Load(config.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pw, _, err := c.Neo4j.Password()
	if err != nil {
		t.Fatalf("integration tests need a server: %v", err)
	}
	s, err := neo4j.Open(context.Background(), neo4j.Config{URI: c.Neo4j.URI, User: c.Neo4j.User, Password: pw, Database: c.Neo4j.Database})
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	return s
}

// wipe deletes every node and relationship of the test database.
func wipe(t *testing.T) *neo4j.Store {
	t.Helper()
	s := store(t)
	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	return s
}

func totals(t *testing.T, s *neo4j.Store) neo4j.Counts {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, out, stderr := runCLI(t, "", args...)
	if code != 0 {
		t.Fatalf("%v: exit %d\nstdout: %s\nstderr: %s", args, code, out, stderr)
	}
	return out
}

func TestCLISchemaApplyTwice(t *testing.T) {
	wipe(t)
	mustRun(t, "schema", "apply")
	out := mustRun(t, "schema", "apply")
	if want := fmt.Sprintf("schema: 0 created, %d already present", len(neo4j.Schema())); !strings.Contains(out, want) {
		t.Errorf("second apply:\n%s", out)
	}
	if strings.Contains(out, "created  ") {
		t.Errorf("second apply created something:\n%s", out)
	}
	out = mustRun(t, "schema", "status")
	if strings.Contains(out, "MISSING") || !strings.Contains(out, "constraint :Person(id) unique") {
		t.Errorf("status:\n%s", out)
	}
}

func TestCLILoadTwice(t *testing.T) {
	s := wipe(t)
	out := mustRun(t, "load", fixture)
	if !strings.Contains(out, "loaded "+fixture+": 2 articles in 1 batch") ||
		!regexpMatch(`nodes +created 8 +updated 0 +unchanged 0`, out) ||
		!regexpMatch(`relationships +created 15 +updated 0 +unchanged 0 +removed 0`, out) {
		t.Errorf("first load:\n%s", out)
	}
	first := totals(t, s)
	out = mustRun(t, "load", "--batch-size", "1", fixture)
	if !regexpMatch(`nodes +created 0 +updated 0 +unchanged 8`, out) ||
		!regexpMatch(`relationships +created 0 +updated 0 +unchanged 15 +removed 0`, out) {
		t.Errorf("second load:\n%s", out)
	}
	second := totals(t, s)
	if first.TotalNodes != 8 || first.TotalRels != 15 || first.TotalNodes != second.TotalNodes || first.TotalRels != second.TotalRels {
		t.Errorf("counts: first %d/%d, second %d/%d", first.TotalNodes, first.TotalRels, second.TotalNodes, second.TotalRels)
	}
	for _, spec := range graph.Relations {
		if first.Rels[spec.Type] != second.Rels[spec.Type] {
			t.Errorf("%s: %d -> %d", spec.Type, first.Rels[spec.Type], second.Rels[spec.Type])
		}
	}
	// From stdin too, and the result is readable through query.
	code, _, stderr := runCLI(t, mustRead(t, fixture), "load", "-")
	if code != 0 {
		t.Fatalf("load -: %d %s", code, stderr)
	}
	out = mustRun(t, "query", "MATCH (a:Person)-[m:MET]->(b) RETURN a.name AS a, b.name AS b, m.sentence AS s", "-f", "json")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if len(rows) != 1 || rows[0]["a"] != "Mark Rutte" || rows[0]["b"] != "Donald Trump" || !strings.HasPrefix(rows[0]["s"].(string), "Rutte met Trump") {
		t.Errorf("rows = %v", rows)
	}
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestCLIReloadChangedArticle(t *testing.T) {
	s := wipe(t)
	mustRun(t, "load", fixture)
	// Article 002 re-extracted without its MET sentence.
	var kept []string
	for _, l := range strings.Split(mustRead(t, fixture), "\n") {
		if !strings.Contains(l, `"type":"MET"`) {
			kept = append(kept, l)
		}
	}
	changed := filepath.Join(t.TempDir(), "changed.jsonl")
	if err := os.WriteFile(changed, []byte(strings.Join(kept, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "load", changed)
	if !regexpMatch(`relationships +created 0 +updated 0 +unchanged 14 +removed 1`, out) {
		t.Errorf("reload:\n%s", out)
	}
	c := totals(t, s)
	if c.Rels[graph.RelMet] != 0 || c.TotalRels != 14 || c.TotalNodes != 8 {
		t.Errorf("after reload: MET %d, rels %d, nodes %d", c.Rels[graph.RelMet], c.TotalRels, c.TotalNodes)
	}
	out = mustRun(t, "query", "MATCH ()-[r:MET]->() RETURN count(r) AS met", "-f", "csv")
	if out != "met\n0\n" {
		t.Errorf("query: %q", out)
	}
}

func TestCLIQueryRefusesWrites(t *testing.T) {
	s := wipe(t)
	mustRun(t, "load", fixture)
	before := totals(t, s)
	code, out, stderr := runCLI(t, "", "query", "MATCH (p:Person) SET p.name = $n RETURN p", "--param", "n=oops")
	if code != exitError {
		t.Fatalf("exit %d, want 1; %s", code, stderr)
	}
	if !strings.Contains(stderr, "query writes to the graph (query type: rw)") || !strings.Contains(stderr, "use `newsgraph load`") {
		t.Errorf("stderr: %s", stderr)
	}
	if out != "" {
		t.Errorf("stdout: %q", out)
	}
	code, _, stderr = runCLI(t, "", "query", "MATCH (n) DETACH DELETE n")
	if code != exitError || !strings.Contains(stderr, "query type: w") {
		t.Errorf("delete: exit %d, %s", code, stderr)
	}
	after := totals(t, s)
	if before.TotalNodes != after.TotalNodes || before.TotalRels != after.TotalRels {
		t.Errorf("a refused query changed the graph: %+v -> %+v", before, after)
	}
	out = mustRun(t, "query", "MATCH (p:Person) WHERE p.name = $n RETURN p.name", "--param", "n=Mark Rutte")
	if !strings.Contains(out, "Mark Rutte") || !strings.Contains(out, "(1 row)") {
		t.Errorf("read query:\n%s", out)
	}
}

func TestCLIDoctor(t *testing.T) {
	wipe(t)
	mustRun(t, "schema", "apply")
	out := mustRun(t, "doctor")
	for _, want := range []string{"ok    connectivity", "ok    auth", "ok    server        Neo4j Kernel 5.", "ok    schema        6 id constraints", "ok    graph         empty"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, out)
		}
	}
}

func TestCLIDoctorWrongPassword(t *testing.T) {
	t.Setenv(config.PasswordEnv, "not-the-password")
	code, out, stderr := runCLI(t, "", "doctor")
	if code != exitDatabase {
		t.Fatalf("exit %d, want 4\n%s%s", code, out, stderr)
	}
	for _, want := range []string{"ok    password      from env NEWSGRAPH_NEO4J_PASSWORD", "ok    connectivity", "FAIL  auth          authentication as \"neo4j\" failed", "hint:"} {
		if !strings.Contains(out, want) {
			t.Errorf("doctor lacks %q:\n%s", want, out)
		}
	}
	if !strings.Contains(stderr, "doctor: 1 check failed: auth") {
		t.Errorf("stderr: %s", stderr)
	}
	if strings.Contains(out+stderr, "not-the-password") {
		t.Error("doctor printed the password")
	}
}

func TestCLILoadUnreachableWritesNothing(t *testing.T) {
	s := wipe(t)
	code, out, stderr := runCLI(t, "", "load", fixture, "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitDatabase || !strings.Contains(stderr, "cannot reach Neo4j at bolt://127.0.0.1:1") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if out != "" {
		t.Errorf("stdout: %q", out)
	}
	if c := totals(t, s); c.TotalNodes != 0 || c.TotalRels != 0 {
		t.Errorf("something was written: %d nodes, %d rels", c.TotalNodes, c.TotalRels)
	}
}

func TestCLILoadInvalidWritesNothing(t *testing.T) {
	s := wipe(t)
	lines := strings.Split(mustRead(t, fixture), "\n")
	lines[12] = `{"kind":"edge","type":"MET","from":"person:mark-rutte","to":"place:nowhere","article":"001_nato_summit"}`
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCLI(t, "", "load", bad)
	if code != exitError || !strings.Contains(stderr, bad+":13:") || !strings.Contains(stderr, "place:nowhere") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
	if c := totals(t, s); c.TotalNodes != 0 || c.TotalRels != 0 {
		t.Errorf("something was written: %d nodes, %d rels", c.TotalNodes, c.TotalRels)
	}
}
