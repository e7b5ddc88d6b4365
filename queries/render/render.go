// Package render turns the rows of a report (a template from package queries run
// against the graph) into Markdown or a self-contained HTML page with an SVG drawing of
// the subgraph the rows cover, and writes the Neo4j Browser guide of the templates.
// Table, CSV and JSON output is the CLI's, shared with `newsgraph query`.
package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// Report is one run of a template: what the renderers show.
type Report struct {
	Template *queries.Template
	Params   map[string]any // the values the run used
	Rows     *graph.Rows
	// Graph is the subgraph drawn in HTML (see ForRows); nil draws nothing.
	Graph *Graph
}

// Visible returns rows without the columns whose name starts with "_" (graph values
// meant for Neo4j Browser and the HTML drawing).
func Visible(rows *graph.Rows) *graph.Rows {
	keep := make([]int, 0, len(rows.Columns))
	for i, c := range rows.Columns {
		if !strings.HasPrefix(c, "_") {
			keep = append(keep, i)
		}
	}
	if len(keep) == len(rows.Columns) {
		return rows
	}
	out := &graph.Rows{Columns: make([]string, len(keep)), Rows: make([][]any, len(rows.Rows))}
	for j, i := range keep {
		out.Columns[j] = rows.Columns[i]
	}
	for r, row := range rows.Rows {
		vals := make([]any, len(keep))
		for j, i := range keep {
			if i < len(row) {
				vals[j] = row[i]
			}
		}
		out.Rows[r] = vals
	}
	return out
}

// Text renders one value for a report cell: null as "", strings as they are, numbers in
// their shortest form, lists of scalars joined with ", ", nodes by name, relationships
// by type, paths as (a)-[:TYPE]->(b), maps as JSON.
func Text(v any) string {
	if v == nil {
		return ""
	}
	if s, ok := Scalar(v); ok {
		return s
	}
	switch x := v.(type) {
	case graph.NodeValue:
		return nodeName(x)
	case graph.RelValue:
		return x.Type
	case graph.PathValue:
		return Path(x, func(n graph.NodeValue) string { return "(" + nodeName(n) + ")" })
	case []any:
		parts := make([]string, len(x))
		for i, y := range x {
			parts[i] = Text(y)
		}
		return strings.Join(parts, ", ")
	case []string:
		return strings.Join(x, ", ")
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimRight(b.String(), "\n")
}

// Float renders a float the way Cypher prints it: shortest form, always recognisable as a
// float (2.0, not 2), NaN, Infinity, -Infinity.
func Float(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	}
	s := strconv.FormatFloat(f, 'g', -1, 64)
	if !strings.ContainsAny(s, ".eE") {
		s += ".0"
	}
	return s
}

func nodeName(n graph.NodeValue) string {
	for _, p := range []string{"name", "title", "id"} {
		if s, ok := n.Props[p].(string); ok && s != "" {
			return s
		}
	}
	return n.ElementID
}

// ParamText renders a run's params as `name = value` pairs in header order, values as
// Cypher literals.
func ParamText(t *queries.Template, params map[string]any) string {
	parts := make([]string, 0, len(t.Params))
	for _, p := range t.Params {
		parts = append(parts, p.Name+" = "+Literal(params[p.Name]))
	}
	return strings.Join(parts, ", ")
}

// Literal renders a parameter value as Cypher writes it: "text", 42, true, null, ["a"].
func Literal(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		q, _ := json.Marshal(x)
		return string(q)
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = Literal(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = Literal(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + Literal(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return Text(v)
}

// Markdown writes the report as a Markdown section: a heading, the summary, the params
// and a table of the visible columns (pipes and newlines escaped).
func Markdown(w io.Writer, r *Report) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n%s\n\n", r.Template.Name, r.Template.Summary)
	if len(r.Template.Params) > 0 {
		fmt.Fprintf(&b, "Parameters: `%s`\n\n", ParamText(r.Template, r.Params))
	}
	rows := Visible(r.Rows)
	if len(rows.Columns) > 0 {
		b.WriteString("|")
		for _, c := range rows.Columns {
			b.WriteString(" " + mdCell(c) + " |")
		}
		b.WriteString("\n|")
		for range rows.Columns {
			b.WriteString(" --- |")
		}
		b.WriteString("\n")
		for _, row := range rows.Rows {
			b.WriteString("|")
			for _, v := range row {
				b.WriteString(" " + mdCell(Text(v)) + " |")
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	n := len(rows.Rows)
	fmt.Fprintf(&b, "(%d row%s)\n", n, plural(n))
	_, err := io.WriteString(w, b.String())
	return err
}

func mdCell(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	s = strings.ReplaceAll(s, "\r\n", "<br>")
	return strings.ReplaceAll(s, "\n", "<br>")
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// Scalar renders a string as it is, a bool, and a number in its shortest form; ok is false
// for every other value.
func Scalar(v any) (s string, ok bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case bool:
		return strconv.FormatBool(x), true
	case int64:
		return strconv.FormatInt(x, 10), true
	case int:
		return strconv.Itoa(x), true
	case float64:
		return Float(x), true
	}
	return "", false
}

// Path renders a path as a chain of its nodes, each written by node, joined by
// -[:TYPE]-> or <-[:TYPE]- as each relationship points.
func Path(p graph.PathValue, node func(graph.NodeValue) string) string {
	var b strings.Builder
	for i, n := range p.Nodes {
		if i > 0 && i-1 < len(p.Rels) {
			r := p.Rels[i-1]
			if r.StartID == p.Nodes[i-1].ElementID {
				b.WriteString("-[:" + r.Type + "]->")
			} else {
				b.WriteString("<-[:" + r.Type + "]-")
			}
		}
		b.WriteString(node(n))
	}
	return b.String()
}
