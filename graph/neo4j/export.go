package neo4j

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// ExportNodes calls fn for every node of the database but the load manifests
// (bookkeeping, see ManifestLabel), in order of the id property, in
// one read transaction (unmanaged: fn is never called twice for a node). `newsgraph
// export` calls it. Errors: fn's, connection errors.
func (s *Store) ExportNodes(ctx context.Context, fn func(graph.NodeValue) error) error {
	return s.stream(ctx, "MATCH (n) WHERE NOT n:"+ident(ManifestLabel)+" AND NOT n:"+ident(PressureGroupLabel)+" RETURN n ORDER BY n.id, elementId(n)", func(rec *neo4j.Record) error {
		n, ok := rec.Values[0].(neo4j.Node)
		if !ok {
			return fmt.Errorf("export: unexpected value %T", rec.Values[0])
		}
		return fn(nodeValue(n))
	})
}

// ExportRels calls fn for every relationship with the id properties of its start and
// end nodes, ordered by type, endpoints and key, in one read transaction. `newsgraph
// export` calls it. Errors: fn's, connection errors.
func (s *Store) ExportRels(ctx context.Context, fn func(r graph.RelValue, from, to string) error) error {
	const q = "MATCH (a)-[r]->(b) RETURN r, a.id AS from, b.id AS to ORDER BY type(r), from, to, r.key, elementId(r)"
	return s.stream(ctx, q, func(rec *neo4j.Record) error {
		r, ok := rec.Values[0].(neo4j.Relationship)
		if !ok {
			return fmt.Errorf("export: unexpected value %T", rec.Values[0])
		}
		from, _ := rec.Values[1].(string)
		to, _ := rec.Values[2].(string)
		return fn(relValue(r), from, to)
	})
}

// stream runs one statement in an explicit read transaction and calls fn per record.
func (s *Store) stream(ctx context.Context, cypher string, fn func(*neo4j.Record) error) error {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	tx, err := sess.BeginTransaction(ctx)
	if err != nil {
		return s.classify(ctx, err)
	}
	defer tx.Close(context.WithoutCancel(ctx))
	res, err := tx.Run(ctx, cypher, nil)
	if err != nil {
		return s.classify(ctx, err)
	}
	for res.Next(ctx) {
		if err := fn(res.Record()); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return s.classify(ctx, err)
	}
	return tx.Commit(ctx)
}
