package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The country_pairs report lifts each actor relationship (MET, SPOKE_WITH, SUPPORTED, VISITED,
// HOSTED, PRESSURED, CRITICIZED) to countries: a Country is itself, anything else counts for
// every country it holds a role in or is located in. Which countries a person counts for
// changes whenever they gain or lose a role, and a hub person counts for dozens, so the lifted
// relation is not kept (at 100k articles it has ~350M rows). What the loader keeps is the
// unlifted side, one bookkeeping node per (start node, end node, type, CAMEO family):
//
//	(:ActorTie {id, a, b, pair, type, fam, all_n, nn_n, all_sc, nn_sc, all_st, nn_st,
//	            all_arts, nn_arts, all_new, nn_new})
//
// a and b are the ids of the relationship's two ends as stored, pair the two ids in string
// order joined by U+0000 (indexed: the report looks up the ties between two sets of actors),
// fam the family (the first two characters of cameo, else the type's root code); then, over the
// relationships of the tie (all_*) and those not negated (nn_*): how many (n), how many of each
// status the report shows (sc, per tieStatuses) and those present (st), the distinct articles
// (arts), and the 10 newest (new: the report's drawing) as strings that sort newest first
// (newestKey). The report lifts the ties' ends at read time, from the roles and locations as
// they are, so a role gained or lost needs no change here.
//
// A tie is updated in the write transaction that changes one of its relationships, by what
// that transaction replaces and writes, so its cost follows the batch, not the graph: before
// reads the actor relationships stored for the articles the transaction replaces (earlier
// versions, stored articles written again, retracted articles), settled reads those of the
// articles it wrote, then locks every tie either belongs to and takes the first out and the
// second in (counts by difference; articles: those the transaction read or wrote are dropped and
// those with a relationship now added back, which is exact because an article's relationships
// are all in the same transaction; the newest: those gone dropped, those written merged in).
// Only when a drawn relationship went while the tie has others that may take its place is the
// tie read again from the graph (tieRecomputeStmt). Ties left with none are deleted. Exact after
// every committed batch: fresh load, changed reload, retract, orphan deletion, identity merges
// (ties key on node ids). A graph loaded by an earlier build gets them from backfillTies
// (ApplySchema: `newsgraph schema apply` and the next load) until the marker node (id
// tieStateID) says it ran.

// ActorTieLabel labels the country_pairs bookkeeping nodes: not part of the graph (summary,
// Counts and export leave them out).
const ActorTieLabel = "ActorTie"

// tieStateID is the id of the marker node (an ActorTie without a pair) that says the ties were
// backfilled by this format.
const tieStateID = "state:country_pairs/2"

// tieNewest is how many relationships of a tie (and of a report row) are drawn.
const tieNewest = 10

// tieFamilies is each actor type's root CAMEO code: the family of a relationship without cameo.
var tieFamilies = map[graph.RelType]string{graph.RelMet: "04", graph.RelSpokeWith: "04", graph.RelVisited: "04",
	graph.RelHosted: "04", graph.RelSupported: "05", graph.RelPressured: "10", graph.RelCriticized: "11"}

// tieTypes are the relationship types the report lifts, in a fixed order.
func tieTypes() []graph.RelType {
	out := make([]graph.RelType, 0, len(tieFamilies))
	for t := range tieFamilies {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// tieKey is a tie: the element ids of its two nodes (valid in the transaction that found
// them), their ids, the type and the family.
type tieKey struct{ ae, be, a, b, t, fam string }

func (k tieKey) id() string { return k.a + "\x00" + k.b + "\x00" + k.t + "\x00" + k.fam }

// tieRelsStmt reads the actor relationships stored for articles ($ids) with what a tie keeps
// of them: each one's tie (ends, type, family) and element id, date, article, key and status.
func tieRelsStmt() string {
	var parts []string
	for _, t := range tieTypes() {
		parts = append(parts, "  MATCH (a)-[r:"+ident(string(t))+"]->(b) WHERE r.article = id"+`
  RETURN elementId(a) AS ae, elementId(b) AS be, a.id AS a, b.id AS b, '`+string(t)+`' AS t,
         coalesce(left(r.cameo, 2), '`+tieFamilies[t]+`') AS fam,
         elementId(r) AS eid, r.date AS date, r.article AS art, r.key AS key, r.status AS status`)
	}
	return noReplan + "UNWIND $ids AS id\nCALL (id) {\n" + strings.Join(parts, "\n  UNION ALL\n") + "\n}\nRETURN *"
}

// tieKeysStmt lists the ties of every actor relationship (the backfill).
func tieKeysStmt() string {
	var parts []string
	for _, t := range tieTypes() {
		parts = append(parts, "  MATCH (a)-[r:"+ident(string(t))+`]->(b)
  RETURN elementId(a) AS ae, elementId(b) AS be, a.id AS a, b.id AS b, '`+string(t)+`' AS t,
         coalesce(left(r.cameo, 2), '`+tieFamilies[t]+`') AS fam`)
	}
	return noReplan + "CALL () {\n" + strings.Join(parts, "\n  UNION\n") + "\n}\nRETURN DISTINCT ae, be, a, b, t, fam"
}

// tieLockStmt locks the ties given by id (creating those that do not exist yet) and returns
// what they hold.
const tieLockStmt = noReplan + `UNWIND $ids AS id
MERGE (g:ActorTie {id: id})
RETURN g.id AS id, g.all_n AS all_n, g.nn_n AS nn_n, g.all_sc AS all_sc, g.nn_sc AS nn_sc,
       g.all_arts AS all_arts, g.nn_arts AS nn_arts, g.all_new AS all_new, g.nn_new AS nn_new`

// tieRecomputeStmt reads every relationship of ties of type t between their two nodes (the
// backfill, and a tie that lost one of its drawn relationships), after locking them.
func tieRecomputeStmt(t graph.RelType) string {
	return noReplan + `UNWIND $keys AS k
MERGE (g:ActorTie {id: k.id})
WITH k
OPTIONAL MATCH (a) WHERE elementId(a) = k.ae AND a.id = k.a
OPTIONAL MATCH (b) WHERE elementId(b) = k.be AND b.id = k.b
CALL (a, b, k) {
  OPTIONAL MATCH (a)-[r:` + ident(string(t)) + `]->(b) WHERE coalesce(left(r.cameo, 2), '` + tieFamilies[t] + `') = k.fam
  RETURN collect([elementId(r), r.date, r.article, r.key, r.status]) AS rels
}
RETURN k.id AS id, rels`
}

// tieSetStmt sets ties from the rows tieState.row makes.
const tieSetStmt = noReplan + `UNWIND $rows AS row
MATCH (g:ActorTie {id: row.id})
SET g.a = row.a, g.b = row.b, g.type = row.t, g.fam = row.fam,
    g.pair = CASE WHEN row.a < row.b THEN row.a + '\u0000' + row.b ELSE row.b + '\u0000' + row.a END,
    g.all_n = row.all_n, g.nn_n = row.nn_n, g.all_sc = row.all_sc, g.nn_sc = row.nn_sc,
    g.all_st = row.all_st, g.nn_st = row.nn_st, g.all_arts = row.all_arts, g.nn_arts = row.nn_arts,
    g.all_new = row.all_new, g.nn_new = row.nn_new
RETURN count(g)`

// tieDeleteStmt deletes the ties given by id.
var tieDeleteStmt = deleteByStmt(ActorTieLabel, "id", "ids")

// tieStatuses are the statuses the report shows, in its order; a tie counts its
// relationships of each (sc).
var tieStatuses = []string{"reported", "planned", "hypothetical", "negated"}

// tieRel is one relationship of a tie.
type tieRel struct{ eid, date, art, key, status string }

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

func tieRelOf(v []any) tieRel {
	return tieRel{eid: str(v[0]), date: str(v[1]), art: str(v[2]), key: str(v[3]), status: str(v[4])}
}

// tieSide is what a tie holds over its relationships (all), or those not negated (nn).
type tieSide struct {
	n      int64
	sc     []int64         // per tieStatuses
	arts   map[string]bool // distinct articles
	newest []string        // newestKey of the (at most tieNewest) newest
}

// sideOf is the side of a tie over exactly rels.
func sideOf(rels []tieRel) tieSide {
	s := tieSide{sc: make([]int64, len(tieStatuses)), arts: map[string]bool{}}
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

// add counts r once more (sign 1) or once less (-1) in n and sc.
func (s *tieSide) add(r tieRel, sign int64) {
	s.n += sign
	for i, st := range tieStatuses {
		if r.status == st {
			s.sc[i] += sign
		}
	}
}

func (s *tieSide) trim() {
	sort.Strings(s.newest)
	if len(s.newest) > tieNewest {
		s.newest = s.newest[:tieNewest]
	}
}

// storedSide reads a side of a locked tie (prefix all or nn); a new tie holds nothing.
func storedSide(m map[string]any, prefix string) tieSide {
	s := tieSide{sc: make([]int64, len(tieStatuses)), arts: map[string]bool{}}
	s.n, _ = m[prefix+"_n"].(int64)
	for i, v := range asAnyList(m[prefix+"_sc"]) {
		if i < len(s.sc) {
			s.sc[i], _ = v.(int64)
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
// replaced (before; touched are every article it read or wrote) out, those it wrote (after)
// in. It reports false when a drawn relationship went and the tie has others not in the batch
// that may take its place: the side must then be recomputed from the graph.
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

// tieRow is the row of tieSetStmt for tie k with its two sides.
func tieRow(k tieKey, all, nn tieSide) map[string]any {
	row := map[string]any{"id": k.id(), "a": k.a, "b": k.b, "t": k.t, "fam": k.fam}
	for p, s := range map[string]tieSide{"all": all, "nn": nn} {
		var st []string
		sc := make([]any, len(s.sc))
		for i, n := range s.sc {
			sc[i] = n
			if n > 0 {
				st = append(st, tieStatuses[i])
			}
		}
		sort.Strings(st)
		arts := make([]string, 0, len(s.arts))
		for a := range s.arts {
			arts = append(arts, a)
		}
		sort.Strings(arts)
		row[p+"_n"], row[p+"_sc"], row[p+"_st"], row[p+"_arts"], row[p+"_new"] = s.n, sc, anyList(st), anyList(arts), anyList(s.newest)
	}
	return row
}

// tieWork is a transaction's work on the ties: the relationships of the articles it replaces
// (before) and writes (after) by tie id, the ties, and the articles read or written.
type tieWork struct {
	keys          map[string]tieKey
	before, after map[string][]tieRel
	touched       map[string]bool
}

func (w *txWriter) tieWork() *tieWork {
	if w.ties == nil {
		w.ties = &tieWork{keys: map[string]tieKey{}, before: map[string][]tieRel{}, after: map[string][]tieRel{},
			touched: map[string]bool{}}
	}
	return w.ties
}

// readTieRels reads the actor relationships of articles into before or after.
func (w *txWriter) readTieRels(ids []string, into map[string][]tieRel) error {
	tw := w.tieWork()
	for _, id := range ids {
		tw.touched[id] = true
	}
	if len(ids) == 0 {
		return nil
	}
	recs, err := w.all("reading the country pair ties of the articles", tieRelsStmt(), map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	for _, r := range recs {
		m := r.AsMap()
		k := tieKey{ae: str(m["ae"]), be: str(m["be"]), a: str(m["a"]), b: str(m["b"]), t: str(m["t"]), fam: str(m["fam"])}
		rel := tieRel{eid: str(m["eid"]), date: str(m["date"]), art: str(m["art"]), key: str(m["key"]), status: str(m["status"])}
		tw.keys[k.id()] = k
		into[k.id()] = append(into[k.id()], rel)
	}
	return nil
}

// tiesBefore reads the actor relationships stored for articles, before the transaction
// changes them.
func (w *txWriter) tiesBefore(ids []string) error {
	tw := w.tieWork()
	var fresh []string
	for _, id := range ids {
		if !tw.touched[id] {
			fresh = append(fresh, id)
		}
	}
	return w.readTieRels(fresh, tw.before)
}

// tiesAfter reads the actor relationships of the batch's articles (b nil for a retraction) and
// brings every tie they or the relationships read before belong to up to date.
func (w *txWriter) tiesAfter(b *Batch) error {
	tw := w.tieWork()
	defer func() { w.ties = nil }()
	if b != nil {
		if err := w.readTieRels(factBatchIDs(b), tw.after); err != nil {
			return err
		}
	}
	if len(tw.keys) == 0 {
		return nil
	}
	ids := make([]string, 0, len(tw.keys))
	for id := range tw.keys {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same lock order in every transaction
	recs, err := w.all("locking the country pair ties", tieLockStmt, map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	var rows, gone []any
	redo := map[string]tieKey{}
	for _, r := range recs {
		m := r.AsMap()
		id := str(m["id"])
		k := tw.keys[id]
		all, nn := storedSide(m, "all"), storedSide(m, "nn")
		okAll := all.update(tw.before[id], tw.after[id], tw.touched)
		okNN := nn.update(notNegated(tw.before[id]), notNegated(tw.after[id]), tw.touched)
		switch {
		case !okAll || !okNN:
			redo[id] = k
		case all.n == 0:
			gone = append(gone, id)
		default:
			rows = append(rows, tieRow(k, all, nn))
		}
	}
	more, less, err := w.recomputeTies(redo)
	if err != nil {
		return err
	}
	return w.setAndRemove(derivedWrite{"setting country pair ties", tieSetStmt, append(rows, more...)},
		derivedWrite{"removing country pair ties no relationship holds", tieDeleteStmt, append(gone, less...)}, "ids")
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

// recomputeTies reads every relationship of the given ties from the graph (a statement per
// type) and returns the rows of those that have some and the ids of the others.
func (w *txWriter) recomputeTies(ties map[string]tieKey) (rows, gone []any, err error) {
	byType := map[string][]any{}
	for _, k := range ties {
		byType[k.t] = append(byType[k.t], map[string]any{"id": k.id(), "ae": k.ae, "be": k.be, "a": k.a, "b": k.b, "fam": k.fam})
	}
	for _, t := range tieTypes() {
		keys := byType[string(t)]
		if len(keys) == 0 {
			continue
		}
		sort.Slice(keys, func(i, j int) bool { return str(keys[i].(map[string]any)["id"]) < str(keys[j].(map[string]any)["id"]) })
		recs, err := w.all("recomputing "+string(t)+" country pair ties", tieRecomputeStmt(t), map[string]any{"keys": keys})
		if err != nil {
			return nil, nil, err
		}
		for _, r := range recs {
			m := r.AsMap()
			var all []tieRel
			for _, x := range asAnyList(m["rels"]) {
				if v := asAnyList(x); len(v) == 5 && v[0] != nil {
					all = append(all, tieRelOf(v))
				}
			}
			id := str(m["id"])
			if len(all) == 0 {
				gone = append(gone, id)
				continue
			}
			rows = append(rows, tieRow(ties[id], sideOf(all), sideOf(notNegated(all))))
		}
	}
	return rows, gone, nil
}

// tieBackfillChunk is how many ties one backfill transaction recomputes.
const tieBackfillChunk = 1000

// backfillTies builds the ties of a graph loaded by a build that did not keep them: it deletes
// any tie there is (10,000 a transaction), recomputes every tie of the actor relationships
// (tieBackfillChunk a transaction) and writes the marker. A graph with the marker costs one read.
func (s *Store) backfillTies(ctx context.Context) (int, error) {
	recs, err := s.read(ctx, `MATCH (m:ActorTie {id: $id}) RETURN count(m)`, map[string]any{"id": tieStateID})
	if err != nil {
		return 0, fmt.Errorf("backfilling country pair ties: %w", s.classify(ctx, err))
	}
	if n, _ := recs[0].Values[0].(int64); n > 0 {
		return 0, nil
	}
	s.log.Info("backfilling the country pair ties (a graph loaded by an earlier build)")
	if err := s.deleteDerived(ctx, ActorTieLabel); err != nil {
		return 0, fmt.Errorf("backfilling country pair ties: %w", err)
	}
	recs, err = s.read(ctx, tieKeysStmt(), nil)
	if err != nil {
		return 0, fmt.Errorf("backfilling country pair ties: %w", s.classify(ctx, err))
	}
	written := 0
	for start := 0; start < len(recs); start += tieBackfillChunk {
		ties := map[string]tieKey{}
		for _, r := range recs[start:min(start+tieBackfillChunk, len(recs))] {
			m := r.AsMap()
			k := tieKey{ae: str(m["ae"]), be: str(m["be"]), a: str(m["a"]), b: str(m["b"]), t: str(m["t"]), fam: str(m["fam"])}
			ties[k.id()] = k
		}
		n := 0
		err := s.factsWrite(ctx, func(w *txWriter) error {
			rows, gone, err := w.recomputeTies(ties)
			if err != nil {
				return err
			}
			n = len(rows)
			return w.setAndRemove(derivedWrite{"setting country pair ties", tieSetStmt, rows},
				derivedWrite{"removing country pair ties no relationship holds", tieDeleteStmt, gone}, "ids")
		})
		if err != nil {
			return written, fmt.Errorf("backfilling country pair ties: %w", err)
		}
		written += n
	}
	err = s.factsWrite(ctx, func(w *txWriter) error {
		_, _, err := w.one("marking the country pair ties", `MERGE (m:ActorTie {id: $id}) RETURN 1`, map[string]any{"id": tieStateID})
		return err
	})
	if err != nil {
		return written, fmt.Errorf("backfilling country pair ties: %w", err)
	}
	s.log.Info("country pair ties backfilled", "ties", written)
	return written, nil
}

// tieSchema is what the ties need: the id (MERGE) and the pair (the report's lookup).
func tieSchema() []SchemaItem {
	return []SchemaItem{uniqueItem(ActorTieLabel, "id"), indexItem(ActorTieLabel, "pair")}
}

// tieData is the country_pairs ties (derived.go).
type tieData struct{}

func (tieData) before(w *txWriter, ids []string) error { return w.tiesBefore(ids) }
func (tieData) written(*txWriter, *Batch) error        { return nil }
func (tieData) settled(w *txWriter, b *Batch) error    { return w.tiesAfter(b) }
func (tieData) schema() []SchemaItem                   { return tieSchema() }

func (tieData) backfill(ctx context.Context, s *Store, _ *backfillRun) error {
	_, err := s.backfillTies(ctx)
	return err
}
