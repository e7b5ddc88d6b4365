package neo4j

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The most_connected report ranks the actors (Person, Country, Organization) by their distinct
// partners over the actor relationships in either direction (degree), those relationships
// (facts, outgoing, incoming), with or without the negated ones, then the articles mentioning
// them. Counting them for every actor on each run grows with the graph, so the loader keeps, in
// the write transaction of the relationships they count:
//
//	(:ActorPair {key, all, nn})  per pair of nodes with an actor relationship between them: how
//	                             many (all, and not negated); the pair counts as a partner while > 0
//	(:ActorRank {actor, label, actor_name, degree_all, facts_all, out_all, in_all, degree_nn, facts_nn,
//	             out_nn, in_nn, articles, sort_all, sort_nn, lsort_all, lsort_nn})  per actor
//
// sort_all and sort_nn are strings in the report's order (degree, facts, articles descending,
// name, id), lsort_* the same after the lower-case label; indexed, so the report reads its first
// rows in index order. Updated by difference: the actor relationships of the articles a
// transaction writes or retracts, read before it changes them and after (factRels), give each
// pair's and actor's change; an actor's articles and name are read again. A graph loaded by an
// earlier build gets them from the backfill (derived_corroboration_backfill.go). Both labels are
// bookkeeping: not in Counts' totals, exports or the summary report. (The actor's id is in
// `actor` and its name in `actor_name`, not `id` and `name`: what matches nodes by id or name
// without a label must not find them.)

// Labels of the most_connected report's bookkeeping nodes.
const (
	ActorRankLabel = "ActorRank"
	ActorPairLabel = "ActorPair"
)

// derivedLabels are the labels of the reports' bookkeeping nodes kept by the loader, left out
// of Counts' totals and exports.
var derivedLabels = []string{FactLabel, ActorRankLabel, ActorPairLabel, PressureGroupLabel, CountryPairLabel, ActorTieLabel, PendingLabel}

// notDerived is a WHERE condition: node n has none of derivedLabels.
func notDerived(n string) string {
	var parts []string
	for _, l := range derivedLabels {
		parts = append(parts, "NOT "+n+":"+ident(l))
	}
	return strings.Join(parts, " AND ")
}

// actorRel is an actor relationship as most_connected counts it.
type actorRel struct {
	a, b    string
	negated bool
}

// isActorType reports whether t is one of the actor relationship types the report counts.
func isActorType(t string) bool {
	s, ok := graph.RelType(t).Spec()
	return ok && s.Actor
}

// actorLabels are the labels of the actors the report ranks.
var actorLabels = []graph.Label{graph.LabelPerson, graph.LabelCountry, graph.LabelOrganization}

func isActorLabel(l graph.Label) bool { return slices.Contains(actorLabels, l) }

// noteActorRel keeps relationship rid in m when its type is an actor type.
func noteActorRel(m map[string]actorRel, t, rid, a, b string, status any) {
	if isActorType(t) {
		st, _ := status.(string)
		m[rid] = actorRel{a: a, b: b, negated: st == "negated"}
	}
}

// actorWork is what a write transaction does to the most_connected counts: the actor
// relationships of its articles before and after, and the actors whose articles may change.
type actorWork struct {
	before, after map[string]actorRel
	touched       map[string]bool
}

func newActorWork() *actorWork {
	return &actorWork{before: map[string]actorRel{}, after: map[string]actorRel{}, touched: map[string]bool{}}
}

// mentionedStmt lists the nodes the given articles mention.
const mentionedStmt = noReplan + `UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(n)
RETURN DISTINCT n.id`

