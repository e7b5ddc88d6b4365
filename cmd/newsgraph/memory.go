package main

import (
	"os"
	"runtime/debug"
)

// The Go runtime's soft memory limit while articles are extracted is what starts a
// collection: the collector's percent is off (GOGC=off) while the limit is set. With the
// default percent (GOGC 100) the collector ran each time the heap doubled what is live (about
// 60 MB while articles are parsed, a little more in the cross-article stages, growing with the
// entities and a few bytes per article); on the spare core of a one-worker run that is nearly
// free, but two workers keep both cores busy and paid for it in wall time. The parser's tables
// are outside the Go heap (model.OffHeap: 112 MiB for the default model, 8 MiB for the fast
// one), so the limit is what extractMemoryBudget leaves after them, at least
// extractHeapFloor: 200 MiB with the default parser, which peaks at about 350 MB, and 304 MiB
// with --parser fast, which peaks at about 330 MB. At 200 MiB the fast parser's two workers
// collected 67 times on 10k articles instead of 37, about 2-3 % more CPU (docs/performance.md,
// *Fewer collections*). Whatever the corpus size the process stays under about 400 MB: the
// limit bounds the Go runtime's memory, the rest does not grow.
const (
	extractMemoryBudget = 312 << 20 // the heap and the parser's tables together
	extractHeapFloor    = 150 << 20 // below this the collector would run all the time
)

// extractMemoryLimit is the soft memory limit while extracting, given the bytes of the
// parser's tables held outside the heap.
func extractMemoryLimit(offHeap int64) int64 {
	return max(extractMemoryBudget-offHeap, extractHeapFloor)
}

// limitMemory sets extractMemoryLimit(offHeap) and turns the collector's percent off, unless
// GOMEMLIMIT says otherwise (then neither: without our limit the percent must stay on); GOGC
// set keeps its own percent under the limit. It returns what puts the previous settings back.
func limitMemory(offHeap int64) (restore func()) {
	if envSet("GOMEMLIMIT") {
		return func() {}
	}
	undoLimit := softLimit(extractMemoryLimit(offHeap))
	if envSet("GOGC") {
		return undoLimit
	}
	undoPercent := gcPercent(-1)
	return func() { undoPercent(); undoLimit() }
}

// softLimit sets the runtime's soft memory limit and returns what puts the previous one back.
func softLimit(limit int64) (restore func()) {
	old := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(old) }
}

// gcPercent sets the collector's percent (-1: off) and returns what puts the previous one back.
func gcPercent(percent int) (restore func()) {
	old := debug.SetGCPercent(percent)
	return func() { debug.SetGCPercent(old) }
}

// envSet says whether the environment sets name (the user's GOGC or GOMEMLIMIT wins).
func envSet(name string) bool {
	_, set := os.LookupEnv(name)
	return set
}

// ownLimit is softLimit unless GOMEMLIMIT is set (then nothing changes).
func ownLimit(limit int64) (restore func()) {
	if envSet("GOMEMLIMIT") {
		return func() {}
	}
	return softLimit(limit)
}

// buildLoadMemoryLimit is the soft memory limit of build's load, the collector's percent left
// as it is (GOGC 100). The extractor's model and lexicons stay live in the process (about 100 MB
// of heap), and without a limit the heap grew to twice what is live: build of 100k articles
// peaked at 402-404 MB, its load phase rising as the load went on (live heap up to 193 MB).
// With 300 MiB it peaked at 330 MB for about 5 % more client CPU; 200 MiB gave 251 MB but 12 %
// more, the collector running every few dozen MB. Measured: docs/performance.md, *The
// collector at the memory limit*.
const buildLoadMemoryLimit = 300 << 20

// limitBuildLoad sets buildLoadMemoryLimit unless GOMEMLIMIT says otherwise, and returns what
// puts the previous limit back.
func limitBuildLoad() (restore func()) { return ownLimit(buildLoadMemoryLimit) }

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
	undoPercent := func() {}
	if !envSet("GOGC") {
		undoPercent = gcPercent(loadGCPercent)
	}
	undoLimit := ownLimit(loadMemoryLimit)
	return func() { undoPercent(); undoLimit() }
}
