package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/read"
	"github.com/newsgraph/newsgraph/internal/testpage"
)

// page renders an article page; canonical, when set, is its <link rel="canonical">.
func page(title, canonical, body string) string {
	return testpage.Article(title, canonical, body,
		"The talks in Brussels lasted two hours and covered defense spending, the war in Ukraine and trade between the allies.",
		"Officials from both sides said further meetings were planned for the autumn, after the summit in The Hague.")
}

// site is a local test server with the pages and failures the tests need.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	hits     map[string]int
	times    map[string][]time.Time
	agents   []string
	inFlight atomic.Int64
	maxIn    atomic.Int64
	feedXML  string
}

func newSite(t *testing.T) *site {
	s := &site{hits: map[string]int{}, times: map[string][]time.Time{}}
	mux := http.NewServeMux()
	html := func(body string) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, body)
		}
	}
	mux.HandleFunc("/news/a1", html(page("Rutte meets Macron", "", "Mark Rutte met Emmanuel Macron in Paris on Friday.")))
	mux.HandleFunc("/news/a2", html(page("Scholz visits Kyiv", "/news/a2", "Olaf Scholz visited Kyiv on Monday.")))
	mux.HandleFunc("/amp/a2", html(page("Scholz visits Kyiv", "/news/a2", "Olaf Scholz visited Kyiv on Monday.")))
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/flaky", func(w http.ResponseWriter, r *http.Request) {
		if s.count(r) == 1 {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		html(page("Flaky", "", "Joe Biden met Keir Starmer in London."))(w, r)
	})
	mux.HandleFunc("/always500", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusServiceUnavailable)
	})
	mux.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if s.count(r) == 1 {
			w.Header().Set("Retry-After", "1")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		html(page("Busy", "", "Ursula von der Leyen met Giorgia Meloni in Rome."))(w, r)
	})
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(3 * time.Second):
		case <-r.Context().Done():
		}
		html(page("Slow", "", "Too late."))(w, r)
	})
	mux.HandleFunc("/loop1", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop1", http.StatusFound) })
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/a1", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>"))
		chunk := []byte(strings.Repeat("word ", 1000))
		for i := 0; i < 400; i++ { // 2 MB, no Content-Length (chunked)
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/image.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n...."))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=iso-8859-1")
		w.Write([]byte("Emmanuel Macron met Fran\xe7ois Bayrou at the \xc9lys\xe9e Palace on Tuesday.\n"))
	})
	mux.HandleFunc("/cond", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 02 Jun 2025 10:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		html(page("Cond", "", "Antony Blinken met Wang Yi in Beijing."))(w, r)
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		s.mu.Lock()
		body := s.feedXML
		s.mu.Unlock()
		fmt.Fprint(w, body)
	})
	s.feedXML = rss(
		item{"Rutte meets Macron", "news/a1", "Fri, 20 Jun 2025 08:00:00 GMT"}, // relative link
		item{"Scholz visits Kyiv", "/amp/a2", "Mon, 16 Jun 2025 08:00:00 GMT"}, // canonical is /news/a2
		item{"Rutte meets Macron (again)", "/news/a1", "Fri, 20 Jun 2025 08:00:00 GMT"},
		item{"Scholz visits Kyiv", "/news/a2", "Mon, 16 Jun 2025 08:00:00 GMT"},
		item{"Gone", "/missing", "Sat, 21 Jun 2025 08:00:00 GMT"},
	)
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		for {
			m := s.maxIn.Load()
			if n <= m || s.maxIn.CompareAndSwap(m, n) {
				break
			}
		}
		s.mu.Lock()
		s.times[r.URL.Path] = append(s.times[r.URL.Path], time.Now())
		s.agents = append(s.agents, r.UserAgent())
		s.mu.Unlock()
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *site) count(r *http.Request) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	return s.hits[r.URL.Path]
}

func (s *site) requests(path string) []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.times[path]...)
}

type item struct{ title, link, date string }

