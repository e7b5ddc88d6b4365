package config

import (
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestFetchDefaults(t *testing.T) {
	wd := isolate(t)
	c, err := Load(Options{WorkDir: wd})
	if err != nil {
		t.Fatal(err)
	}
	want := Fetch{Timeout: 30 * time.Second, HostInterval: time.Second, HostConcurrency: 2, MaxBytes: 8 << 20, MaxRedirects: 5, Retries: 3}
	if c.Fetch != want {
		t.Errorf("fetch defaults %+v, want %+v", c.Fetch, want)
	}
	if c.Watch.Interval != 15*time.Minute || len(c.Watch.Feeds) != 0 {
		t.Errorf("watch defaults %+v", c.Watch)
	}
}

func TestFetchFromFileAndEnv(t *testing.T) {
	wd := isolate(t)
	write(t, filepath.Join(wd, FileName), "fetch:\n  timeout: 5s\n  user_agent: acme-bot/1\nwatch:\n  feeds:\n    - https://a.example/rss\n    - https://b.example/atom\n  interval: 2m\n")
	t.Setenv(EnvVar(KeyFetchHostInterval), "250ms")
	c, err := Load(Options{WorkDir: wd})
	if err != nil {
		t.Fatal(err)
	}
	if c.Fetch.Timeout != 5*time.Second || c.Fetch.UserAgent != "acme-bot/1" || c.Fetch.HostInterval != 250*time.Millisecond {
		t.Errorf("fetch %+v", c.Fetch)
	}
	if c.Source(KeyFetchHostInterval).Kind != FromEnv {
		t.Errorf("host_interval from %v, want env", c.Source(KeyFetchHostInterval))
	}
	if want := []string{"https://a.example/rss", "https://b.example/atom"}; !reflect.DeepEqual(c.Watch.Feeds, want) || c.Watch.Interval != 2*time.Minute {
		t.Errorf("watch %+v", c.Watch)
	}
	t.Setenv(EnvVar(KeyWatchFeeds), "https://c.example/feed, https://d.example/feed")
	if c, err = Load(Options{WorkDir: wd}); err != nil || len(c.Watch.Feeds) != 2 || c.Watch.Feeds[0] != "https://c.example/feed" {
		t.Errorf("feeds from env: %v %+v", err, c.Watch)
	}
}

func TestFetchBadDuration(t *testing.T) {
	wd := isolate(t)
	t.Setenv(EnvVar(KeyWatchInterval), "often")
	_, err := Load(Options{WorkDir: wd})
	var ce *Error
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), KeyWatchInterval) || !strings.Contains(err.Error(), EnvVar(KeyWatchInterval)) {
		t.Errorf("err = %v, want a config error naming %s and its source", err, KeyWatchInterval)
	}
}
