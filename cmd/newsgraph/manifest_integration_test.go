//go:build integration

// Load manifests through the CLI. Like the other CLI integration tests they WIPE THE
// DATABASE THEY ARE POINTED AT.
package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// scanCounter counts validation passes.
type scanCounter struct{ n atomic.Int32 }

func (s *scanCounter) count() int { return int(s.n.Load()) }

// countScans counts the validation passes (scanPlan) of the test.
func countScans(t *testing.T) *scanCounter {
	t.Helper()
	n := &scanCounter{}
	t.Cleanup(func() { scanPlan = neo4j.ScanPlan })
	scanPlan = func(src io.ReaderAt, size int64, name string, batchSize int) (*neo4j.Plan, error) {
		n.n.Add(1)
		return neo4j.ScanPlan(src, size, name, batchSize)
	}
	return n
}

func manifestCount(t *testing.T, s *neo4j.Store) int64 {
	t.Helper()
	rows, err := s.Query(context.Background(), "MATCH (m:LoadManifest) RETURN count(m) AS n", nil)
	if err != nil {
		t.Fatal(err)
	}
	return rows.Rows[0][0].(int64)
}

// TestCLIReloadUnchangedFileSkipsValidation: the second load of the same bytes (file or
// stdin) finds the file's manifest and does not validate the file; it reports every
// article skipped and every record unchanged, and the graph is as it was.
func TestCLIReloadUnchangedFileSkipsValidation(t *testing.T) {
	s := wipe(t)
	scans := countScans(t)
	mustRun(t, "load", fixture)
	if scans.count() != 1 || manifestCount(t, s) != 1 {
		t.Fatalf("first load: %d validations, %d manifests; want 1 and 1", scans.count(), manifestCount(t, s))
	}
	first := totals(t, s)
	out := mustRun(t, "load", fixture)
	if scans.count() != 1 {
		t.Errorf("the reload of an unchanged file validated it (%d validations in all)", scans.count())
	}
	for _, want := range []string{"loaded " + fixture + ": 2 articles, unchanged since this file was last loaded",
		"skipped 2 unchanged articles"} {
		if !strings.Contains(out, want) {
			t.Errorf("reload lacks %q:\n%s", want, out)
		}
	}
	if !regexpMatch(`nodes +created 0 +updated 0 +unchanged 8 +removed 0`, out) ||
		!regexpMatch(`relationships +created 0 +updated 0 +unchanged 15 +removed 0`, out) {
		t.Errorf("reload counts:\n%s", out)
	}
	if code, _, stderr := runCLI(t, mustRead(t, fixture), "load", "-"); code != 0 || scans.count() != 1 {
		t.Errorf("stdin reload: exit %d, %d validations in all\n%s", code, scans.count(), stderr)
	}
	if after := totals(t, s); after.TotalNodes != first.TotalNodes || after.TotalRels != first.TotalRels || manifestCount(t, s) != 1 {
		t.Errorf("reloads changed the graph: %+v -> %+v, %d manifests", first, after, manifestCount(t, s))
	}
	if out := mustRun(t, "report", "run", "summary"); strings.Contains(out, "LoadManifest") {
		t.Errorf("summary shows the manifest:\n%s", out)
	}
}

// TestCLIReloadAfterGraphChangedFallsBack: after another file replaced one article of a
// loaded file (article 002 without its MET fact), loading the first file again validates
// it and restores that article.
func TestCLIReloadAfterGraphChangedFallsBack(t *testing.T) {
	s := wipe(t)
	mustRun(t, "load", fixture)
	want := totals(t, s)
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
	mustRun(t, "load", changed)
	if c := totals(t, s); c.Rels[graph.RelMet] != 0 {
		t.Fatalf("the changed file left %d MET", c.Rels[graph.RelMet])
	}
	scans := countScans(t)
	out := mustRun(t, "load", fixture)
	if scans.count() != 1 {
		t.Errorf("%d validations of a file whose article was replaced since, want 1", scans.count())
	}
	if !regexpMatch(`relationships +created 1 +updated 0 +unchanged 14 +removed 0`, out) || !strings.Contains(out, "skipped 1 unchanged article ") {
		t.Errorf("reload:\n%s", out)
	}
	got := totals(t, s)
	if got.Rels[graph.RelMet] != 1 || got.TotalNodes != want.TotalNodes || got.TotalRels != want.TotalRels {
		t.Errorf("after the reload: %+v, want %+v", got, want)
	}
}

// TestCLINoManifestWithoutFullLoad: an invalid file (loaded twice) and a dry run leave no
// manifest, so each load validates; an interrupted load leaves none either
// (TestCLIInterruptLoad).
func TestCLINoManifestWithoutFullLoad(t *testing.T) {
	s := wipe(t)
	lines := strings.Split(mustRead(t, fixture), "\n")
	lines[12] = `{"kind":"edge","type":"MET","from":"person:mark-rutte","to":"place:nowhere","article":"001_nato_summit"}`
	bad := filepath.Join(t.TempDir(), "bad.jsonl")
	if err := os.WriteFile(bad, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	scans := countScans(t)
	for i := 0; i < 2; i++ {
		if code, _, stderr := runCLI(t, "", "load", bad); code != exitError || !strings.Contains(stderr, bad+":13:") {
			t.Errorf("load of an invalid file, try %d: exit %d, stderr %s", i+1, code, stderr)
		}
	}
	mustRun(t, "load", "--dry-run", fixture)
	if n := manifestCount(t, s); n != 0 {
		t.Errorf("%d manifests after an invalid file and a dry run", n)
	}
	if scans.count() != 3 {
		t.Errorf("%d validations, want 3 (the invalid file twice, the dry run)", scans.count())
	}
	mustRun(t, "load", fixture)
	if scans.count() != 4 || manifestCount(t, s) != 1 {
		t.Errorf("load after the dry run: %d validations in all (want 4), %d manifests", scans.count(), manifestCount(t, s))
	}
}

// TestCLIFileLoadedTwiceAtOnce: two loads of one file at the same time both succeed (each
// that validates saves a manifest: they are equal), and the next load of the file is done
// by a manifest without validating.
func TestCLIFileLoadedTwiceAtOnce(t *testing.T) {
	s := wipe(t)
	scans := countScans(t)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errb strings.Builder
			codes[i] = run([]string{"newsgraph", "load", fixture}, strings.NewReader(""), &out, &errb)
		}()
	}
	wg.Wait()
	// One validates; the other validates too, or finds the first one's manifest.
	validated := scans.count()
	if codes[0] != 0 || codes[1] != 0 || validated < 1 || validated > 2 {
		t.Fatalf("two loads at once: exit %v, %d validations", codes, validated)
	}
	if n := manifestCount(t, s); n < 1 || n > 2 {
		t.Errorf("%d manifests after two loads of one file", n)
	}
	out := mustRun(t, "load", fixture)
	if scans.count() != validated || !strings.Contains(out, "skipped 2 unchanged articles") {
		t.Errorf("the next load validated (%d validations in all) or did not skip:\n%s", scans.count(), out)
	}
	if c := totals(t, s); c.TotalNodes != 8 || c.TotalRels != 15 {
		t.Errorf("%d nodes, %d relationships; one load writes 8 and 15", c.TotalNodes, c.TotalRels)
	}
}
