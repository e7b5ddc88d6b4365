package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/read"
)

// Media types read as articles and as feeds.
var (
	PageTypes = []string{"text/html", "application/xhtml+xml", "text/plain"}
	FeedTypes = []string{"application/rss+xml", "application/atom+xml", "application/feed+json",
		"application/json", "application/xml", "text/xml", "application/rdf+xml"}
)

// Published source of a date taken from a feed item (graph.Article.PublishedSource).
const SourceFeed = "feed"

// Validators are the HTTP validators of an earlier response, for a conditional GET.
type Validators struct {
	ETag, LastModified string
}

// SourceOptions configure a Source. The zero value fetches everything.
type SourceOptions struct {
	// Workers is how many pages of one feed are fetched at once (each host's own limit
	// still applies); 0 means 4.
	Workers int
	// Keep, when set, is asked about every article URL (an argument or a feed item's
	// link) before it is fetched: extract --shard.
	Keep func(url string) bool
	// Known, when set, gives the validators of what the graph already holds for a URL:
	// the page is fetched with a conditional GET and skipped when not modified.
	Known func(url string) (Validators, bool)
	// Unchanged, when set, says whether the graph already holds article id with this
	// content hash; such an article is skipped.
	Unchanged func(id, hash string) bool
	Log       *slog.Logger
}

// Stats counts what a Source did. Watch logs them per poll.
type Stats struct {
	Feeds, FeedsNotModified     atomic.Int64
	Items                       atomic.Int64 // feed items seen
	Fetched                     atomic.Int64 // pages fetched with a body
	NotModified, Unchanged, Dup atomic.Int64 // pages skipped: 304, same hash, id already read
	Failed                      atomic.Int64
}

// Source turns article and feed URLs into documents. It remembers the validators of the
// feeds it read, so the next poll of a feed is a conditional GET. Safe for one reader at
// a time.
type Source struct {
	ctx   context.Context
	c     *Client
	o     SourceOptions
	mu    sync.Mutex
	seen  map[string]bool
	feeds map[string]Validators
	Stats Stats
}

// NewSource returns a Source fetching with c; ctx bounds every fetch.
func NewSource(ctx context.Context, c *Client, o SourceOptions) *Source {
	if o.Workers <= 0 {
		o.Workers = 4
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
	return &Source{ctx: ctx, c: c, o: o, seen: map[string]bool{}, feeds: map[string]Validators{}}
}

// Reset forgets the article ids read so far (a new poll may read them again) and the
// counts; the feeds' validators are kept.
func (s *Source) Reset() {
	s.mu.Lock()
	s.seen = map[string]bool{}
	s.mu.Unlock()
	s.Stats = Stats{}
}

// Docs yields the documents behind one URL: the article, or every item of a feed in feed
// order. It implements read.Remote. Skipped pages (not modified, unchanged, already read,
// not this shard's) yield nothing; failures yield a *read.FileError naming the URL.
func (s *Source) Docs(u string) iter.Seq2[*article.Doc, error] {
	return func(yield func(*article.Doc, error) bool) {
		v, known := s.feedValidators(u)
		resp, err := s.c.Get(s.ctx, Request{URL: u, ETag: v.ETag, LastModified: v.LastModified,
			Accept: append(append([]string{}, PageTypes...), FeedTypes...)})
		if err != nil {
			s.Stats.Failed.Add(1)
			yield(nil, fileError(u, err))
			return
		}
		if isFeed(resp) || (resp.NotModified && known) {
			s.feed(u, resp, yield)
			return
		}
		if s.o.Keep != nil && !s.o.Keep(u) {
			return
		}
		if resp.NotModified {
			s.Stats.NotModified.Add(1)
			return
		}
		s.Stats.Fetched.Add(1)
		d, err := s.page(u, resp, nil)
		if err != nil {
			yield(nil, err)
		} else if d = s.admit(d); d != nil {
			yield(d, nil)
		}
	}
}

func (s *Source) feedValidators(u string) (Validators, bool) {
	s.mu.Lock()
	v, ok := s.feeds[u]
	s.mu.Unlock()
	if ok {
		return v, true
	}
	if s.o.Known != nil {
		v, _ = s.o.Known(u)
	}
	return v, false
}

func fileError(u string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		return &read.FileError{Path: u, Reason: fe.Reason, Err: fmt.Errorf("%w: %w", read.ErrNotFound, fe)}
	}
	return &read.FileError{Path: u, Reason: err.Error(), Err: fmt.Errorf("%w: %w", read.ErrNotFound, err)}
}

