package model

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"
)

// voteModel is a model with three parsers of the given weights and a small label set.
func voteModel(w ...float32) *Model {
	m := &Model{weight: w[0], labels: newLabels([]string{"dep", "nsubj", "obj", "punct", "root"})}
	for _, x := range w[1:] {
		m.ensemble = append(m.ensemble, part{weight: x})
	}
	return m
}

// decideVotes runs decide on the parsers' heads (1-based, 0 root) and labels.
func decideVotes(m *Model, heads [][]int, labels [][]string) Tree {
	n := len(heads[0])
	var v votes
	v.reset(n, len(heads))
	for i := range heads {
		copy(v.heads[i], heads[i])
		for d, l := range labels[i] {
			v.label[i][d] = int32(slices.Index(m.labels.names, l))
		}
	}
	var t Tree
	t.resize(n)
	m.decide(&v, &t)
	return t
}

func TestDecideTakesTheMajority(t *testing.T) {
	words := strings.Fields("She saw him .")
	cases := []struct {
		name   string
		w      []float32
		heads  [][]int
		labels [][]string
		head   []int
		deprel []string
	}{
		{"two against one", []float32{1, 1, 1},
			[][]int{{2, 0, 2, 2}, {2, 0, 2, 2}, {3, 0, 2, 3}},
			[][]string{{"nsubj", "root", "obj", "punct"}, {"nsubj", "root", "dep", "punct"}, {"obj", "root", "nsubj", "punct"}},
			[]int{2, 0, 2, 2}, []string{"nsubj", "root", "obj", "punct"}},
		{"all differ: the heaviest parser", []float32{0.8, 0.9, 0.7},
			[][]int{{2, 0, 2, 2}, {3, 0, 2, 2}, {4, 0, 2, 2}},
			[][]string{{"nsubj", "root", "obj", "punct"}, {"obj", "root", "obj", "punct"}, {"dep", "root", "obj", "punct"}},
			[]int{3, 0, 2, 2}, []string{"obj", "root", "obj", "punct"}},
		{"one root although two parsers chose others", []float32{1, 1, 1},
			[][]int{{0, 1, 1, 1}, {2, 0, 2, 2}, {3, 3, 0, 3}},
			[][]string{{"root", "dep", "obj", "punct"}, {"nsubj", "root", "obj", "punct"}, {"nsubj", "obj", "root", "punct"}},
			nil, nil},
		{"a majority cycle is broken", []float32{1, 1, 1},
			[][]int{{2, 1, 0, 3}, {2, 1, 0, 3}, {0, 1, 2, 3}},
			[][]string{{"nsubj", "obj", "root", "punct"}, {"nsubj", "obj", "root", "punct"}, {"root", "obj", "dep", "punct"}},
			nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tr := decideVotes(voteModel(c.w...), c.heads, c.labels)
			tr.UPOS, tr.XPOS, tr.Lemma = words, words, words
			checkTree(t, words, tr)
			if c.head != nil && (!slicesEqual(tr.Head, c.head) || strings.Join(tr.Deprel, " ") != strings.Join(c.deprel, " ")) {
				t.Fatalf("got %v %v, want %v %v", tr.Head, tr.Deprel, c.head, c.deprel)
			}
		})
	}
}

// TestChooseLabelForAHeadNoParserChose: a word whose chosen head no parser gave it gets
// the first parser's label that is not the root relation, or dep.
func TestChooseLabelForAHeadNoParserChose(t *testing.T) {
	m := voteModel(1, 1, 1)
	id := func(name string) int32 { return int32(slices.Index(m.labels.names, name)) }
	var v votes
	v.reset(2, 3)
	v.heads[0][0], v.heads[1][0], v.heads[2][0] = 0, 0, 2 // word 1: root, root, under word 2
	v.label[0][0], v.label[1][0], v.label[2][0] = id("root"), id("root"), id("obj")
	cases := []struct {
		head int
		want string
	}{{0, "root"}, {2, "obj"}, {1, "obj"}}
	for _, c := range cases {
		if got := m.labels.names[m.chooseLabel(&v, 0, c.head)]; got != c.want {
			t.Errorf("head %d: label %s, want %s", c.head, got, c.want)
		}
	}
	v.label[2][0] = id("root")
	if got := m.labels.names[m.chooseLabel(&v, 0, 1)]; got != "dep" {
		t.Errorf("every parser said root: label %s, want dep", got)
	}
}

func TestQuantScaleRoundTrip(t *testing.T) {
	ws := []float32{0.5, -0.5, 3, -7.25, 120, -400, 0}
	q := newQuantScale(ws)
	tab := q.table()
	for _, w := range ws {
		c := q.code(w)
		got := tab[c]
		if w == 0 {
			if c != 0 || got != 0 {
				t.Fatalf("0 coded %d -> %v", c, got)
			}
			continue
		}
		if (got < 0) != (w < 0) || math.Abs(float64(got-w))/math.Abs(float64(w)) > (q.ratio-1)/2+1e-6 {
			t.Fatalf("%v coded %d -> %v (step %.4f)", w, c, got, q.ratio)
		}
		if q.code(got) != c {
			t.Fatalf("%v: decoded %v codes to %d, not %d", w, got, q.code(got), c)
		}
	}
}

// TestVersion1FilesStillLoad: a model written with two-byte weights (the format before
// version 2) loads and parses like the model it was written from.
func TestVersion1FilesStillLoad(t *testing.T) {
	m := testModel(t)
	var buf bytes.Buffer
	if err := m.write(&buf, []string{"v1"}, false); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(buf.String(), magicV1+"\n") {
		t.Fatalf("not written as version 1: %q", buf.String()[:30])
	}
	m1, err := Load(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("The minister met her counterpart in Paris on Tuesday , officials said .")
	if x, y := m.Parse(words), m1.Parse(words); !equalTrees(x, y) {
		t.Fatalf("version 1 copy parses differently: %v vs %v", x, y)
	}
}

// TestHeadlessRule: dependents of a flat or fixed word move to the first word of the name;
// punctuation, conjuncts and the name's own words stay.
func TestHeadlessRule(t *testing.T) {
	// along with Olaf Scholz , and X: "along" and "with" hung on Scholz (flat of Olaf)
	tr := Tree{
		Head:   []int{4, 4, 0, 3, 4, 4},
		Deprel: []string{"case", "case", "root", "flat", "punct", "conj"},
	}
	tr.headlessRule()
	if want := []int{3, 3, 0, 3, 4, 4}; !slicesEqual(tr.Head, want) {
		t.Fatalf("heads %v, want %v", tr.Head, want)
	}
	// a chain: a dependent of a flat word whose head is flat too climbs to the first word
	tr = Tree{Head: []int{0, 1, 2, 3}, Deprel: []string{"root", "flat", "fixed", "amod"}}
	tr.headlessRule()
	if want := []int{0, 1, 2, 1}; !slicesEqual(tr.Head, want) {
		t.Fatalf("heads %v, want %v", tr.Head, want)
	}
}
