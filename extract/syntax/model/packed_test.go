package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestPackedMatchesTables: a classifier of one-byte weights (as read from a model file),
// packed into eight-byte slots, scores every key list bit for bit as its unpacked tables
// do (three classes, a few, many with dense rows), gives the same rows back for writing,
// and takes less memory.
func TestPackedMatchesTables(t *testing.T) {
	for _, nclass := range []int{3, 7, 102} {
		rng := rand.New(rand.NewPCG(2, uint64(nclass)))
		q := quantScale{lo: 0.5, ratio: 1.06}
		tab := q.table()
		const nrows = 20000
		keys := make([]uint64, nrows)
		for i := range keys {
			keys[i] = fixKey(rng.Uint64())
		}
		slices.Sort(keys)
		keys = slices.Compact(keys)
		plain, packed := newLoaded(nclass, len(keys)), newLoaded(nclass, len(keys))
		plain.quant, packed.quant = q, q
		for _, k := range keys {
			cls, ws := codedRow(rng, nclass, &tab)
			plain.addRow(k, cls, ws)
			packed.addRow(k, cls, ws)
		}
		packed.pack()
		if packed.pk == nil || packed.slots3 != nil || packed.slots != nil {
			t.Fatalf("%d classes: not packed", nclass)
		}
		got, want := make([]float32, nclass), make([]float32, nclass)
		for range 3000 {
			list := make([]uint64, 1+rng.IntN(60))
			for i := range list {
				if rng.IntN(4) == 0 {
					list[i] = rng.Uint64() // most likely absent
				} else {
					list[i] = keys[rng.IntN(len(keys))]
				}
			}
			packed.score(list, got)
			plain.score(list, want)
			for c := range want {
				if math.Float32bits(got[c]) != math.Float32bits(want[c]) {
					t.Fatalf("%d classes: class %d scores %v packed, %v unpacked", nclass, c, got[c], want[c])
				}
			}
		}
		k1, r1 := packed.sortedRows()
		k2, r2 := plain.sortedRows()
		c1, w1 := flatRows(packed, r1)
		c2, w2 := flatRows(plain, r2)
		if !slices.Equal(k1, k2) || !slices.Equal(c1, c2) || !slices.Equal(w1, w2) {
			t.Fatalf("%d classes: rows read back from the packed table differ", nclass)
		}
		if b := packed.pk.bytes(); b > 8*(65536+maxDisp+1)+3*len(w2)+4*nclass*len(keys)/4 {
			t.Fatalf("%d classes: packed table of %d bytes", nclass, b)
		}
	}
}

// codedRow draws a row of ascending classes whose weights have one-byte codes (tab); one
// row in four is long enough to be kept dense.
func codedRow(rng *rand.Rand, nclass int, tab *[256]float32) ([]uint8, []float32) {
	n := 1 + rng.IntN(min(nclass, 5))
	if nclass > 8 && rng.IntN(4) == 0 {
		n = nclass/4 + rng.IntN(nclass-nclass/4+1)
	}
	perm := rng.Perm(nclass)[:n]
	slices.Sort(perm)
	cls, ws := make([]uint8, n), make([]float32, n)
	for j, c := range perm {
		code := 1 + rng.IntN(127)
		if rng.IntN(2) == 0 {
			code |= 0x80
		}
		cls[j], ws[j] = uint8(c), tab[code]
	}
	return cls, ws
}

// TestPackedKeysOrderedAndNear: keys far from their home slot (a crowded run of homes)
// and keys next to each other are found, and absent keys between them are not; keys too
// crowded to pack leave the classifier's own tables in place.
func TestPackedKeysOrderedAndNear(t *testing.T) {
	q := quantScale{lo: 1, ratio: 1.05}
	tab := q.table()
	for _, crowd := range []uint64{200, 600} {
		var keys []uint64
		for _, home := range []uint64{5, 300, 600} {
			for i := range crowd { // crowd keys with the same home (600: more than maxDisp)
				keys = append(keys, home<<32|i*7+1)
			}
		}
		l := newLoaded(3, len(keys))
		l.quant = q
		for i, k := range keys {
			l.addRow(k, []uint8{uint8(i % 3)}, []float32{tab[1+i%127]})
		}
		l.pack()
		if packed := l.pk != nil; packed != (crowd < maxDisp) {
			t.Fatalf("%d keys a home: packed %v", crowd, packed)
		}
		scores := make([]float32, 3)
		for i, k := range keys {
			l.score([]uint64{k}, scores)
			if scores[i%3] != tab[1+i%127] {
				t.Fatalf("%d keys a home, key %d: scores %v", crowd, i, scores)
			}
			l.score([]uint64{k + 1}, scores)
			if !slices.Equal(scores, []float32{0, 0, 0}) {
				t.Fatalf("%d keys a home, absent key after key %d: scores %v", crowd, i, scores)
			}
		}
	}
}

// TestFastModelPacked: the fast model's classifiers are packed when loaded (into about
// a third of the memory; under 7 MiB), and tag and parse EWT dev (or the golden sentences) exactly as
// the same model with unpacked tables.
func TestFastModelPacked(t *testing.T) {
	m := fastTestModel(t)
	plain, err := load(bytes.NewReader(embeddedFast), false)
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, l := range []*linear{m.tagger, m.parser, m.labeller} {
		if l.pk == nil {
			t.Fatal("a classifier of the fast model is not packed")
		}
		total += l.pk.bytes()
	}
	t.Logf("packed tables: %.2f MB", float64(total)/1e6)
	if total > 7<<20 {
		t.Fatalf("packed tables of %d bytes, want under 7 MiB", total)
	}
	var sents [][]string
	dev, _ := readEWT("en_ewt-ud-dev.conllu", 1<<30)
	for _, s := range dev {
		sents = append(sents, s.Forms())
	}
	for _, s := range goldenSentences {
		sents = append(sents, strings.Fields(s))
	}
	for _, s := range sents {
		if a, b := renderTree(s, m.Parse(s)), renderTree(s, plain.Parse(s)); a != b {
			t.Fatalf("packed and unpacked tables parse otherwise:\n%s\n%s", a, b)
		}
	}
}
