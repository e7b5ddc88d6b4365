package neo4j

import (
	"fmt"
	"sort"
	"testing"
)

// TestPairSchema: the groups have a unique id (the loader merges by it) and indexes on the two
// sort keys (the report's order) and the two countries, all in Schema.
func TestPairSchema(t *testing.T) {
	want := map[string]string{"countrypair_id": "constraint", "countrypair_sort": "index", "countrypair_sortb": "index",
		"countrypair_a": "index", "countrypair_b": "index"}
	got := map[string]string{}
	for _, it := range Schema() {
		if it.On == CountryPairLabel {
			got[it.Name] = it.Kind
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("country pair schema %v, want %v", got, want)
	}
}

// TestNewestKeyOrder: the keys sort newest date first (a date that starts a longer one, or
// none, after it), then article and key ascending, as ORDER BY coalesce(date, ”) DESC,
// article, key does.
func TestNewestKeyOrder(t *testing.T) {
	rels := []tieRel{
		{eid: "1", date: "2024-05-03", art: "b", key: "k"},
		{eid: "2", date: "2024-05-03", art: "a", key: "z"},
		{eid: "3", date: "2024-05", art: "a", key: "k"},
		{eid: "4", date: "", art: "a", key: "k"},
		{eid: "5", date: "2025-01-01", art: "z", key: "k"},
		{eid: "6", date: "2024-05-03", art: "a", key: "y"},
		{eid: "7", date: "1999-12-31", art: "a", key: "k"},
	}
	var keys []string
	byKey := map[string]string{}
	for _, r := range rels {
		k := r.newestKey()
		keys = append(keys, k)
		byKey[k] = r.eid
	}
	sort.Strings(keys)
	var got string
	for _, k := range keys {
		got += byKey[k]
	}
	if want := "5621374"; got != want {
		t.Errorf("order %s, want %s", got, want)
	}
}

// TestTieSideUpdate: a side updated by difference equals the side of its relationships after
// the change; it asks for a re-read only when a drawn relationship went and others not in the
// batch may take its place.
func TestTieSideUpdate(t *testing.T) {
	rel := func(eid, date, art string) tieRel {
		return tieRel{eid: eid, date: date, art: art, key: "k" + eid, status: "reported"}
	}
	var old []tieRel
	for i := 0; i < 12; i++ {
		old = append(old, rel(fmt.Sprint("r", i), fmt.Sprintf("2024-01-%02d", i+1), fmt.Sprint("art", i)))
	}
	// an article with an old relationship replaced by a new one: nothing drawn goes
	s := sideOf(old)
	before, after := []tieRel{old[0]}, []tieRel{rel("x", "2030-01-01", old[0].art)}
	if ok := s.update(before, after, map[string]bool{old[0].art: true}); !ok {
		t.Fatalf("re-read asked for although no drawn relationship went")
	}
	now := append(append([]tieRel{}, old[1:]...), after...)
	if want := sideOf(now); s.n != want.n || len(s.arts) != len(want.arts) || join(s.newest) != join(want.newest) || s.sc[0] != want.sc[0] {
		t.Errorf("updated %+v, want %+v", s, want)
	}
	// the newest relationship retracted with its article: the 11th must come in, unknown here
	s = sideOf(old)
	newest := old[11]
	var others []tieRel
	for _, r := range old {
		if r.art == newest.art {
			others = append(others, r)
		}
	}
	if ok := s.update(others, nil, map[string]bool{newest.art: true}); ok {
		t.Errorf("no re-read asked for when a drawn relationship went and 2 others were not drawn")
	}
}

func join(l []string) string {
	out := ""
	for _, s := range l {
		out += s + "|"
	}
	return out
}
