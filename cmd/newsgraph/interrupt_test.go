package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// stopBound is how long a command may take to stop after Ctrl-C (the promise is 2 s; the
// margin absorbs a loaded test machine). The inputs take far longer than that to process.
const stopBound = 2*time.Second + 1500*time.Millisecond

// interrupt runs the CLI in-process, cancels its context (what Ctrl-C does) after
// `after`, and returns the exit code, stderr and how long it took to stop once cancelled;
// stdout gets what the command wrote there.
func interrupt(t *testing.T, stdin io.Reader, stdout io.Writer, after time.Duration, args ...string) (int, string, time.Duration) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var errb bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- runContext(ctx, append([]string{"newsgraph"}, args...), stdin, stdout, &errb) }()
	select {
	case code := <-done:
		cancel()
		t.Fatalf("finished (exit %d) before the interrupt: the input is too small\n%s", code, errb.String())
	case <-time.After(after):
	}
	cancel()
	at := time.Now()
	select {
	case code := <-done:
		return code, errb.String(), time.Since(at)
	case <-time.After(60 * time.Second):
		t.Fatalf("still running 60 s after the interrupt")
	}
	return 0, "", 0
}

// bigArticle writes one article of n sentences naming a few dozen people.
func bigArticle(t *testing.T, dir string, n int) string {
	t.Helper()
	people := []string{"German Chancellor Olaf Scholz", "French President Emmanuel Macron", "NATO Secretary General Mark Rutte",
		"Ukrainian President Volodymyr Zelensky", "Polish President Andrzej Duda", "British Prime Minister Keir Starmer"}
	places := []string{"Paris", "Berlin", "Warsaw", "Kyiv", "Brussels", "London"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "%s met %s in %s on Monday, officials said in statement %d. ", people[i%len(people)], people[(i+1)%len(people)], places[i%len(places)], i)
		if i%5 == 4 {
			b.WriteString("\n\n")
		}
	}
	path := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// endless is an input that never ends: JSON Lines records, one after another.
type endless struct {
	rec []byte
	off int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.rec[e.off:])
		n += c
		e.off = (e.off + c) % len(e.rec)
	}
	return n, nil
}

// Ctrl-C stops extract (inside one long article, and on an endless stream), build and the
// validation of load within 2 s, with exit 130; extract -o leaves no file behind, extract
// to standard output writes nothing there, and no temporary file is left.
func TestInterruptStops(t *testing.T) {
	if testing.Short() {
		t.Skip("generates large inputs")
	}
	dir := isolate(t)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	big := bigArticle(t, dir, 40000)
	out := filepath.Join(dir, "out.jsonl")
	article := `{"id":"x%d","text":"German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday."}` + "\n"
	var recs bytes.Buffer
	for i := 0; i < 1000; i++ {
		fmt.Fprintf(&recs, article, i)
	}
	node := `{"kind":"node","id":"person:p","label":"Person","name":"P","articles":["a"]}` + "\n"
	cases := []struct {
		name  string
		stdin io.Reader
		args  []string
	}{
		{"extract one long article", nil, []string{"extract", big, "-o", out}},
		{"extract an endless stream", &endless{rec: recs.Bytes()}, []string{"extract", "-", "-o", out}},
		{"extract to standard output", nil, []string{"extract", big}},
		{"build one long article", nil, []string{"build", "--dry-run", big}},
		{"load an endless extraction", &endless{rec: []byte(node)}, []string{"load", "--dry-run", "-"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			stdin := c.stdin
			if stdin == nil {
				stdin = strings.NewReader("")
			}
			var stdout bytes.Buffer
			code, stderr, took := interrupt(t, stdin, &stdout, 700*time.Millisecond, c.args...)
			if code != exitInterrupted || !strings.Contains(stderr, "interrupted") {
				t.Errorf("exit %d, want 130\n%s", code, stderr)
			}
			t.Logf("stopped %s after the interrupt", took)
			if took > stopBound {
				t.Errorf("took %s to stop after the interrupt", took)
			}
			if _, err := os.Stat(out); !os.IsNotExist(err) {
				t.Errorf("output file left behind: %v", err)
			}
			left, _ := filepath.Glob(filepath.Join(dir, ".out.jsonl.*"))
			if len(left) > 0 {
				t.Errorf("temporary files left behind: %v", left)
			}
			if c.args[0] == "extract" && stdout.Len() > 0 {
				t.Errorf("%d bytes written to standard output by an interrupted extract", stdout.Len())
			}
			if es, _ := os.ReadDir(tmp); len(es) > 0 {
				t.Errorf("temporary file left behind in TMPDIR: %s", es[0].Name())
			}
		})
	}
}
