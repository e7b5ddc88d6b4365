package model

import (
	"bytes"
	"fmt"
	"runtime"
	"syscall"
	"testing"
	"time"
)

// BenchmarkParse tags and parses EWT dev (or the golden sentences when ../shared is
// absent) on one goroutine and reports words per second and allocations per word: the
// ensemble and its first parser alone (extract.parser single), each with the model's own
// beam (as written in the model file) and greedily; and the fast model (extract.parser
// fast, greedy).
func BenchmarkParse(b *testing.B) {
	for _, parsers := range []string{"ensemble", "single"} {
		for _, greedy := range []bool{false, true} {
			beam := 4
			if greedy {
				beam = 1
			}
			// The model is loaded inside the sub-benchmark (once), so that -bench
			// Parse/fast profiles the fast model alone.
			var m *Model
			b.Run(fmt.Sprintf("%s/beam=%d", parsers, beam), func(b *testing.B) {
				if m == nil {
					m = benchModel(b, embedded)
					if parsers == "single" {
						m = m.FirstParser()
					}
					if greedy {
						m.SetBeam(1)
					}
				}
				benchParse(b, m)
			})
		}
	}
	var m *Model
	b.Run("fast/beam=1", func(b *testing.B) {
		if m == nil {
			m = benchModel(b, embeddedFast)
		}
		benchParse(b, m)
	})
}

func benchModel(b *testing.B, file []byte) *Model {
	m, err := Load(bytes.NewReader(file))
	if err != nil {
		b.Fatal(err)
	}
	return m
}

func benchParse(b *testing.B, m *Model) {
	sents := devOrGolden()
	words := 0
	for _, s := range sents {
		words += len(s)
	}
	var tr Tree
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu0 := cpuTime()
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			m.ParseInto(s, &tr)
		}
	}
	b.StopTimer()
	cpu := cpuTime() - cpu0
	runtime.ReadMemStats(&after)
	total := float64(words) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(total/cpu.Seconds(), "words/cpu-s")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/total, "allocs/word")
}

// BenchmarkLoad reads the embedded model: what the first model.Default call of every
// process costs.
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	cpu0 := cpuTime()
	for range b.N {
		if _, err := Load(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
}

// cpuTime is the CPU time (user and system) the process has used: on this shared machine
// the benchmarks' wall times vary with the other jobs, their CPU times much less.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
