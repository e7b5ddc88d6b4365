package neo4j

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// ErrUnknownArticle: Retract was given an article id the graph does not hold.
var ErrUnknownArticle = errors.New("article not in the graph")

// UnknownArticlesError names the ids Retract did not find; nothing was removed.
type UnknownArticlesError struct{ IDs []string }

func (e *UnknownArticlesError) Error() string {
	return fmt.Sprintf("%d article id%s not in the graph (nothing was removed): %s", len(e.IDs), plural(len(e.IDs)), strings.Join(e.IDs, ", "))
}

// Is makes errors.Is(err, ErrUnknownArticle) work.
func (e *UnknownArticlesError) Is(target error) bool { return target == ErrUnknownArticle }

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Retract removes articles from the graph in one write transaction: every relationship
// they stated (MENTIONS included), their Article nodes, the entity nodes no remaining
// article supports, and the aliases only they contributed (each node's aliases are
// recomputed from its remaining MENTIONS). What other articles support stays.
// `newsgraph retract` calls it. With dryRun the same work is done in a transaction that
// is rolled back, so the counts are exact and nothing changes. Without, the schema is applied
// first (ApplySchema), as before a load: the derived data's reads seek their indexes by hint
// (byArticle), and the server ignores a hint whose index is missing (a graph an earlier build
// loaded, an index dropped): the read then scans every relationship of its type.
//
// Errors: an *UnknownArticlesError (errors.Is ErrUnknownArticle) when an id is not in the
// graph — then nothing is removed; a *ConnError; the server's error (nothing removed).
func (s *Store) Retract(ctx context.Context, ids []string, dryRun bool) (graph.LoadStats, error) {
	ids = uniqueStrings(ids)
	if !dryRun {
		if _, err := s.ApplySchema(ctx); err != nil {
			return graph.LoadStats{}, fmt.Errorf("applying the schema before retracting: %w", err)
		}
	}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	if dryRun {
		tx, err := sess.BeginTransaction(ctx)
		if err != nil {
			return graph.LoadStats{}, s.classify(ctx, err)
		}
		defer tx.Rollback(context.WithoutCancel(ctx))
		st, err := retractTx(ctx, tx, ids)
		if err != nil {
			return graph.LoadStats{}, s.retractError(ctx, err)
		}
		return st, nil
	}
	out, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return retractTx(ctx, tx, ids)
	})
	if err != nil {
		return graph.LoadStats{}, s.retractError(ctx, err)
	}
	return out.(graph.LoadStats), nil
}

func (s *Store) retractError(ctx context.Context, err error) error {
	var ue *UnknownArticlesError
	if errors.As(err, &ue) {
		return ue
	}
	return fmt.Errorf("retracting: %w", s.classify(ctx, err))
}

func retractTx(ctx context.Context, tx runner, ids []string) (graph.LoadStats, error) {
	w := newTxWriter(ctx, tx)
	rec, _, err := w.one("looking up the articles", `UNWIND $ids AS id
OPTIONAL MATCH (a:Article {id: id})
RETURN collect(CASE WHEN a IS NULL THEN id END) AS missing`, map[string]any{"ids": anyList(ids)})
	if err != nil {
		return graph.LoadStats{}, err
	}
	if missing := strs(rec.Values[0]); len(missing) > 0 {
		return graph.LoadStats{}, &UnknownArticlesError{IDs: missing}
	}
	if err := w.catchUpArticles(ids); err != nil { // derived_pending.go
		return graph.LoadStats{}, err
	}
	if err := w.derivedBefore(ids); err != nil { // derived.go
		return graph.LoadStats{}, err
	}
	if err := w.retract(ids); err != nil {
		return graph.LoadStats{}, err
	}
	if err := w.settle(nil); err != nil {
		return graph.LoadStats{}, err
	}
	return w.stats(), nil
}

func uniqueStrings(ss []string) []string {
	c := append([]string{}, ss...)
	sort.Strings(c)
	out := c[:0]
	for i, s := range c {
		if i == 0 || s != c[i-1] {
			out = append(out, s)
		}
	}
	return out
}
