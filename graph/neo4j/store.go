package neo4j

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	ncfg "github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph/graph"
)

// DriverVersion is the version of the Neo4j Go driver newsgraph is built with.
var DriverVersion = strings.TrimPrefix(neo4j.UserAgent, "Go Driver/")

// Config says which server to open and how to log in.
type Config struct {
	URI      string // bolt://, neo4j:// (+s, +ssc)
	User     string
	Password string
	Database string // "" means the server's default database
	// UserAgent is sent to the server (shows in SHOW TRANSACTIONS); "" means "newsgraph".
	UserAgent string
	// ConnectTimeout bounds connecting to the server; 0 means 5s.
	ConnectTimeout time.Duration
	// Logger receives debug logs of batches and schema changes; nil discards them.
	Logger *slog.Logger
	// QueryTimeout bounds each Query and QueryStream transaction on the server
	// (neo4j.WithTxTimeout); 0 means the server's own limit (db.transaction.timeout).
	QueryTimeout time.Duration
}

// Store is a Neo4j database opened by Open. It implements graph.Store. It is safe for
// concurrent use; Close it when done.
type Store struct {
	driver neo4j.DriverWithContext
	uri    string
	user   string
	db     string
	log    *slog.Logger

	queryTimeout time.Duration
}

var _ graph.Store = (*Store)(nil)

// Open connects to the server, checks that it answers and accepts the credentials, and
// that the database exists. Every command that talks to Neo4j calls it first.
//
// Errors: a *ConnError matching ErrUnreachable (no connection) or ErrAuth (credentials
// rejected), an error matching ErrNoDatabase, or a plain error for a malformed URI.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	timeout := cfg.ConnectTimeout
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	agent := cfg.UserAgent
	if agent == "" {
		agent = "newsgraph"
	}
	logger := cfg.Logger
	if logger == nil {
		logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	drv, err := neo4j.NewDriverWithContext(cfg.URI, neo4j.BasicAuth(cfg.User, cfg.Password, ""), func(c *ncfg.Config) {
		c.SocketConnectTimeout = timeout
		c.ConnectionAcquisitionTimeout = 2 * timeout
		c.MaxTransactionRetryTime = 15 * time.Second
		c.UserAgent = agent
	})
	if err != nil {
		return nil, fmt.Errorf("neo4j uri %q: %w", cfg.URI, err)
	}
	s := &Store{driver: drv, uri: cfg.URI, user: cfg.User, db: cfg.Database, log: logger, queryTimeout: cfg.QueryTimeout}
	if err := drv.VerifyConnectivity(ctx); err != nil {
		_ = drv.Close(context.WithoutCancel(ctx))
		return nil, s.classify(ctx, err)
	}
	if _, err := s.read(ctx, "RETURN 1", nil); err != nil {
		_ = drv.Close(context.WithoutCancel(ctx))
		return nil, err
	}
	return s, nil
}

// Close releases the driver's connections. Errors are unlikely and safe to ignore.
func (s *Store) Close(ctx context.Context) error { return s.driver.Close(ctx) }

// URI returns the server's URI as configured.
func (s *Store) URI() string { return s.uri }

// Database returns the configured database name ("" for the server's default).
func (s *Store) Database() string { return s.db }

func (s *Store) session(ctx context.Context, mode neo4j.AccessMode) neo4j.SessionWithContext {
	return s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
}

// read runs one statement in a read transaction and collects its records.
func (s *Store) read(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		return res.Collect(ctx)
	})
	if err != nil {
		return nil, s.classify(ctx, err)
	}
	return out.([]*neo4j.Record), nil
}

// ServerInfo describes the server Open connected to.
type ServerInfo struct {
	Address  string // host:port that answered
	Agent    string // e.g. "Neo4j/5.26.0"
	Protocol string // Bolt version, e.g. "5.8"
	Name     string // e.g. "Neo4j Kernel"
	Version  string // e.g. "5.26.0"
	Edition  string // "community" or "enterprise"
}

