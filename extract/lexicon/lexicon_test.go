package lexicon

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// toks splits on spaces; "_" stands for a space inside one token ("South_Korean").
func toks(s string) []string {
	f := strings.Fields(s)
	for i := range f {
		f[i] = strings.ReplaceAll(f[i], "_", " ")
	}
	return f
}

func TestLookup(t *testing.T) {
	l := Default()
	cases := []struct {
		in        string
		canonical string // "" = no match
		label     graph.Label
		n         int
		ambiguous bool
	}{
		{"US officials", "United States", graph.LabelCountry, 1, false},
		{"us", "", "", 0, false},
		{"U.S. Army", "US Army", graph.LabelOrganization, 2, false},
		{"U.S.", "United States", graph.LabelCountry, 1, false},
		{"U.S . Army", "US Army", graph.LabelOrganization, 3, false}, // "U.S" "." "Army"
		{"US . He", "United States", graph.LabelCountry, 1, false},   // a full stop is not eaten
		{"Vladimir Putin", "Vladimir", graph.LabelPlace, 1, true},    // the city is ambiguous
		{"USA", "United States", graph.LabelCountry, 1, false},
		{"United States of America", "United States", graph.LabelCountry, 4, false},
		{"UNITED STATES", "United States", graph.LabelCountry, 2, false},
		{"America", "United States", graph.LabelCountry, 1, false},
		{"UK", "United Kingdom", graph.LabelCountry, 1, false},
		{"U.K.", "United Kingdom", graph.LabelCountry, 1, false},
		{"Britain", "United Kingdom", graph.LabelCountry, 1, false},
		{"Holland", "Netherlands", graph.LabelCountry, 1, false},
		{"The Netherlands", "Netherlands", graph.LabelCountry, 2, false},
		{"Russian Federation", "Russia", graph.LabelCountry, 2, false},
		{"DPRK", "North Korea", graph.LabelCountry, 1, false},
		{"North Korea and", "North Korea", graph.LabelCountry, 2, false},
		{"Türkiye", "Turkey", graph.LabelCountry, 1, false},
		{"Turkiye", "Turkey", graph.LabelCountry, 1, false},
		{"Turkey", "Turkey", graph.LabelCountry, 1, true},
		{"turkey", "", "", 0, false},
		{"Czech Republic", "Czechia", graph.LabelCountry, 2, false},
		{"Georgia", "Georgia", graph.LabelCountry, 1, true}, // country wins over the US state
		{"Jordan", "Jordan", graph.LabelCountry, 1, true},
		{"IN", "", "", 0, false}, // ISO codes that are words are not aliases
		{"IT", "", "", 0, false},
		{"AS", "", "", 0, false},
		{"DE", "", "", 0, false},
		{"Nice", "Nice", graph.LabelPlace, 1, true},
		{"nice", "", "", 0, false},
		{"Reading", "Reading", graph.LabelPlace, 1, true},
		{"Mobile", "Mobile", graph.LabelPlace, 1, true},
		{"May", "", "", 0, false},
		{"NATO summit", "NATO", graph.LabelOrganization, 1, false},
		{"Nato", "NATO", graph.LabelOrganization, 1, false},
		{"North Atlantic Treaty Organization chief", "NATO", graph.LabelOrganization, 4, false},
		{"WHO", "World Health Organization", graph.LabelOrganization, 1, true},
		{"who", "", "", 0, false},
		{"State Department", "State Department", graph.LabelOrganization, 2, false},
		{"US State Department", "State Department", graph.LabelOrganization, 3, false},
		{"Department of State", "State Department", graph.LabelOrganization, 3, false},
		{"Kremlin", "Kremlin", graph.LabelOrganization, 1, false}, // org beats its building, not ambiguous
		{"White House", "White House", graph.LabelOrganization, 2, false},
		{"Pentagon", "Department of Defense", graph.LabelOrganization, 1, false},
		{"10 Downing Street", "10 Downing Street", graph.LabelPlace, 3, false},
		{"Downing Street", "Downing Street", graph.LabelOrganization, 2, false},
		{"No . 10", "Downing Street", graph.LabelOrganization, 3, false},
		{"Mar-a-Lago", "Mar-a-Lago", graph.LabelPlace, 1, false},
		{"Mar - a - Lago", "Mar-a-Lago", graph.LabelPlace, 5, false},
		{"Elysee Palace", "Élysée", graph.LabelOrganization, 2, false},
		{"Reuters", "Reuters", graph.LabelOrganization, 1, false},
		{"AP", "Associated Press", graph.LabelOrganization, 1, false},
		{"Al Jazeera", "Al Jazeera", graph.LabelOrganization, 2, false},
		{"GOP", "Republican Party", graph.LabelOrganization, 1, false},
		{"Hezbollah", "Hezbollah", graph.LabelOrganization, 1, false},
		{"Kyiv", "Kyiv", graph.LabelPlace, 1, false},
		{"Kiev", "Kyiv", graph.LabelPlace, 1, false},
		{"The Hague", "The Hague", graph.LabelPlace, 2, false},
		{"Hague", "The Hague", graph.LabelPlace, 1, false},
		{"St . Petersburg", "Saint Petersburg", graph.LabelPlace, 3, false},
		{"New York", "New York City", graph.LabelPlace, 2, false},
		{"Camp David", "Camp David", graph.LabelPlace, 2, false},
		{"Donbas", "Donbas", graph.LabelPlace, 1, false},
		{"Gaza", "Gaza Strip", graph.LabelPlace, 1, false},
		{"Europe’s", "Europe", graph.LabelPlace, 1, false},
		{"Russia's", "Russia", graph.LabelCountry, 1, false},
		{"Middle East", "Middle East", graph.LabelPlace, 2, false},
		{"Greenland", "Greenland", graph.LabelCountry, 1, false},
		{"Florence", "Florence", graph.LabelPlace, 1, true},
		{"Victoria", "Victoria", graph.LabelPlace, 1, true},
		{"NEW_YORK", "", "", 0, false}, // one token with a space is not a word
	}
	for _, c := range cases {
		e, n, ok := l.Lookup(toks(c.in))
		if c.canonical == "" {
			if ok {
				t.Errorf("Lookup(%q) = %+v, %d; want no match", c.in, e, n)
			}
			continue
		}
		if !ok || e.Canonical != c.canonical || e.Label != c.label || n != c.n || e.Ambiguous != c.ambiguous {
			t.Errorf("Lookup(%q) = %+v, %d, %v; want %s %s n=%d ambiguous=%v", c.in, e, n, ok, c.label, c.canonical, c.n, c.ambiguous)
		}
	}
	// Georgia the US state is the second candidate.
	all, _ := l.LookupAll(toks("Georgia"))
	if len(all) < 2 || all[1].Label != graph.LabelPlace || all[1].Country != "US" {
		t.Errorf("LookupAll(Georgia) = %+v", all)
	}
	if e, _, _ := l.Lookup(toks("Greenland")); e.Kind != "territory" {
		t.Errorf("Greenland kind %q, want territory", e.Kind)
	}
}

