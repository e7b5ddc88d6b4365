package neo4j

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultBatchSize is the batch size used when LoadOptions.BatchSize is not positive.
const DefaultBatchSize = 5000

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
	s := &planSource{name: name}
	s.readRun = func(r span) ([]*graph.Edge, error) {
		out := make([]*graph.Edge, 0, r.n)
		for i := r.off; i < r.end(); i++ {
			out = append(out, &d.Edges[i])
		}
		return out, nil
	}
	s.readArticle = func(r span) (*graph.Article, error) { return &d.Articles[r.off], nil }
	sp, err := newSpill(false)
	if err != nil {
		return nil, err
	}
	x := newIndexer(name, s, sp)
	artIdx := make(map[string]int32, len(d.Articles))
	for i := range d.Articles {
		artIdx[d.Articles[i].ID] = int32(i)
		x.article(&d.Articles[i], graph.EdgeAt{Offset: int64(i), Len: 1, Line: d.Articles[i].Line, Article: int32(i)})
	}
	for i := range d.Edges {
		e := &d.Edges[i]
		ai, ok := artIdx[e.Article]
		if !ok {
			ai = -1
		}
		if err := x.edge(e, graph.EdgeAt{Offset: int64(i), Len: 1, Line: e.Line, Article: ai}, s.readRun); err != nil {
			return nil, err
		}
	}
	nodeArts := make([][]int32, len(d.Nodes))
	for i := range d.Nodes {
		for _, a := range d.Nodes[i].Articles {
			if ai, ok := artIdx[a]; ok {
				nodeArts[i] = append(nodeArts[i], ai)
			}
		}
	}
	return x.plan(d.Nodes, nodeArts, batchSize)
}

// ScanPlan validates the extraction in src (size bytes) in one streaming pass
// (graph.Stream) and plans its load like NewPlan, keeping of each article only its id,
// where its record and its relationships are and its load hash: a batch reads its
// articles and their relationships back from src when it is built, so memory grows by a
// few dozen bytes an article (and 4 per node it names), not with the records' content.
// src must stay readable until the load is done. Errors: a *graph.ValidationError for an
// invalid input, a *PlanError for a record Neo4j cannot store, or an I/O error; in each
// case nothing was written.
func ScanPlan(src io.ReaderAt, size int64, name string, batchSize int) (*Plan, error) {
	s := &planSource{name: name}
	s.readRun = func(r span) ([]*graph.Edge, error) { return readEdges(src, name, r) }
	s.readArticle = func(r span) (*graph.Article, error) {
		a := &graph.Article{}
		if err := readRecord(src, r, a); err != nil {
			return nil, fmt.Errorf("reading %s:%d again: %w", name, r.line, err)
		}
		a.Line = int(r.line)
		return a, nil
	}
	sp, err := newSpill(true)
	if err != nil {
		return nil, fmt.Errorf("planning %s: %w", name, err)
	}
	defer sp.close()
	x := newIndexer(name, s, sp)
	st, err := graph.Stream(io.NewSectionReader(src, 0, size), name, func(a *graph.Article, at graph.EdgeAt) error {
		x.article(a, at)
		return nil
	}, func(e *graph.Edge, at graph.EdgeAt) error {
		return x.edge(e, at, s.readRun)
	})
	if err != nil {
		return nil, err
	}
	return x.plan(st.Nodes, st.NodeArticles, batchSize)
}

// readRecord reads the record at r back into v.
func readRecord(src io.ReaderAt, r span, v any) error {
	buf := make([]byte, r.n)
	if _, err := src.ReadAt(buf, r.off); err != nil {
		return err
	}
	return graph.DecodeValidated(buf, v)
}

// readEdges reads back the relationship records of a run of lines.
func readEdges(src io.ReaderAt, name string, r span) ([]*graph.Edge, error) {
	buf := make([]byte, r.n)
	if _, err := src.ReadAt(buf, r.off); err != nil {
		return nil, fmt.Errorf("reading %s:%d again: %w", name, r.line, err)
	}
	var out []*graph.Edge
	for line := r.line; len(buf) > 0; line++ {
		rec := buf
		if i := bytes.IndexByte(buf, '\n'); i >= 0 {
			rec, buf = buf[:i+1], buf[i+1:]
		} else {
			buf = nil
		}
		e := &graph.Edge{}
		if err := graph.DecodeValidated(rec, e); err != nil {
			return nil, fmt.Errorf("reading %s:%d again: %w", name, line, err)
		}
		e.Line = int(line)
		out = append(out, e)
	}
	return out, nil
}

// PlanError is a record that passed validation but cannot be stored in Neo4j (a prop that
// clashes with a built-in property, a list mixing types); nothing was written.
type PlanError struct{ Err error }

func (e *PlanError) Error() string { return e.Err.Error() }
func (e *PlanError) Unwrap() error { return e.Err }

func factKey(e *graph.Edge) (k [10]byte) {
	_, _ = hex.Decode(k[:], []byte(e.Key()))
	return k
}