// ServerInfo asks the server who it is (doctor and version call it). Errors are
// connection errors as for Open.
func (s *Store) ServerInfo(ctx context.Context) (ServerInfo, error) {
	si, err := s.driver.GetServerInfo(ctx)
	if err != nil {
		return ServerInfo{}, s.classify(ctx, err)
	}
	info := ServerInfo{Address: si.Address(), Agent: si.Agent(),
		Protocol: fmt.Sprintf("%d.%d", si.ProtocolVersion().Major, si.ProtocolVersion().Minor)}
	recs, err := s.read(ctx, "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition", nil)
	if err != nil {
		return info, fmt.Errorf("dbms.components: %w", err)
	}
	if len(recs) > 0 {
		m := recs[0].AsMap()
		info.Name, _ = m["name"].(string)
		info.Version, _ = m["version"].(string)
		info.Edition, _ = m["edition"].(string)
	}
	return info, nil
}

// Load writes a validated document in batches of whole articles (see NewPlan), one
// managed write transaction per batch, so every article is either fully loaded or
// untouched. Within a batch: the Article nodes, every node they reference (MERGE on id;
// name set, aliases united with those already stored, props set), their relationships
// (created for an article not stored before; merged on key between the two nodes for one
// stored before, and those whose key is no longer produced removed: a changed article
// replaces its facts), every contract field set. `newsgraph load` plans a file with
// ScanPlan and calls LoadPlan, after ApplySchema.
//
// Errors: a *ConnError (ErrUnreachable, ErrAuth); "loading batch N of M: ..." for a
// failed batch, wrapped in a *graph.PartialLoadError when earlier batches were committed;
// a plan error naming "name:line" when a record cannot be stored (nothing written).
func (s *Store) Load(ctx context.Context, d *graph.Document, opts graph.LoadOptions) (graph.LoadStats, error) {
	name := opts.Name
	if name == "" {
		name = "input"
	}
	plan, err := NewPlan(d, name, opts.BatchSize)
	if err != nil {
		return graph.LoadStats{}, err
	}
	return s.LoadPlan(ctx, plan, opts.Progress)
}

// LoadPlan writes a plan made by NewPlan; see Load. The batches are built one ahead of
// the writer (buildBatches): the client reads and builds batch n+1 while the server writes
// batch n. A batch of articles new to the graph leaves the corroboration facts, actor ranks
// and country pairs of its articles to a second session, which catches them up while the
// next batch is written (derived_pending.go, derived_runner.go); a batch that changes stored
// articles waits for it first, and LoadPlan returns once it is done: the derived data are
// exact when the load returns, even a failed one (unless ctx ends: then the next ApplySchema
// catches them up).
func (s *Store) LoadPlan(ctx context.Context, plan *Plan, progress func(done, total int)) (graph.LoadStats, error) {
	var total graph.LoadStats
	var tally nodeTally
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	n := len(plan.Batches)
	look, err := s.lookupAll(ctx, sess, plan)
	if err != nil {
		return total, fmt.Errorf("looking up the articles: %w", s.classify(ctx, err))
	}
	times := map[string]time.Duration{}
	defer s.logTimes(times)
	dr := s.startDerived(ctx, plan.Articles())
	defer dr.mergeTimes(times)
	defer dr.close()
	bctx, stop := context.WithCancel(ctx)
	defer stop()
	built := buildBatches(bctx, plan, look)
	for i := range plan.Batches {
		start := time.Now()
		bb, ok := <-built
		times[clientWait] += time.Since(start)
		if !ok { // only when ctx is done
			return total, s.partial(i, n, total, fmt.Errorf("loading batch %d of %d: %w", i+1, n, s.classify(ctx, ctx.Err())))
		}
		times[clientBuild] += bb.took
		if err := dr.failed(); err != nil {
			return total, s.partial(i, n, total, derivedError(ctx, s, err))
		}
		if bb.err != nil {
			return total, s.partialDerived(dr, i, n, total, fmt.Errorf("loading batch %d of %d: %w", i+1, n, s.classify(ctx, bb.err)))
		}
		if bb.b == nil {
			st := graph.LoadStats{Articles: len(plan.Batches[i].arts), Skipped: len(plan.Batches[i].arts), Batches: 1}
			total.Add(st)
			s.log.Debug("batch unchanged", "batch", i+1, "of", n, "articles", st.Articles)
		} else {
			r, err := s.writeOne(ctx, sess, plan, bb, look, times, dr)
			if err != nil {
				return total, s.partialDerived(dr, i, n, total, fmt.Errorf("loading batch %d of %d: %w", i+1, n, s.classify(ctx, err)))
			}
			total.Add(r.st)
			tally.add(r, &total)
			s.log.Debug("batch committed", "batch", i+1, "of", n, "articles", r.st.Articles, "records", bb.b.Size,
				"nodes_created", r.st.NodesCreated, "rels_created", r.st.RelsCreated, "rels_removed", r.st.RelsRemoved,
				"derived_pending", r.pending != nil, "took", time.Since(start).Round(time.Millisecond))
		}
		if progress != nil {
			progress(i+1, n)
		}
	}
	if err := waitDerived(ctx, s, dr, times); err != nil {
		return total, s.partial(n, n, total, err)
	}
	return total, nil
}

