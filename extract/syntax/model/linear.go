package model

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// scorer adds the weights of the features in keys to scores (one score per class).
// The trained model (linear) and the model being trained (perceptron) both score.
type scorer interface {
	score(keys []uint64, scores []float32)
}

// linear is a trained multi-class linear model: for each feature hash, a sparse row of
// (class, weight) pairs. Rows are kept in key-insertion order (keys, off, cls, w: for
// writing and pruning) and, for lookups, in an open-addressing table whose slots hold the
// row inline (three-class models) or its place in a packed array, so that a lookup costs
// one or two cache misses.
type linear struct {
	nclass int
	keys   []uint64  // key of row r
	off    []uint32  // row r is cls[off[r]:off[r+1]] and w[off[r]:off[r+1]]
	cls    []uint8   // class of each weight
	w      []float32 // the weights
	mask   uint64
	shift  uint    // home(k) = k >> shift
	slots  []slot  // key 0 = empty slot (nclass != 3)
	ents   []ent   // rows packed for slots
	slots3 []slot3 // key 0 = empty slot (nclass == 3)

	// A classifier read from a model file (loaded) has only the tables until sortedRows
	// fills the rows above from them (see table.go).
	loaded          bool
	present         []uint8   // classes each slot of slots3 has (bit c for class c)
	dense           []float32 // long rows, nclass weights each (slot.n has denseRow)
	nrows, nweights int
	lim             uint64 // 0 when the slots are ordered (see lookup), else MaxUint64
	last            uint64 // the last key added
	rowsOnce        sync.Once
	quant           quantScale // the one-byte weights' scale it was read with (version 2)
	pk              *packed    // when set, the only lookup table (packed.go)
	maps            []*hugeMap // tables outside the heap (hugepage_linux.go)
}

type slot struct {
	key uint64
	off uint32
	n   uint32 // with denseRow: the row is dense[off:off+nclass]
}

const denseRow = 1 << 31

type ent struct {
	w float32
	c uint32
}

type slot3 struct {
	key uint64
	w   [3]float32
}

// Feature keys keep their low 48 bits (smaller model files; among two million features
// a false match has odds of about 1 in 10^8 per lookup); 0 is the empty-slot marker.
const keyMask = 1<<48 - 1

func fixKey(k uint64) uint64 {
	if k &= keyMask; k == 0 {
		return 1
	}
	return k
}

// newLinear builds a model from flat rows: row r (for keys[r]) is cls and w in
// [off[r], off[r+1]); keys are distinct.
func newLinear(nclass int, keys []uint64, off []uint32, cls []uint8, w []float32) *linear {
	size := 16
	for size < len(keys)*4/3+1 {
		size *= 2
	}
	l := &linear{nclass: nclass, keys: keys, off: off, cls: cls, w: w, lim: math.MaxUint64}
	l.setSize(size)
	if nclass == 3 {
		l.slots3 = make([]slot3, size)
	} else {
		l.slots, l.ents = make([]slot, size), make([]ent, len(w))
		for j := range w {
			l.ents[j] = ent{w: w[j], c: uint32(cls[j])}
		}
	}
	for r, k := range keys {
		i := l.home(k)
		for l.slotKey(i) != 0 && l.slotKey(i) != k {
			i = (i + 1) & l.mask
		}
		if nclass == 3 {
			s := slot3{key: k}
			for j := off[r]; j < off[r+1]; j++ {
				s.w[cls[j]] = w[j]
			}
			l.slots3[i] = s
		} else {
			l.slots[i] = slot{key: k, off: off[r], n: off[r+1] - off[r]}
		}
	}
	return l
}

// setSize sets the number of slots (a power of two).
func (l *linear) setSize(size int) {
	l.mask, l.shift = uint64(size-1), uint(48-bits.Len(uint(size-1)))
}

// home returns the first slot to probe for the fixed key k: its top bits, so that keys in
// increasing order (a model file's order) fill the table from front to back, which makes
// loading it cheap (one pass, no cache miss per key).
func (l *linear) home(k uint64) uint64 { return k >> l.shift }

func (l *linear) slotKey(i uint64) uint64 {
	if l.slots3 != nil {
		return l.slots3[i].key
	}
	return l.slots[i].key
}

// builder collects the rows of a linear model in key order.
type builder struct {
	keys []uint64
	off  []uint32
	cls  []uint8
	w    []float32
}

func (b *builder) add(key uint64, cls []uint8, w []float32) {
	b.keys = append(b.keys, key)
	b.off = append(b.off, uint32(len(b.w)))
	b.cls = append(b.cls, cls...)
	b.w = append(b.w, w...)
}

func (b *builder) build(nclass int) *linear {
	return newLinear(nclass, b.keys, append(b.off, uint32(len(b.w))), b.cls, b.w)
}

// score adds the rows of keys to scores. Lookups are memory-bound, so each chunk of keys
// is first touched in a loop whose loads do not depend on each other (the processor
// overlaps their cache misses), then probed, then its rows are touched and added.
func (l *linear) score(keys []uint64, scores []float32) {
	clear(scores)
	if l.pk != nil {
		if l.nclass == 3 {
			l.pk.score3(keys, scores[:3])
		} else {
			l.pk.add(keys, scores)
		}
		return
	}
	if l.slots3 != nil {
		l.score3(keys, scores[:3])
		return
	}
	l.add(keys, scores)
}

