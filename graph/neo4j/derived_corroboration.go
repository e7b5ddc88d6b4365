package neo4j

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// The corroboration report ranks facts: the relationships of one type (MENTIONS aside) between
// the same two nodes (either order for MET and SPOKE_WITH) with the same status, title and month,
// by their number of distinct articles. Grouping every relationship of the graph for each run
// grows with the graph, so the loader keeps one bookkeeping node per fact:
//
//	(:CorroborationFact {key, type, x, y, subject, object, status, title, month, articles, sort, tsort})
//
// x and y are the ids of the fact's ends (ordered for MET and SPOKE_WITH), subject and object
// their names; articles is the number of distinct articles stating it; sort is a string whose
// order is the report's (articles descending, relation, subject, object, month, status, then
// the ids), indexed, and tsort the same after the type, so that the report reads its first rows
// in index order, with or without a type. (The article ids, drawing and relationship count:
// derived_corroboration_draw.go.)
//
// Kept exact in the write transaction of every batch and retraction (factWork): only the
// relationships of the articles a transaction writes or retracts can change, so each fact's
// number of articles changes by the number of those articles stating it after the transaction
// minus before (both read by factRelsStmt, or for an article the transaction created, taken from
// what it wrote: factRels); the facts of a renamed node get its new name. A graph loaded by an
// earlier build gets the nodes from backfillFacts (ApplySchema). The label is bookkeeping: not
// in Counts' totals, exports or the summary report. Nothing is written on the relationships
// (builds before 2026-12 set `fact`, RelFactProperty, on each).

// FactLabel labels the corroboration report's bookkeeping node of a fact.
const FactLabel = "CorroborationFact"

// RelFactProperty is the property in which builds before 2026-12 kept each fact
// relationship's fact key (indexed per type). Nothing reads or writes it now: the relationships
// of a graph loaded before keep it until merged again (exports leave it out), and ApplySchema
// drops its indexes (obsoleteSchema), which cost every commit an index entry per relationship.
const RelFactProperty = "fact"

// factsVersion is the version of what the derived nodes hold (2: the fact nodes and
// most_connected's ranks and pairs; 3: the facts' article ids and drawing, factDraws): a graph whose marker has another (or none) is backfilled by
// ApplySchema.
const factsVersion = 3

// factsMarkerKey is the key of the node that says the backfill of factsVersion is complete.
const factsMarkerKey = "~complete"

// factSep separates the parts of a fact's key and sort string; it sorts before every character
// of a name, a title or a status.
const factSep = "\x01"

// factTypes are the relationship types the report groups: all but MENTIONS.
func factTypes() []graph.RelType {
	var out []graph.RelType
	for _, r := range graph.Relations {
		if r.Type != graph.RelMentions {
			out = append(out, r.Type)
		}
	}
	return out
}

// factRelsStmt returns every fact relationship of the given articles, with what its fact is
// made of (a type index seek on article per type and article), its ends' element ids and its
// fact's key, made as corrFact.key makes it (factKeyExpr).
var factRelsStmt = func() string {
	var b strings.Builder
	b.WriteString(noReplan + "UNWIND $ids AS id\nCALL (id) {\n") // index seeks by hint (byArticle)
	for i, t := range factTypes() {
		if i > 0 {
			b.WriteString("  UNION ALL\n")
		}
		fmt.Fprintf(&b, "  MATCH (a)-[r:%s]->(b) %s RETURN '%s' AS t, a, b, r\n", ident(string(t)), byArticle("r", t), t)
	}
	b.WriteString(`}
RETURN t, elementId(r) AS rid, r.article AS art, a.id AS a, b.id AS b, a.name AS an, b.name AS bn,
       r.status AS status, r.title AS title, left(coalesce(r.date, ''), 7) AS month, ` + factKeyExpr("t", "a", "b", "r") + ` AS k,
       r.date AS date, r.key AS rkey, elementId(a) AS ae, elementId(b) AS be`)
	return b.String()
}()

// factKeyExpr is the Cypher expression of the fact key (corrFact.key) of relationship r of
// type t (a string expression) from a to b.
func factKeyExpr(t, a, b, r string) string {
	swap := t + " IN ['MET', 'SPOKE_WITH'] AND " + b + ".id < " + a + ".id"
	return t + " + '\\u0001' + CASE WHEN " + swap + " THEN " + b + ".id ELSE " + a + ".id END + '\\u0001' + " +
		"CASE WHEN " + swap + " THEN " + a + ".id ELSE " + b + ".id END +\n       " +
		"'\\u0001' + CASE WHEN " + r + ".status IS NULL THEN '\\u0003' ELSE '\\u0002' + " + r + ".status END +\n       " +
		"'\\u0001' + CASE WHEN " + r + ".title IS NULL THEN '\\u0003' ELSE '\\u0002' + " + r + ".title END +\n       " +
		"'\\u0001' + left(coalesce(" + r + ".date, ''), 7)"
}

