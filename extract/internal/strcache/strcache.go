// Package strcache gives short strings read back from bytes without a copy each time one
// comes again. The records extract reads back from its temporary file (the cross-article
// phases read every article's result four times, relate its parse once more) repeat the
// same names, ids, reasons, sectors, countries and lemmas across articles; making each
// string anew took two thirds of decoding a result and most of decoding a parse
// (docs/performance.md, *The machine's own ceiling for two cores, and strings read back through a cache*).
package strcache

import (
	"hash/maphash"
	"sync"
)

// Cache is a fixed table, each string in the slot of its hash, a new one taking the place
// of the one there: it holds at most Slots strings of at most MaxLen bytes, whatever was
// read. It is for one goroutine at a time (Get and Put hand them out).
type Cache struct {
	slot [Slots]string
}

const (
	Slots  = 4096
	MaxLen = 64
)

var seed = maphash.MakeSeed()

// caches are the tables of the goroutines decoding at once, one each (sync.Pool: a table is
// dropped at a collection and filled again).
var caches = sync.Pool{New: func() any { return new(Cache) }}

// Get takes a cache for the caller's goroutine; Put hands it back.
func Get() *Cache  { return caches.Get().(*Cache) }
func Put(c *Cache) { caches.Put(c) }

// String gives string(b): the copy in b's slot when it holds the same bytes, else a new
// copy, kept there when b is at most MaxLen bytes.
func (c *Cache) String(b []byte) string {
	if len(b) > MaxLen {
		return string(b)
	}
	i := maphash.Bytes(seed, b) % Slots
	if s := c.slot[i]; s == string(b) {
		return s
	}
	s := string(b)
	c.slot[i] = s
	return s
}
