package resolve

import "encoding/binary"

// ArticleList is the articles naming a node, as ordinals: k is the k-th article that
// Cross.Nodes recorded (by article id, the order every phase sees them in). The ordinals
// only grow, so they are kept as differences, one uvarint each: a byte or two per
// node-article pair, not a 16-byte string header and the id a decoded article brought.
type ArticleList struct {
	buf  []byte
	last int32
	n    int32
}

// Add appends ordinal k, which is at least the last one added (a repeat is ignored).
func (l *ArticleList) Add(k int) {
	if l.n > 0 && int32(k) == l.last {
		return
	}
	d := uint64(k)
	if l.n > 0 {
		d = uint64(int32(k) - l.last)
	}
	l.buf = binary.AppendUvarint(l.buf, d)
	l.last = int32(k)
	l.n++
}

// Len is the number of articles.
func (l *ArticleList) Len() int { return int(l.n) }

// Each calls f on every ordinal, in increasing order.
func (l *ArticleList) Each(f func(k int)) {
	k, b := 0, l.buf
	for i := int32(0); i < l.n; i++ {
		d, w := binary.Uvarint(b)
		b = b[w:]
		if i == 0 {
			k = int(d)
		} else {
			k += int(d)
		}
		f(k)
	}
}

// IDs returns the articles as ids, id giving the id of an ordinal.
func (l *ArticleList) IDs(id func(k int) string) []string {
	if l.n == 0 {
		return nil
	}
	out := make([]string, 0, l.n)
	l.Each(func(k int) { out = append(out, id(k)) })
	return out
}

// compact trims the list's spare capacity (once it is complete).
func (l *ArticleList) compact() {
	if cap(l.buf) > len(l.buf) {
		l.buf = append([]byte(nil), l.buf...)
	}
}
