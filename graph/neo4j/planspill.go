package neo4j

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"io"
	"os"
)

// spill keeps the articles' scan states (artScan) out of the heap while the file is
// validated: each is written when its article's visit ends, in article order, and read
// back in that order when the plan is made (a temporary file for ScanPlan, memory for
// NewPlan, whose document is in memory anyway).
type spill struct {
	f    *os.File // nil: in memory
	mem  bytes.Buffer
	w    *bufio.Writer
	last int32 // the last article written
	buf  []byte

	r      *bufio.Reader
	next   int32 // the article of the state read ahead; -1 at the end
	nextSt artScan
}

// newSpill returns a spill in a temporary file (or memory when file is false); close
// removes the file.
func newSpill(file bool) (*spill, error) {
	sp := &spill{last: -1}
	if file {
		f, err := os.CreateTemp("", "newsgraph-plan-*")
		if err != nil {
			return nil, err
		}
		sp.f = f
		sp.w = bufio.NewWriterSize(f, 64<<10)
	} else {
		sp.w = bufio.NewWriter(&sp.mem)
	}
	return sp, nil
}

func (sp *spill) close() {
	if sp.f != nil {
		sp.f.Close()
		os.Remove(sp.f.Name())
	}
}

// put writes article ai's state.
func (sp *spill) put(ai int32, st *artScan) error {
	b := binary.LittleEndian.AppendUint32(sp.buf[:0], uint32(ai))
	b = binary.LittleEndian.AppendUint32(b, uint32(st.n))
	b = append(b, st.sum[:]...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(st.ends)))
	for _, e := range st.ends {
		b = binary.LittleEndian.AppendUint32(b, e)
	}
	sp.buf = b
	sp.last = ai
	_, err := sp.w.Write(b)
	return err
}

// rewind ends the writing and starts reading from the first state.
func (sp *spill) rewind() error {
	if err := sp.w.Flush(); err != nil {
		return err
	}
	var r io.Reader = &sp.mem
	if sp.f != nil {
		if _, err := sp.f.Seek(0, io.SeekStart); err != nil {
			return err
		}
		r = sp.f
	}
	sp.r = bufio.NewReaderSize(r, 64<<10)
	return sp.readAhead()
}

func (sp *spill) readAhead() error {
	var head [8]byte
	if _, err := io.ReadFull(sp.r, head[:]); err == io.EOF {
		sp.next = -1
		return nil
	} else if err != nil {
		return err
	}
	sp.next = int32(binary.LittleEndian.Uint32(head[:4]))
	st := artScan{n: int32(binary.LittleEndian.Uint32(head[4:]))}
	var n [4]byte
	if _, err := io.ReadFull(sp.r, st.sum[:]); err != nil {
		return err
	}
	if _, err := io.ReadFull(sp.r, n[:]); err != nil {
		return err
	}
	ends := make([]byte, 4*binary.LittleEndian.Uint32(n[:]))
	if _, err := io.ReadFull(sp.r, ends); err != nil {
		return err
	}
	st.ends = make([]uint32, len(ends)/4)
	for i := range st.ends {
		st.ends[i] = binary.LittleEndian.Uint32(ends[4*i:])
	}
	sp.nextSt = st
	return nil
}

// get returns article ai's state written to the spill (zero if none); the articles must
// be asked for in order.
func (sp *spill) get(ai int32) (artScan, error) {
	if sp.next != ai {
		return artScan{}, nil
	}
	st := sp.nextSt
	return st, sp.readAhead()
}

// stateOf returns article ai's whole scan state, when the plan is made: what the spill
// has of it, with what mem has of its later visits (the sums added, the ends united).
func (x *indexer) stateOf(ai int32) (artScan, error) {
	st, err := x.spill.get(ai)
	if err != nil {
		return st, err
	}
	m := x.mem[ai]
	if m == nil {
		return st, nil
	}
	st.n += m.n
	addSum(&st.sum, &m.sum)
	for _, e := range m.ends {
		found := false
		for i, have := range st.ends {
			if have&^mentionFlag == e&^mentionFlag {
				st.ends[i] |= e & mentionFlag
				found = true
				break
			}
		}
		if !found {
			st.ends = append(st.ends, e)
		}
	}
	return st, nil
}

// addSum adds d to acc, mod 2^256.
func addSum(acc, d *[32]byte) {
	carry := 0
	for i := len(acc) - 1; i >= 0; i-- {
		v := int(acc[i]) + int(d[i]) + carry
		acc[i], carry = byte(v), v>>8
	}
}
