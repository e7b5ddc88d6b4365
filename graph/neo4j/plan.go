package neo4j

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultBatchSize is the batch size used when LoadOptions.BatchSize is not positive.
const DefaultBatchSize = 2000

// RuleNodeArticles is the rule of a MENTIONS relationship implied by a node record's
// "articles" list when the input has no explicit MENTIONS edge for that pair.
const RuleNodeArticles = "node.articles"

// Plan is what Load will write, computed without a database: the batches (one write
// transaction each) and the totals. `newsgraph load --dry-run` prints it.
type Plan struct {
	Batches []Batch
	// Distinct records in the input, per label and per relationship type.
	Nodes map[graph.Label]int
	Rels  map[graph.RelType]int
	// ImpliedMentions counts MENTIONS relationships added from node "articles" lists.
	ImpliedMentions int

	src *planSource
}

// Batch is the content of one write transaction: whole articles, every node they
// reference, and their relationships. A batch without articles carries nodes that no
// article references.
type Batch struct {
	Articles []row            // Article nodes: id, props
	Keys     map[string][]any // article id -> keys of its relationships (stale ones are removed)
	Nodes    map[graph.Label][]row
	Edges    map[graph.RelType][]row // relationship rows by type: from, to, key, props
	Size     int                     // records in the batch

	// What Plan.Batch builds the rows from: articles (indices in the document) and nodes
	// no article references.
	arts  []int
	loose []string
}

type row = map[string]any

// Articles returns the number of articles in the plan.
func (p *Plan) Articles() int { return p.Nodes[graph.LabelArticle] }

// Records returns the number of node and relationship records the plan writes.
func (p *Plan) Records() (nodes, rels int) {
	for _, n := range p.Nodes {
		nodes += n
	}
	for _, n := range p.Rels {
		rels += n
	}
	return nodes, rels
}

// NewPlan groups a validated document into batches of whole articles, about batchSize
// records each. name is the input's name, for messages ("name:line: ..."). It fails
// when a record cannot be stored as Neo4j properties (a prop that clashes with a built-in
// property, a list mixing types).
func NewPlan(d *graph.Document, name string, batchSize int) (*Plan, error) {
	x := newIndexer(name)
	for i := range d.Edges {
		x.edge(&d.Edges[i], edgeRef{off: int64(i), line: int32(d.Edges[i].Line)})
	}
	read := func(r edgeRef) (*graph.Edge, error) { return &d.Edges[r.off], nil }
	return x.plan(d, read, batchSize)
}

// ScanPlan validates the extraction in src (size bytes) in one streaming pass
// (graph.Scan) and plans its load like NewPlan, keeping of each relationship only where
// it is: a batch reads its articles' relationships back from src when it is built, so
// memory does not grow with the relationships' content. src must stay readable until the
// load is done. Errors: a *graph.ValidationError for an invalid input, a *PlanError for
// a record Neo4j cannot store, or an I/O error; in each case nothing was written.
func ScanPlan(src io.ReaderAt, size int64, name string, batchSize int) (*Plan, error) {
	x := newIndexer(name)
	d, err := graph.Scan(io.NewSectionReader(src, 0, size), name, func(e *graph.Edge, at graph.EdgeAt) error {
		x.edge(e, edgeRef{off: at.Offset, n: int32(at.Len), line: int32(at.Line)})
		return x.err
	})
	if err != nil {
		return nil, err
	}
	read := func(r edgeRef) (*graph.Edge, error) {
		buf := make([]byte, r.n)
		if _, err := src.ReadAt(buf, r.off); err != nil {
			return nil, fmt.Errorf("reading %s:%d again: %w", name, r.line, err)
		}
		e := &graph.Edge{}
		if err := json.Unmarshal(buf, e); err != nil {
			return nil, fmt.Errorf("reading %s:%d again: %w", name, r.line, err)
		}
		e.Line = int(r.line)
		return e, nil
	}
	return x.plan(d, read, batchSize)
}