func TestTitle(t *testing.T) {
	l := Default()
	cases := []struct {
		in, role string
		n        int
		scope    string
		head     bool
		of       string
	}{
		{"President Trump", "President", 1, "either", true, ""},
		{"president", "President", 1, "either", true, ""},
		{"President-elect Donald", "President-elect", 1, "either", false, ""},
		{"President - elect", "President-elect", 3, "either", false, ""},
		{"Vice President", "Vice President", 2, "either", false, ""},
		{"Prime Minister Keir", "Prime Minister", 2, "country", true, ""},
		{"prime minister", "Prime Minister", 2, "country", true, ""},
		{"Chancellor", "Chancellor", 1, "country", true, ""},
		{"Defense Secretary Pete", "Defense Secretary", 2, "country", false, ""},
		{"Secretary of Defense", "Defense Secretary", 3, "country", false, ""},
		{"Defence Secretary", "Defense Secretary", 2, "country", false, ""},
		{"Secretary of State", "Secretary of State", 3, "country", false, ""},
		{"US secretary of state", "Secretary of State", 4, "country", false, "US"},
		{"U.S. Secretary of State", "Secretary of State", 4, "country", false, "US"},
		{"Secretary-General", "Secretary General", 1, "org", true, ""},
		{"Secretary - General", "Secretary General", 3, "org", true, ""},
		{"secretary general", "Secretary General", 2, "org", true, ""},
		{"NATO chief", "Secretary General", 2, "org", true, "NATO"},
		{"chief", "Chief", 1, "either", true, ""},
		{"foreign policy chief", "High Representative", 3, "org", false, "European Union"},
		{"National Security Advisor", "National Security Adviser", 3, "country", false, ""},
		{"spokeswoman", "Spokesperson", 1, "either", false, ""},
		{"Foreign Minister", "Foreign Minister", 2, "country", false, ""},
		{"Defence Minister", "Defense Minister", 2, "country", false, ""},
		{"Crown Prince", "Crown Prince", 2, "country", false, ""},
		{"Gen . Smith", "General", 2, "either", false, ""},
		{"Pope", "Pope", 1, "org", true, "VA"},
		{"Chief of Staff", "Chief of Staff", 3, "either", false, ""},
	}
	for _, c := range cases {
		ti, n, ok := l.Title(toks(c.in))
		if !ok || ti.Role != c.role || n != c.n || ti.Scope != c.scope || ti.HeadOf != c.head || ti.Of != c.of {
			t.Errorf("Title(%q) = %+v, %d, %v; want %s n=%d %s head=%v of=%q", c.in, ti, n, ok, c.role, c.n, c.scope, c.head, c.of)
		}
	}
	if _, _, ok := l.Title(toks("Trump")); ok {
		t.Error("Title(Trump) matched")
	}
}

