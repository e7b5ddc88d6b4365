package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
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
	return &Writer{w: bw, enc: NewLineEncoder(bw)}
}

// NewLineEncoder returns the encoder Writer writes each record with (one JSON line, HTML
// characters unescaped), unbuffered: for records encoded into memory.
func NewLineEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
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

// EdgeAt says where Scan or Stream read a record: the byte offset and length of its line
// (the newline included) and the line number. Stream also says which article it is or
// belongs to: Article is the index of the article record, in the order Stream handed the
// articles on, or -1 when an edge's article has not come yet.
type EdgeAt struct {
	Offset  int64
	Len     int
	Line    int
	Article int32
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

// Streamed is what Stream keeps of an extraction: the meta record, the nodes (repeats
// united, as Read does) without their articles, and per node the articles it names, as
// indexes in the order Stream handed the articles on (a node's list as Read would have it:
// a repeated record's articles united with the first's).
type Streamed struct {
	Meta         Meta
	Nodes        []Node
	NodeArticles [][]int32
	Articles     int // article records handed on
}

// Stream validates an extraction as Read does, in one streaming pass, keeping neither its
// articles nor its edges: each article record that is not a repeat is handed to article
// and each edge record that passes the checks of its own fields to edge, with where it was
// read (EdgeAt, its article's index included); the checks that need the whole input are
// made as Scan makes them. Memory grows with the nodes, not with the articles or the
// edges, but for about 4 bytes per article a node names and the edges whose article or
// ends came after them (about 20 bytes each). The first error a handler returns is kept
// and returned when the input is otherwise valid; no handler is called after it. Nothing
// is returned unless the whole input is valid; the problems are Read's, in the same words
// and order.
func Stream(r io.Reader, name string, article func(a *Article, at EdgeAt) error, edge func(e *Edge, at EdgeAt) error) (*Streamed, error) {
	s := newScanner(name, false, edge)
	s.stream, s.onArticle, s.pend = true, article, map[string]int32{}
	d, err := s.run(r)
	if err != nil {
		return nil, err
	}
	return &Streamed{Meta: d.Meta, Nodes: d.Nodes, NodeArticles: s.nodeArts, Articles: len(s.c.articles)}, nil
}

func newScanner(name string, keep bool, edge func(e *Edge, at EdgeAt) error) *scanner {
	return &scanner{name: name, d: &Document{}, c: NewChecker(),
		in: interner{}, keep: keep, syms: map[string]int32{}, edge: edge, local: map[int32]string{}}
}

// scan is Scan; keep says the caller keeps the edges, whose repeated strings (sentence,
// rule) are then shared too.
func scan(r io.Reader, name string, keep bool, edge func(e *Edge, at EdgeAt) error) (*Document, error) {
	return newScanner(name, keep, edge).run(r)
}

// run reads the whole input. One goroutine reads the lines and decodes their JSON (about half
// of a scan's time), the caller's checks and hands them on in input order (decodeChunks):
// the two halves of a load's validation pass run on two cores.
func (s *scanner) run(r io.Reader) (*Document, error) {
	chunks := make(chan []decoded, decodeAhead)
	var readErr error
	go func() {
		defer close(chunks)
		readErr = decodeChunks(r, s.name, chunks)
	}()
	for chunk := range chunks {
		for i := range chunk {
			s.apply(&chunk[i])
		}
		if n := len(chunk); n > 0 {
			s.line = chunk[n-1].at.Line
		}
	}
	if readErr != nil {
		return nil, readErr
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

// decodeChunk and decodeAhead bound what the decoding goroutine holds: chunks of decodeChunk
// lines, decodeAhead of them waiting.
const (
	decodeChunk = 256
	decodeAhead = 4
)

// decodeChunks reads r's lines, decodes each (decodeLine) and sends them in chunks, in order;
// it returns the read error (the caller reads it once chunks is closed).
func decodeChunks(r io.Reader, name string, chunks chan<- []decoded) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	sc.Split(scanLine)
	var off int64
	line := 0
	chunk := make([]decoded, 0, decodeChunk)
	for sc.Scan() {
		tok := sc.Bytes()
		line++
		chunk = append(chunk, decodeLine(bytes.TrimSpace(tok), EdgeAt{Offset: off, Len: len(tok), Line: line}))
		off += int64(len(tok))
		if len(chunk) == decodeChunk {
			chunks <- chunk
			chunk = make([]decoded, 0, decodeChunk)
		}
	}
	chunks <- chunk
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return fmt.Errorf("%s:%d: line longer than %d bytes", name, line+1, MaxLineBytes)
		}
		return fmt.Errorf("reading %s: %w", name, err)
	}
	return nil
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
	name  string
	d     *Document
	probs []string
	c     *Checker
	in    interner
	line  int

	keep    bool
	edge    func(*Edge, EdgeAt) error
	edgeErr error // the first error a handler returned
	// Stream: articles are handed on, not kept; nodes keep the articles they name as
	// indexes, or as -(k+1) for the k-th name that had no article record when a node named
	// it (pend, pendNames; resolved at the end).
	stream    bool
	onArticle func(*Article, EdgeAt) error
	nodeArts  [][]int32
	pend      map[string]int32
	pendNames []string
	edges     int32 // edge records read
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

// decoded is one line as decodeLine left it: its kind and record (*Meta, *Article, *Node or
// *Edge), or the problem that stopped its decoding (msg), or nothing (a blank line).
type decoded struct {
	at    EdgeAt
	blank bool
	kind  string
	v     any
	msg   string
}

// decodeLine decodes one line. It reads no scanner state: the decoding goroutine runs it.
func decodeLine(raw []byte, at EdgeAt) decoded {
	d := decoded{at: at, blank: len(raw) == 0}
	if d.blank {
		return d
	}
	var head struct {
		Kind string `json:"kind"`
	}
	if k, ok := peekKind(raw); ok {
		head.Kind = k // the record as Writer writes it: the typed decode below checks the rest
	} else if err := json.Unmarshal(raw, &head); err != nil {
		d.msg = fmt.Sprintf("not a JSON object: %v", err)
		return d
	}
	d.kind = head.Kind
	var v any
	switch d.kind {
	case KindMeta:
		v = &Meta{}
	case KindArticle:
		v = &Article{}
	case KindNode:
		v = &Node{}
	case KindEdge:
		v = &Edge{}
	default:
		return d
	}
	if msg := DecodeRecord(raw, v, d.kind); msg != "" {
		d.msg = msg
		return d
	}
	d.v = v
	return d
}

// apply checks one decoded line and hands its record on.
func (s *scanner) apply(d *decoded) {
	line := d.at.Line
	switch {
	case d.blank:
		return
	case d.msg != "":
		s.bad(line, "%s", d.msg)
		return
	}
	switch d.kind {
	case KindMeta:
		m := d.v.(*Meta)
		if m.Contract != ContractVersion {
			s.bad(line, "unknown contract %q (this newsgraph reads %q)", m.Contract, ContractVersion)
		}
		s.d.Meta = *m
	case KindArticle:
		a := d.v.(*Article)
		a.Line = line
		s.article(a, d.at)
	case KindNode:
		n := d.v.(*Node)
		n.Line = line
		s.node(n)
	case KindEdge:
		e := d.v.(*Edge)
		e.Line = line
		if !s.stream {
			s.in.edge(e, s.keep)
		}
		s.addEdge(e, d.at)
	case "":
		s.bad(line, "record without \"kind\"")
	default:
		s.bad(line, "unknown record kind %q (want meta, article, node or edge)", d.kind)
	}
}

func (s *scanner) article(a *Article, at EdgeAt) {
	if !s.stream {
		a.ID = s.in.str(a.ID)
	}
	problems, isNew := s.c.Article(a)
	for _, msg := range problems {
		s.bad(a.Line, "%s", msg)
	}
	switch {
	case !isNew:
	case !s.stream:
		s.d.Articles = append(s.d.Articles, *a)
	case s.edgeErr == nil && s.onArticle != nil:
		at.Article = s.c.articleIndex(a.ID)
		s.edgeErr = s.onArticle(a, at)
	}
}

// node adds a node, or unites a repeat with the first record of its id (aliases and
// articles).
func (s *scanner) node(n *Node) {
	if !s.stream {
		n.ID = s.in.str(n.ID)
	}
	msg, first := s.c.Node(n)
	switch {
	case msg != "":
		s.bad(n.Line, "%s", msg)
	case first >= 0:
		p := &s.d.Nodes[first]
		p.Aliases = union(p.Aliases, n.Aliases)
		if s.stream {
			s.nodeArts[first] = unionIndexes(s.nodeArts[first], s.articleIndexes(n.Articles))
		} else {
			p.Articles = s.in.strs(union(p.Articles, n.Articles))
		}
	default:
		if s.stream {
			s.nodeArts = append(s.nodeArts, s.articleIndexes(n.Articles))
			n.Articles = nil
		} else {
			n.Articles = s.in.strs(n.Articles)
		}
		s.d.Nodes = append(s.d.Nodes, *n)
	}
}

// articleIndexes gives the articles a node names as indexes (Stream): the article's, or
// -(k+1) for a name first met without an article record (always the same for one name,
// as a name is one article).
func (s *scanner) articleIndexes(ids []string) []int32 {
	if len(ids) == 0 {
		return nil
	}
	out := make([]int32, len(ids))
	for i, id := range ids {
		k, pending := s.pend[id]
		switch {
		case pending:
			out[i] = -(k + 1)
		case s.c.articleIndex(id) >= 0:
			out[i] = s.c.articleIndex(id)
		default:
			k = int32(len(s.pendNames))
			s.pend[id] = k
			s.pendNames = append(s.pendNames, id)
			out[i] = -(k + 1)
		}
	}
	return out
}

// unionIndexes is union for articleIndexes' lists.
func unionIndexes(a, b []int32) []int32 {
	seen := make(map[int32]bool, len(a)+len(b))
	out := make([]int32, 0, len(a)+len(b))
	for _, list := range [][]int32{a, b} {
		for _, x := range list {
			if !seen[x] {
				seen[x] = true
				out = append(out, x)
			}
		}
	}
	return slices.Clip(out)
}

// nodeArticles checks, at the end, that the articles each node names are in the input,
// and (Stream) resolves the names met before their article.
func (s *scanner) nodeArticles() {
	for i := range s.d.Nodes {
		n := &s.d.Nodes[i]
		if !s.stream {
			for _, msg := range s.c.NodeArticles(n) {
				s.bad(n.Line, "%s", msg)
			}
			continue
		}
		for j, x := range s.nodeArts[i] {
			if x >= 0 {
				continue
			}
			id := s.pendNames[-x-1]
			if k := s.c.articleIndex(id); k >= 0 {
				s.nodeArts[i][j] = k
			} else {
				s.bad(n.Line, "%s", missingArticle(n.ID, id))
			}
		}
	}
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
	if typeOK && s.c.settled(e.Article) && s.c.settled(e.From) && s.c.settled(e.To) {
		msg := s.c.edgeEnds(e.Type, e.Article, e.From, e.To)
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
		at.Article = -1
		if s.stream {
			at.Article = s.c.articleIndex(e.Article)
		}
		s.edgeErr = s.edge(e, at)
	}
}

// finish makes the checks that need the whole input, in input order: edges (records may
// come in any order), then the articles nodes name.
func (s *scanner) finish() {
	for _, c := range s.checks {
		msg := s.c.edgeEnds(RelType(s.names[c.typ]), s.names[c.art], s.names[c.from], s.names[c.to])
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
	s.nodeArticles()
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