// factLockStmt locks the fact nodes of the given keys (creating those missing) and reads them:
// a concurrent transaction changing the same facts waits for this one to commit, and what this
// one reads after the lock is what the other committed.
var factLockStmt = noReplan + `UNWIND $keys AS k
MERGE (f:` + ident(FactLabel) + ` {key: k})
SET f.locked = true
REMOVE f.locked
RETURN k, f.type AS t, f.x AS x, f.y AS y, f.subject AS xn, f.object AS yn, f.status AS status,
       f.title AS title, f.month AS month, coalesce(f.articles, 0) AS articles,
       f.arts AS arts, f.new AS new, coalesce(f.rels, 0) AS rels`

var factSetStmt = noReplan + `UNWIND $rows AS row
MATCH (f:` + ident(FactLabel) + ` {key: row.key})
SET f = row
RETURN count(f)`

var factDeleteStmt = deleteByStmt(FactLabel, "key", "keys")

// deleteByStmt deletes the nodes with a derived label whose property prop is in the list
// parameter param.
func deleteByStmt(label, prop, param string) string {
	return noReplan + "UNWIND $" + param + " AS v\nMATCH (n:" + ident(label) + " {" + ident(prop) + ": v})\nDELETE n\nRETURN count(*)"
}

// factsOfStmt returns the keys of the facts with a given end.
var factsOfStmt = noReplan + `UNWIND $ids AS id
CALL (id) {
  MATCH (f:` + ident(FactLabel) + `) USING INDEX SEEK f:` + ident(FactLabel) + `(x) WHERE f.x = id RETURN f.key AS k
  UNION
  MATCH (f:` + ident(FactLabel) + `) USING INDEX SEEK f:` + ident(FactLabel) + `(y) WHERE f.y = id RETURN f.key AS k
}
RETURN DISTINCT k`

// fact is what makes a fact: its type, ends (ids and names), status, title and month. status
// and title are nil or a string.
type corrFact struct {
	t, x, y       string
	xn, yn        any
	status, title any
	month         string
}

// factOf makes the fact of a relationship from a and b, ordered for MET and SPOKE_WITH.
func factOf(t, a, b string, an, bn, status, title any, month string) corrFact {
	if (t == string(graph.RelMet) || t == string(graph.RelSpokeWith)) && b < a {
		a, b, an, bn = b, a, bn, an
	}
	return corrFact{t: t, x: a, y: b, xn: an, yn: bn, status: status, title: title, month: month}
}

// factNullable encodes a string that may be nil so that every string sorts before nil, as in
// ORDER BY.
func factNullable(v any) string {
	if s, ok := v.(string); ok {
		return "\x02" + s
	}
	return "\x03"
}

func (f corrFact) key() string {
	return strings.Join([]string{f.t, f.x, f.y, factNullable(f.status), factNullable(f.title), f.month}, factSep)
}

func (f corrFact) relation() string {
	if s, ok := f.title.(string); ok {
		return f.t + " (" + s + ")"
	}
	return f.t
}

// sortKey orders facts as the report does: articles descending, relation, subject, object,
// month, status; then the ends' ids, so that no two facts tie.
func (f corrFact) sortKey(articles int) string {
	inv := fmt.Sprintf("%010d", 9999999999-int64(articles))
	return strings.Join([]string{inv, f.relation(), factNullable(f.xn), factNullable(f.yn), f.month, factNullable(f.status), f.x, f.y}, factSep)
}

// factRel is one relationship of a fact: its element id, article, date, key and status.
type factRel struct{ rid, art, date, key, status string }

// factRec is one fact relationship with what its fact is made of: its type, element id,
// article, ends (ids, element ids, names), status, title, month, date and key; as
// factRelsStmt reads it, or as the transaction created it (factWork.written).
type factRec struct {
	t, rid, art, a, b, ae, be, month, date, key string
	an, bn, status, title                       any
}

// factWork is what a write transaction does to the fact nodes: the articles stating each fact
// among those it changes, read before it changes them, the facts touched, and the nodes it
// renamed.
type factWork struct {
	before  map[string]map[string]bool // fact key → articles stating it, before the changes
	rels    map[string][]factRel       // fact key → its relationships read before the changes
	ends    map[string][2]string       // fact key → the element ids of its ends x and y
	arts    map[string]bool            // every article the transaction read or wrote
	touched map[string]corrFact        // fact key → the fact as last seen
	renamed map[string]bool            // node ids whose name the transaction changed
	// written are the fact relationships of the articles whose node the transaction created,
	// by article, as it created them (writeEdges): what a read of them would return.
	written map[string][]factRec
}

