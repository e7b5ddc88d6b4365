package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/jedib0t/go-pretty/v6/table"
	"github.com/jedib0t/go-pretty/v6/text"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries/render"
)

// Output formats of query results.
var formats = []string{"table", "csv", "json"}

func checkFormat(f string) error {
	for _, x := range formats {
		if f == x {
			return nil
		}
	}
	return fmt.Errorf("unknown format %q (want %s)", f, strings.Join(formats, ", "))
}

// writeRows renders query results: "table" (aligned, for people), "csv" (header line,
// then one line per row; nested values as JSON), "json" (an array of objects, one per
// line, keys in column order).
func writeRows(w io.Writer, rows *graph.Rows, format string) error {
	switch format {
	case "csv":
		cw := csv.NewWriter(w)
		if err := cw.Write(rows.Columns); err != nil {
			return err
		}
		for _, r := range rows.Rows {
			rec := make([]string, len(r))
			for i, v := range r {
				if v != nil {
					rec[i] = cell(v, true)
				}
			}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	case "json":
		var b bytes.Buffer
		b.WriteString("[")
		for i, r := range rows.Rows {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n  {")
			for j, col := range rows.Columns {
				if j > 0 {
					b.WriteString(", ")
				}
				k, _ := json.Marshal(col)
				b.Write(k)
				b.WriteString(": ")
				v, err := marshalJSON(r[j])
				if err != nil {
					return fmt.Errorf("column %s: %w", col, err)
				}
				b.Write(v)
			}
			b.WriteString("}")
		}
		if len(rows.Rows) > 0 {
			b.WriteString("\n")
		}
		b.WriteString("]\n")
		_, err := w.Write(b.Bytes())
		return err
	default:
		t := table.NewWriter()
		t.SetOutputMirror(w)
		t.SetStyle(table.StyleLight)
		hdr := make(table.Row, len(rows.Columns))
		for i, c := range rows.Columns {
			hdr[i] = c
		}
		t.AppendHeader(hdr)
		for _, r := range rows.Rows {
			tr := make(table.Row, len(r))
			for i, v := range r {
				tr[i] = cell(v, false)
			}
			t.AppendRow(tr)
		}
		t.Style().Format.Header = 0 // keep column names as written (no upper-casing)
		var cc []table.ColumnConfig
		for i := range rows.Columns {
			if numericColumn(rows.Rows, i) {
				cc = append(cc, table.ColumnConfig{Number: i + 1, Align: text.AlignRight, AlignHeader: text.AlignRight})
			}
		}
		t.SetColumnConfigs(cc)
		t.Render()
		n := len(rows.Rows)
		_, err := fmt.Fprintf(w, "(%d row%s)\n", n, plural(n))
		return err
	}
}

// numericColumn reports whether every non-null value of column i is a number.
func numericColumn(rows [][]any, i int) bool {
	seen := false
	for _, r := range rows {
		switch r[i].(type) {
		case nil:
		case int64, int, float64:
			seen = true
		default:
			return false
		}
	}
	return seen
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// cell renders one value as text: strings as they are, numbers in their shortest form,
// nodes as (:Label {props}), relationships as [:TYPE {props}], paths as a chain, lists and
// maps as JSON (csv) or Cypher-like literals (table).
func cell(v any, csvMode bool) string {
	if v == nil {
		return "null"
	}
	if s, ok := render.Scalar(v); ok {
		return s
	}
	switch x := v.(type) {
	case graph.NodeValue:
		return "(" + labels(x.Labels) + " " + literal(x.Props) + ")"
	case graph.RelValue:
		return "[:" + x.Type + " " + literal(x.Props) + "]"
	case graph.PathValue:
		return render.Path(x, func(n graph.NodeValue) string {
			return "(" + labels(n.Labels) + " " + literal(n.Props) + ")"
		})
	}
	if csvMode {
		j, err := marshalJSON(v)
		if err == nil {
			return string(j)
		}
	}
	return literal(v)
}

func labels(ls []string) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString(":" + l)
	}
	return b.String()
}

// literal renders a value the way Cypher writes it: {id: "x", n: 2}, ["a", "b"] (the
// same rendering reports use for their parameters).
func literal(v any) string { return render.Literal(v) }

// marshalJSON encodes a value without HTML escaping; NaN and infinities become strings.
func marshalJSON(v any) ([]byte, error) {
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		return json.Marshal(render.Float(f))
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
