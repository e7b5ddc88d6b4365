package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

func sampleCorpus(t *testing.T) *Corpus {
	t.Helper()
	root := filepath.Join("..", "..")
	texts, err := readSources([]string{filepath.Join(root, "corpus", "sample")})
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewCorpus(texts, lexicon.Default(), filepath.Join(root, "extract", "lexicon", "data"))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func generate(t *testing.T, c *Corpus, n int, seed uint64) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := c.Generate(&b, n, seed); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGenerateDeterministic(t *testing.T) {
	c := sampleCorpus(t)
	a, b := generate(t, c, 200, 7), generate(t, c, 200, 7)
	if !bytes.Equal(a, b) {
		t.Fatal("two runs with the same seed differ")
	}
	if bytes.Equal(a, generate(t, c, 200, 8)) {
		t.Fatal("seeds 7 and 8 give the same corpus")
	}
	if small := generate(t, c, 50, 7); !bytes.HasPrefix(a, small) {
		t.Fatal("the 50-article corpus is not the start of the 200-article one")
	}
}

// names counts the distinct swapped-in entity names, ids and dates of a generated corpus.
func names(t *testing.T, c *Corpus, data []byte) (ents, ids, days int) {
	t.Helper()
	pool := map[string]bool{}
	for k := range c.pools {
		for _, n := range c.pools[k] {
			pool[n] = true
		}
	}
	seenE, seenID, seenD := map[string]bool{}, map[string]bool{}, map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		seenID[a.ID], seenD[a.Published] = true, true
		for _, s := range splitSentences(a.Text) {
			for _, sp := range findSpans(s, lexicon.Default(), map[string]bool{}) {
				if pool[sp.name] {
					seenE[sp.name] = true
				}
			}
		}
	}
	return len(seenE), len(seenID), len(seenD)
}

func TestVarietyGrowsWithSize(t *testing.T) {
	c := sampleCorpus(t)
	e1, id1, d1 := names(t, c, generate(t, c, 50, 1))
	e2, id2, d2 := names(t, c, generate(t, c, 500, 1))
	if id1 != 50 || id2 != 500 {
		t.Fatalf("ids not unique: %d of 50, %d of 500", id1, id2)
	}
	if e2 < 2*e1 {
		t.Errorf("distinct entities: %d in 50 articles, %d in 500: expected at least twice as many", e1, e2)
	}
	if d2 < 5*d1/2 {
		t.Errorf("distinct dates: %d in 50 articles, %d in 500", d1, d2)
	}
	t.Logf("distinct entities %d -> %d, dates %d -> %d", e1, e2, d1, d2)
}
