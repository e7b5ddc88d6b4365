package extract

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// liveHeap is the heap the last collection found live, after two collections.
func liveHeap() uint64 {
	runtime.GC()
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// sameEntityArticles makes n articles (JSON Lines records) that name the same people,
// countries, places and events (the three test articles' sentences together, dates in one
// month), each with its own id: what the run keeps per article is then what grows.
func sameEntityArticles(n int) [][3]string {
	var text []string
	for _, a := range threeArticles {
		text = append(text, a[2])
	}
	recs := make([][3]string, n)
	for i := range recs {
		recs[i] = [3]string{fmt.Sprintf("art-%06d", i), fmt.Sprintf("2024-05-%02d", 1+i%28), strings.Join(text, " ")}
	}
	return recs
}

// The cross-article stages hold a few bytes per article, not its strings: measured as
// the live heap while the last article is related and once every record has validated (the
// two points where the most is held: the entity nodes with their articles, the ids, the
// validator's sets), in a run of 1,000 articles and one of 5,000; the difference, divided by
// the 4,000 articles more, is what each article costs (the pipeline's own tables and
// whatever a run holds once cancel out). The entities are the same in every article, so
// that nothing but the articles grows. Main held 317 and 438 bytes per article (the nodes'
// article lists as strings, every merged mention, the validator's map of the articles
// found, the spill index with each article's source); now about 60 and 130 (the ids, the
// validator's map of them, a byte or two per node naming an article).
func TestCrossStateBytesPerArticle(t *testing.T) {
	const small, large = 1000, 5000
	p, err := New(Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	r1, v1 := crossState(t, p, small)
	r2, v2 := crossState(t, p, large)
	per := func(a, b uint64) float64 {
		if b < a {
			return 0
		}
		return float64(b-a) / (large - small)
	}
	rel, val := per(r1, r2), per(v1, v2)
	t.Logf("live heap while the last article is related: %d bytes (%d articles), %d (%d); once validated: %d, %d", r1, small, r2, large, v1, v2)
	t.Logf("per article: %.0f bytes while the last article is related, %.0f once every record has validated", rel, val)
	if rel > 120 {
		t.Errorf("%.0f bytes per article held while the last article is related, want at most 120", rel)
	}
	if val > 200 {
		t.Errorf("%.0f bytes per article held once every record has validated, want at most 200", val)
	}
}

// crossState runs n articles and returns the live heap while the last one is related and
// once every record has validated.
func crossState(t *testing.T, p *Pipeline, n int) (related, validated uint64) {
	t.Helper()
	recs := sameEntityArticles(n)
	last := recs[n-1][0]
	p.hooks.relate = func(d *article.Doc, es []graph.Edge) []graph.Edge {
		if d.Meta.ID == last {
			related = liveHeap()
		}
		return es
	}
	p.hooks.validated = func() { validated = liveHeap() }
	defer func() { p.hooks.relate, p.hooks.validated = nil, nil }()
	res := extractJSONL(t, p, recs...)
	if res.Articles != n || res.Edges < 4*n {
		t.Fatalf("%d articles and %d edges written, want %d and at least %d", res.Articles, res.Edges, n, 4*n)
	}
	if related == 0 || validated == 0 {
		t.Fatal("the last article was never related, or the records never validated")
	}
	return related, validated
}

// extractJSONL runs Extract (what the CLI runs: no merges collected, the output written
// as it is made) on records, the output discarded.
func extractJSONL(t testing.TB, p *Pipeline, recs ...[3]string) *Result {
	t.Helper()
	var b strings.Builder
	for _, r := range recs {
		fmt.Fprintf(&b, "{\"id\":%q,\"published\":%q,\"text\":%q}\n", r[0], r[1], r[2])
	}
	path := filepath.Join(t.TempDir(), "in.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := p.Extract(context.Background(), io.Discard, path)
	if err != nil {
		t.Fatal(err)
	}
	return res
}
