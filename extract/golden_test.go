package extract

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/shared"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden.jsonl from the current extraction")

// seedsDir is the seed corpus beside the repository (../shared/corpus/seeds).
func seedsDir(t testing.TB) string {
	dir := shared.Seeds()
	if dir == "" {
		t.Skip("seed corpus ../shared/corpus/seeds not found")
	}
	return dir
}

// TestSeedsGolden pins the whole extraction of the seed articles: every node and edge.
// Review every diff of testdata/seeds.golden.jsonl as you would review code.
func TestSeedsGolden(t *testing.T) {
	dir := seedsDir(t)
	got := extractTo(t, 2, dir)
	golden := filepath.Join("testdata", "seeds.golden.jsonl")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./extract -run SeedsGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("extraction of the seeds differs from %s; review with -update and git diff", golden)
	}
}

// TestDeterministic: the same input gives byte-identical output whatever the workers.
func TestDeterministic(t *testing.T) {
	dir := seedsDir(t)
	a, b := extractTo(t, 1, dir), extractTo(t, 4, dir)
	if !bytes.Equal(a, b) {
		t.Fatal("output with 1 worker differs from output with 4 workers")
	}
	if _, err := graph.Read(bytes.NewReader(a), "seeds"); err != nil {
		t.Fatalf("the extraction does not pass the contract's validation: %v", err)
	}
}

func extractTo(t testing.TB, workers int, paths ...string) []byte {
	p, err := New(Options{Workers: workers, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), paths...)
	if err != nil {
		t.Fatal(err)
	}
	// Sources and doc keys are absolute paths here; keep the golden file machine-independent.
	for i := range res.Document.Articles {
		res.Document.Articles[i].Source = filepath.Base(res.Document.Articles[i].Source)
		res.Document.Articles[i].DocKey = filepath.Base(res.Document.Articles[i].DocKey)
	}
	var buf bytes.Buffer
	w := graph.NewWriter(&buf)
	if err := w.WriteDocument(&res.Document); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// benchCorpus writes copies of the seed articles (each under its own id) into a temporary
// folder until it holds about size bytes.
func benchCorpus(b *testing.B, size int) string {
	seeds := seedsDir(b)
	ents, err := os.ReadDir(seeds)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	total := 0
	for copyN := 0; total < size; copyN++ {
		for _, e := range ents {
			data, err := os.ReadFile(filepath.Join(seeds, e.Name()))
			if err != nil {
				b.Fatal(err)
			}
			name := fmt.Sprintf("c%03d_%s", copyN, e.Name())
			// Blank lines at the end make each copy another text (ids hash the text).
			data = append(data, bytes.Repeat([]byte("\n"), copyN)...)
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				b.Fatal(err)
			}
			total += len(data)
		}
	}
	return dir
}

// BenchmarkExtract measures the whole pipeline (read to assembled document) on about 1 MB
// built from the seed corpus, in words/s and MB/s, on one worker and on two.
func BenchmarkExtract(b *testing.B) {
	dir := benchCorpus(b, 1<<20)
	for _, workers := range []int{1, 2} {
		b.Run(map[int]string{1: "1worker", 2: "2workers"}[workers], func(b *testing.B) {
			p, err := New(Options{Workers: workers, Parse: true})
			if err != nil {
				b.Fatal(err)
			}
			words, bytes := 0, 0
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := p.Run(context.Background(), dir)
				if err != nil {
					b.Fatal(err)
				}
				words += res.Words
				bytes += res.Bytes
			}
			b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
			b.ReportMetric(float64(bytes)/1e6/b.Elapsed().Seconds(), "MB/s")
		})
	}
}
