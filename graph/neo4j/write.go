package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// runner is what a batch runs its statements on: a managed transaction (Load, Retract)
// or an explicit one that is rolled back (Retract's dry run).
type runner interface {
	Run(ctx context.Context, cypher string, params map[string]any) (neo4j.ResultWithContext, error)
}

// txWriter carries one write transaction's work and counts. Every change of a batch —
// earlier versions retracted, nodes and relationships merged, stale relationships
// removed, orphans deleted, aliases recomputed — happens in that one transaction, so an
// article is either fully replaced or untouched.
type txWriter struct {
	ctx        context.Context
	tx         runner
	st         graph.LoadStats
	created    map[string]bool // node ids created in this transaction
	changed    map[string]bool // node ids whose properties changed
	candidates map[string]bool // entity ids that lost a relationship: maybe orphans now
	// recompute are entity ids whose aliases must be recomputed from all their MENTIONS:
	// renamed, or an article's MENTIONS now credits other spellings. The other nodes a
	// batch touches only gain the spellings of its MENTIONS.
	recompute map[string]bool
	nodes     map[string]nodeInfo // the nodes the batch merged, by id
	facts     *factWork           // the corroboration facts to recompute (derived_corroboration.go)
	actors    *actorWork          // the most_connected counts to update (derived_most_connected.go)
	// pressure_network groups to recompute (derived_pressure.go)
	pressure map[string]pressureKey
	ties     *pairWork // country_pairs groups to update (derived_country_pairs.go)
	// lifted are the lift rows of the articles this transaction created, or the catch-up's
	// batches did, by article (derived_country_pairs_written.go)
	lifted map[string][]liftRow
	// times, when not nil, sums the time of each statement by what it does (a load's debug
	// log prints it: docs/performance.md)
	times map[string]time.Duration
	// deferDerived leaves the derived modules that can lag (derived.go: deferrable) to a
	// later transaction (derived_pending.go).
	deferDerived bool
	// catching is set while the writer catches up pending articles: the ends of their fact
	// relationships count as touched actors (as the nodes of their batch did).
	catching bool
}

func newTxWriter(ctx context.Context, tx runner) *txWriter {
	return &txWriter{ctx: ctx, tx: tx, created: map[string]bool{}, changed: map[string]bool{}, candidates: map[string]bool{},
		recompute: map[string]bool{}, nodes: map[string]nodeInfo{}, facts: newFactWork(), actors: newActorWork(),
		lifted: map[string][]liftRow{}}
}

// failStatement is a fault injector for the integration tests (nil otherwise): called
// before each statement of a write transaction with what the statement does, an error
// it returns fails the transaction at that point.
var failStatement func(what string) error

func (w *txWriter) start(what string) error {
	if failStatement != nil {
		if err := failStatement(what); err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
	}
	return nil
}

// timed adds the time since start to statement what's (when the writer keeps times).
func (w *txWriter) timed(what string, start time.Time) {
	if w.times != nil {
		w.times[what] += time.Since(start)
	}
}

