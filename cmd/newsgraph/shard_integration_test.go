//go:build integration

// Scale-out against the real test Neo4j: shards written by `extract --shard` and loaded
// by several `load` runs at once end as the same graph as one load of them, one node per
// entity; and the neo4j:// routing scheme works against the single local server.
// WIPES THE DATABASE IT IS POINTED AT (see cli_integration_test.go).
package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// shardCorpus extracts corpus/sample (and the seeds when present) in n shards and
// returns the shard files.
func shardCorpus(t *testing.T, n int) []string {
	t.Helper()
	inputs := []string{}
	if dir, err := filepath.Abs(filepath.Join("..", "..", "corpus", "sample")); err == nil {
		inputs = append(inputs, dir)
	}
	if dir, _ := filepath.Abs(filepath.Join("..", "..", "..", "shared", "corpus", "seeds")); dirExists(dir) {
		inputs = append(inputs, dir)
	}
	out := t.TempDir()
	var files []string
	for i := 0; i < n; i++ {
		f := filepath.Join(out, fmt.Sprintf("part-%d.jsonl", i))
		mustRun(t, append([]string{"extract", "--shard", fmt.Sprintf("%d/%d", i, n), "-o", f}, inputs...)...)
		files = append(files, f)
	}
	return files
}

func dirExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func TestShardsLoadedConcurrentlyEqualOneLoad(t *testing.T) {
	s := wipe(t)
	mustRun(t, "schema", "apply")
	files := shardCorpus(t, 4)

	// One load after the other.
	for _, f := range files {
		mustRun(t, "load", f)
	}
	sequential := mustRun(t, "export", "--format", "jsonl")
	seqCounts := totals(t, s)

	// The same shards, four loads at once, twice over (the second round finds every
	// node present and MERGEs into it concurrently).
	wipe(t)
	for round := 0; round < 2; round++ {
		var wg sync.WaitGroup
		codes := make([]int, len(files))
		errs := make([]string, len(files))
		for i, f := range files {
			wg.Add(1)
			go func() {
				defer wg.Done()
				codes[i], _, errs[i] = runCLI(t, "", "load", "--batch-size", "50", f)
			}()
		}
		wg.Wait()
		for i := range files {
			if codes[i] != 0 {
				t.Fatalf("round %d: concurrent load of %s: exit %d\n%s", round, files[i], codes[i], errs[i])
			}
		}
	}
	concurrent := mustRun(t, "export", "--format", "jsonl")
	if c := totals(t, s); c.TotalNodes != seqCounts.TotalNodes || c.TotalRels != seqCounts.TotalRels {
		t.Errorf("concurrent loads: %d nodes, %d relationships; one load after the other: %d, %d",
			c.TotalNodes, c.TotalRels, seqCounts.TotalNodes, seqCounts.TotalRels)
	}
	if concurrent != sequential {
		a, b := strings.Split(sequential, "\n"), strings.Split(concurrent, "\n")
		for i := 0; i < len(a) && i < len(b); i++ {
			if a[i] != b[i] {
				t.Errorf("exports differ first at line %d:\nsequential: %s\nconcurrent: %s", i+1, a[i], b[i])
				break
			}
		}
		t.Fatalf("exports differ (%d and %d lines)", len(a), len(b))
	}
	// One node per entity id.
	out := mustRun(t, "query", "--format", "csv", "MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS duplicated")
	if !strings.Contains(out, "duplicated\n0") {
		t.Errorf("entities with more than one node:\n%s", out)
	}
}

func TestRoutingURIAgainstSingleServer(t *testing.T) {
	wipe(t)
	uri := os.Getenv("NEWSGRAPH_NEO4J_URI")
	if !strings.HasPrefix(uri, "bolt://") {
		t.Skipf("NEWSGRAPH_NEO4J_URI %q is not bolt://", uri)
	}
	t.Setenv("NEWSGRAPH_NEO4J_URI", "neo4j://"+strings.TrimPrefix(uri, "bolt://"))
	out := mustRun(t, "load", fixture) // writes: routed to the leader (the server itself)
	if !strings.Contains(out, "2 articles") {
		t.Errorf("load over neo4j://:\n%s", out)
	}
	out = mustRun(t, "query", "--format", "csv", "MATCH (a:Article) RETURN count(a) AS n") // a read transaction
	if !strings.Contains(out, "n\n2") {
		t.Errorf("query over neo4j://:\n%s", out)
	}
	out = mustRun(t, "report", "run", "summary", "--format", "csv")
	if out == "" {
		t.Errorf("report over neo4j:// printed nothing")
	}
	out = mustRun(t, "doctor")
	if !strings.Contains(out, "neo4j://") {
		t.Logf("doctor output does not name the routing URI:\n%s", out)
	}
}
