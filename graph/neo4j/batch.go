package neo4j

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// A batch's write transaction runs few statements, whatever the mix of labels and types
// in it, because the server's cost is mostly per statement, not per row (see
// docs/performance.md). Before any batch, lookupStmt finds, for every article of the input
// (a statement per lookupChunk articles, in one read transaction), whether it is stored with
// the same load hash (skipped: a batch whose articles are all skipped runs no transaction)
// and the earlier versions (same doc_key, another id) of the others. A first load of a
// batch then runs three:
//
//  1. nodesStmt: every node of the batch, Article and entity labels, one UNWIND per label,
//     returning each node's element id (nodes no article mentions take one more);
//  2. createStmt: every relationship of the articles whose node the nodes statement
//     created, between nodes found by element id (no MERGE: such an article has no
//     relationship stored);
//  3. the aliases the batch's MENTIONS add, set by element id.
//
// An article stored before (changed since) has its relationships merged by key, one
// statement per type it has, and its stale ones removed; retracted earlier versions and
// orphans take the statements of write.go.

// noReplan starts the statements whose plans no statistics change: the server keeps the plan
// it made first instead of planning again as the graph grows (about half a second each time
// for the nodes statement, a few times in a fresh load of 1,000 articles; up to a second for
// the country pairs' lifting). Such a statement seeks unique indexes and element ids, or says
// which index to seek (byArticle, USING INDEX SEEK: a plain USING INDEX still let a plan made
// on a small graph scan the whole index, 87 s of lifting in a 10k load against 6 s with SEEK).
// Parameters are never null for the same reason: a null where a list was is another plan. A
// read by a non-unique property without that hint must be replanned: a plan made while the
// graph was small, kept, made the lifting of 250-1,000 articles 5-25 s at 40k articles against
// 0.3-0.7 s replanned (the server seems to keep a plan per size range of a list parameter: 250
// and 1,000 ids shared the slow plan, 1,250 got another; docs/performance.md, *Plans kept from
// a small graph*).
const noReplan = "CYPHER replan=skip "

// byArticle is the WHERE clause that finds relationship v of type t by the article id bound
// to id, with the hint that makes the plan a seek of the <type>_article index (Schema)
// whatever the statistics.
func byArticle(v string, t graph.RelType) string {
	return "USING INDEX SEEK " + v + ":" + ident(string(t)) + "(article) WHERE " + v + ".article = id"
}

// lookupStmt finds, for each article of a batch (id, hash, doc_key), whether it is stored
// with the same load hash, and the stored articles with its doc_key and another id.
const lookupStmt = noReplan + `UNWIND $arts AS a
OPTIONAL MATCH (n:Article {id: a.id})
RETURN a.id AS id, coalesce(n.` + LoadHashProperty + ` = a.hash, false) AS same,
       COLLECT { MATCH (old:Article {doc_key: a.doc_key}) WHERE old.id <> a.id RETURN old.id } AS older,
       n IS NOT NULL AS stored`

// mergeHead merges one node per row of the parameter named after the label, noting whether
// it existed (isNew) and its properties before (before).
func mergeHead(l graph.Label) string {
	return `UNWIND $` + string(l) + ` AS row
  OPTIONAL MATCH (old:` + ident(string(l)) + ` {id: row.id})
  WITH row, old IS NULL AS isNew
  MERGE (n:` + ident(string(l)) + ` {id: row.id})
  WITH n, row, isNew, properties(n) AS before
`
}

// nodeTuple is what the nodes statements return per node, in this order.
const (
	tupleID = iota
	tupleElementID
	tupleCreated
	tupleChanged
	tupleRenamed
	tupleName
	tupleAliases
)

// nodeTuple returns the tuple of node n, whose properties were before.
const nodeTuple = `[n.id, elementId(n), isNew, before <> properties(n), before.name IS NOT NULL AND before.name <> n.name, n.name, n.aliases]`

