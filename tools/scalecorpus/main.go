// Command scalecorpus writes a synthetic news corpus of any size as JSON Lines, for benchmarks
// (make bench) and scale tests. It recombines the sentences of real articles (plain-text files
// and the "text" field of .jsonl records under the given paths) and swaps the countries, office
// holders, organisations and cities it finds in them for others from the lexicon tables, so that
// the graph grows in nodes and edges, not only in repeats. Ids are unique (scale-0000000...),
// dates spread over 2015–2026. Deterministic: the same sources, -seed and -n give the same bytes.
//
//	go run ./tools/scalecorpus -n 10000 -seed 1 ../shared/corpus/seeds corpus/sample > out/scale.jsonl
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/lexicon"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("o", "-", "output file (- = stdout)")
	data := flag.String("lexicon", "extract/lexicon/data", "directory of organizations.tsv and places.tsv")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: scalecorpus [-n N] [-seed S] [-o FILE] [-lexicon DIR] SOURCE...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*n, *seed, *out, *data, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "scalecorpus:", err)
		os.Exit(1)
	}
}

func run(n int, seed uint64, out, data string, sources []string) error {
	texts, err := readSources(sources)
	if err != nil {
		return err
	}
	c, err := NewCorpus(texts, lexicon.Default(), data)
	if err != nil {
		return err
	}
	w := os.Stdout
	if out != "-" {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	return c.Generate(w, n, seed)
}

// readSources returns the texts of the .txt and .md files and of the .jsonl records under the
// paths, in sorted path order (other files are skipped).
func readSources(paths []string) ([]string, error) {
	var files []string
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	sort.Strings(files)
	var texts []string
	for _, f := range files {
		got, err := readFile(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f, err)
		}
		texts = append(texts, got...)
	}
	return texts, nil
}

func readFile(path string) ([]string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md":
		b, err := os.ReadFile(path)
		return []string{string(b)}, err
	case ".jsonl":
		return readJSONL(path)
	}
	return nil, nil
}

func readJSONL(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var rec struct {
			Text string `json:"text"`
		}
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		texts = append(texts, rec.Text)
	}
	return texts, sc.Err()
}
