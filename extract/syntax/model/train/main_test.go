package main

import (
	"strings"
	"testing"
)

func TestDirections(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"l2r", "l2r/0x0@0", ""},
		{"l2r/8x5@1,l2r/4x4@2, r2l/4x4@1", "l2r/8x5@1,l2r/4x4@2,r2l/4x4@1", ""},
		{"r2l@3", "r2l/0x0@3", ""},
		{"up", "", "the direction is not l2r or r2l"},
		{"l2r/8", "", "the beam is not BEAMxEPOCHS"},
		{"l2r/0x4", "", "the beam is not BEAMxEPOCHS"},
		{"r2l/4x4@0", "", "the seed is not a positive number"},
		{"r2l/4x4@x", "", "the seed is not a positive number"},
	}
	for _, c := range cases {
		specs, err := directions(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%q: error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || parserList(specs) != c.want {
			t.Errorf("%q: %s (%v), want %s", c.in, parserList(specs), err, c.want)
		}
	}
}
