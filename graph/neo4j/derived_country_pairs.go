package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// The country_pairs report lifts each actor relationship (MET, SPOKE_WITH, SUPPORTED, VISITED,
// HOSTED, PRESSURED, CRITICIZED) to countries: a Country is itself, anything else counts for
// every country it holds a role in or is located in. Which countries a person counts for
// changes whenever they gain or lose a role, and a hub person counts for dozens, so the lifted
// relation is not kept (at 100k articles it has ~350M rows). What the loader keeps is the
// unlifted side, one bookkeeping node per (start node, end node, type, CAMEO family):
//
//	(:ActorTie {id, a, b, pair, type, fam, all_n, nn_n, all_st, nn_st, all_arts, nn_arts,
//	            all_new, nn_new})
//
// a and b are the ids of the relationship's two ends as stored, pair the two ids in string
// order joined by U+0000 (indexed: the report looks up the ties between two sets of actors),
// fam the family (the first two characters of cameo, else the type's root code); then, over the
// relationships of the tie (all_*) and those not negated (nn_*): how many (n), their distinct
// statuses (st) and articles (arts), and the 10 newest (new: the report's drawing) as strings
// that sort newest first (tieNewest). The report lifts the ties' ends at read time, from the
// roles and locations as they are, so a role gained or lost needs no change here.
//
// A tie is recomputed from the relationships between its two nodes in the write transaction
// that changes one of them, as the pressure groups are (derived_pressure.go): before notes the
// ties of the relationships stored for the articles the transaction replaces, settled adds
// those of the relationships the batch writes and recomputes them all, deleting the ties left
// with none. Exact after every committed batch: fresh load, changed reload, retract, orphan
// deletion, identity merges (ties key on node ids). A graph loaded by an earlier build gets
// them from backfillTies (ApplySchema: `newsgraph schema apply` and the next load) until the
// marker node (id tieStateID) says it ran.

// ActorTieLabel labels the country_pairs bookkeeping nodes: not part of the graph (summary,
// Counts and export leave them out).
const ActorTieLabel = "ActorTie"

// tieStateID is the id of the marker node (an ActorTie without a pair) that says the ties were
// backfilled by this format.
const tieStateID = "state:country_pairs/1"

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

func (k tieKey) param() map[string]any {
	return map[string]any{"id": k.id(), "ae": k.ae, "be": k.be, "a": k.a, "b": k.b, "t": k.t, "fam": k.fam,
		"dfam": tieFamilies[graph.RelType(k.t)]}
}

// tieFamily is the family of a relationship of type t with the given cameo (nil: none), as
// coalesce(left(r.cameo, 2), root) computes it.
func tieFamily(t graph.RelType, cameo any) string {
	c, ok := cameo.(string)
	if !ok {
		return tieFamilies[t]
	}
	if r := []rune(c); len(r) > 2 {
		return string(r[:2])
	}
	return c
}

// tieKeysStmt lists the ties of the actor relationships stored for articles ($ids), or of
// every actor relationship with $all.
func tieKeysStmt(all bool) string {
	var parts []string
	for _, t := range tieTypes() {
		where := " WHERE r.article = id"
		if all {
			where = ""
		}
		parts = append(parts, "  MATCH (a)-[r:"+ident(string(t))+"]->(b)"+where+`
  RETURN elementId(a) AS ae, elementId(b) AS be, a.id AS a, b.id AS b, '`+string(t)+`' AS t,
         coalesce(left(r.cameo, 2), '`+tieFamilies[t]+`') AS fam`)
	}
	head := "UNWIND $ids AS id\nCALL (id) {\n"
	if all {
		head = "CALL () {\n"
	}
	return noReplan + head + strings.Join(parts, "\n  UNION\n") + "\n}\nRETURN DISTINCT ae, be, a, b, t, fam"
}

// tieRecomputeStmt locks each tie (MERGE) and reads the relationships between its two nodes.
const tieRecomputeStmt = noReplan + `UNWIND $keys AS k
MERGE (g:ActorTie {id: k.id})
WITH k
OPTIONAL MATCH (a) WHERE elementId(a) = k.ae AND a.id = k.a
OPTIONAL MATCH (b) WHERE elementId(b) = k.be AND b.id = k.b
CALL (a, b, k) {
  OPTIONAL MATCH (a)-[r]->(b) WHERE type(r) = k.t AND coalesce(left(r.cameo, 2), k.dfam) = k.fam
  RETURN collect([elementId(r), r.date, r.article, r.key, r.status]) AS rels
}
RETURN k.id AS id, k.a AS a, k.b AS b, k.t AS t, k.fam AS fam, rels`

// tieSetStmt sets ties from the rows tieRow makes.
const tieSetStmt = noReplan + `UNWIND $rows AS row
MATCH (g:ActorTie {id: row.id})
SET g.a = row.a, g.b = row.b, g.type = row.t, g.fam = row.fam,
    g.pair = CASE WHEN row.a < row.b THEN row.a + '\u0000' + row.b ELSE row.b + '\u0000' + row.a END,
    g.all_n = row.all_n, g.nn_n = row.nn_n, g.all_st = row.all_st, g.nn_st = row.nn_st,
    g.all_arts = row.all_arts, g.nn_arts = row.nn_arts, g.all_new = row.all_new, g.nn_new = row.nn_new
RETURN count(g)`

// tieDeleteStmt deletes the ties given by id.
const tieDeleteStmt = noReplan + `UNWIND $ids AS id
MATCH (g:ActorTie {id: id})
DELETE g
RETURN count(*)`

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

