package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
)

type queryOptions struct {
	Cypher string
	Params map[string]any
	Format string // table, csv, json

	Out  io.Writer
	Open func(context.Context) (graph.Store, error)
}

func queryCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:      "query",
		Usage:     "run a read-only Cypher query and print the rows",
		ArgsUsage: "'CYPHER'|-",
		Description: `Runs one Cypher statement in a read transaction and prints the rows as a table, CSV
or JSON (an array of objects, one per line). Only reading is allowed: LOAD CSV,
TERMINATE TRANSACTIONS, administration commands (SHOW, GRANT, ...) and server
procedures (dbms.*) are refused before anything is sent, and the statement is EXPLAINed
first: anything that would write (CREATE, MERGE, SET, DELETE, schema commands) is
refused too — exit 1; change the graph with ` + "`newsgraph load`" + `. The server stops
a query that runs longer than neo4j.query_timeout (default 60s; exit 1).
Use - to read the query from stdin.

CSV and JSON rows are written as they arrive (memory does not grow with the result);
the table format holds at most ` + fmt.Sprint(maxTableRows) + ` rows to align them, then stops and says so.

--param name=value sets $name: 42 is an integer, 4.2 a float, true/false booleans,
null is null, [..] {..} and "..." are JSON (so '"42"' is the string 42); anything
else is a string.

Examples:
   newsgraph query 'MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 10'
   newsgraph query 'MATCH (a)-[m:MET]->(b) WHERE m.date >= $since RETURN a.name, b.name, m.date, m.sentence' \
       --param since=2024-11-01 --format csv
   newsgraph query 'MATCH (p:Person {id: $id})-[r]-(x) RETURN type(r), x.name' -p id=person:mark-rutte -f json
   newsgraph query - < report.cypher`,
		Flags: []cli.Flag{
			&cli.StringSliceFlag{Name: "param", Aliases: []string{"p"}, Usage: "query parameter `name=value` (repeatable)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "table", Usage: "output `FORMAT`: table, csv or json"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usagef("query", "query takes one Cypher statement (or - for stdin), got %d arguments", c.NArg())
			}
			params, err := parseParams(c.StringSlice("param"))
			if err != nil {
				return usageError{err: err, command: "query"}
			}
			format := c.String("format")
			if err := checkFormat(format); err != nil {
				return usageError{err: err, command: "query"}
			}
			cypher := c.Args().First()
			if cypher == "-" {
				b, err := io.ReadAll(e.stdin)
				if err != nil {
					return fmt.Errorf("reading the query from stdin: %w", err)
				}
				cypher = string(b)
			}
			if strings.TrimSpace(cypher) == "" {
				return usagef("query", "the query is empty")
			}
			if err := e.setup(c); err != nil {
				return err
			}
			return runQuery(c.Context, queryOptions{
				Cypher: cypher, Params: params, Format: format, Out: e.stdout,
				Open: func(ctx context.Context) (graph.Store, error) { return e.open(ctx) },
			})
		},
	}
}

func runQuery(ctx context.Context, o queryOptions) error {
	s, err := o.Open(ctx)
	if err != nil {
		return err
	}
	defer s.Close(context.WithoutCancel(ctx))
	return streamQuery(ctx, s, o.Cypher, o.Params, newRowWriter(o.Out, o.Format))
}
