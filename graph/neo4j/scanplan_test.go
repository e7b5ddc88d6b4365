package neo4j

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func fixtureLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "fixture.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(strings.TrimRight(string(b), "\n"), "\n")
}

// reordered is the fixture with its records in another order (edges first, then nodes,
// then articles; the meta record last), CRLF line ends, a blank line, and its first
// edge stated twice, the second time with another confidence (the first statement wins).
func reordered(t *testing.T) string {
	var meta string
	var arts, nodes, edges []string
	for _, l := range fixtureLines(t) {
		switch {
		case strings.Contains(l, `"kind":"meta"`):
			meta = l
		case strings.Contains(l, `"kind":"article"`):
			arts = append(arts, l)
		case strings.Contains(l, `"kind":"node"`):
			nodes = append(nodes, l)
		default:
			edges = append(edges, l)
		}
	}
	dup := regexp.MustCompile(`"confidence":[0-9.]+`).ReplaceAllString(edges[0], `"confidence":0.11`)
	if dup == edges[0] {
		t.Fatalf("no confidence to change in %s", edges[0])
	}
	all := append(append(append(append(edges, dup, ""), nodes...), arts...), meta)
	return strings.Join(all, "\r\n") + "\r\n"
}

// interleaved is the fixture with the relationships of its two articles alternating (each
// article's facts found again on a later visit, one stated a second time there), the
// second article's record after its relationships, and the nodes split in two records, the
// second (a new alias, the articles again) among the relationships.
func interleaved(t *testing.T) string {
	var head, nodes, by001, by002, arts []string
	for _, l := range fixtureLines(t) {
		switch {
		case strings.Contains(l, `"kind":"meta"`):
			head = append(head, l)
		case strings.Contains(l, `"kind":"article"`):
			arts = append(arts, l)
		case strings.Contains(l, `"kind":"node"`):
			nodes = append(nodes, l)
		case strings.Contains(l, `"article":"001_nato_summit"`):
			by001 = append(by001, l)
		default:
			by002 = append(by002, l)
		}
	}
	out := append(head, arts[0])
	out = append(out, nodes...)
	for i := 0; i < len(by001) || i < len(by002); i++ {
		if i < len(by001) {
			out = append(out, by001[i])
		}
		if i < len(by002) {
			out = append(out, by002[i])
		}
		if i == 1 {
			out = append(out, `{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["M. Rutte"],"articles":["002_palm_beach","001_nato_summit"]}`)
		}
	}
	out = append(out, by001[0], arts[1])
	return strings.Join(out, "\n") + "\n"
}

// plans plans input from the document (graph.Read, NewPlan) and from the file (ScanPlan).
func plans(t *testing.T, input string, batchSize int) (fromDoc, scanned *Plan) {
	t.Helper()
	d, err := graph.Read(strings.NewReader(input), "in.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if fromDoc, err = NewPlan(d, "in.jsonl", batchSize); err != nil {
		t.Fatal(err)
	}
	r := strings.NewReader(input)
	if scanned, err = ScanPlan(r, r.Size(), "in.jsonl", batchSize); err != nil {
		t.Fatal(err)
	}
	return fromDoc, scanned
}

// TestScanPlanSameAsNewPlan: planning from the file, reading each batch's relationships
// back at their offsets, builds the same batches (every row) with the same load hashes
// as planning from the whole document, whatever the order of the records and line ends,
// with a fact stated twice.
func TestScanPlanSameAsNewPlan(t *testing.T) {
	inputs := map[string]string{
		"fixture":     strings.Join(fixtureLines(t), "\n") + "\n",
		"reordered":   reordered(t),
		"interleaved": interleaved(t),
	}
	_, ref := plans(t, inputs["fixture"], 500)
	for name, input := range inputs {
		for _, size := range []int{1, 500} {
			t.Run(fmt.Sprintf("%s/batch%d", name, size), func(t *testing.T) {
				a, b := plans(t, input, size)
				if !reflect.DeepEqual(a.Nodes, b.Nodes) || !reflect.DeepEqual(a.Rels, b.Rels) || a.ImpliedMentions != b.ImpliedMentions {
					t.Fatalf("counts differ: %v %v %d / %v %v %d", a.Nodes, a.Rels, a.ImpliedMentions, b.Nodes, b.Rels, b.ImpliedMentions)
				}
				// The same facts as the fixture's, each once: a fact stated again, on a
				// later visit of its article too, is dropped.
				if !reflect.DeepEqual(b.Rels, ref.Rels) || b.ImpliedMentions != ref.ImpliedMentions {
					t.Errorf("relationships %v (%d implied), want the fixture's %v (%d)", b.Rels, b.ImpliedMentions, ref.Rels, ref.ImpliedMentions)
				}
				ba, bb := built(t, a), built(t, b)
				if len(ba) != len(bb) {
					t.Fatalf("%d batches from the document, %d scanned", len(ba), len(bb))
				}
				for i := range ba {
					if !reflect.DeepEqual(ba[i], bb[i]) {
						t.Errorf("batch %d differs:\n%v\n%v", i, ba[i], bb[i])
					}
				}
			})
		}
	}
	// The duplicate statement lost: the fixture's first fact keeps its own confidence.
	_, b := plans(t, reordered(t), 500)
	for _, rows := range built(t, b)[0].Edges {
		for _, r := range rows {
			if r["props"].(map[string]any)["confidence"] == 0.11 {
				t.Errorf("the second statement of a fact was written: %v", r)
			}
		}
	}
}