// PlanError is a record that passed validation but cannot be stored in Neo4j (a prop that
// clashes with a built-in property, a list mixing types); nothing was written.
type PlanError struct{ Err error }

func (e *PlanError) Error() string { return e.Err.Error() }
func (e *PlanError) Unwrap() error { return e.Err }

// edgeRef says where an explicit relationship is: its index in a document's edges, or its
// line's offset and length in the input.
type edgeRef struct {
	off  int64
	n    int32
	line int32
}

// indexer keeps, while the relationships go by in input order, what planning needs of
// them: which fact each states (the first statement of a fact wins), where each is, per
// article, the nodes at their ends, the spellings MENTIONS credit, and the counts.
type indexer struct {
	name     string
	p        *Plan
	seen     map[[10]byte]bool
	explicit map[string][]edgeRef // per article id
	ends     map[string][]string  // per article id: the ends of its relationships, in order
	credited map[string]map[string]bool
	mention  map[string]bool // nodes with a MENTIONS relationship
	err      error           // the first relationship Neo4j cannot store
	// edgeSum is, per article id, the sum (mod 2^256) of the SHA-256 of each of its
	// explicit relationships: part of its load hash, computed while the file is validated
	// so that hashing never reads a relationship back.
	edgeSum map[string]*[sha256.Size]byte
	h       hash.Hash
	hw      *bufio.Writer
}

func newIndexer(name string) *indexer {
	return &indexer{name: name, p: &Plan{Nodes: map[graph.Label]int{}, Rels: map[graph.RelType]int{}},
		seen: map[[10]byte]bool{}, explicit: map[string][]edgeRef{}, ends: map[string][]string{},
		credited: map[string]map[string]bool{}, mention: map[string]bool{}, edgeSum: map[string]*[sha256.Size]byte{}}
}

// sumEdge adds the hash of relationship e to its article's edgeSum.
func (x *indexer) sumEdge(e *graph.Edge) {
	if x.h == nil {
		x.h = sha256.New()
		x.hw = bufio.NewWriterSize(x.h, 1024)
	}
	x.h.Reset()
	hashEdge(x.hw, e)
	_ = x.hw.Flush()
	var d [sha256.Size]byte
	x.h.Sum(d[:0])
	acc := x.edgeSum[e.Article]
	if acc == nil {
		acc = new([sha256.Size]byte)
		x.edgeSum[e.Article] = acc
	}
	carry := 0
	for i := sha256.Size - 1; i >= 0; i-- {
		v := int(acc[i]) + int(d[i]) + carry
		acc[i], carry = byte(v), v>>8
	}
}

func factKey(e *graph.Edge) (k [10]byte) {
	_, _ = hex.Decode(k[:], []byte(e.Key()))
	return k
}

// edge takes one explicit relationship, in input order.
func (x *indexer) edge(e *graph.Edge, at edgeRef) {
	k := factKey(e)
	if x.seen[k] { // the same fact stated twice: the first statement wins
		return
	}
	x.seen[k] = true
	if err := checkEdgeProps(e); err != nil && x.err == nil {
		x.err = &PlanError{fmt.Errorf("%s:%d: %w", x.name, e.Line, err)}
	}
	if e.Type == graph.RelMentions {
		x.mention[e.To] = true
		al, ok := stringList(e.Props["aliases"])
		if !ok && x.err == nil {
			x.err = &PlanError{fmt.Errorf("%s:%d: MENTIONS edge: prop \"aliases\" must be a list of strings", x.name, e.Line)}
		}
		if x.credited[e.To] == nil {
			x.credited[e.To] = map[string]bool{}
		}
		for _, a := range al {
			x.credited[e.To][a] = true
		}
	}
	x.p.Rels[e.Type]++
	x.sumEdge(e)
	x.explicit[e.Article] = append(x.explicit[e.Article], at)
	x.ends[e.Article] = addOnce(addOnce(x.ends[e.Article], e.From), e.To)
}

