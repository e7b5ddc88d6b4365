package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/queries"
)

// paramSets collects repeated -p flags: one parameter set each ("k=v; k=v", "" for the
// defaults, "example" for the template's example).
type paramSets []string

func (p *paramSets) String() string     { return strings.Join(*p, " | ") }
func (p *paramSets) Set(v string) error { *p = append(*p, v); return nil }

// compare runs one report of two template folders (-old, -new: "" for the embedded ones)
// with each parameter set: it checks that both return the same rows (as JSON, in order)
// and times them interleaved (old, new, old, new, ...), with the db hits of PROFILE.
func compare(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ExitOnError)
	oldDir := fs.String("old", "", "folder of the templates before")
	newDir := fs.String("new", "", "folder of the templates after")
	name := fs.String("name", "", "report")
	runs := fs.Int("runs", 10, "timed runs of each side per parameter set (0: compare only)")
	keys := fs.String("keys", "", "columns of the sort keys (names, comma-separated): rows whose keys all tie may come in any order")
	vetted := fs.Bool("vetted", false, "time the new side without the EXPLAIN (as report run runs embedded templates); the old side keeps it, as main did")
	fs.BoolVar(&oldVetted, "oldvetted", false, "time the old side without the EXPLAIN too (two built-in templates, as report run runs both since 2026-11-30)")
	drop := fs.String("drop", "", "columns left out of the comparison (names, comma-separated): a changed drawing column")
	fs.BoolVar(&drawSubset, "subset", false, "graph columns (_*) may shrink: compare the others, and check each new row's element ids are among the old row's")
	var sets paramSets
	fs.Var(&sets, "p", `parameters "k=v; k=v" ("" defaults, "example"); repeatable`)
	fs.Parse(args)
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
	old, err := template(*oldDir, *name)
	if err != nil {
		return err
	}
	nw, err := template(*newDir, *name)
	if err != nil {
		return err
	}
	if len(sets) == 0 {
		sets = paramSets{"", "example"}
	}
	bad := 0
	for _, set := range sets {
		ok, err := compareOne(ctx, s, drv, db, old, nw, set, *runs, *keys, *drop, *vetted)
		if err != nil {
			return fmt.Errorf("%s [%s]: %w", *name, set, err)
		}
		if !ok {
			bad++
		}
	}
	if bad > 0 {
		return fmt.Errorf("%d parameter sets differ", bad)
	}
	return nil
}

// oldVetted: compare -oldvetted (the old side timed without the EXPLAIN too).
var oldVetted bool

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

// bind turns "k=v; k=v" into the template's parameters.
func bind(tm *queries.Template, set string) (map[string]any, error) {
	switch strings.TrimSpace(set) {
	case "":
		return tm.Defaults(), nil
	case "example":
		return tm.ExampleParams()
	}
	vals := map[string]string{}
	for _, kv := range strings.Split(set, ";") {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return nil, fmt.Errorf("bad parameter %q", kv)
		}
		vals[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return tm.Bind(vals)
}

func compareOne(ctx context.Context, s *neo4j.Store, drv driver.DriverWithContext, db string, old, nw *queries.Template, set string, runs int, keys, drop string, vetted bool) (bool, error) {
	po, err := bind(old, set)
	if err != nil {
		return false, err
	}
	pn, err := bind(nw, set)
	if err != nil {
		return false, err
	}
	ro, err := s.Query(ctx, old.Cypher(), po)
	if err != nil {
		return false, fmt.Errorf("old: %w", err)
	}
	rn, err := s.Query(ctx, nw.Cypher(), pn)
	if err != nil {
		return false, fmt.Errorf("new: %w", err)
	}
	if drawSubset {
		if err := drawingSubset(ro.Columns, ro.Rows, rn.Rows); err != nil {
			fmt.Fprintln(os.Stderr, err)
			return false, nil
		}
	}
	jo, jn := rowJSON(dropCols(ro, drop)), rowJSON(dropCols(rn, drop))
	verdict := "identical"
	same := strings.Join(jo, "\n") == strings.Join(jn, "\n")
	if !same {
		verdict = "DIFFER"
		if sortedEqual(jo, jn) {
			verdict = "SAME ROWS, OTHER ORDER"
			if keys != "" && tiesOnly(ro.Columns, ro.Rows, rn.Rows, strings.Split(keys, ",")) {
				verdict, same = "same up to ties", true
			}
		}
		if !same {
			fmt.Fprintf(os.Stderr, "first difference: %s\n", firstDifference(jo, jn))
		}
	}
	var to, tn []float64
	for i := 0; i <= runs && runs > 0; i++ {
		runOld := s.Query
		if oldVetted {
			runOld = s.QueryVetted
		}
		d1, err := timed(ctx, runOld, old.Cypher(), po)
		if err != nil {
			return false, err
		}
		run := s.Query
		if vetted {
			run = s.QueryVetted
		}
		d2, err := timed(ctx, run, nw.Cypher(), pn)
		if err != nil {
			return false, err
		}
		if i > 0 {
			to, tn = append(to, d1), append(tn, d2)
		}
	}
	ho, err := dbHits(ctx, drv, db, old.Cypher(), po)
	if err != nil {
		return false, err
	}
	hn, err := dbHits(ctx, drv, db, nw.Cypher(), pn)
	if err != nil {
		return false, err
	}
	sort.Float64s(to)
	sort.Float64s(tn)
	fmt.Printf("%-18s %-40q rows %5d/%5d %-22s p50 %7.1f -> %7.1f  p95 %7.1f -> %7.1f  dbhits %8d -> %8d\n",
		old.Name, set, len(jo), len(jn), verdict, pct(to, 50), pct(tn, 50), pct(to, 95), pct(tn, 95), ho, hn)
	return same, nil
}

func timed(ctx context.Context, query func(context.Context, string, map[string]any) (*graph.Rows, error), cypher string, params map[string]any) (float64, error) {
	t := time.Now()
	if _, err := query(ctx, cypher, params); err != nil {
		return 0, err
	}
	return float64(time.Since(t).Microseconds()) / 1000, nil
}

func dbHits(ctx context.Context, drv driver.DriverWithContext, db, cypher string, params map[string]any) (int64, error) {
	res, err := driver.ExecuteQuery(ctx, drv, "PROFILE "+cypher, params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(db), driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		return 0, err
	}
	return sumHits(res.Summary.Profile()), nil
}

func sumHits(p driver.ProfiledPlan) int64 {
	if p == nil {
		return 0
	}
	n := p.DbHits()
	for _, c := range p.Children() {
		n += sumHits(c)
	}
	return n
}

func rowJSON(rows [][]any) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		b, _ := json.Marshal(r)
		out[i] = string(b)
	}
	return out
}

