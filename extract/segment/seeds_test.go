package segment_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/clean"
	"github.com/newsgraph/newsgraph/extract/read"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// seedDir returns ../shared/corpus/seeds beside the repository root, or "".
func seedDir() string { return shared.Seeds() }

func seedTexts(tb testing.TB) (names, texts []string) {
	tb.Helper()
	dir := seedDir()
	if dir == "" {
		tb.Skip("../shared/corpus/seeds not found")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		names = append(names, filepath.Base(f))
		texts = append(texts, string(b))
	}
	if len(texts) == 0 {
		tb.Skip("no seed articles")
	}
	return names, texts
}

// TestSeeds runs read, clean and segment over the seed articles: every sentence lies in
// a kept block, tokens cover the sentence's words, and no sentence is a run-on across a
// line.
func TestSeeds(t *testing.T) {
	dir := seedDir()
	if dir == "" {
		t.Skip("../shared/corpus/seeds not found")
	}
	r := read.New(read.Options{})
	n := 0
	for d, err := range r.Docs(dir) {
		if err != nil {
			t.Fatal(err)
		}
		n++
		clean.Clean(d)
		segment.Segment(d)
		if len(d.Sentences) < 10 {
			t.Errorf("%s: only %d sentences", d.Meta.ID, len(d.Sentences))
		}
		bi := 0
		for _, s := range d.Sentences {
			for bi < len(d.Blocks) && d.Blocks[bi].End <= s.Start {
				bi++
			}
			if bi == len(d.Blocks) || s.Start < d.Blocks[bi].Start || s.End > d.Blocks[bi].End {
				t.Fatalf("%s: sentence %v outside the kept blocks", d.Meta.ID, s.Span)
			}
			txt := d.Text[s.Start:s.End]
			var words int
			for _, k := range s.Tokens {
				if d.Text[k.Start:k.End] != k.Text || k.Start < s.Start || k.End > s.End {
					t.Fatalf("%s: bad token %v %q", d.Meta.ID, k.Span, k.Text)
				}
				words++
			}
			if words < len(strings.Fields(txt)) {
				t.Errorf("%s: %d tokens for %d words in %q", d.Meta.ID, words, len(strings.Fields(txt)), txt)
			}
			if testing.Verbose() {
				t.Logf("%s %q", d.Meta.ID, txt)
			}
		}
	}
	if n != 5 {
		t.Logf("read %d seed articles", n)
	}
}

type corpus struct {
	docs         []*article.Doc
	bytes, words int
}

// build repeats the seed texts to about 1 MB, cleaned when clean is true.
func build(tb testing.TB, cleanIt bool) corpus {
	_, texts := seedTexts(tb)
	var c corpus
	for c.bytes < 1<<20 {
		for _, t := range texts {
			d := &article.Doc{Text: t}
			if cleanIt {
				clean.Clean(d)
			}
			c.docs = append(c.docs, d)
			c.bytes += len(t)
			c.words += read.CountWords(t)
		}
	}
	return c
}

// BenchmarkSegment: sentences and tokens of cleaned documents. words/s counts the words of
// the whole text (as the pipeline's target does), MB/s its bytes.
func BenchmarkSegment(b *testing.B) {
	c := build(b, true)
	b.SetBytes(int64(c.bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range c.docs {
			segment.Segment(d)
		}
	}
	b.ReportMetric(float64(c.words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkReadCleanSegment: the first three stages on in-memory text.
func BenchmarkReadCleanSegment(b *testing.B) {
	names, texts := seedTexts(b)
	total, words := 0, 0
	var in [][]byte
	var paths []string
	for total < 1<<20 {
		for i, t := range texts {
			in = append(in, []byte(t))
			paths = append(paths, names[i])
			total += len(t)
			words += read.CountWords(t)
		}
	}
	r := read.New(read.Options{})
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range in {
			for d, err := range r.Bytes(paths[j], in[j]) {
				if err != nil {
					b.Fatal(err)
				}
				clean.Clean(d)
				segment.Segment(d)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}