// tieSide is what a tie holds over some of its relationships.
func tieSide(rels []tieRel) (n int, statuses, arts, newest []any) {
	st, ar := map[string]bool{}, map[string]bool{}
	keys := make([]string, 0, len(rels))
	for _, r := range rels {
		if r.status != "" {
			st[r.status] = true
		}
		if r.art != "" {
			ar[r.art] = true
		}
		keys = append(keys, r.newestKey())
	}
	sort.Strings(keys)
	if len(keys) > tieNewest {
		keys = keys[:tieNewest]
	}
	return len(rels), sortedAny(st), sortedAny(ar), anyList(keys)
}

func sortedAny(set map[string]bool) []any {
	out := make([]string, 0, len(set))
	for s := range set {
		out = append(out, s)
	}
	sort.Strings(out)
	return anyList(out)
}

// tieRow is the row of tieSetStmt for a tie and its relationships (nil: none left).
func tieRow(m map[string]any) map[string]any {
	list, _ := m["rels"].([]any)
	var all, nn []tieRel
	for _, x := range list {
		v, _ := x.([]any)
		if len(v) < 5 || v[0] == nil {
			continue
		}
		r := tieRel{eid: str(v[0]), date: str(v[1]), art: str(v[2]), key: str(v[3]), status: str(v[4])}
		all = append(all, r)
		if r.status != "negated" {
			nn = append(nn, r)
		}
	}
	if len(all) == 0 {
		return nil
	}
	row := map[string]any{"id": m["id"], "a": m["a"], "b": m["b"], "t": m["t"], "fam": m["fam"]}
	for side, rels := range map[string][]tieRel{"all": all, "nn": nn} {
		n, st, arts, newest := tieSide(rels)
		row[side+"_n"], row[side+"_st"], row[side+"_arts"], row[side+"_new"] = n, st, arts, newest
	}
	return row
}

// tiesBefore notes the ties of the actor relationships stored for articles, before the
// transaction changes them.
func (w *txWriter) tiesBefore(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := w.all("reading the country pair ties of the articles", tieKeysStmt(false), map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	w.noteTies(recs)
	return nil
}

func (w *txWriter) noteTies(recs []*neo4j.Record) {
	if w.ties == nil {
		w.ties = map[string]tieKey{}
	}
	for _, r := range recs {
		m := r.AsMap()
		k := tieKey{ae: str(m["ae"]), be: str(m["be"]), a: str(m["a"]), b: str(m["b"]), t: str(m["t"]), fam: str(m["fam"])}
		w.ties[k.id()] = k
	}
}

// tiesAfter recomputes the ties noted before and those of the batch's actor relationships (b
// nil for a retraction).
func (w *txWriter) tiesAfter(b *Batch) error {
	if w.ties == nil {
		w.ties = map[string]tieKey{}
	}
	if b != nil {
		for t := range tieFamilies {
			for _, r := range b.Edges[t] {
				props, _ := r["props"].(map[string]any)
				from, to := r["from"].(string), r["to"].(string)
				k := tieKey{ae: w.nodes[from].eid, be: w.nodes[to].eid, a: from, b: to, t: string(t), fam: tieFamily(t, props["cameo"])}
				w.ties[k.id()] = k
			}
		}
	}
	if len(w.ties) == 0 {
		return nil
	}
	ids := make([]string, 0, len(w.ties))
	for id := range w.ties {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same lock order in every transaction
	keys := make([]any, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, w.ties[id].param())
	}
	w.ties = map[string]tieKey{}
	_, err := w.recomputeTies(keys)
	return err
}

// recomputeTies recomputes the ties of keys (tieKey.param), setting those with relationships
// and deleting the others; returns how many it set.
func (w *txWriter) recomputeTies(keys []any) (int, error) {
	recs, err := w.all("recomputing country pair ties", tieRecomputeStmt, map[string]any{"keys": keys})
	if err != nil {
		return 0, err
	}
	var rows, gone []any
	for _, r := range recs {
		m := r.AsMap()
		if row := tieRow(m); row != nil {
			rows = append(rows, row)
		} else {
			gone = append(gone, m["id"])
		}
	}
	return len(rows), w.setAndRemove(derivedWrite{"setting country pair ties", tieSetStmt, rows},
		derivedWrite{"removing country pair ties no relationship holds", tieDeleteStmt, gone}, "ids")
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
	for {
		var removed int64
		err := s.factsWrite(ctx, func(w *txWriter) error {
			rec, _, err := w.one("deleting country pair ties", `MATCH (g:ActorTie) WITH g LIMIT 10000 DELETE g RETURN count(*)`, nil)
			if err == nil {
				removed, _ = rec.Values[0].(int64)
			}
			return err
		})
		if err != nil {
			return 0, fmt.Errorf("backfilling country pair ties: %w", err)
		}
		if removed == 0 {
			break
		}
	}
	recs, err = s.read(ctx, tieKeysStmt(true), nil)
	if err != nil {
		return 0, fmt.Errorf("backfilling country pair ties: %w", s.classify(ctx, err))
	}
	written := 0
	for start := 0; start < len(recs); start += tieBackfillChunk {
		end := min(start+tieBackfillChunk, len(recs))
		n := 0
		err := s.factsWrite(ctx, func(w *txWriter) error {
			w.noteTies(recs[start:end])
			keys := make([]any, 0, len(w.ties))
			for _, k := range w.ties {
				keys = append(keys, k.param())
			}
			var err error
			n, err = w.recomputeTies(keys)
			return err
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
