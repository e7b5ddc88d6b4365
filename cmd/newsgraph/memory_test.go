package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// Extraction runs under the soft memory limit with the collector's percent off unless
// GOMEMLIMIT sets a limit (then both are left alone) or GOGC a percent (then it is kept), and
// the settings before it are put back afterwards (build loads after extracting).
func TestExtractMemoryLimit(t *testing.T) {
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, set := os.LookupEnv(name); set {
			t.Setenv(name, v)
			os.Unsetenv(name)
		}
	}
	percent, before := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer debug.SetGCPercent(percent)
	restore := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != extractMemoryLimit {
		t.Errorf("limit while extracting %d, want %d", got, extractMemoryLimit)
	}
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GC percent while extracting %d, want off (-1)", got)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after extracting %d, want the one before, %d", got, before)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after extracting %d, want the one before, 100", got)
	}
	t.Setenv("GOGC", "50")
	restore = limitMemory()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the GC percent became %d, want it left at 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != extractMemoryLimit {
		t.Errorf("with GOGC set the limit is %d, want %d", got, extractMemoryLimit)
	}
	restore()
	os.Unsetenv("GOGC")
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = limitMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the limit became %d, want it left at %d", got, before)
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOMEMLIMIT set the GC percent became %d, want it left at 100", got)
	}
	restore()
}

// A load runs with loadGCPercent and loadMemoryLimit unless GOGC or GOMEMLIMIT set their
// own, and the settings before it are put back afterwards.
func TestLoadMemory(t *testing.T) {
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		if v, set := os.LookupEnv(name); set {
			t.Setenv(name, v)
			os.Unsetenv(name)
		}
	}
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	defer debug.SetGCPercent(percent)
	restore := loadMemory()
	if got := debug.SetGCPercent(loadGCPercent); got != loadGCPercent {
		t.Errorf("GC percent while loading %d, want %d", got, loadGCPercent)
	}
	if got := debug.SetMemoryLimit(-1); got != loadMemoryLimit {
		t.Errorf("limit while loading %d, want %d", got, loadMemoryLimit)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC percent after loading %d, want the one before, 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("limit after loading %d, want the one before, %d", got, limit)
	}
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = loadMemory()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set the GC percent became %d, want it left at 100", got)
	}
	if got := debug.SetMemoryLimit(-1); got != limit {
		t.Errorf("with GOMEMLIMIT set the limit became %d, want it left at %d", got, limit)
	}
	restore()
}
