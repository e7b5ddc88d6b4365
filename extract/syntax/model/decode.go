package model

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// decoder reads what encoder wrote, from the whole decompressed stream held in memory; the
// first error sticks and later reads return zeros.
type decoder struct {
	buf     []byte
	pos     int
	err     error
	version int // the model file's format (1: int16 weights, 2: one-byte weights)
}

// classifier reads a classifier in the file's format.
func (d *decoder) classifier() *linear {
	if d.version >= 2 {
		return d.linear8()
	}
	return d.linear()
}

// newDecoder reads r to its end; size is the expected length (0 when unknown).
func newDecoder(r io.Reader, size int) *decoder {
	var b bytes.Buffer
	b.Grow(min(size, 256<<20) + bytes.MinRead)
	_, err := b.ReadFrom(r)
	return &decoder{buf: b.Bytes(), err: err}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.buf[d.pos:])
	if n <= 0 {
		d.fail("truncated or bad number")
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) count(limit uint64) int {
	n := d.uvarint()
	if n > limit {
		d.fail("count out of range")
		return 0
	}
	return int(n)
}

func (d *decoder) fail(msg string) {
	if d.err == nil {
		d.err = errors.New(msg)
	}
}

// bytes returns the next n bytes (nil after an error).
func (d *decoder) bytes(n int) []byte {
	if d.err == nil && len(d.buf)-d.pos < n {
		d.err = io.ErrUnexpectedEOF
	}
	if d.err != nil {
		return nil
	}
	d.pos += n
	return d.buf[d.pos-n : d.pos]
}

func (d *decoder) strings() []string {
	n := d.count(1 << 10)
	ss := make([]string, n)
	for i := range ss {
		ss[i] = string(d.bytes(d.count(1 << 10)))
	}
	return ss
}

// linear reads a classifier straight into its lookup tables (see table.go).
func (d *decoder) linear() *linear {
	nclass := d.count(256)
	if nclass == 0 || d.err != nil {
		return nil
	}
	scale := math.Float64frombits(d.uvarint())
	nkeys := d.count(1 << 26)
	if d.err != nil {
		return nil
	}
	l := newLoaded(nclass, nkeys)
	var key uint64
	cls := make([]uint8, 0, nclass)
	ws := make([]float32, 0, nclass)
	for range nkeys {
		key += d.uvarint()
		cls, ws = cls[:0], ws[:0]
		row := d.bytes(3 * d.count(uint64(nclass)))
		for j := 0; j < len(row); j += 3 {
			c := row[j]
			if int(c) >= nclass || (len(cls) > 0 && c <= cls[len(cls)-1]) {
				d.fail("class out of range or out of order")
				return nil
			}
			q := int16(uint16(row[j+1]) | uint16(row[j+2])<<8)
			cls, ws = append(cls, c), append(ws, float32(float64(q)*scale))
		}
		if d.err != nil {
			return nil
		}
		l.addRow(fixKey(key), cls, ws)
	}
	return l
}

// optionalCount reads a count that older files lack (def at the end of the stream).
func (d *decoder) optionalCount(limit uint64, def int) int {
	if d.err != nil || d.pos == len(d.buf) {
		return def
	}
	v := d.uvarint()
	switch {
	case d.err != nil || v > limit:
		d.fail("bad count")
		return def
	}
	return max(int(v), 1)
}

// ensemble reads the first parser's weight and the further parsers (absent from files
// written before ensembles: weight 1, none).
func (d *decoder) ensemble() (float32, []part) {
	if d.err != nil || d.pos == len(d.buf) {
		return 1, nil
	}
	w := d.weight()
	parts := make([]part, d.count(8))
	for i := range parts {
		p := &parts[i]
		p.parser, p.labeller = d.classifier(), d.classifier()
		p.reverse = d.count(2) == 2
		p.weight = d.weight()
	}
	return w, parts
}

func (d *decoder) weight() float32 {
	w := math.Float32frombits(uint32(d.count(math.MaxUint32)))
	if !(w > 0 && w < 1e6) {
		d.fail("bad parser weight")
	}
	return w
}
