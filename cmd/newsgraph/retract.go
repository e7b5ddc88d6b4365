package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

type retractOptions struct {
	IDs    []string // article ids
	DryRun bool

	Out  io.Writer
	Log  *slog.Logger
	Open func(context.Context) (*neo4j.Store, error)
}

func retractCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "retract",
		Usage:     "remove articles and everything only they support from the graph",
		ArgsUsage: "ARTICLE_ID...",
		Description: `Removes the given articles in one write transaction: their Article nodes, every
relationship they stated (MENTIONS included), the entity nodes no remaining article
supports, and the aliases only they contributed. What other articles support stays:
a person two articles name keeps the node, the other article's relationships and the
spellings it used. If any id is not in the graph nothing is removed (exit 1); if the
transaction fails nothing is removed either.

Article ids are what extract writes: a .jsonl record's id; else a hash of its url; else
the file stem and a hash of the text ("index-3fa2c1d9"). List them with
   newsgraph query 'MATCH (a:Article) RETURN a.id, a.source, a.title'

An edited file does not need retract: building or loading it again replaces its earlier
version (same path, another text).

Examples:
   newsgraph retract index-3fa2c1d9
   newsgraph retract wire-2024-118 wire-2024-119
   newsgraph retract --dry-run index-3fa2c1d9     # count what would go, change nothing`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "count what would be removed, in a transaction that is rolled back"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() == 0 {
				return usagef("retract", "no article id given")
			}
			if err := e.setup(c); err != nil {
				return err
			}
			return runRetract(c.Context, retractOptions{IDs: c.Args().Slice(), DryRun: c.Bool("dry-run"),
				Out: e.stdout, Log: e.log, Open: e.open})
		},
	}
}

func runRetract(ctx context.Context, o retractOptions) error {
	store, err := o.Open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	st, err := store.Retract(ctx, o.IDs, o.DryRun)
	if err != nil {
		return err
	}
	verb := "retracted"
	if o.DryRun {
		verb = "dry run: would retract"
	}
	fmt.Fprintf(o.Out, "%s %d article%s\n", verb, st.Retracted, plural(st.Retracted))
	printRemoved(o.Out, st)
	if o.DryRun {
		fmt.Fprintln(o.Out, "nothing was changed (the transaction was rolled back)")
	}
	return nil
}

func printRemoved(w io.Writer, st graph.LoadStats) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "nodes\tremoved %d\tupdated %d\n", st.NodesRemoved, st.NodesUpdated)
	fmt.Fprintf(tw, "relationships\tremoved %d\n", st.RelsRemoved)
	tw.Flush()
}
