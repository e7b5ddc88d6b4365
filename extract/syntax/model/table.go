package model

import (
	"cmp"
	"math"
	"slices"
)

// A classifier read from a model file is put straight into the lookup tables that score
// uses (slots3, or slots and ents), without the flat rows (keys, off, cls, w) that the
// trainer builds: they cost memory and load time, and only writing, pruning and warm starts
// read them, so sortedRows rebuilds them from the tables on first use.
//
// The weights are the decoder's float32(float64(q)*scale), as before, so that scores are
// bit for bit those of the rows.

// newLoaded returns an empty classifier for nrows rows, sized as newLinear sizes it.
func newLoaded(nclass, nrows int) *linear {
	size := 16
	for size < nrows*4/3+1 {
		size *= 2
	}
	l := &linear{nclass: nclass, loaded: true}
	l.setSize(size)
	if nclass == 3 {
		l.slots3, l.present = tableSlots3(l, size), make([]uint8, size)
	} else {
		l.slots, l.ents = tableSlots(l, size), make([]ent, 0, nrows*3)
	}
	return l
}

// addRow stores the row of the fixed key k (classes ascending, weights w).
func (l *linear) addRow(k uint64, cls []uint8, w []float32) {
	if k <= l.last {
		l.lim = math.MaxUint64 // not in increasing order: probe to an empty slot
	}
	l.last = k
	i := l.home(k)
	for l.slotKey(i) != 0 && l.slotKey(i) != k {
		i = (i + 1) & l.mask
	}
	if l.slots3 != nil {
		s, p := slot3{key: k}, uint8(0)
		for j, c := range cls {
			s.w[c], p = w[j], p|1<<c
		}
		l.slots3[i], l.present[i] = s, p
	} else if len(cls) >= max(l.nclass/4, 4) && !slices.Contains(w, 0) {
		// A long row is stored dense (zeros where the file has no weight), and added
		// with vector instructions (addFloats).
		off := uint32(len(l.dense))
		l.dense = append(l.dense, make([]float32, l.nclass)...)
		for j, c := range cls {
			l.dense[int(off)+int(c)] = w[j]
		}
		l.slots[i] = slot{key: k, off: off, n: denseRow | uint32(len(cls))}
	} else {
		off := uint32(len(l.ents))
		for j, c := range cls {
			l.ents = append(l.ents, ent{w: w[j], c: uint32(c)})
		}
		l.slots[i] = slot{key: k, off: off, n: uint32(len(cls))}
	}
	l.nrows++
	l.nweights += len(cls)
}

// fillRows sets keys, off, cls and w from the tables, in increasing key order.
func (l *linear) fillRows() {
	if l.pk != nil {
		l.pk.fillRows(l)
		return
	}
	var rows []uint64 // slot indexes of the rows, by key
	for i := range uint64(l.mask + 1) {
		if l.slotKey(i) != 0 {
			rows = append(rows, i)
		}
	}
	slices.SortFunc(rows, func(a, b uint64) int { return cmp.Compare(l.slotKey(a), l.slotKey(b)) })
	l.keys, l.off = make([]uint64, 0, len(rows)), make([]uint32, 0, len(rows)+1)
	l.cls, l.w = make([]uint8, 0, l.nweights), make([]float32, 0, l.nweights)
	for _, i := range rows {
		l.keys, l.off = append(l.keys, l.slotKey(i)), append(l.off, uint32(len(l.w)))
		if l.slots3 != nil {
			for c := range uint8(3) {
				if l.present[i]>>c&1 != 0 {
					l.cls, l.w = append(l.cls, c), append(l.w, l.slots3[i].w[c])
				}
			}
			continue
		}
		s := l.slots[i]
		if s.n&denseRow != 0 {
			for c, x := range l.dense[s.off : int(s.off)+l.nclass] {
				if x != 0 {
					l.cls, l.w = append(l.cls, uint8(c)), append(l.w, x)
				}
			}
			continue
		}
		for _, e := range l.ents[s.off : s.off+s.n] {
			l.cls, l.w = append(l.cls, uint8(e.c)), append(l.w, e.w)
		}
	}
	l.off = append(l.off, uint32(len(l.w)))
}