// articleBody merges Article nodes and stores their load hash, which does not count as a
// change of the node. Whether this transaction created an article's node is what says its
// relationships can be created rather than merged: the lookup may be out of date when
// another load writes the same article at the same time, but the locking index seek
// before the MERGE waits for that load to commit.
var articleBody = mergeHead(graph.LabelArticle) + `  SET n = row.props
  WITH n, row, isNew, before, properties(n) AS after
  SET n.` + LoadHashProperty + ` = row.` + LoadHashProperty + `
  WITH n, isNew, before, size([k IN keys(before) WHERE k <> '` + LoadHashProperty + `']) = size(keys(after))
       AND all(k IN keys(after) WHERE before[k] = after[k]) AS same
  RETURN collect([n.id, elementId(n), isNew, NOT same, false, null, null]) AS ` + string(graph.LabelArticle)

// entityBody merges the entity nodes some article of the input mentions: their aliases
// are recomputed or extended from the MENTIONS afterwards (settle).
func entityBody(l graph.Label) string {
	return mergeHead(l) + `  SET n += row.props, n.name = row.name
  RETURN collect(` + nodeTuple + `) AS ` + string(l)
}

// looseStmt merges entity nodes no article of the input mentions: they get the input's
// aliases added to those stored, kept sorted so that the stored list does not depend on
// the order loads ran in (shards loaded at once). Few batches have any.
func looseStmt(l graph.Label) string {
	return noReplan + mergeHead(l) + `SET n += row.props
WITH n, row, isNew, before, reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS merged
CALL (merged) { UNWIND merged AS a WITH a ORDER BY a RETURN collect(a) AS aliases }
SET n.name = row.name, n.aliases = CASE WHEN size(aliases) = 0 THEN null ELSE aliases END
RETURN collect(` + nodeTuple + `)`
}

// nodesStmt merges the Article nodes of a batch and the entity nodes its articles mention
// in one statement: a subquery per label, each returning one tuple per node (nodeTuple).
// The text does not depend on the batch, so the server plans it once.
var nodesStmt = func() string {
	var b strings.Builder
	b.WriteString(noReplan)
	parts := []string{articleBody}
	for _, l := range graph.EntityLabels {
		parts = append(parts, entityBody(l))
	}
	names := make([]string, 0, len(graph.AllLabels))
	for i, p := range parts {
		fmt.Fprintf(&b, "CALL () {\n  %s\n}\n", p)
		names = append(names, string(graph.AllLabels[i]))
	}
	b.WriteString("RETURN " + strings.Join(names, ", "))
	return b.String()
}()

// createStmt creates relationships of any type between nodes: $nodes are their element ids,
// each found once (an article's MENTIONS share their start, hubs are in many rows), and a
// row's a and b are indexes into them; no row is created unless every node is found. It
// returns how many, and the element id of each row with an index i (the fact relationships:
// factWork.written).
const createStmt = noReplan + `UNWIND range(0, size($nodes) - 1) AS i
MATCH (x) WHERE elementId(x) = $nodes[i]
WITH i, x ORDER BY i
WITH collect(x) AS xs
WHERE size(xs) = size($nodes)
UNWIND $rows AS row
WITH xs[row.a] AS a, xs[row.b] AS b, row
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS rows, collect(CASE WHEN row.i >= 0 THEN [row.i, elementId(r)] END) AS eids`

// mergeStmt merges relationships of one type by key between nodes given by element id and
// sets their properties; it says how many changed and which MENTIONS targets now have
// other credited aliases.
func mergeStmt(t graph.RelType) string {
	return noReplan + `UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.a
MATCH (b) WHERE elementId(b) = row.b
MERGE (a)-[r:` + ident(string(t)) + ` {key: row.key}]->(b)
WITH r, row, properties(r) AS before
SET r = row.props, r.` + RelFactProperty + ` = before.` + RelFactProperty + ` // an earlier build's: not a change
RETURN count(r) AS rows, sum(CASE WHEN before = properties(r) THEN 0 ELSE 1 END) AS changed,
       collect(CASE WHEN before.aliases IS NOT NULL AND before.aliases <> coalesce(r.aliases, []) THEN row.to END) AS realiased`
}

// setAliasesStmt sets the aliases of nodes given by element id.
const setAliasesStmt = noReplan + `UNWIND $rows AS row
MATCH (n) WHERE elementId(n) = row.eid
SET n.aliases = row.aliases
RETURN count(n)`

// nodeInfo is a node of the batch as the nodes statement left it.
type nodeInfo struct {
	eid     string
	name    any
	aliases any
}