func TestDemonym(t *testing.T) {
	l := Default()
	cases := map[string]string{
		"American": "US", "Americans": "US", "British": "GB", "German": "DE", "Germans": "DE",
		"Dutch": "NL", "Ukrainian": "UA", "Israeli": "IL", "Israelis": "IL", "Russian": "RU",
		"Iranian": "IR", "Saudi": "SA", "Kazakh": "KZ", "South_Korean": "KR", "North_Korean": "KP",
		"Emirati": "AE", "French": "FR", "Chinese": "CN", "Turkish": "TR", "Polish": "PL",
		"Congolese": "CD", "Dominican": "DO", "Filipino": "PH", "GERMAN": "DE", "Palestinian": "PS",
	}
	for in, iso := range cases {
		c, ok := l.Demonym(strings.ReplaceAll(in, "_", " "))
		if !ok || c.ISO2 != iso {
			t.Errorf("Demonym(%q) = %s, %v; want %s", in, c.ISO2, ok, iso)
		}
	}
	for _, in := range []string{"german", "Korean", "Germany", "", "Trump"} {
		if c, ok := l.Demonym(in); ok {
			t.Errorf("Demonym(%q) = %s; want none", in, c.ISO2)
		}
	}
}

func TestCountry(t *testing.T) {
	l := Default()
	for in, iso := range map[string]string{
		"United States": "US", "usa": "US", "The Netherlands": "NL", "turkiye": "TR", "Türkiye": "TR",
		"DEU": "DE", "de": "DE", "Czechia": "CZ", "Ivory Coast": "CI", "Côte d'Ivoire": "CI",
	} {
		c, ok := l.Country(in)
		if !ok || c.ISO2 != iso {
			t.Errorf("Country(%q) = %s, %v; want %s", in, c.ISO2, ok, iso)
		}
	}
	want := map[string]string{"US": "United States", "GB": "United Kingdom", "RU": "Russia", "NL": "Netherlands",
		"IR": "Iran", "SY": "Syria", "KP": "North Korea", "KR": "South Korea", "CN": "China", "CZ": "Czechia"}
	for iso, name := range want {
		c, ok := l.CountryByISO(iso)
		if !ok || c.Name != name || !c.Independent {
			t.Errorf("CountryByISO(%s) = %+v", iso, c)
		}
	}
	if c, _ := l.CountryByISO("ua"); c.Capital != "Kyiv" {
		t.Errorf("capital of UA = %q", c.Capital)
	}
	if _, ok := l.CountryByISO("XX"); ok {
		t.Error("XX found")
	}
}

