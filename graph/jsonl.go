package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strings"
)

// MaxLineBytes is the longest JSON line Read accepts.
const MaxLineBytes = 16 << 20

// ValidationError lists every problem found in an input, each as "file:line: message".
type ValidationError struct {
	Problems []string
}

func (e *ValidationError) Error() string {
	const show = 20
	if len(e.Problems) <= show {
		return strings.Join(e.Problems, "\n")
	}
	return strings.Join(e.Problems[:show], "\n") + fmt.Sprintf("\n... and %d more problems", len(e.Problems)-show)
}

// Writer writes the JSON Lines contract: one record per line, HTML characters unescaped,
// the meta record first.
type Writer struct {
	w   *bufio.Writer
	enc *json.Encoder
	n   int
}

// NewWriter returns a Writer on w. Call Flush when done.
func NewWriter(w io.Writer) *Writer {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &Writer{w: bw, enc: enc}
}

// Write writes one record (Meta, Article, Node or Edge; pointer or value).
func (w *Writer) Write(rec any) error {
	w.n++
	return w.enc.Encode(rec)
}

// WriteDocument writes a whole document: meta, articles, nodes, edges.
func (w *Writer) WriteDocument(d *Document) error {
	m := d.Meta
	m.Kind, m.Contract = KindMeta, ContractVersion
	if err := w.Write(m); err != nil {
		return err
	}
	for i := range d.Articles {
		d.Articles[i].Kind = KindArticle
		if err := w.Write(&d.Articles[i]); err != nil {
			return err
		}
	}
	for i := range d.Nodes {
		d.Nodes[i].Kind = KindNode
		if err := w.Write(&d.Nodes[i]); err != nil {
			return err
		}
	}
	for i := range d.Edges {
		d.Edges[i].Kind = KindEdge
		if err := w.Write(&d.Edges[i]); err != nil {
			return err
		}
	}
	return nil
}

// Flush writes any buffered data.
func (w *Writer) Flush() error { return w.w.Flush() }

var (
	isoDay   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	isoDate  = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	precSets = map[string]bool{"": true, PrecisionDay: true, PrecisionWeek: true, PrecisionMonth: true, PrecisionYear: true}
)