// lookup is what the lookup statements found for the articles of a plan, before any
// batch is written.
type lookup struct {
	skip   map[string]bool     // stored with the same load hash
	older  map[string][]string // earlier versions of each article to write
	stored map[string]bool     // stored (with another load hash) before the load
}

// allNew says whether no article of batch i to write was stored before the load and none
// replaces an earlier version: then its write transaction changes no stored relationship and
// the derived data of its articles can follow in a transaction of its own (derived_pending.go).
func (l *lookup) allNew(plan *Plan, i int) bool {
	for _, ai := range plan.Batches[i].arts {
		id := plan.src.articles[ai].ID
		if !l.skip[id] && (l.stored[id] || len(l.older[id]) > 0) {
			return false
		}
	}
	return true
}

// skipped counts the articles of batch i that lookup skips.
func (l *lookup) skipped(plan *Plan, i int) int {
	n := 0
	for _, ai := range plan.Batches[i].arts {
		if l.skip[plan.src.articles[ai].ID] {
			n++
		}
	}
	return n
}

// olderOf lists the earlier versions of the articles of batch i that will be written.
func (l *lookup) olderOf(plan *Plan, i int) []string {
	var out []string
	for _, ai := range plan.Batches[i].arts {
		out = append(out, l.older[plan.src.articles[ai].ID]...)
	}
	return out
}

// writeBatch runs inside a managed write transaction; it may be retried, so it only
// returns what it did (b, built by buildBatches, is only read). The relationships of the
// articles look skips are not in b. With core (the lookup found every article of the batch
// new: lookup.allNew) the corroboration facts, actor ranks and country pairs of its articles
// are left to a transaction of their own: the batch writes a pending marker instead
// (derived_pending.go), and fails with errNotNew, writing nothing, when an article turns out
// stored (another load wrote it since the lookup): the caller writes it again without core.
// Without core, the pending markers of its articles and of the versions it replaces are
// caught up first, in this transaction.
func (s *Store) writeBatch(ctx context.Context, tx neo4j.ManagedTransaction, plan *Plan, i int, b *Batch, look *lookup, times map[string]time.Duration, core bool) (batchResult, error) {
	w := newTxWriter(ctx, tx)
	w.times = times
	w.deferDerived = core
	w.st.Articles, w.st.Batches = len(plan.Batches[i].arts), 1
	w.st.Skipped = look.skipped(plan, i)
	if b.Size == 0 {
		return batchResult{st: w.stats(), created: w.created, changed: w.changed}, nil
	}
	older := look.olderOf(plan, i)
	if !core {
		if err := w.catchUpArticles(append(factBatchIDs(b), older...)); err != nil { // derived_pending.go
			return batchResult{}, err
		}
	}
	if err := w.derivedBefore(older); err != nil { // derived.go
		return batchResult{}, err
	}
	if err := w.retract(older); err != nil {
		return batchResult{}, err
	}
	if err := w.mergeNodes(b); err != nil {
		return batchResult{}, err
	}
	stored := w.storedArticles(b)
	if core && len(stored) > 0 {
		return batchResult{}, errNotNew
	}
	if err := w.derivedBefore(stored); err != nil {
		return batchResult{}, err
	}
	if err := w.writeEdges(b); err != nil {
		return batchResult{}, err
	}
	if err := w.removeStale(b); err != nil {
		return batchResult{}, err
	}
	if err := w.settle(b); err != nil {
		return batchResult{}, err
	}
	r := batchResult{st: w.stats(), created: w.created, changed: w.changed}
	if core {
		id, err := w.markPending(b)
		if err != nil {
			return batchResult{}, err
		}
		r.pending = &pendingRef{id: id, arts: len(b.Articles), rows: batchRows{facts: w.facts.written, lifts: w.lifted}}
	}
	return r, nil
}

// lookupChunk is how many articles one lookup statement takes.
const lookupChunk = 10000

