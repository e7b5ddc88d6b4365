package main

import (
	"context"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// streamingStore hands out n rows one by one and records, at the last row, how many
// bytes had already reached the output.
type streamingStore struct {
	fakeStore
	n            int
	out          *countingWriter
	bytesAtLast  int
	rowsProduced int
}

func (s *streamingStore) QueryStream(_ context.Context, _ string, _ map[string]any, sink graph.RowSink) error {
	if err := sink.Columns([]string{"i", "name"}); err != nil {
		return err
	}
	for i := 0; i < s.n; i++ {
		if i == s.n-1 {
			s.bytesAtLast = s.out.n
		}
		s.rowsProduced++
		if err := sink.Row([]any{int64(i), "person number " + strings.Repeat("x", 20)}); err != nil {
			return err
		}
	}
	return nil
}

type countingWriter struct{ n, writes int }

func (w *countingWriter) Write(p []byte) (int, error) {
	w.n += len(p)
	w.writes++
	return len(p), nil
}

// query writes csv and json rows while the result is still arriving: by the last of
// 200k rows, nearly all of the output has been written (held at most one buffer).
func TestQueryStreamsRows(t *testing.T) {
	for _, format := range []string{"csv", "json"} {
		out := &countingWriter{}
		st := &streamingStore{n: 200000, out: out}
		err := runQuery(context.Background(), queryOptions{Cypher: "UNWIND range(1, 200000) AS i RETURN i", Format: format, Out: out,
			Open: func(context.Context) (graph.Store, error) { return st, nil }})
		if err != nil {
			t.Fatal(err)
		}
		if out.n-st.bytesAtLast > 128<<10 {
			t.Errorf("%s: %d of %d bytes were held until the query ended (want at most one 64 KiB buffer)", format, out.n-st.bytesAtLast, out.n)
		}
		if out.writes < 10 {
			t.Errorf("%s: %d writes for %d bytes: not streamed", format, out.writes, out.n)
		}
	}
}

// The table format keeps at most maxTableRows rows, stops the query there and says so.
func TestQueryTableStopsAtLimit(t *testing.T) {
	var b strings.Builder
	st := &streamingStore{n: maxTableRows + 5000, out: &countingWriter{}}
	err := runQuery(context.Background(), queryOptions{Cypher: "RETURN 1", Format: "table", Out: &b,
		Open: func(context.Context) (graph.Store, error) { return st, nil }})
	if err != nil {
		t.Fatal(err)
	}
	if st.rowsProduced != maxTableRows+1 {
		t.Errorf("the query went on to row %d after the table was full", st.rowsProduced)
	}
	if !strings.Contains(b.String(), "stopped after 10000 rows") || !strings.Contains(b.String(), "--format csv or json streams every row") {
		t.Errorf("no note about the limit:\n%s", b.String()[max(0, b.Len()-300):])
	}
}

func BenchmarkQueryStreamCSV(b *testing.B) {
	for b.Loop() {
		st := &streamingStore{n: 100000, out: &countingWriter{}}
		if err := runQuery(context.Background(), queryOptions{Cypher: "RETURN 1", Format: "csv", Out: st.out,
			Open: func(context.Context) (graph.Store, error) { return st, nil }}); err != nil {
			b.Fatal(err)
		}
	}
}
