package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph/export"
)

var exportFormats = []string{"jsonl", "csv", "graphml"}

type exportOptions struct {
	Format string
	Output string // file (jsonl, graphml; "" or - is stdout) or folder (csv)

	Out  io.Writer
	Log  *slog.Logger
	Open func(context.Context) (export.Source, func(), error)
}

func exportCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "export",
		Usage: "write the whole graph as JSON Lines, neo4j-admin CSV or GraphML (read-only)",
		Description: `Reads every node and relationship in one read transaction and writes them:

   jsonl    the extraction contract (what ` + "`newsgraph load`" + ` reads), to -o FILE or stdout;
            loading it into an empty database gives the same graph
   csv      one file per label and per relationship type in the header format of
            neo4j-admin database import full (id:ID, :LABEL, :START_ID, :END_ID, :TYPE,
            typed columns such as aliases:string[], start:int, confidence:double) into
            the folder -o DIR; scripts/bulk-import.sh DIR imports them
   graphml  GraphML for Gephi, yEd and other graph tools, to -o FILE or stdout

Examples:
   newsgraph export --format jsonl -o out/graph-export.jsonl
   newsgraph export --format csv -o out/csv && scripts/bulk-import.sh out/csv
   newsgraph export --format graphml -o out/newsgraph.graphml`,
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "jsonl", Usage: "`FORMAT`: " + strings.Join(exportFormats, ", ")},
			&cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "output `FILE` (jsonl, graphml; default stdout) or folder (csv, required)"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("export", "unexpected argument %q", c.Args().First())
			}
			o := exportOptions{Format: c.String("format"), Output: c.String("output")}
			if !contains(exportFormats, o.Format) {
				return usagef("export", "unknown format %q (want %s)", o.Format, strings.Join(exportFormats, ", "))
			}
			if o.Format == "csv" && (o.Output == "" || o.Output == "-") {
				return usagef("export", "--format csv writes several files: give the folder with -o DIR")
			}
			if err := e.setup(c); err != nil {
				return err
			}
			o.Out, o.Log = e.stdout, e.log
			o.Open = func(ctx context.Context) (export.Source, func(), error) {
				s, err := e.open(ctx)
				if err != nil {
					return nil, nil, err
				}
				return s, func() { s.Close(context.WithoutCancel(ctx)) }, nil
			}
			return runExport(c.Context, o)
		},
	}
}

func runExport(ctx context.Context, o exportOptions) error {
	src, done, err := o.Open(ctx)
	if err != nil {
		return err
	}
	snap, err := export.Read(ctx, src)
	done()
	if err != nil {
		return fmt.Errorf("exporting: %w", err)
	}
	if o.Format == "csv" {
		files, err := export.CSV(o.Output, snap)
		if err != nil {
			return err
		}
		o.Log.Info("exported", "format", "csv", "nodes", len(snap.Nodes), "relationships", len(snap.Rels), "files", len(files), "dir", o.Output)
		return nil
	}
	w := o.Out
	var f *os.File
	if o.Output != "" && o.Output != "-" {
		if f, err = os.Create(o.Output); err != nil {
			return fmt.Errorf("creating output: %w", err)
		}
		w = f
	}
	switch o.Format {
	case "graphml":
		err = export.GraphML(w, snap)
	default:
		var st export.Stats
		st, err = export.JSONL(w, snap)
		if len(st.Dropped) > 0 {
			o.Log.Warn("the extraction contract has no place for these; they were left out", "dropped", strings.Join(st.Dropped, ", "))
		}
	}
	if f != nil {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", o.Format, err)
	}
	o.Log.Info("exported", "format", o.Format, "nodes", len(snap.Nodes), "relationships", len(snap.Rels))
	return nil
}