func addOnce(list []string, id string) []string {
	for _, x := range list {
		if x == id {
			return list
		}
	}
	return append(list, id)
}

// plan finishes the index with the articles and nodes of d (its edges are not read) and
// groups the articles into batches.
func (x *indexer) plan(d *graph.Document, read func(edgeRef) (*graph.Edge, error), batchSize int) (*Plan, error) {
	if x.err != nil {
		return nil, x.err
	}
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	p := x.p
	s := &planSource{name: x.name, articles: d.Articles, labelOf: map[string]graph.Label{}, nodeRows: map[string]row{},
		refs: make([][]int32, len(d.Articles)), unattributed: map[string][]string{}, read: read}
	nodeIdx := make(map[string]int32, len(d.Nodes))
	for i := range d.Nodes {
		n := &d.Nodes[i]
		r, err := nodeRow(n)
		if err != nil {
			return nil, &PlanError{fmt.Errorf("%s:%d: %w", x.name, n.Line, err)}
		}
		s.labelOf[n.ID] = n.Label
		s.nodeRows[n.ID] = r
		nodeIdx[n.ID] = int32(len(s.nodeIDs))
		s.nodeIDs = append(s.nodeIDs, n.ID)
		p.Nodes[n.Label]++
	}
	artIdx := make(map[string]int, len(d.Articles))
	for i := range d.Articles {
		s.labelOf[d.Articles[i].ID] = graph.LabelArticle
		artIdx[d.Articles[i].ID] = i
		p.Nodes[graph.LabelArticle]++
	}
	// MENTIONS implied by node records, unless the same fact is stated.
	implied := map[string]int{}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		for _, a := range n.Articles {
			ai := artIdx[a]
			s.refs[ai] = append(s.refs[ai], int32(i))
			if !x.seen[factKey(impliedMention(a, n.ID, 0))] {
				implied[a]++
				x.mention[n.ID] = true
				p.ImpliedMentions++
				p.Rels[graph.RelMentions]++
			}
		}
		for _, a := range n.Aliases {
			if !x.credited[n.ID][a] {
				s.unattributed[n.ID] = append(s.unattributed[n.ID], a)
			}
		}
	}
	for id, r := range s.nodeRows {
		r["loose"] = !x.mention[id]
	}
	s.explicit = make([][]edgeRef, len(d.Articles))
	s.edgeSum = make([][sha256.Size]byte, len(d.Articles))
	s.need = make([][]int32, len(d.Articles))
	s.rels = make([]int, len(d.Articles))
	for i := range d.Articles {
		id := d.Articles[i].ID
		s.explicit[i] = slices.Clone(x.explicit[id]) // without the slack of appending
		if sum := x.edgeSum[id]; sum != nil {
			s.edgeSum[i] = *sum
		}
		s.rels[i] = len(x.explicit[id]) + implied[id]
		s.need[i] = s.needOf(i, x.ends[id], nodeIdx)
	}
	s.nodeDigests()
	p.src = s
	p.Batches = s.batches(batchSize)
	return p, nil
}

func impliedMention(article, node string, line int) *graph.Edge {
	return &graph.Edge{Kind: graph.KindEdge, Type: graph.RelMentions, From: article, To: node, Article: article, Rule: RuleNodeArticles, Line: line}
}

