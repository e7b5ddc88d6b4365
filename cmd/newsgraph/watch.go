package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/fetch"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

type watchOptions struct {
	feeds    []string
	interval time.Duration
	once     bool
	workers  int
}

func watchCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "watch",
		Usage:     "poll news feeds and load new or changed articles into Neo4j",
		ArgsUsage: "[FEED...] (RSS, Atom or JSON Feed URLs, or article URLs; default: watch.feeds)",
		Description: `Polls every feed, fetches the pages of its items, and loads the articles that are new
or changed — by id and content hash — like ` + "`newsgraph build`" + `. Its state is the graph itself:
each Article node carries its url, etag, last_modified and hash, so a page the graph
already holds is fetched with a conditional GET and skipped when not modified or when its
text hashes the same; a restarted watch goes on where it stopped. Feeds are polled every
--interval (watch.interval); one line per poll goes to stderr. Ctrl-C stops it after the
current batch is loaded (exit 130). With --once it polls once and exits like build:
0, 3 when some feed or page could not be read, 4 when Neo4j is unreachable.

What it loaded shows in ` + "`newsgraph report run new_since`" + ` (facts from articles published since
a date; watched articles carry their feed item's date).

Examples:
   newsgraph watch https://example.org/news/rss.xml https://example.com/feed.json
   newsgraph watch --interval 5m                       # the feeds of watch.feeds
   newsgraph watch --once https://example.org/rss.xml  # one poll (cron, tests)`,
		Flags: []cli.Flag{
			keyFlag("interval", "time between polls, a Go `DURATION` (like 15m)"),
			&cli.BoolFlag{Name: "once", Usage: "poll once and exit"},
			parserFlag(),
			beamFlag(),
			&cli.IntFlag{Name: "workers", Usage: "articles processed at once (default: extract.workers, else the number of CPUs)"},
		},
		Action: func(c *cli.Context) error {
			if err := e.setup(c); err != nil {
				return err
			}
			o := watchOptions{feeds: c.Args().Slice(), interval: e.cfg.Watch.Interval, once: c.Bool("once"), workers: c.Int("workers")}
			if len(o.feeds) == 0 {
				o.feeds = e.cfg.Watch.Feeds
			}
			if len(o.feeds) == 0 {
				return usagef("watch", "no feeds: give feed URLs or set watch.feeds")
			}
			return runWatch(c.Context, e, o)
		},
	}
}

// watcher holds what every poll reuses: the store, the pipeline, the web source.
type watcher struct {
	e     *env
	o     watchOptions
	store *neo4j.Store
	pipe  *extract.Pipeline
	src   *fetch.Source
	polls int
}

