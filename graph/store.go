package graph

import "context"

// Store is a graph database that extractions are loaded into and read from. graph/neo4j
// implements it; the CLI's load and query commands (and later report) call it through
// this interface, so they can be tested with a fake.
type Store interface {
	// Load writes d: its articles, the nodes they reference and their relationships,
	// in write transactions of whole articles. Loading the same document twice changes
	// nothing; loading a changed article (same id, or same DocKey and another id) replaces
	// what it supported: relationships, aliases, and nodes no other article supports. d must
	// come from Read (already validated). Errors: a connection or auth problem
	// (graph/neo4j's ErrUnreachable, ErrAuth), a *PartialLoadError when some batches were
	// committed before one failed, or a plain error when nothing was written.
	Load(ctx context.Context, d *Document, opts LoadOptions) (LoadStats, error)
	// Query runs one read-only query with parameters and returns every row. A query
	// that would write is refused before it runs.
	Query(ctx context.Context, query string, params map[string]any) (*Rows, error)
	// Close releases the connection.
	Close(ctx context.Context) error
}

// LoadOptions tunes Load.
type LoadOptions struct {
	// Name names the input in messages ("name:line: ..."); "" means "input".
	Name string
	// BatchSize is about how many records (nodes + relationships) one write transaction
	// carries; whole articles are never split across transactions. <= 0 means 5000.
	BatchSize int
	// Progress, when set, is called after each committed batch.
	Progress func(done, total int)
}

// LoadStats counts what a Load did. Updated counts existing nodes or relationships whose
// properties changed; records that were already present and identical count nowhere.
type LoadStats struct {
	Articles, Batches int
	NodesCreated      int // including Article nodes
	NodesUpdated      int
	RelsCreated       int
	RelsUpdated       int
	RelsRemoved       int // stale relationships of a reloaded article, or of a retracted one
	// NodesRemoved counts entity nodes no remaining article supports, and the Article
	// nodes of retracted articles.
	NodesRemoved int
	// Retracted counts articles removed: retracted by id, or earlier versions of an edited
	// article (same DocKey, another id) that a load replaced.
	Retracted int
	// Skipped counts articles (among Articles) left as they were: stored with the same load
	// hash, so everything loading them would write was there already.
	Skipped int
}

// Add adds o's counts to s.
func (s *LoadStats) Add(o LoadStats) {
	s.Articles += o.Articles
	s.Batches += o.Batches
	s.NodesCreated += o.NodesCreated
	s.NodesUpdated += o.NodesUpdated
	s.RelsCreated += o.RelsCreated
	s.RelsUpdated += o.RelsUpdated
	s.RelsRemoved += o.RelsRemoved
	s.NodesRemoved += o.NodesRemoved
	s.Retracted += o.Retracted
	s.Skipped += o.Skipped
}

// PartialLoadError says a load stopped after committing some of its batches: the
// articles of the committed batches are fully loaded, the others untouched.
type PartialLoadError struct {
	Done  LoadStats // what the committed batches did
	Total int       // batches planned
	Err   error
}

func (e *PartialLoadError) Error() string {
	return e.Err.Error()
}

func (e *PartialLoadError) Unwrap() error { return e.Err }

// Rows is the result of a read query: column names and, per row, one value per column.
// Values are plain Go values (nil, bool, int64, float64, string, []any, map[string]any)
// or NodeValue, RelValue, PathValue; temporal values are ISO 8601 strings.
type Rows struct {
	Columns []string
	Rows    [][]any
}

// NodeValue is a node returned by a query.
type NodeValue struct {
	ElementID string         `json:"element_id"`
	Labels    []string       `json:"labels"`
	Props     map[string]any `json:"properties"`
}

// RelValue is a relationship returned by a query.
type RelValue struct {
	ElementID string         `json:"element_id"`
	Type      string         `json:"type"`
	StartID   string         `json:"start_element_id"`
	EndID     string         `json:"end_element_id"`
	Props     map[string]any `json:"properties"`
}

// PathValue is a path returned by a query: Nodes[i] -Rels[i]- Nodes[i+1].
type PathValue struct {
	Nodes []NodeValue `json:"nodes"`
	Rels  []RelValue  `json:"relationships"`
}