// planSource is what a plan builds its batches from, one at a time (Plan.Batch), so that
// the rows of the whole input never sit in memory at once.
type planSource struct {
	name         string
	articles     []graph.Article
	nodeIDs      []string // in input order; nodes are referred to by their index in it
	labelOf      map[string]graph.Label
	nodeRows     map[string]row
	unattributed map[string][]string
	// Per article (index): the nodes whose "articles" name it, its explicit relationships
	// (first statements of their facts, input order), how many relationships it has with
	// the implied MENTIONS, and the nodes it references (those naming it, then the ends of
	// its relationships).
	refs     [][]int32
	explicit [][]edgeRef
	rels     []int
	need     [][]int32
	edgeSum  [][sha256.Size]byte // per article: see indexer.edgeSum
	nodeSum  [][sha256.Size]byte // per node: see nodeDigests
	read     func(edgeRef) (*graph.Edge, error)
}

// needOf lists the nodes article ai references, in input order: those naming it, then the
// ends of its relationships (ids; nodeIdx gives their index).
func (s *planSource) needOf(ai int, ends []string, nodeIdx map[string]int32) []int32 {
	seen := map[int32]bool{}
	need := make([]int32, 0, len(s.refs[ai])+len(ends))
	add := func(n int32) {
		if !seen[n] {
			seen[n] = true
			need = append(need, n)
		}
	}
	for _, n := range s.refs[ai] {
		add(n)
	}
	for _, id := range ends {
		if s.labelOf[id] != graph.LabelArticle {
			add(nodeIdx[id])
		}
	}
	return slices.Clip(need)
}

// edgesOf reads article ai's relationships back: the explicit ones, then the MENTIONS
// its nodes imply.
func (s *planSource) edgesOf(ai int) ([]*graph.Edge, error) {
	a := &s.articles[ai]
	out := make([]*graph.Edge, 0, s.rels[ai])
	keys := map[[10]byte]bool{}
	for _, r := range s.explicit[ai] {
		e, err := s.read(r)
		if err != nil {
			return nil, err
		}
		keys[factKey(e)] = true
		out = append(out, e)
	}
	for _, n := range s.refs[ai] {
		e := impliedMention(a.ID, s.nodeIDs[n], s.articles[ai].Line)
		if !keys[factKey(e)] {
			out = append(out, e)
		}
	}
	return out, nil
}

// batches groups the articles into batches of about batchSize records, then the nodes no
// article references; a batch holds what to build, not its rows.
func (s *planSource) batches(batchSize int) []Batch {
	var out []Batch
	cur, inBatch := Batch{}, map[int32]bool{}
	flush := func() {
		if cur.Size > 0 {
			out = append(out, cur)
		}
		cur, inBatch = Batch{}, map[int32]bool{}
	}
	attached := make([]bool, len(s.nodeIDs))
	for i := range s.articles {
		need := s.need[i]
		if size := 1 + len(need) + s.rels[i]; cur.Size > 0 && cur.Size+size > batchSize {
			flush()
		}
		cur.arts = append(cur.arts, i)
		cur.Size += 1 + s.rels[i]
		for _, id := range need {
			attached[id] = true
			if !inBatch[id] {
				inBatch[id] = true
				cur.Size++
			}
		}
	}
	// Nodes no article references still get loaded, after the articles.
	flush()
	for i, id := range s.nodeIDs {
		if !attached[i] {
			if cur.Size >= batchSize {
				flush()
			}
			cur.loose = append(cur.loose, id)
			cur.Size++
		}
	}
	flush()
	return out
}

// batchEdges reads the relationships of batch i's articles but those in skip, by article
// index.
func (p *Plan) batchEdges(i int, skip map[string]bool) (map[int][]*graph.Edge, error) {
	out := map[int][]*graph.Edge{}
	for _, ai := range p.Batches[i].arts {
		if skip[p.src.articles[ai].ID] {
			continue
		}
		es, err := p.src.edgesOf(ai)
		if err != nil {
			return nil, err
		}
		out[ai] = es
	}
	return out, nil
}

// Batch returns batch i with its rows, built now; LoadPlan writes it and drops it.
func (p *Plan) Batch(i int) (*Batch, error) {
	edges, err := p.batchEdges(i, nil)
	if err != nil {
		return nil, err
	}
	return p.build(i, nil, edges, p.hashes(i))
}

