//go:build integration

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// watchWriter is a stderr that is safe to read while the CLI writes, and tells when a
// phrase first appears.
type watchWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	want  string
	seen  chan struct{}
	fired bool
}

func (w *watchWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if !w.fired && strings.Contains(w.buf.String(), w.want) {
		w.fired = true
		close(w.seen)
	}
	return len(p), nil
}

func (w *watchWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// interruptWhen runs the CLI and cancels it once stderr shows `when` (or after `after` when
// `when` is ""); it returns the exit code, stderr and the time taken to stop.
func interruptWhen(t *testing.T, when string, after time.Duration, args ...string) (int, string, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errw := &watchWriter{want: when, seen: make(chan struct{})}
	var out bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- runContext(ctx, append([]string{"newsgraph"}, args...), strings.NewReader(""), &out, errw)
	}()
	start := make(<-chan time.Time)
	if when == "" {
		start = time.After(after)
	}
	select {
	case code := <-done:
		t.Fatalf("finished (exit %d) before the interrupt\n%s", code, errw)
	case <-errw.seen:
	case <-start:
	case <-time.After(120 * time.Second):
		t.Fatalf("%q never appeared:\n%s", when, errw)
	}
	cancel()
	at := time.Now()
	select {
	case code := <-done:
		return code, errw.String(), time.Since(at)
	case <-time.After(60 * time.Second):
		t.Fatal("still running 60 s after the interrupt")
	}
	return 0, "", 0
}

// Ctrl-C during a load stops it within 2 s with exit 130, and the graph holds whole
// articles only: every article loaded has all its relationships.
func TestCLIInterruptLoad(t *testing.T) {
	s := wipe(t)
	dir := t.TempDir()
	var b strings.Builder
	b.WriteString(`{"kind":"meta","contract":"newsgraph-extract/1"}` + "\n")
	const articles, perArticle = 3000, 4
	for i := 0; i < articles; i++ {
		fmt.Fprintf(&b, `{"kind":"article","id":"a%d"}`+"\n", i)
		for k := 0; k < perArticle; k++ {
			fmt.Fprintf(&b, `{"kind":"node","id":"person:p%d-%d","label":"Person","name":"P %d %d","articles":["a%d"]}`+"\n", i, k, i, k, i)
		}
	}
	path := filepath.Join(dir, "big.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr, took := interruptWhen(t, "batch committed", 0, "load", "--batch-size", "5", "--log-level", "info", path)
	t.Logf("stopped %s after the interrupt", took)
	if code != exitInterrupted {
		t.Errorf("exit %d, want 130\n%s", code, stderr)
	}
	if took > stopBound {
		t.Errorf("took %s to stop", took)
	}
	c := totals(t, s)
	loaded := c.Nodes["Article"]
	t.Logf("%d of %d articles loaded before the interrupt", loaded, articles)
	if loaded == 0 || loaded >= articles {
		t.Fatalf("%d of %d articles loaded: the interrupt did not fall inside the load", loaded, articles)
	}
	if c.Nodes["Person"] != loaded*perArticle || c.Rels["MENTIONS"] != loaded*perArticle {
		t.Errorf("%d articles but %d people and %d MENTIONS: an article was half-written", loaded, c.Nodes["Person"], c.Rels["MENTIONS"])
	}
	if n := manifestCount(t, s); n != 0 {
		t.Errorf("an interrupted load saved %d load manifests", n)
	}
}

// Ctrl-C during a long query stops it within 2 s with exit 130.
func TestCLIInterruptQuery(t *testing.T) {
	store(t)
	code, stderr, took := interruptWhen(t, "", 1500*time.Millisecond, "query",
		"UNWIND range(1, 4000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n")
	t.Logf("stopped %s after the interrupt", took)
	if code != exitInterrupted {
		t.Errorf("exit %d, want 130\n%s", code, stderr)
	}
	if took > stopBound {
		t.Errorf("took %s to stop", took)
	}
}
