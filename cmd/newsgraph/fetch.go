package main

import (
	"context"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/extract/fetch"
)

// projectURL is named in the User-Agent of web requests, so a site owner can find us.
const projectURL = "https://github.com/newsgraph/newsgraph"

// userAgent is fetch.user_agent, or newsgraph/VERSION with the project's address.
func (e *env) userAgent() string {
	if ua := e.cfg.Fetch.UserAgent; ua != "" {
		return ua
	}
	v := buildVersion().Version
	if v == "" {
		v = "dev"
	}
	return "newsgraph/" + v + " (+" + projectURL + ")"
}

// webClient is the polite HTTP client as configured (fetch.*).
func (e *env) webClient() *fetch.Client {
	f := e.cfg.Fetch
	interval := f.HostInterval
	if interval == 0 {
		interval = -1 // configured "0s": no pause
	}
	retries := f.Retries
	if retries == 0 {
		retries = -1
	}
	return fetch.New(fetch.Options{UserAgent: e.userAgent(), Timeout: f.Timeout, HostInterval: interval,
		HostConcurrency: f.HostConcurrency, MaxBytes: int64(f.MaxBytes), MaxRedirects: f.MaxRedirects,
		Retries: retries, Log: e.log})
}

// shard is one of N deterministic parts of the input (extract --shard I/N).
type shard struct{ i, n int }

// parseShard reads "I/N" with 0 <= I < N.
func parseShard(s string) (shard, error) {
	a, b, ok := strings.Cut(s, "/")
	i, err1 := strconv.Atoi(strings.TrimSpace(a))
	n, err2 := strconv.Atoi(strings.TrimSpace(b))
	if !ok || err1 != nil || err2 != nil || n < 1 || i < 0 || i >= n {
		return shard{}, fmt.Errorf("--shard %q: want I/N with 0 <= I < N, like 0/4", s)
	}
	return shard{i, n}, nil
}

// keeps reports whether key (an article id, or the URL of a web article) is this shard's:
// FNV-1a of the key modulo N, so every machine agrees without talking to the others.
func (s shard) keeps(key string) bool {
	h := fnv.New64a()
	h.Write([]byte(key))
	return h.Sum64()%uint64(s.n) == uint64(s.i)
}

// shardFilter returns the --shard filter of the command, nil when it has none.
func shardFilter(c *cli.Context) (func(string) bool, error) {
	v := c.String("shard")
	if v == "" {
		return nil, nil
	}
	s, err := parseShard(v)
	if err != nil {
		return nil, usageError{err: err, command: c.Command.Name}
	}
	return s.keeps, nil
}

// webSource reads the http(s):// arguments of extract and build.
func (e *env) webSource(ctx context.Context, keep func(string) bool) *fetch.Source {
	return fetch.NewSource(ctx, e.webClient(), fetch.SourceOptions{Keep: keep, Log: e.log})
}