func newFactWork() *factWork {
	return &factWork{before: map[string]map[string]bool{}, rels: map[string][]factRel{}, ends: map[string][2]string{},
		arts: map[string]bool{}, touched: map[string]corrFact{}, renamed: map[string]bool{}, written: map[string][]factRec{}}
}

// distinctArts counts the distinct articles of rels.
func distinctArts(rels []factRel) int64 {
	seen := map[string]bool{}
	for _, r := range rels {
		seen[r.art] = true
	}
	return int64(len(seen))
}

// writtenFact is the factRec of relationship row r (from, to, props: Batch.Edges) of type t,
// which the transaction creates; its element id comes from the create statement.
func (w *txWriter) writtenFact(t graph.RelType, r row, props map[string]any) factRec {
	from, to := r["from"].(string), r["to"].(string)
	date := str(props["date"])
	return factRec{t: string(t), art: str(props["article"]), a: from, b: to, ae: w.nodes[from].eid, be: w.nodes[to].eid,
		month: date[:min(len(date), 7)], date: date, key: str(props["key"]), an: w.nodes[from].name, bn: w.nodes[to].name,
		status: props["status"], title: props["title"]}
}

// factRels returns the fact relationships of the given articles, by fact key, and the facts:
// those of the articles the transaction created as it created them, the others read
// (factRelsStmt). into, when not nil, gets the actor relationships among them by element id
// (derived_most_connected.go).
func (w *txWriter) factRels(ids []string, into map[string]actorRel) (map[string][]factRel, map[string]corrFact, error) {
	byKey, facts := map[string][]factRel{}, map[string]corrFact{}
	var recs []factRec
	var stored []string
	for _, id := range ids {
		if w.created[id] {
			recs = append(recs, w.facts.written[id]...)
		} else {
			stored = append(stored, id)
		}
	}
	read, err := w.readFactRels(stored)
	if err != nil {
		return nil, nil, err
	}
	for _, r := range append(recs, read...) {
		f := factOf(r.t, r.a, r.b, r.an, r.bn, r.status, r.title, r.month)
		k := f.key()
		byKey[k] = append(byKey[k], factRel{rid: r.rid, art: r.art, date: r.date, key: r.key, status: str(r.status)})
		facts[k] = f
		if f.x == r.a {
			w.facts.ends[k] = [2]string{r.ae, r.be}
		} else {
			w.facts.ends[k] = [2]string{r.be, r.ae}
		}
		if into != nil {
			noteActorRel(into, r.t, r.rid, r.a, r.b, r.status)
		}
		if w.catching { // the nodes of the batch that wrote them (derived_pending.go)
			w.actors.touched[r.a], w.actors.touched[r.b] = true, true
		}
	}
	return byKey, facts, nil
}

// readFactRels reads the fact relationships of articles stored before this transaction.
func (w *txWriter) readFactRels(ids []string) ([]factRec, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := w.allByIDs("reading the facts of the articles", factRelsStmt, "ids", ids)
	if err != nil {
		return nil, err
	}
	out := make([]factRec, 0, len(recs))
	for _, r := range recs {
		v := r.Values
		f := factRec{t: str(v[0]), rid: str(v[1]), art: str(v[2]), a: str(v[3]), b: str(v[4]), an: v[5], bn: v[6],
			status: v[7], title: v[8], month: str(v[9]), date: str(v[11]), key: str(v[12]), ae: str(v[13]), be: str(v[14])}
		if k := factOf(f.t, f.a, f.b, f.an, f.bn, f.status, f.title, f.month).key(); str(v[10]) != k {
			return nil, fmt.Errorf("reading the facts of the articles: the statement's fact key %q differs from %q", str(v[10]), k)
		}
		out = append(out, f)
	}
	return out, nil
}

// factsBefore reads the fact relationships of articles stored before this transaction,
// before it changes them: their facts will be recomputed without them.
func (w *txWriter) factsBefore(ids []string) error {
	byKey, facts, err := w.factRels(ids, w.actors.before)
	if err != nil {
		return err
	}
	if err := w.mentionedBefore(ids); err != nil {
		return err
	}
	for _, id := range ids {
		w.facts.arts[id] = true
	}
	for k, rels := range byKey {
		w.facts.rels[k] = append(w.facts.rels[k], rels...)
		if w.facts.before[k] == nil {
			w.facts.before[k] = map[string]bool{}
		}
		for _, r := range rels {
			w.facts.before[k][r.art] = true
		}
		w.facts.touched[k] = facts[k]
	}
	return nil
}

// factBatchIDs lists the ids of the articles b writes.
func factBatchIDs(b *Batch) []string {
	ids := make([]string, 0, len(b.Articles))
	for _, a := range b.Articles {
		ids = append(ids, a["id"].(string))
	}
	return ids
}

