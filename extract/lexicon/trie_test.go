package lexicon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// unfiltered is l with every start bit set: every word is looked up in the root's map.
func unfiltered(l *Lexicon) *Lexicon {
	u := *l
	all := new([1 << 16 / 64]uint64)
	for i := range all {
		all[i] = ^uint64(0)
	}
	u.names.starts, u.titles.starts = all, all
	return &u
}

// startProbes are token lists that start with every word a name or title starts with (in
// every case variant the tries hold), alone, possessive and followed by each of its second
// words, and the tokens of the benchmark text and of the seed corpus at every position.
func startProbes(t *testing.T, l *Lexicon) [][]string {
	var probes [][]string
	for _, tr := range []*trie{&l.names, &l.titles} {
		for k, c := range tr.nodes[0].next {
			probes = append(probes, []string{k}, []string{k + "'s"}, []string{k + "’s"}, []string{k + "'"})
			for k2 := range tr.nodes[c].next {
				probes = append(probes, []string{k, " ", k2}, []string{k, k2, "."})
			}
		}
	}
	text := benchText
	files, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text += "\n" + string(b)
	}
	toks := splitWords(text)
	for i := range toks {
		probes = append(probes, toks[i:min(i+8, len(toks))])
	}
	return probes
}

// TestStartFilterSameAnswers: the first-word filter changes no answer of Lookup, LookupAll
// or Title (it only skips look-ups that find nothing); it fails when a start the tries hold
// (a case variant, a possessive) is missing from the filter.
func TestStartFilterSameAnswers(t *testing.T) {
	l := Default()
	u := unfiltered(l)
	skipped := 0
	for _, p := range startProbes(t, l) {
		e1, n1, ok1 := l.Lookup(p)
		e2, n2, ok2 := u.Lookup(p)
		if e1 != e2 || n1 != n2 || ok1 != ok2 {
			t.Fatalf("Lookup(%q) = %v %d %v, unfiltered %v %d %v", p, e1, n1, ok1, e2, n2, ok2)
		}
		a1, m1 := l.LookupAll(p)
		a2, m2 := u.LookupAll(p)
		if len(a1) != len(a2) || m1 != m2 {
			t.Fatalf("LookupAll(%q) = %d entries %d, unfiltered %d %d", p, len(a1), m1, len(a2), m2)
		}
		t1, tn1, tok1 := l.Title(p)
		t2, tn2, tok2 := u.Title(p)
		if t1 != t2 || tn1 != tn2 || tok1 != tok2 {
			t.Fatalf("Title(%q) = %v %d %v, unfiltered %v %d %v", p, t1, tn1, tok1, t2, tn2, tok2)
		}
		var buf [64]byte
		if !l.names.mayStart(appendKey(buf[:0], p[0], false)) {
			skipped++
		}
	}
	if skipped == 0 {
		t.Fatal("the filter skipped no look-up")
	}
}

// TestDemonymPairAsJoined: DemonymPair gives Demonym's answer for the joined words, for
// every demonym of two words or more (and its plural), split at its first space, and for
// every pair of neighbouring tokens of the probes.
func TestDemonymPairAsJoined(t *testing.T) {
	l := Default()
	var pairs [][2]string
	found := 0
	for k := range l.demonyms {
		if a, b, ok := strings.Cut(k, " "); ok {
			for _, p := range [][2]string{{a, b}, {upperFirst(a), upperFirst(b)}, {strings.ToUpper(a), b + "s"}} {
				pairs = append(pairs, p)
			}
		}
	}
	for _, p := range startProbes(t, l) {
		if len(p) >= 2 {
			pairs = append(pairs, [2]string{p[0], p[1]})
		}
	}
	pairs = append(pairs, [2]string{"Côte", "d'Ivoire"}, [2]string{"", "Korean"}, [2]string{"south", "Korean"})
	for _, p := range pairs {
		c1, ok1 := l.DemonymPair(p[0], p[1])
		c2, ok2 := l.Demonym(p[0] + " " + p[1])
		if c1.ISO2 != c2.ISO2 || ok1 != ok2 {
			t.Fatalf("DemonymPair(%q, %q) = %s %v, Demonym of the joined words %s %v", p[0], p[1], c1.ISO2, ok1, c2.ISO2, ok2)
		}
		if ok1 {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no pair is a demonym")
	}
}
