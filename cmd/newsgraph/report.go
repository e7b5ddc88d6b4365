package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
	"github.com/newsgraph/newsgraph/queries/render"
)

// Output formats of `report run`: those of `query`, plus Markdown and an HTML page.
var reportFormats = []string{"table", "csv", "json", "md", "html"}

type reportOptions struct {
	Name   string
	Params map[string]string // --param name=value, textual; the template's types apply
	Format string
	Output string // file to write, "" for Out
	Dir    string // queries.dir: extra templates

	Out  io.Writer
	Err  io.Writer // warnings (templates left out); nil discards them
	Open func(context.Context) (graph.Store, error)
}

func reportCommand(e *env) *cli.Command {
	setup := func(c *cli.Context, cmd string, args int) (reportOptions, error) {
		if c.NArg() != args {
			if args == 0 {
				return reportOptions{}, usagef("report "+cmd, "unexpected argument %q", c.Args().First())
			}
			return reportOptions{}, usagef("report "+cmd, "report %s takes one report NAME (see `newsgraph report list`), got %d arguments", cmd, c.NArg())
		}
		if err := e.setup(c); err != nil {
			return reportOptions{}, err
		}
		return reportOptions{
			Name: c.Args().First(), Dir: e.cfg.Queries.Dir, Out: e.stdout, Err: e.stderr, Output: c.String("output"),
			Open: func(ctx context.Context) (graph.Store, error) { return e.open(ctx) },
		}, nil
	}
	output := &cli.StringFlag{Name: "output", Aliases: []string{"o"}, Usage: "write to `FILE` instead of stdout"}
	return &cli.Command{
		Name:  "report",
		Usage: "list, show and run the saved report templates (queries/*.cypher)",
		Description: `Reports are Cypher templates with a checked header (name, summary, typed params with
defaults). The built-in ones are embedded in newsgraph; a folder named by queries.dir
(env NEWSGRAPH_QUERIES_DIR) adds *.cypher templates or replaces built-in ones of the
same name. Reports run read-only, with --param values passed as Cypher parameters.

Examples:
   newsgraph report list
   newsgraph report show who_met_whom
   newsgraph report run who_met_whom --param person=Rutte --param since=2024-11
   newsgraph report run person_profile -p person=Zelensky --format md
   newsgraph report run country_pairs --format html -o out/country_pairs.html
   newsgraph report guide > browser/guide.html`,
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usagef("report", "unknown report command %q (want list, show, run or guide)", c.Args().First())
			}
			return cli.ShowSubcommandHelp(c)
		},
		Subcommands: []*cli.Command{
			{
				Name:  "list",
				Usage: "list the reports: name, summary and params",
				Action: func(c *cli.Context) error {
					o, err := setup(c, "list", 0)
					if err != nil {
						return err
					}
					return runReportList(o)
				},
			},
			{
				Name:      "show",
				Usage:     "print a report's template: header and Cypher",
				ArgsUsage: "NAME",
				Action: func(c *cli.Context) error {
					o, err := setup(c, "show", 1)
					if err != nil {
						return err
					}
					return runReportShow(o)
				},
			},
			{
				Name:      "run",
				Usage:     "run a report read-only and print its rows",
				ArgsUsage: "NAME",
				Description: `Runs the report in a read transaction. --param name=value sets a declared param;
the value is converted to the param's type (string, int, float, bool, date as YYYY,
YYYY-MM or YYYY-MM-DD, list<string> as a,b or ["a","b"]); an unknown param or a value
of the wrong type is a usage error (exit 2). Params not given take their defaults
(see ` + "`newsgraph report list`" + `).

Formats: table (default), csv, json (as ` + "`newsgraph query`" + `), md (Markdown), html (a
self-contained page with the rows and an SVG drawing of the subgraph they cover).
Columns named _... hold graph values for the drawing and Neo4j Browser; the text
formats leave them out.`,
				Flags: []cli.Flag{
					&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "report parameter `name=value` (repeatable)"},
					&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: " + strings.Join(reportFormats, ", ")},
					output,
				},
				Action: func(c *cli.Context) error {
					params, err := reportParams(c.StringSlice("param"))
					if err != nil {
						return usageError{err: err, command: "report run"}
					}
					format := c.String("format")
					if !contains(reportFormats, format) {
						return usagef("report run", "unknown format %q (want %s)", format, strings.Join(reportFormats, ", "))
					}
					o, err := setup(c, "run", 1)
					if err != nil {
						return err
					}
					o.Params, o.Format = params, format
					return runReport(c.Context, o)
				},
			},
			{
				Name:  "guide",
				Usage: "write the Neo4j Browser guide of the reports (HTML), or serve it",
				Description: `Writes a Neo4j Browser guide: one slide per report, each with a :param block (the
report's example values) and the report's Cypher, both clickable. With --serve ADDR it
serves the guide and the style sheet over HTTP with CORS instead, until interrupted;
then, in Browser (localhost is on its default allowlist):
   :guide http://localhost:PORT/guide.html
   :style http://localhost:PORT/newsgraph.grass

Examples:
   newsgraph report guide > browser/guide.html
   newsgraph report guide --serve 127.0.0.1:8765`,
				Flags: []cli.Flag{
					&cli.StringFlag{Name: "style-url", Usage: "offer `URL` of a .grass style sheet on the first slide"},
					&cli.BoolFlag{Name: "defaults", Usage: "set each report's params to their defaults instead of the example values (scripts/browser-e2e.sh uses it when the example finds nothing)"},
					&cli.StringFlag{Name: "serve", Usage: "serve guide.html and newsgraph.grass on `ADDR` (host:port)"},
					output,
				},
				Action: func(c *cli.Context) error {
					o, err := setup(c, "guide", 0)
					if err != nil {
						return err
					}
					if addr := c.String("serve"); addr != "" {
						return serveGuide(c.Context, o, addr, e.stderr)
					}
					return runReportGuide(o, render.GuideOptions{StyleURL: c.String("style-url"), Defaults: c.Bool("defaults")})
				},
			},
		},
	}
}

