package model

import (
	"unicode"
	"unicode/utf8"
)

// Features are 64-bit hashes of a template number and its values; no vocabulary is kept.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix folds v into the hash h.
func mix(h, v uint64) uint64 {
	h ^= v
	h *= 0x9E3779B97F4A7C15
	return h ^ (h >> 31)
}

// pair combines two values into one (order matters; small values do not cancel).
func pair(a, b uint64) uint64 { return mix(mix(0x9E3779B97F4A7C15, a), b) }

// tpl scatters a template number over 64 bits before values are mixed in, so that small
// values (tag ids) of different templates cannot cancel out (t1^a1 == t2^a2).
func tpl(t uint64) uint64 { return (t + 1) * 0xD6E8FEB86659FD93 }

// feat1..feat3 hash a template number with one to three values.
func feat1(t, a uint64) uint64       { return mix(mix(tpl(t), a), 0x51) }
func feat2(t, a, b uint64) uint64    { return mix(mix(mix(tpl(t), a), b), 0x52) }
func feat3(t, a, b, c uint64) uint64 { return mix(mix(mix(mix(tpl(t), a), b), c), 0x53) }

// strHash hashes s rune by rune; lower folds case first.
func strHash(s string, lower bool) uint64 {
	h := uint64(fnvOffset)
	for _, r := range s {
		if lower {
			r = unicode.ToLower(r)
		}
		h = (h ^ uint64(r)) * fnvPrime
	}
	return h
}

// prefixHash hashes the first k runes of s (lowercased), or 0 when s is shorter.
func prefixHash(s string, k int) uint64 {
	h := uint64(fnvOffset)
	n := 0
	for _, r := range s {
		if n == k {
			return h
		}
		h = (h ^ uint64(unicode.ToLower(r))) * fnvPrime
		n++
	}
	if n < k {
		return 0
	}
	return h
}

// suffixHash hashes the last k runes of s (lowercased), or 0 when s is shorter.
func suffixHash(s string, k int) uint64 {
	i := len(s)
	for n := 0; n < k; n++ {
		if i == 0 {
			return 0
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return strHash(s[i:], true) ^ uint64(k)
}

// shape maps letters to X/x, digits to d, keeps other runes, and collapses runs longer than
// two of one class ("McDonald's" -> "XxXxx'x", "2024" -> "dd").
func shapeHash(s string) uint64 {
	h := uint64(fnvOffset)
	var prev rune
	run := 0
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c == prev {
			run++
			if run > 2 {
				continue
			}
		} else {
			prev, run = c, 1
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

// flags summarises a word's spelling in a few bits.
func flags(s string) uint64 {
	var f uint64
	upper, letters := 0, 0
	for i, r := range s {
		switch {
		case unicode.IsUpper(r):
			upper++
			letters++
			if i == 0 {
				f |= 1
			}
		case unicode.IsLetter(r):
			letters++
		case unicode.IsDigit(r):
			f |= 2
		case r == '-':
			f |= 4
		case r == '.' || r == '@' || r == '/' || r == ':':
			f |= 8
		}
	}
	if letters > 1 && upper == letters {
		f |= 16
	}
	return f
}
