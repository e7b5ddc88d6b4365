package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/testpage"
)

// newsSite serves a small news site: an RSS feed whose items are article pages, one of
// them reached through an AMP URL whose canonical link names the article, and one gone.
// Items are added with add; hits counts requests per path.
type newsSite struct {
	*httptest.Server
	mu    sync.Mutex
	items []string // paths, newest last
	pages map[string]string
	hits  map[string]int // requests per path
	full  map[string]int // requests answered with a body (not 304) per path
	agent string
}

func articlePage(title, canonical, text string) string {
	return testpage.Article(title, canonical, text,
		"Officials said further meetings were planned for the autumn, after the summit in The Hague.")
}

func newNewsSite(t *testing.T) *newsSite {
	s := &newsSite{pages: map[string]string{}, hits: map[string]int{}, full: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits[r.URL.Path]++
		s.agent = r.UserAgent()
		items := append([]string(nil), s.items...)
		body, ok := s.pages[r.URL.Path]
		s.mu.Unlock()
		if r.URL.Path == "/rss.xml" {
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Local news</title><link>/</link>`)
			for i := len(items) - 1; i >= 0; i-- {
				fmt.Fprintf(w, `<item><title>item %d</title><link>%s</link><pubDate>Mon, 16 Jun 2025 08:00:00 GMT</pubDate></item>`, i, strings.TrimPrefix(items[i], "/"))
			}
			fmt.Fprint(w, `</channel></rss>`)
			return
		}
		if !ok {
			http.NotFound(w, r)
			return
		}
		etag := fmt.Sprintf(`"%x"`, len(body))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		s.mu.Lock()
		s.full[r.URL.Path]++
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	t.Cleanup(s.Close)
	s.page("/news/rutte-macron", "Rutte meets Macron", "", "NATO Secretary General Mark Rutte met French President Emmanuel Macron in Paris on Friday to discuss defense spending.")
	s.page("/amp/scholz-kyiv", "Scholz visits Kyiv", "/news/scholz-kyiv", "German Chancellor Olaf Scholz visited Kyiv on Monday and met Ukrainian President Volodymyr Zelensky.")
	s.page("/news/scholz-kyiv", "Scholz visits Kyiv", "/news/scholz-kyiv", "German Chancellor Olaf Scholz visited Kyiv on Monday and met Ukrainian President Volodymyr Zelensky.")
	s.add("/news/rutte-macron", "/amp/scholz-kyiv", "/news/scholz-kyiv")
	return s
}

func (s *newsSite) page(path, title, canonical, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path] = articlePage(title, canonical, text)
}

func (s *newsSite) add(paths ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = append(s.items, paths...)
}

func (s *newsSite) count(path string) (requests, bodies int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path], s.full[path]
}

// webEnv isolates the test and lets it fetch the local server without pauses.
func webEnv(t *testing.T) {
	t.Helper()
	isolate(t)
	t.Setenv("NEWSGRAPH_FETCH_HOST_INTERVAL", "0s")
	t.Setenv("NEWSGRAPH_FETCH_TIMEOUT", "5s")
}

func articlesOf(t *testing.T, out string) map[string]graph.Article {
	t.Helper()
	got := map[string]graph.Article{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a graph.Article
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatalf("bad line %q: %v", line, err)
		}
		if a.Kind == graph.KindArticle {
			got[a.ID] = a
		}
	}
	return got
}

func TestExtractFeedURL(t *testing.T) {
	webEnv(t)
	s := newNewsSite(t)
	code, out, stderr := runCLI(t, "", "extract", s.URL+"/rss.xml", s.URL+"/news/gone")
	if code != exitPartial {
		t.Fatalf("exit %d, want 3 (one URL missing)\nstderr: %s", code, stderr)
	}
	if !strings.Contains(stderr, s.URL+"/news/gone: HTTP 404") {
		t.Errorf("stderr does not name the missing page:\n%s", stderr)
	}
	arts := articlesOf(t, out)
	if len(arts) != 2 {
		t.Fatalf("%d articles, want 2 (the AMP page and its canonical are one): %v", len(arts), arts)
	}
	a, ok := arts[s.URL+"/news/scholz-kyiv"]
	if !ok || a.URL != s.URL+"/news/scholz-kyiv" || a.Published != "2025-06-16" || a.ETag == "" {
		t.Errorf("canonical article: %+v", a)
	}
	if !strings.Contains(out, `"to":"person:olaf-scholz"`) && !strings.Contains(out, `"from":"person:olaf-scholz"`) {
		t.Errorf("no relationship of Olaf Scholz extracted from the fetched page:\n%s", out)
	}
	if !strings.HasPrefix(s.agent, "newsgraph/") || !strings.Contains(s.agent, projectURL) {
		t.Errorf("User-Agent %q does not name newsgraph and its address", s.agent)
	}
}

func TestExtractShardsPartitionInput(t *testing.T) {
	dir, _ := filepath.Abs(filepath.Join("..", "..", "corpus", "sample"))
	isolate(t)
	_, out, _ := runCLI(t, "", "extract", dir)
	all := articlesOf(t, out)
	if len(all) < 5 {
		t.Fatalf("only %d articles in %s", len(all), dir)
	}
	seen := map[string]int{}
	for i := 0; i < 3; i++ {
		code, out, stderr := runCLI(t, "", "extract", "--shard", fmt.Sprintf("%d/3", i), dir)
		if code != 0 {
			t.Fatalf("shard %d: exit %d %s", i, code, stderr)
		}
		part := articlesOf(t, out)
		if len(part) == len(all) {
			t.Errorf("shard %d/3 holds every article", i)
		}
		for id := range part {
			seen[id]++
		}
		_, again, _ := runCLI(t, "", "extract", "--shard", fmt.Sprintf("%d/3", i), dir)
		if again != out {
			t.Errorf("shard %d/3 differs between two runs", i)
		}
	}
	for id := range all {
		if seen[id] != 1 {
			t.Errorf("article %s is in %d shards, want 1", id, seen[id])
		}
	}
	if len(seen) != len(all) {
		t.Errorf("shards hold %d articles, the whole run %d", len(seen), len(all))
	}
	for _, bad := range []string{"3/3", "1", "a/b", "-1/2"} {
		if code, _, stderr := runCLI(t, "", "extract", "--shard", bad, dir); code != exitUsage {
			t.Errorf("--shard %s: exit %d, want 2\n%s", bad, code, stderr)
		}
	}
}

func TestWatchFeedsFromConfig(t *testing.T) {
	webEnv(t)
	t.Setenv("NEWSGRAPH_NEO4J_PASSWORD", "whatever")
	code, _, stderr := runCLI(t, "", "watch", "--once", "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitUsage || !strings.Contains(stderr, "no feeds") {
		t.Errorf("no feeds anywhere: exit %d, want 2\n%s", code, stderr)
	}
	// With watch.feeds set, watch goes on to connect (and finds no server).
	t.Setenv("NEWSGRAPH_WATCH_FEEDS", "https://example.org/rss.xml")
	code, _, stderr = runCLI(t, "", "watch", "--once", "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != exitDatabase {
		t.Errorf("feeds from watch.feeds, no server: exit %d, want 4\n%s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "watch", "--interval", "soon", "https://example.org/rss.xml"); code != exitUsage {
		t.Errorf("--interval soon: exit %d, want 2\n%s", code, stderr)
	}
}

// One article whose extraction is not valid (a relationship to a node it lacks) is split
// off; the other article's document is whole and valid on its own.
func TestSplitArticlesIsolatesAnInvalidArticle(t *testing.T) {
	d := &graph.Document{
		Meta:     graph.Meta{Kind: graph.KindMeta, Contract: graph.ContractVersion},
		Articles: []graph.Article{{Kind: graph.KindArticle, ID: "a"}, {Kind: graph.KindArticle, ID: "b"}},
		Nodes: []graph.Node{
			{Kind: graph.KindNode, ID: "person:x", Label: graph.LabelPerson, Name: "X", Articles: []string{"a", "b"}},
			{Kind: graph.KindNode, ID: "person:y", Label: graph.LabelPerson, Name: "Y", Articles: []string{"a"}},
		},
		Edges: []graph.Edge{
			{Kind: graph.KindEdge, Type: graph.RelMet, From: "person:x", To: "person:y", Article: "a", Status: graph.StatusReported},
			{Kind: graph.KindEdge, Type: graph.RelHoldsRole, From: "person:x", To: "org:missing", Article: "b", Status: graph.StatusReported},
		},
	}
	validate := func(d *graph.Document) error {
		var buf bytes.Buffer
		w := graph.NewWriter(&buf)
		if err := w.WriteDocument(d); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		_, err := graph.Read(&buf, "test")
		return err
	}
	if validate(d) == nil {
		t.Fatal("the whole document should be invalid")
	}
	parts := splitArticles(d)
	if len(parts) != 2 {
		t.Fatalf("%d parts", len(parts))
	}
	if err := validate(parts[0]); err != nil {
		t.Errorf("article a alone: %v", err)
	}
	if len(parts[0].Nodes) != 2 || len(parts[0].Edges) != 1 || !reflect.DeepEqual(parts[0].Nodes[0].Articles, []string{"a"}) {
		t.Errorf("article a: %+v", parts[0])
	}
	if err := validate(parts[1]); err == nil {
		t.Errorf("article b alone should be invalid")
	}
	if len(parts[1].Nodes) != 1 || parts[1].Nodes[0].ID != "person:x" {
		t.Errorf("article b: nodes %+v", parts[1].Nodes)
	}
}
