package model

import (
	"bytes"
	"compress/gzip"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax/data"
)

// TestEmbeddedClusters reads the embedded cluster table: it is large, related words share
// a fine cluster more often than unrelated ones, and coarser ids are prefixes of finer ones.
func TestEmbeddedClusters(t *testing.T) {
	ct, err := defaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	if ct.size() < 100000 || ct.bits != 12 {
		t.Fatalf("table has %d words of %d bits, want >= 100000 of 12", ct.size(), ct.bits)
	}
	id := func(w string) uint32 {
		c := ct.lookup(strHash(w, true))
		if c == 0 {
			t.Fatalf("%q has no cluster", w)
		}
		return c
	}
	same := 0
	for _, p := range [][2]string{{"monday", "tuesday"}, {"john", "david"}, {"quickly", "slowly"}, {"computer", "software"}} {
		if clusterValue(id(p[0]), cl8, ct.bits) == clusterValue(id(p[1]), cl8, ct.bits) {
			same++
		}
	}
	if same < 3 {
		t.Errorf("only %d of 4 related pairs share an 8-bit cluster", same)
	}
	if clusterValue(id("monday"), cl8, ct.bits) == clusterValue(id("computer"), cl8, ct.bits) {
		t.Error("monday and computer share an 8-bit cluster")
	}
	if got := ct.lookup(strHash("Monday", true)); got != id("monday") {
		t.Error("lookup is not by the lowercased word")
	}
	if ct.lookup(strHash("qzxqzxnotaword", true)) != 0 {
		t.Error("an unknown word has a cluster")
	}
}

// TestModelMatchesClusters checks that the embedded models were trained with the embedded
// cluster table: a model decoded with other clusters than it learned is silently worse.
func TestModelMatchesClusters(t *testing.T) {
	ct, err := defaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func() (*Model, error){"default": Default, "fast": Fast} {
		m, err := load()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(m.Header(), "sha256 "+ct.sum) {
			t.Fatalf("the %s model's header does not name the embedded cluster table (sha256 %s...):\n%s", name, ct.sum, m.Header())
		}
	}
}

func TestReadClustersRejectsBadTables(t *testing.T) {
	for _, bad := range []string{"not gzip", gz("word\t1\n"), gz("# levels\t2\nword\t64\n"), gz("# levels\t2\nword\n")} {
		if _, err := readClusters([]byte(bad)); err == nil {
			t.Errorf("readClusters(%q) gave no error", bad)
		}
	}
	ct, err := readClusters([]byte(gz("# levels\t2\nthe\t63\n")))
	if err != nil || ct.lookup(strHash("THE", true)) != 64 {
		t.Fatalf("good table: %v", err)
	}
}

func gz(s string) string {
	var b strings.Builder
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.String()
}

// TestClusterTableMatchesTheFile: every word of the embedded table file, read line by line
// with strings and strHash, has its id in the table (the last line wins for a repeated word),
// and the table holds no other word.
func TestClusterTableMatchesTheFile(t *testing.T) {
	ct, err := defaultClusters()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(data.Clusters))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64]uint32{}
	for _, l := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n")[1:] {
		word, id, _ := strings.Cut(l, "\t")
		v, err := strconv.Atoi(id)
		if err != nil {
			t.Fatalf("%q: %v", l, err)
		}
		want[strHash(word, true)] = uint32(v) + 1
	}
	for h, c := range want {
		if got := ct.lookup(h); got != c {
			t.Fatalf("hash %x: cluster %d, want %d", h, got, c)
		}
	}
	if ct.size() != len(want) {
		t.Errorf("table holds %d words, the file %d", ct.size(), len(want))
	}
}

// TestClusterTableEdges: the hash the empty slots cannot hold, a repeated word, and more words
// than the table was sized for.
func TestClusterTableEdges(t *testing.T) {
	ct := newClusterTable(2)
	ct.add(0, 5) // the one hash the empty slots cannot hold
	ct.add(7, 1)
	ct.add(7, 2) // a repeated word: the last id wins
	for i := uint64(1); i <= 20; i++ {
		ct.add(i<<40, uint32(i)) // more words than the table was sized for: it must not fill
	}
	if ct.lookup(0) != 5 || ct.lookup(7) != 2 || ct.lookup(20<<40) != 20 || ct.lookup(21<<40) != 0 {
		t.Errorf("lookups: 0→%d 7→%d 20<<40→%d 21<<40→%d", ct.lookup(0), ct.lookup(7), ct.lookup(20<<40), ct.lookup(21<<40))
	}
}
