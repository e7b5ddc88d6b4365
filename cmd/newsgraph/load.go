package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/internal/ctxio"
)

type loadOptions struct {
	Path      string // file, or "-" for stdin
	Name      string // name of stdin in messages ("stdin" when empty)
	DryRun    bool
	BatchSize int

	Stdin io.Reader
	Out   io.Writer
	Log   *slog.Logger
	Open  func(context.Context) (*neo4j.Store, error)
}

func loadCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "load",
		Usage:     "load an extraction (JSON Lines) into Neo4j",
		ArgsUsage: "FILE|-",
		Description: `Reads the JSON Lines extraction contract (what ` + "`newsgraph extract`" + ` writes) from FILE or
stdin (-) and loads it into Neo4j. The whole input is validated first, in one
streaming pass: a bad line stops the load before anything is written, with messages
naming file:line (exit 1). Each batch then reads its relationships back from the
file, so memory does not grow with them; stdin is first copied to a temporary file.

Then the schema is applied (idempotent) and the graph written in batches of whole
articles, one write transaction each: every article is either fully loaded or
untouched. Loading the same file again changes nothing: an article whose records (its
own, its relationships, the nodes it names) are as stored — the same load_hash — is
skipped without a write. Loading a changed article
(the same id, or the same doc_key — a file's path — with another id) replaces what its
earlier version supported: relationships, aliases, and nodes no other article names.
A node's "articles" list implies a MENTIONS relationship from each article.

Examples:
   newsgraph load out/graph.jsonl
   newsgraph extract corpus/ | newsgraph load -
   newsgraph load --dry-run out/graph.jsonl     # validate and count, no connection
   newsgraph load --batch-size 2000 big.jsonl`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "dry-run", Aliases: []string{"n"}, Usage: "validate and print what would be written, without connecting"},
			keyFlag("batch-size", "about `N` records (nodes + relationships) per write transaction; articles are never split"),
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("load", "load takes one FILE (or - for stdin), got %d arguments", c.NArg())
			}
			if err := e.setup(c); err != nil {
				return err
			}
			return runLoad(c.Context, loadOptions{
				Path: c.Args().First(), DryRun: c.Bool("dry-run"), BatchSize: e.cfg.Load.BatchSize,
				Stdin: e.stdin, Out: e.stdout, Log: e.log, Open: e.open,
			})
		},
	}
}