// TestScanPlanErrors: an invalid input is a *graph.ValidationError, a record Neo4j cannot
// store a *PlanError naming its line; no plan either way.
func TestScanPlanErrors(t *testing.T) {
	lines := fixtureLines(t)
	for name, tc := range map[string]struct {
		edit func([]string)
		want string
		plan bool
	}{
		"invalid label": {func(l []string) { l[4] = strings.Replace(l[4], `"label":"Person"`, `"label":"Persn"`, 1) }, "in.jsonl:5:", false},
		"edge prop clashes": {func(l []string) {
			l[len(l)-1] = strings.Replace(l[len(l)-1], `"evidence"`, `"props":{"date":"x"},"evidence"`, 1)
		}, fmt.Sprintf(`in.jsonl:%d: `, len(lines)), true},
		"mixed list on a node": {func(l []string) {
			l[3] = strings.Replace(l[3], `"kind":"node",`, `"kind":"node","props":{"x":["a",1]},`, 1)
		}, "in.jsonl:4: ", true},
	} {
		t.Run(name, func(t *testing.T) {
			l := append([]string{}, lines...)
			tc.edit(l)
			r := strings.NewReader(strings.Join(l, "\n"))
			p, err := ScanPlan(r, r.Size(), "in.jsonl", 500)
			var ve *graph.ValidationError
			var pe *PlanError
			switch {
			case p != nil || err == nil:
				t.Fatalf("planned an input it should refuse (err %v)", err)
			case !strings.Contains(err.Error(), tc.want):
				t.Errorf("err %v, want it to name %q", err, tc.want)
			case tc.plan && !errors.As(err, &pe):
				t.Errorf("err %T, want *PlanError", err)
			case !tc.plan && !errors.As(err, &ve):
				t.Errorf("err %T, want *graph.ValidationError", err)
			}
		})
	}
}