func TestWords(t *testing.T) {
	l := Default()
	for _, w := range []string{"Volodymyr", "Andriy", "Kaja", "Keir", "Jens", "Farah", "Recep", "Xi",
		"Emmanuel", "Olaf", "Donald", "Mark", "May", "Will", "KEIR", "Mevlüt", "Mevlut", "Jean-Luc", "Narendra"} {
		if !l.IsFirstName(w) {
			t.Errorf("IsFirstName(%q) = false", w)
		}
	}
	for _, w := range []string{"Security", "Council", "Pentagon", "NATO", "the", "Europe", ""} {
		if l.IsFirstName(w) {
			t.Errorf("IsFirstName(%q) = true", w)
		}
	}
	for _, w := range []string{"may", "will", "the", "meeting", "said", "May", "nice"} {
		if !l.IsCommonWord(w) {
			t.Errorf("IsCommonWord(%q) = false", w)
		}
	}
	for _, w := range []string{"US", "IT", "Zelensky", "volodymyr"} {
		if l.IsCommonWord(w) {
			t.Errorf("IsCommonWord(%q) = true", w)
		}
	}
	for _, w := range []string{"the", "The", "of", "and", "us", "will", "may"} {
		if !l.IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = false", w)
		}
	}
	for _, w := range []string{"US", "IT", "United", "General", "State", "president", "NATO"} {
		if l.IsStopWord(w) {
			t.Errorf("IsStopWord(%q) = true", w)
		}
	}
}

func TestHolder(t *testing.T) {
	l := Default()
	cases := []struct{ office, date, want string }{
		{"country:US/President", "2024-11-22", "Joe Biden"},
		{"country:US/President", "2025-01-20", "Donald Trump"},
		{"country:US/President", "2025-01-19", "Joe Biden"},
		{"country:US/President", "2018", "Donald Trump"},
		{"country:US/President", "2026-03-01T10:00:00Z", "Donald Trump"},
		{"org:NATO/Secretary General", "2024-09-30", "Jens Stoltenberg"},
		{"org:NATO/Secretary General", "2024-10-01", "Mark Rutte"},
		{"country:GB/Prime Minister", "2019-06", "Theresa May"},
		{"country:GB/Prime Minister", "2025-06-25", "Keir Starmer"},
		{"country:DE/Chancellor", "2024-11-01", "Olaf Scholz"},
		{"country:US/Defense Secretary", "2025-06-25", "Pete Hegseth"},
		{"country:US/Secretary of State", "2025-06-25", "Marco Rubio"},
		{"org:European Union/High Representative", "2025-01-15", "Kaja Kallas"},
		{"country:UA/President", "2022-02-24", "Volodymyr Zelenskyy"},
	}
	for _, c := range cases {
		got, ok := l.Holder(c.office, c.date)
		if !ok || got != c.want {
			t.Errorf("Holder(%s, %s) = %q, %v; want %q", c.office, c.date, got, ok, c.want)
		}
	}
	for _, c := range [][2]string{{"country:US/President", ""}, {"country:US/President", "1800-01-01"},
		{"country:US/President", "soon"}, {"country:XX/King", "2020-01-01"}} {
		if got, ok := l.Holder(c[0], c[1]); ok {
			t.Errorf("Holder(%q, %q) = %q", c[0], c[1], got)
		}
	}
	// Every office needed by the design is covered from 2000 to 2026.
	for _, k := range []string{"country:US/President", "country:US/Vice President", "country:US/Secretary of State",
		"country:US/Defense Secretary", "country:GB/Prime Minister", "country:DE/Chancellor", "country:FR/President",
		"country:RU/President", "country:UA/President", "country:CN/President", "org:NATO/Secretary General",
		"org:United Nations/Secretary General", "org:European Commission/President", "org:European Union/High Representative",
		"country:IL/Prime Minister", "country:TR/President", "country:IN/Prime Minister", "country:JP/Prime Minister",
		"country:CA/Prime Minister"} {
		for _, d := range []string{"2000-06-01", "2010-06-01", "2020-06-01", "2026-01-01"} {
			if _, ok := l.Holder(k, d); !ok {
				t.Errorf("no holder of %s on %s", k, d)
			}
		}
	}
}

// TestDataFiles: every file parses (Default), has a source and licence header, and — for
// generated and curated tables alike — no duplicate keys (Load reports them as errors).
func TestDataFiles(t *testing.T) {
	if _, err := Load(""); err != nil {
		t.Fatal(err)
	}
	for _, name := range Files {
		b, err := embedded.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		var src, lic bool
		sc := bufio.NewScanner(bytes.NewReader(b))
		for sc.Scan() && strings.HasPrefix(sc.Text(), "#") {
			src = src || strings.HasPrefix(sc.Text(), "# source:")
			lic = lic || strings.HasPrefix(sc.Text(), "# licence:")
		}
		if !src || !lic {
			t.Errorf("%s: header lacks '# source:' or '# licence:' line", name)
		}
		if !bytes.Contains(sources, []byte(name)) {
			t.Errorf("SOURCES.md does not mention %s", name)
		}
	}
	l := Default()
	if n := len(l.Countries()); n < 240 {
		t.Errorf("%d countries", n)
	}
}

