package model

import (
	"cmp"
	"math"
	"slices"
)

// packed is a loaded classifier's lookup table in eight-byte slots, about a third of the
// memory of the slots of linear (24 bytes for a three-class row, 16 plus 8 per weight for
// the others), so that more of the table stays in the processor's caches. The fast model's
// classifiers are packed when loaded (Load); the sums are bit for bit those of the tables
// they are packed from (the same float32 weights added in the same order).
//
// Every weight of a file of version 2 is one of 255 values (quant.go), so a slot holds the
// weights' one-byte codes, read through the classifier's table of the 256 values. A slot
// is
//
//	bits  0..31  the key's low `shift` bits (its remainder; the top bits are its home)
//	bits 32..39  maxDisp minus the slot's distance from the key's home (empty: 255)
//	bits 40..63  three classes: the three weights' codes (0 for no weight);
//	             more classes: the row's place in rows, or (denseFlag) in dense.
//
// Keys are put in increasing order and a key never goes before its home or wraps around
// (the table has maxDisp spare slots at its end), so the keys of the occupied slots
// increase with the slot: a lookup stops at an empty slot or at a larger key. Both are
// one comparison of the slot's low 40 bits (see find).
type packed struct {
	nclass int
	shift  uint     // home(k) = k >> shift, and the remainder is k's low shift bits (≤ 32)
	rem    uint64   // 1<<shift - 1
	slots  []uint64 // size + maxDisp + 1 slots
	tab    [256]float32
	rows   []uint8   // sparse rows: the count of weights, then (class, code) for each
	dense  []float32 // long rows, nclass weights each
}

const (
	maxDisp   = 254     // a key at most this far from its home (else the table doubles)
	denseFlag = 1 << 23 // in a multi-class slot's payload: the row is dense
	minPacked = 1 << 16 // slots at least (the remainder must fit in 32 bits)
	emptySlot = 0xFF << 32
	low40     = 1<<40 - 1
)

// pack replaces l's tables by a packed table when l was read from a file of version 2
// (its weights have codes), freeing the old ones; otherwise l is left as it was.
func (l *linear) pack() {
	if l == nil || !l.loaded || l.quant.lo == 0 || l.pk != nil {
		return
	}
	old := len(l.maps)
	if p := newPacked(l); p != nil {
		l.pk = p
		l.slots3, l.present, l.slots, l.ents, l.dense = nil, nil, nil, nil, nil
		l.freeTables(old)
	}
}

// newPacked packs l's rows, or returns nil when a weight has no code.
func newPacked(l *linear) *packed {
	var order []uint64 // slot indexes of the rows, in key order
	for i := range uint64(l.mask + 1) {
		if l.slotKey(i) != 0 {
			order = append(order, i)
		}
	}
	if !slices.IsSortedFunc(order, func(a, b uint64) int { return cmp.Compare(l.slotKey(a), l.slotKey(b)) }) {
		slices.SortFunc(order, func(a, b uint64) int { return cmp.Compare(l.slotKey(a), l.slotKey(b)) })
	}
	p := &packed{nclass: l.nclass, tab: l.quant.table()}
	size := minPacked
	for size < len(order)*5/4+1 { // at most 80 % full
		size *= 2
	}
	for tries := 0; tries < 3; tries, size = tries+1, size*2 { // keys too crowded: keep l's tables
		p.shift = uint(48 - bitsLen(size-1))
		p.rem = 1<<p.shift - 1
		p.slots = hugeSlice[uint64](l, size+maxDisp+1)
		for i := range p.slots {
			p.slots[i] = emptySlot
		}
		p.rows, p.dense = p.rows[:0], p.dense[:0]
		ok, coded := p.fill(l, order)
		if !coded {
			return nil
		}
		if ok {
			return p
		}
	}
	return nil
}

func bitsLen(x int) int {
	n := 0
	for ; x > 0; x >>= 1 {
		n++
	}
	return n
}

// fill puts l's rows (slot indexes in key order) into p.slots; ok is false when a key
// would be too far from its home, coded false when a weight has no code.
func (p *packed) fill(l *linear, order []uint64) (ok, coded bool) {
	codes := p.codes()
	next := uint64(0) // the first free slot
	for _, i := range order {
		k := l.slotKey(i)
		home := k >> p.shift
		at := max(home, next)
		if at-home > maxDisp {
			return false, true
		}
		payload, coded := p.payload(l, i, codes)
		if !coded {
			return false, false
		}
		p.slots[at] = k&(1<<p.shift-1) | (maxDisp-(at-home))<<32 | payload<<40
		next = at + 1
	}
	return true, true
}

// payload returns the slot bits 40..63 of the row in l's slot i; codes is p.codes().
func (p *packed) payload(l *linear, i uint64, codes map[uint32]uint8) (uint64, bool) {
	code := func(w float32) (uint64, bool) {
		c, ok := codes[math.Float32bits(w)]
		return uint64(c), ok
	}
	if l.slots3 != nil {
		var payload uint64
		for c := range 3 {
			if l.present[i]>>c&1 == 0 {
				continue
			}
			x, ok := code(l.slots3[i].w[c])
			if !ok {
				return 0, false
			}
			payload |= x << (8 * c)
		}
		return payload, true
	}
	s := l.slots[i]
	if s.n&denseRow != 0 {
		idx := len(p.dense) / p.nclass
		p.dense = append(p.dense, l.dense[s.off:int(s.off)+l.nclass]...)
		return uint64(idx) | denseFlag, idx < denseFlag
	}
	off := len(p.rows)
	p.rows = append(p.rows, uint8(s.n))
	for _, e := range l.ents[s.off : s.off+s.n] {
		x, ok := code(e.w)
		if !ok {
			return 0, false
		}
		p.rows = append(p.rows, uint8(e.c), uint8(x))
	}
	return uint64(off), off < denseFlag
}

