package dateparser

import (
	"bufio"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// htmldate is the parser and configuration go-htmldate uses (its constant.go).
var htmldate = &Parser{ParserTypes: []ParserType{CustomFormat, AbsoluteTime}}

// tableDay is the day testdata/upstream.tsv was made, for two-digit years.
var tableDay = time.Date(2026, 11, 30, 12, 0, 0, 0, time.UTC)

func day(t *testing.T, p *Parser, cfg *Configuration, s string) string {
	t.Helper()
	d, err := p.Parse(cfg, s)
	if err != nil {
		if !d.IsZero() {
			t.Errorf("%q: error %v with a date %v", s, err, d)
		}
		return "-"
	}
	return d.Time.Format("2006-01-02")
}

// TestMatchesUpstream: on 3,852 generated date strings this parser answers as go-dateparser
// did with go-htmldate's settings, except the rows whose difference is written down, each
// for one of a few known reasons (README.md).
func TestMatchesUpstream(t *testing.T) {
	f, err := os.Open("testdata/upstream.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	reasons := map[string]bool{"not English": true, "31 September": true, "apostrophe year": true,
		"ordinal day": true, "two-digit year first": true}
	cfg := &Configuration{PreferredDateSource: Past, StrictParsing: true, CurrentTime: tableDay}
	sc := bufio.NewScanner(f)
	rows, differ := 0, 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		r := strings.Split(sc.Text(), "\t")
		if len(r) != 4 {
			t.Fatalf("bad row %q", sc.Text())
		}
		want := r[1]
		if r[3] != "" {
			if !reasons[r[3]] {
				t.Fatalf("%q: unknown reason %q", r[0], r[3])
			}
			want, differ = r[2], differ+1
		}
		if got := day(t, htmldate, cfg, r[0]); got != want {
			t.Errorf("%q = %s, want %s (upstream %s)", r[0], got, want, r[1])
		}
		rows++
	}
	if rows < 3000 {
		t.Fatalf("only %d rows read", rows)
	}
	t.Logf("%d rows, %d answered differently from upstream on purpose", rows, differ)
}

func TestParseForms(t *testing.T) {
	cfg := &Configuration{PreferredDateSource: Past, StrictParsing: true, CurrentTime: tableDay}
	for s, want := range map[string]string{
		"Thu, 06 Mar 2025 10:15:00 +0000":        "2025-03-06",
		"March 6, 2025, 10:15 a.m. ET":           "2025-03-06",
		"2025-03-06T10:15:00+01:00":              "2025-03-06",
		"6MAR2025":                               "2025-03-06",
		"6 March 2025 10:15-05:00":               "2025-03-06",
		"6 Mar 2025 10:15 GMT+1":                 "2025-03-06",
		"noon March 6 2025":                      "2025-03-06",
		"29 Feb 2024":                            "2024-02-29",
		"29 Feb 2023":                            "-",
		"13/03/2025":                             "2025-03-13", // month first fails: day first
		"6 March 2025 25:00":                     "-",
		"6 March 2025 6 March 2025":              "-",
		"Published: 6 March 2025":                "-", // an unknown word: no date
		"6 March":                                "-", // strict: no year
		"2 days ago":                             "-",
		"6 March 99":                             "1999-03-06",
		"1 Dec 26":                               "1926-12-01", // after CurrentTime: the century before
		"Friday, the 6th of March, 2025 | 14h05": "2025-03-06",
	} {
		if got := day(t, htmldate, cfg, s); got != want {
			t.Errorf("%q = %s, want %s", s, got, want)
		}
	}
}

func TestParseConfiguration(t *testing.T) {
	now := time.Date(2025, 5, 20, 8, 0, 0, 0, time.UTC)
	cases := []struct {
		cfg  Configuration
		s    string
		want string
	}{
		{Configuration{DateOrder: DMY}, "06/03/2025", "2025-03-06"},
		{Configuration{}, "06/03/2025", "2025-06-03"},
		{Configuration{CurrentTime: now}, "6 March 70", "1970-03-06"},
		{Configuration{CurrentTime: now}, "6 March 30", "2030-03-06"},
		{Configuration{CurrentTime: now, PreferredDateSource: Past}, "6 March 30", "1930-03-06"},
		{Configuration{CurrentTime: now, PreferredDayOfMonth: First}, "March 2025", "2025-03-01"},
		{Configuration{CurrentTime: now, PreferredDayOfMonth: Last}, "February 2024", "2024-02-29"},
		{Configuration{CurrentTime: now}, "March 2025", "2025-03-20"},
		{Configuration{CurrentTime: now, PreferredDateSource: Past}, "6 June", "2024-06-06"},
		{Configuration{CurrentTime: now, PreferredDateSource: Future}, "6 March", "2026-03-06"},
		{Configuration{CurrentTime: now, StrictParsing: true}, "March 2025", "-"},
	}
	for _, c := range cases {
		if got := day(t, &Parser{}, &c.cfg, c.s); got != c.want {
			t.Errorf("%+v %q = %s, want %s", c.cfg, c.s, got, c.want)
		}
	}
}

func TestParseResult(t *testing.T) {
	loc := time.FixedZone("X", 3600)
	d, err := (&Parser{}).Parse(&Configuration{DefaultTimezone: loc}, "6 March 2025 10:15:30 pm")
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2025, 3, 6, 22, 15, 30, 0, loc); !d.Time.Equal(want) || d.Time.Location() != loc || d.Locale != "en" || d.Period.String() != "Day" {
		t.Errorf("got %+v, want %v", d, want)
	}
	d, err = htmldate.Parse(nil, "06.03.2025 at 10:15", "02.01.2006 at 15:04")
	if err != nil || d.Time.Day() != 6 || d.Time.Month() != time.March {
		t.Errorf("custom format: %v %v", d, err)
	}
	if _, err := (&Parser{ParserTypes: []ParserType{RelativeTime}}).Parse(nil, "2 days ago"); !errors.Is(err, ErrUnsupported) {
		t.Errorf("relative time: err %v, want ErrUnsupported", err)
	}
	if _, err := (&Parser{}).Parse(&Configuration{DateOrder: func(string) string { return "DDY" }}, "6 March 2025"); err == nil {
		t.Error("a date order without a month was accepted")
	}
}

func TestWordTable(t *testing.T) {
	if w, err := englishWords(); err != nil || w["sept"].n != 9 || w["mar"].class != monthWord || w["est"].class != tzWord {
		t.Fatalf("embedded table: %v", err)
	}
	for _, bad := range []string{"may\tmonth\n", "may\tmonthly\t5\n", "may\tmonth\tfive\n", "may\tmonth\t5\nmay\tmonth\t5\n"} {
		if _, err := parseWords(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"6 March 2025", "Thu, 06 Mar 2025 10:15:00 +0000", "06/03/25", "12:00 pm", "+-:"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := htmldate.Parse(&Configuration{PreferredDateSource: Past, StrictParsing: true}, s)
		if err == nil && (d.Time.IsZero() || d.Time.Year() < 1 || d.Time.Year() > 9999) {
			t.Errorf("%q: %v", s, d)
		}
	})
}
