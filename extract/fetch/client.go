package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Sentinel errors, wrapped by *Error.
var (
	ErrStatus      = errors.New("http error status")
	ErrTimeout     = errors.New("timed out")
	ErrTooLarge    = errors.New("body over the size cap")
	ErrRedirects   = errors.New("too many redirects")
	ErrContentType = errors.New("unsupported content type")
	ErrNetwork     = errors.New("network error")
	ErrBadURL      = errors.New("bad URL")
)

// Error is a failed fetch of one URL.
type Error struct {
	URL    string
	Status int    // the last HTTP status, 0 when none arrived
	Reason string // lowercase, human-readable
	Err    error  // one of the sentinels above
}

func (e *Error) Error() string { return e.Reason }

// Unwrap returns the sentinel.
func (e *Error) Unwrap() error { return e.Err }

// Options configure a Client. Zero values take the defaults in brackets.
type Options struct {
	UserAgent       string        // ["newsgraph"]
	Timeout         time.Duration // one attempt, body included [30s]
	HostInterval    time.Duration // least time between two requests to one host [1s]; negative: none
	HostConcurrency int           // requests in flight to one host [2]
	MaxBytes        int64         // body size cap [8 MiB]
	MaxRedirects    int           // redirects followed [5]
	Retries         int           // retries on 429 and 5xx [3]; negative: none
	Backoff         time.Duration // wait before the first retry, doubled for each next [1s]
	MaxRetryAfter   time.Duration // longest Retry-After honoured; longer ones fail the fetch [2m]
	// Transport replaces http.DefaultTransport (tests: a TLS server's client transport).
	Transport http.RoundTripper
	Log       *slog.Logger // debug logs of retries; nil discards
}

func (o *Options) defaults() {
	if o.UserAgent == "" {
		o.UserAgent = "newsgraph"
	}
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.HostInterval == 0 {
		o.HostInterval = time.Second
	}
	if o.HostConcurrency <= 0 {
		o.HostConcurrency = 2
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 8 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 5
	}
	if o.Retries == 0 {
		o.Retries = 3
	}
	if o.Backoff <= 0 {
		o.Backoff = time.Second
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 2 * time.Minute
	}
	if o.Log == nil {
		o.Log = slog.New(slog.DiscardHandler)
	}
}

// Client is a polite HTTP client. It is safe for concurrent use.
type Client struct {
	opts  Options
	http  *http.Client
	mu    sync.Mutex
	hosts map[string]*host
}

// host paces the requests to one host.
type host struct {
	slots chan struct{}
	mu    sync.Mutex
	next  time.Time
}

// New returns a Client.
func New(opts Options) *Client {
	opts.defaults()
	c := &Client{opts: opts, hosts: map[string]*host{}}
	c.http = &http.Client{
		Transport: opts.Transport,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > opts.MaxRedirects {
				return fmt.Errorf("%w: stopped after %d", ErrRedirects, opts.MaxRedirects)
			}
			req.Header.Set("User-Agent", opts.UserAgent)
			return nil
		},
	}
	return c
}

// Request is one GET. ETag and LastModified, from an earlier response, make it
// conditional: an unchanged resource answers 304 and Response.NotModified is set.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	Accept       []string // media types accepted ("text/html"); a response of another type fails
}

// Response is a successful (2xx or 304) fetch.
type Response struct {
	URL          string // where the body was finally served from (after redirects)
	Status       int
	NotModified  bool
	ETag         string
	LastModified string
	MediaType    string // "text/html", without parameters
	ContentType  string // the header as sent (with charset), or the sniffed type
	Body         []byte // as sent, not yet charset-decoded
}

// Get fetches one URL, waiting for its host's turn, retrying on 429 and 5xx.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	u, err := url.Parse(req.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{URL: req.URL, Reason: "not an http(s) URL", Err: ErrBadURL}
	}
	h := c.host(u.Host)
	wait := c.opts.Backoff
	for attempt := 0; ; attempt++ {
		resp, retryAfter, err := c.attempt(ctx, h, req)
		if err == nil {
			return resp, nil
		}
		var fe *Error
		if !errors.As(err, &fe) || !retryable(fe.Status) || attempt >= c.opts.Retries {
			return nil, err
		}
		d := wait
		if retryAfter > 0 {
			if retryAfter > c.opts.MaxRetryAfter {
				fe.Reason += fmt.Sprintf(" (Retry-After %s is longer than the %s this client waits)", retryAfter, c.opts.MaxRetryAfter)
				return nil, fe
			}
			d = retryAfter
		}
		c.opts.Log.Debug("retrying", "url", req.URL, "status", fe.Status, "attempt", attempt+1, "wait", d)
		if err := sleep(ctx, d); err != nil {
			return nil, err
		}
		wait *= 2
	}
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500 && status <= 599
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *Client) host(name string) *host {
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[name]
	if h == nil {
		h = &host{slots: make(chan struct{}, c.opts.HostConcurrency)}
		c.hosts[name] = h
	}
	return h
}