// mentionedBefore adds the nodes the given articles mention to the actors touched.
func (w *txWriter) mentionedBefore(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := w.all("reading the nodes the articles mention", mentionedStmt, map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	for _, r := range recs {
		id, _ := r.Values[0].(string)
		w.actors.touched[id] = true
	}
	return nil
}

// counts are an actor's or a pair's numbers; the keys of ActorRank without the suffix.
type actorCounts map[string]int64

func (c actorCounts) add(r actorRel, id string, sign int64) {
	for _, v := range []string{"all", "nn"} {
		if v == "nn" && r.negated {
			continue
		}
		c["facts_"+v] += sign
		if r.a == id {
			c["out_"+v] += sign
		}
		if r.b == id {
			c["in_"+v] += sign
		}
	}
}

// actorDeltas turns the relationships before and after into changes per actor and per pair.
func (a *actorWork) deltas() (map[string]actorCounts, map[string]actorCounts) {
	ranks, pairs := map[string]actorCounts{}, map[string]actorCounts{}
	apply := func(r actorRel, sign int64) {
		ends := []string{r.a, r.b}
		if r.a == r.b {
			ends = ends[:1] // a relationship to itself counts once
		}
		for _, id := range ends {
			if ranks[id] == nil {
				ranks[id] = actorCounts{}
			}
			ranks[id].add(r, id, sign)
		}
		k := pairKey(r.a, r.b)
		if pairs[k] == nil {
			pairs[k] = actorCounts{}
		}
		pairs[k]["all"] += sign
		if !r.negated {
			pairs[k]["nn"] += sign
		}
	}
	for rid, r := range a.before {
		if n, ok := a.after[rid]; !ok || n != r {
			apply(r, -1)
		}
	}
	for rid, r := range a.after {
		if o, ok := a.before[rid]; !ok || o != r {
			apply(r, 1)
		}
	}
	return ranks, pairs
}

func pairKey(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + factSep + b
}

// pairStmt adds the changes to the pairs (locked first) and returns each pair's counts before
// and after; a pair left with no relationship is deleted.
var pairStmt = noReplan + `UNWIND $pairs AS p
MERGE (q:` + ident(ActorPairLabel) + ` {key: p.key})
SET q.locked = true
REMOVE q.locked
WITH q, p, coalesce(q.all, 0) AS oa, coalesce(q.nn, 0) AS onn
SET q.all = oa + p.all, q.nn = onn + p.nn
WITH q, p, oa, onn, oa + p.all AS na, onn + p.nn AS nnn
FOREACH (_ IN CASE WHEN na = 0 THEN [1] ELSE [] END | DELETE q)
RETURN p.key, oa, onn, na, nnn`

// applyPairs runs pairStmt and adds to ranks the partners gained and lost.
func (w *txWriter) applyPairs(ranks, pairs map[string]actorCounts) error {
	if len(pairs) == 0 {
		return nil
	}
	keys := make([]string, 0, len(pairs))
	for k := range pairs {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([]any, 0, len(keys))
	for _, k := range keys {
		rows = append(rows, map[string]any{"key": k, "all": pairs[k]["all"], "nn": pairs[k]["nn"]})
	}
	recs, err := w.all("counting the actor pairs", pairStmt, map[string]any{"pairs": rows})
	if err != nil {
		return err
	}
	for _, r := range recs {
		k, _ := r.Values[0].(string)
		a, b, _ := strings.Cut(k, factSep)
		for i, v := range []string{"all", "nn"} {
			was, _ := r.Values[1+i].(int64)
			now, _ := r.Values[3+i].(int64)
			d := int64(0)
			if was <= 0 && now > 0 {
				d = 1
			} else if was > 0 && now <= 0 {
				d = -1
			}
			for _, id := range []string{a, b} {
				if ranks[id] == nil {
					ranks[id] = actorCounts{}
				}
				ranks[id]["degree_"+v] += d
				if a == b {
					break
				}
			}
		}
	}
	return nil
}

// rankStmt locks and reads the rank of every actor given (by label), with the node's name
// and its articles now; exists is false when the node is gone.
var rankStmt = func() string {
	var b strings.Builder
	b.WriteString(noReplan + "CALL () {\n")
	for i, l := range actorLabels {
		if i > 0 {
			b.WriteString("  UNION ALL\n")
		}
		fmt.Fprintf(&b, `  UNWIND $%s AS id
  MERGE (s:%s {actor: id})
  SET s.locked = true
  REMOVE s.locked
  WITH s, id
  OPTIONAL MATCH (n:%s {id: id})
  RETURN s, n
`, l, ident(ActorRankLabel), ident(string(l)))
	}
	b.WriteString(`}
RETURN s.actor AS id, properties(s) AS stored, n IS NOT NULL AS exists, n.name AS name, head(labels(n)) AS label,
       CASE WHEN n IS NULL THEN 0 ELSE COUNT { (n)<-[:MENTIONS]-() } END AS articles`)
	return b.String()
}()

var rankSetStmt = noReplan + `UNWIND $rows AS row
MATCH (s:` + ident(ActorRankLabel) + ` {actor: row.actor})
SET s = row
RETURN count(s)`

var rankDeleteStmt = deleteByStmt(ActorRankLabel, "actor", "ids")

// actorsAfter brings the pairs and ranks up to date once the transaction has written
// everything and read its articles' relationships after (w.actors.after).
func (w *txWriter) actorsAfter() error {
	ranks, pairs := w.actors.deltas()
	if err := w.applyPairs(ranks, pairs); err != nil {
		return err
	}
	touched := w.actors.touched
	for id := range ranks {
		touched[id] = true
	}
	for id := range w.nodes {
		touched[id] = true
	}
	for id := range w.facts.renamed {
		touched[id] = true
	}
	byLabel := map[string][]any{}
	ids := make([]string, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	n := 0
	for _, id := range ids {
		if l, _ := graph.LabelOfID(id); isActorLabel(l) {
			byLabel[string(l)] = append(byLabel[string(l)], id)
			n++
		}
	}
	if n == 0 {
		return nil
	}
	params := map[string]any{}
	for _, l := range actorLabels {
		params[string(l)] = append([]any{}, byLabel[string(l)]...)
	}
	recs, err := w.all("locking the actor ranks", rankStmt, params)
	if err != nil {
		return err
	}
	var rows, gone []any
	for _, r := range recs {
		m := r.AsMap()
		id, _ := m["id"].(string)
		if exists, _ := m["exists"].(bool); !exists {
			gone = append(gone, id)
			continue
		}
		stored, _ := m["stored"].(map[string]any)
		rows = append(rows, rankRow(id, m, stored, ranks[id]))
	}
	return w.setAndRemove(derivedWrite{"setting the actor ranks", rankSetStmt, rows},
		derivedWrite{"removing the ranks of deleted actors", rankDeleteStmt, gone}, "ids")
}

// rankFields are the counts an ActorRank keeps.
var rankFields = []string{"degree_all", "facts_all", "out_all", "in_all", "degree_nn", "facts_nn", "out_nn", "in_nn"}

// rankRow is the new ActorRank of actor id: stored plus the changes d, the name, label and
// articles read now, and the sort strings.
func rankRow(id string, m, stored map[string]any, d actorCounts) map[string]any {
	row := map[string]any{"actor": id, "actor_name": m["name"], "label": m["label"], "articles": m["articles"]}
	for _, f := range rankFields {
		v, _ := stored[f].(int64)
		row[f] = v + d[f]
	}
	articles, _ := m["articles"].(int64)
	label, _ := m["label"].(string)
	for _, v := range []string{"all", "nn"} {
		sk := strings.Join([]string{inv10(row["degree_"+v].(int64)), inv10(row["facts_"+v].(int64)), inv10(articles),
			factNullable(m["name"]), id}, factSep)
		row["sort_"+v] = sk
		row["lsort_"+v] = strings.ToLower(label) + factSep + sk
	}
	return row
}

// inv10 writes 9999999999 - n in ten digits: the larger n, the earlier it sorts.
func inv10(n int64) string { return fmt.Sprintf("%010d", 9999999999-n) }