// TestScanPlanKeepsNoRelationships: the plan of a file keeps where each relationship is,
// not its content. 2,000 relationships with a 10 KB sentence each (20 MB) leave the
// document path holding the sentences and the scanned plan well under 4 MB.
func TestScanPlanKeepsNoRelationships(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.jsonl")
	var buf bytes.Buffer
	buf.WriteString(`{"kind":"meta","contract":"` + graph.ContractVersion + `"}` + "\n")
	buf.WriteString(`{"kind":"node","id":"person:a","label":"Person","name":"A"}` + "\n")
	buf.WriteString(`{"kind":"node","id":"person:b","label":"Person","name":"B"}` + "\n")
	const n, sentence = 2000, 10 << 10
	for i := range n {
		fmt.Fprintf(&buf, `{"kind":"article","id":"a%d"}`+"\n", i)
		s := fmt.Sprintf("%06d ", i) + strings.Repeat("x", sentence)
		fmt.Fprintf(&buf, `{"kind":"edge","type":"MET","from":"person:a","to":"person:b","article":"a%d","evidence":{"sentence":%q,"start":0,"end":%d}}`+"\n", i, s, len(s))
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	buf = bytes.Buffer{}
	retained := func(plan func(f *os.File, size int64) (*Plan, error)) uint64 {
		f, err := os.Open(path)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		fi, _ := f.Stat()
		before := heap()
		p, err := plan(f, fi.Size())
		if err != nil {
			t.Fatal(err)
		}
		if got := p.Rels[graph.RelMet]; got != n {
			t.Fatalf("%d MET planned, want %d", got, n)
		}
		after := heap()
		runtime.KeepAlive(p)
		if after < before {
			return 0
		}
		return after - before
	}
	doc := retained(func(f *os.File, _ int64) (*Plan, error) {
		d, err := graph.Read(f, path)
		if err != nil {
			return nil, err
		}
		return NewPlan(d, path, 0)
	})
	scanned := retained(func(f *os.File, size int64) (*Plan, error) { return ScanPlan(f, size, path, 0) })
	t.Logf("heap held by the plan: %.1f MB from the document, %.1f MB scanned", float64(doc)/1e6, float64(scanned)/1e6)
	if doc < n*sentence {
		t.Errorf("the document path holds %d bytes: the test does not measure what it should", doc)
	}
	if scanned > 4<<20 {
		t.Errorf("the scanned plan holds %.1f MB of a 20 MB input", float64(scanned)/1e6)
	}
}

func heap() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// extractionLike writes n articles as extract does (articles, nodes naming them, then each
// article's relationships in a row): each article mentions 10 of 400 nodes and states two
// MET facts between them.
func extractionLike(n int) []byte {
	var buf bytes.Buffer
	buf.WriteString(`{"kind":"meta","contract":"` + graph.ContractVersion + `"}` + "\n")
	for i := range n {
		fmt.Fprintf(&buf, `{"kind":"article","id":"art-%07d","source":"corpus/art-%07d.txt","title":"Article %d: leaders meet to discuss the alliance's spending","url":"https://news.example/art-%07d","published":"2025-06-24","published_source":"metadata","words":250,"hash":"%016x"}`+"\n", i, i, i, i, i)
	}
	const nodes, per = 400, 10
	node := func(i, k int) int { return (i*7 + k*41) % nodes }
	named := make([][]string, nodes)
	for i := range n {
		for k := range per {
			named[node(i, k)] = append(named[node(i, k)], fmt.Sprintf("%q", fmt.Sprintf("art-%07d", i)))
		}
	}
	for j := range nodes {
		fmt.Fprintf(&buf, `{"kind":"node","id":"person:p%d","label":"Person","name":"P%d","aliases":["Mr P%d"],"articles":[%s]}`+"\n", j, j, j, strings.Join(named[j], ","))
	}
	for i := range n {
		for k := range per {
			fmt.Fprintf(&buf, `{"kind":"edge","type":"MENTIONS","from":"art-%07d","to":"person:p%d","article":"art-%07d","confidence":1,"rule":"MENTIONS","evidence":{"sentence":"Mr P%d said so.","start":0,"end":15},"props":{"aliases":["Mr P%d"],"count":1}}`+"\n", i, node(i, k), i, node(i, k), node(i, k))
		}
		for k := range 2 {
			fmt.Fprintf(&buf, `{"kind":"edge","type":"MET","from":"person:p%d","to":"person:p%d","article":"art-%07d","status":"reported","confidence":0.9,"rule":"met","evidence":{"sentence":"P%d met P%d.","start":0,"end":11}}`+"\n", node(i, 2*k), node(i, 2*k+1), i, node(i, 2*k), node(i, 2*k+1))
		}
	}
	return buf.Bytes()
}

// atEOF calls fn when a read reaches the end of the input: the validation pass has then read
// every record, and holds all it keeps while scanning.
type atEOF struct {
	r    *bytes.Reader
	fn   func()
	done bool
}

func (a *atEOF) ReadAt(p []byte, off int64) (int, error) {
	n, err := a.r.ReadAt(p, off)
	if off+int64(n) >= a.r.Size() && !a.done {
		a.done = true
		a.fn()
	}
	return n, err
}

// TestScanPlanBytesPerArticle: what planning a file keeps grows by a few hundred bytes per
// article at most, both at the end of the validation pass (the peak) and in the plan: not
// the article records, every relationship's place and fact, every article's nodes as
// strings, or the articles' scan states (spilled). main kept 1,845 bytes per article at
// the end of the pass and 1,028 in the plan; now about 320 and 235.
func TestScanPlanBytesPerArticle(t *testing.T) {
	const n = 5000
	in := extractionLike(n)
	before := heap()
	var scanned uint64
	src := &atEOF{r: bytes.NewReader(in), fn: func() { scanned = heap() }}
	p, err := ScanPlan(src, int64(len(in)), "in.jsonl", 0)
	if err != nil {
		t.Fatal(err)
	}
	planned := heap()
	if p.Articles() != n || p.Rels[graph.RelMentions] != 10*n {
		t.Fatalf("planned %d articles, %d MENTIONS", p.Articles(), p.Rels[graph.RelMentions])
	}
	runtime.KeepAlive(p)
	runtime.KeepAlive(in)
	per := func(h uint64) float64 {
		if h < before {
			return 0
		}
		return float64(h-before) / n
	}
	t.Logf("per article: %.0f bytes at the end of the validation pass, %.0f in the plan", per(scanned), per(planned))
	if scanned == 0 {
		t.Fatal("the input was never read to its end")
	}
	if per(scanned) > 500 {
		t.Errorf("the validation pass holds %.0f bytes per article, want at most 500", per(scanned))
	}
	if per(planned) > 300 {
		t.Errorf("the plan holds %.0f bytes per article, want at most 300", per(planned))
	}
}
