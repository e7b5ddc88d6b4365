package neo4j

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultBatchSize is the batch size used when LoadOptions.BatchSize is not positive.
const DefaultBatchSize = 500

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
	if batchSize <= 0 {
		batchSize = DefaultBatchSize
	}
	p := &Plan{Nodes: map[graph.Label]int{}, Rels: map[graph.RelType]int{}}

	labelOf := map[string]graph.Label{}
	nodeRows := map[string]row{}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		r, err := nodeRow(n)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, n.Line, err)
		}
		labelOf[n.ID] = n.Label
		nodeRows[n.ID] = r
		p.Nodes[n.Label]++
	}
	for i := range d.Articles {
		labelOf[d.Articles[i].ID] = graph.LabelArticle
		p.Nodes[graph.LabelArticle]++
	}

	// Relationships per article, explicit ones first; then MENTIONS implied by node
	// records, unless the same fact is already there.
	edges := map[string][]*graph.Edge{}
	seen := map[string]bool{}
	for i := range d.Edges {
		e := &d.Edges[i]
		k := e.Key()
		if seen[k] { // the same fact stated twice: the first statement wins
			continue
		}
		seen[k] = true
		edges[e.Article] = append(edges[e.Article], e)
	}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		for _, a := range n.Articles {
			e := &graph.Edge{Kind: graph.KindEdge, Type: graph.RelMentions, From: a, To: n.ID, Article: a, Rule: RuleNodeArticles, Line: n.Line}
			if k := e.Key(); !seen[k] {
				seen[k] = true
				edges[a] = append(edges[a], e)
				p.ImpliedMentions++
			}
		}
	}

	unattributed, mentioned, err := aliasAttribution(d, edges, name)
	if err != nil {
		return nil, err
	}
	for id, r := range nodeRows {
		r["loose"] = !mentioned[id]
	}

	src := &planSource{name: name, d: d, labelOf: labelOf, nodeRows: nodeRows, edges: edges, unattributed: unattributed,
		refs: map[string][]string{}}
	for i := range d.Nodes {
		for _, a := range d.Nodes[i].Articles {
			src.refs[a] = append(src.refs[a], d.Nodes[i].ID)
		}
	}
	p.src = src
	if err := src.check(p); err != nil {
		return nil, err
	}
	p.Batches = src.batches(batchSize)
	return p, nil
}

// planSource is what a plan builds its batches from, one at a time (Plan.Batch), so that
// the rows of the whole input never sit in memory at once.
type planSource struct {
	name         string
	d            *graph.Document
	labelOf      map[string]graph.Label
	nodeRows     map[string]row
	edges        map[string][]*graph.Edge // per article: explicit relationships, then implied MENTIONS
	refs         map[string][]string      // per article: the nodes whose "articles" name it
	unattributed map[string][]string
}

// check builds every relationship row once, so that a record Neo4j cannot store fails the
// plan (nothing written), and counts the relationships.
func (s *planSource) check(p *Plan) error {
	for i := range s.d.Articles {
		for _, e := range s.edges[s.d.Articles[i].ID] {
			if err := checkEdgeProps(e); err != nil {
				return fmt.Errorf("%s:%d: %w", s.name, e.Line, err)
			}
			p.Rels[e.Type]++
		}
	}
	return nil
}

// need lists the nodes an article references, in input order.
func (s *planSource) need(a *graph.Article) []string {
	ids := map[string]bool{}
	var need []string
	add := func(id string) {
		if s.labelOf[id] != graph.LabelArticle && !ids[id] {
			ids[id] = true
			need = append(need, id)
		}
	}
	for _, id := range s.refs[a.ID] {
		add(id)
	}
	for _, e := range s.edges[a.ID] {
		add(e.From)
		add(e.To)
	}
	return need
}

