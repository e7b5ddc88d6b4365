package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
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
	d := &Document{}
	var probs []string
	bad := func(line int, format string, args ...any) {
		probs = append(probs, fmt.Sprintf("%s:%d: %s", name, line, fmt.Sprintf(format, args...)))
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	articles := map[string]int{}
	docKeys := map[string]int{}
	nodes := map[string]int{}
	in := interner{}
	line := 0
	for sc.Scan() {
		line++
		raw := bytes.TrimSpace(sc.Bytes())
		if len(raw) == 0 {
			continue
		}
		var head struct {
			Kind string `json:"kind"`
		}
		if k, ok := peekKind(raw); ok {
			head.Kind = k // the record as Writer writes it: the typed decode below checks the rest
		} else if err := json.Unmarshal(raw, &head); err != nil {
			bad(line, "not a JSON object: %v", err)
			continue
		}
		dec := func(v any) bool {
			dd := json.NewDecoder(bytes.NewReader(raw))
			dd.DisallowUnknownFields()
			if err := dd.Decode(v); err != nil {
				bad(line, "bad %s record: %v", head.Kind, err)
				return false
			}
			if dd.InputOffset() != int64(len(raw)) {
				bad(line, "not a JSON object: data after the record")
				return false
			}
			return true
		}
		switch head.Kind {
		case KindMeta:
			var m Meta
			if !dec(&m) {
				continue
			}
			if m.Contract != ContractVersion {
				bad(line, "unknown contract %q (this newsgraph reads %q)", m.Contract, ContractVersion)
			}
			d.Meta = m
		case KindArticle:
			var a Article
			if !dec(&a) {
				continue
			}
			a.Line = line
			switch {
			case a.ID == "":
				bad(line, "article without id")
			case a.Published != "" && !isoDay.MatchString(a.Published):
				bad(line, "article %s: published %q is not a YYYY-MM-DD date", a.ID, a.Published)
			}
			if prev, dup := articles[a.ID]; dup {
				bad(line, "article %s repeated (first at line %d)", a.ID, d.Articles[prev].Line)
				continue
			}
			if a.DocKey != "" {
				if prev, dup := docKeys[a.DocKey]; dup {
					bad(line, "article %s: doc_key %q is also article %s's (line %d): two versions of one document", a.ID, a.DocKey, d.Articles[prev].ID, d.Articles[prev].Line)
					continue
				}
				docKeys[a.DocKey] = len(d.Articles)
			}
			articles[a.ID] = len(d.Articles)
			d.Articles = append(d.Articles, a)
		case KindNode:
			var n Node
			if !dec(&n) {
				continue
			}
			n.Line = line
			if msg := checkNode(&n); msg != "" {
				bad(line, "%s", msg)
				continue
			}
			if prev, dup := nodes[n.ID]; dup {
				p := &d.Nodes[prev]
				if p.Label != n.Label {
					bad(line, "node %s repeated with label %s (line %d says %s)", n.ID, n.Label, p.Line, p.Label)
					continue
				}
				p.Aliases = union(p.Aliases, n.Aliases)
				p.Articles = union(p.Articles, n.Articles)
				continue
			}
			nodes[n.ID] = len(d.Nodes)
			d.Nodes = append(d.Nodes, n)
		case KindEdge:
			var e Edge
			if !dec(&e) {
				continue
			}
			e.Line = line
			in.edge(&e)
			d.Edges = append(d.Edges, e)
		case "":
			bad(line, "record without \"kind\"")
		default:
			bad(line, "unknown record kind %q (want meta, article, node or edge)", head.Kind)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("%s:%d: line longer than %d bytes", name, line+1, MaxLineBytes)
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	// Edges are checked once every node and article is known: records may come in any order.
	for i := range d.Edges {
		if msg := checkEdge(&d.Edges[i], nodes, d.Nodes, articles); msg != "" {
			bad(d.Edges[i].Line, "%s", msg)
		}
	}
	for i := range d.Nodes {
		for _, a := range d.Nodes[i].Articles {
			if _, ok := articles[a]; !ok {
				bad(d.Nodes[i].Line, "node %s names article %q, which is not in the input", d.Nodes[i].ID, a)
			}
		}
	}
	if len(probs) > 0 {
		return nil, &ValidationError{Problems: probs}
	}
	return d, nil
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

func (in interner) edge(e *Edge) {
	e.From, e.To, e.Article = in.str(e.From), in.str(e.To), in.str(e.Article)
	e.Type, e.Rule, e.DateSource = RelType(in.str(string(e.Type))), in.str(e.Rule), in.str(e.DateSource)
	e.Evidence.Sentence = in.str(e.Evidence.Sentence)
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

func checkEdge(e *Edge, nodes map[string]int, list []Node, articles map[string]int) string {
	spec, ok := e.Type.Spec()
	if !ok {
		return fmt.Sprintf("edge type %q is not in the vocabulary (%s)", e.Type, strings.Join(RelTypeNames(), ", "))
	}
	if _, ok := articles[e.Article]; !ok {
		return fmt.Sprintf("%s edge: article %q is not in the input", e.Type, e.Article)
	}
	label := func(id string) (Label, string) {
		if i, ok := nodes[id]; ok {
			return list[i].Label, ""
		}
		if _, ok := articles[id]; ok {
			return LabelArticle, ""
		}
		return "", fmt.Sprintf("%s edge: endpoint %q is not a node or article in the input", e.Type, id)
	}
	fl, msg := label(e.From)
	if msg != "" {
		return msg
	}
	tl, msg := label(e.To)
	if msg != "" {
		return msg
	}
	if !spec.Allows(fl, tl) {
		return fmt.Sprintf("%s edge cannot go from %s (%s) to %s (%s)", e.Type, fl, e.From, tl, e.To)
	}
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
