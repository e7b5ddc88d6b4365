package syntax

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

// seedDocs returns the segmented seed articles (../shared/corpus/seeds).
func seedDocs(b *testing.B) []*article.Doc {
	dir := filepath.Join("..", "..", "..", "shared", "corpus", "seeds")
	ents, err := os.ReadDir(dir)
	if err != nil {
		b.Skipf("seed corpus not available: %v", err)
	}
	var docs []*article.Doc
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			b.Fatal(err)
		}
		d := &article.Doc{Text: string(data)}
		segment.Segment(d)
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkParseStage measures the parse stage alone (word split, tagger and parser, the
// tree stored on the Doc) on one core: words/s and allocations per word.
func BenchmarkParseStage(b *testing.B) {
	docs := seedDocs(b)
	m, err := model.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := New(m)
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			p.Parse(d)
			for _, s := range d.Sentences {
				words += len(s.Words)
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(testing.AllocsPerRun(1, func() {
		for _, d := range docs {
			p.Parse(d)
		}
	}))/float64(words/b.N), "allocs/word")
}

// BenchmarkWords measures the word split alone.
func BenchmarkWords(b *testing.B) {
	docs := seedDocs(b)
	var buf []article.Word
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			for _, s := range d.Sentences {
				buf = Words(d.Text, s.Tokens, buf[:0])
				words += len(buf)
			}
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
