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
// summit_attendance) search with CONTAINS through a TEXT index per label: the node's name
// and aliases, lower-cased by Cypher's toLower, one per line. It is the loader's own,
// derived from name and aliases: written in the write transaction that changes either
// (txWriter.refreshSearch), backfilled for graphs loaded before it existed (BackfillSearch),
// and left out of query results and exports (nodeValue), as load_hash is of exports.
//
// A report matches a name parameter p as before (id = p, or toLower(name) or some
// toLower(alias) CONTAINS toLower(p)); the text index only finds the candidates
// (search CONTAINS toLower(p), true for every node that matches), which the report then
// checks with the original predicate.
const SearchProperty = "search"

// searchExpr is the search text of the node bound to v, computed from its stored name
// and aliases.
func searchExpr(v string) string {
	return "toLower(reduce(s = coalesce(" + v + ".name, ''), a IN coalesce(" + v + ".aliases, []) | s + '\\n' + a))"
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
	for _, t := range []graph.RelType{graph.RelMet, graph.RelCriticized} {
		name := strings.ToLower(string(t)) + "_date"
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "RELATIONSHIP", On: string(t), Prop: "date",
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.date)", name, ident(string(t)))})
	}
	return out
}

// isSearchIndex says whether a schema item is one of the search text indexes.
func isSearchIndex(it SchemaItem) bool { return it.Kind == "text index" && it.Prop == SearchProperty }

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
	return nil
}

// backfillBatch is how many nodes one transaction of BackfillSearch writes.
const backfillBatch = 5000

// BackfillSearch sets the search text on every entity node where it is missing or out of
// date (a graph loaded by a build before it existed, or written by one since), in
// transactions of backfillBatch nodes, and returns how many nodes it set. `newsgraph
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
	return total, nil
}

// dropSearch removes the search property from a node value: it is the loader's own.
func dropSearch(props map[string]any) map[string]any {
	if _, ok := props[SearchProperty]; ok {
		delete(props, SearchProperty)
	}
	return props
}