// writeOne writes a built batch: as all new when the lookup says so (its derived data handed
// to dr), else — or when it turns out not all new — after dr has caught up every marker it
// was given, in full.
func (s *Store) writeOne(ctx context.Context, sess neo4j.SessionWithContext, plan *Plan, bb builtBatch, look *lookup, times map[string]time.Duration, dr *derivedRunner) (batchResult, error) {
	if look.allNew(plan, bb.i) {
		r, err := s.commitBatch(ctx, sess, plan, bb, look, times, true)
		if err == nil {
			if r.pending != nil {
				dr.add(*r.pending)
			}
			return r, nil
		}
		if !errors.Is(err, errNotNew) {
			return r, err
		}
	}
	if err := waitDerived(ctx, s, dr, times); err != nil {
		return batchResult{}, err
	}
	return s.commitBatch(ctx, sess, plan, bb, look, times, false)
}

// waitDerived waits for dr to catch up every marker it was given, adding the wait to times,
// and returns a failed catch-up's error (derivedError).
func waitDerived(ctx context.Context, s *Store, dr *derivedRunner, times map[string]time.Duration) error {
	start := time.Now()
	err := dr.wait()
	times[derivedWait] += time.Since(start)
	if err != nil {
		return derivedError(ctx, s, err)
	}
	return nil
}

// derivedError is the error of a failed catch-up.
func derivedError(ctx context.Context, s *Store, err error) error {
	return fmt.Errorf("bringing the derived data of the loaded batches up to date (the next load or schema apply completes it): %w", s.classify(ctx, err))
}

// partialDerived is partial for a load that stops at batch i: the batches committed before
// have their derived data caught up first (unless ctx is done or the catch-up failed).
func (s *Store) partialDerived(dr *derivedRunner, i, n int, done graph.LoadStats, err error) error {
	_ = dr.wait()
	return s.partial(i, n, done, err)
}

// partial is err, as a *graph.PartialLoadError when batches before batch i (of n) were
// committed.
func (s *Store) partial(i, n int, done graph.LoadStats, err error) error {
	if i > 0 {
		return &graph.PartialLoadError{Done: done, Total: n, Err: err}
	}
	return err
}

// commitBatch writes a built batch in one managed write transaction (core: see writeBatch).
func (s *Store) commitBatch(ctx context.Context, sess neo4j.SessionWithContext, plan *Plan, bb builtBatch, look *lookup, times map[string]time.Duration, core bool) (batchResult, error) {
	start := time.Now()
	var wrote time.Time
	out, err := retryGone(func() (any, error) {
		return sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			defer func() { wrote = time.Now() }()
			return s.writeBatch(ctx, tx, plan, bb.i, bb.b, look, times, core)
		})
	})
	times[batchTotal] += time.Since(start)
	if err != nil {
		return batchResult{}, err
	}
	times[batchCommit] += time.Since(wrote)
	return out.(batchResult), nil
}

// Names of the times logTimes prints beside the statements'.
const (
	clientBuild = "(client) reading and building batches, while the server writes"
	clientWait  = "(client) waiting for a built batch"
	batchTotal  = "(all) write transactions, commits included"
	batchCommit = "(commit) from the last statement to the commit's answer"
)

