package model

import "testing"

// OffHeap counts a table mapped outside the heap, in whole 2 MiB pages, until it is unmapped.
func TestOffHeapCountsTables(t *testing.T) {
	before := OffHeap()
	l := &linear{}
	s := hugeSlice[slot](l, 1000)
	if len(s) != 1000 || len(l.maps) != 1 {
		t.Fatalf("a table of 1000 slots: length %d, %d maps", len(s), len(l.maps))
	}
	if got := OffHeap() - before; got != 2<<20 {
		t.Errorf("mapping a table of 1000 slots: OffHeap grew by %d bytes, want %d", got, 2<<20)
	}
	l.freeTables(1)
	if got := OffHeap(); got != before {
		t.Errorf("after unmapping it: OffHeap %d, want %d", got, before)
	}
	l.freeTables(0)
	if got := OffHeap(); got != before {
		t.Errorf("unmapping nothing more: OffHeap %d, want %d", got, before)
	}
}
