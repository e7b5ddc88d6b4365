package main

import (
	"context"
	"flag"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// paramSets collects -p flags: each one parameter set, "name=value;name=value" ("" for the
// defaults).
type paramSets []string

func (p *paramSets) String() string     { return strings.Join(*p, " | ") }
func (p *paramSets) Set(s string) error { *p = append(*p, s); return nil }

// compare runs one report with each parameter set under two folders of templates (before,
// after), interleaved run by run, and prints per set: whether the rows are equal (columns
// not starting with "_" in order; graph columns as sets of element ids, the after set a subset
// of the before set), p50/p95 of each, and the PROFILE db hits of each. With -before "" only
// the after templates are timed.
func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	before := fs.String("before", "", "folder of the templates before (empty: time -after only)")
	after := fs.String("after", "", "folder of the templates after (empty: the embedded ones)")
	runs := fs.Int("runs", 10, "timed runs per template and parameter set")
	plan := fs.Bool("plan", false, "print the PROFILE plan of the after template for each set")
	var sets paramSets
	fs.Var(&sets, "p", "a parameter set name=value;name=value (repeat; \"\" the defaults, \"example\" the example)")
	fs.Parse(args)
	if fs.NArg() != 1 {
		usage()
	}
	if len(sets) == 0 {
		sets = paramSets{"", "example"}
	}
	ctx := context.Background()
	s, err := open(ctx, 120*time.Second)
	if err != nil {
		return err
	}
	defer s.Close(ctx)
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	ta, err := template(*after, fs.Arg(0))
	if err != nil {
		return err
	}
	var tb *queries.Template
	if *before != "" {
		if tb, err = template(*before, fs.Arg(0)); err != nil {
			return err
		}
	}
	for _, set := range sets {
		params, err := bind(ta, set)
		if err != nil {
			return err
		}
		var ds [2][]float64
		var rows [2]*graph.Rows
		for i := 0; i <= *runs; i++ {
			for k, tm := range []*queries.Template{tb, ta} {
				if tm == nil {
					continue
				}
				t := time.Now()
				r, err := s.Query(ctx, tm.Cypher(), params)
				if err != nil {
					return fmt.Errorf("%q: %w", set, err)
				}
				if i > 0 {
					ds[k] = append(ds[k], float64(time.Since(t).Microseconds())/1000)
				}
				rows[k] = r
			}
		}
		line := fmt.Sprintf("%-40q rows=%d", set, len(rows[1].Rows))
		if tb != nil {
			line += fmt.Sprintf(" same=%s before p50/p95=%.1f/%.1f hits=%d |", same(rows[0], rows[1]), p(ds[0], 50), p(ds[0], 95), hits(ctx, drv, db, tb, params))
		}
		line += fmt.Sprintf(" after p50/p95=%.1f/%.1f hits=%d", p(ds[1], 50), p(ds[1], 95), hits(ctx, drv, db, ta, params))
		fmt.Println(line)
		if *plan {
			res, err := driver.ExecuteQuery(ctx, drv, "PROFILE "+ta.Cypher(), params, driver.EagerResultTransformer,
				driver.ExecuteQueryWithDatabase(db), driver.ExecuteQueryWithReadersRouting())
			if err != nil {
				return err
			}
			printPlan(res.Summary.Profile(), 1)
		}
	}
	return nil
}

func p(ds []float64, q int) float64 {
	sort.Float64s(ds)
	return pct(ds, q)
}

func template(dir, name string) (*queries.Template, error) {
	cat, err := queries.Load(dir)
	if err != nil {
		return nil, err
	}
	tm, ok := cat.Get(name)
	if !ok {
		return nil, fmt.Errorf("no report %s in %q", name, dir)
	}
	return tm, nil
}

func bind(tm *queries.Template, set string) (map[string]any, error) {
	if set == "example" {
		return tm.ExampleParams()
	}
	vals := map[string]string{}
	for _, kv := range strings.Split(set, ";") {
		if kv == "" {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		vals[k] = v
	}
	return tm.Bind(vals)
}

func hits(ctx context.Context, drv driver.DriverWithContext, db string, tm *queries.Template, params map[string]any) int64 {
	res, err := driver.ExecuteQuery(ctx, drv, "PROFILE "+tm.Cypher(), params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(db), driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		return -1
	}
	return total(res.Summary.Profile())
}

func total(p driver.ProfiledPlan) int64 {
	if p == nil {
		return 0
	}
	n := p.DbHits()
	for _, c := range p.Children() {
		n += total(c)
	}
	return n
}

// same compares two results: "yes", "yes-drawing-subset" (the after graph columns draw a
// subset of the before ones), or what differs first. Columns not starting with "_" must be
// equal, in order; the graph columns of a row are compared as one set of element ids.
func same(a, b *graph.Rows) string {
	visible := func(r *graph.Rows) []string {
		var out []string
		for _, c := range r.Columns {
			if !strings.HasPrefix(c, "_") {
				out = append(out, c)
			}
		}
		return out
	}
	if !reflect.DeepEqual(visible(a), visible(b)) {
		return fmt.Sprintf("NO(columns %v vs %v)", a.Columns, b.Columns)
	}
	if len(a.Rows) != len(b.Rows) {
		return fmt.Sprintf("NO(%d vs %d rows)", len(a.Rows), len(b.Rows))
	}
	split := func(r *graph.Rows, i int) ([]any, map[string]bool) {
		var vis []any
		drawn := map[string]bool{}
		for j, c := range r.Columns {
			if strings.HasPrefix(c, "_") {
				for id := range ids(r.Rows[i][j]) {
					drawn[id] = true
				}
			} else {
				vis = append(vis, r.Rows[i][j])
			}
		}
		return vis, drawn
	}
	subset := false
	for i := range a.Rows {
		va, ea := split(a, i)
		vb, eb := split(b, i)
		if !reflect.DeepEqual(va, vb) {
			return fmt.Sprintf("NO(row %d: %v vs %v)", i, va, vb)
		}
		for id := range eb {
			if !ea[id] {
				return fmt.Sprintf("NO(row %d draws %s not drawn before)", i, id)
			}
		}
		if len(ea) != len(eb) {
			subset = true
		}
	}
	if subset {
		return "yes-drawing-subset"
	}
	return "yes"
}

// ids returns the element ids of the nodes and relationships in a graph value.
func ids(v any) map[string]bool {
	out := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e)
			}
		case graph.NodeValue:
			out[x.ElementID] = true
		case graph.RelValue:
			out[x.ElementID] = true
		case graph.PathValue:
			for _, n := range x.Nodes {
				out[n.ElementID] = true
			}
			for _, r := range x.Rels {
				out[r.ElementID] = true
			}
		}
	}
	walk(v)
	return out
}
