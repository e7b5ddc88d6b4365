//go:build integration

package neo4j

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// wantRankSorts writes the sort strings of each actor from a from-scratch count
// (recomputeRanks), independently of the loader: counts descending as 9999999999 - n in
// ten digits (degree, facts, articles), the name after \x02 (\x03 when none), the id, all
// joined by \x01; lsort_* put the lower-case label in front.
func wantRankSorts(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.Query(context.Background(), recomputeRanks, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows.Rows {
		id, label := r[0].(string), r[2].(string)
		name := "\x03"
		if nm, ok := r[1].(string); ok {
			name = "\x02" + nm
		}
		articles := r[11].(int64)
		line := []string{id}
		for _, v := range []struct{ degree, facts int }{{3, 4}, {7, 8}} { // _all, _nn
			sk := fmt.Sprintf("%010d\x01%010d\x01%010d\x01%s\x01%s", 9999999999-r[v.degree].(int64),
				9999999999-r[v.facts].(int64), 9999999999-articles, name, id)
			line = append(line, sk, strings.ToLower(label)+"\x01"+sk)
		}
		out = append(out, fmt.Sprintf("%q", line))
	}
	return out
}

func storedRankSorts(t *testing.T, s *Store) []string {
	t.Helper()
	rows, err := s.Query(context.Background(), `MATCH (s:ActorRank)
RETURN s.actor, s.sort_all, s.lsort_all, s.sort_nn, s.lsort_nn ORDER BY s.actor`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows.Rows {
		line := make([]string, len(r))
		for i, v := range r {
			line[i], _ = v.(string)
		}
		out = append(out, fmt.Sprintf("%q", line))
	}
	return out
}

// checkRankSorts fails unless the ranks' counts equal a from-scratch count (checkRanks)
// and their sort strings are those of the counts.
func checkRankSorts(t *testing.T, s *Store, step string) {
	t.Helper()
	checkRanks(t, s, step)
	want, got := wantRankSorts(t, s), storedRankSorts(t, s)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: rank sort strings\n%s\nwant\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestRanksFollowTheGraph: the ActorRank nodes, counts and sort strings (which the other
// tests do not compare), equal a from-scratch count after a fresh load in batches of two, a
// reload in batches of one where actors are renamed (a Person, a Country and an
// Organization) and their relationships change status, and a retraction that deletes
// orphans (their ranks go).
func TestRanksFollowTheGraph(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readReportsGraph(t), graph.LoadOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	checkRankSorts(t, s, "fresh load")

	d := readReportsGraph(t)
	renamed := map[graph.Label]bool{}
	for i := range d.Nodes {
		if l := d.Nodes[i].Label; isActorLabel(l) && !renamed[l] {
			renamed[l] = true
			d.Nodes[i].Name = "Renamed " + d.Nodes[i].Name
		}
	}
	negated := 0
	for i := range d.Edges {
		if e := &d.Edges[i]; isActorType(string(e.Type)) && e.Status != "negated" && negated < 3 {
			e.Status, negated = "negated", negated+1
		}
	}
	if len(renamed) != 3 || negated == 0 {
		t.Fatalf("the test graph has nothing to change (%v, %d)", renamed, negated)
	}
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	checkRankSorts(t, s, "reload with renamed actors")

	before := len(storedRankSorts(t, s))
	if _, err := s.Retract(ctx, []string{d.Articles[0].ID}, false); err != nil {
		t.Fatal(err)
	}
	checkRankSorts(t, s, "retraction")
	if after := len(storedRankSorts(t, s)); after >= before {
		t.Errorf("retraction: %d ranks, %d before: want the ranks of the deleted actors gone", after, before)
	}
}
