package extract

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// encode writes the document as the contract.
func encode(t testing.TB, d *graph.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	w := graph.NewWriter(&b)
	if err := w.WriteDocument(d); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// loadable reports the problems `load` would find in the document before connecting:
// graph.Read's validation, then the load plan (properties Neo4j can store).
func loadable(t testing.TB, d *graph.Document) error {
	t.Helper()
	rd, err := graph.Read(bytes.NewReader(encode(t, d)), "extraction")
	if err != nil {
		return err
	}
	_, err = neo4j.NewPlan(rd, "extraction", 0)
	return err
}

// runJSONL extracts JSON Lines records (id, published, text) with p.
func runJSONL(t testing.TB, p *Pipeline, recs ...[3]string) *Result {
	t.Helper()
	var b strings.Builder
	for _, r := range recs {
		fmt.Fprintf(&b, "{\"id\":%q,\"published\":%q,\"text\":%q}\n", r[0], r[1], r[2])
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// Every edge endpoint is a node of the output: the country or organisation of a role taken
// from the offices table, the country a capital stands for. One such sentence used to make
// the whole extraction unloadable.
func TestEveryEdgeEndpointIsANode(t *testing.T) {
	cases := []struct{ text, published, node string }{
		{"President Donald Trump met NATO Secretary General Mark Rutte in Washington on Monday.", "2025-06-02", "country:united-states"},
		{"NATO coordinates military support for Riga.", "2024-03-01", "country:latvia"},
		{"Secretary General Antonio Guterres wrapped up his visit to Liberia.", "2019-05-10", "org:united-nations"},
	}
	for _, c := range cases {
		t.Run(c.node, func(t *testing.T) {
			res := runJSONL(t, pipeline(t), [3]string{"a", c.published, c.text})
			for _, f := range res.Failed {
				t.Errorf("article left out: %v", f)
			}
			if err := loadable(t, &res.Document); err != nil {
				t.Fatalf("load would reject the extraction:\n%v", err)
			}
			found := false
			for _, n := range res.Document.Nodes {
				found = found || n.ID == c.node
			}
			if !found {
				t.Errorf("no node %s", c.node)
			}
		})
	}
}

// The two lines that crashed the resolver (overlapping mentions) extract cleanly.
func TestOverlappingMentionsNoPanic(t *testing.T) {
	text := "The Indonesia The Kremlin said the call had been requested by Baghdad.\n\nThe chancellor is due to attend the G20 summit in Luanda on Monday."
	res := runJSONL(t, pipeline(t), [3]string{"a", "2024-01-10", text})
	if len(res.Failed) > 0 || len(res.Document.Articles) != 1 {
		t.Fatalf("failed %v, articles %d", res.Failed, len(res.Document.Articles))
	}
	if err := loadable(t, &res.Document); err != nil {
		t.Fatal(err)
	}
}

var threeArticles = [][3]string{
	{"a", "2024-05-01", "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday."},
	{"b", "2024-05-02", "Olaf Scholz criticized Hungarian Prime Minister Viktor Orban in Brussels on Tuesday."},
	{"c", "2024-05-03", "Scholz visited Kyiv on Wednesday and met Ukrainian President Volodymyr Zelensky."},
}

// A panic in one article leaves that article out, named with its stage and reason; the
// rest is exactly what a run without it gives.
func TestPanickingArticleLeftOut(t *testing.T) {
	p, err := New(Options{Workers: 2, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	p.hooks.local = func(d *article.Doc) {
		if d.Meta.ID == "b" {
			var m []int
			_ = m[3] // index out of range
		}
	}
	res := runJSONL(t, p, threeArticles...)
	want := runJSONL(t, pipeline(t), threeArticles[0], threeArticles[2])
	checkLeftOut(t, res, want, "b", "local", "index out of range")
}

// A panic in the cross-article resolution is pinned on the article that makes it panic
// alone; that article is left out and the rest is what a run without it gives.
func TestPanicAcrossArticlesLeftOut(t *testing.T) {
	p, err := New(Options{Workers: 2, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	p.hooks.global = func(rs []*resolve.Result) {
		for _, r := range rs {
			if r.Doc.Meta.ID == "b" {
				var m map[string]int
				m["x"]++ // assignment to entry in nil map
			}
		}
	}
	res := runJSONL(t, p, threeArticles...)
	want := runJSONL(t, pipeline(t), threeArticles[0], threeArticles[2])
	checkLeftOut(t, res, want, "b", "resolve", "nil map")
}

// An article whose records would not validate (an edge to a node nobody emits) is left
// out; the rest is what a run without it gives, and validates.
func TestInvalidArticleLeftOut(t *testing.T) {
	p, err := New(Options{Workers: 2, Parse: true})
	if err != nil {
		t.Fatal(err)
	}
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		if d.Meta.ID == "b" && len(es) > 0 {
			e := es[0]
			e.Type, e.To = graph.RelSupported, "country:nowhere"
			es = append(es, e)
		}
		return es
	}
	res := runJSONL(t, p, threeArticles...)
	want := runJSONL(t, pipeline(t), threeArticles[0], threeArticles[2])
	checkLeftOut(t, res, want, "b", "validate", "country:nowhere")
}

func checkLeftOut(t *testing.T, res, want *Result, id, stage, reason string) {
	t.Helper()
	if len(res.Failed) != 1 || res.Failed[0].ID != id || res.Failed[0].Stage != stage || !strings.Contains(res.Failed[0].Reason, reason) {
		t.Fatalf("failed = %v; want article %s left out at %s with %q", res.Failed, id, stage, reason)
	}
	if !strings.Contains(res.Failed[0].Error(), "in.jsonl") {
		t.Errorf("message %q does not name the source", res.Failed[0].Error())
	}
	if err := loadable(t, &res.Document); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*graph.Document{&res.Document, &want.Document} {
		for i := range d.Articles {
			d.Articles[i].Source = filepath.Base(d.Articles[i].Source) // two temporary folders
		}
	}
	got, exp := encode(t, &res.Document), encode(t, &want.Document)
	if !bytes.Equal(got, exp) {
		t.Errorf("output differs from a run without article %s:\n%s\nwant\n%s", id, got, exp)
	}
}

// extractDocs runs the pipeline's stages on texts without the reader, so that a panic
// surfaces in the test (with the text that caused it) instead of being recovered.
func extractDocs(t testing.TB, p *Pipeline, texts []string, published func(i int) string) *Result {
	t.Helper()
	res, bad, err := tryExtract(p, texts, published)
	if bad >= 0 {
		t.Fatalf("%v on article text:\n%s", err, texts[bad])
	}
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// tryExtract is extractDocs without a test: it returns the index of the text whose
// per-article stages panicked (else -1) with the panic.
func tryExtract(p *Pipeline, texts []string, published func(i int) string) (res *Result, bad int, err error) {
	sp, err := newSpill()
	if err != nil {
		return nil, -1, err
	}
	defer sp.close()
	for i, text := range texts {
		d := &article.Doc{Meta: graph.Article{ID: fmt.Sprintf("g%05d", i), Source: "gen", Published: published(i)}, Text: text}
		var rec []byte
		var encErr error
		if err := guard(func() { rec, encErr = encodeArticle(d, p.local(d), p.syn != nil) }); err != nil {
			return nil, i, err
		}
		if encErr != nil {
			return nil, -1, encErr
		}
		if err := sp.add(d.Meta, rec); err != nil {
			return nil, -1, err
		}
	}
	res = &Result{}
	var out bytes.Buffer
	if err := p.assembleSpill(context.Background(), sp, &out, res, true); err != nil {
		return nil, -1, err
	}
	return res, -1, res.decode(out.Bytes())
}

var genDates = []string{"", "2019-05-10", "2021-06-13", "2023-02-24", "2025-06-02"}

// TestRandomArticles is the property test: thousands of random articles built from the
// lexicons, the cue verbs and the corpus sentences (gen_test.go) give no panic, leave no
// article out and validate as load validates.
func TestRandomArticles(t *testing.T) {
	n, batch := 3000, 250
	if testing.Short() {
		n = 500
	}
	if v, err := strconv.Atoi(os.Getenv("NEWSGRAPH_RANDOM_ARTICLES")); err == nil && v > 0 {
		n = v // a longer run: NEWSGRAPH_RANDOM_ARTICLES=50000 go test ./extract -run TestRandomArticles
	}
	g := newArticleGen(t, 1)
	p := pipeline(t)
	tried := 0
	for start := 0; start < n; start += batch {
		texts := make([]string, batch)
		for i := range texts {
			texts[i] = g.article()
		}
		res := extractDocs(t, p, texts, func(i int) string { return genDates[(start+i)%len(genDates)] })
		for _, f := range res.Failed {
			t.Errorf("%v\ntext:\n%s", f, texts[articleIndex(f.ID)])
		}
		if err := loadable(t, &res.Document); err != nil {
			t.Fatalf("batch at %d does not validate:\n%v", start, err)
		}
		tried += batch
	}
	t.Logf("%d random articles tried", tried)
}

func articleIndex(id string) int {
	var i int
	fmt.Sscanf(id, "g%d", &i)
	return i
}

// FuzzExtract: no text makes a stage panic or gives an output that does not validate.
func FuzzExtract(f *testing.F) {
	g := newArticleGen(f, 7)
	for i := 0; i < 20; i++ {
		f.Add(g.article(), "2024-03-01")
	}
	f.Add("The Indonesia The Kremlin said the call had been requested by Baghdad.\n\nThe chancellor is due to attend the G20 summit in Luanda on Monday.", "2024-01-01")
	f.Add("Secretary General Antonio Guterres wrapped up his visit to Liberia.", "2019-05-10")
	f.Add("Joe Biden said:\nI condemn the attack by Russia's regime, accusing it of crimes.", "2024-01-01")
	p, err := New(Options{Workers: 1, Parse: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, published string) {
		if !graphDate(published) {
			published = ""
		}
		text = strings.ToValidUTF8(text, "")
		type outcome struct {
			res *Result
			bad int
			err error
		}
		done := make(chan outcome, 1)
		go func() {
			res, bad, err := tryExtract(p, []string{text}, func(int) string { return published })
			done <- outcome{res, bad, err}
		}()
		var res *Result
		select {
		case o := <-done:
			if o.err != nil {
				t.Fatalf("%v on %q", o.err, text)
			}
			res = o.res
		case <-time.After(20 * time.Second): // a hang is a failure too
			t.Fatalf("no result after 20 s for %q (published %q)", text, published)
		}
		for _, fl := range res.Failed {
			t.Errorf("%v", fl)
		}
		if err := loadable(t, &res.Document); err != nil {
			t.Fatal(err)
		}
	})
}

func graphDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, c := range s {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}
