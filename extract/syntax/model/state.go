package model

// The parser is arc-hybrid (Kuhlmann et al. 2011) with the root at the end of the buffer
// (word n): SHIFT pushes the buffer's front; LEFT makes the front the head of the stack's
// top and pops it; RIGHT makes the word below the top its head and pops it. LEFT onto the
// root is allowed only when the stack holds one word, so every tree has exactly one root.
const (
	shift = iota
	left
	right
	nmoves
)

const none = -1

// state is a parser configuration over n words plus the root (index n).
type state struct {
	n      int
	stack  []int32
	b      int32    // front of the buffer (n = only the root is left)
	head   []int32  // head of each word, none until attached
	label  []int32  // label of each word's arc
	lc1    []int32  // leftmost child
	lc2    []int32  // second leftmost child
	rc1    []int32  // rightmost child
	rc2    []int32  // second rightmost child
	nl, nr []int32  // number of left and right children
	lmask  []uint64 // set of left children's labels (label mod 64)
	rmask  []uint64 // set of right children's labels
	marker []uint64 // word hash of the leftmost case/mark child (0 when none)
}

// reset prepares s for n words (arrays sized n+1 to hold the root).
func (s *state) reset(n int) {
	m := n + 1
	s.n = n
	s.b = 0
	s.stack = s.stack[:0]
	for _, p := range []*[]int32{&s.head, &s.label, &s.lc1, &s.lc2, &s.rc1, &s.rc2} {
		*p = grow(*p, m)
		for i := range *p {
			(*p)[i] = none
		}
	}
	s.nl, s.nr = grow(s.nl, m), grow(s.nr, m)
	clear(s.nl)
	clear(s.nr)
	s.lmask, s.rmask, s.marker = grow(s.lmask, m), grow(s.rmask, m), grow(s.marker, m)
	clear(s.lmask)
	clear(s.rmask)
	clear(s.marker)
}

func (s *state) done() bool { return int(s.b) == s.n && len(s.stack) == 0 }

// top returns the i-th item from the stack's top (0 = top), or none.
// positions returns the three top stack words and the three front buffer words that the
// feature templates read (none where there is no such word; b0 may be the root).
func (s *state) positions() (s0, s1, s2, b0, b1, b2 int32) {
	s0, s1, s2 = s.top(0), s.top(1), s.top(2)
	b0, b1, b2 = s.b, s.b+1, s.b+2
	if int(b1) > s.n {
		b1 = none
	}
	if int(b2) > s.n {
		b2 = none
	}
	return s0, s1, s2, b0, b1, b2
}

func (s *state) top(i int) int32 {
	if i < len(s.stack) {
		return s.stack[len(s.stack)-1-i]
	}
	return none
}

func (s *state) legal(move int) bool {
	switch move {
	case shift:
		return int(s.b) < s.n
	case left:
		return len(s.stack) >= 1 && (int(s.b) < s.n || len(s.stack) == 1)
	case right:
		return len(s.stack) >= 2
	}
	return false
}

// arc returns the head and dependent that move would join.
func (s *state) arc(move int) (h, d int32) {
	if move == left {
		return s.b, s.top(0)
	}
	return s.top(1), s.top(0)
}

// apply performs move; for LEFT and RIGHT, lab is the arc's label and isMarker tells
// whether it is a case or mark relation (for the labeller's features).
func (s *state) apply(move int, lab int32, wordHash uint64, isMarker bool) {
	if move == shift {
		s.stack = append(s.stack, s.b)
		s.b++
		return
	}
	h, d := s.arc(move)
	s.stack = s.stack[:len(s.stack)-1]
	s.head[d], s.label[d] = h, lab
	bit := uint64(1) << (uint(lab) & 63)
	if d < h {
		s.lc2[h], s.lc1[h] = s.lc1[h], d
		s.nl[h]++
		s.lmask[h] |= bit
		if isMarker {
			s.marker[h] = wordHash
		}
	} else {
		s.rc2[h], s.rc1[h] = s.rc1[h], d
		s.nr[h]++
		s.rmask[h] |= bit
	}
}
