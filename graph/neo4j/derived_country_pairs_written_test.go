package neo4j

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestLiftRowOf: a relationship gives the lift row of its kind, or none where lifting does
// not use it.
func TestLiftRowOf(t *testing.T) {
	props := func(kv ...any) map[string]any {
		m := map[string]any{"article": "a1", "key": "k1", "status": "reported", "date": "2024-05-01"}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	for _, c := range []struct {
		name     string
		t        graph.RelType
		from, to string
		props    map[string]any
		ok       bool
		want     liftRow
	}{
		{"met, family from its CAMEO code", graph.RelMet, "person:a", "country:x", props("cameo", "0421"), true,
			liftRow{k: liftFact, x: "person:a", y: "country:x", yc: true, t: "MET", fam: "04", date: "2024-05-01", key: "k1", st: "reported"}},
		{"pressured without a code: the type's family", graph.RelPressured, "country:x", "country:y", props(), true,
			liftRow{k: liftFact, x: "country:x", y: "country:y", xc: true, yc: true, t: "PRESSURED", fam: "10", date: "2024-05-01", key: "k1", st: "reported"}},
		{"not a tie type", graph.RelAttended, "person:a", "event:e", props(), false, liftRow{}},
		{"role in a country", graph.RelHoldsRole, "person:a", "country:x", props("title", "president"), true,
			liftRow{k: liftStated, x: "person:a", y: "country:x", yc: true}},
		{"role in an organisation", graph.RelHoldsRole, "person:a", "org:o", props(), true,
			liftRow{k: liftRoleElse, x: "person:a", y: "org:o"}},
		{"a country's role: not read", graph.RelHoldsRole, "country:x", "org:o", props(), false, liftRow{}},
		{"located in a country", graph.RelLocatedIn, "place:p", "country:x", props(), true,
			liftRow{k: liftStated, x: "place:p", y: "country:x", yc: true}},
		{"located elsewhere: not read", graph.RelLocatedIn, "place:p", "place:q", props(), false, liftRow{}},
		{"a country mentioned: its ISO code read later", graph.RelMentions, "a1", "country:x", props(), true,
			liftRow{k: liftMention, x: "country:x", xc: true}},
		{"a person mentioned with a role country", graph.RelMentions, "a1", "person:a", props("country", "FR"), true,
			liftRow{k: liftDict, x: "person:a", y: "FR"}},
		{"a person mentioned without one: not read", graph.RelMentions, "a1", "person:a", props(), false, liftRow{}},
	} {
		got, ok := liftRowOf(c.t, c.from, c.to, c.props)
		if ok != c.ok || ok && got != c.want {
			t.Errorf("%s: %+v, %v; want %+v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
}

// TestReadLiftRow: a record of pairLiftStmt gives the row liftRowOf makes of its relationship,
// with the element id of a fact and the names and ISO code of its Countries; one lifting does
// not use gives none.
func TestReadLiftRow(t *testing.T) {
	rec := func(typ, x, y, xn, yn, iso string, props map[string]any) map[string]any {
		m := map[string]any{"id": "a1", "t": typ, "x": x, "y": y, "eid": "4:e:7", "props": props}
		for k, v := range map[string]string{"xn": xn, "yn": yn, "iso": iso} {
			if v != "" {
				m[k] = v
			} else {
				m[k] = nil
			}
		}
		return m
	}
	stated := map[string]any{"country": nil, "cameo": "0421", "date": "2024-05-01", "key": "k1", "status": "reported"}
	for _, c := range []struct {
		name string
		rec  map[string]any
		ok   bool
		want liftRow
	}{
		{"a fact between two countries", rec("MET", "country:x", "country:y", "X", "Y", "YY", stated), true,
			liftRow{k: liftFact, x: "country:x", y: "country:y", xc: true, yc: true, xn: "X", yn: "Y", t: "MET", fam: "04",
				eid: "4:e:7", date: "2024-05-01", key: "k1", st: "reported"}},
		{"a role in a country: its name, no element id", rec("HOLDS_ROLE", "person:a", "country:x", "", "X", "XX", map[string]any{}), true,
			liftRow{k: liftStated, x: "person:a", y: "country:x", yc: true, yn: "X"}},
		{"a country mentioned: its name and ISO code", rec("MENTIONS", "a1", "country:x", "", "X", "XX", map[string]any{"country": nil}), true,
			liftRow{k: liftMention, x: "country:x", xc: true, xn: "X", y: "XX"}},
		{"a person mentioned with a role country", rec("MENTIONS", "a1", "person:a", "", "", "", map[string]any{"country": "FR"}), true,
			liftRow{k: liftDict, x: "person:a", y: "FR"}},
		{"a person mentioned without one", rec("MENTIONS", "a1", "person:a", "", "", "", map[string]any{"country": nil}), false, liftRow{}},
		{"located elsewhere", rec("LOCATED_IN", "place:p", "place:q", "", "", "", map[string]any{}), false, liftRow{}},
	} {
		id, got, ok := readLiftRow(c.rec)
		if ok != c.ok || ok && (got != c.want || id != "a1") {
			t.Errorf("%s: %q %+v, %v; want a1 %+v, %v", c.name, id, got, ok, c.want, c.ok)
		}
	}
}
