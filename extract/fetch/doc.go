// Package fetch reads articles from the web: a polite HTTP client (a User-Agent naming
// newsgraph, a per-host rate limit and concurrency, timeouts, retries with backoff on
// 429 and 5xx honouring Retry-After, conditional GET, a body size cap, capped redirects,
// checked content types, decoded charsets) and a Source that turns an article URL or an
// RSS, Atom or JSON Feed URL into documents for the pipeline.
//
// It is the only importer of the feed parser (github.com/mmcdole/gofeed). A fetched page's
// id is its canonical URL (<link rel="canonical">) when it has one, else the URL it was
// finally served from; its source is the URL it was asked for.
package fetch
