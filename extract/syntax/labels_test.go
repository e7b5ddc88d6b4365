package syntax

import (
	"fmt"
	"sync"
	"testing"
)

// TestLabelsConcurrent interns names from several goroutines at once, new and known ones
// mixed: every name gets one id, the same for every caller, and labelName gives it back.
func TestLabelsConcurrent(t *testing.T) {
	const goroutines, names = 8, 200
	got := make([][]uint16, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ids := make([]uint16, names)
			for i := range names {
				k := (i + g*37) % names // each goroutine meets the names in its own order
				ids[k] = labelID(fmt.Sprintf("test-label-%d", k))
			}
			got[g] = ids
		}()
	}
	wg.Wait()
	seen := map[uint16]int{}
	for k := range names {
		id := got[0][k]
		for g := 1; g < goroutines; g++ {
			if got[g][k] != id {
				t.Fatalf("name %d: goroutine %d got id %d, goroutine 0 got %d", k, g, got[g][k], id)
			}
		}
		if other, dup := seen[id]; dup {
			t.Fatalf("names %d and %d share id %d", other, k, id)
		}
		seen[id] = k
		if want, name := fmt.Sprintf("test-label-%d", k), labelName(id); name != want {
			t.Fatalf("labelName(%d) = %q, want %q", id, name, want)
		}
	}
}
