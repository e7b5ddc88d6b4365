//go:build integration

// Round trips of `newsgraph export` against a real Neo4j. Like the other CLI
// integration tests they WIPE THE DATABASE THEY ARE POINTED AT.
package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// reportGraph is the hand-written graph of the report goldens.
var reportGraph, _ = filepath.Abs(filepath.Join("..", "..", "testdata", "reports", "graph.jsonl"))

// export --format jsonl, then load into an empty database: the same nodes and
// relationships per label and type, and exporting again gives the same bytes.
func TestCLIExportJSONLRoundTrip(t *testing.T) {
	s := wipe(t)
	mustRun(t, "load", reportGraph)
	before := totals(t, s)
	if before.TotalNodes == 0 || before.TotalRels == 0 {
		t.Fatalf("nothing loaded: %+v", before)
	}
	dir := t.TempDir()
	first := filepath.Join(dir, "first.jsonl")
	mustRun(t, "export", "--format", "jsonl", "-o", first)

	wipe(t)
	mustRun(t, "load", first)
	after := totals(t, s)
	if !reflect.DeepEqual(before, after) {
		t.Errorf("counts differ after the round trip:\nbefore %+v\nafter  %+v", before, after)
	}
	second := filepath.Join(dir, "second.jsonl")
	mustRun(t, "export", "-o", second)
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if !bytes.Equal(a, b) {
		t.Errorf("second export differs from the first")
	}

	// The other formats write something sensible from the same graph.
	csvDir := filepath.Join(dir, "csv")
	mustRun(t, "export", "--format", "csv", "-o", csvDir)
	nodes, _ := filepath.Glob(filepath.Join(csvDir, "nodes-*.csv"))
	rels, _ := filepath.Glob(filepath.Join(csvDir, "rels-*.csv"))
	if len(nodes) != 6 || len(rels) != 13 {
		t.Errorf("%d node files, %d relationship files", len(nodes), len(rels))
	}
	out := mustRun(t, "export", "--format", "graphml")
	if got := strings.Count(out, "<node id="); int64(got) != before.TotalNodes {
		t.Errorf("graphml has %d nodes, the database %d", got, before.TotalNodes)
	}
	if got := strings.Count(out, "<edge id="); int64(got) != before.TotalRels {
		t.Errorf("graphml has %d edges, the database %d", got, before.TotalRels)
	}
}

// The summary report runs end to end (what `make run` calls), in every text format.
func TestCLIReportRunSummary(t *testing.T) {
	wipe(t)
	mustRun(t, "load", reportGraph)
	out := mustRun(t, "report", "run", "summary")
	for _, want := range []string{"│ Person       │     7 │", "│ MET          │     8 │        5 │       1 │            1 │       1 │", "(19 rows)"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary table lacks %q:\n%s", want, out)
		}
	}
	if out := mustRun(t, "report", "run", "who_met_whom", "-p", "person=Rutte", "-p", "until=2024", "-f", "csv"); !strings.HasPrefix(out, "actor,met,date,place,status,topic,article,sentence\nMark Rutte,Donald Trump,2024-11-22,Palm Beach,reported,") {
		t.Errorf("who_met_whom csv:\n%s", out)
	}
	page := filepath.Join(t.TempDir(), "p.html")
	mustRun(t, "report", "run", "person_profile", "-p", "person=Zelensky", "--format", "html", "-o", page)
	b, _ := os.ReadFile(page)
	if !bytes.Contains(b, []byte("<svg")) || !bytes.Contains(b, []byte("Volodymyr Zelensky")) {
		t.Error("html page lacks the drawing or the person")
	}
	if code, _, errOut := runCLI(t, "", "report", "run", "summary", "-p", "x=1"); code != exitUsage || !strings.Contains(errOut, "no such parameter") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
