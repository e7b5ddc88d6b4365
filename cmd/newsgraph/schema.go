package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph/neo4j"
)

type schemaOptions struct {
	Out  io.Writer
	Open func(context.Context) (*neo4j.Store, error)
}

func schemaCommand(e *env) *cli.Command {
	opts := func(c *cli.Context) (schemaOptions, error) {
		if c.NArg() > 0 {
			return schemaOptions{}, usagef("schema "+c.Command.Name, "unexpected argument %q", c.Args().First())
		}
		if err := e.setup(c); err != nil {
			return schemaOptions{}, err
		}
		return schemaOptions{Out: e.stdout, Open: e.open}, nil
	}
	return &cli.Command{
		Name:  "schema",
		Usage: "create or check the constraints and indexes newsgraph needs",
		Description: `newsgraph needs a uniqueness constraint on id for every label (Article, Person,
Country, Organization, Place, Event), an index on name for every entity label, and
indexes on key and article for every relationship type, a TEXT index on the search text of
every entity label and date indexes for the reports. ` + "`load`" + ` applies them itself.

Examples:
   newsgraph schema apply     # create what is missing; safe to repeat
   newsgraph schema status    # list what is there`,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("schema", "unknown schema command %q (want apply or status)", c.Args().First())
			}
			return cli.ShowSubcommandHelp(c)
		},
		Subcommands: []*cli.Command{
			{
				Name:        "apply",
				Usage:       "create missing constraints and indexes (idempotent)",
				Description: "Creates every missing constraint and index (CREATE ... IF NOT EXISTS) and prints,\nfor each, whether it was created or already there. Then sets the search text (name and\naliases, lower-cased; the reports' name lookups use it) on every entity node where it is\nmissing or out of date: a graph loaded by an earlier build (load does it itself when it\ncreates the search indexes).\n\nExample:\n   newsgraph schema apply",
				Action: func(c *cli.Context) error {
					o, err := opts(c)
					if err != nil {
						return err
					}
					return runSchemaApply(c.Context, o)
				},
			},
			{
				Name:        "status",
				Usage:       "list the constraints and indexes and whether they exist",
				Description: "Prints each constraint and index newsgraph needs, whether it exists and its state.\nExits 1 when something is missing.\n\nExample:\n   newsgraph schema status",
				Action: func(c *cli.Context) error {
					o, err := opts(c)
					if err != nil {
						return err
					}
					return runSchemaStatus(c.Context, o)
				},
			},
		},
	}
}

func created(ch []neo4j.SchemaChange) int {
	n := 0
	for _, c := range ch {
		if c.Created {
			n++
		}
	}
	return n
}

func runSchemaApply(ctx context.Context, o schemaOptions) error {
	s, err := o.Open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	ch, set, err := s.ApplySchemaAndSearch(ctx)
	tw := tabwriter.NewWriter(o.Out, 0, 4, 2, ' ', 0)
	for _, c := range ch {
		what := "exists"
		if c.Created {
			what = "created"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", what, c.Item, c.Item.Name)
	}
	tw.Flush()
	if err != nil {
		return err
	}
	n := created(ch)
	fmt.Fprintf(o.Out, "schema: %d created, %d already present\n", n, len(ch)-n)
	fmt.Fprintf(o.Out, "search text: set on %d entity nodes (missing or out of date)\n", set)
	return nil
}

func runSchemaStatus(ctx context.Context, o schemaOptions) error {
	s, err := o.Open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	st, err := s.SchemaStatus(ctx)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(o.Out, 0, 4, 2, ' ', 0)
	missing := 0
	for _, x := range st {
		if x.Present {
			fmt.Fprintf(tw, "ok\t%s\t%s\t%s\n", x.Item, x.Name, x.State)
		} else {
			missing++
			fmt.Fprintf(tw, "MISSING\t%s\t\t\n", x.Item)
		}
	}
	tw.Flush()
	if missing > 0 {
		return fmt.Errorf("%d of %d schema items missing; run `newsgraph schema apply`", missing, len(st))
	}
	return nil
}