// codes returns the code of each weight of the table, by its bits (what quantScale.code
// gives, without its logarithm).
func (p *packed) codes() map[uint32]uint8 {
	m := make(map[uint32]uint8, 256)
	for c := 255; c > 0; c-- { // the lowest code of a value wins (codes 1..127, then 129..255)
		if c != 0x80 {
			m[math.Float32bits(p.tab[c])] = uint8(c)
		}
	}
	return m
}

// find returns the slot of the fixed key k, or 0. At slot h+j (h: k's home), a slot that
// held k would read t = (maxDisp-j)<<32 | k's remainder in its low 40 bits; a smaller
// value is a smaller key (its home is before h, or it is h and its remainder smaller), a
// larger one a larger key or an empty slot (255 is above every distance). t goes below
// zero past maxDisp, where every slot's key is larger.
func (p *packed) find(k uint64) uint64 {
	t := int64(maxDisp<<32 | k&p.rem)
	for i := k >> p.shift; ; i++ {
		s := p.slots[i]
		if e := int64(s & low40); e >= t {
			if e == t {
				return s
			}
			return 0
		}
		t -= 1 << 32
	}
}

// score3 is linear.score3 on the packed table: the same sums.
func (p *packed) score3(keys []uint64, scores []float32) {
	var fixed [48]uint64
	var sink uint64
	var a, b, c float32
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), len(fixed))]
		keys = keys[len(chunk):]
		for j, k := range chunk {
			fixed[j] = fixKey(k)
			sink += p.slots[fixed[j]>>p.shift]
		}
		for _, k := range fixed[:len(chunk)] {
			if s := p.find(k); s != 0 {
				a, b, c = a+p.tab[s>>40&0xFF], b+p.tab[s>>48&0xFF], c+p.tab[s>>56]
			}
		}
	}
	scores[0], scores[1], scores[2] = a, b, c
	keep(sink, scores)
}

// add is linear.add on the packed table: the same sums, in the same order.
func (p *packed) add(keys []uint64, scores []float32) {
	var fixed [48]uint64
	var found [48]uint64
	var sink uint64
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), len(fixed))]
		keys = keys[len(chunk):]
		for j, k := range chunk {
			fixed[j] = fixKey(k)
			sink += p.slots[fixed[j]>>p.shift]
		}
		n := 0
		for _, k := range fixed[:len(chunk)] {
			if s := p.find(k); s != 0 {
				found[n] = s >> 40
				if found[n]&denseFlag != 0 {
					sink += uint64(math.Float32bits(p.dense[int(found[n]&^denseFlag)*p.nclass]))
				} else {
					sink += uint64(p.rows[found[n]])
				}
				n++
			}
		}
		for _, x := range found[:n] {
			if x&denseFlag != 0 {
				i := int(x&^denseFlag) * p.nclass
				addFloats(scores, p.dense[i:i+p.nclass])
				continue
			}
			row := p.rows[x+1 : x+1+2*uint64(p.rows[x])]
			for j := 0; j+1 < len(row); j += 2 {
				scores[row[j]] += p.tab[row[j+1]]
			}
		}
	}
	keep(sink, scores)
}

// touch loads the home slot of each key (see linear.touch).
func (p *packed) touch(keys []uint64) {
	var sink uint64
	for _, k := range keys {
		sink += p.slots[fixKey(k)>>p.shift]
	}
	keep(sink, nil)
}

// fillRows sets l's keys, off, cls and w from the packed table, in increasing key order.
func (p *packed) fillRows(l *linear) {
	l.keys, l.off = make([]uint64, 0, l.nrows), make([]uint32, 0, l.nrows+1)
	l.cls, l.w = make([]uint8, 0, l.nweights), make([]float32, 0, l.nweights)
	rem := uint64(1)<<p.shift - 1
	for i, s := range p.slots {
		if s&low40>>32 == 0xFF {
			continue
		}
		k := (uint64(i)-(maxDisp-s>>32&0xFF))<<p.shift | s&rem
		l.keys, l.off = append(l.keys, k), append(l.off, uint32(len(l.w)))
		x := s >> 40
		switch {
		case p.nclass == 3:
			for c := range 3 {
				if code := x >> (8 * c) & 0xFF; code != 0 {
					l.cls, l.w = append(l.cls, uint8(c)), append(l.w, p.tab[code])
				}
			}
		case x&denseFlag != 0:
			j := int(x&^denseFlag) * p.nclass
			for c, w := range p.dense[j : j+p.nclass] {
				if w != 0 {
					l.cls, l.w = append(l.cls, uint8(c)), append(l.w, w)
				}
			}
		default:
			row := p.rows[x+1 : x+1+2*uint64(p.rows[x])]
			for j := 0; j+1 < len(row); j += 2 {
				l.cls, l.w = append(l.cls, row[j]), append(l.w, p.tab[row[j+1]])
			}
		}
	}
	l.off = append(l.off, uint32(len(l.w)))
}

// bytes returns the memory of the packed table.
func (p *packed) bytes() int { return 8*len(p.slots) + len(p.rows) + 4*len(p.dense) }
