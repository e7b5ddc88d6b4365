//go:build integration

// The pressure_network groups the loader keeps, against a real Neo4j. WIPES THE DATABASE IT
// IS POINTED AT (see store_integration_test.go).
package neo4j

import (
	"context"
	"fmt"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// pressureDoc is an extraction of articles given as id -> (doc_key, PRESSURED facts); each
// fact is "from>to|topic|status|date". names renames nodes (id -> name) in this file.
func pressureDoc(arts map[string][2]any, names map[string]string) string {
	var b strings.Builder
	b.WriteString(meta)
	nodes := map[string][]string{} // node id -> articles
	var edges []string
	ids := sortedKeys(arts)
	for _, id := range ids {
		a := arts[id]
		fmt.Fprintf(&b, `{"kind":"article","id":%q,"source":"c/%s.txt","doc_key":%q,"hash":%q}`+"\n", id, id, a[0], "h"+id)
		for i, f := range a[1].([]string) {
			parts := strings.Split(f, "|")
			ends := strings.Split(parts[0], ">")
			for _, n := range ends {
				if len(nodes[n]) == 0 || nodes[n][len(nodes[n])-1] != id {
					nodes[n] = append(nodes[n], id)
					edges = append(edges, fmt.Sprintf(`{"kind":"edge","type":"MENTIONS","from":%q,"to":%q,"article":%q,"rule":"MENTIONS","evidence":{"sentence":"s","start":0,"end":1},"props":{"aliases":[],"count":1}}`, id, n, id))
				}
			}
			e := fmt.Sprintf(`{"kind":"edge","type":"PRESSURED","from":%q,"to":%q,"article":%q,"rule":"PRESSURED/verb/press%d","evidence":{"sentence":"s%d","start":0,"end":2}`, ends[0], ends[1], id, i, i)
			if parts[1] != "" {
				e += fmt.Sprintf(`,"topic":%q`, parts[1])
			}
			if parts[2] != "" {
				e += fmt.Sprintf(`,"status":%q`, parts[2])
			}
			if parts[3] != "" {
				e += fmt.Sprintf(`,"date":%q`, parts[3])
			}
			edges = append(edges, e+"}")
		}
	}
	for _, n := range sortedKeys(nodes) {
		label, name := "Person", strings.TrimPrefix(n, "person:")
		if strings.HasPrefix(n, "country:") {
			label, name = "Country", strings.TrimPrefix(n, "country:")
		}
		if names[n] != "" {
			name = names[n]
		}
		fmt.Fprintf(&b, `{"kind":"node","id":%q,"label":%q,"name":%q,"articles":["%s"]}`+"\n", n, label, name, strings.Join(nodes[n], `","`))
	}
	for _, e := range edges {
		b.WriteString(e + "\n")
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// storedPressure is every group the loader kept, one line each, sorted.
func storedPressure(t *testing.T, s *Store) string {
	t.Helper()
	return groupLines(t, s, `MATCH (g:PressureGroup) WHERE g.id <> $state
RETURN g.id, g.a, g.b, g.presser, g.pressed, g.topic, g.topic_lc, g.status, g.times, g.articles, g.first, g.last,
       [x IN g.sample | [(s)-[r]->(o) WHERE elementId(r) = x | r.key][0]], g.sort`,
		map[string]any{"state": pressureStateID})
}

// scratchPressure computes the same lines from the PRESSURED relationships, the way the
// report did before the groups were kept; the sort key is built here, in Go.
func scratchPressure(t *testing.T, s *Store) string {
	t.Helper()
	recs, err := s.read(context.Background(), `MATCH (a)-[r:PRESSURED]->(b)
WITH a, b, coalesce(r.topic, '') AS topic, r.status AS status, count(*) AS times,
     count(DISTINCT r.article) AS articles, min(r.date) AS first, max(r.date) AS last, collect(r) AS rs
CALL (rs) {
  UNWIND rs AS r
  WITH r ORDER BY coalesce(r.date, '') DESC, r.article, r.key LIMIT 10
  RETURN collect(r.key) AS sample
}
RETURN a.id, b.id, a.name, b.name, topic, status, times, articles, first, last, sample`, nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		v := r.Values
		status, _ := v[5].(string)
		times := v[6].(int64)
		id := fmt.Sprintf("%s|%s|%s|%s", v[0], v[1], status, v[4])
		sortStatus := status
		if v[5] == nil {
			sortStatus = "\uffff"
		}
		sortKey := fmt.Sprintf("%012d\x00%s\x00%s\x00%s\x00%s", 999999999999-times, v[2], v[3], v[4], sortStatus)
		out = append(out, fmt.Sprint([]any{id, v[0], v[1], v[2], v[3], v[4], strings.ToLower(v[4].(string)), v[5], times, v[7], v[8], v[9], v[10], sortKey}))
	}
	return sortLines(out)
}

func groupLines(t *testing.T, s *Store, cypher string, params map[string]any) string {
	t.Helper()
	recs, err := s.read(context.Background(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		out = append(out, fmt.Sprint(r.Values))
	}
	return sortLines(out)
}

func sortLines(l []string) string {
	m := map[string]bool{}
	for _, x := range l {
		m[x] = true
	}
	if len(m) != len(l) {
		return "DUPLICATE LINES\n" + strings.Join(l, "\n")
	}
	return strings.Join(sortedKeys(m), "\n")
}

func checkPressure(t *testing.T, s *Store, step string, wantGroups int) {
	t.Helper()
	got, want := storedPressure(t, s), scratchPressure(t, s)
	if got != want {
		t.Errorf("%s: the pressure groups kept differ from a recomputation:\n got:\n%s\nwant:\n%s", step, got, want)
	}
	if n := strings.Count(want, "\n") + 1; want == "" && wantGroups != 0 || want != "" && n != wantGroups {
		t.Errorf("%s: %d groups, want %d:\n%s", step, n, wantGroups, want)
	}
}

// TestPressureGroupsFollowTheGraph: after a fresh load, a reload of a changed article (a
// fact's topic changed, one removed), a later article renaming a node, an edited version of
// an article (same doc_key, another id), and a retraction, the groups kept equal a
// recomputation from the PRESSURED relationships (counts, distinct articles, first and last
// date, names and the sort key). Skipping any of the maintenance leaves a stale group.
func TestPressureGroupsFollowTheGraph(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	arts := map[string][2]any{
		"a-1": {"/c/a", []string{"person:rutte>country:nl|Defence spending|reported|2024-05-01", "person:rutte>country:nl|defence|planned|2024-05-02", "person:rutte>country:nl||hypothetical|"}},
		"b-1": {"/c/b", []string{"person:rutte>country:nl|Defence spending|reported|2024-06-01", "country:nl>person:rutte|Defence spending|negated|2024-06-01"}},
	}
	load(t, s, pressureDoc(arts, nil))
	checkPressure(t, s, "fresh load", 4)

	arts["a-1"] = [2]any{"/c/a", []string{"person:rutte>country:nl|Budget|reported|2024-05-01"}}
	load(t, s, strings.Replace(pressureDoc(arts, nil), `"hash":"ha-1"`, `"hash":"ha-1v2"`, 1))
	checkPressure(t, s, "changed reload", 3)

	load(t, s, pressureDoc(map[string][2]any{"c-1": {"/c/c", []string{"person:rutte>country:nl|Budget|reported|2023-01-01"}}},
		map[string]string{"person:rutte": "Mark Rutte"}))
	checkPressure(t, s, "renamed by a later article", 3)
	if got := groupLines(t, s, `MATCH (g:PressureGroup {a: 'person:rutte'}) RETURN DISTINCT g.presser`, nil); got != "[Mark Rutte]" {
		t.Errorf("presser after the rename: %s", got)
	}

	load(t, s, pressureDoc(map[string][2]any{"b-2": {"/c/b", []string{"person:rutte>country:nl|Defence spending|hypothetical|2024-07-01"}}},
		map[string]string{"person:rutte": "Mark Rutte"}))
	checkPressure(t, s, "edited version of b (same doc_key, new id)", 2)

	if _, err := s.Retract(ctx, []string{"c-1", "a-1"}, false); err != nil {
		t.Fatal(err)
	}
	checkPressure(t, s, "retract", 1)
	if _, err := s.Retract(ctx, []string{"b-2"}, false); err != nil {
		t.Fatal(err)
	}
	checkPressure(t, s, "retract the last", 0)
}

// TestPressureGroupsBackfill: a graph loaded without the groups (here: deleted, with the
// marker) gets them from ApplySchema, equal to a recomputation; a second ApplySchema finds
// the marker and writes nothing.
func TestPressureGroupsBackfill(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	load(t, s, pressureDoc(map[string][2]any{
		"a-1": {"/c/a", []string{"person:rutte>country:nl|Defence|reported|2024-05-01", "person:rutte>country:nl|Defence|reported|2024-05-03"}},
		"b-1": {"/c/b", []string{"country:nl>person:rutte||planned|2024-06-01"}},
	}, nil))
	if _, err := s.read(ctx, `MATCH (g:PressureGroup) RETURN count(g)`, nil); err != nil {
		t.Fatal(err)
	}
	w := func(cypher string) {
		sess := s.session(ctx, driver.AccessModeWrite)
		defer sess.Close(ctx)
		res, err := sess.Run(ctx, cypher, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	w(`MATCH (g:PressureGroup) DETACH DELETE g`)
	if got := storedPressure(t, s); got != "" {
		t.Fatalf("groups left: %s", got)
	}
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkPressure(t, s, "backfill", 2)
	n, err := s.BackfillPressureGroups(ctx)
	if err != nil || n != 0 {
		t.Errorf("second backfill: %d groups written, %v; want none (marker)", n, err)
	}
	if c := counts(t, s); c.TotalNodes != 4 {
		t.Errorf("Counts: %d nodes, want 4 (2 articles, 2 entities; the groups and marker left out)", c.TotalNodes)
	}
}

// TestPressureGroupSample: a group of 12 relationships keeps the element ids of its 10 newest
// (by date, then article and key) for the report's drawing; retracting the newest article
// brings the next one in.
func TestPressureGroupSample(t *testing.T) {
	s := openClean(t)
	arts := map[string][2]any{}
	for i := 1; i <= 12; i++ {
		arts[fmt.Sprintf("a-%02d", i)] = [2]any{fmt.Sprintf("/c/%02d", i), []string{fmt.Sprintf("person:rutte>country:nl|Budget|reported|2024-01-%02d", i)}}
	}
	load(t, s, pressureDoc(arts, nil))
	checkPressure(t, s, "12 articles", 1)
	if got := groupLines(t, s, `MATCH (g:PressureGroup {a: 'person:rutte'}) RETURN size(g.sample), g.times`, nil); got != "[10 12]" {
		t.Errorf("sample size and times: %s, want [10 12]", got)
	}
	if _, err := s.Retract(context.Background(), []string{"a-12"}, false); err != nil {
		t.Fatal(err)
	}
	checkPressure(t, s, "newest retracted", 1)
}
