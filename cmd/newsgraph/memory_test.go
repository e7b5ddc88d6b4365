package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// clearGCEnv unsets GOGC and GOMEMLIMIT for the test (put back after it) and sets the
// collector to GOGC 100 and no limit (put back too).
func clearGCEnv(t *testing.T) {
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, set := os.LookupEnv(name); set {
			t.Setenv(name, v)
			os.Unsetenv(name)
		}
	}
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(noLimit)
	t.Cleanup(func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) })
}

// noLimit is the runtime's "no soft memory limit" (math.MaxInt64).
const noLimit = 1<<63 - 1

// wantGC checks the collector's percent (-1: off) and soft memory limit, changing neither.
func wantGC(t *testing.T, when string, percent int, limit int64) {
	t.Helper()
	p := debug.SetGCPercent(-1)
	debug.SetGCPercent(p)
	if l := debug.SetMemoryLimit(-1); p != percent || l != limit {
		t.Errorf("%s: GC percent %d and memory limit %d, want %d and %d", when, p, l, percent, limit)
	}
}

// Extraction runs under the soft memory limit with the collector's percent off unless
// GOMEMLIMIT sets a limit (then both are left alone) or GOGC a percent (then it is kept), and
// the settings before it are put back afterwards (build loads after extracting).
func TestExtractMemoryLimit(t *testing.T) {
	clearGCEnv(t)
	const tables = 8 << 20
	restore := limitMemory(tables)
	wantGC(t, "while extracting", -1, extractMemoryBudget-tables)
	restore()
	wantGC(t, "after extracting", 100, noLimit)
	t.Setenv("GOGC", "50")
	restore = limitMemory(tables)
	wantGC(t, "with GOGC set", 100, extractMemoryBudget-tables)
	restore()
	os.Unsetenv("GOGC")
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = limitMemory(tables)
	wantGC(t, "with GOMEMLIMIT set", 100, noLimit)
	restore()
}

// The limit is what the budget leaves after the parser's tables, but never below the floor.
func TestExtractMemoryLimitTables(t *testing.T) {
	for _, c := range []struct{ tables, want int64 }{
		{0, extractMemoryBudget},
		{8 << 20, extractMemoryBudget - 8<<20},
		{112 << 20, extractMemoryBudget - 112<<20},
		{extractMemoryBudget - extractHeapFloor + 1, extractHeapFloor},
		{1 << 30, extractHeapFloor},
	} {
		if got := extractMemoryLimit(c.tables); got != c.want {
			t.Errorf("tables of %d bytes: limit %d, want %d", c.tables, got, c.want)
		}
	}
}

// A load runs with loadGCPercent and loadMemoryLimit unless GOGC or GOMEMLIMIT set their
// own, and the settings before it are put back afterwards.
func TestLoadMemory(t *testing.T) {
	clearGCEnv(t)
	restore := loadMemory()
	wantGC(t, "while loading", loadGCPercent, loadMemoryLimit)
	restore()
	wantGC(t, "after loading", 100, noLimit)
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = loadMemory()
	wantGC(t, "with GOGC and GOMEMLIMIT set", 100, noLimit)
	restore()
}

// build's load runs under buildLoadMemoryLimit, the percent untouched, unless GOMEMLIMIT sets
// a limit; the limit before it is put back afterwards.
func TestBuildLoadMemoryLimit(t *testing.T) {
	clearGCEnv(t)
	restore := limitBuildLoad()
	wantGC(t, "while build loads", 100, buildLoadMemoryLimit)
	restore()
	wantGC(t, "after build's load", 100, noLimit)
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = limitBuildLoad()
	wantGC(t, "with GOMEMLIMIT set", 100, noLimit)
	restore()
}
