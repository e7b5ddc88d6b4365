package neo4j

import (
	"context"
	"errors"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// QueryVetted runs a statement whose plan was shown read-only ahead of time: the report
// templates built into newsgraph, which the integration test TestTemplatesExplain (package
// queries) EXPLAINs with their defaults and their example (query type "r"). It is Query
// without the EXPLAIN round trip before the run (5–130 ms for the large templates on a big
// graph): CheckReadOnly still refuses LOAD CSV, TERMINATE, administration commands and
// server procedures, and the statement still runs in a read transaction (access mode read,
// managed, bounded by Config.QueryTimeout), in which the server refuses any write. Templates
// from a user's folder and `newsgraph query` go through Query. Errors as Query's, but for
// the *WriteQueryError of its EXPLAIN (a write fails on the server instead).
func (s *Store) QueryVetted(ctx context.Context, cypher string, params map[string]any) (*graph.Rows, error) {
	if err := checkQuery(cypher); err != nil {
		return nil, err
	}
	rows, err := s.collectRows(ctx, cypher, params, runRows)
	if err != nil {
		var ne *neo4j.Neo4jError
		if errors.As(err, &ne) && isTimeout(ne) && ctx.Err() == nil {
			return nil, &TimeoutError{Timeout: s.queryTimeout, Msg: ne.Msg}
		}
		return nil, queryErrorShift(s.classify(ctx, err), 0)
	}
	return rows, nil
}

// rowReader runs a statement in tx and feeds a sink: readRows (EXPLAIN first) or runRows.
type rowReader func(ctx context.Context, tx runner, cypher string, params map[string]any, sink graph.RowSink) error

// collectRows runs read in a managed read transaction (retried on transient errors),
// bounded by Config.QueryTimeout, and returns every row.
func (s *Store) collectRows(ctx context.Context, cypher string, params map[string]any, read rowReader) (*graph.Rows, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		c := &graph.Collect{}
		if err := read(ctx, tx, cypher, params, c); err != nil {
			return nil, err
		}
		return &c.Rows, nil
	}, s.txConfig()...)
	if err != nil {
		return nil, err
	}
	return out.(*graph.Rows), nil
}
