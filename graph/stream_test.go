package graph

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// streamInput has records in any order: edges before their article and nodes, a node
// naming an article before its record and repeated later with more articles, a name
// repeated in one list.
var streamInput = strings.Join([]string{
	`{"kind":"meta","contract":"` + ContractVersion + `"}`,
	`{"kind":"article","id":"a","title":"A"}`,
	`{"kind":"edge","type":"MET","from":"person:p","to":"person:q","article":"b","evidence":{"sentence":"P met Q.","start":0,"end":8}}`,
	`{"kind":"node","id":"person:p","label":"Person","name":"P","aliases":["Mr P"],"articles":["b","a","b"]}`,
	`{"kind":"article","id":"b","doc_key":"/c/b.txt"}`,
	`{"kind":"edge","type":"MET","from":"person:q","to":"person:p","article":"a","evidence":{"sentence":"Q met P.","start":0,"end":8}}`,
	`{"kind":"node","id":"person:q","label":"Person","name":"Q","articles":["a"]}`,
	`{"kind":"node","id":"person:p","label":"Person","name":"P","aliases":["P."],"articles":["c","a"]}`,
	`{"kind":"article","id":"c"}`,
}, "\n") + "\n"

// TestStreamSameAsRead: Stream hands on the articles Read keeps, in order, with where each
// is; it keeps Read's nodes without their articles, and the articles each names as
// indexes that give Read's lists back; each edge comes with its article's index, or -1
// when its record came later.
func TestStreamSameAsRead(t *testing.T) {
	d, err := Read(strings.NewReader(streamInput), "in")
	if err != nil {
		t.Fatal(err)
	}
	var arts []Article
	var edgeArts []int32
	st, err := Stream(strings.NewReader(streamInput), "in", func(a *Article, at EdgeAt) error {
		if at.Article != int32(len(arts)) {
			t.Errorf("article %s handed on as %d, want %d", a.ID, at.Article, len(arts))
		}
		if rec := streamInput[at.Offset : at.Offset+int64(at.Len)]; !strings.Contains(rec, `"id":"`+a.ID+`"`) || at.Line != a.Line {
			t.Errorf("article %s at %+v: %q", a.ID, at, rec)
		}
		arts = append(arts, *a)
		return nil
	}, func(e *Edge, at EdgeAt) error {
		edgeArts = append(edgeArts, at.Article)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(arts, d.Articles) || st.Articles != len(arts) {
		t.Errorf("articles handed on %+v (%d), Read's %+v", arts, st.Articles, d.Articles)
	}
	if !reflect.DeepEqual(edgeArts, []int32{-1, 0}) {
		t.Errorf("edges' article indexes %v, want [-1 0]", edgeArts)
	}
	if len(st.Nodes) != len(d.Nodes) || len(st.NodeArticles) != len(d.Nodes) {
		t.Fatalf("%d nodes, %d lists; Read has %d", len(st.Nodes), len(st.NodeArticles), len(d.Nodes))
	}
	for i, n := range st.Nodes {
		var names []string
		for _, ai := range st.NodeArticles[i] {
			names = append(names, arts[ai].ID)
		}
		if !reflect.DeepEqual(names, d.Nodes[i].Articles) {
			t.Errorf("node %s names %v, Read says %v", n.ID, names, d.Nodes[i].Articles)
		}
		want := d.Nodes[i]
		want.Articles = nil
		if !reflect.DeepEqual(n, want) {
			t.Errorf("node %+v, Read's %+v", n, want)
		}
	}
}

// TestStreamFindsWhatReadFinds: on an invalid input Stream reports Read's problems, in the
// same words and order (a node naming an article that never comes among them).
func TestStreamFindsWhatReadFinds(t *testing.T) {
	in := strings.Replace(streamInput, `"articles":["c","a"]`, `"articles":["c","z","a"]`, 1) +
		`{"kind":"article","id":"a"}` + "\n" + `{"kind":"edge","type":"MET","from":"person:p","to":"person:x","article":"c","evidence":{"sentence":"","start":0,"end":0}}` + "\n"
	_, rerr := Read(strings.NewReader(in), "in")
	_, serr := Stream(strings.NewReader(in), "in", nil, nil)
	var rv, sv *ValidationError
	if !errors.As(rerr, &rv) || !errors.As(serr, &sv) {
		t.Fatalf("Read: %v; Stream: %v", rerr, serr)
	}
	if len(rv.Problems) != 3 || !reflect.DeepEqual(sv.Problems, rv.Problems) {
		t.Errorf("Stream found\n%s\nRead found\n%s", strings.Join(sv.Problems, "\n"), strings.Join(rv.Problems, "\n"))
	}
}
