//go:build integration

// newsgraph watch and build on a local news site (httptest on loopback) against the real
// test Neo4j. WIPES THE DATABASE IT IS POINTED AT (see cli_integration_test.go).
package main

import (
	"bytes"
	"context"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader in two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

var pollLine = regexp.MustCompile(`msg=poll n=(\d+) .*? loaded=(\d+) `)

// polls returns the "loaded" count of every poll logged so far, by poll number.
func polls(log string) map[int]int {
	out := map[int]int{}
	for _, m := range pollLine.FindAllStringSubmatch(log, -1) {
		n, _ := strconv.Atoi(m[1])
		l, _ := strconv.Atoi(m[2])
		out[n] = l
	}
	return out
}

func articleCount(t *testing.T) int {
	t.Helper()
	out := mustRun(t, "query", "--format", "csv", "MATCH (a:Article) RETURN count(a) AS n")
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(out, "n\n")))
	if err != nil {
		t.Fatalf("count: %q", out)
	}
	return n
}

func TestWatchOnceKeepsStateInTheGraph(t *testing.T) {
	wipe(t)
	t.Setenv("NEWSGRAPH_FETCH_HOST_INTERVAL", "0s")
	s := newNewsSite(t)
	feed := s.URL + "/rss.xml"
	code, _, stderr := runCLI(t, "", "watch", "--once", feed)
	if code != 0 {
		t.Fatalf("first poll: exit %d\n%s", code, stderr)
	}
	if p := polls(stderr); p[1] != 2 {
		t.Errorf("first poll loaded %d articles, want 2 (the AMP page is the canonical article):\n%s", p[1], stderr)
	}
	out := mustRun(t, "query", "--format", "csv", `MATCH (a:Article {id: $id}) RETURN a.url AS url, a.source AS source, a.etag IS NOT NULL AS etag, a.hash IS NOT NULL AS hash, a.published AS published`,
		"--param", "id="+s.URL+"/news/scholz-kyiv")
	if !strings.Contains(out, s.URL+"/news/scholz-kyiv,"+s.URL+"/") || !strings.Contains(out, "true,true,2025-06-16") {
		t.Errorf("Article state:\n%s", out)
	}
	// A restarted watch: the graph says what it has; every page answers 304 and nothing loads.
	_, before := s.count("/news/rutte-macron")
	code, _, stderr = runCLI(t, "", "watch", "--once", feed)
	if code != 0 || polls(stderr)[1] != 0 {
		t.Fatalf("second poll: exit %d, loaded %d, want 0\n%s", code, polls(stderr)[1], stderr)
	}
	if _, after := s.count("/news/rutte-macron"); after != before {
		t.Errorf("a known page was downloaded again (%d -> %d bodies) instead of a conditional GET", before, after)
	}
	if n := articleCount(t); n != 2 {
		t.Errorf("%d articles after two polls, want 2", n)
	}
	// What watch loaded shows in the new_since report.
	out = mustRun(t, "report", "run", "new_since", "--param", "since=2025-06-01", "--format", "csv")
	if !strings.Contains(out, s.URL+"/news/scholz-kyiv") {
		t.Errorf("new_since does not list the watched article:\n%s", out)
	}
}

func TestWatchPicksUpNewItemWithinOneInterval(t *testing.T) {
	wipe(t)
	t.Setenv("NEWSGRAPH_FETCH_HOST_INTERVAL", "0s")
	s := newNewsSite(t)
	var stdout, stderr syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"newsgraph", "watch", "--interval", "1s", s.URL + "/rss.xml"}, strings.NewReader(""), &stdout, &stderr)
	}()
	waitFor := func(what string, ok func() bool) {
		t.Helper()
		deadline := time.Now().Add(60 * time.Second)
		for !ok() {
			select {
			case code := <-done:
				t.Fatalf("watch exited (%d) while waiting for %s:\n%s", code, what, stderr.String())
			default:
			}
			if time.Now().After(deadline) {
				t.Fatalf("timed out waiting for %s:\n%s", what, stderr.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("the first poll", func() bool { _, ok := polls(stderr.String())[1]; return ok })
	s.page("/news/meloni-rome", "Meloni hosts Rutte", "", "Italian Prime Minister Giorgia Meloni hosted NATO Secretary General Mark Rutte in Rome on Tuesday.")
	s.add("/news/meloni-rome")
	added := len(polls(stderr.String()))
	waitFor("two more polls", func() bool { return len(polls(stderr.String())) >= added+2 })
	p := polls(stderr.String())
	if p[added+1] != 1 {
		t.Errorf("the poll after the new item loaded %d articles, want 1:\n%s", p[added+1], stderr.String())
	}
	if p[added+2] != 0 {
		t.Errorf("the poll after that loaded %d articles, want 0 (loaded once):\n%s", p[added+2], stderr.String())
	}
	if _, bodies := s.count("/news/meloni-rome"); bodies != 1 {
		t.Errorf("the new page was downloaded %d times, want 1", bodies)
	}
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case code := <-done:
		if code != exitInterrupted {
			t.Errorf("after Ctrl-C: exit %d, want 130", code)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("watch did not stop at Ctrl-C")
	}
	if n := articleCount(t); n != 3 {
		t.Errorf("%d articles, want 3", n)
	}
	out := mustRun(t, "query", "--format", "csv", `MATCH (:Person {id:'person:giorgia-meloni'})-[r]->(:Person {id:'person:mark-rutte'}) RETURN count(r) > 0 AS found`)
	if !strings.Contains(out, "true") {
		t.Errorf("the new article's facts are not in the graph:\n%s", out)
	}
}

func TestBuildFromURL(t *testing.T) {
	s0 := wipe(t)
	t.Setenv("NEWSGRAPH_FETCH_HOST_INTERVAL", "0s")
	s := newNewsSite(t)
	out := mustRun(t, "build", s.URL+"/news/rutte-macron", s.URL+"/amp/scholz-kyiv")
	if !strings.Contains(out, "2 articles") {
		t.Errorf("build output:\n%s", out)
	}
	if c := totals(t, s0); c.Nodes["Article"] != 2 || c.TotalRels == 0 {
		t.Errorf("counts after build: %+v", c)
	}
	if err := s0.Close(context.Background()); err != nil {
		t.Log(err)
	}
}
