package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Checker makes the checks Read makes of an extraction, fed one record at a time in input
// order: each record on its own, the repeats of an article id, a doc_key or a node id, and
// an edge's article and endpoints among the records fed so far. Read's scanner and
// extract's per-record validation (extract streams its output) both use it, so both give
// the same messages; these come without the "name:line: " prefix, and a record's Line is
// the line the messages about a repeat name. Use NewChecker.
type Checker struct {
	articles map[string]articleAt  // id -> where the article is
	docKeys  map[string]articleRef // doc_key -> the article that has it
	nodes    map[string]nodeRef    // id -> the first record of the node
}

type articleAt struct {
	line  int
	index int32 // in the order the new articles were fed
}

type articleRef struct {
	id   string
	line int
}

type nodeRef struct {
	label Label
	line  int
	index int // in the order the nodes were first fed
}

// NewChecker returns a Checker that has been fed nothing.
func NewChecker() *Checker {
	return &Checker{articles: map[string]articleAt{}, docKeys: map[string]articleRef{}, nodes: map[string]nodeRef{}}
}

// Article checks an article record: its own fields, then whether an earlier article has its
// id or its doc_key. It returns the problems, in that order, and whether the article is new
// (not a repeat): only a new one counts for the records that follow, even when its own
// fields are wrong, as in Read.
func (c *Checker) Article(a *Article) (problems []string, isNew bool) {
	if msg := checkArticle(a); msg != "" {
		problems = append(problems, msg)
	}
	if prev, dup := c.articles[a.ID]; dup {
		return append(problems, fmt.Sprintf("article %s repeated (first at line %d)", a.ID, prev.line)), false
	}
	if a.DocKey != "" {
		if prev, dup := c.docKeys[a.DocKey]; dup {
			return append(problems, fmt.Sprintf("article %s: doc_key %q is also article %s's (line %d): two versions of one document", a.ID, a.DocKey, prev.id, prev.line)), false
		}
		c.docKeys[a.DocKey] = articleRef{a.ID, a.Line}
	}
	c.articles[a.ID] = articleAt{line: a.Line, index: int32(len(c.articles))}
	return problems, true
}

// articleIndex returns the index of article id among the new articles fed so far (in the
// order they were fed), or -1.
func (c *Checker) articleIndex(id string) int32 {
	if a, ok := c.articles[id]; ok {
		return a.index
	}
	return -1
}

// Node checks a node record: its own fields, then whether an earlier node has its id with
// another label. It returns the problem, if any (the node then does not count), and first:
// -1 for a new node, else the index, in the order the nodes were first fed, of the earlier
// record with its id and label that this one repeats (Read unites the two).
func (c *Checker) Node(n *Node) (problem string, first int) {
	if msg := checkNode(n); msg != "" {
		return msg, -1
	}
	if prev, dup := c.nodes[n.ID]; dup {
		if prev.label != n.Label {
			return fmt.Sprintf("node %s repeated with label %s (line %d says %s)", n.ID, n.Label, prev.line, prev.label), -1
		}
		return "", prev.index
	}
	c.nodes[n.ID] = nodeRef{label: n.Label, line: n.Line, index: len(c.nodes)}
	return "", -1
}

// Edge checks an edge record against the articles and nodes fed before it: its type,
// article and endpoints, then its own fields; it returns the first problem.
func (c *Checker) Edge(e *Edge) string {
	if msg := c.edgeEnds(e.Type, e.Article, e.From, e.To); msg != "" {
		return msg
	}
	return checkEdgeFields(e)
}

// EdgeEnds is the first half of Edge: the edge's type, article and endpoints against the
// records fed so far. A caller that checks an edge's own fields apart (EdgeFields, where the
// edge is made) gets Edge's problem as EdgeEnds' or, when it is "", EdgeFields'.
func (c *Checker) EdgeEnds(t RelType, article, from, to string) string {
	return c.edgeEnds(t, article, from, to)
}

// EdgeFields is the second half of Edge: the edge's own fields (status, date, precision,
// evidence offsets, confidence, props), which need no other record.
func EdgeFields(e *Edge) string { return checkEdgeFields(e) }

// NodeArticles checks, once every article has been fed, that the articles a node names are
// in the input: one problem for each that is not.
func (c *Checker) NodeArticles(n *Node) []string {
	var problems []string
	for _, a := range n.Articles {
		if _, ok := c.articles[a]; !ok {
			problems = append(problems, missingArticle(n.ID, a))
		}
	}
	return problems
}

func missingArticle(node, article string) string {
	return fmt.Sprintf("node %s names article %q, which is not in the input", node, article)
}

// settled says whether what id names can no longer change: a node (a later record with
// its id and another label is refused), or an article whose id no node can have.
func (c *Checker) settled(id string) bool {
	if _, ok := c.nodes[id]; ok {
		return true
	}
	if _, ok := c.articles[id]; ok {
		_, nodeLike := LabelOfID(id)
		return !nodeLike
	}
	return false
}

// DecodeRecord decodes one JSON Lines record of the given kind into into as Read does:
// unknown fields and trailing data refused. It returns the problem in Read's words, or "".
func DecodeRecord(raw []byte, into any, kind string) string {
	if decodeStrictFast(raw, into) {
		return ""
	}
	resetRecord(into)
	dd := json.NewDecoder(bytes.NewReader(raw))
	dd.DisallowUnknownFields()
	if err := dd.Decode(into); err != nil {
		return fmt.Sprintf("bad %s record: %v", kind, err)
	}
	if dd.InputOffset() != int64(len(raw)) {
		return "not a JSON object: data after the record"
	}
	return ""
}

// checkArticle checks an article record's own fields.
func checkArticle(a *Article) string {
	switch {
	case a.ID == "":
		return "article without id"
	case a.Published != "" && !isoDay.MatchString(a.Published):
		return fmt.Sprintf("article %s: published %q is not a YYYY-MM-DD date", a.ID, a.Published)
	}
	return ""
}

// checkNode checks a node record's own fields.
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

// edgeEnds checks what of an edge needs the records before it (or the whole input): its
// type, its article, its endpoints and their labels.
func (c *Checker) edgeEnds(t RelType, article, from, to string) string {
	spec, ok := t.Spec()
	if !ok {
		return fmt.Sprintf("edge type %q is not in the vocabulary (%s)", t, strings.Join(RelTypeNames(), ", "))
	}
	if _, ok := c.articles[article]; !ok {
		return fmt.Sprintf("%s edge: article %q is not in the input", t, article)
	}
	label := func(id string) (Label, string) {
		if n, ok := c.nodes[id]; ok {
			return n.label, ""
		}
		if _, ok := c.articles[id]; ok {
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
	if e.Type == RelMentions && e.From != e.Article {
		// load reaches an article's MENTIONS from its node (graph/neo4j relIndexed)
		return fmt.Sprintf("%s edge: from %q is not its article %q (a MENTIONS starts at the article that states it)", e.Type, e.From, e.Article)
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
