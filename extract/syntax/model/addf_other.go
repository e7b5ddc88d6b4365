//go:build !amd64

package model

func addFloats(dst, src []float32) {
	dst = dst[:len(src)]
	for i, w := range src {
		dst[i] += w
	}
}
