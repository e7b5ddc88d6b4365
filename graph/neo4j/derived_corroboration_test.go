package neo4j

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// The loader reads every relationship type of the vocabulary but MENTIONS for the facts, so
// that a new type is not silently left out of the corroboration report.
func TestFactRelsStmtNamesEveryFactType(t *testing.T) {
	for _, r := range graph.Relations {
		has := strings.Contains(factRelsStmt, "[r:"+ident(string(r.Type))+"]")
		if has != (r.Type != graph.RelMentions) {
			t.Errorf("factRelsStmt names %s: %v", r.Type, has)
		}
	}
}

// The sort strings order facts as the report's ORDER BY articles DESC, relation, subject,
// object, month, status does (a null status or name last).
func TestFactSortKeyOrder(t *testing.T) {
	mk := func(articles int, t, title, xn, yn, month, status any) string {
		f := corrFact{t: t.(string), x: "x", y: "y", xn: xn, yn: yn, status: status, title: title, month: month.(string)}
		return f.sortKey(articles)
	}
	want := []string{
		mk(12, "MET", nil, "B", "A", "", "reported"),
		mk(2, "MET", nil, "A", "B", "", "reported"),
		mk(1, "MET", nil, "A", "B", "", "reported"),
		mk(1, "MET", nil, "A", "B", "2025-01", "planned"),
		mk(1, "MET", nil, "A", "B", "2025-01", "reported"),
		mk(1, "MET", nil, "A", "B", "2025-01", nil),
		mk(1, "MET", nil, "A", "Bb", "", "reported"),
		mk(1, "MET", nil, "Ab", "A", "", "reported"),
		mk(1, "MET", nil, nil, "A", "", "reported"),
		mk(1, "MET", "", "A", "A", "", "reported"),
		mk(1, "MET", "chair", "A", "A", "", "reported"),
		mk(1, "MET_X", nil, "A", "A", "", "reported"),
	}
	got := append([]string{}, want...)
	sort.Strings(got)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("position %d: got %q, want %q", i, got[i], want[i])
		}
	}
}

// MET and SPOKE_WITH facts are the same whichever way the relationship points; others not.
func TestFactOfOrdersSymmetricEnds(t *testing.T) {
	a := factOf("MET", "person:b", "person:a", "B", "A", "reported", nil, "")
	b := factOf("MET", "person:a", "person:b", "A", "B", "reported", nil, "")
	if a.key() != b.key() || a.xn != "A" {
		t.Errorf("MET: %+v vs %+v", a, b)
	}
	c := factOf("PRESSURED", "person:b", "person:a", "B", "A", "reported", nil, "")
	d := factOf("PRESSURED", "person:a", "person:b", "A", "B", "reported", nil, "")
	if c.key() == d.key() {
		t.Errorf("PRESSURED: one key for both directions")
	}
}

// The derived nodes' schema comes at the end of Schema: the facts' unique key and indexes on
// sort, tsort, x and y; an index on fact for every fact relationship type; the actor ranks'
// unique actor id and four sort strings; the pairs' key.
func TestFactSchema(t *testing.T) {
	want := []string{"constraint:CorroborationFact.key", "index:CorroborationFact.sort", "index:CorroborationFact.tsort",
		"index:CorroborationFact.x", "index:CorroborationFact.y"}
	want = append(want, "constraint:ActorRank.actor", "index:ActorRank.sort_all", "index:ActorRank.sort_nn",
		"index:ActorRank.lsort_all", "index:ActorRank.lsort_nn", "constraint:ActorPair.key")
	// The derived items, in order, somewhere in the schema (other reports' items may follow).
	all := Schema()
	start := slices.IndexFunc(all, func(it SchemaItem) bool { return it.On == FactLabel })
	if start < 0 || start+len(want) > len(all) {
		t.Fatalf("no corroboration items in the schema")
	}
	var got []string
	for _, it := range all[start : start+len(want)] {
		got = append(got, it.Kind+":"+it.On+"."+it.Prop)
	}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("derived schema %v, want %v", got, want)
	}
	if len(factTypes()) != len(graph.Relations)-1 {
		t.Errorf("fact types %v", factTypes())
	}
}
