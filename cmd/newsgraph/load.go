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
	"time"

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
naming file:line (exit 1). Each batch then reads its articles and relationships back
from the file, so memory grows by a few hundred bytes per article, not with the
records' content (while validating, about 100 bytes per article wait in a temporary
file in $TMPDIR); stdin is first copied to a temporary file.

Then the schema is applied (idempotent) and the graph written in batches of whole
articles, one write transaction each: every article is either fully loaded or
untouched. Loading the same file again changes nothing: an article whose records (its
own, its relationships, the nodes it names) are as stored — the same load_hash — is
skipped without a write. Loading a changed article
(the same id, or the same doc_key — a file's path — with another id) replaces what its
earlier version supported: relationships, aliases, and nodes no other article names.
A node's "articles" list implies a MENTIONS relationship from each article.

After a load that wrote or skipped every article, load stores a bookkeeping node
(:LoadManifest) keyed by the SHA-256 of the file's bytes: loading the same bytes again
checks, in one read, that every article is still stored with the same load_hash and is
then done without validating the file again; if the graph changed since (an article
replaced by another file, retracted), the file is validated and loaded in full.

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
			defer loadMemory()() // load only: build's process still holds the extractor's tables
			return runLoad(c.Context, loadOptions{
				Path: c.Args().First(), DryRun: c.Bool("dry-run"), BatchSize: e.cfg.Load.BatchSize,
				Stdin: e.stdin, Out: e.stdout, Log: e.log, Open: e.open,
			})
		},
	}
}

// scanPlan validates and plans an extraction (neo4j.ScanPlan); the tests count its calls.
var scanPlan = neo4j.ScanPlan

func runLoad(ctx context.Context, o loadOptions) error {
	name, src, size, done, err := loadInput(ctx, o)
	if err != nil {
		return err
	}
	defer done()
	src = ctxio.NewReaderAt(ctx, src)
	if o.DryRun {
		plan, err := planLoad(src, size, name, o.BatchSize)
		if err != nil {
			return err
		}
		return printPlan(o.Out, name, plan)
	}
	digest, err := neo4j.FileDigest(src, size)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	// Connected first, to find the file's manifest; should that fail, a bad file is still
	// reported as such (exit 1) before the connection error.
	store, openErr := o.Open(ctx)
	if openErr == nil {
		defer store.Close(context.WithoutCancel(ctx))
		if skipped, err := reloadUnchanged(ctx, o, store, name, digest); skipped || err != nil {
			return err
		}
	}
	plan, err := planLoad(src, size, name, o.BatchSize)
	if err != nil {
		return err
	}
	if openErr != nil {
		return openErr
	}
	return loadPlan(ctx, o, store, name, digest, plan)
}

// planLoad validates and plans the extraction, naming what is wrong.
func planLoad(src io.ReaderAt, size int64, name string, batchSize int) (*neo4j.Plan, error) {
	plan, err := scanPlan(src, size, name, batchSize)
	if err == nil {
		return plan, nil
	}
	var ve *graph.ValidationError
	var pe *neo4j.PlanError
	switch {
	case errors.As(err, &ve):
		return nil, fmt.Errorf("%s is not a valid extraction (%d problem%s); nothing was written:\n%w", name, len(ve.Problems), plural(len(ve.Problems)), err)
	case errors.As(err, &pe):
		return nil, fmt.Errorf("%w; nothing was written", err)
	}
	return nil, err
}

// applySchema applies the schema before a load, logging what it created.
func applySchema(ctx context.Context, o loadOptions, store *neo4j.Store) error {
	changes, err := store.ApplySchema(ctx)
	if err != nil {
		return fmt.Errorf("applying the schema before loading: %w", err)
	}
	if n := created(changes); n > 0 {
		o.Log.Info("schema applied", "created", n)
	}
	return nil
}

// reloadUnchanged finishes the load of a file loaded before (the same bytes, by its
// manifest) whose articles are all stored with the same load hash: such a load would
// write nothing, so the file is not validated again. skipped false: load it in full.
func reloadUnchanged(ctx context.Context, o loadOptions, store *neo4j.Store, name, digest string) (skipped bool, err error) {
	u, err := store.CheckManifest(ctx, digest)
	if err != nil {
		return false, fmt.Errorf("looking up the load manifest of %s: %w", name, err)
	}
	if !u.Skip() {
		if u.Found {
			o.Log.Info("the graph changed since this file was last loaded; validating and loading it in full",
				"input", name, "articles", u.Articles, "stored_unchanged", u.Same)
		}
		return false, nil
	}
	if err := applySchema(ctx, o, store); err != nil { // as a full load of the file would
		return false, err
	}
	o.Log.Info("file loaded before and every article unchanged: not validated again", "input", name, "sha256", digest[:16], "loaded_at", u.LoadedAt)
	fmt.Fprintf(o.Out, "loaded %s: %d article%s, unchanged since this file was last loaded (same bytes; not validated again)\n", name, u.Articles, plural(u.Articles))
	printStats(o.Out, graph.LoadStats{Articles: u.Articles, Skipped: u.Articles}, &records{u.Nodes, u.Rels})
	return true, nil
}

// loadPlan writes a validated plan and, once every batch is committed, the file's manifest.
func loadPlan(ctx context.Context, o loadOptions, store *neo4j.Store, name, digest string, plan *neo4j.Plan) error {
	if err := applySchema(ctx, o, store); err != nil {
		return err
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
	nodes, rels := plan.Records()
	printStats(o.Out, st, &records{nodes, rels})
	start := time.Now()
	saved, err := store.SaveManifest(ctx, digest, name, plan)
	if err != nil {
		o.Log.Warn("the file is loaded, but its manifest was not saved: its next load validates it again", "input", name, "err", err)
	} else if saved {
		o.Log.Debug("load manifest saved", "input", name, "took", time.Since(start).Round(time.Millisecond))
	}
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

// records counts the node and relationship records of a whole input.
type records struct{ nodes, rels int }

// printStats prints what a load did; with the input's records it also says how many
// were already there unchanged.
func printStats(w io.Writer, st graph.LoadStats, in *records) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	nu, ru := "", ""
	if in != nil {
		nu = fmt.Sprintf("\tunchanged %d", in.nodes-st.NodesCreated-st.NodesUpdated)
		ru = fmt.Sprintf("\tunchanged %d", in.rels-st.RelsCreated-st.RelsUpdated)
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
