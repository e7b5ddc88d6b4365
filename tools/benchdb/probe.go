package main

import (
	"fmt"
	"sort"
	"time"
)

// probe prints, in milliseconds, the median of five runs of a fixed single-threaded task
// (probeWork): how fast this machine is at the moment of the call. On a shared machine the
// same binary runs up to twice as fast at one time as a few minutes later
// (docs/performance.md), so make bench probes at its start, before the loads and at its end,
// and a slow figure can be told from a slow moment.
func probe() error {
	table := make([]uint64, probeTable)
	for i := range table {
		table[i] = uint64(i) * 0x9E3779B97F4A7C15
	}
	ms := make([]float64, 5)
	for i := range ms {
		start := time.Now()
		probeSink += probeWork(table, probeRounds)
		ms[i] = float64(time.Since(start).Microseconds()) / 1000
	}
	sort.Float64s(ms)
	fmt.Printf("%.1f\n", ms[len(ms)/2])
	return nil
}

// probeTable (32 MiB of words, eight times a core's cache) and probeRounds make one probeWork
// call about 60 ms on this machine at a quiet moment.
const (
	probeTable  = 4 << 20
	probeRounds = 8_000_000
)

// probeSink keeps probeWork's result, so that its work cannot be optimised away.
var probeSink uint64

// probeWork reads n words of table at places an xorshift generator picks, folded into a
// sum: arithmetic and cache misses, the two things extraction and loading spend time on.
func probeWork(table []uint64, n int) uint64 {
	x, sum := uint64(88172645463325252), uint64(0)
	for range n {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		sum += table[x%uint64(len(table))]
	}
	return sum
}
