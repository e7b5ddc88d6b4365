package strcache

import (
	"strings"
	"testing"
	"unsafe"
)

func TestString(t *testing.T) {
	c := Get()
	defer Put(c)
	b := []byte("Ministry of Foreign Affairs")
	first := c.String(b)
	if first != string(b) {
		t.Fatalf("get = %q, want %q", first, b)
	}
	again := c.String([]byte("Ministry of Foreign Affairs"))
	if unsafe.StringData(again) != unsafe.StringData(first) {
		t.Error("the same bytes again gave a new copy, not the cached string")
	}
	b[0] = 'X'
	if first != "Ministry of Foreign Affairs" {
		t.Errorf("the cached string changed with the bytes it was read from: %q", first)
	}
	long := []byte(strings.Repeat("a", MaxLen+1))
	if x, y := c.String(long), c.String(long); x != string(long) || unsafe.StringData(x) == unsafe.StringData(y) {
		t.Error("a string longer than MaxLen was cached")
	}
	// a slot taken by another string still gives the right one
	for i := 0; i < 3*Slots; i++ {
		s := strings.Repeat("k", i%MaxLen+1) + string(rune('a'+i%26))
		if got := c.String([]byte(s)); got != s {
			t.Fatalf("get(%q) = %q", s, got)
		}
	}
}
