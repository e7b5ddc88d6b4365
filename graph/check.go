package graph

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// The checks Read makes of each record, for a writer that validates one record at a time
// (extract streams its output). Read remains the validator of a whole input; these give the
// same messages, without the "name:line: " prefix.

// CheckArticle checks an article record on its own (repeats are the caller's to find).
func CheckArticle(a *Article) string {
	switch {
	case a.ID == "":
		return "article without id"
	case a.Published != "" && !isoDay.MatchString(a.Published):
		return fmt.Sprintf("article %s: published %q is not a YYYY-MM-DD date", a.ID, a.Published)
	}
	return ""
}

// CheckNode checks a node record on its own.
func CheckNode(n *Node) string { return checkNode(n) }

// CheckEdge checks an edge record against the nodes (id -> index in list) and articles
// (ids) of the input.
func CheckEdge(e *Edge, nodes map[string]int, list []Node, articles map[string]int) string {
	if msg := checkEdgeEnds(e.Type, e.Article, e.From, e.To, nodes, list, articles); msg != "" {
		return msg
	}
	return checkEdgeFields(e)
}

// DecodeRecord decodes one JSON Lines record of the given kind into into as Read does:
// unknown fields and trailing data refused. It returns the problem in Read's words, or "".
func DecodeRecord(raw []byte, into any, kind string) string {
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