// plan finishes the index with the nodes (and the articles each names, as indexes) and
// groups the articles into batches, computing each article's load hash on the way.
func (x *indexer) plan(nodes []graph.Node, nodeArts [][]int32, batchSize int) (*Plan, error) {
	if err := x.close(); err != nil {
		return nil, err
	}
	if x.err != nil {
		return nil, x.err
	}
	if err := x.spill.rewind(); err != nil {
		return nil, fmt.Errorf("planning %s: %w", x.name, err)
	}
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	p, s := x.p, x.src
	if err := s.addNodes(nodes, p); err != nil {
		return nil, err
	}
	p.Nodes[graph.LabelArticle] += len(s.articles)
	endNode := x.endNodes()
	s.refsOf(nodeArts)
	for i := range nodes {
		n := &nodes[i]
		for _, a := range n.Aliases {
			if !x.credited[n.ID][a] {
				s.unattributed[n.ID] = append(s.unattributed[n.ID], a)
			}
		}
	}
	// A node is mentioned by a MENTIONS relationship, or implied by its "articles" (an
	// article that states the same MENTIONS mentions it too).
	for n, id := range s.nodeIDs {
		s.nodeRows[id]["loose"] = !x.mention[id] && len(nodeArts[n]) == 0
	}
	s.nodeDigests()
	s.more = x.more
	batches, err := s.batches(batchSize, func(ai int, buf []int32) ([]int32, error) {
		st, err := x.stateOf(int32(ai))
		if err != nil {
			return nil, fmt.Errorf("planning %s: %w", x.name, err)
		}
		s.articles[ai].rels = st.n + x.implied(ai, &st)
		need := x.needOf(ai, buf, &st, endNode)
		return need, s.hashArticle(ai, need, &st)
	})
	if err != nil {
		return nil, err
	}
	p.Batches = batches
	p.src = s
	return p, nil
}

// addNodes indexes the nodes and counts them.
func (s *planSource) addNodes(nodes []graph.Node, p *Plan) error {
	s.labelOf, s.nodeRows = make(map[string]graph.Label, len(nodes)), make(map[string]row, len(nodes))
	s.nodeIdx, s.unattributed, s.alsoArticle = make(map[string]int32, len(nodes)), map[string][]string{}, map[string]bool{}
	s.nodeIDs = make([]string, 0, len(nodes))
	for i := range nodes {
		n := &nodes[i]
		r, err := nodeRow(n)
		if err != nil {
			return &PlanError{fmt.Errorf("%s:%d: %w", s.name, n.Line, err)}
		}
		s.labelOf[n.ID] = n.Label
		s.nodeRows[n.ID] = r
		s.nodeIdx[n.ID] = int32(len(s.nodeIDs))
		s.nodeIDs = append(s.nodeIDs, n.ID)
		p.Nodes[n.Label]++
	}
	return nil
}

// refsOf indexes, per article, the nodes whose "articles" name it, in node order (a node
// naming it twice twice).
func (s *planSource) refsOf(nodeArts [][]int32) {
	s.refStart = make([]int32, len(s.articles)+1)
	for _, arts := range nodeArts {
		for _, ai := range arts {
			s.refStart[ai+1]++
		}
	}
	for i := 1; i < len(s.refStart); i++ {
		s.refStart[i] += s.refStart[i-1]
	}
	s.refNodes = make([]int32, s.refStart[len(s.articles)])
	next := slices.Clone(s.refStart[:len(s.articles)])
	for n, arts := range nodeArts {
		for _, ai := range arts {
			s.refNodes[next[ai]] = int32(n)
			next[ai]++
		}
	}
}

// refs lists the nodes whose "articles" name article ai.
func (s *planSource) refs(ai int) []int32 { return s.refNodes[s.refStart[ai]:s.refStart[ai+1]] }

// implied counts the MENTIONS the nodes naming article ai imply, unless it states the
// same fact (st: its scan state).
func (x *indexer) implied(ai int, st *artScan) int32 {
	n := int32(0)
	for _, node := range x.src.refs(ai) {
		if sym, ok := x.endSym[x.src.nodeIDs[node]]; ok && slices.Contains(st.ends, sym|mentionFlag) {
			continue
		}
		n++
		x.p.ImpliedMentions++
		x.p.Rels[graph.RelMentions]++
	}
	return n
}

// needOf lists the nodes article ai references, in input order: those naming it, then the
// ends of its relationships; need is a buffer to reuse.
func (x *indexer) needOf(ai int, need []int32, st *artScan, endNode []int32) []int32 {
	need = need[:0]
	add := func(n int32) {
		if !slices.Contains(need, n) {
			need = append(need, n)
		}
	}
	for _, n := range x.src.refs(ai) {
		add(n)
	}
	for _, e := range st.ends {
		if n := endNode[e&^mentionFlag]; n >= 0 {
			add(n)
		}
	}
	return need
}

func impliedMention(article, node string, line int) *graph.Edge {
	return &graph.Edge{Kind: graph.KindEdge, Type: graph.RelMentions, From: article, To: node, Article: article, Rule: RuleNodeArticles, Line: line}
}

