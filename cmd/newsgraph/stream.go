package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/graph"
)

// maxTableRows is how many rows `query --format table` holds to align its columns; the
// query stops there and says so (csv and json stream every row).
const maxTableRows = 10000

// errTableFull stops a table-format query at maxTableRows.
var errTableFull = errors.New("table full")

// rowStreamer is a store that hands rows over as they arrive (graph/neo4j.Store).
type rowStreamer interface {
	QueryStream(ctx context.Context, cypher string, params map[string]any, sink graph.RowSink) error
}

// rowWriter writes query rows as they come: csv and json go out through a buffer that
// is flushed as it fills, so memory does not grow with the rows; table keeps up to
// maxRows rows (it must see every value to align the columns).
type rowWriter struct {
	format  string
	out     *bufio.Writer
	csv     *csv.Writer
	cols    []string
	n       int
	table   *graph.Rows
	maxRows int
	more    bool // the table stopped at maxRows
}

func newRowWriter(w io.Writer, format string) *rowWriter {
	rw := &rowWriter{format: format, out: bufio.NewWriterSize(w, 64<<10), maxRows: maxTableRows}
	if format == "csv" {
		rw.csv = csv.NewWriter(rw.out)
	}
	return rw
}

// Columns implements graph.RowSink.
func (rw *rowWriter) Columns(cols []string) error {
	rw.cols = cols
	switch rw.format {
	case "csv":
		return rw.csv.Write(cols)
	case "json":
		_, err := rw.out.WriteString("[")
		return err
	}
	rw.table = &graph.Rows{Columns: cols, Rows: [][]any{}}
	return nil
}

// Row implements graph.RowSink.
func (rw *rowWriter) Row(r []any) error {
	rw.n++
	switch rw.format {
	case "csv":
		rec := make([]string, len(r))
		for i, v := range r {
			if v != nil {
				rec[i] = cell(v, true)
			}
		}
		return rw.csv.Write(rec)
	case "json":
		return rw.jsonRow(r)
	}
	if len(rw.table.Rows) == rw.maxRows {
		rw.more = true
		return errTableFull
	}
	rw.table.Rows = append(rw.table.Rows, r)
	return nil
}

func (rw *rowWriter) jsonRow(r []any) error {
	if rw.n > 1 {
		rw.out.WriteString(",")
	}
	rw.out.WriteString("\n  {")
	for j, col := range rw.cols {
		if j > 0 {
			rw.out.WriteString(", ")
		}
		k, _ := json.Marshal(col)
		rw.out.Write(k)
		rw.out.WriteString(": ")
		v, err := marshalJSON(r[j])
		if err != nil {
			return fmt.Errorf("column %s: %w", col, err)
		}
		rw.out.Write(v)
	}
	_, err := rw.out.WriteString("}")
	return err
}

// finish ends the output: it closes the JSON array or renders the table when the query
// succeeded, and flushes what was written either way.
func (rw *rowWriter) finish(ok bool) error {
	if ok {
		switch rw.format {
		case "csv":
		case "json":
			if rw.n > 0 {
				rw.out.WriteString("\n")
			}
			rw.out.WriteString("]\n")
		default:
			if rw.table == nil {
				rw.table = &graph.Rows{Rows: [][]any{}}
			}
			if err := writeRows(rw.out, rw.table, "table"); err != nil {
				return err
			}
			if rw.more {
				fmt.Fprintf(rw.out, "(stopped after %d rows: the table format holds at most %d; --format csv or json streams every row)\n", rw.maxRows, rw.maxRows)
			}
		}
	}
	if rw.csv != nil {
		rw.csv.Flush()
		if err := rw.csv.Error(); err != nil {
			return err
		}
	}
	return rw.out.Flush()
}

// streamQuery runs the query through QueryStream when the store has it, else collects
// the rows with Query and feeds them to the writer.
func streamQuery(ctx context.Context, s graph.Store, cypher string, params map[string]any, rw *rowWriter) error {
	var err error
	if qs, ok := s.(rowStreamer); ok {
		err = qs.QueryStream(ctx, cypher, params, rw)
	} else {
		var rows *graph.Rows
		if rows, err = s.Query(ctx, cypher, params); err == nil {
			err = feedRows(rw, rows)
		}
	}
	if errors.Is(err, errTableFull) {
		err = nil
	}
	if ferr := rw.finish(err == nil); err == nil {
		err = ferr
	}
	return err
}

func feedRows(sink graph.RowSink, rows *graph.Rows) error {
	if err := sink.Columns(rows.Columns); err != nil {
		return err
	}
	for _, r := range rows.Rows {
		if err := sink.Row(r); err != nil {
			return err
		}
	}
	return nil
}
