package lexicon

import (
	"strings"
	"unicode/utf8"
)

// trie is a word trie (a DAG where case variants of a word share the child). Edges are
// keyed by match keys: the word without periods, with typographic apostrophes made
// straight, and lower-cased for the case-insensitive title trie.
type trie struct {
	nodes   []tnode
	lower   bool
	entries [][]Entry // names trie: node.val indexes this
	titles  []Title   // titles trie: node.val indexes this
	// starts has a bit for the first two bytes of every word a phrase may start with
	// (startKey): a token whose key has no bit starts no phrase, and is answered without a
	// look-up in the root's large map (most words of a text start no name).
	starts *[1 << 16 / 64]uint64
}

type tnode struct {
	next   map[string]int32
	val    int32 // -1: no phrase ends here
	hyphen bool  // a hyphen token may follow this word
	dot    bool  // the word ended with a period: a "." token may follow
}

func newTrie(lower bool) trie {
	return trie{nodes: []tnode{{val: -1}}, lower: lower, starts: new([1 << 16 / 64]uint64)}
}

// startKey is the first two bytes of a key (one byte, or none, and zeros).
func startKey(k []byte) uint16 {
	switch len(k) {
	case 0:
		return 0
	case 1:
		return uint16(k[0]) << 8
	}
	return uint16(k[0])<<8 | uint16(k[1])
}

// markStart records that a phrase may start with key k.
func (t *trie) markStart(k string) {
	s := startKey([]byte(k))
	t.starts[s/64] |= 1 << (s % 64)
}

// mayStart reports whether a phrase may start with key k (false: none does).
func (t *trie) mayStart(k []byte) bool {
	s := startKey(k)
	return t.starts[s/64]&(1<<(s%64)) != 0
}

// word is one word of a phrase with what may follow it.
type word struct {
	key         string
	hyphen, dot bool
}

// phrasePaths splits a phrase into word paths: by spaces, and hyphenated words both whole
// and split at the hyphens ("Secretary-General" -> [Secretary-General], [Secretary -, General]).
func phrasePaths(phrase string, lower bool) [][]word {
	paths := [][]word{nil}
	for _, w := range strings.Fields(phrase) {
		opts := [][]word{{mkWord(w, lower)}}
		if parts := strings.Split(w, "-"); len(parts) > 1 && !strings.HasPrefix(w, "-") && !strings.HasSuffix(w, "-") {
			var split []word
			for i, p := range parts {
				x := mkWord(p, lower)
				x.hyphen = i < len(parts)-1
				split = append(split, x)
			}
			opts = append(opts, split)
		}
		var next [][]word
		for _, p := range paths {
			for _, o := range opts {
				q := append(append([]word(nil), p...), o...)
				next = append(next, q)
			}
		}
		paths = next
	}
	return paths
}

func mkWord(w string, lower bool) word {
	var buf []byte
	return word{key: string(appendKey(buf, w, lower)), dot: strings.HasSuffix(w, ".") && len(w) > 1}
}

// appendKey appends the match key of token t to dst.
func appendKey(dst []byte, t string, lower bool) []byte {
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= utf8.RuneSelf {
			if lower {
				return appendKeySlow(dst[:0], strings.ToLower(fold(t)))
			}
			return appendKeySlow(dst[:0], t)
		}
		if c == '.' {
			continue
		}
		if lower && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func appendKeySlow(dst []byte, t string) []byte {
	for _, r := range t {
		switch r {
		case '.':
			continue
		case '’', '‘', 'ʼ':
			r = '\''
		}
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// insert adds the path; variants(key) gives the extra edge labels that lead to the same
// child (case variants). It returns the terminal node.
func (t *trie) insert(path []word, variants func(string) []string) int32 {
	n := int32(0)
	for _, w := range path {
		if n == 0 {
			t.markStart(w.key)
			if variants != nil {
				for _, v := range variants(w.key) {
					t.markStart(v)
				}
			}
		}
		c, ok := t.nodes[n].next[w.key]
		if !ok {
			if t.nodes[n].next == nil {
				t.nodes[n].next = map[string]int32{}
			}
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, tnode{val: -1})
			t.nodes[n].next[w.key] = c
		}
		if variants != nil {
			for _, v := range variants(w.key) {
				if _, taken := t.nodes[n].next[v]; !taken {
					t.nodes[n].next[v] = c
				}
			}
		}
		if w.hyphen {
			t.nodes[c].hyphen = true
		}
		if w.dot {
			t.nodes[c].dot = true
		}
		n = c
	}
	return n
}

// match walks tokens from the root and returns the value of the longest phrase and the
// number of tokens it spans (0 if none).
func (t *trie) match(tokens []string) (val int32, n int) {
	var buf [64]byte
	node := int32(0)
	val = -1
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		if node != 0 {
			nd := &t.nodes[node]
			if isSpace(tok) || (nd.hyphen && isHyphen(tok)) || (nd.dot && tok == ".") {
				continue
			}
		}
		key := appendKey(buf[:0], tok, t.lower)
		if node == 0 && !t.mayStart(key) {
			if base := possessiveBase(key); base == nil || !t.mayStart(base) {
				break // no phrase starts with this word
			}
		}
		next := t.nodes[node].next
		c, ok := next[string(key)]
		if !ok {
			if base := possessiveBase(key); base != nil {
				if c, ok := next[string(base)]; ok && t.nodes[c].val >= 0 {
					return t.nodes[c].val, i + 1
				}
			}
			break
		}
		node = c
		if t.nodes[node].val >= 0 {
			val, n = t.nodes[node].val, i+1
			// In the title trie a period the data word ends with belongs to the phrase
			// ("Gen" "."). Not in the names trie: "in the US." must leave the full stop.
			if t.lower && t.nodes[node].dot && n < len(tokens) && tokens[n] == "." {
				n++
			}
		}
	}
	if val < 0 {
		return -1, 0
	}
	return val, n
}

// possessiveBase strips 's / s' ("Russia's" -> "Russia", "Emirates'" -> "Emirates").
func possessiveBase(k []byte) []byte {
	if len(k) > 2 && k[len(k)-2] == '\'' && (k[len(k)-1] == 's' || k[len(k)-1] == 'S') {
		return k[:len(k)-2]
	}
	if len(k) > 4 && bytesHasSuffix(k, "’s") {
		return k[:len(k)-4]
	}
	if len(k) > 2 && k[len(k)-1] == '\'' && (k[len(k)-2] == 's' || k[len(k)-2] == 'S') {
		return k[:len(k)-1]
	}
	return nil
}

func bytesHasSuffix(b []byte, s string) bool {
	return len(b) >= len(s) && string(b[len(b)-len(s):]) == s
}
