package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestAddFloats: the vector addition of dense rows gives the scalar loop's sums bit for bit,
// for every length around the vector widths.
func TestAddFloats(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for n := range 40 {
		dst, src := make([]float32, n+3), make([]float32, n)
		for i := range dst {
			dst[i] = float32(rng.NormFloat64() * 100)
		}
		for i := range src {
			src[i] = float32(rng.NormFloat64())
		}
		want := append([]float32(nil), dst...)
		for i, w := range src {
			want[i] += w
		}
		addFloats(dst, src)
		for i := range want {
			if math.Float32bits(dst[i]) != math.Float32bits(want[i]) {
				t.Fatalf("n=%d: element %d is %v, want %v", n, i, dst[i], want[i])
			}
		}
	}
}
