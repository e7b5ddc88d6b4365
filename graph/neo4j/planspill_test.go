package neo4j

import (
	"reflect"
	"testing"
)

// TestSpillStates: the scan states written to the spill (a file or memory) come back in
// article order, none for an article without one; what mem has of an article's later
// visits is added to it (the sums added mod 2^256, the ends united, a mention flag kept).
func TestSpillStates(t *testing.T) {
	for _, file := range []bool{true, false} {
		sp, err := newSpill(file)
		if err != nil {
			t.Fatal(err)
		}
		a := &artScan{n: 2, ends: []uint32{7, 3 | mentionFlag}}
		a.sum[31], a.sum[30] = 0xff, 0x01
		b := &artScan{n: 1, ends: []uint32{4}}
		if err := sp.put(0, a); err != nil {
			t.Fatal(err)
		}
		if err := sp.put(2, b); err != nil {
			t.Fatal(err)
		}
		if err := sp.rewind(); err != nil {
			t.Fatal(err)
		}
		later := &artScan{n: 1, ends: []uint32{3, 9 | mentionFlag, 7 | mentionFlag}}
		later.sum[31] = 0x02
		x := &indexer{spill: sp, mem: map[int32]*artScan{0: later, 1: {n: 5}}}
		want := []artScan{
			{n: 3, ends: []uint32{7 | mentionFlag, 3 | mentionFlag, 9 | mentionFlag}},
			{n: 5},
			{n: 1, ends: []uint32{4}},
			{},
		}
		want[0].sum[30], want[0].sum[31] = 0x02, 0x01 // 0x01ff + 0x02
		for ai, w := range want {
			got, err := x.stateOf(int32(ai))
			if err != nil {
				t.Fatal(err)
			}
			if got.n != w.n || got.sum != w.sum || len(got.ends) != len(w.ends) || (len(w.ends) > 0 && !reflect.DeepEqual(got.ends, w.ends)) {
				t.Errorf("file %v, article %d: %+v, want %+v", file, ai, got, w)
			}
		}
		sp.close()
	}
}