// acquire takes one of the host's slots and waits for its next turn; release gives the
// slot back.
func (c *Client) acquire(ctx context.Context, h *host) (release func(), err error) {
	select {
	case h.slots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	release = func() { <-h.slots }
	if c.opts.HostInterval > 0 {
		h.mu.Lock()
		now := time.Now()
		at := h.next
		if at.Before(now) {
			at = now
		}
		h.next = at.Add(c.opts.HostInterval)
		h.mu.Unlock()
		if err := sleep(ctx, time.Until(at)); err != nil {
			release()
			return nil, err
		}
	}
	return release, nil
}

// attempt is one request (redirects included); retryAfter is the server's Retry-After.
func (c *Client) attempt(ctx context.Context, h *host, req Request) (*Response, time.Duration, error) {
	release, err := c.acquire(ctx, h)
	if err != nil {
		return nil, 0, err
	}
	defer release()
	actx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	hr, err := http.NewRequestWithContext(actx, http.MethodGet, req.URL, nil)
	if err != nil {
		return nil, 0, &Error{URL: req.URL, Reason: err.Error(), Err: ErrBadURL}
	}
	hr.Header.Set("User-Agent", c.opts.UserAgent)
	if len(req.Accept) > 0 {
		hr.Header.Set("Accept", strings.Join(req.Accept, ", ")+", */*;q=0.1")
	}
	if req.ETag != "" {
		hr.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hr.Header.Set("If-Modified-Since", req.LastModified)
	}
	resp, err := c.http.Do(hr)
	if err != nil {
		return nil, 0, c.netError(ctx, req.URL, err)
	}
	defer resp.Body.Close()
	out := &Response{URL: resp.Request.URL.String(), Status: resp.StatusCode,
		ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, 0, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, retryAfter(resp.Header.Get("Retry-After")), &Error{URL: req.URL, Status: resp.StatusCode,
			Reason: fmt.Sprintf("HTTP %d %s", resp.StatusCode, http.StatusText(resp.StatusCode)), Err: ErrStatus}
	}
	if resp.ContentLength > c.opts.MaxBytes {
		return nil, 0, c.tooLarge(req.URL, resp.StatusCode, resp.ContentLength)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.opts.MaxBytes+1))
	if err != nil {
		return nil, 0, c.netError(ctx, req.URL, err)
	}
	if int64(len(body)) > c.opts.MaxBytes {
		return nil, 0, c.tooLarge(req.URL, resp.StatusCode, -1)
	}
	out.Body = body
	if err := checkType(out, resp.Header.Get("Content-Type"), req.Accept); err != nil {
		return nil, 0, err
	}
	return out, 0, nil
}

func (c *Client) tooLarge(u string, status int, n int64) error {
	size := "more"
	if n >= 0 {
		size = strconv.FormatInt(n, 10) + " bytes"
	}
	return &Error{URL: u, Status: status, Err: ErrTooLarge,
		Reason: fmt.Sprintf("body is %s, over the size cap of %d bytes", size, c.opts.MaxBytes)}
}

func (c *Client) netError(ctx context.Context, u string, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if errors.Is(err, ErrRedirects) {
		return &Error{URL: u, Reason: fmt.Sprintf("more than %d redirects (a redirect loop?)", c.opts.MaxRedirects), Err: ErrRedirects}
	}
	if errors.Is(err, context.DeadlineExceeded) || isTimeout(err) {
		return &Error{URL: u, Reason: fmt.Sprintf("no complete response within %s", c.opts.Timeout), Err: ErrTimeout}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &Error{URL: u, Reason: err.Error(), Err: ErrNetwork}
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if n, err := strconv.Atoi(v); err == nil && n >= 0 {
		return time.Duration(n) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := time.Until(t); d > 0 {
			return d
		}
	}
	return 0
}

// checkType sets the response's media type (sniffed when the header has none) and
// refuses one the request does not accept.
func checkType(r *Response, header string, accept []string) error {
	r.ContentType = header
	mt, _, err := mime.ParseMediaType(header)
	if header == "" || err != nil {
		r.ContentType = http.DetectContentType(r.Body)
		mt, _, _ = mime.ParseMediaType(r.ContentType)
	}
	r.MediaType = strings.ToLower(mt)
	if len(accept) == 0 {
		return nil
	}
	for _, a := range accept {
		if r.MediaType == a {
			return nil
		}
	}
	return &Error{URL: r.URL, Status: r.Status, Err: ErrContentType,
		Reason: fmt.Sprintf("content type %q is not one newsgraph reads (%s)", r.MediaType, strings.Join(accept, ", "))}
}
