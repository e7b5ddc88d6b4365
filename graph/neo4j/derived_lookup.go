package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// SearchProperty is the property of every entity node that the reports' name lookups
// (evidence, entity_timeline, person_profile, who_met_whom, criticism_ledger,
// summit_attendance) search with CONTAINS through a TEXT index per label: the node's id, name
// and aliases, lower-cased by Cypher's toLower, one per line. It is the loader's own,
// derived from name and aliases: written in the write transaction that changes either
// (txWriter.refreshLookups), backfilled for graphs loaded before it existed (BackfillSearch),
// and left out of query results and exports (nodeValue), as load_hash is of exports.
//
// A report matches a name parameter p as before (id = p, or toLower(name) or some
// toLower(alias) CONTAINS toLower(p)); the text index only finds the candidates
// (search CONTAINS toLower(p), true for every node that matches, the id included), which
// the report then checks with the original predicate.
const SearchProperty = "search"

// searchExpr is the search text of the node bound to v, computed from its stored id, name
// and aliases.
func searchExpr(v string) string {
	return "toLower(reduce(s = coalesce(" + v + ".id, '') + '\\n' + coalesce(" + v + ".name, ''), a IN coalesce(" + v + ".aliases, []) | s + '\\n' + a))"
}

// lookupSchema is what the lookups need beyond the rest of Schema: a TEXT index on the
// search text of every entity label (CONTAINS), and range indexes the date-ordered
// reports read in order.
func lookupSchema() []SchemaItem {
	var out []SchemaItem
	for _, l := range graph.EntityLabels {
		name := strings.ToLower(string(l)) + "_" + SearchProperty
		out = append(out, SchemaItem{Name: name, Kind: "text index", Entity: "NODE", On: string(l), Prop: SearchProperty,
			Create: fmt.Sprintf("CREATE TEXT INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)", name, ident(string(l)), SearchProperty)})
	}
	for _, p := range []string{EventWhenAll, EventWhenReported} {
		name := "event_" + p
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "NODE", On: string(graph.LabelEvent), Prop: p,
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)", name, ident(string(graph.LabelEvent)), p)})
	}
	for _, t := range []graph.RelType{graph.RelMet, graph.RelCriticized} {
		name := strings.ToLower(string(t)) + "_date"
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "RELATIONSHIP", On: string(t), Prop: "date",
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.date)", name, ident(string(t)))})
	}
	return out
}

// isSearchIndex says whether a schema item is one of the search text indexes.
func isSearchIndex(it SchemaItem) bool { return it.Kind == "text index" && it.Prop == SearchProperty }

// needsBackfill says whether creating a schema item means the graph predates what the loader
// keeps for the lookups (the search text, the event dates).
func needsBackfill(it SchemaItem) bool {
	return isSearchIndex(it) || it.Prop == EventWhenAll || it.Prop == EventWhenReported
}

// The date summit_attendance sorts an event by, kept on each Event node by the loader: its own
// date, else the earliest date of the ATTENDED and HOSTED relationships into it (when_all), or
// of those not negated (when_reported: the report's default leaves negated ones out). Both
// are null when there is no such date. Range indexes on both let the report read events
// newest first.
const (
	EventWhenAll      = "when_all"
	EventWhenReported = "when_reported"
)

// eventWhenBody sets both dates on the Event node e where they differ.
const eventWhenBody = `CALL (e) {
  OPTIONAL MATCH ()-[r:ATTENDED|HOSTED]->(e)
  RETURN min(r.date) AS wa, min(CASE WHEN coalesce(r.status, '') <> 'negated' THEN r.date END) AS wr
}
WITH e, coalesce(e.date, wa) AS wa, coalesce(e.date, wr) AS wr
WHERE NOT coalesce(e.` + EventWhenAll + ` = wa, e.` + EventWhenAll + ` IS NULL AND wa IS NULL)
   OR NOT coalesce(e.` + EventWhenReported + ` = wr, e.` + EventWhenReported + ` IS NULL AND wr IS NULL)
SET e.` + EventWhenAll + ` = wa, e.` + EventWhenReported + ` = wr
`

// refreshEventWhenStmt sets the dates of the Event nodes given by id.
var refreshEventWhenStmt = noReplan + `UNWIND $ids AS id
MATCH (e:` + ident(string(graph.LabelEvent)) + ` {id: id})
` + eventWhenBody + `RETURN count(e)`

// derivedProps are the properties of this file, left out of node values.
var derivedProps = []string{SearchProperty, EventWhenAll, EventWhenReported}