// batches groups the articles into batches of about batchSize records, then the nodes no
// article references; a batch holds what to build, not its rows.
func (s *planSource) batches(batchSize int) []Batch {
	var out []Batch
	cur, inBatch := Batch{}, map[string]bool{}
	flush := func() {
		if cur.Size > 0 {
			out = append(out, cur)
		}
		cur, inBatch = Batch{}, map[string]bool{}
	}
	attached := map[string]bool{}
	for i := range s.d.Articles {
		a := &s.d.Articles[i]
		need := s.need(a)
		if size := 1 + len(need) + len(s.edges[a.ID]); cur.Size > 0 && cur.Size+size > batchSize {
			flush()
		}
		cur.arts = append(cur.arts, i)
		cur.Size += 1 + len(s.edges[a.ID])
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
	for i := range s.d.Nodes {
		if id := s.d.Nodes[i].ID; !attached[id] {
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

// Batch returns batch i with its rows, built now; LoadPlan writes it and drops it.
func (p *Plan) Batch(i int) (*Batch, error) { return p.build(i, nil) }

// build builds batch i without the articles in skip, their relationships and the nodes only
// they reference.
func (p *Plan) build(i int, skip map[string]bool) (*Batch, error) {
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
	for _, ai := range spec.arts {
		if a := &s.d.Articles[ai]; !skip[a.ID] {
			if err := s.addArticle(b, a, addNode); err != nil {
				return nil, err
			}
		}
	}
	for _, id := range spec.loose {
		addNode(id)
	}
	return b, nil
}

// hashes returns the id, load hash and doc_key (nil when none) of each article of batch i.
func (p *Plan) hashes(i int) []any {
	spec := &p.Batches[i]
	out := make([]any, 0, len(spec.arts))
	for _, ai := range spec.arts {
		a := &p.src.d.Articles[ai]
		var key any
		if a.DocKey != "" {
			key = a.DocKey
		}
		out = append(out, map[string]any{"id": a.ID, "hash": p.src.loadHash(a), "doc_key": key})
	}
	return out
}

// addArticle adds an article's row, the nodes it references and its relationships.
func (s *planSource) addArticle(b *Batch, a *graph.Article, addNode func(string)) error {
	art := articleRow(a)
	b.Articles = append(b.Articles, art)
	b.Size++
	need := s.need(a)
	for _, id := range need {
		addNode(id)
	}
	keys := []any{}
	for _, e := range s.edges[a.ID] {
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
	art[LoadHashProperty] = s.loadHash(a)
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
const loadFormat = "newsgraph-load/1"

// loadHash hashes what a load writes for an article, from the records without building the
// rows: the article's properties, the node rows it references (as this input has them) and
// every field of its relationships, MENTIONS aliases included.
func (s *planSource) loadHash(a *graph.Article) string {
	h := sha256.New()
	w := bufio.NewWriterSize(h, 4096)
	hashValue(w, loadFormat)
	hashValue(w, articleRow(a)["props"])
	for _, id := range s.need(a) {
		hashValue(w, s.nodeRows[id])
	}
	for _, e := range s.edges[a.ID] {
		hashEdge(w, e)
		if e.Type == graph.RelMentions {
			hashValue(w, anyList(s.unattributed[e.To]))
		}
	}
	_ = w.Flush()
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// hashEdge writes every field of an edge that Load stores (all but Kind and Line).
func hashEdge(w *bufio.Writer, e *graph.Edge) {
	for _, f := range []string{string(e.Type), e.From, e.To, e.Article, string(e.Status), e.Date, e.DatePrecision,
		e.DateSource, e.Place, e.Topic, e.Cameo, e.Rule, e.Title, e.Source, e.Evidence.Sentence} {
		hashValue(w, f)
	}
	hashValue(w, e.Confidence)
	hashValue(w, int64(e.Evidence.Start))
	hashValue(w, int64(e.Evidence.End))
	hashValue(w, map[string]any(e.Props))
}

// hashValue writes a row value unambiguously: a type byte, then a length or the value.
func hashValue(w *bufio.Writer, v any) {
	var buf [24]byte
	switch x := v.(type) {
	case nil:
		w.WriteByte('n')
	case string:
		w.WriteByte('s')
		w.Write(strconv.AppendInt(buf[:0], int64(len(x)), 10))
		w.WriteByte(':')
		w.WriteString(x)
	case bool:
		w.WriteByte('b')
		w.Write(strconv.AppendBool(buf[:0], x))
	case int64:
		w.WriteByte('i')
		w.Write(strconv.AppendInt(buf[:0], x, 10))
	case float64:
		w.WriteByte('f')
		w.Write(strconv.AppendFloat(buf[:0], x, 'g', -1, 64))
	case []any:
		w.WriteByte('l')
		w.Write(strconv.AppendInt(buf[:0], int64(len(x)), 10))
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
		w.Write(strconv.AppendInt(buf[:0], int64(len(keys)), 10))
		for _, k := range keys {
			hashValue(w, k)
			hashValue(w, x[k])
		}
	default:
		fmt.Fprintf(w, "?%T:%v", x, x)
	}
}

// aliasAttribution says which article brought which alias, so that a store can recompute a
// node's aliases from the MENTIONS relationships that remain when an article goes. A
// MENTIONS edge's "aliases" prop (what extract writes) lists its article's spellings; a
// node's aliases that no MENTIONS of the input lists (an older extraction, a hand-written
// file) are credited to every article of the input that mentions the node. mentioned
// tells which nodes have a MENTIONS relationship in the input at all.
func aliasAttribution(d *graph.Document, edges map[string][]*graph.Edge, name string) (unattributed map[string][]string, mentioned map[string]bool, err error) {
	credited := map[string]map[string]bool{}
	mentioned = map[string]bool{}
	for _, es := range edges {
		for _, e := range es {
			if e.Type != graph.RelMentions {
				continue
			}
			mentioned[e.To] = true
			al, ok := stringList(e.Props["aliases"])
			if !ok {
				return nil, nil, fmt.Errorf("%s:%d: MENTIONS edge: prop \"aliases\" must be a list of strings", name, e.Line)
			}
			if credited[e.To] == nil {
				credited[e.To] = map[string]bool{}
			}
			for _, a := range al {
				credited[e.To][a] = true
			}
		}
	}
	unattributed = map[string][]string{}
	for i := range d.Nodes {
		n := &d.Nodes[i]
		for _, a := range n.Aliases {
			if !credited[n.ID][a] {
				unattributed[n.ID] = append(unattributed[n.ID], a)
			}
		}
	}
	return unattributed, mentioned, nil
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
