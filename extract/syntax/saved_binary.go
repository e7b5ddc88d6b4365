package syntax

import (
	"encoding/binary"
	"errors"

	"github.com/newsgraph/newsgraph/extract/internal/strcache"
)

// MarshalBinary writes s compactly (so a pipeline can keep it in a temporary file rather
// than in memory; encoding/gob uses it). The tags and relations are written as this
// process's label ids: the bytes are for this process only, read back by UnmarshalBinary.
func (s *Saved) MarshalBinary() ([]byte, error) {
	n := 0
	for _, ws := range s.words {
		n += len(ws)
	}
	b := make([]byte, 0, 8+n*12)
	b = binary.AppendUvarint(b, uint64(len(s.words)))
	for _, ws := range s.words {
		b = binary.AppendUvarint(b, uint64(len(ws)))
		for _, w := range ws {
			b = binary.AppendUvarint(b, uint64(len(w.lemma)))
			b = append(b, w.lemma...)
			b = binary.AppendVarint(b, int64(w.head))
			b = binary.AppendUvarint(b, uint64(w.upos))
			b = binary.AppendUvarint(b, uint64(w.xpos))
			b = binary.AppendUvarint(b, uint64(w.deprel))
		}
	}
	return b, nil
}

var errSavedBytes = errors.New("syntax: bad saved parse")

// UnmarshalBinary reads what MarshalBinary wrote (in the same process).
func (s *Saved) UnmarshalBinary(b []byte) error {
	c := strcache.Get()
	defer strcache.Put(c)
	rd := savedReader{b: b, lemmas: c}
	ns := rd.uint()
	if rd.err != nil || ns > uint64(len(b)) {
		return errSavedBytes
	}
	s.words = make([][]savedWord, ns)
	for i := range s.words {
		nw := rd.uint()
		if rd.err != nil || nw > uint64(len(rd.b)) {
			return errSavedBytes
		}
		ws := make([]savedWord, nw)
		for j := range ws {
			ws[j] = savedWord{lemma: rd.str(), head: int32(rd.int()), upos: rd.label(), xpos: rd.label(), deprel: rd.label()}
		}
		s.words[i] = ws
	}
	if rd.err != nil || len(rd.b) != 0 {
		return errSavedBytes
	}
	return nil
}

type savedReader struct {
	b      []byte
	err    error
	lemmas *strcache.Cache
}

func (r *savedReader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.err, r.b = errSavedBytes, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *savedReader) int() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.err, r.b = errSavedBytes, nil
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *savedReader) str() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.err, r.b = errSavedBytes, nil
		return ""
	}
	s := r.lemmas.String(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *savedReader) label() uint16 {
	v := r.uint()
	if v >= uint64(len(labels.Load().name)) {
		r.err, r.b = errSavedBytes, nil
		return 0
	}
	return uint16(v)
}
