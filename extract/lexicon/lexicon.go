package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/graph"
)

//go:embed data/*.tsv data/*.txt
var embedded embed.FS

// Files are the data file names, in load order. A user directory may hold any of them.
var Files = []string{
	"countries.tsv", "countries_extra.tsv", "organizations.tsv", "places.tsv", "places_extra.tsv",
	"titles.tsv", "offices.tsv", "firstnames.txt", "firstnames_extra.txt", "commonwords.txt", "stopwords.txt",
}

// Entry is a known name found by Lookup.
type Entry struct {
	Label     graph.Label // Country, Organization or Place
	Canonical string      // canonical name: "United States", "NATO", "Kyiv"
	Kind      string      // country|territory; organisation kind (alliance, media, party...); place kind (city, region, continent, territory, building)
	Country   string      // ISO2 of the country it belongs to ("" for international organisations and regions)
	Ambiguous bool        // this surface form often means something else (see package doc)
}

// Country is one row of countries.tsv merged with countries_extra.tsv.
type Country struct {
	ISO2, ISO3  string
	Name        string   // canonical common English name
	Aliases     []string // other names, official names, established abbreviations
	Demonyms    []string // adjectives / nationality words: "German", "Dutch"
	Capital     string
	Independent bool
	Ambiguous   []string // names or aliases that often mean something else
}

// Title is a role phrase found by Title.
type Title struct {
	Phrase string // the phrase as spelled in the data: "Secretary-General"
	Role   string // normalised role: "Secretary General", "Defense Secretary"
	Scope  string // "country", "org" or "either": what kind of entity the role belongs to
	HeadOf bool   // leads the country (head of state or government) or the organisation
	Of     string // ISO2 or organisation name the phrase itself names ("US Secretary of State" -> "US"), else ""
}

// Office is one holder of a well-known office (offices.tsv).
type Office struct {
	Key     string   // "country:US/President", "org:NATO/Secretary General"
	Holder  string   // English Wikipedia title of the person
	Aliases []string // other spellings of the holder's name
	Start   string   // YYYY[-MM[-DD]], inclusive
	End     string   // YYYY[-MM[-DD]], exclusive; "" = still in office
	Source  string
	Note    string
}

// Lexicon is an immutable, goroutine-safe set of tables. Build it with Load or Default.
type Lexicon struct {
	names  trie // countries, organisations, places: case-sensitive variants
	titles trie // role phrases: lower-cased

	countries []Country
	byISO     map[string]int // ISO2 and ISO3, upper case
	byName    map[string]int // folded lower-case name or alias
	demonyms  map[string]int // folded lower-case demonym

	firstNames, commonWords, stopWords map[string]struct{}

	offices  []Office
	byOffice map[string][]int // sorted by start
}

var (
	defaultOnce sync.Once
	defaultLex  *Lexicon
)

// Default returns the lexicon built from the embedded tables only. It is loaded once; the
// embedded data is checked by the package tests, so a failure here is a build defect and
// panics.
func Default() *Lexicon {
	defaultOnce.Do(func() {
		l, err := Load("")
		if err != nil {
			panic("lexicon: embedded data: " + err.Error())
		}
		defaultLex = l
	})
	return defaultLex
}

// Load builds a lexicon from the embedded tables merged with the files of the same names in
// userDir (if userDir is ""; only the embedded tables). Missing user files are fine. Errors
// name the file and line: "organizations.tsv:12: duplicate key "NATO" (first at line 9)".
func Load(userDir string) (*Lexicon, error) {
	var d data
	d.init()
	for _, name := range Files {
		b, err := embedded.ReadFile("data/" + name)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		if err := d.parse(name, b, false); err != nil {
			return nil, err
		}
	}
	if userDir != "" {
		found := 0
		for _, name := range Files {
			p := filepath.Join(userDir, name)
			b, err := os.ReadFile(p)
			if errors.Is(err, fs.ErrNotExist) {
				continue
			}
			found++
			if err != nil {
				return nil, err
			}
			if err := d.parse(p, b, true); err != nil {
				return nil, err
			}
		}
		if found == 0 {
			return nil, fmt.Errorf("lexicon folder %s holds none of the lexicon files (%s)", userDir, strings.Join(Files, ", "))
		}
	}
	return d.build()
}

// Lookup returns the longest known name (country name or alias, organisation, place) at the
// start of tokens, and how many tokens it spans (separator tokens it skipped included).
// See the package doc for the matching rules. Demonyms are not names: use Demonym.
func (l *Lexicon) Lookup(tokens []string) (e Entry, n int, ok bool) {
	es, n := l.names.match(tokens)
	if n == 0 {
		return Entry{}, 0, false
	}
	return l.names.entries[es][0], n, true
}

// LookupAll is Lookup returning every candidate, the preferred one first. The slice is
// shared: do not modify it.
func (l *Lexicon) LookupAll(tokens []string) ([]Entry, int) {
	es, n := l.names.match(tokens)
	if n == 0 {
		return nil, 0
	}
	return l.names.entries[es], n
}

// Title returns the longest role phrase at the start of tokens, case-insensitively
// ("Secretary-General", "secretary general", "NATO chief", "U.S. Secretary of State").
func (l *Lexicon) Title(tokens []string) (t Title, n int, ok bool) {
	ts, n := l.titles.match(tokens)
	if n == 0 {
		return Title{}, 0, false
	}
	return l.titles.titles[ts], n, true
}

