package read

import (
	"strings"
	"testing"
)

// controlsByByte is controls one byte at a time: what the eight-byte path must agree with.
func controlsByByte(data []byte) (ctrl int, blank, nul bool) {
	blank = true
	for _, c := range data {
		if controlByte(c, &ctrl, &blank) {
			return ctrl, blank, true
		}
	}
	return ctrl, blank, false
}

// controls gives what a byte-by-byte scan gives, whichever byte of an eight-byte chunk the
// control, DEL, NUL or non-space falls on, and on the tail after the last whole chunk.
func TestControlsAgreesByteByByte(t *testing.T) {
	cases := []string{"", " ", "        ", "         ", "\t\n\r\f\v        ", "plain ASCII text, a few words long.",
		"caf\u00e9 \u2014 na\u00efve", "\x7f", "\xff\xfe\x80\x9f", strings.Repeat(" ", 64) + "x"}
	for _, b := range []byte{0, 1, 0x08, '\t', 0x1f, ' ', 0x7e, 0x7f, 0x80, 0xa0, 0xff} {
		for pos := 0; pos < 19; pos++ {
			s := []byte(strings.Repeat(" ", 19))
			s[pos] = b
			cases = append(cases, string(s), strings.Repeat("a", pos)+string(b))
		}
	}
	for _, s := range cases {
		c1, b1, n1 := controls([]byte(s))
		c2, b2, n2 := controlsByByte([]byte(s))
		if c1 != c2 || b1 != b2 || n1 != n2 {
			t.Errorf("%q: controls %d, %v, %v; byte by byte %d, %v, %v", s, c1, b1, n1, c2, b2, n2)
		}
	}
}

func FuzzControls(f *testing.F) {
	for _, s := range []string{"", "text with a \x01 control", "\x00", "        \x7f", "caf\u00e9"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c1, b1, n1 := controls(data)
		c2, b2, n2 := controlsByByte(data)
		if c1 != c2 || b1 != b2 || n1 != n2 {
			t.Errorf("%q: controls %d, %v, %v; byte by byte %d, %v, %v", data, c1, b1, n1, c2, b2, n2)
		}
	})
}

func BenchmarkControls(b *testing.B) {
	text := []byte(strings.Repeat("The minister met his counterpart in Brussels on Tuesday, officials said.\n", 200))
	b.SetBytes(int64(len(text)))
	for i := 0; i < b.N; i++ {
		controls(text)
	}
}
