package extract

import (
	"context"
	"io"
	"os"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/read"
	"github.com/newsgraph/newsgraph/extract/resolve"
)

// BenchmarkStages times each stage of the pipeline on its own, on one goroutine, over the
// corpus named by NEWSGRAPH_BENCH_CORPUS (a file or folder; make bench gives it the scale
// corpus) or about 1 MB built from the seed corpus. Each stage reports words/s (the words of
// the articles it processed over the time spent in that stage alone). Stages: read, clean,
// segment, parse (off in the CLI today, timed here all the same), recognize, resolve (per
// article, then across articles), relate. NEWSGRAPH_BENCH_PARSER=fast or single parses as
// extract.parser does (default: the ensemble).
func BenchmarkStages(b *testing.B) {
	src := os.Getenv("NEWSGRAPH_BENCH_CORPUS")
	if src == "" {
		src = benchCorpus(b, 1<<20)
	}
	parser := os.Getenv("NEWSGRAPH_BENCH_PARSER")
	p, err := New(Options{Workers: 1, Parse: true, FastParser: parser == "fast", SingleParser: parser == "single"})
	if err != nil {
		b.Fatal(err)
	}
	spent := map[string]time.Duration{}
	words, sentences, bytes := 0, 0, 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		docs, w := timeRead(b, src, spent)
		words += w
		results := make([]*resolve.Result, 0, len(docs))
		for _, d := range docs {
			bytes += len(d.Text)
			results = append(results, p.timeLocal(d, spent))
			sentences += len(d.Sentences)
		}
		t := time.Now()
		p.res.Global(results)
		spent["resolve"] += time.Since(t)
		t = time.Now()
		for _, r := range results {
			p.rel.Relate(r)
		}
		spent["relate"] += time.Since(t)
	}
	b.StopTimer()
	b.ReportMetric(float64(words)/float64(b.N), "words")
	b.ReportMetric(float64(sentences)/float64(b.N), "sentences")
	b.ReportMetric(float64(bytes)/float64(b.N), "bytes")
	for _, s := range []string{"read", "clean", "segment", "parse", "recognize", "resolve", "relate"} {
		b.ReportMetric(float64(words)/spent[s].Seconds(), s+"-words/s")
	}
}

func timeRead(b *testing.B, src string, spent map[string]time.Duration) ([]*article.Doc, int) {
	t := time.Now()
	var docs []*article.Doc
	words := 0
	for d, err := range read.New(read.Options{}).Docs(src) {
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	spent["read"] += time.Since(t)
	for _, d := range docs {
		words += d.Meta.Words
	}
	return docs, words
}

// timeLocal runs the per-article stages of p.local, timing each.
func (p *Pipeline) timeLocal(d *article.Doc, spent map[string]time.Duration) *resolve.Result {
	t := time.Now()
	p.cl.Clean(d)
	t1 := time.Now()
	p.seg.Segment(d)
	t2 := time.Now()
	p.syn.Parse(d)
	tp := time.Now()
	p.rec.Recognize(d)
	t3 := time.Now()
	r := p.res.Local(d)
	t4 := time.Now()
	spent["clean"] += t1.Sub(t)
	spent["segment"] += t2.Sub(t1)
	spent["parse"] += tp.Sub(t2)
	spent["recognize"] += t3.Sub(tp)
	spent["resolve"] += t4.Sub(t3)
	return r
}

// BenchmarkGlobal times the cross-article resolution alone (resolve.Global) over the
// articles of NEWSGRAPH_BENCH_CORPUS (or about 1 MB of the seed corpus), their own stages run
// beforehand without the parser (which would take minutes at 10k articles): its time must
// grow about linearly with the corpus (`-benchtime 1x` on the 1k and 10k scale corpora).
func BenchmarkGlobal(b *testing.B) {
	src := os.Getenv("NEWSGRAPH_BENCH_CORPUS")
	if src == "" {
		src = benchCorpus(b, 1<<20)
	}
	p, err := New(Options{Workers: 1})
	if err != nil {
		b.Fatal(err)
	}
	articles := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		docs, _ := timeRead(b, src, map[string]time.Duration{})
		results := make([]*resolve.Result, len(docs))
		for k, d := range docs {
			results[k] = p.local(d)
		}
		sort.Slice(results, func(i, j int) bool { return results[i].Doc.Meta.ID < results[j].Doc.Meta.ID })
		articles += len(results)
		b.StartTimer()
		p.res.Global(results)
	}
	b.ReportMetric(float64(articles)/float64(b.N), "articles")
}

// BenchmarkExtractCorpus runs the whole pipeline as `newsgraph extract` does
// (Pipeline.Extract, the output written to a discarded stream) over the corpus named by
// NEWSGRAPH_BENCH_CORPUS (or about 1 MB of the seed corpus), with NEWSGRAPH_BENCH_PARSER
// (fast, single or the ensemble) and NEWSGRAPH_BENCH_WORKERS workers (default 1): the
// benchmark to profile the stages other than the parser with (`-cpuprofile`, `-memprofile`;
// docs/performance.md, The pipeline around the fast parser). It reports words per second
// of wall time; the model load is outside the timer.
func BenchmarkExtractCorpus(b *testing.B) {
	src := os.Getenv("NEWSGRAPH_BENCH_CORPUS")
	if src == "" {
		src = benchCorpus(b, 1<<20)
	}
	parser := os.Getenv("NEWSGRAPH_BENCH_PARSER")
	workers, _ := strconv.Atoi(os.Getenv("NEWSGRAPH_BENCH_WORKERS"))
	if workers <= 0 {
		workers = 1
	}
	p, err := New(Options{Workers: workers, Parse: true, FastParser: parser == "fast", SingleParser: parser == "single"})
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := p.Extract(context.Background(), io.Discard, src)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Failed)+len(res.Errors) > 0 {
			b.Fatalf("%d articles left out, %d inputs not read", len(res.Failed), len(res.Errors))
		}
		words += res.Words
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
