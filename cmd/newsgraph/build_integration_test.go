//go:build integration

// End-to-end: the seed articles extracted and loaded with `newsgraph build`, as a user runs
// it, then queried. WIPES THE DATABASE IT IS POINTED AT (see cli_integration_test.go).
package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seeds(t *testing.T) string {
	t.Helper()
	dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "seeds"))
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("seed corpus not found at %s", dir)
	}
	return dir
}

func TestCLIBuildSeedsTwice(t *testing.T) {
	dir := seeds(t)
	s := wipe(t)
	mustRun(t, "build", dir)
	first := totals(t, s)
	if first.TotalNodes == 0 || first.TotalRels == 0 {
		t.Fatalf("build loaded nothing: %+v", first)
	}
	mustRun(t, "build", dir)
	if second := totals(t, s); second.TotalNodes != first.TotalNodes || second.TotalRels != first.TotalRels {
		t.Fatalf("building the same corpus twice changed the counts: %+v then %+v", first, second)
	}
	// Every actor relationship traces back to its article and sentence.
	out := mustRun(t, "query", "--format", "csv",
		`MATCH (a)-[r:MET|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|SPOKE_WITH]->(b)
		 WHERE r.article IS NULL OR r.sentence IS NULL OR r.start IS NULL OR NOT EXISTS { MATCH (:Article {id: r.article}) }
		 RETURN count(r) AS untraced`)
	if !strings.Contains(out, "untraced\n0") {
		t.Errorf("relationships without their article and sentence:\n%s", out)
	}
	// The meeting of Rutte and Trump in Palm Beach is in the graph, with its sentence.
	out = mustRun(t, "query", "--format", "csv",
		`MATCH (a:Person {id:'person:mark-rutte'})-[m:MET]-(b:Person {id:'person:donald-trump'})
		 RETURN count(m) > 0 AS met, collect(m.sentence)[0] AS sentence`)
	if !strings.Contains(out, "true") {
		t.Errorf("Rutte–Trump meeting missing:\n%s", out)
	}
}

func TestCLIExtractBadInputIsPartial(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("Joe Biden met Emmanuel Macron in Paris on Friday to discuss the war in Ukraine and the next NATO summit in Vilnius.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.txt"), []byte("\x00\x01\x02binary"), 0o644)
	code, out, stderr := runCLI(t, "", "extract", dir)
	if code != 3 {
		t.Fatalf("exit %d, want 3 (partial)\nstderr: %s", code, stderr)
	}
	if !strings.Contains(stderr, "bad.txt") {
		t.Errorf("stderr does not name the bad file:\n%s", stderr)
	}
	if !strings.Contains(out, `"id":"good-`) {
		t.Errorf("the good file was not extracted:\n%s", out)
	}
}