// lookupAll runs lookupStmt for every article of the plan (id, load hash and doc_key), a
// statement per lookupChunk articles, before any batch is written: a reload of an unchanged
// file runs these statements and nothing else. Earlier versions are kept only for the
// articles that will be written.
func (w *txWriter) lookupAll(plan *Plan) (*lookup, error) {
	l := &lookup{skip: map[string]bool{}, older: map[string][]string{}, stored: map[string]bool{}}
	var arts []any
	flush := func() error {
		if len(arts) == 0 {
			return nil
		}
		recs, err := w.all("looking up the articles", lookupStmt, map[string]any{"arts": arts})
		if err != nil {
			return err
		}
		for _, r := range recs {
			id, _ := r.Values[0].(string)
			if same, _ := r.Values[1].(bool); same {
				l.skip[id] = true
				continue
			}
			if older := strs(r.Values[2]); len(older) > 0 {
				l.older[id] = older
			}
			if stored, _ := r.Values[3].(bool); stored {
				l.stored[id] = true
			}
		}
		arts = arts[:0]
		return nil
	}
	for i := range plan.Batches {
		arts = append(arts, plan.hashes(i)...)
		if len(arts) >= lookupChunk {
			if err := flush(); err != nil {
				return nil, err
			}
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return l, nil
}

// mergeNodes runs nodesStmt (and looseStmt for the labels with loose nodes) and records
// which nodes it created, changed and renamed, and each node's element id, name and
// aliases.
func (w *txWriter) mergeNodes(b *Batch) error {
	params := map[string]any{string(graph.LabelArticle): rowList(b.Articles)}
	want := len(b.Articles)
	loose := map[graph.Label][]any{}
	for _, l := range graph.EntityLabels {
		rows := []any{} // never nil: a null parameter is another plan
		for _, r := range b.Nodes[l] {
			if r["loose"] == true {
				loose[l] = append(loose[l], r)
			} else {
				rows = append(rows, r)
			}
		}
		params[string(l)] = rows
		want += len(rows)
	}
	rec, _, err := w.one("merging the nodes", nodesStmt, params)
	if err != nil {
		return err
	}
	got := 0
	for _, v := range rec.Values {
		tuples, _ := v.([]any)
		for _, t := range tuples {
			w.node(t.([]any))
			got++
		}
	}
	if got != want {
		return fmt.Errorf("merging the nodes: wrote %d of %d", got, want)
	}
	for _, l := range graph.EntityLabels {
		if err := w.mergeLoose(l, loose[l]); err != nil {
			return err
		}
	}
	return nil
}

func (w *txWriter) mergeLoose(l graph.Label, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	what := string(l) + " nodes no article mentions"
	rec, _, err := w.one(what, looseStmt(l), map[string]any{string(l): rows})
	if err != nil {
		return err
	}
	tuples, _ := rec.Values[0].([]any)
	if len(tuples) != len(rows) {
		return fmt.Errorf("%s: wrote %d of %d", what, len(tuples), len(rows))
	}
	for _, t := range tuples {
		w.node(t.([]any))
	}
	return nil
}

// node records one tuple of nodesStmt.
func (w *txWriter) node(t []any) {
	id, _ := t[tupleID].(string)
	eid, _ := t[tupleElementID].(string)
	w.nodes[id] = nodeInfo{eid: eid, name: t[tupleName], aliases: t[tupleAliases]}
	if v, _ := t[tupleCreated].(bool); v {
		w.created[id] = true
	}
	if v, _ := t[tupleChanged].(bool); v {
		w.changed[id] = true
	}
	if v, _ := t[tupleRenamed].(bool); v {
		w.recompute[id] = true
		w.noteRenamed(id)
	}
}

func rowList(rows []row) []any {
	out := make([]any, len(rows))
	for i, r := range rows {
		out[i] = r
	}
	return out
}

// writeEdges creates the relationships of the articles whose node this transaction created
// in one statement and merges those of the others (stored before), one statement per type.
// The fact relationships it creates are kept as created (factWork.written).
func (w *txWriter) writeEdges(b *Batch) error {
	var fresh []any
	var facts []factRec
	var lifts []pendingLift
	ends := nodeRefs{at: map[string]int64{}}
	merge := map[graph.RelType][]any{}
	for _, spec := range graph.Relations {
		for _, r := range b.Edges[spec.Type] {
			props := r["props"].(map[string]any)
			from, to := w.nodes[r["from"].(string)].eid, w.nodes[r["to"].(string)].eid
			if !w.created[props["article"].(string)] {
				merge[spec.Type] = append(merge[spec.Type], map[string]any{"a": from, "b": to, "props": props, "key": r["key"], "to": r["to"]})
				continue
			}
			out := map[string]any{"a": ends.ref(from), "b": ends.ref(to), "props": props, "type": string(spec.Type)}
			fact := -1
			if spec.Type != graph.RelMentions {
				fact = len(facts)
				out["i"] = int64(fact)
				facts = append(facts, w.writtenFact(spec.Type, r, props))
			}
			if lr, ok := liftRowOf(spec.Type, r["from"].(string), r["to"].(string), props); ok {
				lifts = append(lifts, pendingLift{art: props["article"].(string), fact: fact, row: lr})
			}
			fresh = append(fresh, out)
		}
	}
	if err := w.createEdges(ends.eids, fresh, facts); err != nil {
		return err
	}
	w.keepWritten(b, lifts, facts)
	for _, spec := range graph.Relations {
		if rows := merge[spec.Type]; len(rows) > 0 {
			if err := w.mergeType(spec.Type, rows); err != nil {
				return err
			}
		}
	}
	return nil
}

// nodeRefs numbers the element ids of the nodes createStmt's rows join, in order of first use.
type nodeRefs struct {
	at   map[string]int64
	eids []any
}

func (n *nodeRefs) ref(eid string) int64 {
	i, ok := n.at[eid]
	if !ok {
		i = int64(len(n.eids))
		n.at[eid] = i
		n.eids = append(n.eids, eid)
	}
	return i
}

// createEdges runs createStmt for rows between the nodes nodes and notes the fact
// relationships (facts, the rows' index i) with their element ids.
func (w *txWriter) createEdges(nodes, rows []any, facts []factRec) error {
	if len(rows) == 0 {
		return nil
	}
	rec, c, err := w.one("creating relationships", createStmt, map[string]any{"nodes": nodes, "rows": rows})
	if err != nil {
		return err
	}
	eids, _ := rec.Values[1].([]any)
	if n, _ := rec.Values[0].(int64); int(n) != len(rows) || len(eids) != len(facts) {
		return fmt.Errorf("creating relationships: wrote %d of %d rows (an endpoint node is missing)", n, len(rows))
	}
	for _, x := range eids {
		p, _ := x.([]any)
		i, _ := p[0].(int64)
		facts[i].rid, _ = p[1].(string)
	}
	for _, f := range facts {
		w.facts.written[f.art] = append(w.facts.written[f.art], f)
	}
	w.st.RelsCreated += c.RelationshipsCreated()
	return nil
}

func (w *txWriter) mergeType(t graph.RelType, rows []any) error {
	what := string(t) + " relationships"
	rec, c, err := w.one(what, mergeStmt(t), map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	if n, _ := rec.Values[0].(int64); int(n) != len(rows) {
		return fmt.Errorf("%s: wrote %d of %d rows (an endpoint node is missing)", what, n, len(rows))
	}
	changed, _ := rec.Values[1].(int64)
	if t == graph.RelMentions {
		for _, id := range strs(rec.Values[2]) {
			w.recompute[id] = true
		}
	}
	w.st.RelsCreated += c.RelationshipsCreated()
	w.st.RelsUpdated += int(changed) - c.RelationshipsCreated()
	return nil
}

// extendAliases adds the spellings of the batch's MENTIONS to the aliases of the nodes
// not recomputed, as the nodes statement left them.
func (w *txWriter) extendAliases(b *Batch) error {
	add := map[string][]string{}
	var order []string
	for _, r := range b.Edges[graph.RelMentions] {
		to := r["to"].(string)
		if w.recompute[to] {
			continue
		}
		if _, ok := add[to]; !ok {
			order = append(order, to)
		}
		props, _ := r["props"].(map[string]any)
		al, _ := stringList(props["aliases"])
		add[to] = append(add[to], al...)
	}
	var rows []any
	for _, id := range order {
		n := w.nodes[id]
		if r, ok := w.aliasRow(id, n.name, n.aliases, []any{n.aliases, anyList(add[id])}); ok {
			r["eid"] = n.eid
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	_, _, err := w.one("setting aliases", setAliasesStmt, map[string]any{"rows": rows})
	return err
}