// logTimes logs at debug level the time of each statement summed over a load's batches
// (what docs/performance.md's per-statement figures come from), longest first.
func (s *Store) logTimes(times map[string]time.Duration) {
	if !s.log.Enabled(context.Background(), slog.LevelDebug) || len(times) == 0 {
		return
	}
	names := make([]string, 0, len(times))
	for k := range times {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool { return times[names[i]] > times[names[j]] })
	args := make([]any, 0, 2*len(names))
	for _, k := range names {
		args = append(args, k, times[k].Round(time.Millisecond).String())
	}
	s.log.Debug("time per statement, summed over the batches", args...)
}

// lookupAll runs the lookup statements of a plan in one read transaction.
func (s *Store) lookupAll(ctx context.Context, sess neo4j.SessionWithContext, plan *Plan) (*lookup, error) {
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return newTxWriter(ctx, tx).lookupAll(plan)
	})
	if err != nil {
		return nil, err
	}
	return out.(*lookup), nil
}

// unchanged says whether every article of batch i is skipped and it has no loose nodes:
// then it has nothing to write and runs no transaction.
func unchanged(plan *Plan, i int, look *lookup) bool {
	b := &plan.Batches[i]
	return len(b.loose) == 0 && len(b.arts) > 0 && look.skipped(plan, i) == len(b.arts)
}

