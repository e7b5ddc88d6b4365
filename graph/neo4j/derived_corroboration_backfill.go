package neo4j

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// factSchema is the schema of the derived nodes: for the fact nodes a unique key (the loader
// merges by it) and the indexes the report reads in order (sort, tsort) and the loader seeks a
// renamed node's facts by (x, y); for the actor ranks a unique actor id and the four sort
// strings; for the actor pairs a unique key.
func factSchema() []SchemaItem {
	l := FactLabel
	out := []SchemaItem{uniqueItem(l, "key")}
	for _, p := range []string{"sort", "tsort", "x", "y"} {
		out = append(out, indexItem(l, p))
	}
	out = append(out, uniqueItem(ActorRankLabel, "actor"))
	for _, p := range []string{"sort_all", "sort_nn", "lsort_all", "lsort_nn"} {
		out = append(out, indexItem(ActorRankLabel, p))
	}
	return append(out, uniqueItem(ActorPairLabel, "key"))
}

func uniqueItem(l, p string) SchemaItem {
	name := strings.ToLower(l) + "_" + p
	return SchemaItem{Name: name, Kind: "constraint", Entity: "NODE", On: l, Prop: p,
		Create: fmt.Sprintf("CREATE CONSTRAINT %s IF NOT EXISTS FOR (n:%s) REQUIRE n.%s IS UNIQUE", name, ident(l), p)}
}

func indexItem(l, p string) SchemaItem {
	name := strings.ToLower(l) + "_" + p
	return SchemaItem{Name: name, Kind: "index", Entity: "NODE", On: l, Prop: p,
		Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR (n:%s) ON (n.%s)", name, ident(l), p)}
}

// factBackfillChunk is how many articles one backfill transaction takes.
const factBackfillChunk = 500

// backfillFacts makes the fact nodes of a graph that has none of this version (loaded by an
// earlier build, or a backfill cut short): it deletes the fact nodes there are (10,000 a
// transaction), then adds the facts of the articles in id order, factBackfillChunk articles a
// transaction, as a load of them would, and marks the graph done. A graph with the marker
// costs one read. ApplySchema calls it, so `newsgraph schema apply` and every load do.
func (s *Store) backfillFacts(ctx context.Context) error {
	recs, err := s.read(ctx, "MATCH (m:"+ident(FactLabel)+" {key: $k}) RETURN m.version", map[string]any{"k": factsMarkerKey})
	if err != nil {
		return fmt.Errorf("reading the facts' version: %w", s.classify(ctx, err))
	}
	if len(recs) > 0 {
		if v, _ := recs[0].Values[0].(int64); v == factsVersion {
			return nil
		}
	}
	s.log.Info("backfilling the corroboration facts (a graph loaded by an earlier build)")
	if err := s.deleteFacts(ctx); err != nil {
		return err
	}
	after, n := "", 0
	for {
		recs, err := s.read(ctx, "MATCH (a:Article) WHERE a.id > $after RETURN a.id ORDER BY a.id LIMIT $n",
			map[string]any{"after": after, "n": factBackfillChunk})
		if err != nil {
			return fmt.Errorf("backfilling the facts: %w", s.classify(ctx, err))
		}
		if len(recs) == 0 {
			break
		}
		ids := make([]string, len(recs))
		for i, r := range recs {
			ids[i], _ = r.Values[0].(string)
		}
		err = s.factsWrite(ctx, func(w *txWriter) error {
			if err := w.mentionedBefore(ids); err != nil {
				return err
			}
			return w.factsAfter(ids)
		})
		if err != nil {
			return fmt.Errorf("backfilling the facts: %w", err)
		}
		after, n = ids[len(ids)-1], n+len(ids)
	}
	if err := s.factsWrite(ctx, (*txWriter).rankUnranked); err != nil {
		return fmt.Errorf("backfilling the facts: %w", err)
	}
	err = s.factsWrite(ctx, func(w *txWriter) error {
		_, _, err := w.one("marking the facts", "MERGE (m:"+ident(FactLabel)+" {key: $k}) SET m.version = $v RETURN m.version",
			map[string]any{"k": factsMarkerKey, "v": factsVersion})
		return err
	})
	if err != nil {
		return fmt.Errorf("backfilling the facts: %w", err)
	}
	s.log.Info("corroboration facts backfilled", "articles", n)
	return nil
}

// unrankedStmt lists the actors (actorLabels) without a rank.
var unrankedStmt = func() string {
	parts := make([]string, len(actorLabels))
	for i, l := range actorLabels {
		parts[i] = "MATCH (n:" + ident(string(l)) + ") WHERE NOT EXISTS { MATCH (:" + ident(ActorRankLabel) + " {actor: n.id}) } RETURN n.id"
	}
	return strings.Join(parts, "\nUNION ALL\n")
}()

// rankUnranked ranks the actors the backfill's articles did not reach (no fact and no
// mention in any article: a node a HOLDS_ROLE or LOCATED_IN ends at, or none), as the load
// that merged them did: every actor node has a rank, if only of zeros.
func (w *txWriter) rankUnranked() error {
	recs, err := w.all("reading the actors without a rank", unrankedStmt, nil)
	if err != nil || len(recs) == 0 {
		return err
	}
	for _, r := range recs {
		w.actors.touched[str(r.Values[0])] = true
	}
	return w.actorsAfter()
}

// deleteFacts deletes every derived node (facts, actor ranks and pairs), 10,000 a transaction.
func (s *Store) deleteFacts(ctx context.Context) error {
	if err := s.deleteDerived(ctx, FactLabel, ActorRankLabel, ActorPairLabel); err != nil {
		return fmt.Errorf("deleting the old facts: %w", err)
	}
	return nil
}

// deleteDerived deletes every node with one of the given derived labels, 10,000 a
// transaction (a backfill starts from none).
func (s *Store) deleteDerived(ctx context.Context, labels ...string) error {
	var has []string
	for _, l := range labels {
		has = append(has, "n:"+ident(l))
	}
	stmt := "MATCH (n) WHERE " + strings.Join(has, " OR ") + " WITH n LIMIT 10000 DELETE n RETURN count(*)"
	what := "deleting derived nodes (" + strings.Join(labels, ", ") + ")"
	for {
		var removed int64
		err := s.factsWrite(ctx, func(w *txWriter) error {
			rec, _, err := w.one(what, stmt, nil)
			if err == nil {
				removed, _ = rec.Values[0].(int64)
			}
			return err
		})
		if err != nil || removed == 0 {
			return err
		}
	}
}

// factsWrite runs f in a managed write transaction.
func (s *Store) factsWrite(ctx context.Context, f func(w *txWriter) error) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return nil, f(newTxWriter(ctx, tx))
	})
	if err != nil {
		return s.classify(ctx, err)
	}
	return nil
}
