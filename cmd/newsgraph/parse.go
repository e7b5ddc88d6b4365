package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

type parseOptions struct {
	paths   []string
	input   string // "text" or "conllu"
	output  string // "" or "-" for stdout
	clean   bool
	workers int
}

func parseCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "parse",
		Usage:     "tag and parse sentences into Universal Dependencies trees (CoNLL-U)",
		ArgsUsage: "PATH... (files, directories of articles, or - for stdin)",
		Description: `Splits text into sentences and words as the UD English EWT treebank does, tags each
word (UPOS, Penn XPOS, lemma) and gives it a head and a dependency relation, with the model
that the extract pipeline uses (trained on UD English EWT v2.15, CC BY-SA 4.0). Writes
CoNLL-U: "# sent_id = ARTICLE-N", "# text = ...", one line per word (ID FORM LEMMA UPOS
XPOS FEATS HEAD DEPREL DEPS MISC), SpaceAfter=No in MISC where no space follows.

--input text (default) reads articles as extract does (.txt, .md, .html, .jsonl, - for
stdin) and parses every line; --clean parses only the text the cleaner keeps, which is
what extract analyses. An input that cannot be read is named on stderr with the reason;
the rest is parsed and the exit code is 3.

--input conllu reads CoNLL-U files (or - for stdin) and keeps each sentence's words
exactly (same sentences, same words and order, comments and multiword-token lines
kept); it ignores the given tags and trees and predicts them. Use it to measure the
parser on a treebank. A malformed file is reported as FILE:LINE: message, the other
files are still parsed, and the exit code is 1; -o FILE is then not written.

Examples:
   echo "NATO chief Mark Rutte met Trump on Friday." | newsgraph parse -
   newsgraph parse ../shared/corpus/seeds -o out/seeds.conllu
   newsgraph parse --clean article.html
   newsgraph parse --input conllu ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu -o p.conllu
   python3 ../shared/eval/ud_score.py ../shared/data/ud-english-ewt/en_ewt-ud-test.conllu p.conllu`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "input", Value: "text", Usage: "input `FORMAT`: text (articles) or conllu (keep the given words)"},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` (written whole, then renamed) instead of stdout"},
			&cli.BoolFlag{Name: "clean", Usage: "text input: parse only what the cleaner keeps (as extract does)"},
			parserFlag(),
			beamFlag(),
			&cli.IntFlag{Name: "workers", Usage: "text input: articles parsed at once (default: extract.workers, else the number of CPUs)"},
		},
		Action: func(c *cli.Context) error {
			o := parseOptions{paths: c.Args().Slice(), input: c.String("input"), output: c.String("output"),
				clean: c.Bool("clean"), workers: c.Int("workers")}
			if o.input != "text" && o.input != "conllu" {
				return usagef("parse", "unknown --input %q (want text or conllu)", o.input)
			}
			if len(o.paths) == 0 {
				return usagef("parse", "no input: give files, directories or - for stdin")
			}
			if err := e.setup(c); err != nil {
				return err
			}
			return runParse(c, e, o)
		},
	}
}

// parseCounts is what a parse run reports on stderr.
type parseCounts struct{ sentences, words int }

func runParse(c *cli.Context, e *env, o parseOptions) error {
	start := time.Now()
	out, commit, err := createOutput(o.output, e.stdout)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(out, 1<<16)
	var n parseCounts
	if o.input == "conllu" {
		err = parseCoNLLU(e, o.paths, bw, &n)
	} else {
		err = parseText(c, e, o, bw, &n)
	}
	if ferr := bw.Flush(); err == nil && ferr != nil {
		err = fmt.Errorf("writing output: %w", ferr)
	}
	var pe partialError
	if cerr := commit(err == nil || errors.As(err, &pe)); err == nil {
		err = cerr
	}
	el := time.Since(start)
	fmt.Fprintf(e.stderr, "parsed %d sentences (%d words) in %s (%.0f words/s)\n",
		n.sentences, n.words, el.Round(time.Millisecond), float64(n.words)/el.Seconds())
	return err
}

// parseText parses articles: read -> [clean] -> segment -> parse, in input order.
func parseText(c *cli.Context, e *env, o parseOptions, w io.Writer, n *parseCounts) error {
	workers := o.workers
	if workers <= 0 {
		workers = e.cfg.Extract.Workers
	}
	p, err := extract.New(extract.Options{Workers: workers, MaxBytes: int64(e.cfg.Extract.MaxFileBytes),
		LexiconDir: e.cfg.Extract.LexiconDir, Stdin: e.stdin, SingleParser: e.cfg.Extract.Parser == "single", FastParser: e.cfg.Extract.Parser == "fast", Beam: e.cfg.Extract.Beam,
		Notify: func(path, reason string) { e.log.Debug("skipped", "path", path, "reason", reason) }})
	if err != nil {
		return err
	}
	docs := 0
	ferrs, err := p.Syntax(c.Context, extract.SyntaxOptions{Clean: o.clean}, func(d *article.Doc) error {
		docs++
		for i := range d.Sentences {
			n.sentences++
			n.words += len(d.Sentences[i].Words)
			if err := conllu.Write(w, syntax.CoNLLU(d, i)); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
		}
		return nil
	}, o.paths...)
	for _, fe := range ferrs {
		fmt.Fprintf(e.stderr, "newsgraph: %s\n", fe)
	}
	if err == nil && len(ferrs) > 0 {
		err = partialError{unread: len(ferrs), written: docs}
	}
	return err
}

// parseCoNLLU re-tags and re-parses the sentences of CoNLL-U files, keeping their words.
// A malformed file is reported (file:line) and skipped; the others are parsed.
func parseCoNLLU(e *env, paths []string, w io.Writer, n *parseCounts) error {
	m, err := model.Choose(e.cfg.Extract.Parser == "fast", e.cfg.Extract.Parser == "single", e.cfg.Extract.Beam)
	if err != nil {
		return fmt.Errorf("loading the syntax model: %w", err)
	}
	var t model.Tree
	failed := 0
	for _, path := range paths {
		err := eachCoNLLU(e.stdin, path, func(s *conllu.Sentence) error {
			syntax.Reparse(m, s, &t)
			n.sentences++
			n.words += len(s.Words)
			if err := conllu.Write(w, s); err != nil {
				return fmt.Errorf("writing output: %w", err)
			}
			return nil
		})
		var ce *conllu.Error
		switch {
		case errors.As(err, &ce), errors.Is(err, os.ErrNotExist), errors.Is(err, errIsDir):
			fmt.Fprintf(e.stderr, "newsgraph: %s\n", err)
			failed++
		case err != nil:
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d inputs are not valid CoNLL-U (listed above)", failed, len(paths))
	}
	return nil
}

var errIsDir = errors.New("is a directory (give CoNLL-U files)")

// eachCoNLLU calls fn with every sentence of the CoNLL-U file at path ("-" for stdin).
func eachCoNLLU(stdin io.Reader, path string, fn func(*conllu.Sentence) error) error {
	r, name := stdin, "stdin"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return fmt.Errorf("%s: %w", path, errIsDir)
		}
		r, name = f, path
	}
	cr := conllu.NewReader(r, name)
	for {
		s, err := cr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(s); err != nil {
			return err
		}
	}
}

// createOutput returns where to write: stdout for "" or "-", else a temporary file beside
// path that commit(true) renames into place and commit(false) removes, so a failed run
// never leaves half a file.
func createOutput(path string, stdout io.Writer) (io.Writer, func(ok bool) error, error) {
	if path == "" || path == "-" {
		return stdout, func(bool) error { return nil }, nil
	}
	if dir := filepath.Dir(path); dir != "." {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, nil, fmt.Errorf("creating %s: %w", dir, err)
		}
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, nil, fmt.Errorf("writing %s: %w", path, err)
	}
	commit := func(ok bool) error {
		cerr := tmp.Close()
		if ok && cerr == nil {
			cerr = os.Rename(tmp.Name(), path)
		}
		if !ok || cerr != nil {
			os.Remove(tmp.Name())
		}
		if cerr != nil {
			return fmt.Errorf("writing %s: %w", path, cerr)
		}
		return nil
	}
	return tmp, commit, nil
}
