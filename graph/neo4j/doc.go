// Package neo4j is newsgraph's Neo4j store and the only importer of the Neo4j Go driver.
//
// Open connects and checks connectivity, credentials and the database, classifying
// failures as ErrUnreachable or ErrAuth. ApplySchema creates the constraints and indexes
// (idempotent); SchemaStatus reports them. Load writes a graph.Document (LoadPlan a plan
// of a file, ScanPlan) in batches of whole articles, one managed write transaction
// (ExecuteWrite) per batch, with a few `UNWIND` statements whose labels and relationship
// types come from the closed sets in package graph (never from user text); batch.go says
// which. Query (collects rows) and
// QueryStream (hands them to a graph.RowSink as they arrive) run a statement only after
// CheckReadOnly (rules in readonly.txt: no LOAD CSV, TERMINATE, administration commands or
// server procedures) and, in a read transaction bounded by Config.QueryTimeout, EXPLAIN
// have shown that it only reads.
//
// NewPlan and ScanPlan, the batching, need no server: it is unit-tested on its own and is what
// `newsgraph load --dry-run` prints. Integration tests (build tag integration) run the
// rest against a real server and wipe the database they are pointed at.
package neo4j
