package model

import "math"

// Version 2 of the model file stores each weight in one byte: a sign bit and a 7-bit code
// on a logarithmic scale between the classifier's smallest and largest magnitude (so the
// relative error is the same for small and large weights, about ±2.5 %); rows of
// classifiers with at most 8 classes carry a bit mask of their classes instead of a count
// and a class byte per weight. Version 1 (int16 weights, counts and class bytes) is still
// read, and is what the tag cache uses.

// quantScale maps magnitudes to codes 1..127 and back.
type quantScale struct{ lo, ratio float64 }

func newQuantScale(w []float32) quantScale {
	lo, hi := math.Inf(1), 0.0
	for _, x := range w {
		if a := math.Abs(float64(x)); a > 0 {
			lo, hi = min(lo, a), max(hi, a)
		}
	}
	if hi == 0 {
		return quantScale{1, 1}
	}
	return quantScale{lo, math.Pow(max(hi/lo, 1+1e-9), 1.0/126)}
}

// code returns the byte of w (0 for 0).
func (q quantScale) code(w float32) byte {
	a := math.Abs(float64(w))
	if a == 0 {
		return 0
	}
	c := math.Round(math.Log(a/q.lo)/math.Log(q.ratio)) + 1
	c = min(max(c, 1), 127)
	if w < 0 {
		return byte(c) | 0x80
	}
	return byte(c)
}

// table returns the weight of every code.
func (q quantScale) table() [256]float32 {
	var t [256]float32
	for c := 1; c < 128; c++ {
		v := float32(q.lo * math.Pow(q.ratio, float64(c-1)))
		t[c], t[c|0x80] = v, -v
	}
	return t
}

// linear8 writes a classifier in version 2.
func (e *encoder) linear8(l *linear) {
	if l == nil {
		e.uvarint(0)
		return
	}
	keys, rows := l.sortedRows()
	q := l.quant // a classifier read from a version 2 file keeps its codes
	if q.lo == 0 {
		q = newQuantScale(l.w)
	}
	e.uvarint(uint64(l.nclass))
	e.uvarint(math.Float64bits(q.lo))
	e.uvarint(math.Float64bits(q.ratio))
	e.uvarint(uint64(len(keys)))
	var prev uint64
	for i, k := range keys {
		e.uvarint(k - prev)
		prev = k
		lo, hi := l.off[rows[i]], l.off[rows[i]+1]
		if l.nclass <= 8 {
			var mask byte
			for j := lo; j < hi; j++ {
				mask |= 1 << l.cls[j]
			}
			e.w.WriteByte(mask)
		} else {
			e.uvarint(uint64(hi - lo))
		}
		for j := lo; j < hi; j++ {
			if l.nclass > 8 {
				e.w.WriteByte(l.cls[j])
			}
			e.w.WriteByte(q.code(l.w[j]))
		}
	}
}

// linear8 reads a classifier written by encoder.linear8 straight into its lookup tables.
func (d *decoder) linear8() *linear {
	nclass := d.count(256)
	if nclass == 0 || d.err != nil {
		return nil
	}
	q := quantScale{math.Float64frombits(d.uvarint()), math.Float64frombits(d.uvarint())}
	if !(q.lo > 0 && q.ratio >= 1 && q.ratio < 2) {
		d.fail("bad weight scale")
	}
	nkeys := d.count(1 << 26)
	if d.err != nil {
		return nil
	}
	tab := q.table()
	l := newLoaded(nclass, nkeys)
	l.quant = q
	var key uint64
	cls := make([]uint8, 0, nclass)
	ws := make([]float32, 0, nclass)
	for range nkeys {
		key += d.uvarint()
		cls, ws = d.row8(nclass, cls[:0], ws[:0], &tab)
		if d.err != nil {
			return nil
		}
		l.addRow(fixKey(key), cls, ws)
	}
	return l
}

// row8 reads one row's classes and weights.
func (d *decoder) row8(nclass int, cls []uint8, ws []float32, tab *[256]float32) ([]uint8, []float32) {
	if nclass <= 8 {
		mask := d.bytes(1)
		if mask == nil || mask[0] == 0 || int(mask[0])>>nclass != 0 {
			d.fail("bad class mask")
			return cls, ws
		}
		for c := range nclass {
			if mask[0]&(1<<c) != 0 {
				cls = append(cls, uint8(c))
			}
		}
		for _, b := range d.bytes(len(cls)) {
			ws = append(ws, tab[b])
		}
		return cls, ws
	}
	row := d.bytes(2 * d.count(uint64(nclass)))
	for j := 0; j < len(row); j += 2 {
		c := row[j]
		if int(c) >= nclass || (len(cls) > 0 && c <= cls[len(cls)-1]) {
			d.fail("class out of range or out of order")
			return cls, ws
		}
		cls, ws = append(cls, c), append(ws, tab[row[j+1]])
	}
	return cls, ws
}
