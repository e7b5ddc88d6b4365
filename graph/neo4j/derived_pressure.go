package neo4j

import (
	"context"
	"fmt"
	"sort"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// The pressure_network report ranks the groups of PRESSURED relationships (presser, pressed,
// topic, status) by how many relationships each has. Reading every PRESSURED relationship to
// rank them grows with the graph, so the loader keeps one bookkeeping node per group:
//
//	(:PressureGroup {id, a, b, presser, pressed, topic, topic_lc, status, times, articles,
//	                 first, last, sample, sort})
//
// a and b are the ids of the two ends, presser and pressed their names, topic the
// relationship's topic ("" for none), status its status (absent for none); times, articles,
// first and last what the report shows (count, distinct articles, min and max date); sample the
// element ids of the (at most 10) relationships the report draws; sort a
// string whose order is the report's (times descending, then presser, pressed, topic, status),
// indexed, so the report reads the first `limit` groups of the index and stops.
//
// A group is recomputed from the graph (the relationships between its two nodes) in the write
// transaction that changes one of its relationships: pressureBefore notes the groups of the
// relationships stored for the articles a batch or a retraction replaces (before they change),
// pressureAfter adds the groups of the relationships the batch writes and recomputes them all,
// deleting the groups left with none; it also brings presser and pressed up to date for every
// node the batch merged (a node renamed by a later article). So the groups are exact after every
// committed batch: fresh load, changed reload, retract, orphan deletion (a node is deleted only
// when it has no relationship left, so its groups are gone), identity merges (groups key on the
// node ids the load merges on). A graph loaded by an earlier build gets them from
// BackfillPressureGroups, which ApplySchema runs (so `newsgraph schema apply` and the next
// `newsgraph load`) until the marker node (id pressureStateID) says it ran.

// PressureGroupLabel labels the pressure_network bookkeeping nodes: not part of the graph
// (summary, Counts and export leave them out).
const PressureGroupLabel = "PressureGroup"

// pressureStateID is the id of the marker node (a PressureGroup without a sort key, which no
// report reads) that says the groups were backfilled by this format.
const pressureStateID = "state:pressure_network/1"

// pressureKey is a group: the element ids of its two nodes (valid in the transaction that
// found them), their ids, the topic ("" none) and the status ("" none).
type pressureKey struct{ ae, be, a, b, topic, status string }

func (k pressureKey) id() string { return k.a + "|" + k.b + "|" + k.status + "|" + k.topic }

// pressureBeforeStmt lists the groups of the PRESSURED relationships stored for articles.
var pressureBeforeStmt = noReplan + `UNWIND $ids AS id
MATCH (a)-[r:PRESSURED]->(b) ` + byArticle("r", graph.RelPressured) + `
RETURN DISTINCT elementId(a) AS ae, elementId(b) AS be, a.id AS a, b.id AS b,
       coalesce(r.topic, '') AS topic, coalesce(r.status, '') AS status`

// pressureRecomputeStmt recomputes groups from the relationships between their two nodes: per
// group its values (times 0: no relationship left). The MERGE comes first: it locks the group,
// so that of two loads changing one group at once the second counts after the first
// committed. pressureSetStmt then sets the groups with relationships, pressureDeleteStmt
// deletes the others (txWriter.setAndRemove).
const pressureRecomputeStmt = noReplan + `UNWIND $keys AS k
MERGE (g:PressureGroup {id: k.id})
WITH k, g
OPTIONAL MATCH (a) WHERE elementId(a) = k.ae AND a.id = k.a
OPTIONAL MATCH (b) WHERE elementId(b) = k.be AND b.id = k.b
CALL (a, b, k) {
  OPTIONAL MATCH (a)-[r:PRESSURED]->(b)
  WHERE coalesce(r.topic, '') = k.topic AND coalesce(r.status, '') = k.status
  WITH r ORDER BY coalesce(r.date, '') DESC, r.article, r.key
  RETURN count(r) AS times, count(DISTINCT r.article) AS articles, min(r.date) AS first, max(r.date) AS last,
         collect(elementId(r))[..` + pressureSample + `] AS sample
}
RETURN k.id AS id, k.a AS a, k.b AS b, a.name AS presser, b.name AS pressed, k.topic AS topic, k.status AS status,
       times, articles, first, last, sample`

// pressureSetStmt sets groups from the rows of pressureRecomputeStmt.
const pressureSetStmt = noReplan + `UNWIND $rows AS row
MATCH (g:PressureGroup {id: row.id})
SET g.a = row.a, g.b = row.b, g.presser = row.presser, g.pressed = row.pressed, g.topic = row.topic,
    g.topic_lc = toLower(row.topic), g.status = CASE row.status WHEN '' THEN null ELSE row.status END,
    g.times = row.times, g.articles = row.articles, g.first = row.first, g.last = row.last, g.sample = row.sample
SET g.sort = ` + pressureSortExpr + `
RETURN count(g)`

// pressureDeleteStmt deletes the groups given by id.
var pressureDeleteStmt = deleteByStmt(PressureGroupLabel, "id", "ids")

// pressureSample is how many relationships of a group the report draws (sample: their element
// ids, newest first by date, then article and key). Any change to a group's relationships
// recomputes it in the same transaction, so the ids are never stale.
const pressureSample = "10"

// pressureSortExpr is the sort key of group g: times descending (as 12 digits of
// 999999999999 - times), then presser, pressed, topic and status ascending, a status of none
// last as in ORDER BY; U+0000 separates the parts, so that the string order is the tuple order.
const pressureSortExpr = `right('000000000000' + toString(999999999999 - g.times), 12) + '\u0000' +
      g.presser + '\u0000' + g.pressed + '\u0000' + g.topic + '\u0000' + coalesce(g.status, '\uffff')`

// pressureRenameStmt brings presser and pressed (and the sort key) up to date for nodes the
// batch merged.
const pressureRenameStmt = noReplan + `UNWIND $nodes AS n
CALL (n) {
  MATCH (g:PressureGroup {a: n.id}) WHERE g.presser <> n.name
  SET g.presser = n.name
  SET g.sort = ` + pressureSortExpr + `
  RETURN count(g) AS x
  UNION ALL
  MATCH (g:PressureGroup {b: n.id}) WHERE g.pressed <> n.name
  SET g.pressed = n.name
  SET g.sort = ` + pressureSortExpr + `
  RETURN count(g) AS x
}
RETURN sum(x)`

// pressureBefore notes the groups of the PRESSURED relationships stored for the given
// articles (the earlier versions a batch retracts, the stored articles it writes again, the
// articles a retraction removes), before the transaction changes them.
func (w *txWriter) pressureBefore(ids []string) error {
	if w.pressure == nil {
		w.pressure = map[string]pressureKey{}
	}
	if len(ids) == 0 {
		return nil
	}
	recs, err := w.all("reading the pressure groups of the articles", pressureBeforeStmt, map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	for _, r := range recs {
		m := r.AsMap()
		k := pressureKey{ae: str(m["ae"]), be: str(m["be"]), a: str(m["a"]), b: str(m["b"]), topic: str(m["topic"]), status: str(m["status"])}
		w.pressure[k.id()] = k
	}
	return nil
}

func str(v any) string { s, _ := v.(string); return s }

// storedArticles lists the articles of a batch stored before it (whose node this transaction
// did not create): only those have relationships stored that the batch may change.
func (w *txWriter) storedArticles(b *Batch) []string {
	var out []string
	for _, a := range b.Articles {
		if id := a["id"].(string); !w.created[id] {
			out = append(out, id)
		}
	}
	return out
}

// pressureAfter recomputes the groups noted before and those of the batch's PRESSURED
// relationships (b nil for a retraction), and renames the groups of the nodes b renamed.
func (w *txWriter) pressureAfter(b *Batch) error {
	if w.pressure == nil {
		w.pressure = map[string]pressureKey{}
	}
	if b != nil {
		for _, r := range b.Edges[graph.RelPressured] {
			props, _ := r["props"].(map[string]any)
			from, to := r["from"].(string), r["to"].(string)
			k := pressureKey{ae: w.nodes[from].eid, be: w.nodes[to].eid, a: from, b: to, topic: str(props["topic"]), status: str(props["status"])}
			w.pressure[k.id()] = k
		}
	}
	if err := w.recomputePressure(); err != nil {
		return err
	}
	// A renamed node is one whose aliases are recomputed (mergeNodes, before settle adds
	// the candidates).
	var nodes []any
	for id := range w.recompute {
		if n, ok := w.nodes[id]; ok {
			if name, ok := n.name.(string); ok {
				nodes = append(nodes, map[string]any{"id": id, "name": name})
			}
		}
	}
	if len(nodes) == 0 {
		return nil
	}
	_, _, err := w.one("renaming pressure groups", pressureRenameStmt, map[string]any{"nodes": nodes})
	return err
}

func (w *txWriter) recomputePressure() error {
	if len(w.pressure) == 0 {
		return nil
	}
	ids := make([]string, 0, len(w.pressure))
	for id := range w.pressure {
		ids = append(ids, id)
	}
	sort.Strings(ids) // the same order every time: fewer lock waits between concurrent loads
	keys := make([]any, 0, len(ids))
	for _, id := range ids {
		keys = append(keys, w.pressure[id].param(id))
	}
	w.pressure = map[string]pressureKey{}
	_, err := w.recomputeGroups(keys)
	return err
}

func (k pressureKey) param(id string) map[string]any {
	return map[string]any{"id": id, "ae": k.ae, "be": k.be, "a": k.a, "b": k.b, "topic": k.topic, "status": k.status}
}

// recomputeGroups recomputes the groups of keys (pressureKey.param), setting those with
// relationships and deleting the others; returns how many it set.
func (w *txWriter) recomputeGroups(keys []any) (int, error) {
	recs, err := w.all("recomputing pressure groups", pressureRecomputeStmt, map[string]any{"keys": keys})
	if err != nil {
		return 0, err
	}
	var rows, gone []any
	for _, r := range recs {
		m := r.AsMap()
		if n, _ := m["times"].(int64); n == 0 {
			gone = append(gone, m["id"])
		} else {
			rows = append(rows, m)
		}
	}
	return len(rows), w.setAndRemove(derivedWrite{"setting pressure groups", pressureSetStmt, rows},
		derivedWrite{"removing pressure groups no relationship holds", pressureDeleteStmt, gone}, "ids")
}

// pressureBackfillChunk is how many groups one backfill transaction recomputes.
const pressureBackfillChunk = 2000

// BackfillPressureGroups builds the pressure_network groups of a graph loaded by a build that
// did not keep them: it deletes any group there is, recomputes every group of the PRESSURED
// relationships (a transaction per pressureBackfillChunk groups) and writes the marker. It does
// nothing when the marker is there. ApplySchema calls it. Returns how many groups it wrote.
func (s *Store) BackfillPressureGroups(ctx context.Context) (int, error) {
	recs, err := s.read(ctx, `MATCH (m:PressureGroup {id: $id}) RETURN count(m)`, map[string]any{"id": pressureStateID})
	if err != nil {
		return 0, err
	}
	if n, _ := recs[0].Values[0].(int64); n > 0 {
		return 0, nil
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	write := func(cypher string, params map[string]any) (int64, error) {
		out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			res, err := tx.Run(ctx, cypher, params)
			if err != nil {
				return nil, err
			}
			rec, err := res.Single(ctx)
			if err != nil {
				return nil, err
			}
			n, _ := rec.Values[0].(int64)
			return n, nil
		})
		if err != nil {
			return 0, s.classify(ctx, err)
		}
		return out.(int64), nil
	}
	if err := s.deleteDerived(ctx, PressureGroupLabel); err != nil {
		return 0, fmt.Errorf("backfilling pressure groups: %w", err)
	}
	recs, err = s.read(ctx, `MATCH (a)-[r:PRESSURED]->(b)
RETURN DISTINCT elementId(a) AS ae, elementId(b) AS be, a.id AS a, b.id AS b,
       coalesce(r.topic, '') AS topic, coalesce(r.status, '') AS status`, nil)
	if err != nil {
		return 0, fmt.Errorf("backfilling pressure groups: %w", err)
	}
	written := 0
	for start := 0; start < len(recs); start += pressureBackfillChunk {
		end := min(start+pressureBackfillChunk, len(recs))
		keys := make([]any, 0, end-start)
		for _, r := range recs[start:end] {
			m := r.AsMap()
			k := pressureKey{ae: str(m["ae"]), be: str(m["be"]), a: str(m["a"]), b: str(m["b"]), topic: str(m["topic"]), status: str(m["status"])}
			keys = append(keys, k.param(k.id()))
		}
		n := 0
		err := s.factsWrite(ctx, func(w *txWriter) error {
			var err error
			n, err = w.recomputeGroups(keys)
			return err
		})
		if err != nil {
			return written, fmt.Errorf("backfilling pressure groups: %w", err)
		}
		written += n
	}
	if _, err := write(`MERGE (m:PressureGroup {id: $id}) RETURN 1`, map[string]any{"id": pressureStateID}); err != nil {
		return written, fmt.Errorf("backfilling pressure groups: %w", err)
	}
	return written, nil
}

// pressureSchema is what the groups need: the id (MERGE), the sort key (the report's order),
// the two ends (renames; the report's actor filter), and a text index on the lower-case
// topic (the report's topic filter: CONTAINS).
func pressureSchema() []SchemaItem {
	out := []SchemaItem{{Name: "pressuregroup_id", Kind: "constraint", Entity: "NODE", On: PressureGroupLabel, Prop: "id",
		Create: "CREATE CONSTRAINT pressuregroup_id IF NOT EXISTS FOR (n:PressureGroup) REQUIRE n.id IS UNIQUE"}}
	for _, p := range []string{"sort", "a", "b"} {
		name := "pressuregroup_" + p
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "NODE", On: PressureGroupLabel, Prop: p,
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:PressureGroup) ON (n.%s)", name, p)})
	}
	return append(out, SchemaItem{Name: "pressuregroup_topic_lc", Kind: "text index", Entity: "NODE", On: PressureGroupLabel, Prop: "topic_lc",
		Create: "CREATE TEXT INDEX pressuregroup_topic_lc IF NOT EXISTS FOR (n:PressureGroup) ON (n.topic_lc)"})
}
