package fetch

import (
	"bytes"
	"context"
	"fmt"

	"github.com/mmcdole/gofeed"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/read"
)

// Item is one entry of a feed, as newsgraph uses it.
type Item struct {
	Link      string // absolute, resolved against the feed's URL; "" when the item has none
	GUID      string
	Title     string
	Published string // YYYY-MM-DD from the item's published (else updated) date, or ""
	Content   string // the item's content (else description), HTML
}

func detectFeed(body []byte) bool {
	return gofeed.DetectFeedType(bytes.NewReader(body)) != gofeed.FeedTypeUnknown
}

// ParseFeed reads an RSS, Atom or JSON feed served from base. Links are resolved against
// base; items whose link repeats an earlier item's are dropped, so each article is listed
// once, in feed order.
func ParseFeed(base string, body []byte) ([]Item, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	var out []Item
	seen := map[string]bool{}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		i := Item{GUID: it.GUID, Title: it.Title, Content: it.Content}
		if i.Content == "" {
			i.Content = it.Description
		}
		if it.Link != "" {
			i.Link = canonicalURL(resolve(base, it.Link))
		} else if read.IsURL(it.GUID) {
			i.Link = canonicalURL(it.GUID)
		}
		switch {
		case it.PublishedParsed != nil:
			i.Published = it.PublishedParsed.UTC().Format("2006-01-02")
		case it.UpdatedParsed != nil:
			i.Published = it.UpdatedParsed.UTC().Format("2006-01-02")
		}
		key := i.Link
		if key == "" {
			key = "guid:" + i.GUID
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		out = append(out, i)
	}
	return out, nil
}

// feed yields the documents of a feed's items, fetching their pages a few at a time and
// yielding in feed order.
func (s *Source) feed(u string, resp *Response, yield func(*article.Doc, error) bool) {
	s.Stats.Feeds.Add(1)
	if resp.NotModified {
		s.Stats.FeedsNotModified.Add(1)
		return
	}
	items, err := ParseFeed(resp.URL, resp.Body)
	if err != nil {
		s.Stats.Failed.Add(1)
		yield(nil, &read.FileError{Path: u, Reason: "not a readable feed: " + err.Error(), Err: read.ErrMalformed})
		return
	}
	s.mu.Lock()
	s.feeds[u] = Validators{ETag: resp.ETag, LastModified: resp.LastModified}
	s.mu.Unlock()
	s.Stats.Items.Add(int64(len(items)))

	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	type result struct {
		d   *article.Doc
		err error
	}
	results := make([]chan result, len(items))
	for i := range items {
		results[i] = make(chan result, 1)
	}
	slots := make(chan struct{}, s.o.Workers)
	go func() {
		for i := range items {
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
				return
			}
			go func(i int) {
				defer func() { <-slots }()
				d, err := s.item(ctx, u, i, &items[i])
				results[i] <- result{d, err}
			}(i)
		}
	}()
	for i := range items {
		var r result
		select {
		case r = <-results[i]:
		case <-ctx.Done():
			return
		}
		if r.err == nil {
			if r.d = s.admit(r.d); r.d == nil {
				continue
			}
		}
		if !yield(r.d, r.err) {
			return
		}
	}
}

// item fetches one feed item's page (or uses its content when it has no link).
func (s *Source) item(ctx context.Context, feed string, n int, it *Item) (*article.Doc, error) {
	if it.Link == "" {
		return s.inline(feed, n, it)
	}
	if s.o.Keep != nil && !s.o.Keep(it.Link) {
		return nil, nil
	}
	var v Validators
	if s.o.Known != nil {
		v, _ = s.o.Known(it.Link)
	}
	resp, err := s.c.Get(ctx, Request{URL: it.Link, ETag: v.ETag, LastModified: v.LastModified, Accept: PageTypes})
	if err != nil {
		s.Stats.Failed.Add(1)
		return nil, fileError(it.Link, err)
	}
	if resp.NotModified {
		s.Stats.NotModified.Add(1)
		return nil, nil
	}
	s.Stats.Fetched.Add(1)
	return s.page(it.Link, resp, it)
}

// inline makes a document of an item without a link from its own content; its id is
// its GUID.
func (s *Source) inline(feed string, n int, it *Item) (*article.Doc, error) {
	src := fmt.Sprintf("%s#item-%d", feed, n+1)
	if it.GUID == "" || it.Content == "" {
		s.Stats.Failed.Add(1)
		return nil, &read.FileError{Path: src, Reason: "feed item has no link, and no guid and content to stand in", Err: read.ErrNoText}
	}
	if s.o.Keep != nil && !s.o.Keep(it.GUID) {
		return nil, nil
	}
	d, fe := read.Fetched(src, it.GUID, true, []byte("<html><body>"+it.Content+"</body></html>"))
	if fe != nil {
		s.Stats.Failed.Add(1)
		return nil, fe
	}
	if it.Published != "" {
		d.Meta.Published, d.Meta.PublishedSource = it.Published, SourceFeed
	}
	if d.Meta.Title == "" {
		d.Meta.Title = it.Title
	}
	return d, nil
}
