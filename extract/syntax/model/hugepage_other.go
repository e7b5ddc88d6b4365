//go:build !linux

package model

func tableSlots3(owner *linear, n int) []slot3 { return make([]slot3, n) }

func tableSlots(owner *linear, n int) []slot { return make([]slot, n) }