// refreshSearchStmt sets the search text of nodes given by element id where it differs.
var refreshSearchStmt = noReplan + `UNWIND $eids AS eid
MATCH (n) WHERE elementId(n) = eid
WITH n, ` + searchExpr("n") + ` AS s
WHERE coalesce(n.` + SearchProperty + ` <> s, true)
SET n.` + SearchProperty + ` = s
RETURN count(n)`

// refreshSearchByID is refreshSearchStmt for nodes of one label given by id.
func refreshSearchByID(l graph.Label) string {
	return `UNWIND $ids AS id
MATCH (n:` + ident(string(l)) + ` {id: id})
WITH n, ` + searchExpr("n") + ` AS s
WHERE coalesce(n.` + SearchProperty + ` <> s, true)
SET n.` + SearchProperty + ` = s
RETURN count(n)`
}

// refreshLookups runs last in a batch's transaction (settle, after the aliases are final;
// b is nil for a retraction): the search text, then the event dates.
func (w *txWriter) refreshLookups(b *Batch) error {
	if err := w.refreshSearch(); err != nil {
		return err
	}
	return w.refreshEventWhen(b)
}

// touched are the entity ids whose name or aliases this transaction may have changed:
// created, changed (properties or aliases) or recomputed, and not deleted since.
func (w *txWriter) touched() []string {
	set := map[string]bool{}
	for _, m := range []map[string]bool{w.created, w.changed, w.recompute} {
		for id, ok := range m {
			if _, entity := graph.LabelOfID(id); ok && entity {
				set[id] = true
			}
		}
	}
	out := make([]string, 0, len(set))
	for id := range set {
		out = append(out, id)
	}
	sort.Strings(out)
	return out
}

// refreshSearch brings the search text up to date on the entity nodes whose name or aliases
// this transaction may have changed (touched): by element id for the nodes the batch merged,
// by label and id for the others (a retraction's or a changed reload's recomputed aliases).
func (w *txWriter) refreshSearch() error {
	var eids []string
	byLabel := map[graph.Label][]string{}
	for _, id := range w.touched() {
		if n, ok := w.nodes[id]; ok && n.eid != "" {
			eids = append(eids, n.eid)
			continue
		}
		l, _ := graph.LabelOfID(id)
		byLabel[l] = append(byLabel[l], id)
	}
	if len(eids) > 0 {
		if _, _, err := w.one("setting the search text", refreshSearchStmt, map[string]any{"eids": anyList(eids)}); err != nil {
			return err
		}
	}
	for _, l := range graph.EntityLabels {
		if ids := byLabel[l]; len(ids) > 0 {
			if _, _, err := w.one("setting the "+string(l)+" search text", refreshSearchByID(l), map[string]any{"ids": anyList(ids)}); err != nil {
				return err
			}
		}
	}
	return nil
}

// extendEventWhenStmt lowers the dates of events that only gained ATTENDED or HOSTED
// relationships in this transaction to the earliest of theirs (all, not negated).
var extendEventWhenStmt = noReplan + `UNWIND $rows AS row
MATCH (e:` + ident(string(graph.LabelEvent)) + ` {id: row.id})
WITH e, [d IN [e.` + EventWhenAll + `, row.all] WHERE d IS NOT NULL] AS la,
     [d IN [e.` + EventWhenReported + `, row.rep] WHERE d IS NOT NULL] AS lr
WITH e, coalesce(e.date, reduce(m = null, d IN la | CASE WHEN m IS NULL OR d < m THEN d ELSE m END)) AS wa,
     coalesce(e.date, reduce(m = null, d IN lr | CASE WHEN m IS NULL OR d < m THEN d ELSE m END)) AS wr
WHERE NOT coalesce(e.` + EventWhenAll + ` = wa, e.` + EventWhenAll + ` IS NULL AND wa IS NULL)
   OR NOT coalesce(e.` + EventWhenReported + ` = wr, e.` + EventWhenReported + ` IS NULL AND wr IS NULL)
SET e.` + EventWhenAll + ` = wa, e.` + EventWhenReported + ` = wr
RETURN count(e)`

