package queries

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// evidence and new_since name the relationship types they read (so that the server uses the
// per-type indexes instead of reading every MENTIONS): each must name every type of the
// vocabulary but MENTIONS, so that a new type is not silently left out of them. (corroboration
// reads the facts the loader keeps and their drawn relationships by element id: graph/neo4j's
// TestFactRelsStmtNamesEveryFactType checks the types the loader keeps facts for.)
func TestFactReportsNameEveryFactType(t *testing.T) {
	var want []string
	for _, r := range graph.Relations {
		if r.Type != graph.RelMentions {
			want = append(want, string(r.Type))
		}
	}
	sort.Strings(want)
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	typeRef := regexp.MustCompile(`\[r:([A-Z_|]+)\]`)
	for _, name := range []string{"evidence", "new_since"} {
		tm, ok := c.Get(name)
		if !ok {
			t.Fatalf("no template %s", name)
		}
		seen := map[string]bool{}
		for _, m := range typeRef.FindAllStringSubmatch(tm.Cypher(), -1) {
			for _, ty := range strings.Split(m[1], "|") {
				seen[ty] = true
			}
		}
		var got []string
		for ty := range seen {
			got = append(got, ty)
		}
		sort.Strings(got)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s reads %v; the vocabulary's types but MENTIONS are %v", name, got, want)
		}
	}
}
