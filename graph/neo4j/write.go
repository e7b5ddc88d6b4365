package neo4j

import (
	"context"
	"fmt"
	"sort"
	"strings"

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
}

func newTxWriter(ctx context.Context, tx runner) *txWriter {
	return &txWriter{ctx: ctx, tx: tx, created: map[string]bool{}, changed: map[string]bool{}, candidates: map[string]bool{}}
}

// one runs a statement that returns one record and returns it with the counters.
func (w *txWriter) one(what, cypher string, params map[string]any) (*neo4j.Record, neo4j.Counters, error) {
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

// merged checks that a MERGE statement wrote every row and records which nodes it
// created and changed (its record: rows, created ids, changed ids).
func (w *txWriter) merged(what string, rec *neo4j.Record, want int) error {
	rows, _ := rec.Values[0].(int64)
	if int(rows) != want {
		return fmt.Errorf("%s: wrote %d of %d rows (an endpoint node is missing)", what, rows, want)
	}
	for _, id := range strs(rec.Values[1]) {
		w.created[id] = true
	}
	for _, id := range strs(rec.Values[2]) {
		w.changed[id] = true
	}
	return nil
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

// mergeHead merges one node per row, noting whether it existed (isNew) and its
// properties before (before); mergeCounts returns the rows, created ids and changed ids.
func mergeHead(l graph.Label) string {
	return `UNWIND $rows AS row
OPTIONAL MATCH (old:` + ident(string(l)) + ` {id: row.id})
WITH row, old IS NULL AS isNew
MERGE (n:` + ident(string(l)) + ` {id: row.id})
WITH n, row, isNew, properties(n) AS before
`
}

const mergeCounts = `
RETURN count(n) AS rows,
       collect(CASE WHEN isNew THEN n.id END) AS created,
       collect(CASE WHEN before <> properties(n) THEN n.id END) AS changed`

var articleStmt = mergeHead(graph.LabelArticle) + `SET n = row.props` + mergeCounts

// nodeStmt merges entity nodes. Aliases of a node some article of the input mentions
// are recomputed from its MENTIONS afterwards (settle); a node no article mentions gets
// the input's aliases added to those stored.
func nodeStmt(l graph.Label) string {
	return mergeHead(l) + `SET n += row.props
WITH n, row, isNew, before, reduce(acc = coalesce(n.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END) AS aliases
SET n.name = row.name, n.aliases = CASE WHEN NOT row.loose THEN n.aliases WHEN size(aliases) = 0 THEN null ELSE aliases END` + mergeCounts
}

func edgeStmt(g edgeGroup) string {
	return `UNWIND $rows AS row
MATCH (a:` + ident(string(g.From)) + ` {id: row.from})
MATCH (b:` + ident(string(g.To)) + ` {id: row.to})
MERGE (a)-[r:` + ident(string(g.Type)) + ` {key: row.key}]->(b)
WITH r, row, properties(r) AS before
SET r = row.props
RETURN count(r) AS rows, sum(CASE WHEN before = properties(r) THEN 0 ELSE 1 END) AS changed`
}

// staleStmt removes an article's relationships of one type whose key the article no
// longer produces; removeStmt removes all of them (a retracted article). Both return the
// ids at both ends, which may be orphans now.
func staleStmt(t graph.RelType) string {
	return `UNWIND $articles AS art
MATCH (x)-[r:` + ident(string(t)) + `]->(y)
WHERE r.article = art.id AND NOT r.key IN art.keys
WITH r, x.id AS xi, y.id AS yi
DELETE r
RETURN count(r) AS removed, collect(DISTINCT xi) + collect(DISTINCT yi) AS ids`
}

func removeStmt(t graph.RelType) string {
	return `UNWIND $ids AS id
MATCH (x)-[r:` + ident(string(t)) + `]->(y)
WHERE r.article = id
WITH r, x.id AS xi, y.id AS yi
DELETE r
RETURN count(r) AS removed, collect(DISTINCT xi) + collect(DISTINCT yi) AS ids`
}

// writeBatch runs inside a managed write transaction; it may be retried, so it only
// returns its counts.
func (s *Store) writeBatch(ctx context.Context, tx neo4j.ManagedTransaction, b *Batch) (graph.LoadStats, error) {
	w := newTxWriter(ctx, tx)
	w.st.Articles, w.st.Batches = len(b.Articles), 1
	steps := []func(*Batch) error{w.replaceRevisions, w.mergeArticles, w.mergeNodes, w.mergeEdges, w.removeStale}
	for _, step := range steps {
		if err := step(b); err != nil {
			return w.st, err
		}
	}
	var touched []string
	for _, rows := range b.Nodes {
		for _, r := range rows {
			touched = append(touched, r["id"].(string))
		}
	}
	if err := w.settle(touched); err != nil {
		return w.st, err
	}
	return w.stats(), nil
}

// replaceRevisions retracts the stored articles that are earlier versions of the batch's
// articles: the same doc_key (a file's path) and another id.
func (w *txWriter) replaceRevisions(b *Batch) error {
	if len(b.Articles) == 0 {
		return nil
	}
	ids := make([]any, 0, len(b.Articles))
	for _, a := range b.Articles {
		ids = append(ids, a["id"])
	}
	rec, _, err := w.one("finding earlier versions of the articles", `UNWIND $rows AS row
WITH row WHERE row.props.doc_key IS NOT NULL
MATCH (old:Article {doc_key: row.props.doc_key})
WHERE NOT old.id IN $ids
RETURN collect(DISTINCT old.id) AS old`, map[string]any{"rows": b.Articles, "ids": ids})
	if err != nil {
		return err
	}
	return w.retract(strs(rec.Values[0]))
}

func (w *txWriter) mergeArticles(b *Batch) error {
	if len(b.Articles) == 0 {
		return nil
	}
	rec, _, err := w.one("Article nodes", articleStmt, map[string]any{"rows": b.Articles})
	if err != nil {
		return err
	}
	return w.merged("Article nodes", rec, len(b.Articles))
}

func (w *txWriter) mergeNodes(b *Batch) error {
	for _, l := range graph.EntityLabels {
		rows := b.Nodes[l]
		if len(rows) == 0 {
			continue
		}
		what := string(l) + " nodes"
		rec, _, err := w.one(what, nodeStmt(l), map[string]any{"rows": rows})
		if err != nil {
			return err
		}
		if err := w.merged(what, rec, len(rows)); err != nil {
			return err
		}
	}
	return nil
}

func (w *txWriter) mergeEdges(b *Batch) error {
	groups := make([]edgeGroup, 0, len(b.Edges))
	for g := range b.Edges {
		groups = append(groups, g)
	}
	sort.Slice(groups, func(i, j int) bool {
		a, b := groups[i], groups[j]
		if a.Type != b.Type {
			return a.Type < b.Type
		}
		if a.From != b.From {
			return a.From < b.From
		}
		return a.To < b.To
	})
	for _, g := range groups {
		rows := b.Edges[g]
		what := fmt.Sprintf("%s relationships (%s -> %s)", g.Type, g.From, g.To)
		rec, c, err := w.one(what, edgeStmt(g), map[string]any{"rows": rows})
		if err != nil {
			return err
		}
		if n, _ := rec.Values[0].(int64); int(n) != len(rows) {
			return fmt.Errorf("%s: wrote %d of %d rows (an endpoint node is missing)", what, n, len(rows))
		}
		changed, _ := rec.Values[1].(int64)
		w.st.RelsCreated += c.RelationshipsCreated()
		w.st.RelsUpdated += int(changed) - c.RelationshipsCreated()
	}
	return nil
}

// removeStale removes each article's relationships whose key it no longer produces.
func (w *txWriter) removeStale(b *Batch) error {
	if len(b.Keys) == 0 {
		return nil
	}
	arts := make([]any, 0, len(b.Keys))
	for _, a := range b.Articles {
		id := a["id"].(string)
		arts = append(arts, map[string]any{"id": id, "keys": b.Keys[id]})
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
// article named), and recomputes the aliases of the touched and candidate nodes from the
// MENTIONS that remain: the union of the spellings each remaining article contributed,
// without the node's name, sorted. A node with a MENTIONS from before aliases were
// credited per article (no "aliases" prop) keeps its stored aliases.
func (w *txWriter) settle(touched []string) error {
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
		}
	}
	for _, id := range touched {
		if _, ok := graph.LabelOfID(id); ok {
			w.candidates[id] = true
		}
	}
	return w.recomputeAliases()
}

func (w *txWriter) recomputeAliases() error {
	byLabel := map[graph.Label][]any{}
	for id := range w.candidates {
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
			if row, ok := w.aliasRow(r); ok {
				rows = append(rows, row)
			}
		}
		if len(rows) == 0 {
			continue
		}
		if _, _, err := w.one("setting "+string(l)+" aliases", `UNWIND $rows AS row
MATCH (n:`+ident(string(l))+` {id: row.id})
SET n.aliases = row.aliases
RETURN count(n)`, map[string]any{"rows": rows}); err != nil {
			return err
		}
	}
	return nil
}

// aliasRow returns the new aliases of a node read by recomputeAliases, when they differ
// from the stored ones and every MENTIONS credits its aliases.
func (w *txWriter) aliasRow(r *neo4j.Record) (map[string]any, bool) {
	m := r.AsMap()
	lists, _ := m["lists"].([]any)
	total, _ := m["total"].(int64)
	if total == 0 || int64(len(lists)) < total {
		return nil, false
	}
	id, _ := m["id"].(string)
	name, _ := m["name"].(string)
	set := map[string]bool{}
	for _, l := range lists {
		for _, a := range strs(l) {
			if !strings.EqualFold(a, name) {
				set[a] = true
			}
		}
	}
	al := make([]string, 0, len(set))
	for a := range set {
		al = append(al, a)
	}
	sort.Strings(al)
	old := strs(m["aliases"])
	if strings.Join(old, "\x00") == strings.Join(al, "\x00") && (len(old) == 0) == (m["aliases"] == nil) {
		return nil, false
	}
	w.changed[id] = true
	var v any
	if len(al) > 0 {
		v = anyList(al)
	}
	return map[string]any{"id": id, "aliases": v}, true
}
