package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

// partialError says some inputs could not be read or some articles were left out; the
// other articles were extracted (exit 3).
type partialError struct {
	unread, leftOut, written int
}

// Partial makes exit.go map the error to exit code 3.
func (e partialError) Partial() bool { return true }

func (e partialError) Error() string {
	var what []string
	if e.unread > 0 {
		what = append(what, fmt.Sprintf("%d input%s could not be read", e.unread, plural(e.unread)))
	}
	if e.leftOut > 0 {
		what = append(what, fmt.Sprintf("%d article%s left out", e.leftOut, plural(e.leftOut)))
	}
	return fmt.Sprintf("%s (listed above); the other %d article%s were extracted", strings.Join(what, " and "), e.written, plural(e.written))
}

// errNothingRead: every input failed, no article was extracted (exit 1).
var errNothingRead = errors.New("no article could be extracted: every input failed (listed above)")

// outcome is the error a run with these results ends with: nil, errNothingRead or a
// partialError.
func outcome(res *extract.Result) error {
	unread, leftOut, written := len(res.Errors), len(res.Failed), res.Articles
	switch {
	case unread+leftOut == 0:
		return nil
	case written == 0:
		return errNothingRead
	}
	return partialError{unread: unread, leftOut: leftOut, written: written}
}

type extractOptions struct {
	paths   []string
	output  string
	workers int
	explain bool
}

func extractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "extract",
		Usage:     "extract entities and relationships from articles into the JSON Lines contract",
		ArgsUsage: "PATH... (files, directories, - for stdin, http(s):// article or feed URLs)",
		Description: `Reads .txt, .md, .html and .jsonl (id,title,url,published,text) files, directories
recursively, - for standard input, and http(s):// URLs of articles or of RSS, Atom and
JSON feeds (every item's page is fetched; settings fetch.*). Cleans away what is not the
article; finds people, countries, organizations, places and events, resolves them within
and across articles, and finds who met, pressured, criticized, supported, visited,
attended or hosted whom.
Writes the JSON Lines contract (docs/contract.md) that ` + "`newsgraph load`" + ` reads.
Same input, byte-identical output.

A file that cannot be read (binary, invalid UTF-8, empty, over the size cap, HTML without
text, a malformed .jsonl line) is named on stderr with the reason; the rest is processed
and the exit code is 3 (1 when no input could be read at all). The output is checked with
the validator load uses: an article on which a stage fails, or whose records would not
validate, is left out and named on stderr (exit 3); an article in which nothing was found
is named in a warning. Ctrl-C stops the run at once (exit 130); -o is written to a
temporary file renamed into place, so it is never half-written.

Examples:
   newsgraph extract ../shared/corpus/seeds -o out/seeds.jsonl
   newsgraph extract article.html --explain > out.jsonl      # merges explained on stderr
   cat story.txt | newsgraph extract -
   newsgraph extract https://example.org/news/rss.xml -o out/feed.jsonl
   newsgraph extract corpus.jsonl --shard 2/8 -o out/part-2.jsonl   # machine 3 of 8`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (written whole, then renamed) instead of stdout"},
			&cli.IntFlag{Name: "workers", Usage: "articles processed at once (default: extract.workers, else the number of CPUs)"},
			&cli.BoolFlag{Name: "explain", Usage: "print every resolver merge and the reason for it on stderr"},
			parserFlag(),
			beamFlag(),
			&cli.StringFlag{Name: "shard", Usage: "extract only part `I/N` of the input (0 <= I < N), chosen by a hash of each article's id (of its URL for web articles), so N machines split one input"},
		},
		Action: func(c *cli.Context) error {
			if err := e.setup(c); err != nil {
				return err
			}
			if c.NArg() == 0 {
				return usagef("extract", "no input: give files, directories or - for stdin")
			}
			o := extractOptions{paths: c.Args().Slice(), output: c.String("output"), workers: c.Int("workers"), explain: c.Bool("explain")}
			return runExtract(c, e, o)
		},
	}
}

