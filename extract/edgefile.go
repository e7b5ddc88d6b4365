package extract

import (
	"bytes"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
)

// The temporary file of relationships holds, for each edge, its JSON line (as the output
// will have it) and what validate needs to check it against the other records: the line is
// decoded as load decodes it, and its own fields checked (graph.EdgeFields), on the worker
// that relates the article, in parallel; the serial validation then checks only its type,
// article and endpoints against the articles and nodes (graph.Checker.EdgeEnds). The
// problems are the same, in the same order, as decoding and checking the line there
// (graph.Checker.Edge). Each edge is a record of its own (writeFramed's framing).

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
	var got graph.Edge
	c := checkedEdge{line: raw}
	if c.decodeProblem = graph.DecodeRecord(raw, &got, graph.KindEdge); c.decodeProblem == "" {
		c.fieldsProblem = graph.EdgeFields(&got)
		c.typ, c.from, c.to, c.article = got.Type, got.From, got.To, got.Article
	}
	var rec spillEnc
	for _, s := range []string{c.decodeProblem, c.fieldsProblem, string(c.typ), c.from, c.to, c.article} {
		rec.str(s)
	}
	rec.raw(c.line)
	var framed spillEnc
	framed.b = b
	framed.raw(rec.b)
	return framed.b, nil
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
