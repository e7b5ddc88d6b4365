// Command benchdb measures the Neo4j side for make bench (scripts/bench.sh), against the server
// that the NEWSGRAPH_NEO4J_* settings name (the test instance in make bench):
//
//	benchdb reports [-runs K] [-queries DIR] [-timeout D] [-explain]  # p50/p95 of every saved report, JSON
//	benchdb naive [-rows N] FILE.jsonl                      # the naive loader: one MERGE per transaction
//	benchdb profile [-queries DIR] [-p PARAMS] NAME                # PROFILE a report: operators, rows, db hits
//	benchdb wipe                                            # delete the whole graph (batched)
//	benchdb compare -old DIR -new DIR -name NAME -p 'k=v; k=v' ...  # same rows? p50/p95, db hits, interleaved
//	        [-keys COLS] [-drop COLS] [-vetted] [-oldvetted]  # ties may reorder; columns left out (a changed drawing); no EXPLAIN before the new / old side
//	benchdb explain [-runs K] [-queries DIR]                # p50/p95 of each template's EXPLAIN alone
//	benchdb probe                                           # ms of a fixed CPU task: the machine's speed now
//
// reports runs each template with its example parameters (defaults otherwise) K times after
// one warm-up run, in this process (no process start in the figures), as `report run` does:
// the embedded templates without the EXPLAIN before the run (-explain: with it, as before
// 2026-11-30), those of -queries with it. naive writes the first N
// records (articles, nodes, edges) of an extraction one transaction each, and prints rows/s.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/queries"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	var err error
	switch os.Args[1] {
	case "reports":
		err = reports(os.Args[2:])
	case "profile":
		err = profile(os.Args[2:])
	case "wipe":
		err = wipe()
	case "naive":
		err = naive(os.Args[2:])
	case "compare":
		err = compare(os.Args[2:])
	case "explain":
		err = explainTimes(os.Args[2:])
	case "probe":
		err = probe()
	default:
		usage()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchdb:", err)
		os.Exit(1)
	}
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: benchdb reports [-runs K] [-queries DIR] [-only NAME] | profile [-queries DIR] NAME | naive [-rows N] FILE.jsonl | wipe | compare -old DIR -new DIR -name NAME [-p PARAMS]... | explain [-runs K] | probe")
	os.Exit(2)
}

func open(ctx context.Context, timeout time.Duration) (*neo4j.Store, error) {
	c, err := config.Load(config.Options{})
	if err != nil {
		return nil, err
	}
	pw, _, err := c.Neo4j.Password()
	if err != nil {
		return nil, err
	}
	return neo4j.Open(ctx, neo4j.Config{URI: c.Neo4j.URI, User: c.Neo4j.User, Password: pw,
		Database: c.Neo4j.Database, QueryTimeout: timeout, UserAgent: "newsgraph-bench"})
}

// reportTimes is one report's figures in milliseconds (Error set when it failed).
type reportTimes struct {
	P50   float64 `json:"p50_ms"`
	P95   float64 `json:"p95_ms"`
	Rows  int     `json:"rows"`
	Error string  `json:"error,omitempty"`
}

func reports(args []string) error {
	fs := flag.NewFlagSet("reports", flag.ExitOnError)
	runs := fs.Int("runs", 5, "timed runs per report")
	dir := fs.String("queries", "", "folder of .cypher templates that replace the embedded ones")
	timeout := fs.Duration("timeout", 60*time.Second, "per-query timeout")
	only := fs.String("only", "", "run only this report")
	explain := fs.Bool("explain", false, "EXPLAIN every template before it runs (as before: the CLI skips it for the embedded ones)")
	fs.Parse(args)
	ctx := context.Background()
	s, err := open(ctx, *timeout)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	cat, err := queries.Load(*dir)
	if err != nil {
		return err
	}
	out := map[string]reportTimes{}
	for _, tm := range cat.All() {
		if *only != "" && tm.Name != *only {
			continue
		}
		out[tm.Name] = timeReport(ctx, s, tm, *runs, *explain)
		fmt.Fprintf(os.Stderr, "benchdb: %-18s %+v\n", tm.Name, out[tm.Name])
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// timeReport runs a template as `newsgraph report run` does: an embedded template without the
// read-only EXPLAIN before it (Store.QueryVetted), unless explain; one from a folder with it.
func timeReport(ctx context.Context, s *neo4j.Store, tm *queries.Template, runs int, explain bool) reportTimes {
	params, err := tm.ExampleParams()
	if err != nil {
		params = tm.Defaults()
	}
	var ds []float64
	rows := 0
	for i := 0; i <= runs; i++ {
		t := time.Now()
		run := s.Query
		if tm.Embedded && !explain {
			run = s.QueryVetted
		}
		r, err := run(ctx, tm.Cypher(), params)
		if err != nil {
			return reportTimes{Error: err.Error()}
		}
		if i > 0 { // the first run warms the plan cache
			ds = append(ds, float64(time.Since(t).Microseconds())/1000)
		}
		rows = len(r.Rows)
	}
	sort.Float64s(ds)
	return reportTimes{P50: pct(ds, 50), P95: pct(ds, 95), Rows: rows}
}

// pct is the nearest-rank percentile of sorted values.
func pct(sorted []float64, p int) float64 {
	if len(sorted) == 0 {
		return 0
	}
	k := (p*len(sorted) + 99) / 100
	if k < 1 {
		k = 1
	}
	return sorted[k-1]
}