func sortedEqual(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]string(nil), a...), append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, "\n") == strings.Join(y, "\n")
}

func firstDifference(a, b []string) string {
	for i := 0; i < len(a) || i < len(b); i++ {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("row %d\n  old %.600s\n  new %.600s", i, x, y)
		}
	}
	return "none"
}

// tiesOnly says whether two row lists with the same rows differ only in the order of rows
// whose key columns are all equal: the keys, row by row, are the same sequence.
func tiesOnly(cols []string, a, b [][]any, keys []string) bool {
	idx := map[string]int{}
	for i, c := range cols {
		idx[c] = i
	}
	key := func(r []any) string {
		var parts []any
		for _, k := range keys {
			if i, ok := idx[strings.TrimSpace(k)]; ok {
				parts = append(parts, r[i])
			}
		}
		b, _ := json.Marshal(parts)
		return string(b)
	}
	for i := range a {
		if key(a[i]) != key(b[i]) {
			return false
		}
	}
	return true
}

// dropCols returns the rows without the named columns.
func dropCols(r *graph.Rows, drop string) [][]any {
	if drop == "" {
		return r.Rows
	}
	skip := map[int]bool{}
	for _, c := range strings.Split(drop, ",") {
		for i, col := range r.Columns {
			if col == strings.TrimSpace(c) {
				skip[i] = true
			}
		}
	}
	out := make([][]any, len(r.Rows))
	for i, row := range r.Rows {
		for j, v := range row {
			if !skip[j] {
				out[i] = append(out[i], v)
			}
		}
	}
	return out
}

// drawSubset: the -subset flag of compare.
var drawSubset bool

// drawingSubset checks that each new row's graph columns (_*) hold only element ids of the
// old row's, then blanks those columns in both so that the rest is compared.
func drawingSubset(cols []string, old, nw [][]any) error {
	for i := range nw {
		if i >= len(old) {
			return nil
		}
		for c, name := range cols {
			if !strings.HasPrefix(name, "_") || c >= len(nw[i]) {
				continue
			}
			have := map[string]bool{}
			elementIDs(old[i][c], have)
			got := map[string]bool{}
			elementIDs(nw[i][c], got)
			for id := range got {
				if !have[id] {
					return fmt.Errorf("row %d column %s: element %s not in the old row's", i, name, id)
				}
			}
			old[i][c], nw[i][c] = nil, nil
		}
	}
	for i := len(nw); i < len(old); i++ {
		for c, name := range cols {
			if strings.HasPrefix(name, "_") {
				old[i][c] = nil
			}
		}
	}
	return nil
}

func elementIDs(v any, into map[string]bool) {
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["element_id"].(string); ok {
			into[id] = true
			return
		}
		for _, e := range x {
			elementIDs(e, into)
		}
	case []any:
		for _, e := range x {
			elementIDs(e, into)
		}
	case nil, string, bool, int64, float64:
	default: // a driver or graph value: through its JSON form
		b, err := json.Marshal(x)
		if err != nil {
			return
		}
		var y any
		if json.Unmarshal(b, &y) == nil {
			elementIDs(y, into)
		}
	}
}