func runLoad(ctx context.Context, o loadOptions) error {
	name, src, size, done, err := loadInput(ctx, o)
	if err != nil {
		return err
	}
	defer done()
	plan, err := neo4j.ScanPlan(ctxio.NewReaderAt(ctx, src), size, name, o.BatchSize)
	if err != nil {
		var ve *graph.ValidationError
		var pe *neo4j.PlanError
		switch {
		case errors.As(err, &ve):
			return fmt.Errorf("%s is not a valid extraction (%d problem%s); nothing was written:\n%w", name, len(ve.Problems), plural(len(ve.Problems)), err)
		case errors.As(err, &pe):
			return fmt.Errorf("%w; nothing was written", err)
		}
		return err
	}
	if o.DryRun {
		return printPlan(o.Out, name, plan)
	}

	store, err := o.Open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	changes, err := store.ApplySchema(ctx)
	if err != nil {
		return fmt.Errorf("applying the schema before loading: %w", err)
	}
	if n := created(changes); n > 0 {
		o.Log.Info("schema applied", "created", n)
	}
	total := len(plan.Batches)
	o.Log.Info("loading", "input", name, "articles", plan.Articles(), "batches", total)
	progress := func(done, total int) {
		if total > 1 {
			o.Log.Info("batch committed", "batch", done, "of", total)
		}
	}
	st, err := store.LoadPlan(ctx, plan, progress)
	var pe *graph.PartialLoadError
	if errors.As(err, &pe) {
		fmt.Fprintf(o.Out, "partially loaded %s: %d of %d batches committed (%d articles) before the error\n", name, pe.Done.Batches, pe.Total, pe.Done.Articles)
		printStats(o.Out, pe.Done, nil)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(o.Out, "loaded %s: %d article%s in %d batch%s\n", name, st.Articles, plural(st.Articles), st.Batches, pluralES(st.Batches))
	printStats(o.Out, st, plan)
	return nil
}

// loadInput opens the extraction to load: a file, or stdin (spooled to a temporary file
// unless it can be read at any offset already), which the plan reads twice: once to
// validate it, then each batch's relationships again. done closes and removes what it made.
func loadInput(ctx context.Context, o loadOptions) (name string, src io.ReaderAt, size int64, done func(), err error) {
	if o.Path != "-" {
		f, err := os.Open(o.Path)
		if err != nil {
			return "", nil, 0, nil, fmt.Errorf("opening extraction: %w", err)
		}
		fi, err := f.Stat()
		if err != nil {
			f.Close()
			return "", nil, 0, nil, fmt.Errorf("opening extraction: %w", err)
		}
		return o.Path, f, fi.Size(), func() { f.Close() }, nil
	}
	name = "stdin"
	if o.Name != "" {
		name = o.Name
	}
	if r, ok := o.Stdin.(interface {
		io.ReaderAt
		Size() int64
	}); ok {
		return name, r, r.Size(), func() {}, nil
	}
	tmp, err := os.CreateTemp("", "newsgraph-load-*.jsonl")
	if err != nil {
		return "", nil, 0, nil, fmt.Errorf("spooling %s: %w", name, err)
	}
	done = func() { tmp.Close(); os.Remove(tmp.Name()) }
	n, err := io.Copy(tmp, ctxio.NewReader(ctx, o.Stdin))
	if err != nil {
		done()
		return "", nil, 0, nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return name, tmp, n, done, nil
}

func pluralES(n int) string {
	if n == 1 {
		return ""
	}
	return "es"
}

// printStats prints what a load did; with the whole plan it also says how many records
// were already there unchanged.
func printStats(w io.Writer, st graph.LoadStats, p *neo4j.Plan) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	nu, ru := "", ""
	if p != nil {
		nodes, rels := p.Records()
		nu = fmt.Sprintf("\tunchanged %d", nodes-st.NodesCreated-st.NodesUpdated)
		ru = fmt.Sprintf("\tunchanged %d", rels-st.RelsCreated-st.RelsUpdated)
	}
	fmt.Fprintf(tw, "nodes\tcreated %d\tupdated %d%s\tremoved %d\n", st.NodesCreated, st.NodesUpdated, nu, st.NodesRemoved)
	fmt.Fprintf(tw, "relationships\tcreated %d\tupdated %d%s\tremoved %d\n", st.RelsCreated, st.RelsUpdated, ru, st.RelsRemoved)
	tw.Flush()
	if st.Retracted > 0 {
		fmt.Fprintf(w, "replaced %d earlier version%s of edited articles\n", st.Retracted, plural(st.Retracted))
	}
	if st.Skipped > 0 {
		fmt.Fprintf(w, "skipped %d unchanged article%s (stored with the same load hash)\n", st.Skipped, plural(st.Skipped))
	}
}

func printPlan(w io.Writer, name string, p *neo4j.Plan) error {
	nodes, rels := p.Records()
	fmt.Fprintf(w, "dry run: %s is valid; nothing was written and no connection made.\n", name)
	fmt.Fprintf(w, "load would merge %d nodes (%d of them articles) and %d relationships in %d write transaction%s:\n\n",
		nodes, p.Articles(), rels, len(p.Batches), plural(len(p.Batches)))
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "label\tnodes")
	for _, l := range graph.AllLabels {
		if n := p.Nodes[l]; n > 0 {
			fmt.Fprintf(tw, "%s\t%d\n", l, n)
		}
	}
	fmt.Fprintln(tw, "\t")
	fmt.Fprintln(tw, "relationship\tcount")
	types := make([]string, 0, len(p.Rels))
	for t := range p.Rels {
		types = append(types, string(t))
	}
	sort.Strings(types)
	for _, t := range types {
		extra := ""
		if graph.RelType(t) == graph.RelMentions && p.ImpliedMentions > 0 {
			extra = fmt.Sprintf("\t(%d implied by node \"articles\")", p.ImpliedMentions)
		}
		fmt.Fprintf(tw, "%s\t%d%s\n", t, p.Rels[graph.RelType(t)], extra)
	}
	return tw.Flush()
}
