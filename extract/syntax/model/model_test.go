package model

import (
	"bytes"
	"strings"
	"sync"
	"testing"
)

func testModel(t testing.TB) *Model {
	t.Helper()
	m, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkTree fails unless tr is a well-formed tree over n words: one root, heads in range,
// no cycle, and every tag and relation set.
func checkTree(t *testing.T, words []string, tr Tree) {
	t.Helper()
	n := len(words)
	if len(tr.UPOS) != n || len(tr.XPOS) != n || len(tr.Lemma) != n || len(tr.Head) != n || len(tr.Deprel) != n {
		t.Fatalf("%q: slice lengths differ from %d", words, n)
	}
	roots := 0
	for i, h := range tr.Head {
		if h < 0 || h > n || h == i+1 {
			t.Fatalf("%q: word %d has head %d", words, i+1, h)
		}
		if h == 0 {
			roots++
			if tr.Deprel[i] != "root" {
				t.Fatalf("%q: root word %d labelled %q", words, i+1, tr.Deprel[i])
			}
		} else if tr.Deprel[i] == "root" || tr.Deprel[i] == "" {
			t.Fatalf("%q: word %d labelled %q", words, i+1, tr.Deprel[i])
		}
		for x, steps := i+1, 0; x != 0; x, steps = tr.Head[x-1], steps+1 {
			if steps > n {
				t.Fatalf("%q: cycle through word %d", words, i+1)
			}
		}
		if tr.UPOS[i] == "" || tr.XPOS[i] == "" {
			t.Fatalf("%q: word %d has no tag", words, i+1)
		}
	}
	if n > 0 && roots != 1 {
		t.Fatalf("%q: %d roots", words, roots)
	}
}

func TestParseOddInput(t *testing.T) {
	m := testModel(t)
	long := make([]string, 500)
	for i := range long {
		long[i] = []string{"the", "cat", ",", "and", "ran", "quickly", "."}[i%7]
	}
	cases := [][]string{
		nil, {}, {"Hello"}, {""}, {"", "", ""}, {"\xff\xfe", "日本語", "🙂", "a\x00b"},
		{"...", "!!!", "?"}, strings.Fields("1 2 3 4 5 6 7 8 9 10"), long,
	}
	for _, words := range cases {
		checkTree(t, words, m.Parse(words))
	}
}

func TestParseSimpleSentence(t *testing.T) {
	m := testModel(t)
	words := strings.Fields("The committee approved the new budget on Tuesday .")
	tr := m.Parse(words)
	checkTree(t, words, tr)
	// approved is the root; committee its subject; budget its object.
	if tr.Head[2] != 0 || tr.Head[1] != 3 || tr.Deprel[1] != "nsubj" || tr.Head[5] != 3 || tr.Deprel[5] != "obj" {
		t.Fatalf("unexpected tree: heads %v relations %v", tr.Head, tr.Deprel)
	}
	if tr.UPOS[2] != "VERB" || tr.XPOS[2] != "VBD" || tr.UPOS[1] != "NOUN" {
		t.Fatalf("unexpected tags: %v %v", tr.UPOS, tr.XPOS)
	}
}

// TestParseIntoAllocationFree: once a Tree has held a sentence as long, parsing another
// allocates nothing.
func TestParseIntoAllocationFree(t *testing.T) {
	m := testModel(t)
	words := strings.Fields("Officials said on Monday that the bridge , which was built in 1932 , would be closed .")
	var tr Tree
	m.ParseInto(words, &tr)
	if a := testing.AllocsPerRun(50, func() { m.ParseInto(words, &tr) }); a != 0 {
		t.Fatalf("ParseInto allocated %.1f times per call", a)
	}
}

// TestWriteLoadRoundTrip: writing the embedded model and loading it again gives the same
// bytes and the same parses.
func TestWriteLoadRoundTrip(t *testing.T) {
	m := testModel(t)
	var a, b bytes.Buffer
	if err := m.Write(&a, []string{"test header"}); err != nil {
		t.Fatal(err)
	}
	m2, err := Load(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if m2.Header() != "test header\n" {
		t.Fatalf("header %q", m2.Header())
	}
	if err := m2.Write(&b, []string{"test header"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("writing a loaded model changed its bytes")
	}
	words := strings.Fields("She gave him the keys to the car yesterday .")
	if x, y := m.Parse(words), m2.Parse(words); !equalTrees(x, y) {
		t.Fatalf("reloaded model parses differently: %v vs %v", x, y)
	}
}

func equalTrees(a, b Tree) bool {
	return strings.Join(a.XPOS, " ") == strings.Join(b.XPOS, " ") &&
		strings.Join(a.Deprel, " ") == strings.Join(b.Deprel, " ") &&
		strings.Join(a.UPOS, " ") == strings.Join(b.UPOS, " ") && slicesEqual(a.Head, b.Head)
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEmbeddedModelCreditsTreebank(t *testing.T) {
	h := testModel(t).Header()
	for _, want := range []string{"UD English EWT v2.15", "CC BY-SA 4.0"} {
		if !strings.Contains(h, want) {
			t.Fatalf("model header lacks %q:\n%s", want, h)
		}
	}
}

func TestLoadRejectsBadFiles(t *testing.T) {
	for _, in := range []string{"", "hello\n", magic + "\n# x\n\nnot gzip"} {
		if _, err := Load(strings.NewReader(in)); err == nil {
			t.Fatalf("Load(%q) succeeded", in)
		}
	}
}

// TestParseConcurrent: goroutines sharing the default model get the same trees as one
// goroutine does (run with -race to check the pooled scratch).
func TestParseConcurrent(t *testing.T) {
	m := testModel(t)
	want := make([]Tree, len(goldenSentences))
	for i, s := range goldenSentences {
		want[i] = m.Parse(strings.Fields(s))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(goldenSentences))
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var tr Tree
			for i, s := range goldenSentences {
				m.ParseInto(strings.Fields(s), &tr)
				if !equalTrees(tr, want[i]) {
					errs <- s
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("concurrent parse of %q differs", s)
	}
}

// TestWithBeam: WithBeam gives a model parsing with the asked beam while the model it came
// from keeps its own; at the model's own width it parses exactly as the model does, and
// greedily (1) it attaches some words of EWT dev differently.
func TestWithBeam(t *testing.T) {
	dev := readShared(t, "en_ewt-ud-dev.conllu", 400)
	for _, m := range []*Model{testModel(t), testModel(t).FirstParser()} {
		own := m.Beam()
		if own < 2 {
			t.Fatalf("the embedded model parses with a beam of %d; this test needs a wider one", own)
		}
		base := Evaluate(m, dev, false)
		same := Evaluate(m.WithBeam(own), dev, false)
		greedy := m.WithBeam(1)
		if greedy.Beam() != 1 || m.Beam() != own || len(greedy.ensemble) != len(m.ensemble) {
			t.Fatalf("WithBeam(1): beam %d (model's now %d, was %d), %d voting parsers (model: %d)",
				greedy.Beam(), m.Beam(), own, len(greedy.ensemble), len(m.ensemble))
		}
		g := Evaluate(greedy, dev, false)
		if same != base {
			t.Errorf("%d parsers: WithBeam(%d) scores %s, the model %s", len(m.ensemble)+1, own, same, base)
		}
		if g.UAS == base.UAS && g.LAS == base.LAS {
			t.Errorf("%d parsers: greedy parsing scored exactly as the beam of %d (%s)", len(m.ensemble)+1, own, base)
		}
		if again := Evaluate(m, dev, false); again != base {
			t.Errorf("the model parses differently after WithBeam: %s, was %s", again, base)
		}
	}
}