// planSource is what a plan builds its batches from, one at a time (Plan.Batch), so that
// the rows of the whole input never sit in memory at once.
type planSource struct {
	name         string
	articles     []artRef
	more         map[int32][]span // runs of relationships after an article's first
	nodeIDs      []string         // in input order; nodes are referred to by their index in it
	nodeIdx      map[string]int32
	labelOf      map[string]graph.Label // of the nodes
	nodeRows     map[string]row
	unattributed map[string][]string
	alsoArticle  map[string]bool // node ids an article has too: as an end, the article
	// The nodes whose "articles" name article i: refNodes[refStart[i]:refStart[i+1]].
	refStart, refNodes []int32
	nodeSum            [][sha256.Size]byte // per node: see nodeDigests
	readRun            func(span) ([]*graph.Edge, error)
	readArticle        func(span) (*graph.Article, error)
}

// edgesOf reads article ai's relationships back: the explicit ones (the first statement of
// each fact), then the MENTIONS its nodes imply.
func (s *planSource) edgesOf(ai int) ([]*graph.Edge, error) {
	a := &s.articles[ai]
	out := make([]*graph.Edge, 0, a.rels)
	keys := map[[10]byte]bool{}
	runs := s.more[int32(ai)]
	if a.edges.n > 0 {
		runs = append([]span{a.edges}, runs...)
	}
	for _, r := range runs {
		es, err := s.readRun(r)
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			if k := factKey(e); !keys[k] {
				keys[k] = true
				out = append(out, e)
			}
		}
	}
	for _, n := range s.refs(ai) {
		e := impliedMention(a.ID, s.nodeIDs[n], int(a.rec.line))
		if !keys[factKey(e)] {
			out = append(out, e)
		}
	}
	return out, nil
}

// batches groups the articles into batches of about batchSize records, then the nodes no
// article references; a batch holds what to build, not its rows. need lists the nodes an
// article references (into buf) after counting its relationships and computing its load
// hash.
func (s *planSource) batches(batchSize int, need func(ai int, buf []int32) ([]int32, error)) ([]Batch, error) {
	var out []Batch
	cur, inBatch := Batch{}, map[int32]bool{}
	flush := func() {
		if cur.Size > 0 {
			out = append(out, cur)
		}
		cur, inBatch = Batch{}, map[int32]bool{}
	}
	attached := make([]bool, len(s.nodeIDs))
	var buf []int32
	for i := range s.articles {
		var err error
		if buf, err = need(i, buf); err != nil {
			return nil, err
		}
		rels := int(s.articles[i].rels)
		if size := 1 + len(buf) + rels; cur.Size > 0 && cur.Size+size > batchSize {
			flush()
		}
		cur.arts = append(cur.arts, i)
		cur.Size += 1 + rels
		for _, id := range buf {
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
	return out, nil
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

// addArticle adds an article's row (its record read back), the nodes it references (those
// naming it, then the ends of its relationships) and its relationships.
func (s *planSource) addArticle(b *Batch, ai int, edges []*graph.Edge, hash any, addNode func(string)) error {
	a, err := s.readArticle(s.articles[ai].rec)
	if err != nil {
		return err
	}
	art := articleRow(a)
	b.Articles = append(b.Articles, art)
	b.Size++
	for _, n := range s.refs(ai) {
		addNode(s.nodeIDs[n])
	}
	for _, e := range edges {
		for _, id := range []string{e.From, e.To} {
			if _, ok := s.nodeIdx[id]; ok && id != a.ID && !s.alsoArticle[id] {
				addNode(id)
			}
		}
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

// loadHash returns article ai's load hash (hashArticle).
func (s *planSource) loadHash(ai int) string { return hex.EncodeToString(s.articles[ai].hash[:]) }

// hashArticle hashes what a load writes for an article, from the records without building
// the rows or reading a relationship back: the article's properties (its record read
// back), the node rows it references (need, as this input has them) with the spellings no
// MENTIONS credits (added to every MENTIONS of the node), the nodes whose "articles" name
// it (the MENTIONS they imply unless stated) and the sum of its explicit relationships'
// hashes (every stored field, in any order).
func (s *planSource) hashArticle(ai int, need []int32, st *artScan) error {
	a, err := s.readArticle(s.articles[ai].rec)
	if err != nil {
		return err
	}
	h := sha256.New()
	w := bufio.NewWriterSize(h, 4096)
	hashValue(w, loadFormat)
	hashValue(w, articleRow(a)["props"])
	for _, n := range need {
		w.Write(s.nodeSum[n][:])
	}
	refs := s.refs(ai)
	hashValue(w, int64(len(refs)))
	for _, n := range refs {
		hashValue(w, s.nodeIDs[n])
	}
	w.Write(st.sum[:])
	_ = w.Flush()
	var sum [sha256.Size]byte
	copy(s.articles[ai].hash[:], h.Sum(sum[:0]))
	return nil
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
