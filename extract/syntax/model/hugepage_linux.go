package model

import (
	"runtime"
	"sync/atomic"
	"syscall"
	"unsafe"
)

// offHeap counts the bytes of the tables mapped outside the heap and not yet unmapped.
var offHeap atomic.Int64

// OffHeap returns the bytes of the loaded models' tables held outside the Go heap (the
// runtime's memory limit does not count them).
func OffHeap() int64 { return offHeap.Load() }

// tableSlots3 and tableSlots allocate a loaded classifier's slot table outside the Go heap,
// in memory that the kernel is asked to back with 2 MiB pages (madvise MADV_HUGEPAGE):
// lookups spread over tens of megabytes would otherwise miss the TLB almost every time.
// The memory is unmapped when owner becomes unreachable; the heap is the fallback.
func tableSlots3(owner *linear, n int) []slot3 { return hugeSlice[slot3](owner, n) }

func tableSlots(owner *linear, n int) []slot { return hugeSlice[slot](owner, n) }

func hugeSlice[T any](owner *linear, n int) []T {
	const page = 2 << 20
	var zero T
	size := (n*int(unsafe.Sizeof(zero)) + page - 1) / page * page
	if n == 0 {
		return nil
	}
	mem, err := syscall.Mmap(-1, 0, size, syscall.PROT_READ|syscall.PROT_WRITE, syscall.MAP_ANON|syscall.MAP_PRIVATE)
	if err != nil {
		return make([]T, n)
	}
	_ = syscall.Madvise(mem, 14) // MADV_HUGEPAGE; without it the table still works
	offHeap.Add(int64(size))
	hm := &hugeMap{mem: mem}
	owner.maps = append(owner.maps, hm)
	runtime.AddCleanup(owner, func(hm *hugeMap) { hm.free() }, hm)
	return unsafe.Slice((*T)(unsafe.Pointer(&mem[0])), n)
}

// hugeMap is one table's memory outside the heap.
type hugeMap struct {
	mem   []byte
	freed bool
}

func (hm *hugeMap) free() {
	if !hm.freed {
		hm.freed = true
		_ = syscall.Munmap(hm.mem)
		offHeap.Add(-int64(len(hm.mem)))
	}
}

// freeTables unmaps the first n tables allocated for l (those its packed table replaces);
// nothing may read them after.
func (l *linear) freeTables(n int) {
	for _, hm := range l.maps[:n] {
		hm.free()
	}
	l.maps = l.maps[n:]
}
