package neo4j

import (
	"context"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// derived is what the loader keeps for one group of reports beside the graph, in the write
// transaction of the relationships it summarises (so it is exact after every committed batch
// or retraction). Every write transaction of a batch or a retraction calls, in this order:
//
//	before(w, ids)   for articles stored before whose relationships the transaction is about
//	                 to change (the earlier versions a batch retracts, the stored articles it
//	                 writes again, the articles a retraction removes): note what they hold
//	written(w, b)    once the batch's relationships are written and its stale ones removed,
//	                 before orphans are deleted and aliases settle (b nil for a retraction)
//	settled(w, b)    last, once orphans are deleted and aliases are final
//
// The per-transaction state lives in the txWriter. schema lists what the module needs in the
// schema (appended to Schema), backfill builds the data on a graph loaded by an earlier build
// (ApplySchema runs it after creating the schema).
type derived interface {
	before(w *txWriter, ids []string) error
	written(w *txWriter, b *Batch) error
	settled(w *txWriter, b *Batch) error
	schema() []SchemaItem
	backfill(ctx context.Context, s *Store, bf *backfillRun) error
}

// backfillRun is one ApplySchema's backfill: its session, the schema items it created, and
// whether the search text must be brought up to date whatever was created (schema apply).
type backfillRun struct {
	sess      neo4j.SessionWithContext
	created   []SchemaItem
	search    bool
	searchSet int  // entity nodes given a search text
	searched  bool // the search text backfill ran
}

// derivedModules are the derived data the loader keeps, in the order their hooks run: the
// name lookups (derived_lookup.go), the corroboration facts with the actor ranks
// (derived_corroboration.go, derived_most_connected.go: one read of the articles'
// relationships feeds both), the pressure_network groups (derived_pressure.go), the
// country_pairs groups (derived_country_pairs.go).
var derivedModules = []derived{lookupData{}, factData{}, pressureData{}, pairData{}}

// deferrable says whether module d may lag the batches of new articles
// (derived_pending.go): the corroboration facts with the actor ranks and pairs, and the
// country pairs, the largest share of a batch's derived work. The name lookups and the
// pressure groups stay in the batch's transaction (they are small, and the pressure groups
// and search text are recomputed from the graph, not by difference).
func deferrable(d derived) bool {
	switch d.(type) {
	case factData, pairData:
		return true
	}
	return false
}

// derivedSchema is the schema of every derived module.
func derivedSchema() []SchemaItem {
	var out []SchemaItem
	for _, d := range derivedModules {
		out = append(out, d.schema()...)
	}
	return out
}

// derivedBefore runs every module's before hook for articles stored before.
func (w *txWriter) derivedBefore(ids []string) error {
	for _, d := range derivedModules {
		if w.deferDerived && deferrable(d) {
			continue
		}
		if err := d.before(w, ids); err != nil {
			return err
		}
	}
	return nil
}

// derivedWritten runs every module's written hook (b nil for a retraction).
func (w *txWriter) derivedWritten(b *Batch) error {
	for _, d := range derivedModules {
		if w.deferDerived && deferrable(d) {
			continue
		}
		if err := d.written(w, b); err != nil {
			return err
		}
	}
	return nil
}

// derivedSettled runs every module's settled hook (b nil for a retraction).
func (w *txWriter) derivedSettled(b *Batch) error {
	for _, d := range derivedModules {
		if w.deferDerived && deferrable(d) {
			continue
		}
		if err := d.settled(w, b); err != nil {
			return err
		}
	}
	return nil
}

// backfillDerived runs every module's backfill.
func (s *Store) backfillDerived(ctx context.Context, bf *backfillRun) error {
	for _, d := range derivedModules {
		if err := d.backfill(ctx, s, bf); err != nil {
			return err
		}
	}
	return nil
}

// lookupData is the name lookups' search text and the event dates (derived_lookup.go).
type lookupData struct{}

func (lookupData) before(*txWriter, []string) error    { return nil }
func (lookupData) written(*txWriter, *Batch) error     { return nil }
func (lookupData) settled(w *txWriter, b *Batch) error { return w.refreshLookups(b) }
func (lookupData) schema() []SchemaItem                { return lookupSchema() }

// backfill sets the search text (and event dates) when ApplySchema created one of their
// indexes (a graph from before them) or schema apply asks for it; once either way.
func (lookupData) backfill(ctx context.Context, s *Store, bf *backfillRun) error {
	run := bf.search
	for _, it := range bf.created {
		run = run || needsBackfill(it)
	}
	if !run {
		return nil
	}
	n, err := backfillSearch(ctx, bf.sess)
	if err != nil {
		return s.classify(ctx, err)
	}
	bf.searchSet, bf.searched = n, true
	return nil
}

// factData is the corroboration facts and the most_connected actor ranks and pairs.
type factData struct{}

func (factData) before(w *txWriter, ids []string) error { return w.factsBefore(ids) }
func (factData) written(*txWriter, *Batch) error        { return nil }

func (factData) settled(w *txWriter, b *Batch) error {
	var ids []string
	if b != nil {
		ids = factBatchIDs(b)
	}
	return w.factsAfter(ids)
}

func (factData) schema() []SchemaItem { return factSchema() }

func (factData) backfill(ctx context.Context, s *Store, _ *backfillRun) error {
	return s.backfillFacts(ctx)
}

// pressureData is the pressure_network groups.
type pressureData struct{}

func (pressureData) before(w *txWriter, ids []string) error { return w.pressureBefore(ids) }
func (pressureData) written(w *txWriter, b *Batch) error    { return w.pressureAfter(b) }
func (pressureData) settled(*txWriter, *Batch) error        { return nil }
func (pressureData) schema() []SchemaItem                   { return pressureSchema() }

func (pressureData) backfill(ctx context.Context, s *Store, _ *backfillRun) error {
	_, err := s.BackfillPressureGroups(ctx)
	return err
}