// isFeed: a feed media type, or a body a feed parser recognizes behind a generic one.
func isFeed(r *Response) bool {
	if r.NotModified {
		return false
	}
	switch r.MediaType {
	case "text/html", "application/xhtml+xml", "text/plain":
		return false
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
		return true
	}
	return detectFeed(r.Body)
}

// page turns a fetched page into a document: charset decoded, id the canonical URL. The
// caller admits it (in input order, so which of two URLs of one article wins is fixed).
func (s *Source) page(requested string, r *Response, it *Item) (*article.Doc, error) {
	data, err := decode(r)
	if err != nil {
		return nil, &read.FileError{Path: requested, Reason: "cannot decode charset: " + err.Error(), Err: read.ErrInvalidUTF8}
	}
	isHTML := r.MediaType != "text/plain"
	id := canonicalURL(r.URL)
	if isHTML {
		if c := canonicalLink(data, r.URL); c != "" {
			id = c
		}
	}
	d, fe := read.Fetched(requested, id, isHTML, data)
	if fe != nil {
		s.Stats.Failed.Add(1)
		return nil, fe
	}
	d.Meta.URL = id
	d.Meta.ETag, d.Meta.LastModified = r.ETag, r.LastModified
	if it != nil {
		if it.Published != "" {
			d.Meta.Published, d.Meta.PublishedSource = it.Published, SourceFeed
		}
		if d.Meta.Title == "" {
			d.Meta.Title = it.Title
		}
	}
	return d, nil
}

// admit drops a document already read in this run or unchanged in the graph.
func (s *Source) admit(d *article.Doc) *article.Doc {
	if d == nil {
		return nil
	}
	s.mu.Lock()
	dup := s.seen[d.Meta.ID]
	s.seen[d.Meta.ID] = true
	s.mu.Unlock()
	switch {
	case dup:
		s.Stats.Dup.Add(1)
		s.o.Log.Debug("already read", "id", d.Meta.ID, "url", d.Meta.Source)
		return nil
	case s.o.Unchanged != nil && s.o.Unchanged(d.Meta.ID, d.Meta.Hash):
		s.Stats.Unchanged.Add(1)
		return nil
	}
	return d
}

// decode converts a page to UTF-8 from the charset its header or its <meta> names.
func decode(r *Response) ([]byte, error) {
	rd, err := charset.NewReader(bytes.NewReader(r.Body), r.ContentType)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(rd)
}

// canonicalURL drops the fragment of a URL.
func canonicalURL(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return u
	}
	p.Fragment, p.RawFragment = "", ""
	return p.String()
}

// canonicalLink returns the page's <link rel="canonical"> resolved against base, or "".
func canonicalLink(page []byte, base string) string {
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			t := z.Token()
			if t.DataAtom == atom.Body {
				return ""
			}
			if t.DataAtom != atom.Link {
				continue
			}
			var rel, href string
			for _, a := range t.Attr {
				switch strings.ToLower(a.Key) {
				case "rel":
					rel = strings.ToLower(a.Val)
				case "href":
					href = strings.TrimSpace(a.Val)
				}
			}
			if href == "" || !hasWord(rel, "canonical") {
				continue
			}
			if r := resolve(base, href); read.IsURL(r) {
				return canonicalURL(r)
			}
		}
	}
}

func hasWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

// resolve resolves a possibly relative reference against base.
func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(strings.TrimSpace(ref))
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}
