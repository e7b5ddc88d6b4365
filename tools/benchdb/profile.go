package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/queries"
)

// profile prints the PROFILE plan of a report (example parameters): each operator with its
// rows and db hits, and the total db hits.
func profile(args []string) error {
	fs := flag.NewFlagSet("profile", flag.ExitOnError)
	dir := fs.String("queries", "", "folder of .cypher templates that replace the embedded ones")
	set := fs.String("p", "example", `parameters "k=v; k=v" ("" for the defaults)`)
	fs.Parse(args)
	if fs.NArg() != 1 {
		usage()
	}
	cat, err := queries.Load(*dir)
	if err != nil {
		return err
	}
	tm, ok := cat.Get(fs.Arg(0))
	if !ok {
		return fmt.Errorf("no report %s", fs.Arg(0))
	}
	params, err := bind(tm, *set)
	if err != nil {
		params = tm.Defaults()
	}
	ctx := context.Background()
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, drv, "PROFILE "+tm.Cypher(), params, driver.EagerResultTransformer,
		driver.ExecuteQueryWithDatabase(db), driver.ExecuteQueryWithReadersRouting())
	if err != nil {
		return err
	}
	total := printPlan(res.Summary.Profile(), 0)
	fmt.Fprintf(os.Stdout, "total db hits: %d\n", total)
	return nil
}

func printPlan(p driver.ProfiledPlan, depth int) int64 {
	if p == nil {
		return 0
	}
	details, _ := p.Arguments()["Details"].(string)
	mem := ""
	if m, ok := p.Arguments()["Memory"]; ok {
		mem = fmt.Sprintf(" memory=%v", m)
	}
	fmt.Printf("%s%s rows=%d dbhits=%d%s %s\n", strings.Repeat("  ", depth), p.Operator(), p.Records(), p.DbHits(), mem, details)
	total := p.DbHits()
	for _, c := range p.Children() {
		total += printPlan(c, depth+1)
	}
	return total
}