// add adds the rows of keys to scores, in the order of keys (classifiers of more than three
// classes): scoring some keys and then adding the others gives the sums score gives.
func (l *linear) add(keys []uint64, scores []float32) {
	if l.pk != nil {
		l.pk.add(keys, scores)
		return
	}
	var fixed [48]uint64
	var found [48]slot
	var sink uint64
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), len(fixed))]
		keys = keys[len(chunk):]
		for j, k := range chunk {
			fixed[j] = fixKey(k)
			sink += l.slots[l.home(fixed[j])].key
		}
		n := 0
		for _, k := range fixed[:len(chunk)] {
			if s, ok := l.lookup(k); ok {
				found[n] = s
				if s.n&denseRow != 0 {
					sink += uint64(math.Float32bits(l.dense[s.off]))
				} else {
					sink += uint64(l.ents[s.off].c)
				}
				n++
			}
		}
		for _, s := range found[:n] {
			if s.n&denseRow != 0 {
				addFloats(scores, l.dense[s.off:int(s.off)+l.nclass])
				continue
			}
			for _, e := range l.ents[s.off : s.off+s.n] {
				scores[e.c] += e.w
			}
		}
	}
	keep(sink, scores)
}

// touch loads the slot where the lookup of each key starts, so that the cache misses of
// many keys (all the items of a beam step) overlap before they are scored.
func (l *linear) touch(keys []uint64) {
	var sink uint64
	if l.pk != nil {
		l.pk.touch(keys)
		return
	}
	if l.slots3 != nil {
		for _, k := range keys {
			sink += l.slots3[l.home(fixKey(k))].key
		}
	} else {
		for _, k := range keys {
			sink += l.slots[l.home(fixKey(k))].key
		}
	}
	keep(sink, nil)
}

// keep uses sink so that the touching loads are not optimised away.
func keep(sink uint64, scores []float32) {
	if sink == 0x5EED5EED5EED5EED && len(scores) > 0 {
		scores[0] += 0
	}
}

// lookup returns the slot of the fixed key k.
//
// A lookup stops at an empty slot, or (ordered tables) at a key above k. A table filled
// in increasing key order (a model file's order: Load) is ordered: the home slot grows
// with the key, so the slots from k's home to k were all taken by smaller keys when k was
// put, and a larger key met first means that k is absent. That stops most lookups of
// absent keys after a probe or two instead of at the end of the cluster. With
// bound = max(k, lim), the test s.key-1 >= bound is true for an empty slot (0-1 wraps)
// and, when lim is 0, for a key above k.
func (l *linear) lookup(k uint64) (slot, bool) {
	bound := max(k, l.lim)
	for i := l.home(k); ; i = (i + 1) & l.mask {
		s := &l.slots[i]
		if s.key == k {
			return *s, s.n > 0
		}
		if s.key-1 >= bound {
			return slot{}, false
		}
	}
}

func (l *linear) score3(keys []uint64, scores []float32) {
	var fixed [48]uint64
	var sink uint64
	var a, b, c float32
	for len(keys) > 0 {
		chunk := keys[:min(len(keys), len(fixed))]
		keys = keys[len(chunk):]
		for j, k := range chunk {
			fixed[j] = fixKey(k)
			sink += l.slots3[l.home(fixed[j])].key
		}
		for _, k := range fixed[:len(chunk)] {
			bound := max(k, l.lim)
			for i := l.home(k); ; i = (i + 1) & l.mask {
				s := &l.slots3[i]
				if s.key == k {
					a, b, c = a+s.w[0], b+s.w[1], c+s.w[2]
					break
				}
				if s.key-1 >= bound {
					break
				}
			}
		}
	}
	scores[0], scores[1], scores[2] = a, b, c
	keep(sink, scores)
}

// sortedRows returns the keys in increasing order with the row of each.
func (l *linear) sortedRows() ([]uint64, []uint32) {
	if l.loaded {
		l.rowsOnce.Do(l.fillRows)
	}
	rows := make([]uint32, len(l.keys))
	for i := range rows {
		rows[i] = uint32(i)
	}
	slices.SortFunc(rows, func(a, b uint32) int { return cmp.Compare(l.keys[a], l.keys[b]) })
	keys := make([]uint64, len(rows))
	for i, r := range rows {
		keys[i] = l.keys[r]
	}
	return keys, rows
}

// argmax returns the best class among those allowed (all when allowed is nil).
func argmax(scores []float32, allowed func(int) bool) int {
	if allowed == nil {
		return argmaxAll(scores)
	}
	best, bestScore := -1, float32(math.Inf(-1))
	for c, s := range scores {
		if (allowed == nil || allowed(c)) && (best < 0 || s > bestScore) {
			best, bestScore = c, s
		}
	}
	return best
}

// prune returns a copy of l without the weights whose magnitude is below minAbs (and
// without the features left with no weight).
func (l *linear) prune(minAbs float32) *linear {
	if l == nil {
		return nil
	}
	keys, rows := l.sortedRows()
	var b builder
	var cls []uint8
	var ws []float32
	for i, k := range keys {
		cls, ws = cls[:0], ws[:0]
		for j := l.off[rows[i]]; j < l.off[rows[i]+1]; j++ {
			if w := l.w[j]; w >= minAbs || w <= -minAbs {
				cls, ws = append(cls, l.cls[j]), append(ws, w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build(l.nclass)
}

// size returns the number of features and of weights.
func (l *linear) size() (features, weights int) {
	if l == nil {
		return 0, 0
	}
	if l.loaded {
		return l.nrows, l.nweights
	}
	return len(l.off) - 1, len(l.w)
}

// argmaxAll returns the first class with the highest score (argmax with every class).
func argmaxAll(scores []float32) int {
	if len(scores) == 0 {
		return -1
	}
	best, bestScore := 0, scores[0]
	for c, s := range scores[1:] {
		if s > bestScore {
			best, bestScore = c+1, s
		}
	}
	return best
}
