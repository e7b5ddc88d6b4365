package model

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestLoadedTablesMatchRows: a classifier put straight into its lookup tables, in increasing
// key order as Load does (ordered table: lookups of absent keys stop early) or in any order,
// scores every key list bit for bit as one built from the same rows by the trainer's
// builder, and gives the same rows back for writing.
func TestLoadedTablesMatchRows(t *testing.T) {
	for _, sorted := range []bool{true, false} {
		for _, nclass := range []int{3, 7, 102} {
			checkLoaded(t, nclass, sorted)
		}
	}
}

func checkLoaded(t *testing.T, nclass int, sorted bool) {
	rng := rand.New(rand.NewPCG(1, uint64(nclass)))
	const nrows = 3000
	var b builder
	keys := make([]uint64, 0, nrows)
	for range nrows {
		k := fixKey(rng.Uint64())
		cls, ws := randomRow(rng, nclass)
		b.add(k, cls, ws)
		keys = append(keys, k)
	}
	order := make([]int, nrows)
	for i := range order {
		order[i] = i
	}
	if sorted {
		slices.SortFunc(order, func(x, y int) int { return cmp.Compare(keys[x], keys[y]) })
	}
	loaded := newLoaded(nclass, nrows)
	for _, r := range order {
		loaded.addRow(keys[r], b.cls[b.off[r]:rowEnd(&b, r)], b.w[b.off[r]:rowEnd(&b, r)])
	}
	if ordered := loaded.lim == 0; ordered != sorted {
		t.Fatalf("%d classes, rows in key order %v: table ordered %v", nclass, sorted, ordered)
	}
	built := b.build(nclass)
	{
		got, want := make([]float32, nclass), make([]float32, nclass)
		for range 2000 {
			list := make([]uint64, 1+rng.IntN(150))
			for i := range list {
				if rng.IntN(5) == 0 {
					list[i] = rng.Uint64() // most likely absent
				} else {
					list[i] = keys[rng.IntN(len(keys))]
				}
			}
			loaded.score(list, got)
			built.score(list, want)
			for c := range want {
				if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
					t.Fatalf("%d classes: class %d scores %v, rows give %v", nclass, c, got[c], want[c])
				}
			}
		}
		k1, r1 := loaded.sortedRows()
		k2, r2 := built.sortedRows()
		c1, w1 := flatRows(loaded, r1)
		c2, w2 := flatRows(built, r2)
		if !slices.Equal(k1, k2) || !slices.Equal(c1, c2) || !slices.Equal(w1, w2) {
			t.Fatalf("%d classes: rows read back from the tables differ", nclass)
		}
		if f1, n1 := loaded.size(); f1 != nrows || n1 != len(w2) {
			t.Fatalf("%d classes: size %d %d, want %d %d", nclass, f1, n1, nrows, len(w2))
		}
	}
}

func rowEnd(b *builder, r int) uint32 {
	if r+1 < len(b.off) {
		return b.off[r+1]
	}
	return uint32(len(b.w))
}

// randomRow draws a row of ascending classes, from empty to every class.
func randomRow(rng *rand.Rand, nclass int) ([]uint8, []float32) {
	n := rng.IntN(nclass + 1)
	if rng.IntN(3) > 0 {
		n = rng.IntN(min(nclass, 5) + 1)
	}
	perm := rng.Perm(nclass)[:n]
	slices.Sort(perm)
	cls, ws := make([]uint8, n), make([]float32, n)
	for j, c := range perm {
		cls[j], ws[j] = uint8(c), float32(float64(rng.IntN(65535)-32767)*0.0123)
	}
	return cls, ws
}

func flatRows(l *linear, rows []uint32) ([]uint8, []float32) {
	var cls []uint8
	var ws []float32
	for _, r := range rows {
		cls, ws = append(cls, l.cls[l.off[r]:l.off[r+1]]...), append(ws, l.w[l.off[r]:l.off[r+1]]...)
	}
	return cls, ws
}
