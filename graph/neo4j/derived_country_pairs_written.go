package neo4j

import (
	"sort"

	"github.com/newsgraph/newsgraph/graph"
)

// What lifting an article to country pairs reads (pairLiftStmt) is the article's own
// relationships, and for the countries among their ends their names and ISO codes. An article
// the transaction created has them in its batch already: liftWritten keeps them as the batch
// creates them, and liftArticles reads back only the names and ISO codes of those countries
// (countryNamesStmt: a few hundred nodes), and the articles stored before in full. The catch-up
// of a load (derived_pending.go) gets them from the batch with its markers, as it gets the
// fact relationships (factWork.written). Read or kept, each relationship becomes a liftRow
// through liftRowOf: the rules of what counts for which country are stated once.

// liftRow is one relationship as lifting uses it (liftRowOf): k its kind, x and y the ends' ids (for kind
// 2 y is the ISO code the MENTIONS states, for kind 3 the Country's), xc and yc whether each
// is a Country, xn and yn the names of those that are, t the type, fam the family, eid the
// relationship's element id, and its date, key and status.
type liftRow struct {
	k                                        int8
	xc, yc                                   bool
	x, y, xn, yn, t, fam, eid, date, key, st string
}

// The kinds of liftRow.
const (
	liftFact     int8 = 0 // an actor relationship of a tie type
	liftStated   int8 = 1 // HOLDS_ROLE or LOCATED_IN from a non-Country to a Country
	liftDict     int8 = 2 // a MENTIONS with the role country of its person
	liftMention  int8 = 3 // a Country the article mentions
	liftRoleElse int8 = 4 // HOLDS_ROLE from a non-Country to anything else
)

// pendingLift is a liftRow of a created relationship whose element id comes from the create
// statement (fact: the index in its facts, -1 when none is needed).
type pendingLift struct {
	art  string
	fact int
	row  liftRow
}

// liftRowOf is the liftRow of a created relationship of type t (props: its properties), and
// whether lifting reads it.
func liftRowOf(t graph.RelType, from, to string, props map[string]any) (liftRow, bool) {
	xc, yc := isCountryID(from), isCountryID(to)
	r := liftRow{x: from, y: to, xc: xc, yc: yc}
	switch {
	case t == graph.RelMentions:
		c, stated := props["country"]
		if !yc && (!stated || c == nil) {
			return r, false
		}
		r.x, r.xc, r.y, r.yc = to, yc, str(c), false
		if yc {
			r.k, r.y = liftMention, "" // its ISO code is read with its name
		} else {
			r.k = liftDict
		}
		return r, true
	case t == graph.RelHoldsRole:
		r.k = liftRoleElse
		if yc {
			r.k = liftStated
		}
		return r, !xc
	case t == graph.RelLocatedIn:
		r.k = liftStated
		return r, !xc && yc
	}
	fam, ok := tieFamilies[t]
	if !ok {
		return r, false
	}
	if c, ok := props["cameo"].(string); ok {
		fam = c[:min(len(c), 2)]
	}
	r.k, r.t, r.fam = liftFact, string(t), fam
	r.date, r.key, r.st = str(props["date"]), str(props["key"]), str(props["status"])
	return r, true
}

func isCountryID(id string) bool {
	l, _ := graph.LabelOfID(id)
	return l == graph.LabelCountry
}

// keepWritten gives every article the transaction created an entry in its fact relationships
// (factWork.written) and its lift rows, empty or not (nothing of it is read back), and records
// the lift rows of the batch's created relationships once their element ids are known (facts:
// the created fact relationships, rid set).
func (w *txWriter) keepWritten(b *Batch, pending []pendingLift, facts []factRec) {
	for _, a := range b.Articles {
		if id := a["id"].(string); w.created[id] {
			if _, ok := w.facts.written[id]; !ok {
				w.facts.written[id] = nil
			}
			if _, ok := w.lifted[id]; !ok {
				w.lifted[id] = nil
			}
		}
	}
	for _, p := range pending {
		if p.fact >= 0 {
			p.row.eid = facts[p.fact].rid
		}
		w.lifted[p.art] = append(w.lifted[p.art], p.row)
	}
}

// countryNamesStmt reads the names and ISO codes of the Countries given by id (a unique seek
// each: the plan is kept).
const countryNamesStmt = noReplan + `UNWIND $ids AS id
MATCH (c:Country {id: id})
RETURN c.id, c.name, c.iso2`

// writtenLifts returns the lift rows of the articles of ids the transaction has from their
// batch (by article; the others in rest), with the names and ISO codes of their Countries
// read now.
func (w *txWriter) writtenLifts(ids []string) (map[string][]liftRow, []string, error) {
	out := map[string][]liftRow{}
	var rest []string
	need := map[string]bool{}
	for _, id := range ids {
		rows, ok := w.lifted[id]
		if !ok {
			rest = append(rest, id)
			continue
		}
		rows = append([]liftRow(nil), rows...) // filled in below; the batch's stay as they are
		out[id] = rows
		for _, r := range rows {
			if r.xc {
				need[r.x] = true
			}
			if r.yc {
				need[r.y] = true
			}
		}
	}
	if len(need) == 0 {
		return out, rest, nil
	}
	cids := make([]string, 0, len(need))
	for c := range need {
		cids = append(cids, c)
	}
	sort.Strings(cids)
	recs, err := w.allByIDs("reading the names of the articles' countries", countryNamesStmt, "ids", cids)
	if err != nil {
		return nil, nil, err
	}
	name, iso := map[string]string{}, map[string]string{}
	for _, r := range recs {
		id := str(r.Values[0])
		name[id], iso[id] = str(r.Values[1]), str(r.Values[2])
	}
	byName := func(id string) string { return name[id] }
	byISO := func(id string) string { return iso[id] }
	for _, rows := range out {
		for i := range rows {
			fillCountry(&rows[i], byName, byISO)
		}
	}
	return out, rest, nil
}

// fillCountry gives a lift row the names of its ends that are Countries and, for a Country the
// article mentions, its ISO code (name and iso by Country id).
func fillCountry(r *liftRow, name, iso func(id string) string) {
	if r.xc {
		r.xn = name(r.x)
	}
	if r.yc {
		r.yn = name(r.y)
	}
	if r.k == liftMention {
		r.y = iso(r.x)
	}
}
