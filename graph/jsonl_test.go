package graph

import (
	"errors"
	"strings"
	"testing"
)

// Read's fast look at a record's kind accepts nothing the full decode would reject.
func TestReadKindFastPath(t *testing.T) {
	meta := `{"kind":"meta","contract":"` + ContractVersion + `"}` + "\n"
	art := `{"kind":"article","id":"a"}` + "\n"
	good := meta + art + `{"kind":"node","id":"person:p","label":"Person","name":"P","articles":["a"]}` + "\n"
	if _, err := Read(strings.NewReader(good), "in"); err != nil {
		t.Fatalf("valid input rejected: %v", err)
	}
	for name, line := range map[string]string{
		"data after the record": `{"kind":"node","id":"person:p","label":"Person","name":"P"} x`,
		"second kind":           `{"kind":"node","id":"person:p","label":"Person","name":"P","kind":"edge"}`,
		"unknown field":         `{"kind":"node","id":"person:p","label":"Person","name":"P","nope":1}`,
	} {
		if _, err := Read(strings.NewReader(meta+art+line+"\n"), "in"); err == nil {
			t.Errorf("%s: accepted %s", name, line)
		}
	}
}

// Scan hands each edge on with where its line is: the bytes at that offset and length are
// the record (CRLF line ends, blank lines and records in any order), with its line number.
func TestScanEdgeOffsets(t *testing.T) {
	lines := []string{
		`{"kind":"edge","type":"MET","from":"person:p","to":"person:q","article":"a","evidence":{"sentence":"P met Q.","start":0,"end":8}}`,
		``,
		`{"kind":"meta","contract":"` + ContractVersion + `"}`,
		`{"kind":"node","id":"person:p","label":"Person","name":"P","articles":["a"]}`,
		`  {"kind":"edge","type":"MET","from":"person:q","to":"person:p","article":"a","evidence":{"sentence":"Q met P.","start":0,"end":8}}  `,
		`{"kind":"node","id":"person:q","label":"Person","name":"Q"}`,
		`{"kind":"article","id":"a"}`,
	}
	input := strings.Join(lines, "\r\n")
	var got []EdgeAt
	var sentences []string
	d, err := Scan(strings.NewReader(input), "in", func(e *Edge, at EdgeAt) error {
		got = append(got, at)
		sentences = append(sentences, e.Evidence.Sentence)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Edges) != 0 || len(d.Nodes) != 2 || len(d.Articles) != 1 {
		t.Fatalf("document: %d edges, %d nodes, %d articles; want the edges left out", len(d.Edges), len(d.Nodes), len(d.Articles))
	}
	if len(got) != 2 || got[0].Line != 1 || got[1].Line != 5 || sentences[0] != "P met Q." || sentences[1] != "Q met P." {
		t.Fatalf("edges at %+v, %v", got, sentences)
	}
	for i, at := range got {
		rec := strings.TrimSpace(input[at.Offset : at.Offset+int64(at.Len)])
		if rec != strings.TrimSpace(lines[at.Line-1]) {
			t.Errorf("edge %d: bytes at %d+%d are %q, want line %d", i, at.Offset, at.Len, rec, at.Line)
		}
	}
}

// Scan checks an edge's ends once every record is read, and reports a problem with the ends
// before one with the edge's own fields, as Read always did.
func TestScanChecksEndsAtTheEnd(t *testing.T) {
	in := `{"kind":"edge","type":"MET","from":"person:p","to":"person:nobody","article":"a","status":"rumoured","evidence":{"sentence":"","start":0,"end":0}}
{"kind":"edge","type":"MET","from":"person:p","to":"person:p","article":"a","status":"rumoured","evidence":{"sentence":"","start":0,"end":0}}
{"kind":"node","id":"person:p","label":"Person","name":"P"}
{"kind":"article","id":"a"}
{"kind":"edge","type":"MET","from":"person:p","to":"person:p","article":"a","status":"rumoured","evidence":{"sentence":"","start":0,"end":0}}
{"kind":"edge","type":"MET","from":"person:p","to":"person:later","article":"a","evidence":{"sentence":"","start":0,"end":0}}
{"kind":"node","id":"person:later","label":"Person","name":"Later"}
{"kind":"node","id":"person:p","label":"Country","name":"P again"}
`
	var handed []int
	_, err := Scan(strings.NewReader(in), "in", func(e *Edge, _ EdgeAt) error {
		handed = append(handed, e.Line)
		return nil
	})
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 4 {
		t.Fatalf("err %v, want four problems", err)
	}
	// Edges first, in input order, whether checked at once (line 5) or at the end (1, 2);
	// the ends of line 6 came after it and are right; then the refused record of line 8
	// comes first, as it was found while reading.
	for i, want := range []string{`in:8: node person:p: id prefix does not match label Country`, `in:1: MET edge: endpoint "person:nobody"`,
		`in:2: MET edge: status "rumoured"`, `in:5: MET edge: status "rumoured"`} {
		if !strings.Contains(ve.Problems[i], want) {
			t.Errorf("problem %d = %q, want %q", i, ve.Problems[i], want)
		}
	}
	if len(handed) != 1 || handed[0] != 6 {
		t.Errorf("edges handed on: lines %v, want only 6 (the only one whose fields are right)", handed)
	}
}
