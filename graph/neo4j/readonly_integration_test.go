//go:build integration

package neo4j

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
)

// queryBoth runs a statement through Query and through QueryStream.
func queryBoth(s *Store, stmt string) (errQuery, errStream error) {
	ctx := context.Background()
	_, errQuery = s.Query(ctx, stmt, nil)
	errStream = s.QueryStream(ctx, stmt, nil, &graph.Collect{})
	return errQuery, errStream
}

// TERMINATE TRANSACTIONS, LOAD CSV and dbms procedures are refused by Query and
// QueryStream; a write transaction that is open meanwhile (a running load) survives, and
// the URL of the LOAD CSV is never fetched.
func TestQueryRefusesAdminAndLoadCSV(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()

	// A load in progress: an open write transaction.
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(ctx)
	tx, err := sess.BeginTransaction(ctx, neo4j.WithTxMetadata(map[string]any{"test": "running-load"}))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Run(ctx, `CREATE (:Person {id: "person:load-in-progress", name: "x"})`, nil); err != nil {
		t.Fatal(err)
	}
	recs, err := s.read(ctx, `SHOW TRANSACTIONS YIELD transactionId, metaData WHERE metaData.test = "running-load" RETURN transactionId`, nil)
	if err != nil || len(recs) != 1 {
		t.Fatalf("finding the open transaction: %v (%d rows)", err, len(recs))
	}
	txID := recs[0].Values[0].(string)

	var fetched atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetched.Add(1)
		w.Write([]byte("a,b\n1,2\n"))
	}))
	defer srv.Close()

	for _, stmt := range []string{
		"TERMINATE TRANSACTIONS '" + txID + "'",
		"SHOW TRANSACTIONS YIELD transactionId AS id WHERE id = '" + txID + "' TERMINATE TRANSACTIONS id",
		"LOAD CSV FROM '" + srv.URL + "/x.csv' AS row RETURN row",
		"MATCH (n) WITH count(n) AS c LOAD /* sneaky */ CSV FROM '" + srv.URL + "/y.csv' AS row RETURN row",
		"CALL dbms.security.createUser('eve', 'secret', false)",
		"CALL dbms.listConfig() YIELD name RETURN name",
		"CALL dbms.killConnections(['bolt-1'])",
	} {
		eq, es := queryBoth(s, stmt)
		for _, err := range []error{eq, es} {
			if !errors.Is(err, ErrNotReadOnly) {
				t.Errorf("%s: err = %v, want a refusal", stmt, err)
			} else if !strings.Contains(err.Error(), "refused") || !strings.Contains(err.Error(), "only read the graph") {
				t.Errorf("%s: unclear message %q", stmt, err)
			}
		}
	}
	if n := fetched.Load(); n != 0 {
		t.Errorf("the server fetched the LOAD CSV URL %d times", n)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatalf("the open write transaction did not survive: %v", err)
	}
	if c := counts(t, s); c.TotalNodes != 1 {
		t.Errorf("%d nodes after the load committed, want 1", c.TotalNodes)
	}
}

// Ordinary reads still work, including strings and comments that name refused things.
func TestQueryReadOnlyAllowsReads(t *testing.T) {
	s := openClean(t)
	for _, tc := range []struct{ stmt, want string }{
		{"RETURN 'LOAD CSV FROM http://example.com' AS s", "LOAD CSV FROM http://example.com"},
		{"// TERMINATE TRANSACTIONS\nRETURN \"TERMINATE TRANSACTIONS\" AS s /* CALL dbms.listConfig() */", "TERMINATE TRANSACTIONS"},
		{"CALL db.labels() YIELD label RETURN 'labels' AS s LIMIT 1", "labels"},
		{"MATCH (n) RETURN 'count ' + toString(count(n)) AS s", "count 0"},
	} {
		rows, err := s.Query(context.Background(), tc.stmt, nil)
		if err != nil {
			t.Errorf("%s: %v", tc.stmt, err)
			continue
		}
		if tc.stmt[:4] != "CALL" && (len(rows.Rows) != 1 || rows.Rows[0][0] != tc.want) {
			t.Errorf("%s: rows %v", tc.stmt, rows.Rows)
		}
		c := &graph.Collect{}
		if err := s.QueryStream(context.Background(), tc.stmt, nil, c); err != nil {
			t.Errorf("stream %s: %v", tc.stmt, err)
		}
	}
}

// A query running past the configured timeout is stopped by the server with a
// *TimeoutError, through Query and QueryStream.
func TestQueryTimeout(t *testing.T) {
	openClean(t)
	cfg := testConfig(t)
	cfg.QueryTimeout = time.Second
	s, err := Open(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	slow := "UNWIND range(1, 100000) AS a UNWIND range(1, 100000) AS b RETURN count(*) AS n"
	eq, es := queryBoth(s, slow)
	for _, err := range []error{eq, es} {
		var te *TimeoutError
		if !errors.As(err, &te) || !errors.Is(err, ErrQueryTimeout) {
			t.Errorf("err = %v, want a timeout", err)
			continue
		}
		if !strings.Contains(err.Error(), "query timeout of 1s") {
			t.Errorf("message %q", err)
		}
	}
	if _, err := s.Query(context.Background(), "RETURN 1", nil); err != nil {
		t.Errorf("a quick query after the timeout: %v", err)
	}
}

// countSink counts the rows it is handed.
type countSink struct{ rows int }

func (c *countSink) Columns([]string) error { return nil }
func (c *countSink) Row([]any) error        { c.rows++; return nil }

// QueryStream hands rows over while the query is still running: rows reach the sink
// before the statement fails on its last row (Query, which collects, gives none).
func TestQueryStreamIsIncremental(t *testing.T) {
	s := openClean(t)
	const n = 200000
	stmt := "UNWIND range(1, 200000) AS x RETURN x, 1 / (200000 - x) AS y"
	sink := &countSink{}
	err := s.QueryStream(context.Background(), stmt, nil, sink)
	if err == nil || !strings.Contains(err.Error(), "/ by zero") {
		t.Fatalf("err = %v, want division by zero", err)
	}
	if sink.rows < 1000 || sink.rows >= n {
		t.Errorf("%d rows reached the sink before the error, want the rows before the failing one", sink.rows)
	}
}
