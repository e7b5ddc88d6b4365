//go:build integration

// The derived data that lag a load's batches (derived_pending.go) against a real Neo4j. WIPES
// THE DATABASE IT IS POINTED AT (see store_integration_test.go).
package neo4j

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// interruptedLoad loads the reports graph in batches of size with every catch-up failing (as
// when the load is killed between a batch and its catch-up): the batches are committed, their
// markers stay, and the derived data lag the graph.
func interruptedLoad(t *testing.T, s *Store, size int) *graph.Document {
	t.Helper()
	injected := errors.New("injected: the load stops before the catch-up")
	failStatement = func(what string) error {
		if what == "locking the pending markers" {
			return injected
		}
		return nil
	}
	defer func() { failStatement = nil }()
	d := readReportsGraph(t)
	st, err := s.Load(context.Background(), d, graph.LoadOptions{BatchSize: size})
	if !errors.Is(err, injected) {
		t.Fatalf("load with the catch-up failing: %+v, %v; want the injected error", st, err)
	}
	if n := pendingMarkers(t, s); n == 0 {
		t.Fatal("no pending marker after the catch-up failed")
	}
	if c := counts(t, s); c.Rels[graph.RelMet] == 0 {
		t.Fatal("the batches were not committed")
	}
	want, got := factLines(t, s, recomputeFacts), factLines(t, s, storedFacts)
	if strings.Join(got, "\n") == strings.Join(want, "\n") {
		t.Fatal("the facts are exact although no catch-up ran: the load did not defer them")
	}
	return d
}

func pendingMarkers(t *testing.T, s *Store) int64 {
	t.Helper()
	rows, err := s.Query(context.Background(), "MATCH (p:"+PendingLabel+") RETURN count(p)", nil)
	if err != nil {
		t.Fatal(err)
	}
	return rows.Rows[0][0].(int64)
}

// checkDerived: no marker left, and every derived value equals a from-scratch recomputation.
func checkDerived(t *testing.T, s *Store, step string) {
	t.Helper()
	if n := pendingMarkers(t, s); n != 0 {
		t.Errorf("%s: %d pending markers left", step, n)
	}
	checkFacts(t, s, step) // the ranks and actor pairs too
	checkPairs(t, s, step, true)
	if got, want := storedPressure(t, s), scratchPressure(t, s); got != want {
		t.Errorf("%s: pressure groups\n%s\nwant\n%s", step, got, want)
	}
}

// TestDerivedCaughtUpAfterAnInterruptedLoad: a load stopped after its batches committed and
// before their derived data were caught up leaves markers; the next ApplySchema (schema apply,
// and every load) catches them up, and the facts, ranks, actor pairs and country pairs then
// equal a from-scratch recomputation. A load's success means they are exact already.
func TestDerivedCaughtUpAfterAnInterruptedLoad(t *testing.T) {
	s := openClean(t)
	interruptedLoad(t, s, 2)
	if _, err := s.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	checkDerived(t, s, "schema applied after the interrupted load")

	if err := s.DeleteAll(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Load(context.Background(), readReportsGraph(t), graph.LoadOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	checkDerived(t, s, "a load in batches of two, returned")
}

// TestPendingArticlesCaughtUpBeforeTheyChange: with the markers of an interrupted load still
// there (no ApplySchema in between), a reload of changed articles and a retraction first catch
// up, in their own transaction, the markers naming their articles: the contribution of an
// article is added before it is replaced or removed, never subtracted before it was added.
func TestPendingArticlesCaughtUpBeforeTheyChange(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	d := interruptedLoad(t, s, 1000) // one batch: one marker for every article
	graphtest.EditEdges(d, func(e *graph.Edge) (bool, bool) {
		switch {
		case e.Type == graph.RelMet && e.Status == "reported":
			e.Status = "negated"
		case e.Type == graph.RelCriticized:
			e.Date = "2031-01-05"
		default:
			return true, false
		}
		return true, true
	})
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	checkDerived(t, s, "changed reload over pending articles")

	if err := s.DeleteAll(ctx); err != nil {
		t.Fatal(err)
	}
	d = interruptedLoad(t, s, 1000)
	st, err := s.Retract(ctx, []string{d.Articles[0].ID}, false)
	if err != nil {
		t.Fatal(err)
	}
	if st.Retracted != 1 {
		t.Fatalf("retract: %+v", st)
	}
	checkDerived(t, s, "retraction of a pending article")
}