// one runs a statement that returns one record and returns it with the counters.
func (w *txWriter) one(what, cypher string, params map[string]any) (*neo4j.Record, neo4j.Counters, error) {
	if err := w.start(what); err != nil {
		return nil, nil, err
	}
	defer w.timed(what, time.Now())
	res, err := w.tx.Run(w.ctx, cypher, params)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	rec, err := res.Single(w.ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	sum, err := res.Consume(w.ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", what, err)
	}
	return rec, sum.Counters(), nil
}

// all runs a statement and returns every record.
func (w *txWriter) all(what, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	if err := w.start(what); err != nil {
		return nil, err
	}
	defer w.timed(what, time.Now())
	res, err := w.tx.Run(w.ctx, cypher, params)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	recs, err := res.Collect(w.ctx)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	return recs, nil
}

// seekChunk is how many ids a statement that seeks an index per id (and per relationship
// type) takes at once: the catch-ups lift up to derivedChunk articles, and one statement per
// 250 of them keeps each statement's rows and memory small, and every call in one size range
// of the server's plan cache (docs/performance.md, *Plans kept from a small graph*).
const seekChunk = 250

// allByIDs runs a statement whose parameter param lists ids, for at most seekChunk ids at a
// time, and returns every record in order.
func (w *txWriter) allByIDs(what, cypher, param string, ids []string) ([]*neo4j.Record, error) {
	var out []*neo4j.Record
	for len(ids) > 0 {
		n := min(len(ids), seekChunk)
		recs, err := w.all(what, cypher, map[string]any{param: anyList(ids[:n])})
		if err != nil {
			return nil, err
		}
		out, ids = append(out, recs...), ids[n:]
	}
	return out, nil
}

func strs(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// stats finishes the counts: a node counts as updated when it changed and was not created.
func (w *txWriter) stats() graph.LoadStats {
	st := w.st
	st.NodesCreated = len(w.created)
	for id := range w.changed {
		if !w.created[id] {
			st.NodesUpdated++
		}
	}
	return st
}

// staleStmt removes an article's relationships of one type whose key the article no
// longer produces; removeStmt removes all of them (a retracted article). Both return the
// ids at both ends, which may be orphans now.
func staleStmt(t graph.RelType) string {
	return `UNWIND $articles AS art
` + articleRels(t, "art.id") + `
WHERE r.article = art.id AND NOT r.key IN art.keys
WITH r, x.id AS xi, y.id AS yi
DELETE r
RETURN count(r) AS removed, collect(DISTINCT xi) + collect(DISTINCT yi) AS ids`
}

func removeStmt(t graph.RelType) string {
	return `UNWIND $ids AS id
` + articleRels(t, "id") + `
WHERE r.article = id
WITH r, x.id AS xi, y.id AS yi
DELETE r
RETURN count(r) AS removed, collect(DISTINCT xi) + collect(DISTINCT yi) AS ids`
}

// articleRels matches (x)-[r]->(y) for the relationships of type t that the article whose id
// is the expression id may have stated (the caller filters on r.article): by the type's
// article index, or for MENTIONS, which has none (relIndexed), from the article's node.
func articleRels(t graph.RelType, id string) string {
	if relIndexed(t, "article") {
		return "MATCH (x)-[r:" + ident(string(t)) + "]->(y)"
	}
	return "MATCH (x:" + ident(string(graph.LabelArticle)) + " {id: " + id + "})-[r:" + ident(string(t)) + "]->(y)"
}

// batchResult is what one committed batch did: its counts and the node ids it created and
// changed (so that a node created by one batch and touched by a later one counts once).
type batchResult struct {
	st               graph.LoadStats
	created, changed map[string]bool
	// pending is the pending marker the batch wrote (derived_pending.go), for the runner to
	// catch up (derived_runner.go); nil for none.
	pending *pendingRef
}

// nodeTally counts distinct nodes over the batches of one load: created by some batch, or
// changed by some batch without being created by this load. Each id costs O(1).
type nodeTally struct {
	created, changed map[string]bool
	updated          int
}

func (t *nodeTally) add(r batchResult, st *graph.LoadStats) {
	if t.created == nil {
		t.created, t.changed = map[string]bool{}, map[string]bool{}
	}
	for id := range r.created {
		if !t.created[id] {
			t.created[id] = true
			if t.changed[id] { // counted as updated by an earlier batch
				t.updated--
			}
		}
	}
	for id := range r.changed {
		if !t.changed[id] {
			t.changed[id] = true
			if !t.created[id] {
				t.updated++
			}
		}
	}
	st.NodesCreated, st.NodesUpdated = len(t.created), t.updated
}

// removeStale removes each article's relationships whose key it no longer produces. An
// article whose node this transaction created has none stored (a load writes an article's
// node and relationships together, a retraction removes them together), so only articles
// stored before are looked at: a first load runs none of these statements.
func (w *txWriter) removeStale(b *Batch) error {
	arts := make([]any, 0, len(b.Keys))
	for _, a := range b.Articles {
		if id := a["id"].(string); !w.created[id] {
			arts = append(arts, map[string]any{"id": id, "keys": b.Keys[id]})
		}
	}
	if len(arts) == 0 {
		return nil
	}
	for _, spec := range graph.Relations {
		rec, _, err := w.one("removing stale "+string(spec.Type)+" relationships", staleStmt(spec.Type), map[string]any{"articles": arts})
		if err != nil {
			return err
		}
		w.removed(rec)
	}
	return nil
}

// removed counts a removal statement's record and keeps the ends as candidates.
func (w *txWriter) removed(rec *neo4j.Record) {
	n, _ := rec.Values[0].(int64)
	w.st.RelsRemoved += int(n)
	for _, id := range strs(rec.Values[1]) {
		if _, ok := graph.LabelOfID(id); ok {
			w.candidates[id] = true
		}
	}
}

// retract removes the given articles: every relationship they stated (MENTIONS
// included) and their Article nodes. settle then removes what nothing supports.
func (w *txWriter) retract(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	params := map[string]any{"ids": anyList(ids)}
	for _, spec := range graph.Relations {
		rec, _, err := w.one("retracting "+string(spec.Type)+" relationships", removeStmt(spec.Type), params)
		if err != nil {
			return err
		}
		w.removed(rec)
	}
	rec, _, err := w.one("retracting Article nodes", `UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a
RETURN count(*) AS removed`, params)
	if err != nil {
		return err
	}
	n, _ := rec.Values[0].(int64)
	w.st.NodesRemoved += int(n)
	w.st.Retracted += int(n)
	return nil
}

func anyList(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// settle deletes the candidates no relationship holds any more (an entity only a removed
// article named) and brings the aliases up to date: a node that lost a MENTIONS, was
// renamed or whose MENTIONS credits other spellings now gets the union of the spellings
// each remaining article contributed, without its name, sorted; any other node the batch
// b (nil for a retraction) mentions gains its MENTIONS' spellings. A node with a MENTIONS
// from before aliases were credited per article (no "aliases" prop) keeps its stored
// aliases and only gains. The derived data's written hooks run first, their settled hooks
// last (derived.go).
func (w *txWriter) settle(b *Batch) error {
	if err := w.derivedWritten(b); err != nil { // derived.go
		return err
	}
	if err := w.deleteOrphans(); err != nil {
		return err
	}
	for id := range w.candidates {
		w.recompute[id] = true
	}
	if err := w.recomputeAliases(); err != nil {
		return err
	}
	if b != nil {
		if err := w.extendAliases(b); err != nil {
			return err
		}
	}
	return w.derivedSettled(b) // derived.go
}

func (w *txWriter) deleteOrphans() error {
	byLabel := map[graph.Label][]string{}
	for id := range w.candidates {
		l, _ := graph.LabelOfID(id)
		byLabel[l] = append(byLabel[l], id)
	}
	for _, l := range graph.EntityLabels {
		ids := byLabel[l]
		if len(ids) == 0 {
			continue
		}
		sort.Strings(ids)
		rec, _, err := w.one("removing "+string(l)+" nodes no article supports", `UNWIND $ids AS id
MATCH (n:`+ident(string(l))+` {id: id})
WHERE NOT EXISTS { (n)--() }
WITH n, n.id AS id
DELETE n
RETURN count(*) AS removed, collect(id) AS ids`, map[string]any{"ids": anyList(ids)})
		if err != nil {
			return err
		}
		n, _ := rec.Values[0].(int64)
		w.st.NodesRemoved += int(n)
		for _, id := range strs(rec.Values[1]) {
			delete(w.candidates, id)
			delete(w.changed, id)
			delete(w.recompute, id)
		}
	}
	return nil
}

func (w *txWriter) setAliases(l graph.Label, rows []any) error {
	if len(rows) == 0 {
		return nil
	}
	_, _, err := w.one("setting "+string(l)+" aliases", `UNWIND $rows AS row
MATCH (n:`+ident(string(l))+` {id: row.id})
SET n.aliases = row.aliases
RETURN count(n)`, map[string]any{"rows": rows})
	return err
}

func (w *txWriter) recomputeAliases() error {
	byLabel := map[graph.Label][]any{}
	for id := range w.recompute {
		l, _ := graph.LabelOfID(id)
		byLabel[l] = append(byLabel[l], id)
	}
	for _, l := range graph.EntityLabels {
		if len(byLabel[l]) == 0 {
			continue
		}
		recs, err := w.all("reading "+string(l)+" aliases", `UNWIND $ids AS id
MATCH (n:`+ident(string(l))+` {id: id})
OPTIONAL MATCH (:Article)-[m:MENTIONS]->(n)
WITH n, collect(m.aliases) AS lists, count(m) AS total
RETURN n.id AS id, n.name AS name, n.aliases AS aliases, lists, total`, map[string]any{"ids": byLabel[l]})
		if err != nil {
			return err
		}
		var rows []any
		for _, r := range recs {
			m := r.AsMap()
			lists, _ := m["lists"].([]any)
			total, _ := m["total"].(int64)
			if total == 0 || int64(len(lists)) < total {
				continue // no MENTIONS, or one without credited aliases: keep them
			}
			id, _ := m["id"].(string)
			if row, ok := w.aliasRow(id, m["name"], m["aliases"], lists); ok {
				rows = append(rows, row)
			}
		}
		if err := w.setAliases(l, rows); err != nil {
			return err
		}
	}
	return nil
}

// aliasRow returns the row that sets a node's aliases to the union of lists (lists of
// strings) without its name, sorted — when that differs from the stored aliases.
func (w *txWriter) aliasRow(id string, name, stored any, lists []any) (map[string]any, bool) {
	nm, _ := name.(string)
	set := map[string]bool{}
	for _, l := range lists {
		for _, a := range strs(l) {
			if !strings.EqualFold(a, nm) {
				set[a] = true
			}
		}
	}
	al := make([]string, 0, len(set))
	for a := range set {
		al = append(al, a)
	}
	sort.Strings(al)
	old := strs(stored)
	if strings.Join(old, "\x00") == strings.Join(al, "\x00") && (len(old) == 0) == (stored == nil) {
		return nil, false
	}
	w.changed[id] = true
	var v any
	if len(al) > 0 {
		v = anyList(al)
	}
	return map[string]any{"id": id, "aliases": v}, true
}
