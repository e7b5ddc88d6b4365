package graph

// RowSink receives a query's result as the server sends it: Columns once, then Row for
// each record, so that a caller can write rows out without holding them all. An error
// from either stops the query (its transaction is rolled back) and is returned as is.
type RowSink interface {
	Columns(cols []string) error
	Row(values []any) error
}

// Collect is a RowSink that keeps every row (what Store.Query returns).
type Collect struct{ Rows Rows }

// Columns implements RowSink.
func (c *Collect) Columns(cols []string) error {
	c.Rows = Rows{Columns: cols, Rows: [][]any{}}
	return nil
}

// Row implements RowSink.
func (c *Collect) Row(values []any) error {
	c.Rows.Rows = append(c.Rows.Rows, values)
	return nil
}
