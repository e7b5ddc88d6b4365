package graph

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// A Checker fed one record at a time (as extract validates its output) finds the repeats
// and the dangling references Read finds in the whole input, in the same words and order.
func TestCheckerFindsWhatReadFinds(t *testing.T) {
	lines := []string{
		`{"kind":"meta","contract":"` + ContractVersion + `"}`,
		`{"kind":"article","id":"a","doc_key":"/c/a.txt"}`,
		`{"kind":"article","id":"a"}`,
		`{"kind":"article","id":"b","doc_key":"/c/a.txt"}`,
		`{"kind":"article","id":"c","published":"June"}`,
		`{"kind":"node","id":"person:p","label":"Person","name":"P","articles":["a","z"]}`,
		`{"kind":"node","id":"person:p","label":"Country","name":"P"}`,
		`{"kind":"node","id":"person:p","label":"Person","name":"P"}`,
		`{"kind":"edge","type":"MET","from":"person:p","to":"person:q","article":"a","evidence":{"sentence":"P met Q.","start":0,"end":8}}`,
		`{"kind":"edge","type":"MET","from":"person:p","to":"person:p","article":"c","status":"maybe","evidence":{"sentence":"P met P.","start":0,"end":8}}`,
		`{"kind":"edge","type":"MENTIONS","from":"a","to":"person:p","article":"a"}`,
		`{"kind":"edge","type":"MENTIONS","from":"a","to":"person:p","article":"c"}`,
	}
	want := []string{
		"article a repeated (first at line 2)",
		`article b: doc_key "/c/a.txt" is also article a's (line 2): two versions of one document`,
		`article c: published "June" is not a YYYY-MM-DD date`,
		`node person:p: id prefix does not match label Country (want "country:...")`,
		`MET edge: endpoint "person:q" is not a node or article in the input`,
		`MET edge: status "maybe" is not reported, planned, hypothetical or negated`,
		`MENTIONS edge: from "a" is not its article "c" (a MENTIONS starts at the article that states it)`,
		`node person:p names article "z", which is not in the input`,
	}

	c := NewChecker()
	var got []string
	var nodes []Node
	for i, l := range lines[1:] {
		line := i + 2
		switch {
		case strings.Contains(l, `"kind":"article"`):
			var a Article
			DecodeRecord([]byte(l), &a, KindArticle)
			a.Line = line
			problems, _ := c.Article(&a)
			got = append(got, problems...)
		case strings.Contains(l, `"kind":"node"`):
			var n Node
			DecodeRecord([]byte(l), &n, KindNode)
			n.Line = line
			msg, first := c.Node(&n)
			if msg != "" {
				got = append(got, msg)
			} else if first < 0 {
				nodes = append(nodes, n)
			} else if first != 0 {
				t.Errorf("line %d repeats node %d, want 0", line, first)
			}
		default:
			var e Edge
			DecodeRecord([]byte(l), &e, KindEdge)
			if msg := c.Edge(&e); msg != "" {
				got = append(got, msg)
			}
		}
	}
	for i := range nodes {
		got = append(got, c.NodeArticles(&nodes[i])...)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Checker found\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	_, err := Read(strings.NewReader(strings.Join(lines, "\n")), "in")
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Read: %v, want a ValidationError", err)
	}
	var read []string
	for _, p := range ve.Problems {
		_, msg, _ := strings.Cut(strings.TrimPrefix(p, "in:"), ": ")
		read = append(read, msg)
	}
	if !reflect.DeepEqual(read, want) {
		t.Errorf("Read found\n%s\nwant\n%s", strings.Join(read, "\n"), strings.Join(want, "\n"))
	}
}
