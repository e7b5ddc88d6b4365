package extract

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

// The temporary file of relationships holds, for each edge, its JSON line (as the output
// will have it) and what validate needs to check it against the other records: the line is
// decoded as load decodes it, and its own fields checked (graph.EdgeFields), on the worker
// that relates the article, in parallel; the serial validation then checks only its type,
// article and endpoints against the articles and nodes (graph.Checker.EdgeEnds). The
// problems are the same, in the same order, as decoding and checking the line there
// (graph.Checker.Edge). Each edge is a frame of its own (beginFrame).

// roundTrips says whether decoding the line graph.Writer makes of e (as graph.DecodeRecord
// does) gives e back, field for field, so that the line need not be decoded to be checked:
// its strings are valid UTF-8 (encoding/json writes invalid bytes as U+FFFD) and its props'
// values have the types a decoded value has (string, float64, bool, nil, or a list of
// string, float64 and bool; an int or a []string would come back as float64 or []any).
// Its numbers come back as they are (encoding/json writes the shortest form that reads back
// the same float64), and every key of the line is a field of graph.Edge, so that the strict
// decode finds nothing to refuse. Other edges are decoded (TestRoundTripsAsDecoded).
func roundTrips(e *graph.Edge) bool {
	for _, s := range []string{e.Kind, string(e.Type), e.From, e.To, e.Article, string(e.Status), e.Date, e.DatePrecision,
		e.DateSource, e.Place, e.Topic, e.Cameo, e.Rule, e.Title, e.Source, e.Evidence.Sentence} {
		if !utf8.ValidString(s) {
			return false
		}
	}
	for k, v := range e.Props {
		if !utf8.ValidString(k) || !decodedScalar(v, true) {
			return false
		}
	}
	return true
}

// decodedScalar says whether v has the type encoding/json decodes its JSON into: a string
// (valid UTF-8), float64, bool, nil or, when list, a []any of the first three.
func decodedScalar(v any, list bool) bool {
	switch x := v.(type) {
	case string:
		return utf8.ValidString(x)
	case float64, bool, nil:
		return true
	case []any:
		if !list {
			return false
		}
		for _, y := range x {
			if y == nil || !decodedScalar(y, false) {
				return false
			}
		}
		return true
	}
	return false
}

// checkedEdge is one edge of the file: the problem decoding its line, else the problem
// with its own fields and the decoded type, endpoints and article.
type checkedEdge struct {
	decodeProblem, fieldsProblem string
	typ                          graph.RelType
	from, to, article            string
	line                         []byte // without its newline; shares the record's bytes
}

// appendCheckedEdge encodes e (as graph.Writer would), decodes and checks the line and
// appends the record, framed, to b. The error is the encoder's.
func appendCheckedEdge(b []byte, line *bytes.Buffer, e *graph.Edge) ([]byte, error) {
	line.Reset()
	if err := graph.NewLineEncoder(line).Encode(e); err != nil {
		return b, err
	}
	raw := bytes.TrimSuffix(line.Bytes(), []byte("\n"))
	c := checkedEdge{line: raw}
	got := e // what decoding raw gives, when e comes back from JSON as it is (roundTrips)
	if !roundTrips(e) {
		got = &graph.Edge{}
		c.decodeProblem = graph.DecodeRecord(raw, got, graph.KindEdge)
	}
	if c.decodeProblem == "" {
		c.fieldsProblem = graph.EdgeFields(got)
		c.typ, c.from, c.to, c.article = got.Type, got.From, got.To, got.Article
	}
	rec := spillEnc{b: b}
	var at int
	rec.b, at = beginFrame(rec.b)
	for _, s := range []string{c.decodeProblem, c.fieldsProblem, string(c.typ), c.from, c.to, c.article} {
		rec.str(s)
	}
	rec.raw(c.line)
	return endFrame(rec.b, at), nil
}

// decodeCheckedEdge reads a record appendCheckedEdge made (without its framing).
func decodeCheckedEdge(b []byte) (checkedEdge, error) {
	d := spillDec{b: b}
	c := checkedEdge{decodeProblem: d.str(), fieldsProblem: d.str(), typ: graph.RelType(d.str())}
	c.from, c.to, c.article = d.str(), d.str(), d.str()
	c.line = d.bytes()
	if err := d.end(); err != nil {
		return checkedEdge{}, fmt.Errorf("reading the temporary file of relationships: %w", err)
	}
	return c, nil
}
