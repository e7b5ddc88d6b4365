package model

//go:noescape
func addFloats(dst, src []float32)