// build builds batch i from its articles' relationships (batchEdges) and load hashes (hashes),
// without the articles in skip, their relationships and the nodes only they reference.
func (p *Plan) build(i int, skip map[string]bool, edges map[int][]*graph.Edge, hashes []any) (*Batch, error) {
	spec := &p.Batches[i]
	s := p.src
	b := newBatch()
	inBatch := map[string]bool{}
	addNode := func(id string) {
		if !inBatch[id] {
			inBatch[id] = true
			l := s.labelOf[id]
			b.Nodes[l] = append(b.Nodes[l], s.nodeRows[id])
			b.Size++
		}
	}
	for k, ai := range spec.arts {
		if a := &s.articles[ai]; !skip[a.ID] {
			hash := hashes[k].(map[string]any)["hash"]
			if err := s.addArticle(b, ai, edges[ai], hash, addNode); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range spec.loose {
		addNode(id)
	}
	return b, nil
}

// hashes returns the id, load hash and doc_key (nil when none) of each article of batch i,
// without reading its relationships.
func (p *Plan) hashes(i int) []any {
	spec := &p.Batches[i]
	out := make([]any, 0, len(spec.arts))
	for _, ai := range spec.arts {
		a := &p.src.articles[ai]
		var key any
		if a.DocKey != "" {
			key = a.DocKey
		}
		out = append(out, map[string]any{"id": a.ID, "hash": p.src.loadHash(ai), "doc_key": key})
	}
	return out
}

// addArticle adds an article's row, the nodes it references and its relationships.
func (s *planSource) addArticle(b *Batch, ai int, edges []*graph.Edge, hash any, addNode func(string)) error {
	a := &s.articles[ai]
	art := articleRow(a)
	b.Articles = append(b.Articles, art)
	b.Size++
	for _, n := range s.need[ai] {
		addNode(s.nodeIDs[n])
	}
	keys := []any{}
	for _, e := range edges {
		r, err := edgeRow(e)
		if err != nil {
			return fmt.Errorf("%s:%d: %w", s.name, e.Line, err)
		}
		if e.Type == graph.RelMentions {
			props := r["props"].(map[string]any)
			props["aliases"] = unionAny(props["aliases"], s.unattributed[e.To])
		}
		b.Edges[e.Type] = append(b.Edges[e.Type], r)
		b.Size++
		keys = append(keys, r["key"])
	}
	b.Keys[a.ID] = keys
	art[LoadHashProperty] = hash
	return nil
}

func newBatch() *Batch {
	return &Batch{Keys: map[string][]any{}, Nodes: map[graph.Label][]row{}, Edges: map[graph.RelType][]row{}}
}

// LoadHashProperty is the Article property holding a hash of everything a load writes for
// the article: its own properties, its relationships, and the nodes it references as this
// input has them. A later load of an article whose hash is the same skips it.
const LoadHashProperty = "load_hash"

// loadFormat is part of every load hash: change it when Load writes the same input
// differently, so that no article is skipped on a hash of the old way.
const loadFormat = "newsgraph-load/2"

// loadHash hashes what a load writes for an article, from the records without building the
// rows or reading a relationship back: the article's properties, the node rows it
// references (as this input has them) with the spellings no MENTIONS credits (added to
// every MENTIONS of the node), the nodes whose "articles" name it (the MENTIONS they imply
// unless stated) and the sum of its explicit relationships' hashes (edgeSum: every stored
// field, in any order).
func (s *planSource) loadHash(ai int) string {
	h := sha256.New()
	w := bufio.NewWriterSize(h, 4096)
	hashValue(w, loadFormat)
	hashValue(w, articleRow(&s.articles[ai])["props"])
	for _, n := range s.need[ai] {
		w.Write(s.nodeSum[n][:])
	}
	hashValue(w, int64(len(s.refs[ai])))
	for _, n := range s.refs[ai] {
		hashValue(w, s.nodeIDs[n])
	}
	w.Write(s.edgeSum[ai][:])
	_ = w.Flush()
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// nodeDigests computes, per node, the SHA-256 of its row and of the spellings no MENTIONS
// credits it: what an article's load hash takes of each node it references.
func (s *planSource) nodeDigests() {
	s.nodeSum = make([][sha256.Size]byte, len(s.nodeIDs))
	h := sha256.New()
	w := bufio.NewWriterSize(h, 1024)
	for n, id := range s.nodeIDs {
		h.Reset()
		hashValue(w, s.nodeRows[id])
		hashValue(w, anyList(s.unattributed[id]))
		_ = w.Flush()
		h.Sum(s.nodeSum[n][:0])
	}
}

// hashEdge writes every field of an edge that Load stores (all but Kind and Line).
func hashEdge(w *bufio.Writer, e *graph.Edge) {
	for _, f := range []string{string(e.Type), e.From, e.To, e.Article, string(e.Status), e.Date, e.DatePrecision,
		e.DateSource, e.Place, e.Topic, e.Cameo, e.Rule, e.Title, e.Source, e.Evidence.Sentence} {
		hashString(w, f)
	}
	hashValue(w, e.Confidence)
	hashValue(w, int64(e.Evidence.Start))
	hashValue(w, int64(e.Evidence.End))
	hashValue(w, map[string]any(e.Props))
}

// hashValue writes a row value unambiguously: a type byte, then a length or the value.
func hashValue(w *bufio.Writer, v any) {
	switch x := v.(type) {
	case nil:
		w.WriteByte('n')
	case string:
		hashString(w, x)
	case bool:
		w.WriteByte('b')
		w.Write(strconv.AppendBool(w.AvailableBuffer(), x))
	case int64:
		w.WriteByte('i')
		w.Write(strconv.AppendInt(w.AvailableBuffer(), x, 10))
	case float64:
		w.WriteByte('f')
		w.Write(strconv.AppendFloat(w.AvailableBuffer(), x, 'g', -1, 64))
	case []any:
		w.WriteByte('l')
		w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(len(x)), 10))
		for _, y := range x {
			hashValue(w, y)
		}
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		w.WriteByte('m')
		w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(len(keys)), 10))
		for _, k := range keys {
			hashValue(w, k)
			hashValue(w, x[k])
		}
	default:
		fmt.Fprintf(w, "?%T:%v", x, x)
	}
}