var safeName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*$`)

// ident quotes a label or relationship type from the closed sets in graph. Labels and
// types cannot be query parameters, so statements are built per label and type — never
// from user text; anything else panics.
func ident(s string) string {
	if !safeName.MatchString(s) {
		panic(fmt.Sprintf("neo4j: %q is not a label or relationship type of the model", s))
	}
	return "`" + s + "`"
}

// Query runs one statement in a read transaction (access mode read) and returns every
// row; the report templates call it. See QueryStream for the checks; the transaction is
// a managed one (retried on transient errors), bounded by Config.QueryTimeout.
func (s *Store) Query(ctx context.Context, cypher string, params map[string]any) (*graph.Rows, error) {
	if err := checkQuery(cypher); err != nil {
		return nil, err
	}
	rows, err := s.collectRows(ctx, cypher, params, readRows)
	if err != nil {
		return nil, s.queryFailed(ctx, err)
	}
	return rows, nil
}

// QueryStream runs one statement like Query but hands each record to sink as it
// arrives (the driver fetches them in batches), so memory does not grow with the rows;
// `newsgraph query` calls it. The transaction is an explicit read transaction, not
// retried (rows may already be written out).
//
// Before anything runs: CheckReadOnly refuses LOAD CSV, TERMINATE TRANSACTIONS,
// administration commands and server procedures (a *NotReadOnlyError); then, in the read
// transaction, EXPLAIN must report a read-only query type (else a *WriteQueryError).
// Errors: those two; a *TimeoutError (errors.Is ErrQueryTimeout) when the server stops
// the transaction at Config.QueryTimeout; a *ConnError for connection problems; the
// server's error (syntax, missing parameter) as is; the sink's error as is.
func (s *Store) QueryStream(ctx context.Context, cypher string, params map[string]any, sink graph.RowSink) error {
	if err := checkQuery(cypher); err != nil {
		return err
	}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	tx, err := sess.BeginTransaction(ctx, s.txConfig()...)
	if err != nil {
		return s.queryFailed(ctx, err)
	}
	defer tx.Close(context.WithoutCancel(ctx)) // rolls back unless committed
	if err := readRows(ctx, tx, cypher, params, sink); err != nil {
		return s.queryFailed(ctx, err)
	}
	return s.queryFailed(ctx, tx.Commit(ctx))
}

func checkQuery(cypher string) error {
	if strings.TrimSpace(cypher) == "" {
		return errors.New("empty query")
	}
	return CheckReadOnly(cypher)
}

func (s *Store) txConfig() []func(*neo4j.TransactionConfig) {
	if s.queryTimeout <= 0 {
		return nil
	}
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(s.queryTimeout)}
}

func isTimeout(ne *neo4j.Neo4jError) bool { return strings.Contains(ne.Code, "TransactionTimedOut") }

// queryFailed classifies a query's error: connection, timeout, or the server's message
// pointed into the statement as written.
func (s *Store) queryFailed(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && isTimeout(ne) && ctx.Err() == nil {
		return &TimeoutError{Timeout: s.queryTimeout, Msg: ne.Msg}
	}
	return queryError(s.classify(ctx, err))
}

// readRows EXPLAINs the statement (refusing writes), runs it and feeds the sink.
func readRows(ctx context.Context, tx runner, cypher string, params map[string]any, sink graph.RowSink) error {
	if err := explainReadOnly(ctx, tx, cypher, params); err != nil {
		return err
	}
	return runRows(ctx, tx, cypher, params, sink)
}

// runRows runs the statement and feeds the sink (no EXPLAIN: see readRows, QueryVetted).
func runRows(ctx context.Context, tx runner, cypher string, params map[string]any, sink graph.RowSink) error {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	keys, err := res.Keys()
	if err != nil {
		return err
	}
	if err := sink.Columns(keys); err != nil {
		return err
	}
	for res.Next(ctx) {
		rec := res.Record()
		vals := make([]any, len(rec.Values))
		for i, v := range rec.Values {
			vals[i] = plain(v)
		}
		if err := sink.Row(vals); err != nil {
			return err
		}
	}
	return res.Err()
}

var errorPos = regexp.MustCompile(`\(line (\d+), column (\d+) \(offset: (\d+)\)\)`)

// queryError rewrites the server's error about the EXPLAIN-prefixed statement so that
// it quotes and points into the statement the user wrote, and drops the driver's prefix.
func queryError(err error) error { return queryErrorShift(err, len("EXPLAIN ")) }

// queryErrorShift is queryError for a statement prefixed by shift bytes (0: as written).
func queryErrorShift(err error, shift int) error {
	var ne *neo4j.Neo4jError
	if !errors.As(err, &ne) {
		return err
	}
	msg := ne.Msg
	onFirstLine := false
	msg = errorPos.ReplaceAllStringFunc(msg, func(m string) string {
		p := errorPos.FindStringSubmatch(m)
		line, _ := strconv.Atoi(p[1])
		col, _ := strconv.Atoi(p[2])
		off, _ := strconv.Atoi(p[3])
		if off >= shift {
			off -= shift
		}
		if line == 1 && col > shift {
			col -= shift
			onFirstLine = true
		}
		return fmt.Sprintf("(line %d, column %d (offset: %d))", line, col, off)
	})
	if strings.Contains(msg, "\"EXPLAIN ") {
		msg = strings.Replace(msg, "\"EXPLAIN ", "\"", 1)
		if onFirstLine {
			lines := strings.Split(msg, "\n")
			for i, l := range lines {
				if strings.TrimLeft(l, " ") == "^" && len(l)-1 >= shift {
					lines[i] = l[shift:]
				}
			}
			msg = strings.Join(lines, "\n")
		}
	}
	return fmt.Errorf("query failed (%s): %s", ne.Code, msg)
}

// Explain asks the server to plan a statement without running it and returns its query
// type: "r" (read only), "rw", "w" or "s" (schema). Report templates are checked with
// it. Errors are the server's (syntax, unknown function) or connection errors.
func (s *Store) Explain(ctx context.Context, cypher string, params map[string]any) (string, error) {
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	out, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return explain(ctx, tx, cypher, params)
	})
	if err != nil {
		return "", s.classify(ctx, err)
	}
	return out.(string), nil
}

var leadingKeyword = regexp.MustCompile(`(?is)^\s*(EXPLAIN|PROFILE)\b`)

func explain(ctx context.Context, tx runner, cypher string, params map[string]any) (string, error) {
	stmt := "EXPLAIN " + leadingKeyword.ReplaceAllString(cypher, "")
	res, err := tx.Run(ctx, stmt, params)
	if err != nil {
		return "", err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return "", err
	}
	return sum.StatementType().String(), nil
}

func explainReadOnly(ctx context.Context, tx runner, cypher string, params map[string]any) error {
	qt, err := explain(ctx, tx, cypher, params)
	if err != nil {
		return err
	}
	if qt != neo4j.StatementTypeReadOnly.String() {
		if qt == "" {
			qt = "unknown"
		}
		return &WriteQueryError{QueryType: qt}
	}
	return nil
}

// plain converts a driver value into the plain values graph.Rows promises.
func plain(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return nodeValue(x)
	case dbtype.Relationship:
		return relValue(x)
	case dbtype.Path:
		p := graph.PathValue{}
		for _, n := range x.Nodes {
			p.Nodes = append(p.Nodes, nodeValue(n))
		}
		for _, r := range x.Relationships {
			p.Rels = append(p.Rels, relValue(r))
		}
		return p
	case []any:
		out := make([]any, len(x))
		for i, y := range x {
			out[i] = plain(y)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, y := range x {
			out[k] = plain(y)
		}
		return out
	case dbtype.Date:
		return x.Time().Format("2006-01-02")
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05.999999999")
	case dbtype.LocalTime:
		return x.Time().Format("15:04:05.999999999")
	case dbtype.Time:
		return x.Time().Format("15:04:05.999999999Z07:00")
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Duration:
		return x.String()
	case dbtype.Point2D:
		return map[string]any{"srid": int64(x.SpatialRefId), "x": x.X, "y": x.Y}
	case dbtype.Point3D:
		return map[string]any{"srid": int64(x.SpatialRefId), "x": x.X, "y": x.Y, "z": x.Z}
	}
	return v
}

func nodeValue(n dbtype.Node) graph.NodeValue {
	return graph.NodeValue{ElementID: n.ElementId, Labels: n.Labels, Props: dropDerived(plain(n.Props).(map[string]any))}
}

func relValue(r dbtype.Relationship) graph.RelValue {
	return graph.RelValue{ElementID: r.ElementId, Type: r.Type, StartID: r.StartElementId, EndID: r.EndElementId,
		Props: plain(r.Props).(map[string]any)}
}

// Counts is how many nodes and relationships the database holds.
type Counts struct {
	Nodes      map[graph.Label]int64
	Rels       map[graph.RelType]int64
	TotalNodes int64 // every node, whatever its labels, but the load manifests (bookkeeping)
	TotalRels  int64
}

// Counts counts nodes per label of the model, relationships per type, and the totals
// without the load manifests (doctor and the tests call it). Errors are connection errors.
func (s *Store) Counts(ctx context.Context) (Counts, error) {
	c := Counts{Nodes: map[graph.Label]int64{}, Rels: map[graph.RelType]int64{}}
	sess := s.session(ctx, neo4j.AccessModeRead)
	defer sess.Close(context.WithoutCancel(ctx))
	one := func(tx neo4j.ManagedTransaction, cypher string) (int64, error) {
		res, err := tx.Run(ctx, cypher, nil)
		if err != nil {
			return 0, err
		}
		rec, err := res.Single(ctx)
		if err != nil {
			return 0, err
		}
		n, _ := rec.Values[0].(int64)
		return n, nil
	}
	_, err := sess.ExecuteRead(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var err error
		for _, l := range graph.AllLabels {
			if c.Nodes[l], err = one(tx, "MATCH (n:"+ident(string(l))+") RETURN count(n)"); err != nil {
				return nil, err
			}
		}
		for _, r := range graph.Relations {
			if c.Rels[r.Type], err = one(tx, "MATCH ()-[r:"+ident(string(r.Type))+"]->() RETURN count(r)"); err != nil {
				return nil, err
			}
		}
		if c.TotalNodes, err = one(tx, "MATCH (n) RETURN count(n)"); err != nil {
			return nil, err
		}
		manifests, err := one(tx, "MATCH (n:"+ident(ManifestLabel)+") RETURN count(n)")
		if err != nil {
			return nil, err
		}
		c.TotalNodes -= manifests
		for _, l := range derivedLabels {
			n, err := one(tx, "MATCH (n:"+ident(l)+") RETURN count(n)")
			if err != nil {
				return nil, err
			}
			c.TotalNodes -= n
		}
		c.TotalRels, err = one(tx, "MATCH ()-[r]->() RETURN count(r)")
		return nil, err
	})
	if err != nil {
		return Counts{}, s.classify(ctx, err)
	}
	return c, nil
}

// DeleteAll removes every node and relationship of the database (schema is kept). Only
// the integration tests call it, on a database they are allowed to wipe.
func (s *Store) DeleteAll(ctx context.Context) error {
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, "MATCH (n) DETACH DELETE n", nil)
		if err != nil {
			return nil, err
		}
		return res.Consume(ctx)
	})
	return s.classify(ctx, err)
}