var sources, _ = os.ReadFile("data/SOURCES.md")

func TestUserDir(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("organizations.tsv", "# mine\nname\taliases\tkind\tcountry\tambiguous\nAcme Defence\tAcme\tcompany\tGB\t\n-Apple\t\tcompany\tUS\t\n")
	write("places.tsv", "name\taliases\tkind\tcountry\tambiguous\n-Nice\t\tcity\tFR\tno\n")
	write("firstnames.txt", "zelwyn\n-may\n")
	write("countries_extra.tsv", "iso2\taliases\tdemonyms\tambiguous\nDE\tDeutschland\tTeutonic\t\n")
	l, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if e, _, ok := l.Lookup(toks("Acme")); !ok || e.Canonical != "Acme Defence" {
		t.Errorf("user org not found: %+v", e)
	}
	if _, _, ok := l.Lookup(toks("Apple")); ok {
		t.Error("deleted org still found")
	}
	if _, _, ok := l.Lookup(toks("Nice")); ok {
		t.Error("deleted place still found")
	}
	if !l.IsFirstName("Zelwyn") || l.IsFirstName("May") {
		t.Error("user first names not applied")
	}
	if c, ok := l.Demonym("Teutonic"); !ok || c.ISO2 != "DE" {
		t.Error("user demonym not applied")
	}
	if e, _, _ := l.Lookup(toks("Deutschland")); e.Country != "DE" {
		t.Error("user alias not applied")
	}
	// The default lexicon is untouched.
	if _, _, ok := Default().Lookup(toks("Nice")); !ok {
		t.Error("Default changed by Load(dir)")
	}

	bad := []struct{ file, body, want string }{
		{"organizations.tsv", "name\taliases\tkind\tcountry\tambiguous\nX\t\tbank\t\t\n", "organizations.tsv:2: kind must be"},
		{"organizations.tsv", "name\taliases\tkind\tcountry\tambiguous\nX\t\tngo\t\t\nX\t\tngo\t\t\n", "organizations.tsv:3: duplicate key \"X\" (first at line 2)"},
		{"offices.tsv", "office\tholder\taliases\tstart\tend\tsource\tnote\ncountry:US/King\tA\t\t2020\t2019\tme\t\n", "offices.tsv:2: end 2019 is not after start 2020"},
		{"titles.tsv", "phrases\trole\n", "titles.tsv:1: header must be"},
		{"countries_extra.tsv", "iso2\taliases\tdemonyms\tambiguous\nQQ\tQ\t\t\n", "countries_extra.tsv:2: unknown country"},
	}
	for _, b := range bad {
		d := t.TempDir()
		if err := os.WriteFile(filepath.Join(d, b.file), []byte(b.body), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(d)
		if err == nil || !strings.Contains(err.Error(), b.want) {
			t.Errorf("Load(%s) error = %v; want %q", b.file, err, b.want)
		}
	}
}

func TestConcurrentDefault(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			l := Default()
			for j := 0; j < 1000; j++ {
				l.Lookup([]string{"North", "Korea"})
				l.Title([]string{"Prime", "Minister"})
				l.IsFirstName("Keir")
			}
		}()
	}
	wg.Wait()
}

func TestNoAllocs(t *testing.T) {
	l := Default()
	in := toks("the U.S. Secretary of State met NATO chief Mark Rutte in Camp David")
	allocs := testing.AllocsPerRun(100, func() {
		for i := range in {
			l.Lookup(in[i:])
			l.Title(in[i:])
			l.IsFirstName(in[i])
			l.IsStopWord(in[i])
		}
	})
	if allocs != 0 {
		t.Errorf("%v allocations per run, want 0", allocs)
	}
}

// A lexicon folder with none of the lexicon files (a typo, the wrong folder) is an
// error, not silently the embedded lexicons.
func TestLoadEmptyUserDir(t *testing.T) {
	d := t.TempDir()
	if err := os.WriteFile(filepath.Join(d, "countries.txt"), []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(d)
	if err == nil || !strings.Contains(err.Error(), d) || !strings.Contains(err.Error(), "none of the lexicon files") {
		t.Errorf("Load(empty dir) error = %v", err)
	}
}