// hashString writes a string as hashValue does, without making it an interface value.
func hashString(w *bufio.Writer, x string) {
	w.WriteByte('s')
	w.Write(strconv.AppendInt(w.AvailableBuffer(), int64(len(x)), 10))
	w.WriteByte(':')
	w.WriteString(x)
}

// stringList reads a list-of-strings prop; nil (absent) is an empty list.
func stringList(v any) ([]string, bool) {
	if v == nil {
		return nil, true
	}
	list, ok := v.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, x := range list {
		s, ok := x.(string)
		if !ok {
			return nil, false
		}
		out = append(out, s)
	}
	return out, true
}

// unionAny is the list prop v with the strings of add appended that it lacks.
func unionAny(v any, add []string) []any {
	own, _ := stringList(v)
	out := make([]any, 0, len(own)+len(add))
	seen := map[string]bool{}
	for _, a := range append(own, add...) {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	return out
}

// builtinNodeProps are the node properties Load sets itself.
var builtinNodeProps = map[string]bool{"id": true, "name": true, "aliases": true}

func nodeRow(n *graph.Node) (row, error) {
	props := map[string]any{}
	for k, v := range n.Props {
		if builtinNodeProps[k] {
			return nil, fmt.Errorf("node %s: prop %q clashes with the built-in property of that name", n.ID, k)
		}
		v, err := propValue(v)
		if err != nil {
			return nil, fmt.Errorf("node %s: prop %q: %w", n.ID, k, err)
		}
		props[k] = v
	}
	aliases := make([]any, 0, len(n.Aliases))
	for _, a := range n.Aliases {
		aliases = append(aliases, a)
	}
	return row{"id": n.ID, "name": n.Name, "aliases": aliases, "props": props}, nil
}

func articleRow(a *graph.Article) row {
	props := map[string]any{"id": a.ID}
	set := func(k, v string) {
		if v != "" {
			props[k] = v
		}
	}
	set("title", a.Title)
	set("source", a.Source)
	set("url", a.URL)
	set("published", a.Published)
	set("published_source", a.PublishedSource)
	set("hash", a.Hash)
	set("doc_key", a.DocKey)
	set("etag", a.ETag)
	set("last_modified", a.LastModified)
	if a.Words > 0 {
		props["words"] = int64(a.Words)
	}
	return row{"id": a.ID, "props": props}
}

// EdgeProperties lists the properties Load sets on every relationship (when not empty),
// besides the edge's own props.
var EdgeProperties = []string{"key", "article", "status", "date", "date_precision", "date_source",
	"place", "topic", "cameo", "confidence", "rule", "title", "source", "sentence", "start", "end"}

func edgeRow(e *graph.Edge) (row, error) {
	key := e.Key()
	props := map[string]any{"key": key, "article": e.Article}
	set := func(k, v string) {
		if v != "" {
			props[k] = v
		}
	}
	set("status", string(e.Status))
	set("date", e.Date)
	set("date_precision", e.DatePrecision)
	set("date_source", e.DateSource)
	set("place", e.Place)
	set("topic", e.Topic)
	set("cameo", e.Cameo)
	set("rule", e.Rule)
	set("title", e.Title)
	set("source", e.Source)
	if e.Confidence > 0 {
		props["confidence"] = e.Confidence
	}
	if e.Evidence.Sentence != "" || e.Evidence.End > 0 {
		props["sentence"] = e.Evidence.Sentence
		props["start"] = int64(e.Evidence.Start)
		props["end"] = int64(e.Evidence.End)
	}
	if err := checkEdgeProps(e); err != nil {
		return nil, err
	}
	for k, v := range e.Props {
		props[k] = v
	}
	return row{"from": e.From, "to": e.To, "key": key, "props": props}, nil
}

// checkEdgeProps checks that an edge's own props can be stored: no built-in property's
// name (EdgeProperties), no list mixing types. The first bad prop in name order is named.
func checkEdgeProps(e *graph.Edge) error {
	if len(e.Props) == 0 {
		return nil
	}
	names := make([]string, 0, len(e.Props))
	for k := range e.Props {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		if isEdgeProperty(k) {
			return fmt.Errorf("%s edge: prop %q clashes with the built-in property of that name", e.Type, k)
		}
		if _, err := propValue(e.Props[k]); err != nil {
			return fmt.Errorf("%s edge: prop %q: %w", e.Type, k, err)
		}
	}
	return nil
}

func isEdgeProperty(k string) bool {
	for _, p := range EdgeProperties {
		if p == k {
			return true
		}
	}
	return false
}

// propValue checks that v can be a Neo4j property: a scalar or a list of scalars of one
// type. graph.Read already rejects nested objects.
func propValue(v any) (any, error) {
	list, ok := v.([]any)
	if !ok {
		return v, nil
	}
	kind := ""
	for _, x := range list {
		k := fmt.Sprintf("%T", x)
		if kind != "" && k != kind {
			return nil, fmt.Errorf("a list mixing %s and %s cannot be stored in Neo4j", kindName(kind), kindName(k))
		}
		kind = k
	}
	return v, nil
}

func kindName(goType string) string {
	switch goType {
	case "string":
		return "strings"
	case "float64":
		return "numbers"
	case "bool":
		return "booleans"
	}
	return goType
}
