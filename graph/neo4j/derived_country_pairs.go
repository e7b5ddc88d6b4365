package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The country_pairs report lifts each actor relationship (MET, SPOKE_WITH, SUPPORTED, VISITED,
// HOSTED, PRESSURED, CRITICIZED) to countries, by what the relationship's own article says of
// its two ends (docs/reports.md): a Country is itself; any other actor counts for the countries
// its HOLDS_ROLE or LOCATED_IN relationships of the same article lead to; a person the article
// gives no role (of a country or an organisation) counts for the country of its role on the article's date (the `country` of the
// article's MENTIONS of it, from the offices table and the Phoenix dictionaries) when the same
// article names that country. So a relationship's countries depend on its article alone, and the
// loader keeps the lifted relation grouped, one bookkeeping node per report row:
//
//	(:CountryPair {id, a, b, an, bn, rel, fam, sort, sortb, all_n, nn_n, all_sc, nn_sc, all_tc, nn_tc,
//	               all_st, nn_st, all_ty, nn_ty, all_arts, nn_arts, all_na, nn_na, all_new, nn_new})
//
// a and b are the ids of country_a and country_b, an and bn their names, rel cooperation or
// conflict, fam the CAMEO family (the first two characters of cameo, else the type's root code).
// MET and SPOKE_WITH lift to (a, b) in name order, the other types from the actor's country to
// the target's. sort is an, bn, rel and fam joined by U+0000 (the report's order; indexed),
// sortb the same with bn first (the rows of a given country_b in the report's order; indexed).
// Then over the group's lifted relationships (all_*) and those not negated (nn_*): how many (n),
// how many of each status (sc, per tieStatuses) and of each type (tc, per tieTypes), the
// statuses (st) and types (ty) present in the report's order, the distinct articles (arts) and
// their number (na), and the 10 newest (new: the report's drawing) as strings that sort newest
// first (newestKey).
//
// A group changes only when one of its articles is loaded, reloaded or retracted, in that
// transaction: before lifts the articles the transaction replaces (earlier versions, stored
// articles written again, retracted articles) before they change, settled lifts the articles it
// wrote, then locks every group either reaches and takes the first out and the second in
// (counts by difference; articles: those the transaction lifted are dropped and those with a
// lifted relationship now added back, exact because an article's relationships are all in one
// transaction; the newest: those gone dropped, those written merged in). Only when a drawn
// relationship went while the group has others not in the transaction is it lifted again from
// its articles (recomputePairs). A country renamed by the batch has every group of it lifted again
// from their articles (the order of MET pairs and the sort keys follow the names). A graph loaded
// by an earlier build gets the groups from backfillPairs (ApplySchema: `newsgraph schema apply`
// and the next load) until the marker node (id pairStateID) says it ran; that also removes the
// :ActorTie nodes and indexes of the build before.

// CountryPairLabel labels the country_pairs bookkeeping nodes: not part of the graph (summary,
// Counts and export leave them out).
const CountryPairLabel = "CountryPair"

// ActorTieLabel labelled the bookkeeping nodes of the build before (a tie per pair of actors,
// lifted when the report ran): backfillPairs deletes them.
const ActorTieLabel = "ActorTie"

// pairStateID is the id of the marker node (a CountryPair without a sort key) that says the
// groups were backfilled by this format.
const pairStateID = "state:country_pairs/3"

// tieNewest is how many relationships of a group (a report row) are drawn.
const tieNewest = 10

// tieFamilies is each actor type's root CAMEO code: the family of a relationship without cameo.
var tieFamilies = map[graph.RelType]string{graph.RelMet: "04", graph.RelSpokeWith: "04", graph.RelVisited: "04",
	graph.RelHosted: "04", graph.RelSupported: "05", graph.RelPressured: "10", graph.RelCriticized: "11"}

// pairTypeOrder is the report's order of the actor types (its types column).
var pairTypeOrder = []graph.RelType{graph.RelMet, graph.RelSpokeWith, graph.RelSupported, graph.RelVisited,
	graph.RelHosted, graph.RelPressured, graph.RelCriticized}

// tieTypes are the relationship types the report lifts, in a fixed order.
func tieTypes() []graph.RelType {
	out := make([]graph.RelType, 0, len(tieFamilies))
	for t := range tieFamilies {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// cpKey is a group: the two countries (ids and names), cooperation or conflict, the family.
type cpKey struct{ a, b, an, bn, rel, fam string }

func (k cpKey) id() string { return k.a + "\x00" + k.b + "\x00" + k.rel + "\x00" + k.fam }

// pairLiftStmt reads the relationships of the articles $ids that lifting may use: their
// actor relationships, HOLDS_ROLE and LOCATED_IN, and the MENTIONS that state a role country
// or reach a Country (the others, most of an article's, cannot lift). Each row is one
// relationship as liftRowOf takes it (type, ends' ids, the properties it reads), with its
// element id and, for an end that is a Country, its name and ISO code; liftRowOf decides
// what it counts for, as for a relationship the transaction created. Every read is an index
// seek by article, by hint: the plan is kept (noReplan).
func pairLiftStmt() string {
	const ret = `
  RETURN type(r) AS t, a.id AS x, b.id AS y, elementId(r) AS eid, r {.country, .cameo, .date, .key, .status} AS props,
         CASE WHEN a:Country THEN a.name END AS xn, CASE WHEN b:Country THEN b.name END AS yn, CASE WHEN b:Country THEN b.iso2 END AS iso`
	var parts []string
	for _, t := range append(tieTypes(), graph.RelHoldsRole, graph.RelLocatedIn) {
		parts = append(parts, "  MATCH (a)-[r:"+ident(string(t))+"]->(b) "+byArticle("r", t)+ret)
	}
	parts = append(parts, `  MATCH (a:Article {id: id})-[r:MENTIONS]->(b) USING INDEX SEEK a:Article(id) WHERE r.country IS NOT NULL OR b:Country`+ret)
	return noReplan + "UNWIND $ids AS id\nCALL (id) {\n" + strings.Join(parts, "\n  UNION ALL\n") + "\n}\nRETURN id, t, x, y, eid, props, xn, yn, iso"
}

// pairLift is one relationship lifted to a group.
type pairLift struct {
	key cpKey
	t   string
	rel tieRel
}

// liftedArticle is what pairLiftStmt read of one article, or its batch kept (liftRow).
type liftedArticle struct {
	facts   []liftRow
	stated  map[string][]string // actor -> the countries of its roles and locations
	roleOrg map[string]bool     // actor -> holds a role of an organisation in the article
	dict    map[string]string   // person -> the ISO code of its role on the article's date
	byISO   map[string]string   // ISO code -> the Country the article mentions
	country map[string]string   // Country id -> name
}

func newLiftedArticle() *liftedArticle {
	return &liftedArticle{stated: map[string][]string{}, roleOrg: map[string]bool{}, dict: map[string]string{},
		byISO: map[string]string{}, country: map[string]string{}}
}

// add notes one row of the article.
func (la *liftedArticle) add(r liftRow) {
	switch r.k {
	case liftFact:
		la.facts = append(la.facts, r)
	case liftStated:
		la.stated[r.x] = append(la.stated[r.x], r.y)
		la.country[r.y] = r.yn
	case liftRoleElse:
		la.roleOrg[r.x] = true
	case liftDict:
		la.dict[r.x] = r.y
	case liftMention:
		la.country[r.x] = r.xn
		if r.y != "" {
			la.byISO[r.y] = r.x
		}
	}
}

// liftArticles lifts the actor relationships of the given articles, in the graph as it is now:
// those the transaction has from their batch (writtenLifts), the others read (pairLiftStmt).
func (w *txWriter) liftArticles(ids []string) ([]pairLift, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	rows, rest, err := w.writtenLifts(ids)
	if err != nil {
		return nil, err
	}
	if len(rest) > 0 {
		recs, err := w.allByIDs("lifting the articles' relationships to countries", pairLiftStmt(), "ids", rest)
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			if id, row, ok := readLiftRow(r.AsMap()); ok {
				rows[id] = append(rows[id], row)
			}
		}
	}
	var out []pairLift
	for id, rs := range rows {
		la := newLiftedArticle()
		for _, r := range rs {
			la.add(r)
		}
		out = append(out, la.lift(id)...)
	}
	return out, nil
}

// readLiftRow is a record of pairLiftStmt: its article's id and the row liftRowOf makes of
// it, with the names and ISO code of its Countries (ok false: lifting does not use it).
func readLiftRow(m map[string]any) (string, liftRow, bool) {
	x, y := str(m["x"]), str(m["y"])
	props, _ := m["props"].(map[string]any)
	r, ok := liftRowOf(graph.RelType(str(m["t"])), x, y, props)
	if !ok {
		return "", r, false
	}
	if r.k == liftFact {
		r.eid = str(m["eid"])
	}
	name := func(id string) string { // the row's own ends: x, or else y
		if id == x {
			return str(m["xn"])
		}
		return str(m["yn"])
	}
	fillCountry(&r, name, func(string) string { return str(m["iso"]) }) // only y, a mentioned Country, has one
	return str(m["id"]), r, true
}

// countries are the countries actor x of the article counts for.
func (la *liftedArticle) countries(x string, isCountry bool, name string) []string {
	if isCountry {
		la.country[x] = name
		return []string{x}
	}
	if cs := la.stated[x]; len(cs) > 0 || la.roleOrg[x] {
		return cs
	}
	if c, ok := la.byISO[la.dict[x]]; ok && la.dict[x] != "" {
		return []string{c}
	}
	return nil
}

// lift lifts the article's actor relationships: every pair of countries of their two ends
// but a country with itself, each pair once.
func (la *liftedArticle) lift(art string) []pairLift {
	var out []pairLift
	for _, f := range la.facts {
		cx := la.countries(f.x, f.xc, f.xn)
		cy := la.countries(f.y, f.yc, f.yn)
		t := f.t
		rel := "cooperation"
		if t == string(graph.RelPressured) || t == string(graph.RelCriticized) {
			rel = "conflict"
		}
		r := tieRel{eid: f.eid, date: f.date, art: art, key: f.key, status: f.st}
		seen := map[string]bool{}
		for _, a := range cx {
			for _, b := range cy {
				if a == b || seen[a+"\x00"+b] {
					continue
				}
				seen[a+"\x00"+b] = true
				k := cpKey{a: a, b: b, an: la.country[a], bn: la.country[b], rel: rel, fam: f.fam}
				if (t == string(graph.RelMet) || t == string(graph.RelSpokeWith)) && k.bn < k.an {
					k.a, k.b, k.an, k.bn = k.b, k.a, k.bn, k.an
				}
				out = append(out, pairLift{key: k, t: t, rel: r})
			}
		}
	}
	return out
}

// pairLockStmt locks the groups given by id (creating those that do not exist yet) and returns
// what they hold.
const pairLockStmt = noReplan + `UNWIND $ids AS id
MERGE (g:CountryPair {id: id})
RETURN g.id AS id, g.all_n AS all_n, g.nn_n AS nn_n, g.all_sc AS all_sc, g.nn_sc AS nn_sc, g.all_tc AS all_tc,
       g.nn_tc AS nn_tc, g.all_arts AS all_arts, g.nn_arts AS nn_arts, g.all_new AS all_new, g.nn_new AS nn_new`

// pairSetStmt sets groups from the rows pairRow makes.
const pairSetStmt = noReplan + `UNWIND $rows AS row
MERGE (g:CountryPair {id: row.id})
SET g += row.props,
    g.sort = row.props.an + '\u0000' + row.props.bn + '\u0000' + row.props.rel + '\u0000' + row.props.fam,
    g.sortb = row.props.bn + '\u0000' + row.props.an + '\u0000' + row.props.rel + '\u0000' + row.props.fam
RETURN count(g)`

// pairDeleteStmt deletes the groups given by id.
var pairDeleteStmt = deleteByStmt(CountryPairLabel, "id", "ids")

// tieStatuses are the statuses the report shows, in its order; a group counts its
// relationships of each (sc).
var tieStatuses = []string{"reported", "planned", "hypothetical", "negated"}

// tieRel is one lifted relationship.
type tieRel struct{ eid, date, art, key, status, t string }

// newestKey is a string that sorts relationships newest first: the date with each digit
// inverted and U+FFFF after it (a shorter date, or none, after a longer one it starts), then
// the article and key ascending, then the element id (the part after the last U+0000).
func (r tieRel) newestKey() string {
	d := []byte(r.date)
	for i, c := range d {
		if c >= '0' && c <= '9' {
			d[i] = '9' - c + '0'
		}
	}
	return string(d) + "\uffff\x00" + r.art + "\x00" + r.key + "\x00" + r.eid
}

// tieSide is what a group holds over its relationships (all), or those not negated (nn).
type tieSide struct {
	n      int64
	sc     []int64         // per tieStatuses
	tc     []int64         // per pairTypeOrder
	arts   map[string]bool // distinct articles
	newest []string        // newestKey of the (at most tieNewest) newest
}

func newSide() tieSide {
	return tieSide{sc: make([]int64, len(tieStatuses)), tc: make([]int64, len(pairTypeOrder)), arts: map[string]bool{}}
}

// sideOf is the side of a group over exactly rels.
func sideOf(rels []tieRel) tieSide {
	s := newSide()
	for _, r := range rels {
		s.add(r, 1)
		if r.art != "" {
			s.arts[r.art] = true
		}
		s.newest = append(s.newest, r.newestKey())
	}
	s.trim()
	return s
}

// add counts r once more (sign 1) or once less (-1) in n, sc and tc.
func (s *tieSide) add(r tieRel, sign int64) {
	s.n += sign
	for i, st := range tieStatuses {
		if r.status == st {
			s.sc[i] += sign
		}
	}
	for i, t := range pairTypeOrder {
		if r.t == string(t) {
			s.tc[i] += sign
		}
	}
}

func (s *tieSide) trim() {
	sort.Strings(s.newest)
	if len(s.newest) > tieNewest {
		s.newest = s.newest[:tieNewest]
	}
}

// storedSide reads a side of a locked group (prefix all or nn); a new group holds nothing.
func storedSide(m map[string]any, prefix string) tieSide {
	s := newSide()
	s.n, _ = m[prefix+"_n"].(int64)
	for i, v := range asAnyList(m[prefix+"_sc"]) {
		if i < len(s.sc) {
			s.sc[i], _ = v.(int64)
		}
	}
	for i, v := range asAnyList(m[prefix+"_tc"]) {
		if i < len(s.tc) {
			s.tc[i], _ = v.(int64)
		}
	}
	for _, a := range strs(m[prefix+"_arts"]) {
		s.arts[a] = true
	}
	s.newest = strs(m[prefix+"_new"])
	return s
}

func asAnyList(v any) []any { l, _ := v.([]any); return l }

// update brings a stored side up to date: the relationships of the articles the transaction
// replaced (before; touched are every article it lifted) out, those it wrote (after) in. It
// reports false when a drawn relationship went and the group has others not in the batch that
// may take its place: the side must then be lifted again from its articles.
func (s *tieSide) update(before, after []tieRel, touched map[string]bool) bool {
	gone := map[string]bool{}
	for _, r := range before {
		s.add(r, -1)
		gone[r.eid] = true
	}
	unchanged := s.n
	for a := range s.arts {
		if touched[a] {
			delete(s.arts, a)
		}
	}
	kept := s.newest[:0:0]
	for _, k := range s.newest {
		if !gone[k[strings.LastIndexByte(k, 0)+1:]] {
			kept = append(kept, k)
		}
	}
	complete := int64(len(kept)) >= unchanged
	s.newest = kept
	for _, r := range after {
		s.add(r, 1)
		if r.art != "" {
			s.arts[r.art] = true
		}
		s.newest = append(s.newest, r.newestKey())
	}
	s.trim()
	return complete || len(s.newest) == tieNewest && len(kept) >= tieNewest
}

// pairRow is the row of pairSetStmt for group k with its two sides.
func pairRow(k cpKey, all, nn tieSide) map[string]any {
	props := map[string]any{"a": k.a, "b": k.b, "an": k.an, "bn": k.bn, "rel": k.rel, "fam": k.fam}
	for p, s := range map[string]tieSide{"all": all, "nn": nn} {
		var st, ty []string
		sc, tc := make([]any, len(s.sc)), make([]any, len(s.tc))
		for i, n := range s.sc {
			sc[i] = n
			if n > 0 {
				st = append(st, tieStatuses[i])
			}
		}
		for i, n := range s.tc {
			tc[i] = n
			if n > 0 {
				ty = append(ty, string(pairTypeOrder[i]))
			}
		}
		arts := make([]string, 0, len(s.arts))
		for a := range s.arts {
			arts = append(arts, a)
		}
		sort.Strings(arts)
		newEIDs := make([]string, len(s.newest))
		for i, x := range s.newest {
			newEIDs[i] = x[strings.LastIndexByte(x, 0)+1:]
		}
		props[p+"_n"], props[p+"_sc"], props[p+"_tc"], props[p+"_st"], props[p+"_ty"] = s.n, sc, tc, anyList(st), anyList(ty)
		props[p+"_arts"], props[p+"_na"], props[p+"_new"], props[p+"_eids"] = anyList(arts), int64(len(arts)), anyList(s.newest), anyList(newEIDs)
	}
	return map[string]any{"id": k.id(), "props": props}
}

// pairWork is a transaction's work on the groups: the lifted relationships of the articles it
// replaces (before) and writes (after) by group id, the groups, and the articles lifted.
type pairWork struct {
	keys          map[string]cpKey
	before, after map[string][]tieRel
	touched       map[string]bool
}

func (w *txWriter) pairWork() *pairWork {
	if w.ties == nil {
		w.ties = &pairWork{keys: map[string]cpKey{}, before: map[string][]tieRel{}, after: map[string][]tieRel{},
			touched: map[string]bool{}}
	}
	return w.ties
}

// liftInto lifts articles into before or after.
func (w *txWriter) liftInto(ids []string, into map[string][]tieRel) error {
	pw := w.pairWork()
	for _, id := range ids {
		pw.touched[id] = true
	}
	lifts, err := w.liftArticles(ids)
	if err != nil {
		return err
	}
	for _, l := range lifts {
		r := l.rel
		r.t = l.t
		pw.keys[l.key.id()] = l.key
		into[l.key.id()] = append(into[l.key.id()], r)
	}
	return nil
}

// pairsBefore lifts the relationships stored for articles, before the transaction changes them.
func (w *txWriter) pairsBefore(ids []string) error {
	pw := w.pairWork()
	var fresh []string
	for _, id := range ids {
		if !pw.touched[id] {
			fresh = append(fresh, id)
		}
	}
	return w.liftInto(fresh, pw.before)
}

// pairsAfter lifts the relationships of the batch's articles (b nil for a retraction) and brings
// every group they or those lifted before reach up to date; then rebuilds the groups of the
// countries the batch renamed.
func (w *txWriter) pairsAfter(b *Batch) error {
	var ids []string
	if b != nil {
		ids = factBatchIDs(b)
	}
	return w.pairsAfterIDs(ids)
}

// pairsAfterIDs is pairsAfter for the articles ids (derived_pending.go catches them up).
func (w *txWriter) pairsAfterIDs(ids []string) error {
	pw := w.pairWork()
	defer func() { w.ties = nil }()
	if err := w.liftInto(ids, pw.after); err != nil {
		return err
	}
	if err := w.updatePairs(pw); err != nil {
		return err
	}
	return w.renamePairs(pw)
}

// updatePairs locks the groups of pw and updates them by difference.
func (w *txWriter) updatePairs(pw *pairWork) error {
	if len(pw.keys) == 0 {
		return nil
	}
	ids := make([]string, 0, len(pw.keys))
	for id := range pw.keys {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same lock order in every transaction
	recs, err := w.all("locking the country pairs", pairLockStmt, map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	var rows, gone []any
	var redo, redoArts []string
	for _, r := range recs {
		m := r.AsMap()
		id := str(m["id"])
		all, nn := storedSide(m, "all"), storedSide(m, "nn")
		okAll := all.update(pw.before[id], pw.after[id], pw.touched)
		okNN := nn.update(notNegated(pw.before[id]), notNegated(pw.after[id]), pw.touched)
		switch {
		case all.n <= 0:
			gone = append(gone, id)
		case !okAll || !okNN:
			redo = append(redo, id)
			for a := range all.arts {
				redoArts = append(redoArts, a)
			}
		default:
			rows = append(rows, pairRow(pw.keys[id], all, nn))
		}
	}
	more, less, err := w.recomputePairs(redoArts, func(k cpKey) bool { return containsStr(redo, k.id()) }, redo)
	if err != nil {
		return err
	}
	return w.setAndRemove(derivedWrite{"setting country pairs", pairSetStmt, append(rows, more...)},
		derivedWrite{"removing country pairs no relationship holds", pairDeleteStmt, append(gone, less...)}, "ids")
}

func containsStr(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

func notNegated(rels []tieRel) []tieRel {
	var out []tieRel
	for _, r := range rels {
		if r.status != "negated" {
			out = append(out, r)
		}
	}
	return out
}

// recomputePairs lifts the given articles again and rebuilds from scratch the groups keep
// accepts; old are the ids of the groups being rebuilt: those no lifted relationship reaches any
// more are returned to delete. Every article of each rebuilt group must be among arts.
func (w *txWriter) recomputePairs(arts []string, keep func(cpKey) bool, old []string) (rows, gone []any, err error) {
	if len(old) == 0 {
		return nil, nil, nil
	}
	uniq := map[string]bool{}
	var ids []string
	for _, a := range arts {
		if !uniq[a] {
			uniq[a] = true
			ids = append(ids, a)
		}
	}
	sort.Strings(ids)
	lifts, err := w.liftArticles(ids)
	if err != nil {
		return nil, nil, err
	}
	rels, keys := map[string][]tieRel{}, map[string]cpKey{}
	for _, l := range lifts {
		if keep(l.key) {
			r := l.rel
			r.t = l.t
			rels[l.key.id()] = append(rels[l.key.id()], r)
			keys[l.key.id()] = l.key
		}
	}
	for id, rs := range rels {
		rows = append(rows, pairRow(keys[id], sideOf(rs), sideOf(notNegated(rs))))
	}
	sort.Slice(rows, func(i, j int) bool { return str(rows[i].(map[string]any)["id"]) < str(rows[j].(map[string]any)["id"]) })
	for _, id := range old {
		if _, ok := rels[id]; !ok {
			gone = append(gone, id)
		}
	}
	return rows, gone, nil
}

// pairRenameStmt reads every group of the given countries with its articles.
const pairRenameStmt = noReplan + `UNWIND $ids AS c
CALL (c) {
  MATCH (g:CountryPair {a: c}) RETURN g
  UNION
  MATCH (g:CountryPair {b: c}) RETURN g
}
RETURN DISTINCT g.id AS id, g.all_arts AS arts`

// renamePairs rebuilds every group of a Country the transaction renamed from the articles of
// those groups and those the transaction lifted (the MET order and the sort keys follow names).
func (w *txWriter) renamePairs(pw *pairWork) error {
	var renamed []string
	for id := range w.facts.renamed {
		if isCountryID(id) {
			renamed = append(renamed, id)
		}
	}
	if len(renamed) == 0 {
		return nil
	}
	sort.Strings(renamed)
	recs, err := w.all("reading the country pairs of renamed countries", pairRenameStmt, map[string]any{"ids": anyList(renamed)})
	if err != nil {
		return err
	}
	var old, arts []string
	for _, r := range recs {
		m := r.AsMap()
		old = append(old, str(m["id"]))
		arts = append(arts, strs(m["arts"])...)
	}
	if len(old) == 0 {
		return nil
	}
	for a := range pw.touched {
		arts = append(arts, a)
	}
	isRenamed := func(k cpKey) bool { return containsStr(renamed, k.a) || containsStr(renamed, k.b) }
	rows, gone, err := w.recomputePairs(arts, isRenamed, old)
	if err != nil {
		return err
	}
	return w.setAndRemove(derivedWrite{"setting country pairs of renamed countries", pairSetStmt, rows},
		derivedWrite{"removing country pairs of renamed countries", pairDeleteStmt, gone}, "ids")
}

// pairBackfillChunk is how many articles one backfill transaction lifts.
const pairBackfillChunk = 2000

// backfillPairs builds the groups of a graph loaded by a build that did not keep them: it drops
// the :ActorTie nodes and indexes of the build before, deletes any group there is (10,000 a
// transaction), lifts every article (pairBackfillChunk a transaction, added to the groups as a
// load adds them) and writes the marker. A graph with the marker costs one read.
func (s *Store) backfillPairs(ctx context.Context) (int, error) {
	recs, err := s.read(ctx, `MATCH (m:CountryPair {id: $id}) RETURN count(m)`, map[string]any{"id": pairStateID})
	if err != nil {
		return 0, fmt.Errorf("backfilling country pairs: %w", s.classify(ctx, err))
	}
	if n, _ := recs[0].Values[0].(int64); n > 0 {
		return 0, nil
	}
	s.log.Info("backfilling the country pairs (a graph loaded by an earlier build)")
	if err := s.dropTies(ctx); err != nil {
		return 0, fmt.Errorf("backfilling country pairs: %w", err)
	}
	if err := s.deleteDerived(ctx, CountryPairLabel); err != nil {
		return 0, fmt.Errorf("backfilling country pairs: %w", err)
	}
	recs, err = s.read(ctx, `MATCH (a:Article) RETURN a.id ORDER BY a.id`, nil)
	if err != nil {
		return 0, fmt.Errorf("backfilling country pairs: %w", s.classify(ctx, err))
	}
	for start := 0; start < len(recs); start += pairBackfillChunk {
		var ids []string
		for _, r := range recs[start:min(start+pairBackfillChunk, len(recs))] {
			ids = append(ids, str(r.Values[0]))
		}
		err := s.factsWrite(ctx, func(w *txWriter) error {
			pw := w.pairWork()
			defer func() { w.ties = nil }()
			if err := w.liftInto(ids, pw.after); err != nil {
				return err
			}
			return w.updatePairs(pw)
		})
		if err != nil {
			return 0, fmt.Errorf("backfilling country pairs: %w", err)
		}
	}
	written := 0
	err = s.factsWrite(ctx, func(w *txWriter) error {
		rec, _, err := w.one("marking the country pairs", `MERGE (m:CountryPair {id: $id})
WITH m MATCH (g:CountryPair) WHERE g.sort IS NOT NULL RETURN count(g)`, map[string]any{"id": pairStateID})
		if err == nil {
			n, _ := rec.Values[0].(int64)
			written = int(n)
		}
		return err
	})
	if err != nil {
		return written, fmt.Errorf("backfilling country pairs: %w", err)
	}
	s.log.Info("country pairs backfilled", "pairs", written)
	return written, nil
}

// dropTies removes what the build before kept for the report: the :ActorTie nodes (10,000 a
// transaction) and their constraint and index.
func (s *Store) dropTies(ctx context.Context) error {
	if err := s.deleteDerived(ctx, ActorTieLabel); err != nil {
		return err
	}
	for _, stmt := range []string{"DROP CONSTRAINT actortie_id IF EXISTS", "DROP INDEX actortie_pair IF EXISTS"} {
		err := s.factsWrite(ctx, func(w *txWriter) error {
			_, err := w.all("dropping the country pair ties' schema", stmt, nil)
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// pairSchema is what the groups need: the id (MERGE), the sort keys (the report's order, with
// or without a country) and the two countries (renames).
func pairSchema() []SchemaItem {
	out := []SchemaItem{uniqueItem(CountryPairLabel, "id")}
	for _, p := range []string{"sort", "sortb", "a", "b"} {
		out = append(out, indexItem(CountryPairLabel, p))
	}
	return out
}

// pairData is the country_pairs groups (derived.go).
type pairData struct{}

func (pairData) before(w *txWriter, ids []string) error { return w.pairsBefore(ids) }
func (pairData) written(*txWriter, *Batch) error        { return nil }
func (pairData) settled(w *txWriter, b *Batch) error    { return w.pairsAfter(b) }
func (pairData) schema() []SchemaItem                   { return pairSchema() }

func (pairData) backfill(ctx context.Context, s *Store, _ *backfillRun) error {
	_, err := s.backfillPairs(ctx)
	return err
}
