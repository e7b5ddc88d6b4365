package main

import (
	"os"
	"runtime/debug"
)

// extractMemoryLimit is the Go runtime's soft memory limit while articles are extracted, and
// what starts a collection: the collector's percent is off (GOGC=off) while the limit is set.
// The parser's tables (about 110 MB) and the program's own pages are outside the Go heap;
// the heap holds about 60 MB live while articles are parsed, and the cross-article stages
// a little more, growing with the entities and a few bytes per article (docs/performance.md).
// With the default percent (GOGC 100) the collector ran each time the heap doubled what is
// live, about every 60 MB of allocation; on the spare core of a one-worker run that is
// nearly free, but two workers keep both cores busy and paid for it in wall time. Off, the
// heap grows to the limit before a collection: 1k and 10k articles peak at 224 MB instead of
// 150-210 MB, the default parser at 349 MB instead of 309, and two workers run 6-11 % faster
// (docs/performance.md, *The collector at the memory limit*). Whatever the corpus size the
// process stays under about 400 MB: the limit bounds the Go runtime's memory, the rest does
// not grow.
const extractMemoryLimit = 200 << 20

// limitMemory sets extractMemoryLimit and turns the collector's percent off, unless
// GOMEMLIMIT says otherwise (then neither: without our limit the percent must stay on); GOGC
// set keeps its own percent under the limit. It returns what puts the previous settings back.
func limitMemory() (restore func()) {
	if _, set := os.LookupEnv("GOMEMLIMIT"); set {
		return func() {}
	}
	old := debug.SetMemoryLimit(extractMemoryLimit)
	percent, setPercent := 0, false
	if _, set := os.LookupEnv("GOGC"); !set {
		percent, setPercent = debug.SetGCPercent(-1), true
	}
	return func() {
		if setPercent {
			debug.SetGCPercent(percent)
		}
		debug.SetMemoryLimit(old)
	}
}

// The collector's settings while a file is loaded. A load allocates much and keeps little
// (the plan's index, a batch or three of rows): by default (GOGC 100: the heap grows to twice
// what is live before a collection) the collector took about a fifth of the client's CPU in a
// load of 1,000 articles, CPU the Neo4j server on the same machine could use. At 400 the heap
// grows to five times what is live; the soft limit makes it collect sooner near 250 MiB, so
// that a load of any size stays under 300 MB. `newsgraph load` only: build's process still
// holds the extractor's tables (about 110 MB, outside the heap), and a heap of 250 MiB on
// top of them took a 1k build from 318 to 383 MB. Measured: docs/performance.md, *Load: index
// seeks by hint, the load's collector, and a catch-up at half the load*.
const (
	loadGCPercent   = 400
	loadMemoryLimit = 250 << 20
)

// loadMemory sets loadGCPercent and loadMemoryLimit, each unless GOGC or GOMEMLIMIT says
// otherwise, and returns what puts the previous settings back.
func loadMemory() (restore func()) {
	var undo []func()
	if _, set := os.LookupEnv("GOGC"); !set {
		old := debug.SetGCPercent(loadGCPercent)
		undo = append(undo, func() { debug.SetGCPercent(old) })
	}
	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		old := debug.SetMemoryLimit(loadMemoryLimit)
		undo = append(undo, func() { debug.SetMemoryLimit(old) })
	}
	return func() {
		for _, u := range undo {
			u()
		}
	}
}
