package model

import (
	"bytes"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// BenchmarkParse tags and parses EWT dev (or the golden sentences when ../shared is
// absent) on one goroutine and reports words per second and allocations per word, with the
// model's own beam (as written in the model file) and greedily.
func BenchmarkParse(b *testing.B) {
	for _, greedy := range []bool{false, true} {
		m, err := Load(bytes.NewReader(embedded))
		if err != nil {
			b.Fatal(err)
		}
		if greedy {
			m.SetBeam(1)
		}
		b.Run(fmt.Sprintf("beam=%d", m.beam), func(b *testing.B) { benchParse(b, m) })
	}
}

func benchParse(b *testing.B, m *Model) {
	var sents [][]string
	dev, _ := readEWT("en_ewt-ud-dev.conllu", 1<<30)
	for _, s := range dev {
		sents = append(sents, s.Forms())
	}
	if len(sents) == 0 {
		for _, s := range goldenSentences {
			sents = append(sents, strings.Fields(s))
		}
	}
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	var tr Tree
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			m.ParseInto(s, &tr)
		}
	}
	b.StopTimer()
	runtime.ReadMemStats(&after)
	total := float64(words) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/word")
}
