package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/queries"
)

// explainTimes prints, per template, p50/p95 of the EXPLAIN that Store.Query runs before a
// statement (the read-only check `report run` skips for the embedded templates), timed alone
// K times after one warm-up: what skipping it saves per report run.
func explainTimes(args []string) error {
	fs := flag.NewFlagSet("explain", flag.ExitOnError)
	runs := fs.Int("runs", 10, "timed runs per report")
	dir := fs.String("queries", "", "folder of .cypher templates that replace the embedded ones")
	fs.Parse(args)
	ctx := context.Background()
	s, err := open(ctx, 60*time.Second)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	cat, err := queries.Load(*dir)
	if err != nil {
		return err
	}
	for _, tm := range cat.All() {
		params, err := tm.ExampleParams()
		if err != nil {
			params = tm.Defaults()
		}
		var ds []float64
		for i := 0; i <= *runs; i++ {
			t := time.Now()
			if _, err := s.Explain(ctx, tm.Cypher(), params); err != nil {
				return fmt.Errorf("%s: %w", tm.Name, err)
			}
			if i > 0 {
				ds = append(ds, float64(time.Since(t).Microseconds())/1000)
			}
		}
		sort.Float64s(ds)
		fmt.Fprintf(os.Stdout, "%-18s EXPLAIN p50 %6.1f ms  p95 %6.1f ms\n", tm.Name, pct(ds, 50), pct(ds, 95))
	}
	return nil
}
