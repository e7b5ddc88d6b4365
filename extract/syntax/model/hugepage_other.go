//go:build !linux

package model

func tableSlots3(owner *linear, n int) []slot3 { return make([]slot3, n) }

func tableSlots(owner *linear, n int) []slot { return make([]slot, n) }

func hugeSlice[T any](owner *linear, n int) []T { return make([]T, n) }

type hugeMap struct{}

func (l *linear) freeTables(n int) {}

// OffHeap returns 0: without Linux the tables are on the Go heap.
func OffHeap() int64 { return 0 }
