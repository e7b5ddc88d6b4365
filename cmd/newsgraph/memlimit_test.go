package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// Extraction runs under the soft memory limit unless GOMEMLIMIT sets one, and the limit
// before it is put back afterwards (build loads after extracting).
func TestExtractMemoryLimit(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	if v, set := os.LookupEnv("GOMEMLIMIT"); set {
		t.Setenv("GOMEMLIMIT", v)
		os.Unsetenv("GOMEMLIMIT")
	}
	restore := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != extractMemoryLimit {
		t.Errorf("limit while extracting %d, want %d", got, extractMemoryLimit)
	}
	restore()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("limit after extracting %d, want the one before, %d", got, before)
	}
	t.Setenv("GOMEMLIMIT", "1GiB")
	restore = limitMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set the limit became %d, want it left at %d", got, before)
	}
	restore()
}