func rss(items ...item) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test news</title><link>/</link>`)
	for _, it := range items {
		fmt.Fprintf(&b, "<item><title>%s</title><link>%s</link><pubDate>%s</pubDate></item>", it.title, it.link, it.date)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func testClient(o Options) *Client {
	if o.UserAgent == "" {
		o.UserAgent = "newsgraph/test (+https://example.org/newsgraph)"
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Second
	}
	if o.HostInterval == 0 {
		o.HostInterval = -1
	}
	if o.Backoff == 0 {
		o.Backoff = 10 * time.Millisecond
	}
	return New(o)
}

func get(t *testing.T, c *Client, u string) (*Response, error) {
	t.Helper()
	return c.Get(context.Background(), Request{URL: u, Accept: PageTypes})
}

func TestGetNotFoundIsNotRetried(t *testing.T) {
	s := newSite(t)
	_, err := get(t, testClient(Options{}), s.URL+"/missing")
	var fe *Error
	if !errors.As(err, &fe) || fe.Status != 404 || !errors.Is(err, ErrStatus) {
		t.Fatalf("err = %v, want HTTP 404", err)
	}
	if n := len(s.requests("/missing")); n != 1 {
		t.Errorf("404 requested %d times, want 1 (no retry)", n)
	}
}

func TestGetRetries500Then200(t *testing.T) {
	s := newSite(t)
	r, err := get(t, testClient(Options{}), s.URL+"/flaky")
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != 200 || !strings.Contains(string(r.Body), "Keir Starmer") {
		t.Errorf("got %d %q", r.Status, r.Body)
	}
	if n := len(s.requests("/flaky")); n != 2 {
		t.Errorf("requested %d times, want 2", n)
	}
}

func TestGetGivesUpAfterRetries(t *testing.T) {
	s := newSite(t)
	_, err := get(t, testClient(Options{Retries: 2}), s.URL+"/always500")
	if !errors.Is(err, ErrStatus) || !strings.Contains(err.Error(), "503") {
		t.Fatalf("err = %v, want HTTP 503", err)
	}
	if n := len(s.requests("/always500")); n != 3 {
		t.Errorf("requested %d times, want 3 (1 + 2 retries)", n)
	}
}

func TestGetHonoursRetryAfter(t *testing.T) {
	s := newSite(t)
	if _, err := get(t, testClient(Options{}), s.URL+"/busy"); err != nil {
		t.Fatal(err)
	}
	at := s.requests("/busy")
	if len(at) != 2 {
		t.Fatalf("requested %d times, want 2", len(at))
	}
	if gap := at[1].Sub(at[0]); gap < 900*time.Millisecond {
		t.Errorf("retried after %s, want the 1s of Retry-After (backoff alone is 10ms)", gap)
	}
	// A Retry-After longer than the client waits fails at once.
	s2 := newSite(t)
	_, err := get(t, testClient(Options{MaxRetryAfter: 500 * time.Millisecond}), s2.URL+"/busy")
	if !errors.Is(err, ErrStatus) || !strings.Contains(err.Error(), "Retry-After") {
		t.Errorf("err = %v, want a 429 naming Retry-After", err)
	}
}

func TestGetSlowResponseTimesOut(t *testing.T) {
	s := newSite(t)
	_, err := get(t, testClient(Options{Timeout: 200 * time.Millisecond}), s.URL+"/slow")
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("err = %v, want a timeout", err)
	}
}

func TestGetRedirectLoopStops(t *testing.T) {
	s := newSite(t)
	_, err := get(t, testClient(Options{MaxRedirects: 4}), s.URL+"/loop1")
	if !errors.Is(err, ErrRedirects) {
		t.Fatalf("err = %v, want too many redirects", err)
	}
	if n := len(s.requests("/loop1")) + len(s.requests("/loop2")); n != 5 {
		t.Errorf("%d requests, want 5 (the first + 4 redirects)", n)
	}
	r, err := get(t, testClient(Options{}), s.URL+"/moved")
	if err != nil || r.URL != s.URL+"/news/a1" {
		t.Errorf("a single redirect: %v, final URL %v", err, r)
	}
}

func TestGetHugeBodyIsCapped(t *testing.T) {
	s := newSite(t)
	_, err := get(t, testClient(Options{MaxBytes: 100 << 10}), s.URL+"/huge")
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want over the size cap", err)
	}
}

func TestGetWrongContentType(t *testing.T) {
	s := newSite(t)
	_, err := get(t, testClient(Options{}), s.URL+"/image.png")
	if !errors.Is(err, ErrContentType) || !strings.Contains(err.Error(), "image/png") {
		t.Fatalf("err = %v, want an unsupported content type naming image/png", err)
	}
	// A feed where an article is expected is refused too.
	_, err = get(t, testClient(Options{}), s.URL+"/feed.xml")
	if !errors.Is(err, ErrContentType) {
		t.Errorf("feed as a page: err = %v, want an unsupported content type", err)
	}
}

func TestGetConditional(t *testing.T) {
	s := newSite(t)
	c := testClient(Options{})
	r, err := get(t, c, s.URL+"/cond")
	if err != nil || r.ETag != `"v1"` || r.LastModified == "" {
		t.Fatalf("first get: %v %+v", err, r)
	}
	r2, err := c.Get(context.Background(), Request{URL: s.URL + "/cond", ETag: r.ETag, LastModified: r.LastModified, Accept: PageTypes})
	if err != nil || !r2.NotModified || len(r2.Body) != 0 {
		t.Fatalf("conditional get: %v %+v, want 304 not modified", err, r2)
	}
}

func TestGetSendsUserAgentAndPacesHost(t *testing.T) {
	s := newSite(t)
	c := testClient(Options{UserAgent: "newsgraph/1.2.3", HostInterval: 200 * time.Millisecond, HostConcurrency: 1})
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := get(t, c, s.URL+"/news/a1"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	at := s.requests("/news/a1")
	if len(at) != 4 {
		t.Fatalf("%d requests", len(at))
	}
	for i := 1; i < len(at); i++ {
		// The client spaces its sends 200ms apart; arrivals at the server may jitter by
		// the scheduling delays of a busy machine, never by 50ms without pacing.
		if gap := at[i].Sub(at[i-1]); gap < 150*time.Millisecond {
			t.Errorf("requests %d and %d arrived %s apart, want about 200ms", i-1, i, gap)
		}
	}
	if m := s.maxIn.Load(); m != 1 {
		t.Errorf("%d requests in flight at once to one host, want 1", m)
	}
	for _, a := range s.agents {
		if a != "newsgraph/1.2.3" {
			t.Errorf("User-Agent %q", a)
		}
	}
}

func docs(t *testing.T, src *Source, urls ...string) ([]*article.Doc, []error) {
	t.Helper()
	var ds []*article.Doc
	var errs []error
	for _, u := range urls {
		for d, err := range src.Docs(u) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			ds = append(ds, d)
		}
	}
	return ds, errs
}

func TestSourceFeedRelativeLinksDuplicatesAndCanonical(t *testing.T) {
	s := newSite(t)
	src := NewSource(context.Background(), testClient(Options{}), SourceOptions{})
	ds, errs := docs(t, src, s.URL+"/feed.xml")
	if len(ds) != 2 {
		for _, d := range ds {
			t.Logf("doc %s from %s", d.Meta.ID, d.Meta.Source)
		}
		t.Fatalf("%d documents, want 2 (a1 and a2, each once)", len(ds))
	}
	a1, a2 := ds[0], ds[1]
	if a1.Meta.ID != s.URL+"/news/a1" || a1.Meta.Source != s.URL+"/news/a1" {
		t.Errorf("a1: id %q source %q (the relative link resolved against the feed URL)", a1.Meta.ID, a1.Meta.Source)
	}
	if a2.Meta.ID != s.URL+"/news/a2" || a2.Meta.Source != s.URL+"/amp/a2" || a2.Meta.URL != a2.Meta.ID {
		t.Errorf("a2: id %q source %q url %q, want the canonical /news/a2 as id and url, /amp/a2 as source", a2.Meta.ID, a2.Meta.Source, a2.Meta.URL)
	}
	if a2.Meta.Published != "2025-06-16" || a2.Meta.PublishedSource != SourceFeed {
		t.Errorf("a2 published %q (%s), want the feed item's 2025-06-16", a2.Meta.Published, a2.Meta.PublishedSource)
	}
	if !strings.Contains(a1.Text, "Mark Rutte met Emmanuel Macron") {
		t.Errorf("a1 text: %q", a1.Text)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "/missing: HTTP 404") {
		t.Errorf("errors %v, want one naming /missing", errs)
	}
	if n := len(s.requests("/news/a1")); n != 1 {
		t.Errorf("/news/a1 fetched %d times, want 1 (duplicate items dropped)", n)
	}
	if got := src.Stats.Dup.Load(); got != 1 {
		t.Errorf("duplicates by canonical id: %d, want 1 (/news/a2 behind /amp/a2)", got)
	}
}

func TestSourceSameArticleByTwoURLs(t *testing.T) {
	s := newSite(t)
	src := NewSource(context.Background(), testClient(Options{}), SourceOptions{})
	ds, errs := docs(t, src, s.URL+"/amp/a2", s.URL+"/news/a2")
	if len(errs) != 0 || len(ds) != 1 || ds[0].Meta.ID != s.URL+"/news/a2" {
		t.Fatalf("docs %v errs %v, want one article with the canonical id", ds, errs)
	}
}

func TestSourceCharsetAndPlainText(t *testing.T) {
	s := newSite(t)
	src := NewSource(context.Background(), testClient(Options{}), SourceOptions{})
	ds, errs := docs(t, src, s.URL+"/latin1")
	if len(errs) != 0 || len(ds) != 1 {
		t.Fatalf("docs %d errs %v", len(ds), errs)
	}
	if !strings.Contains(ds[0].Text, "François Bayrou at the Élysée") {
		t.Errorf("text not decoded from ISO-8859-1: %q", ds[0].Text)
	}
}

func TestSourceSkipsNotModifiedAndUnchanged(t *testing.T) {
	s := newSite(t)
	c := testClient(Options{})
	first, _ := docs(t, NewSource(context.Background(), c, SourceOptions{}), s.URL+"/cond")
	if len(first) != 1 || first[0].Meta.ETag != `"v1"` {
		t.Fatalf("first fetch: %v", first)
	}
	// Known validators: a conditional GET, answered 304, yields nothing.
	src := NewSource(context.Background(), c, SourceOptions{Known: func(u string) (Validators, bool) {
		return Validators{ETag: `"v1"`}, true
	}})
	if ds, errs := docs(t, src, s.URL+"/cond"); len(ds) != 0 || len(errs) != 0 || src.Stats.NotModified.Load() != 1 {
		t.Errorf("known page: %d docs, %v, not modified %d", len(ds), errs, src.Stats.NotModified.Load())
	}
	// Same id and hash as the graph holds: skipped after fetching.
	hash := first[0].Meta.Hash
	src = NewSource(context.Background(), c, SourceOptions{Unchanged: func(id, h string) bool { return h == hash }})
	if ds, _ := docs(t, src, s.URL+"/cond"); len(ds) != 0 || src.Stats.Unchanged.Load() != 1 {
		t.Errorf("unchanged page: %d docs", len(ds))
	}
}

func TestSourceKeepFiltersBeforeFetching(t *testing.T) {
	s := newSite(t)
	src := NewSource(context.Background(), testClient(Options{}), SourceOptions{
		Keep: func(u string) bool { return strings.HasSuffix(u, "/news/a1") },
	})
	ds, errs := docs(t, src, s.URL+"/feed.xml")
	if len(ds) != 1 || len(errs) != 0 {
		t.Fatalf("%d docs %v, want only a1", len(ds), errs)
	}
	if n := len(s.requests("/missing")) + len(s.requests("/amp/a2")); n != 0 {
		t.Errorf("other shards' pages fetched %d times", n)
	}
}

func TestReaderReadsURLsThroughRemote(t *testing.T) {
	s := newSite(t)
	src := NewSource(context.Background(), testClient(Options{}), SourceOptions{})
	rd := read.New(read.Options{Remote: src.Docs})
	n := 0
	for d, err := range rd.Docs(s.URL+"/news/a1", s.URL+"/image.png") {
		if err == nil && d != nil {
			n++
		}
	}
	if n != 1 || len(rd.Errors()) != 1 || rd.Errors()[0].Path != s.URL+"/image.png" {
		t.Errorf("%d docs, errors %v", n, rd.Errors())
	}
}

func TestParseFeedJSONAndAtom(t *testing.T) {
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>One</title><link href="a/one"/><id>urn:1</id><updated>2025-06-01T10:00:00Z</updated></entry></feed>`
	items, err := ParseFeed("https://example.org/feeds/atom.xml", []byte(atom))
	if err != nil || len(items) != 1 || items[0].Link != "https://example.org/feeds/a/one" || items[0].Published != "2025-06-01" {
		t.Errorf("atom: %v %+v", err, items)
	}
	jf := `{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[{"id":"2","url":"https://example.org/two","date_published":"2025-06-02T10:00:00Z"},{"id":"2b","url":"https://example.org/two"}]}`
	items, err = ParseFeed("https://example.org/feed.json", []byte(jf))
	if err != nil || len(items) != 1 || items[0].Link != "https://example.org/two" {
		t.Errorf("json feed: %v %+v", err, items)
	}
}

func TestSourceOverTLS(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page("Secure", "", "Pedro Sánchez met Olaf Scholz in Madrid."))
	}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake below
	srv.StartTLS()
	defer srv.Close()
	src := NewSource(context.Background(), testClient(Options{Transport: srv.Client().Transport}), SourceOptions{})
	ds, errs := docs(t, src, srv.URL+"/story")
	if len(errs) != 0 || len(ds) != 1 || !strings.HasPrefix(ds[0].Meta.ID, "https://") {
		t.Fatalf("docs %v errs %v", ds, errs)
	}
	// Without the test server's certificate the connection is refused, not downgraded.
	_, errs = docs(t, NewSource(context.Background(), testClient(Options{}), SourceOptions{}), srv.URL+"/story")
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "certificate") {
		t.Errorf("untrusted certificate: %v", errs)
	}
}