// Demonym returns the country of a nationality word or adjective: "German", "Germans",
// "Dutch", "Saudi", "Emirati", "South Korean" (one token "South Korean" or the caller's
// joined form). The word must be capitalised (or ALL CAPS): "french" is not looked up.
// Plurals in -s are accepted ("Americans", "Israelis").
func (l *Lexicon) Demonym(word string) (Country, bool) {
	if word == "" || !startsUpper(word) {
		return Country{}, false
	}
	var buf [64]byte
	return l.demonym(foldLower(buf[:0], word))
}

// DemonymPair is Demonym(first + " " + second) ("South" "Korean"), without making the
// joined string when both words are ASCII.
func (l *Lexicon) DemonymPair(first, second string) (Country, bool) {
	if !isASCII(first) || !isASCII(second) {
		return l.Demonym(first + " " + second)
	}
	if first == "" || !startsUpper(first) {
		return Country{}, false
	}
	var buf [64]byte
	k := append(foldLower(buf[:0], first), ' ')
	return l.demonym(foldLower(k, second))
}

// demonym looks up the folded key k of a demonym, and without a plural -s.
func (l *Lexicon) demonym(k []byte) (Country, bool) {
	if i, ok := l.demonyms[string(k)]; ok {
		return l.countries[i], true
	}
	if len(k) > 3 && k[len(k)-1] == 's' {
		if i, ok := l.demonyms[string(k[:len(k)-1])]; ok {
			return l.countries[i], true
		}
	}
	return Country{}, false
}

// Country returns the country with this name, alias or ISO2/ISO3 code, ignoring case and
// diacritics ("turkiye", "The Netherlands", "USA", "DEU").
func (l *Lexicon) Country(nameOrAlias string) (Country, bool) {
	var buf [96]byte
	if i, ok := l.byName[string(foldLower(buf[:0], nameOrAlias))]; ok {
		return l.countries[i], true
	}
	if len(nameOrAlias) == 2 || len(nameOrAlias) == 3 {
		if i, ok := l.byISO[strings.ToUpper(nameOrAlias)]; ok {
			return l.countries[i], true
		}
	}
	return Country{}, false
}

// CountryByISO returns the country with this ISO 3166-1 alpha-2 (or alpha-3) code.
func (l *Lexicon) CountryByISO(iso string) (Country, bool) {
	i, ok := l.byISO[strings.ToUpper(iso)]
	if !ok {
		return Country{}, false
	}
	return l.countries[i], true
}

// Countries returns every country and territory, ordered by ISO2. Do not modify.
func (l *Lexicon) Countries() []Country { return l.countries }

// IsFirstName reports whether w is a known given name (case and diacritics ignored):
// "Volodymyr", "KEIR", "Mevlüt", and also "May", "Will", "Mark" — which are common words
// too (see IsCommonWord). For a hyphenated name the whole word or its first part counts
// ("Jean-Luc").
func (l *Lexicon) IsFirstName(w string) bool {
	if inSet(l.firstNames, w, true) {
		return true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		return inSet(l.firstNames, w[:i], true)
	}
	return false
}

// IsCommonWord reports whether w, lower-cased, is one of the ~8,000 most frequent English
// words. A multi-letter ALL-CAPS token ("US", "IT", "WHO") is treated as an acronym and is
// not a common word.
func (l *Lexicon) IsCommonWord(w string) bool { return inSet(l.commonWords, w, false) }

// IsStopWord reports whether w, lower-cased, is an English function word. A multi-letter
// ALL-CAPS token ("US", "IT") is treated as an acronym and is not a stop word.
func (l *Lexicon) IsStopWord(w string) bool { return inSet(l.stopWords, w, false) }

// Holder returns who held the office on the date (YYYY, YYYY-MM or YYYY-MM-DD, or a longer
// RFC 3339 time; partial dates mean their first day). An empty or malformed date, or an
// unknown office, gives false.
func (l *Lexicon) Holder(officeKey string, isoDate string) (name string, ok bool) {
	d, ok := normDate(isoDate)
	if !ok {
		return "", false
	}
	for _, i := range l.byOffice[officeKey] {
		o := l.offices[i]
		s, _ := normDate(o.Start)
		if d < s {
			continue
		}
		if o.End != "" {
			e, _ := normDate(o.End)
			if d >= e {
				continue
			}
		}
		return o.Holder, true
	}
	return "", false
}

// Offices returns every office holder row, grouped by office and ordered by start. Do not
// modify.
func (l *Lexicon) Offices() []Office { return l.offices }

// OfficeKeys returns the distinct office keys, sorted.
func (l *Lexicon) OfficeKeys() []string {
	keys := make([]string, 0, len(l.byOffice))
	for k := range l.byOffice {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// normDate turns YYYY, YYYY-MM, YYYY-MM-DD (or longer) into a comparable YYYY-MM-DD.
func normDate(s string) (string, bool) {
	switch {
	case len(s) >= 10 && isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' && isDigits(s[8:10]):
		return s[:10], true
	case len(s) == 7 && isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]):
		return s + "-01", true
	case len(s) == 4 && isDigits(s):
		return s + "-01-01", true
	}
	return "", false
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
