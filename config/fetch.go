package config

import (
	"strings"
	"time"
)

// Keys of the web client (extract/fetch) and of `newsgraph watch`.
const (
	KeyFetchUserAgent      = "fetch.user_agent"
	KeyFetchTimeout        = "fetch.timeout"
	KeyFetchHostInterval   = "fetch.host_interval"
	KeyFetchHostConcurency = "fetch.host_concurrency"
	KeyFetchMaxBytes       = "fetch.max_bytes"
	KeyFetchMaxRedirects   = "fetch.max_redirects"
	KeyFetchRetries        = "fetch.retries"
	KeyWatchFeeds          = "watch.feeds"
	KeyWatchInterval       = "watch.interval"
)

func init() {
	Keys = append(Keys,
		Key{Name: KeyFetchUserAgent, Default: "", Help: "User-Agent of web requests (empty: newsgraph/VERSION with the project's address)"},
		Key{Name: KeyFetchTimeout, Default: "30s", Help: "longest wait for one web response, body included (a Go duration)"},
		Key{Name: KeyFetchHostInterval, Default: "1s", Help: "least time between two requests to one host (a Go duration; 0s: no pause)"},
		Key{Name: KeyFetchHostConcurency, Default: 2, Help: "requests in flight to one host at once"},
		Key{Name: KeyFetchMaxBytes, Default: 8 << 20, Help: "largest web response read, in bytes"},
		Key{Name: KeyFetchMaxRedirects, Default: 5, Help: "redirects followed per request"},
		Key{Name: KeyFetchRetries, Default: 3, Help: "retries of a request answered 429 or 5xx (with backoff; Retry-After honoured)"},
		Key{Name: KeyWatchFeeds, Default: "", Help: "feeds `newsgraph watch` polls when given none (a YAML list, or URLs separated by commas or spaces)"},
		Key{Name: KeyWatchInterval, Default: "15m", Help: "time between two polls of `newsgraph watch` (a Go duration)"},
	)
}

// Fetch configures the web client that reads article and feed URLs.
type Fetch struct {
	UserAgent       string
	Timeout         time.Duration
	HostInterval    time.Duration
	HostConcurrency int
	MaxBytes        int
	MaxRedirects    int
	Retries         int
}

// Watch configures `newsgraph watch`.
type Watch struct {
	Feeds    []string
	Interval time.Duration
}

// loadFetch fills c.Fetch and c.Watch from the loaded values.
func (c *Config) loadFetch() error {
	dur := func(key string, min time.Duration) (time.Duration, error) {
		s := c.values[key].(string)
		d, err := time.ParseDuration(s)
		if err != nil || d < min {
			return 0, errorf("%s: %q (from %s) is not a duration of at least %s (like 30s, 15m)", key, s, c.sources[key], min)
		}
		return d, nil
	}
	var err error
	f := Fetch{UserAgent: c.values[KeyFetchUserAgent].(string), HostConcurrency: c.values[KeyFetchHostConcurency].(int),
		MaxBytes: c.values[KeyFetchMaxBytes].(int), MaxRedirects: c.values[KeyFetchMaxRedirects].(int), Retries: c.values[KeyFetchRetries].(int)}
	if f.Timeout, err = dur(KeyFetchTimeout, time.Millisecond); err != nil {
		return err
	}
	if f.HostInterval, err = dur(KeyFetchHostInterval, 0); err != nil {
		return err
	}
	for _, k := range []string{KeyFetchHostConcurency, KeyFetchMaxBytes, KeyFetchMaxRedirects} {
		if c.values[k].(int) < 1 {
			return errorf("%s: %d (from %s) is not a positive number", k, c.values[k], c.sources[k])
		}
	}
	w := Watch{Feeds: splitList(c.values[KeyWatchFeeds].(string))}
	if w.Interval, err = dur(KeyWatchInterval, time.Second); err != nil {
		return err
	}
	c.Fetch, c.Watch = f, w
	return nil
}

// splitList splits a list given as a string: commas or white space between items.
func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' })
}
