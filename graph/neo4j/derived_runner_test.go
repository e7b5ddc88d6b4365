package neo4j

import (
	"os"
	"testing"
)

// A catch-up starts on its own at derivedMin articles, or at half a smaller load, never at
// fewer than one; NEWSGRAPH_DERIVED_MIN applies whatever the load's size.
func TestCatchUpMin(t *testing.T) {
	t.Setenv("NEWSGRAPH_DERIVED_MIN", "")
	if err := os.Unsetenv("NEWSGRAPH_DERIVED_MIN"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ articles, want int }{
		{0, 1}, {1, 1}, {3, 1}, {1000, 500}, {2 * derivedMin, derivedMin}, {100000, derivedMin},
	} {
		if got := catchUpMin(c.articles); got != c.want {
			t.Errorf("catchUpMin(%d) = %d, want %d", c.articles, got, c.want)
		}
	}
	t.Setenv("NEWSGRAPH_DERIVED_MIN", "7")
	if got := catchUpMin(1000); got != derivedMin {
		t.Errorf("with NEWSGRAPH_DERIVED_MIN set, catchUpMin(1000) = %d, want derivedMin (%d)", got, derivedMin)
	}
}