// noteRenamed records that the transaction changed the name of node id.
func (w *txWriter) noteRenamed(id string) { w.facts.renamed[id] = true }

// factsAfter brings the fact nodes up to date once the transaction has written everything:
// ids are the articles it wrote (their relationships now). Every fact touched before or now,
// or with a renamed end, is locked and read, then set from its relationships of other
// articles and those of ids, or deleted when none is left.
func (w *txWriter) factsAfter(ids []string) error {
	now, facts, err := w.factRels(ids, w.actors.after)
	if err != nil {
		return err
	}
	for _, id := range ids {
		w.facts.arts[id] = true
	}
	if err := w.actorsAfter(); err != nil {
		return err
	}
	for k, f := range facts {
		w.facts.touched[k] = f
	}
	if err := w.factsOfRenamed(); err != nil {
		return err
	}
	if len(w.facts.touched) == 0 {
		return nil
	}
	keys := make([]string, 0, len(w.facts.touched))
	for k := range w.facts.touched {
		keys = append(keys, k)
	}
	sort.Strings(keys) // the same lock order in every transaction
	recs, err := w.all("locking the facts", factLockStmt, map[string]any{"keys": anyList(keys)})
	if err != nil {
		return err
	}
	draws, err := w.factDraws(recs, now)
	if err != nil {
		return err
	}
	var rows, gone []any
	for _, r := range recs {
		k, _ := r.Values[0].(string)
		row := w.factRow(k, r.Values, now[k], facts)
		if row == nil {
			gone = append(gone, k)
		} else {
			draws[k].setOn(row)
			rows = append(rows, row)
		}
	}
	return w.writeFacts(rows, gone)
}

// factsOfRenamed adds the facts whose ends the transaction renamed to those touched.
func (w *txWriter) factsOfRenamed() error {
	if len(w.facts.renamed) == 0 {
		return nil
	}
	ids := make([]string, 0, len(w.facts.renamed))
	for id := range w.facts.renamed {
		ids = append(ids, id)
	}
	recs, err := w.all("reading the facts of renamed nodes", factsOfStmt, map[string]any{"ids": anyList(ids)})
	if err != nil {
		return err
	}
	for _, r := range recs {
		k, _ := r.Values[0].(string)
		if _, ok := w.facts.touched[k]; !ok {
			w.facts.touched[k] = corrFact{}
		}
	}
	return nil
}

// factRow computes the properties of fact k from its stored values v (factLockStmt's
// record) and the articles of the transaction stating it now and before; nil when no article
// states it any more.
func (w *txWriter) factRow(k string, v []any, now []factRel, fresh map[string]corrFact) map[string]any {
	stored, _ := v[9].(int64)
	articles := stored + distinctArts(now) - int64(len(w.facts.before[k]))
	if articles <= 0 {
		return nil
	}
	f, ok := fresh[k]
	if !ok { // no relationship of the transaction's articles: as stored
		t, _ := v[1].(string)
		x, _ := v[2].(string)
		y, _ := v[3].(string)
		month, _ := v[8].(string)
		f = corrFact{t: t, x: x, y: y, xn: v[4], yn: v[5], status: v[6], title: v[7], month: month}
	}
	if w.facts.renamed[f.x] {
		f.xn = w.nodes[f.x].name
	}
	if w.facts.renamed[f.y] {
		f.yn = w.nodes[f.y].name
	}
	sk := f.sortKey(int(articles))
	return map[string]any{"key": k, "type": f.t, "x": f.x, "y": f.y, "subject": f.xn, "object": f.yn,
		"status": f.status, "title": f.title, "month": f.month, "articles": articles, "sort": sk, "tsort": f.t + factSep + sk}
}

func (w *txWriter) writeFacts(rows, gone []any) error {
	return w.setAndRemove(derivedWrite{"setting the facts", factSetStmt, rows},
		derivedWrite{"removing facts no relationship states", factDeleteStmt, gone}, "keys")
}

// derivedWrite is one statement of a derived-data writer: what it does (for errors and the
// fault injector), the statement, and the rows or keys it takes.
type derivedWrite struct {
	what, stmt string
	items      []any
}

// setAndRemove writes a derived-data batch: the set statement with its rows ($rows), then
// the delete statement with the keys of what no longer exists (as parameter goneParam);
// a statement with nothing to do is not sent.
func (w *txWriter) setAndRemove(set, remove derivedWrite, goneParam string) error {
	if len(set.items) > 0 {
		if _, _, err := w.one(set.what, set.stmt, map[string]any{"rows": set.items}); err != nil {
			return err
		}
	}
	if len(remove.items) > 0 {
		if _, _, err := w.one(remove.what, remove.stmt, map[string]any{goneParam: remove.items}); err != nil {
			return err
		}
	}
	return nil
}