// Read parses and validates a whole JSON Lines extraction. name is used in messages
// ("name:line: ..."). Nothing is returned unless the whole input is valid: on any problem
// the error is a *ValidationError listing every problem found (or an I/O error).
// Duplicate node records with the same id and label are merged (aliases and articles
// united), so concatenated extractions load as one.
func Read(r io.Reader, name string) (*Document, error) {
	var edges []Edge
	d, err := scan(r, name, true, func(e *Edge, _ EdgeAt) error {
		edges = append(edges, *e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	d.Edges = edges
	return d, nil
}

// EdgeAt says where Scan read an edge record: the byte offset and length of its line (the
// newline included) and the line number.
type EdgeAt struct {
	Offset int64
	Len    int
	Line   int
}

// Scan validates an extraction as Read does, in one streaming pass, without keeping its
// edges: each edge record that passes the checks of its own fields is handed to edge, with
// where it was read (its strings shared with the other records); the checks that need the
// whole input (its article and endpoints exist, with labels its type allows) are made at
// once when the records it names came before it (as Writer orders them), else at the end
// on a compact copy (about 20 bytes an edge). The document returned has no edges.
// An error edge returns is kept and returned when the input is otherwise valid (the first
// one only); edge is called no more after it. Nothing is returned unless the whole input
// is valid.
func Scan(r io.Reader, name string, edge func(e *Edge, at EdgeAt) error) (*Document, error) {
	return scan(r, name, false, edge)
}

// scan is Scan; keep says the caller keeps the edges, whose repeated strings (sentence,
// rule) are then shared too.
func scan(r io.Reader, name string, keep bool, edge func(e *Edge, at EdgeAt) error) (*Document, error) {
	s := &scanner{name: name, d: &Document{}, articles: map[string]int{}, docKeys: map[string]int{}, nodes: map[string]int{},
		in: interner{}, keep: keep, syms: map[string]int32{}, edge: edge, local: map[int32]string{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	sc.Split(scanLine)
	var off int64
	for sc.Scan() {
		tok := sc.Bytes()
		s.line++
		s.record(bytes.TrimSpace(tok), EdgeAt{Offset: off, Len: len(tok), Line: s.line})
		off += int64(len(tok))
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", name, s.line+1, MaxLineBytes)
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	s.finish()
	if len(s.probs) > 0 {
		return nil, &ValidationError{Problems: s.probs}
	}
	if s.edgeErr != nil {
		return nil, s.edgeErr
	}
	return s.d, nil
}

// scanLine splits at newlines and keeps the newline, so that the tokens' lengths add up to
// byte offsets.
func scanLine(data []byte, atEOF bool) (int, []byte, error) {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		return i + 1, data[:i+1], nil
	}
	if atEOF && len(data) > 0 {
		return len(data), data, nil
	}
	return 0, nil, nil
}

// scanner is the state of one Scan.
type scanner struct {
	name     string
	d        *Document
	probs    []string
	articles map[string]int
	docKeys  map[string]int
	nodes    map[string]int
	in       interner
	line     int

	keep    bool
	edge    func(*Edge, EdgeAt) error
	edgeErr error
	edges   int32 // edge records read
	// The edges to check at the end (their ends came after them): their type, article and
	// endpoints as symbols, and the problem with their own fields, if any (reported only
	// when the ends are right, as the checks run in that order). Problems of the edges
	// checked at once wait in found, to be reported with the others in input order.
	syms   map[string]int32
	names  []string
	checks []edgeCheck
	local  map[int32]string
	found  []edgeProblem
}

type edgeCheck struct {
	idx, typ, art, from, to int32
	line                    int32
}

type edgeProblem struct {
	idx, line int32
	msg       string
}

func (s *scanner) bad(line int, format string, args ...any) {
	s.probs = append(s.probs, fmt.Sprintf("%s:%d: %s", s.name, line, fmt.Sprintf(format, args...)))
}

func (s *scanner) sym(v string) int32 {
	if i, ok := s.syms[v]; ok {
		return i
	}
	i := int32(len(s.names))
	s.syms[v] = i
	s.names = append(s.names, v)
	return i
}

// record reads one line.
func (s *scanner) record(raw []byte, at EdgeAt) {
	line := at.Line
	if len(raw) == 0 {
		return
	}
	var head struct {
		Kind string `json:"kind"`
	}
	if k, ok := peekKind(raw); ok {
		head.Kind = k // the record as Writer writes it: the typed decode below checks the rest
	} else if err := json.Unmarshal(raw, &head); err != nil {
		s.bad(line, "not a JSON object: %v", err)
		return
	}
	dec := func(v any) bool {
		if msg := DecodeRecord(raw, v, head.Kind); msg != "" {
			s.bad(line, "%s", msg)
			return false
		}
		return true
	}
	switch head.Kind {
	case KindMeta:
		var m Meta
		if !dec(&m) {
			return
		}
		if m.Contract != ContractVersion {
			s.bad(line, "unknown contract %q (this newsgraph reads %q)", m.Contract, ContractVersion)
		}
		s.d.Meta = m
	case KindArticle:
		var a Article
		if dec(&a) {
			a.Line = line
			s.article(&a)
		}
	case KindNode:
		var n Node
		if dec(&n) {
			n.Line = line
			s.node(&n)
		}
	case KindEdge:
		var e Edge
		if dec(&e) {
			e.Line = line
			s.in.edge(&e, s.keep)
			s.addEdge(&e, at)
		}
	case "":
		s.bad(line, "record without \"kind\"")
	default:
		s.bad(line, "unknown record kind %q (want meta, article, node or edge)", head.Kind)
	}
}

func (s *scanner) article(a *Article) {
	d, line := s.d, a.Line
	if msg := CheckArticle(a); msg != "" {
		s.bad(line, "%s", msg)
	}
	if prev, dup := s.articles[a.ID]; dup {
		s.bad(line, "article %s repeated (first at line %d)", a.ID, d.Articles[prev].Line)
		return
	}
	if a.DocKey != "" {
		if prev, dup := s.docKeys[a.DocKey]; dup {
			s.bad(line, "article %s: doc_key %q is also article %s's (line %d): two versions of one document", a.ID, a.DocKey, d.Articles[prev].ID, d.Articles[prev].Line)
			return
		}
		s.docKeys[a.DocKey] = len(d.Articles)
	}
	a.ID = s.in.str(a.ID)
	s.articles[a.ID] = len(d.Articles)
	d.Articles = append(d.Articles, *a)
}

func (s *scanner) node(n *Node) {
	d, line := s.d, n.Line
	if msg := checkNode(n); msg != "" {
		s.bad(line, "%s", msg)
		return
	}
	if prev, dup := s.nodes[n.ID]; dup {
		p := &d.Nodes[prev]
		if p.Label != n.Label {
			s.bad(line, "node %s repeated with label %s (line %d says %s)", n.ID, n.Label, p.Line, p.Label)
			return
		}
		p.Aliases = union(p.Aliases, n.Aliases)
		p.Articles = s.in.strs(union(p.Articles, n.Articles))
		return
	}
	n.ID = s.in.str(n.ID)
	n.Articles = s.in.strs(n.Articles)
	s.nodes[n.ID] = len(d.Nodes)
	d.Nodes = append(d.Nodes, *n)
}

// addEdge checks an edge (its ends at once when they are known for good, else later) and
// hands it on.
func (s *scanner) addEdge(e *Edge, at EdgeAt) {
	i := s.edges
	s.edges++
	_, typeOK := e.Type.Spec()
	local := ""
	if typeOK {
		local = checkEdgeFields(e)
	}
	if typeOK && s.settled(e.Article) && s.settled(e.From) && s.settled(e.To) {
		msg := checkEdgeEnds(e.Type, e.Article, e.From, e.To, s.nodes, s.d.Nodes, s.articles)
		if msg == "" {
			msg = local
		}
		if msg != "" {
			s.found = append(s.found, edgeProblem{idx: i, line: int32(e.Line), msg: msg})
			return
		}
	} else {
		s.checks = append(s.checks, edgeCheck{idx: i, typ: s.sym(string(e.Type)), art: s.sym(e.Article), from: s.sym(e.From), to: s.sym(e.To), line: int32(e.Line)})
		if local != "" {
			s.local[i] = local
		}
		if !typeOK || local != "" {
			return // reported at the end
		}
	}
	if s.edgeErr == nil && s.edge != nil {
		s.edgeErr = s.edge(e, at)
	}
}

// settled says whether what id names can no longer change: a node (a later record with
// its id and another label is refused), or an article whose id no node can have.
func (s *scanner) settled(id string) bool {
	if _, ok := s.nodes[id]; ok {
		return true
	}
	if _, ok := s.articles[id]; ok {
		_, nodeLike := LabelOfID(id)
		return !nodeLike
	}
	return false
}

// finish makes the checks that need the whole input, in input order: edges (records may
// come in any order), then the articles nodes name.
func (s *scanner) finish() {
	for _, c := range s.checks {
		msg := checkEdgeEnds(RelType(s.names[c.typ]), s.names[c.art], s.names[c.from], s.names[c.to], s.nodes, s.d.Nodes, s.articles)
		if msg == "" {
			msg = s.local[c.idx]
		}
		if msg != "" {
			s.found = append(s.found, edgeProblem{idx: c.idx, line: c.line, msg: msg})
		}
	}
	sort.SliceStable(s.found, func(i, j int) bool { return s.found[i].idx < s.found[j].idx })
	for _, p := range s.found {
		s.bad(int(p.line), "%s", p.msg)
	}
	for i := range s.d.Nodes {
		for _, a := range s.d.Nodes[i].Articles {
			if _, ok := s.articles[a]; !ok {
				s.bad(s.d.Nodes[i].Line, "node %s names article %q, which is not in the input", s.d.Nodes[i].ID, a)
			}
		}
	}
}

// interner shares one copy of the strings many edges repeat: the ids at their ends, their
// article, rule and type, and the evidence sentence (an article's sentence is the evidence
// of every mention and fact in it), so that a large extraction takes less memory to load.
type interner map[string]string

func (in interner) str(s string) string {
	if s == "" {
		return s
	}
	if c, ok := in[s]; ok {
		return c
	}
	in[s] = s
	return s
}

func (in interner) strs(ss []string) []string {
	for i, x := range ss {
		ss[i] = in.str(x)
	}
	return ss
}

func (in interner) edge(e *Edge, all bool) {
	e.From, e.To, e.Article = in.str(e.From), in.str(e.To), in.str(e.Article)
	e.Type = RelType(in.str(string(e.Type)))
	if all {
		e.Rule, e.DateSource = in.str(e.Rule), in.str(e.DateSource)
		e.Evidence.Sentence = in.str(e.Evidence.Sentence)
	}
}

var kindKey = []byte(`"kind"`)

// peekKind reads the kind of a record that starts {"kind":"...", as Writer writes them,
// without decoding it twice; ok is false for anything else (a second "kind" anywhere, an
// escape in the value), which then takes the general path.
func peekKind(raw []byte) (string, bool) {
	const prefix = `{"kind":"`
	if !bytes.HasPrefix(raw, []byte(prefix)) || bytes.Count(raw, kindKey) != 1 {
		return "", false
	}
	rest := raw[len(prefix):]
	end := bytes.IndexByte(rest, '"')
	if end < 0 || bytes.IndexByte(rest[:end], '\\') >= 0 {
		return "", false
	}
	return string(rest[:end]), true
}

func checkNode(n *Node) string {
	switch {
	case n.ID == "":
		return "node without id"
	case !n.Label.Valid() || n.Label == LabelArticle:
		return fmt.Sprintf("node %s: label %q is not one of Person, Country, Organization, Place, Event", n.ID, n.Label)
	case strings.TrimSpace(n.Name) == "":
		return fmt.Sprintf("node %s without name", n.ID)
	}
	if l, ok := LabelOfID(n.ID); !ok || l != n.Label {
		return fmt.Sprintf("node %s: id prefix does not match label %s (want %q)", n.ID, n.Label, idPrefix[n.Label]+":...")
	}
	for k, v := range n.Props {
		if !scalarOrList(v) {
			return fmt.Sprintf("node %s: prop %q is not a string, number, boolean or list of them", n.ID, k)
		}
	}
	return ""
}

// checkEdgeEnds checks what of an edge needs the whole input: its type, its article, its
// endpoints and their labels.
func checkEdgeEnds(t RelType, article, from, to string, nodes map[string]int, list []Node, articles map[string]int) string {
	spec, ok := t.Spec()
	if !ok {
		return fmt.Sprintf("edge type %q is not in the vocabulary (%s)", t, strings.Join(RelTypeNames(), ", "))
	}
	if _, ok := articles[article]; !ok {
		return fmt.Sprintf("%s edge: article %q is not in the input", t, article)
	}
	label := func(id string) (Label, string) {
		if i, ok := nodes[id]; ok {
			return list[i].Label, ""
		}
		if _, ok := articles[id]; ok {
			return LabelArticle, ""
		}
		return "", fmt.Sprintf("%s edge: endpoint %q is not a node or article in the input", t, id)
	}
	fl, msg := label(from)
	if msg != "" {
		return msg
	}
	tl, msg := label(to)
	if msg != "" {
		return msg
	}
	if !spec.Allows(fl, tl) {
		return fmt.Sprintf("%s edge cannot go from %s (%s) to %s (%s)", t, fl, from, tl, to)
	}
	return ""
}

// checkEdgeFields checks an edge's own fields.
func checkEdgeFields(e *Edge) string {
	if e.Status != "" && !e.Status.Valid() {
		return fmt.Sprintf("%s edge: status %q is not reported, planned, hypothetical or negated", e.Type, e.Status)
	}
	if e.Date != "" && !isoDate.MatchString(e.Date) {
		return fmt.Sprintf("%s edge: date %q is not an ISO date", e.Type, e.Date)
	}
	if !precSets[e.DatePrecision] {
		return fmt.Sprintf("%s edge: date_precision %q is not day, week, month or year", e.Type, e.DatePrecision)
	}
	if e.Evidence.Start < 0 || e.Evidence.End < e.Evidence.Start {
		return fmt.Sprintf("%s edge: evidence offsets %d..%d are not a range", e.Type, e.Evidence.Start, e.Evidence.End)
	}
	if e.Confidence < 0 || e.Confidence > 1 {
		return fmt.Sprintf("%s edge: confidence %v is outside 0..1", e.Type, e.Confidence)
	}
	for k, v := range e.Props {
		if !scalarOrList(v) {
			return fmt.Sprintf("%s edge: prop %q is not a string, number, boolean or list of them", e.Type, k)
		}
	}
	return ""
}

func scalarOrList(v any) bool {
	switch x := v.(type) {
	case string, float64, bool, nil:
		return true
	case []any:
		for _, y := range x {
			switch y.(type) {
			case string, float64, bool:
			default:
				return false
			}
		}
		return true
	}
	return false
}

func union(a, b []string) []string {
	seen := make(map[string]bool, len(a)+len(b))
	out := a[:0:0]
	for _, s := range append(append([]string{}, a...), b...) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}
