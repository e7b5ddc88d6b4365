package neo4j

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// Derived data that lags a load's batches, never a committed load. A batch whose articles are
// all new to the graph (lookup.allNew) changes no stored relationship, so what the deferrable
// modules (derived.go: the corroboration facts with the actor ranks and pairs, the country
// pairs) keep for its articles is their contribution added, which can be done later: the
// batch's transaction writes, beside the graph, a marker node
//
//	(:DerivedPending {id, articles, renamed, nodes})
//
// (its articles; the nodes it renamed; the actors it merged, whose ranks it may change) and the load hands the marker
// to a second session (derivedRunner), which adds those articles to the derived data and
// deletes the marker in one transaction, while the next batch is written on the first session:
// two write transactions at once on the server, which touch disjoint nodes (a batch locks
// graph nodes, the pressure groups and its marker; the catch-up the facts, ranks, pairs and
// country pairs). Markers waiting together are caught up in one transaction (a hub's rank is
// written once for them). The load returns only when every marker it wrote is caught up, so
// the derived data are exact when it returns; while it runs, reports may see them lag the
// committed batches.
//
// A marker left by a load that stopped (killed, Ctrl-C, a failed catch-up) is caught up by the
// next ApplySchema (`schema apply`, and every `load`, which applies the schema first); before
// that, any transaction that changes a stored article's relationships (a batch of stored
// articles or earlier versions, a retraction) first catches up, in its own transaction, the
// markers that name one of its articles: what a marker's articles contribute is added exactly
// once, and never subtracted before it was added.

// PendingLabel labels the markers of articles whose derived data are not caught up yet.
const PendingLabel = "DerivedPending"

// errNotNew: a batch written as all new found one of its articles stored (writeBatch).
var errNotNew = errors.New("an article of the batch is stored already")

const pendingCreateStmt = `CREATE (p:` + "`" + PendingLabel + "`" + ` {id: $id, articles: $articles, renamed: $renamed, nodes: $nodes})
RETURN p.id`

// pendingLockStmt locks and reads the markers given by id.
const pendingLockStmt = noReplan + `MATCH (p:` + "`" + PendingLabel + "`" + `)
WHERE p.id IN $ids` + pendingLockTail

// pendingOfStmt locks and reads the markers naming one of the articles $ids.
const pendingOfStmt = noReplan + `MATCH (p:` + "`" + PendingLabel + "`" + `)
WHERE any(a IN p.articles WHERE a IN $ids)` + pendingLockTail

// pendingLockTail locks the markers matched (p) and returns them in id order.
const pendingLockTail = `
SET p.locked = true
REMOVE p.locked
RETURN p.id AS id, p.articles AS articles, p.renamed AS renamed, p.nodes AS nodes
ORDER BY id`

const pendingDeleteStmt = noReplan + `UNWIND $ids AS id
MATCH (p:` + "`" + PendingLabel + "`" + ` {id: id})
DELETE p
RETURN count(*)`

// markPending writes the marker of batch b, whose derived data this transaction left
// (deferDerived), and returns its id.
func (w *txWriter) markPending(b *Batch) (string, error) {
	var id [12]byte
	if _, err := rand.Read(id[:]); err != nil {
		return "", err
	}
	renamed := make([]string, 0, len(w.facts.renamed))
	for n := range w.facts.renamed {
		renamed = append(renamed, n)
	}
	sort.Strings(renamed)
	var actors []string // the ranks of every actor the batch merged are brought up to date
	for n := range w.nodes {
		if l, _ := graph.LabelOfID(n); isActorLabel(l) {
			actors = append(actors, n)
		}
	}
	sort.Strings(actors)
	params := map[string]any{"id": hex.EncodeToString(id[:]), "articles": anyList(factBatchIDs(b)),
		"renamed": anyList(renamed), "nodes": anyList(actors)}
	rec, _, err := w.one("marking the derived data pending", pendingCreateStmt, params)
	if err != nil {
		return "", err
	}
	return str(rec.Values[0]), nil
}

// pendingSet is what some markers name: their ids, articles, renamed and loose nodes.
type pendingSet struct{ ids, articles, renamed, nodes []string }

func pendingOf(recs []*neo4j.Record) pendingSet {
	var p pendingSet
	for _, r := range recs {
		m := r.AsMap()
		p.ids = append(p.ids, str(m["id"]))
		p.articles = append(p.articles, strs(m["articles"])...)
		p.renamed = append(p.renamed, strs(m["renamed"])...)
		p.nodes = append(p.nodes, strs(m["nodes"])...)
	}
	p.articles, p.renamed, p.nodes = uniqueStrings(p.articles), uniqueStrings(p.renamed), uniqueStrings(p.nodes)
	return p
}

// catchUpArticles catches up, in this transaction, the markers that name one of the articles
// ids (before a transaction changes their relationships).
func (w *txWriter) catchUpArticles(ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	recs, err := w.all("reading the pending derived data of the articles", pendingOfStmt, map[string]any{"ids": anyList(ids)})
	if err != nil || len(recs) == 0 {
		return err
	}
	return w.catchUp(pendingOf(recs), batchRows{})
}

