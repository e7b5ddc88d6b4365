package neo4j

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestDateIndexOnEveryModelType: evidence reads the relationships between two hubs newest
// first, type by type, so every relationship type of the model but MENTIONS has exactly one
// range index on date.
func TestDateIndexOnEveryModelType(t *testing.T) {
	n := map[string]int{}
	for _, it := range Schema() {
		if it.Entity == "RELATIONSHIP" && it.Prop == "date" {
			if it.Kind != "index" {
				t.Errorf("%s: %s, want a range index", it.Name, it.Kind)
			}
			n[it.On]++
		}
	}
	for _, r := range graph.Relations {
		want := 1
		if r.Type == graph.RelMentions {
			want = 0
		}
		if n[string(r.Type)] != want {
			t.Errorf("%s: %d date indexes, want %d", r.Type, n[string(r.Type)], want)
		}
	}
}