// extraction runs the pipeline as configured, writing the output to w, and reports
// unreadable inputs on stderr.
func (e *env) extraction(c *cli.Context, paths []string, workers int, progress func(done, words int), w io.Writer, explain bool) (*extract.Result, error) {
	if workers <= 0 {
		workers = e.cfg.Extract.Workers
	}
	keep, err := shardFilter(c)
	if err != nil {
		return nil, err
	}
	p, err := extract.New(extract.Options{
		Workers: workers, MaxBytes: int64(e.cfg.Extract.MaxFileBytes), LexiconDir: e.cfg.Extract.LexiconDir,
		Stdin: e.stdin, Progress: progress,
		Notify: func(path, reason string) { e.log.Debug("skipped", "path", path, "reason", reason) },
		Remote: e.webSource(c.Context, keep).Docs, Keep: keep,
		Parse:        true, // the recognizer reads the tagger's proper nouns
		SingleParser: e.cfg.Extract.Parser == "single", FastParser: e.cfg.Extract.Parser == "fast", Beam: e.cfg.Extract.Beam,
		Explain: explain,
	})
	if err != nil {
		return nil, err
	}
	defer limitMemory(model.OffHeap())() // after New: the parser's tables are loaded
	res, err := p.Extract(c.Context, w, paths...)
	if res != nil && err == nil {
		for _, fe := range res.Errors {
			fmt.Fprintf(e.stderr, "newsgraph: %s\n", fe)
		}
		for _, f := range res.Failed {
			fmt.Fprintf(e.stderr, "newsgraph: %s\n", f)
		}
		for _, a := range res.Empty {
			fmt.Fprintf(e.stderr, "newsgraph: warning: %s: article %s (%d words): no entity or relationship found\n", a.Source, a.ID, a.Words)
		}
	}
	return res, err
}

func runExtract(c *cli.Context, e *env, o extractOptions) error {
	start := time.Now()
	out, err := newOutput(o.output)
	if err != nil {
		return err
	}
	defer out.discard()
	res, err := e.extraction(c, o.paths, o.workers, nil, out.f, o.explain)
	if err != nil {
		return err
	}
	if o.explain {
		writeExplain(e.stderr, res)
	}
	if errors.Is(outcome(res), errNothingRead) {
		return errNothingRead
	}
	if err := out.commit(c.Context, e.stdout); err != nil {
		return err
	}
	el := time.Since(start)
	fmt.Fprintf(e.stderr, "extracted %d articles (%d words) -> %d nodes, %d relationships in %s (%.0f words/s)\n",
		res.Articles, res.Words, res.Nodes, res.Edges,
		el.Round(time.Millisecond), float64(res.Words)/el.Seconds())
	return outcome(res)
}

// output is where extract writes: a temporary file, renamed into place (-o) or copied to
// standard output once the run succeeded, so that a failed or interrupted run never leaves
// half a file (nor anything on standard output).
type output struct {
	f    *os.File
	path string // "" for standard output
	done bool
}

// newOutput makes the temporary file of an output to path ("" or "-": standard output),
// next to it so that the rename is atomic.
func newOutput(path string) (*output, error) {
	if path == "" || path == "-" {
		f, err := os.CreateTemp("", "newsgraph-extract-*.jsonl")
		if err != nil {
			return nil, fmt.Errorf("writing output: %w", err)
		}
		return &output{f: f}, nil
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", dir, err)
		}
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, fmt.Errorf("writing %s: %w", path, err)
	}
	return &output{f: f, path: path}, nil
}

// commit puts the output in place: renamed to its path, or copied to w.
func (o *output) commit(ctx context.Context, w io.Writer) error {
	name := o.path
	if name == "" {
		name = "output"
	}
	err := ctx.Err() // interrupted: the old file (if any) stays as it was
	if err == nil && o.path == "" {
		if _, err = o.f.Seek(0, io.SeekStart); err == nil {
			_, err = io.Copy(w, o.f)
		}
	}
	if cerr := o.f.Close(); err == nil {
		err = cerr
	}
	if err == nil && o.path != "" {
		err = os.Rename(o.f.Name(), o.path)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	o.done = o.path != ""
	return nil
}

// discard removes the temporary file (after commit, only the copy for standard output).
func (o *output) discard() {
	if o.done {
		return
	}
	o.f.Close()
	os.Remove(o.f.Name())
}

// writeExplain prints the resolver's decisions grouped by entity.
func writeExplain(w io.Writer, res *extract.Result) {
	ms := append(res.Merges[:0:0], res.Merges...)
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Entity != ms[j].Entity {
			return ms[i].Entity < ms[j].Entity
		}
		return ms[i].Article < ms[j].Article
	})
	fmt.Fprintf(w, "resolver decisions (%d):\n", len(ms))
	for _, m := range ms {
		fmt.Fprintf(w, "  %-36s <- %q in %s: %s\n", m.Entity, m.Mention, m.Article, m.Reason)
	}
}
