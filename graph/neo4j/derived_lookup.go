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
// (txWriter.refreshSearch), backfilled for graphs loaded before it existed (BackfillSearch),
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

// refreshSearch brings the search text up to date on every entity node whose name or
// aliases this transaction may have changed: the nodes the batch merged and those whose
// aliases were recomputed (a retraction or a changed reload). It runs last in the
// transaction (settle), after the aliases are final.
func (w *txWriter) refreshSearch() error {
	var eids []string
	byLabel := map[graph.Label][]string{}
	for id, n := range w.nodes {
		if _, ok := graph.LabelOfID(id); ok && n.eid != "" {
			eids = append(eids, n.eid)
		}
	}
	for id := range w.recompute {
		if _, merged := w.nodes[id]; merged {
			continue
		}
		if l, ok := graph.LabelOfID(id); ok {
			byLabel[l] = append(byLabel[l], id)
		}
	}
	if len(eids) > 0 {
		sort.Strings(eids)
		if _, _, err := w.one("setting the search text", refreshSearchStmt, map[string]any{"eids": anyList(eids)}); err != nil {
			return err
		}
	}
	for _, l := range graph.EntityLabels {
		if ids := byLabel[l]; len(ids) > 0 {
			sort.Strings(ids)
			if _, _, err := w.one("setting the "+string(l)+" search text", refreshSearchByID(l), map[string]any{"ids": anyList(ids)}); err != nil {
				return err
			}
		}
	}
	return w.refreshEventWhen()
}

// refreshEventWhen brings the dates of the events this transaction touched up to date: those
// the batch merged (their date, and every relationship the batch writes, ends there) and those
// at an end of a removed relationship (candidates) or recomputed, that are still there.
func (w *txWriter) refreshEventWhen() error {
	set := map[string]bool{}
	for id := range w.nodes {
		set[id] = true
	}
	for id := range w.candidates {
		set[id] = true
	}
	for id := range w.recompute {
		set[id] = true
	}
	var ids []string
	for id := range set {
		if l, ok := graph.LabelOfID(id); ok && l == graph.LabelEvent {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	sort.Strings(ids)
	_, _, err := w.one("setting the event dates", refreshEventWhenStmt, map[string]any{"ids": anyList(ids)})
	return err
}

// backfillBatch is how many nodes one transaction of BackfillSearch writes.
const backfillBatch = 5000

// BackfillSearch sets the search text on every entity node where it is missing or out of
// date (a graph loaded by a build before it existed, or written by one since), and the
// event dates likewise, in transactions of backfillBatch nodes, and returns how many nodes
// got a search text. `newsgraph
// schema apply` runs it; ApplySchema runs it when it creates a search index (the first
// load or schema apply of such a graph). It reads every entity node once.
func (s *Store) BackfillSearch(ctx context.Context) (int, error) {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	return backfillSearch(ctx, sess)
}

func backfillSearch(ctx context.Context, sess neo4j.SessionWithContext) (int, error) {
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
