package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
)

// naive is the baseline that make bench sets the batched load against: every record of an
// extraction is its own write transaction and its own MERGE (edges MERGE their endpoints by
// label and id, then the relationship by its key), with its scalar fields as properties. It
// writes an evenly spread sample of -rows records (every k-th article, node and edge, so the
// mix of kinds is the file's) and prints {"rows": N, "seconds": S, "rows_per_s": R}.
func naive(args []string) error {
	fs := flag.NewFlagSet("naive", flag.ExitOnError)
	rows := fs.Int("rows", 3000, "records to write")
	fs.Parse(args)
	if fs.NArg() != 1 {
		usage()
	}
	f, err := os.Open(fs.Arg(0))
	if err != nil {
		return err
	}
	defer f.Close()
	doc, err := graph.Read(f, fs.Arg(0))
	if err != nil {
		return err
	}
	ctx := context.Background()
	drv, db, err := connect(ctx)
	if err != nil {
		return err
	}
	defer drv.Close(ctx)
	stmts := naiveStatements(doc)
	step := max(1, len(stmts) / *rows)
	n := 0
	start := time.Now()
	for i := 0; i < len(stmts) && n < *rows; i += step {
		if _, err := driver.ExecuteQuery(ctx, drv, stmts[i].cypher, stmts[i].params,
			driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(db)); err != nil {
			return fmt.Errorf("record %d: %w", i, err)
		}
		n++
	}
	secs := time.Since(start).Seconds()
	return json.NewEncoder(os.Stdout).Encode(map[string]any{"rows": n, "seconds": secs, "rows_per_s": float64(n) / secs})
}

func connect(ctx context.Context) (driver.DriverWithContext, string, error) {
	c, err := config.Load(config.Options{})
	if err != nil {
		return nil, "", err
	}
	pw, _, err := c.Neo4j.Password()
	if err != nil {
		return nil, "", err
	}
	drv, err := driver.NewDriverWithContext(c.Neo4j.URI, driver.BasicAuth(c.Neo4j.User, pw, ""))
	if err != nil {
		return nil, "", err
	}
	return drv, c.Neo4j.Database, drv.VerifyConnectivity(ctx)
}

type stmt struct {
	cypher string
	params map[string]any
}

// naiveStatements is one MERGE statement per record, in file order (articles, nodes, edges).
func naiveStatements(d *graph.Document) []stmt {
	label := map[string]graph.Label{}
	var out []stmt
	for _, a := range d.Articles {
		out = append(out, stmt{"MERGE (a:Article {id: $id}) SET a += $props", map[string]any{"id": a.ID, "props": scalars(a)}})
	}
	for _, n := range d.Nodes {
		label[n.ID] = n.Label
		cy := fmt.Sprintf("MERGE (n:%s {id: $id}) SET n += $props WITH n UNWIND $articles AS aid "+
			"MERGE (a:Article {id: aid}) MERGE (a)-[:MENTIONS]->(n)", n.Label)
		out = append(out, stmt{cy, map[string]any{"id": n.ID, "props": scalars(n), "articles": n.Articles}})
	}
	for _, e := range d.Edges {
		from, to := label[e.From], label[e.To]
		if e.Type == graph.RelMentions {
			from = graph.LabelArticle
		}
		if from == "" || to == "" {
			continue
		}
		key := fmt.Sprintf("%s|%s|%s|%s|%s", e.Type, e.From, e.To, e.Article, e.Status)
		cy := fmt.Sprintf("MERGE (a:%s {id: $from}) MERGE (b:%s {id: $to}) MERGE (a)-[r:%s {key: $key}]->(b) SET r += $props", from, to, e.Type)
		out = append(out, stmt{cy, map[string]any{"from": e.From, "to": e.To, "key": key, "props": scalars(e)}})
	}
	return out
}

// scalars is a record's JSON fields that Neo4j can store as properties (strings, numbers,
// booleans, lists of strings).
func scalars(v any) map[string]any {
	b, _ := json.Marshal(v)
	var m map[string]any
	_ = json.Unmarshal(b, &m)
	out := map[string]any{}
	for k, x := range m {
		switch x := x.(type) {
		case string, float64, bool:
			if k != "kind" && k != "id" {
				out[k] = x
			}
		case []any:
			var ss []string
			for _, y := range x {
				if s, ok := y.(string); ok {
					ss = append(ss, s)
				}
			}
			if len(ss) == len(x) && len(ss) > 0 {
				out[k] = ss
			}
		}
	}
	return out
}