// batchRows are what batches created that their catch-up takes from them rather than read
// back, by article: the fact relationships (factWork.written) and the lift rows
// (derived_country_pairs_written.go). Every article a batch created has an entry in both,
// empty or not (keepWritten).
type batchRows struct {
	facts map[string][]factRec
	lifts map[string][]liftRow
}

// add adds o's articles to r.
func (r batchRows) add(o batchRows) {
	for a, recs := range o.facts {
		r.facts[a] = recs
	}
	for a, rows := range o.lifts {
		r.lifts[a] = rows
	}
}

// catchUpMarkers catches up the markers given by id in this transaction; the articles in rows
// (the zero value: none) are not read back.
func (w *txWriter) catchUpMarkers(ids []string, rows batchRows) error {
	recs, err := w.all("locking the pending markers", pendingLockStmt, map[string]any{"ids": anyList(ids)})
	if err != nil || len(recs) == 0 {
		return err
	}
	return w.catchUp(pendingOf(recs), rows)
}

// catchUp adds the articles of p to the deferrable derived data, as the transaction that wrote
// them would have (derived.go), with a writer of its own on the same transaction (its work
// must not mix with the caller's), and deletes the markers. The actors whose ranks may change
// are those the batches merged (p.nodes: every end and every node an article mentions) and
// renamed. The fact relationships and lift rows of an article in rows are taken from there,
// the others read: the facts' ends keep their names as the batch wrote them (a node renamed
// since is in p.renamed or a later marker's, and its facts get its name now), and the lift
// rows' countries get theirs read now (writtenLifts).
func (w *txWriter) catchUp(p pendingSet, rows batchRows) error {
	cw := newTxWriter(w.ctx, w.tx)
	cw.times, cw.catching = w.times, true
	for _, a := range p.articles {
		if recs, ok := rows.facts[a]; ok {
			cw.created[a] = true // factRels takes them from cw.facts.written
			cw.facts.written[a] = recs
		}
		if lr, ok := rows.lifts[a]; ok {
			cw.lifted[a] = lr // liftArticles takes them from there
		}
	}
	if err := cw.renamedNames(p.renamed); err != nil {
		return err
	}
	for _, id := range p.nodes {
		cw.actors.touched[id] = true
	}
	if err := cw.factsAfter(p.articles); err != nil {
		return err
	}
	if err := cw.pairsAfterIDs(p.articles); err != nil {
		return err
	}
	_, _, err := cw.one("deleting the pending markers", pendingDeleteStmt, map[string]any{"ids": anyList(p.ids)})
	return err
}

// renamedNames notes the nodes renamed by the pending batches with their names now (the
// facts' and country pairs' rename handling reads them from w.nodes).
func (w *txWriter) renamedNames(ids []string) error {
	byLabel := map[graph.Label][]any{}
	for _, id := range ids {
		if l, ok := graph.LabelOfID(id); ok {
			byLabel[l] = append(byLabel[l], id)
		}
	}
	for _, l := range graph.EntityLabels {
		if len(byLabel[l]) == 0 {
			continue
		}
		recs, err := w.all("reading the names of renamed nodes", `UNWIND $ids AS id
MATCH (n:`+ident(string(l))+` {id: id})
RETURN n.id, n.name`, map[string]any{"ids": byLabel[l]})
		if err != nil {
			return err
		}
		for _, r := range recs {
			id := str(r.Values[0])
			w.nodes[id] = nodeInfo{name: r.Values[1]}
			w.facts.renamed[id] = true
		}
	}
	return nil
}

// catchUpPending catches up every marker there is (ApplySchema: markers a stopped load left),
// in transactions of pendingChunk markers.
func (s *Store) catchUpPending(ctx context.Context) error {
	recs, err := s.read(ctx, "MATCH (p:`"+PendingLabel+"`) RETURN p.id ORDER BY p.id", nil)
	if err != nil || len(recs) == 0 {
		return err
	}
	s.log.Info("bringing the derived data of an interrupted load up to date", "batches", len(recs))
	for i := 0; i < len(recs); i += pendingChunk {
		var ids []string
		for _, r := range recs[i:min(i+pendingChunk, len(recs))] {
			ids = append(ids, str(r.Values[0]))
		}
		if err := s.factsWrite(ctx, func(w *txWriter) error {
			return w.catchUpMarkers(ids, batchRows{})
		}); err != nil {
			return fmt.Errorf("bringing the derived data up to date: %w", err)
		}
	}
	return nil
}

// pendingChunk is how many markers catchUpPending takes a transaction.
const pendingChunk = 4

// retryGone runs f again (three tries in all) when it fails because a node it locked was
// deleted meanwhile: two loads at once may both catch up one marker, and the one that locks it
// second finds it deleted by the first (Neo.ClientError.Statement.EntityNotFound, which the
// driver does not retry); its next try no longer finds the marker.
func retryGone(f func() (any, error)) (any, error) {
	var out any
	var err error
	for range 3 {
		out, err = f()
		var ne *neo4j.Neo4jError
		if err == nil || !errors.As(err, &ne) || !strings.Contains(ne.Code, "EntityNotFound") {
			break
		}
	}
	return out, err
}
