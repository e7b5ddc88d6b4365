package extract

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// longArticle writes one article of n generated sentences (gen_test.go), in paragraphs of
// four, to a file and returns its path.
func longArticle(tb testing.TB, n int) string {
	tb.Helper()
	g := newArticleGen(tb, 3)
	var b strings.Builder
	for i := 0; i < n; i++ {
		s := strings.TrimSpace(g.sentence())
		if !strings.HasSuffix(s, ".") {
			s += "."
		}
		b.WriteString(s)
		if i%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	path := filepath.Join(tb.TempDir(), "long.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return path
}

// BenchmarkLongArticle extracts one article of 1k to 50k sentences: the time per sentence
// (ns/sentence) stays flat when every stage is linear in the article's length.
//
//	go test ./extract -run '^$' -bench LongArticle -benchtime 1x
func BenchmarkLongArticle(b *testing.B) {
	for _, n := range []int{1000, 5000, 10000, 20000, 50000} {
		b.Run("sentences="+strconv.Itoa(n), func(b *testing.B) {
			path := longArticle(b, n)
			p, err := New(Options{Workers: 1, MaxBytes: -1})
			if err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				res, err := p.Run(context.Background(), path)
				if err != nil || len(res.Document.Articles) != 1 || len(res.Failed) > 0 {
					b.Fatalf("err %v, failed %v", err, res.Failed)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/sentence")
		})
	}
}