// reportParams parses --param name=value flags (values stay text: the template's
// declared types convert them).
func reportParams(flags []string) (map[string]string, error) {
	out := make(map[string]string, len(flags))
	for _, f := range flags {
		name, val, ok := strings.Cut(f, "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, fmt.Errorf("--param %q: want name=value", f)
		}
		if _, dup := out[name]; dup {
			return nil, fmt.Errorf("--param %s given twice", name)
		}
		out[name] = val
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// catalog loads the templates. A template file with problems is named on stderr
// (file:line) and left out; the others stay usable.
func (o reportOptions) catalog() (*queries.Catalog, error) {
	c, err := queries.Load(o.Dir)
	var qe *queries.Error
	if errors.As(err, &qe) && c != nil {
		if o.Err != nil {
			fmt.Fprintf(o.Err, "newsgraph: warning: report templates with problems are left out:\n%s\n", qe)
		}
		return c, nil
	}
	return c, err
}

func (o reportOptions) template(cmd string) (*queries.Template, error) {
	c, err := o.catalog()
	if err != nil {
		return nil, err
	}
	if probs, bad := c.Broken(o.Name); bad {
		return nil, fmt.Errorf("report %s cannot run, its template has problems:\n%w", o.Name, &queries.Error{Problems: probs})
	}
	t, ok := c.Get(o.Name)
	if !ok {
		return nil, usagef("report "+cmd, "no report %q (reports: %s)", o.Name, strings.Join(c.Names(), ", "))
	}
	return t, nil
}

// output returns where to write and a function that finishes the file.
func (o reportOptions) output() (io.Writer, func() error, error) {
	if o.Output == "" || o.Output == "-" {
		return o.Out, func() error { return nil }, nil
	}
	f, err := os.Create(o.Output)
	if err != nil {
		return nil, nil, fmt.Errorf("creating output: %w", err)
	}
	return f, f.Close, nil
}

func runReportList(o reportOptions) error {
	c, err := o.catalog()
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, t := range c.All() {
		b.WriteString(t.Name)
		if !t.Embedded {
			b.WriteString("  (" + t.File + ")")
		}
		b.WriteString("\n    " + t.Summary + "\n")
		if len(t.Params) > 0 {
			b.WriteString("    params: " + t.Signature() + "\n")
		}
	}
	w, done, err := o.output()
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		done()
		return err
	}
	return done()
}

func runReportShow(o reportOptions) error {
	t, err := o.template("show")
	if err != nil {
		return err
	}
	w, done, err := o.output()
	if err != nil {
		return err
	}
	src := t.Source
	if !strings.HasSuffix(src, "\n") {
		src += "\n"
	}
	if _, err := fmt.Fprintf(w, "// file: %s\n%s", t.File, src); err != nil {
		done()
		return err
	}
	return done()
}

func runReport(ctx context.Context, o reportOptions) error {
	t, err := o.template("run")
	if err != nil {
		return err
	}
	params, err := t.Bind(o.Params)
	if err != nil {
		return usageError{err: err, command: "report run"}
	}
	s, err := o.Open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	rows, err := queryTemplate(ctx, s, t, params)
	if err != nil {
		return fmt.Errorf("report %s (%s): %w", t.Name, t.File, err)
	}
	r := &render.Report{Template: t, Params: params, Rows: rows}
	if o.Format == "html" {
		if r.Graph, err = render.ForRows(ctx, s, rows); err != nil {
			return err
		}
	}
	w, done, err := o.output()
	if err != nil {
		return err
	}
	switch o.Format {
	case "md":
		err = render.Markdown(w, r)
	case "html":
		err = render.HTML(w, r)
	default:
		err = writeRows(w, render.Visible(rows), o.Format)
	}
	if cerr := done(); err == nil {
		err = cerr
	}
	return err
}

// vettedQuerier is a store that can skip the read-only EXPLAIN for statements checked
// ahead of time (graph/neo4j.Store.QueryVetted).
type vettedQuerier interface {
	QueryVetted(ctx context.Context, cypher string, params map[string]any) (*graph.Rows, error)
}

// queryTemplate runs a report: an embedded template (its read-only plan checked by
// TestTemplatesExplain) without the EXPLAIN before the run, a user's template with it.
// Both run in a read transaction.
func queryTemplate(ctx context.Context, s graph.Store, t *queries.Template, params map[string]any) (*graph.Rows, error) {
	if vq, ok := s.(vettedQuerier); ok && t.Embedded {
		return vq.QueryVetted(ctx, t.Cypher(), params)
	}
	return s.Query(ctx, t.Cypher(), params)
}

func runReportGuide(o reportOptions, opts render.GuideOptions) error {
	c, err := o.catalog()
	if err != nil {
		return err
	}
	w, done, err := o.output()
	if err != nil {
		return err
	}
	err = render.Guide(w, c.All(), opts)
	if cerr := done(); err == nil {
		err = cerr
	}
	return err
}

// serveGuide serves the guide and the style sheet with CORS headers (Browser fetches
// guides cross-origin) until ctx ends.
func serveGuide(ctx context.Context, o reportOptions, addr string, log io.Writer) error {
	c, err := o.catalog()
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usagef("report guide", "--serve %s: %v", addr, err)
	}
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	base := "http://localhost:" + port
	var guide, grass strings.Builder
	if err := render.Guide(&guide, c.All(), render.GuideOptions{StyleURL: base + "/newsgraph.grass"}); err != nil {
		ln.Close()
		return err
	}
	if err := render.Grass(&grass); err != nil {
		ln.Close()
		return err
	}
	files := map[string]struct{ body, ctype string }{
		"/guide.html":      {guide.String(), "text/html; charset=utf-8"},
		"/newsgraph.grass": {grass.String(), "text/plain; charset=utf-8"},
	}
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Access-Control-Allow-Origin", "*")
		h.Set("Access-Control-Allow-Headers", "*")
		h.Set("Access-Control-Allow-Methods", "GET, OPTIONS")
		if r.Method == http.MethodOptions {
			w.WriteHeader(http.StatusNoContent)
			return
		}
		f, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h.Set("Content-Type", f.ctype)
		h.Set("Cache-Control", "no-cache")
		io.WriteString(w, f.body)
	})}
	fmt.Fprintf(log, "serving the report guide; in Neo4j Browser run:\n   :guide %s/guide.html\n   :style %s/newsgraph.grass\nCtrl-C stops.\n", base, base)
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 2*time.Second)
		defer cancel()
		srv.Shutdown(shut)
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serving the guide: %w", err)
	}
	return ctx.Err()
}