func runWatch(ctx context.Context, e *env, o watchOptions) error {
	store, err := e.open(ctx)
	if err != nil {
		return err
	}
	defer store.Close(context.WithoutCancel(ctx))
	if _, err := store.ApplySchema(ctx); err != nil {
		return fmt.Errorf("applying the schema before loading: %w", err)
	}
	w := &watcher{e: e, o: o, store: store}
	w.src = fetch.NewSource(ctx, e.webClient(), fetch.SourceOptions{Known: w.known, Unchanged: w.unchanged, Log: e.log})
	workers := o.workers
	if workers <= 0 {
		workers = e.cfg.Extract.Workers
	}
	w.pipe, err = extract.New(extract.Options{Workers: workers, MaxBytes: int64(e.cfg.Extract.MaxFileBytes),
		LexiconDir: e.cfg.Extract.LexiconDir, Remote: w.src.Docs, Parse: true,
		SingleParser: e.cfg.Extract.Parser == "single", FastParser: e.cfg.Extract.Parser == "fast", Beam: e.cfg.Extract.Beam})
	if err != nil {
		return err
	}
	e.log.Info("watching", "feeds", len(o.feeds), "interval", o.interval)
	for {
		err := w.poll(ctx)
		if ctx.Err() != nil {
			return ctx.Err() // after the current batch: exit 130
		}
		if o.once {
			return err
		}
		if err != nil {
			e.log.Error("poll failed", "poll", w.polls, "err", err)
		}
		t := time.NewTimer(o.interval)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// poll reads every feed once and loads what is new or changed. Fetching stops at Ctrl-C
// (nothing is written); a load that has begun finishes its batches.
func (w *watcher) poll(ctx context.Context) error {
	w.polls++
	start := time.Now()
	w.src.Reset()
	res, err := w.pipe.Run(ctx, w.o.feeds...)
	if err != nil {
		return err
	}
	for _, fe := range res.Errors {
		w.e.log.Warn("not read", "url", fe.Path, "reason", fe.Reason)
	}
	var st graph.LoadStats
	if len(res.Document.Articles) > 0 {
		if st, err = w.load(context.WithoutCancel(ctx), &res.Document); err != nil {
			return err
		}
	}
	s := &w.src.Stats
	w.e.log.Info("poll", "n", w.polls, "feeds", len(w.o.feeds), "feeds_not_modified", s.FeedsNotModified.Load(),
		"items", s.Items.Load(), "fetched", s.Fetched.Load(), "not_modified", s.NotModified.Load(),
		"unchanged", s.Unchanged.Load(), "loaded", len(res.Document.Articles), "nodes_created", st.NodesCreated,
		"rels_created", st.RelsCreated, "failed", len(res.Errors), "took", time.Since(start).Round(time.Millisecond))
	if len(res.Errors) > 0 {
		return partialError{unread: len(res.Errors), written: len(res.Document.Articles)}
	}
	return nil
}

// load validates the poll's extraction exactly as load does, then writes it. When it is
// not valid, the articles are validated and loaded one by one and the invalid ones are
// named and left out: one bad page must not hold back every poll after it.
func (w *watcher) load(ctx context.Context, d *graph.Document) (graph.LoadStats, error) {
	st, err := w.loadDoc(ctx, d)
	var ve *graph.ValidationError
	if err == nil || !errors.As(err, &ve) || len(d.Articles) < 2 {
		return st, err
	}
	var total graph.LoadStats
	var bad int
	for _, one := range splitArticles(d) {
		st, err := w.loadDoc(ctx, one)
		if errors.As(err, &ve) {
			bad++
			w.e.log.Warn("article left out", "id", one.Articles[0].ID, "err", err)
			continue
		}
		if err != nil {
			return total, err
		}
		total.Add(st)
	}
	if bad == 0 {
		return total, nil
	}
	return total, partialError{leftOut: bad, written: len(d.Articles) - bad}
}

// splitArticles makes one document per article: it, its relationships and the nodes it
// references.
func splitArticles(d *graph.Document) []*graph.Document {
	out := make([]*graph.Document, 0, len(d.Articles))
	for _, a := range d.Articles {
		one := &graph.Document{Meta: d.Meta, Articles: []graph.Article{a}}
		need := map[string]bool{}
		for _, e := range d.Edges {
			if e.Article == a.ID {
				one.Edges = append(one.Edges, e)
				need[e.From], need[e.To] = true, true
			}
		}
		for _, n := range d.Nodes { // in the document's order
			mentioned := slices.Contains(n.Articles, a.ID)
			if !mentioned && !need[n.ID] {
				continue
			}
			n.Articles = nil
			if mentioned {
				n.Articles = []string{a.ID}
			}
			one.Nodes = append(one.Nodes, n)
		}
		out = append(out, one)
	}
	return out
}

// loadDoc validates one document exactly as load does, then writes it.
func (w *watcher) loadDoc(ctx context.Context, d *graph.Document) (graph.LoadStats, error) {
	var buf bytes.Buffer
	gw := graph.NewWriter(&buf)
	if err := gw.WriteDocument(d); err != nil {
		return graph.LoadStats{}, err
	}
	if err := gw.Flush(); err != nil {
		return graph.LoadStats{}, err
	}
	valid, err := graph.Read(&buf, "poll")
	if err != nil {
		return graph.LoadStats{}, fmt.Errorf("poll %d: extraction not valid: %w", w.polls, err)
	}
	plan, err := neo4j.NewPlan(valid, "poll", w.e.cfg.Load.BatchSize)
	if err != nil {
		return graph.LoadStats{}, err
	}
	return w.store.LoadPlan(ctx, plan, nil)
}

// knownQuery finds an article by id, url or source, each through its index.
const knownQuery = `MATCH (a:Article {id: $url}) RETURN a.etag AS etag, a.last_modified AS last_modified
UNION MATCH (a:Article {url: $url}) RETURN a.etag AS etag, a.last_modified AS last_modified
UNION MATCH (a:Article {source: $url}) RETURN a.etag AS etag, a.last_modified AS last_modified`

// known gives the validators the graph holds for a page URL (its id, url or source).
func (w *watcher) known(url string) (fetch.Validators, bool) {
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	rows, err := w.store.Query(ctx, knownQuery, map[string]any{"url": url})
	if err != nil || len(rows.Rows) == 0 {
		if err != nil {
			w.e.log.Debug("state lookup failed", "url", url, "err", err)
		}
		return fetch.Validators{}, false
	}
	etag, _ := rows.Rows[0][0].(string)
	lm, _ := rows.Rows[0][1].(string)
	return fetch.Validators{ETag: etag, LastModified: lm}, true
}

// unchanged reports whether the graph holds article id with this content hash.
func (w *watcher) unchanged(id, hash string) bool {
	ctx, cancel := context.WithTimeout(context.Background(), lookupTimeout)
	defer cancel()
	rows, err := w.store.Query(ctx, `MATCH (a:Article {id: $id}) RETURN a.hash = $hash AS same`,
		map[string]any{"id": id, "hash": hash})
	if err != nil || len(rows.Rows) == 0 {
		return false
	}
	same, _ := rows.Rows[0][0].(bool)
	return same
}

// lookupTimeout bounds one state lookup; they do not stop at Ctrl-C (a poll's fetches do).
const lookupTimeout = 30 * time.Second
