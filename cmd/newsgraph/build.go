package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"
)

func buildCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "extract articles and load the graph into Neo4j in one run",
		ArgsUsage: "PATH... (files, directories, - for stdin, http(s):// article or feed URLs)",
		Description: `Runs ` + "`newsgraph extract`" + ` and ` + "`newsgraph load`" + ` in one go: the articles are extracted
(a progress bar on a terminal), the result is validated against the contract exactly
as load validates a file, then loaded in batches of whole articles. Nothing is written
unless the whole extraction is valid. Unreadable inputs are named on stderr and skipped
(exit 3 after the load).

Examples:
   newsgraph build ../shared/corpus/seeds
   newsgraph build corpus/ --workers 2
   newsgraph build https://example.org/news/rss.xml https://example.org/2025/06/story.html
   newsgraph build corpus/ --dry-run      # extract and count, no connection`,
		Flags: []cli.Flag{
			&cli.IntFlag{Name: "workers", Usage: "articles processed at once (default: extract.workers, else the number of CPUs)"},
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "extract and print what would be written, without connecting"},
			keyFlag("batch-size", "about `N` records (nodes + relationships) per write transaction; articles are never split"),
			parserFlag(),
			beamFlag(),
		},
		Action: func(c *cli.Context) error {
			if err := e.setup(c); err != nil {
				return err
			}
			if c.NArg() == 0 {
				return usagef("build", "no input: give files, directories or - for stdin")
			}
			start := time.Now()
			var bar *progressbar.ProgressBar
			if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
				bar = progressbar.NewOptions(-1, progressbar.OptionSetWriter(e.stderr),
					progressbar.OptionSetDescription("extracting"), progressbar.OptionShowCount(),
					progressbar.OptionSetItsString("articles"), progressbar.OptionShowIts(), progressbar.OptionClearOnFinish())
			}
			progress := func(done, words int) {
				if bar != nil {
					_ = bar.Add(1)
				}
			}
			out, err := newOutput("")
			if err != nil {
				return err
			}
			defer out.discard()
			res, err := e.extraction(c, c.Args().Slice(), c.Int("workers"), progress, out.f, false)
			if bar != nil {
				_ = bar.Finish()
			}
			if err != nil {
				return err
			}
			if errors.Is(outcome(res), errNothingRead) {
				return errNothingRead
			}
			fmt.Fprintf(e.stderr, "extracted %d articles (%d words) -> %d nodes, %d relationships in %s\n",
				res.Articles, res.Words, res.Nodes, res.Edges,
				time.Since(start).Round(time.Millisecond))
			defer limitBuildLoad()()
			err = runLoad(c.Context, loadOptions{
				Path: "-", Name: "extraction", DryRun: c.Bool("dry-run"), BatchSize: e.cfg.Load.BatchSize,
				Stdin: io.NewSectionReader(out.f, 0, 1<<62), Out: e.stdout, Log: e.log, Open: e.open,
			})
			if err != nil {
				return err
			}
			return outcome(res)
		},
	}
}
