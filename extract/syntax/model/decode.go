package model

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// decoder reads what encoder wrote; the first error sticks and later reads return zeros.
type decoder struct {
	r   *bufio.Reader
	err error
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = err
	}
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

func (d *decoder) strings() []string {
	n := d.count(1 << 10)
	ss := make([]string, n)
	for i := range ss {
		b := make([]byte, d.count(1<<10))
		if d.err == nil {
			_, d.err = io.ReadFull(d.r, b)
		}
		ss[i] = string(b)
	}
	return ss
}

func (d *decoder) linear() *linear {
	nclass := d.count(256)
	if nclass == 0 || d.err != nil {
		return nil
	}
	scale := math.Float64frombits(d.uvarint())
	nkeys := d.count(1 << 26)
	var bl builder
	var key uint64
	var b [3]byte
	var cls []uint8
	var ws []float32
	for range nkeys {
		key += d.uvarint()
		cls, ws = cls[:0], ws[:0]
		for range d.count(uint64(nclass)) {
			if d.err == nil {
				_, d.err = io.ReadFull(d.r, b[:])
			}
			if int(b[0]) >= nclass {
				d.fail("class out of range")
			}
			q := int16(uint16(b[1]) | uint16(b[2])<<8)
			cls, ws = append(cls, b[0]), append(ws, float32(float64(q)*scale))
		}
		bl.add(fixKey(key), cls, ws)
	}
	if d.err != nil {
		return nil
	}
	return bl.build(nclass)
}

// optionalCount reads a count that older files lack (def at the end of the stream).
func (d *decoder) optionalCount(limit uint64, def int) int {
	if d.err != nil {
		return def
	}
	v, err := binary.ReadUvarint(d.r)
	switch {
	case err == io.EOF:
		return def
	case err != nil || v > limit:
		d.fail("bad count")
		return def
	}
	return max(int(v), 1)
}
