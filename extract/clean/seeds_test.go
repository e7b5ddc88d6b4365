package clean

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// sharedDir returns ../shared beside the repository root, or "" when absent.
func sharedDir() string {
	if shared.Seeds() == "" {
		return ""
	}
	return shared.Dir()
}

type seed struct {
	key, name string
	text      string
}

func loadSeeds(tb testing.TB) []seed {
	tb.Helper()
	sharedPath := sharedDir()
	if sharedPath == "" {
		tb.Skip("../shared/corpus/seeds not found")
	}
	files, _ := filepath.Glob(filepath.Join(sharedPath, "corpus", "seeds", "*.txt"))
	sort.Strings(files)
	if len(files) == 0 {
		tb.Skip("no seed articles")
	}
	var out []seed
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		base := filepath.Base(f)
		out = append(out, seed{key: strings.SplitN(base, "_", 2)[0], name: base, text: string(b)})
	}
	return out
}

type gold struct {
	Forbidden map[string][]string `json:"forbidden"`
	Entities  []struct {
		Type  string            `json:"type"`
		Names []string          `json:"names"`
		Docs  map[string]string `json:"docs"`
	} `json:"entities"`
}

func loadGold(tb testing.TB) *gold {
	b, err := os.ReadFile(filepath.Join(sharedDir(), "eval", "seeds_gold.json"))
	if err != nil {
		tb.Skip("no seeds_gold.json")
	}
	var g gold
	if err := json.Unmarshal(b, &g); err != nil {
		tb.Fatal(err)
	}
	return &g
}

// TestSeeds: on the real scrapes, no boilerplate name survives in a kept block, and
// every name an analyst must find in the article is still in a kept block (the cleaner
// does not throw article text away).
func TestSeeds(t *testing.T) {
	seeds := loadSeeds(t)
	g := loadGold(t)
	for _, s := range seeds {
		t.Run(s.name, func(t *testing.T) {
			d := &article.Doc{Text: s.text}
			Clean(d)
			checkInvariants(t, d)
			var b strings.Builder
			for _, k := range kept(d) {
				b.WriteString(k)
				b.WriteByte('\n')
			}
			body := b.String()
			for _, f := range g.Forbidden[s.key] {
				if strings.Contains(body, f) {
					t.Errorf("boilerplate %q survives in a kept block", f)
				}
			}
			for _, e := range g.Entities {
				if e.Docs[s.key] != "must" || e.Type == "Event" {
					continue
				}
				inText, inBody := false, false
				for _, n := range e.Names {
					inText = inText || strings.Contains(s.text, n)
					inBody = inBody || strings.Contains(body, n)
				}
				if inText && !inBody {
					t.Errorf("must-have %s %q dropped with the boilerplate", e.Type, e.Names[0])
				}
			}
			for _, b := range d.Blocks {
				if strings.Contains(d.Text[b.Start:b.End], "\n") {
					t.Errorf("block %q spans lines: the seeds are not hard-wrapped", d.Text[b.Start:b.End])
				}
			}
			if len(d.Blocks) < 5 {
				t.Errorf("only %d blocks kept", len(d.Blocks))
			}
			if t.Failed() || testing.Verbose() {
				t.Logf("title=%q published=%q (%s)", d.Meta.Title, d.Meta.Published, d.Meta.PublishedSource)
				for _, x := range d.Dropped {
					t.Logf("drop %-13s %.70q", x.Reason, d.Text[x.Start:x.End])
				}
			}
		})
	}
}

func words(s string) int { return len(strings.Fields(s)) }

// BenchmarkClean runs the cleaner on a corpus made by repeating the seed articles.
func BenchmarkClean(b *testing.B) {
	seeds := loadSeeds(b)
	var docs []string
	total, nwords := 0, 0
	for total < 1<<20 {
		for _, s := range seeds {
			docs = append(docs, s.text)
			total += len(s.text)
			nwords += words(s.text)
		}
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, t := range docs {
			d := &article.Doc{Text: t}
			Clean(d)
		}
	}
	b.ReportMetric(float64(nwords)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
