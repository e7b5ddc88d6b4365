package model

import "slices"

// perceptron is an averaged multi-class perceptron under training. Each feature's row keeps
// only the classes it was ever updated for. Averaging: w_avg = w - u/t, where u sums each
// update times the instance count at which it happened.
type perceptron struct {
	nclass int
	index  map[uint64]int32
	rows   [][]entry
	t      float64
}

type entry struct {
	cls int32
	w   float32
	u   float64
}

func newPerceptron(nclass int) *perceptron {
	return &perceptron{nclass: nclass, index: map[uint64]int32{}}
}

func (p *perceptron) score(keys []uint64, scores []float32) {
	clear(scores)
	for _, k := range keys {
		r, ok := p.index[fixKey(k)]
		if !ok {
			continue
		}
		for _, e := range p.rows[r] {
			scores[e.cls] += e.w
		}
	}
}

// row returns the row of key k, adding an empty one for a new key.
func (p *perceptron) row(k uint64) int32 {
	k = fixKey(k)
	r, ok := p.index[k]
	if !ok {
		r = int32(len(p.rows))
		p.index[k] = r
		p.rows = append(p.rows, nil)
	}
	return r
}

// tick counts one training instance (for averaging).
func (p *perceptron) tick() { p.t++ }

// update moves the weights of keys towards class good and away from class bad.
func (p *perceptron) update(keys []uint64, good, bad int) {
	for _, k := range keys {
		r := p.row(k)
		p.bump(r, good, 1)
		p.bump(r, bad, -1)
	}
}

// warm returns a perceptron starting from l's weights (they count as if held from the
// start, so averaging keeps them).
func warm(l *linear) *perceptron {
	p := newPerceptron(l.nclass)
	keys, rows := l.sortedRows()
	for i, k := range keys {
		p.index[k] = int32(i)
		row := make([]entry, 0, l.off[rows[i]+1]-l.off[rows[i]])
		for j := l.off[rows[i]]; j < l.off[rows[i]+1]; j++ {
			row = append(row, entry{cls: int32(l.cls[j]), w: l.w[j]})
		}
		p.rows = append(p.rows, row)
	}
	return p
}

// adjust moves the weights of keys for class c by d.
func (p *perceptron) adjust(keys []uint64, c int, d float32) {
	for _, k := range keys {
		r := p.row(k)
		p.bump(r, c, d)
	}
}

func (p *perceptron) bump(r int32, c int, d float32) {
	row := p.rows[r]
	for i := range row {
		if row[i].cls == int32(c) {
			row[i].w += d
			row[i].u += p.t * float64(d)
			return
		}
	}
	p.rows[r] = append(row, entry{cls: int32(c), w: d, u: p.t * float64(d)})
}

// average returns the averaged weights as a trained model, dropping weights whose
// magnitude is below minAbs.
func (p *perceptron) average(minAbs float32) *linear {
	keys := make([]uint64, 0, len(p.index))
	for k := range p.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b builder
	var cls []uint8
	var ws []float32
	t := max(p.t, 1)
	for _, k := range keys {
		row := slices.Clone(p.rows[p.index[k]])
		slices.SortFunc(row, func(a, b entry) int { return int(a.cls - b.cls) })
		cls, ws = cls[:0], ws[:0]
		for _, e := range row {
			w := float32(float64(e.w) - e.u/t)
			if w > minAbs || w < -minAbs {
				cls, ws = append(cls, uint8(e.cls)), append(ws, w)
			}
		}
		if len(cls) > 0 {
			b.add(k, cls, ws)
		}
	}
	return b.build(p.nclass)
}
