package extract

import (
	"hash/maphash"
	"sync"
)

// strCache gives the short strings of the records read back from the temporary file
// (spillcodec.go) without a copy each time one comes again: every cross-article phase
// decodes every article's result, and its mentions repeat the same names, ids, reasons,
// sectors and countries across articles. Making each string anew took two thirds of that
// decoding and a tenth of the allocations of `extract --parser fast` (docs/performance.md,
// *Strings read back once*). It is a fixed table, each string in the slot of its hash, a
// new one taking the place of the one there: it holds at most strSlots strings of at most
// strCacheMax bytes, whatever the corpus.
type strCache struct {
	slot [strSlots]string
}

const (
	strSlots    = 4096
	strCacheMax = 64
)

var strSeed = maphash.MakeSeed()

// strCaches are the tables of the goroutines decoding at once, one each (sync.Pool: a table
// is dropped at a collection and filled again).
var strCaches = sync.Pool{New: func() any { return new(strCache) }}

// get gives string(b), the copy in its slot when it holds the same bytes.
func (c *strCache) get(b []byte) string {
	if len(b) > strCacheMax {
		return string(b)
	}
	i := maphash.Bytes(strSeed, b) % strSlots
	if s := c.slot[i]; s == string(b) {
		return s
	}
	s := string(b)
	c.slot[i] = s
	return s
}