// refreshEventWhen brings the event dates up to date. An event recomputes them from all its
// relationships when it was created, changed or recomputed, lost a relationship (a candidate),
// or is the end of a relationship merged again (a changed reload may move its date); an event
// that only gained relationships (created with their articles in this transaction) takes the
// earliest of their dates if earlier than its own: a hub event does not read its thousands of
// attendances again in every batch.
func (w *txWriter) refreshEventWhen(b *Batch) error {
	full := map[string]bool{}
	for _, id := range w.touched() {
		full[id] = true
	}
	for id := range w.candidates {
		full[id] = true
	}
	gain := map[string]map[string]any{}
	if b != nil {
		for _, t := range []graph.RelType{graph.RelAttended, graph.RelHosted} {
			for _, r := range b.Edges[t] {
				to, _ := r["to"].(string)
				props, _ := r["props"].(map[string]any)
				if l, _ := graph.LabelOfID(to); l != graph.LabelEvent {
					continue
				}
				if art, _ := props["article"].(string); !w.created[art] {
					full[to] = true
					continue
				}
				gainDate(gain, to, props)
			}
		}
	}
	var ids []string
	for id := range full {
		if l, _ := graph.LabelOfID(id); l == graph.LabelEvent {
			ids = append(ids, id)
		}
	}
	var rows []any
	for id, g := range gain {
		if !full[id] {
			rows = append(rows, g)
		}
	}
	if len(ids) > 0 {
		sort.Strings(ids)
		if _, _, err := w.one("setting the event dates", refreshEventWhenStmt, map[string]any{"ids": anyList(ids)}); err != nil {
			return err
		}
	}
	if len(rows) == 0 {
		return nil
	}
	sort.Slice(rows, func(i, j int) bool {
		return rows[i].(map[string]any)["id"].(string) < rows[j].(map[string]any)["id"].(string)
	})
	_, _, err := w.one("extending the event dates", extendEventWhenStmt, map[string]any{"rows": rows})
	return err
}

// gainDate folds one new relationship's date (props) into the earliest dates of event id.
func gainDate(gain map[string]map[string]any, id string, props map[string]any) {
	g, ok := gain[id]
	if !ok {
		g = map[string]any{"id": id, "all": nil, "rep": nil}
		gain[id] = g
	}
	d, _ := props["date"].(string)
	if d == "" {
		return
	}
	if a, _ := g["all"].(string); a == "" || d < a {
		g["all"] = d
	}
	if st, _ := props["status"].(string); st == string(graph.StatusNegated) {
		return
	}
	if r, _ := g["rep"].(string); r == "" || d < r {
		g["rep"] = d
	}
}

// backfillBatch is how many nodes one transaction of BackfillSearch writes.
const backfillBatch = 5000

// BackfillSearch sets the search text on every entity node where it is missing or out of
// date (a graph loaded by a build before it existed, or written by one since), and the
// event dates likewise, in transactions of backfillBatch nodes, and returns how many nodes
// got a search text. ApplySchema runs it when it creates a search index (the first load or
// schema apply of such a graph), `newsgraph schema apply` (ApplySchemaAndSearch) always, but
// once. It reads every entity node once.
func (s *Store) BackfillSearch(ctx context.Context) (int, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	return backfillSearch(ctx, sess)
}

// searchBackfilled is a test hook (nil otherwise): called at the start of each search text
// backfill pass.
var searchBackfilled func()

func backfillSearch(ctx context.Context, sess neo4j.SessionWithContext) (int, error) {
	if searchBackfilled != nil {
		searchBackfilled()
	}
	total := 0
	for _, l := range graph.EntityLabels {
		res, err := sess.Run(ctx, `MATCH (n:`+ident(string(l))+`)
WITH n, `+searchExpr("n")+` AS s
WHERE coalesce(n.`+SearchProperty+` <> s, true)
CALL (n, s) { SET n.`+SearchProperty+` = s } IN TRANSACTIONS OF `+fmt.Sprint(backfillBatch)+` ROWS`, nil)
		if err != nil {
			return total, fmt.Errorf("setting the %s search text: %w", l, err)
		}
		sum, err := res.Consume(ctx)
		if err != nil {
			return total, fmt.Errorf("setting the %s search text: %w", l, err)
		}
		total += sum.Counters().PropertiesSet()
	}
	res, err := sess.Run(ctx, `MATCH (e:`+ident(string(graph.LabelEvent))+`)
CALL (e) {
  `+strings.ReplaceAll(strings.TrimSpace(eventWhenBody), "\n", "\n  ")+`
} IN TRANSACTIONS OF `+fmt.Sprint(backfillBatch)+` ROWS`, nil)
	if err == nil {
		_, err = res.Consume(ctx)
	}
	if err != nil {
		return total, fmt.Errorf("setting the event dates: %w", err)
	}
	return total, nil
}

// dropDerived removes the properties of this file from a node value: they are the loader's own.
func dropDerived(props map[string]any) map[string]any {
	for _, p := range derivedProps {
		delete(props, p)
	}
	return props
}
