package lexicon

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// columns are the header each TSV file must have.
var columns = map[string][]string{
	"countries.tsv":       {"iso2", "iso3", "name", "aliases", "demonyms", "capital", "independent", "ambiguous"},
	"countries_extra.tsv": {"iso2", "aliases", "demonyms", "ambiguous"},
	"organizations.tsv":   {"name", "aliases", "kind", "country", "ambiguous"},
	"places.tsv":          {"name", "aliases", "kind", "country", "ambiguous"},
	"places_extra.tsv":    {"name", "aliases", "kind", "country", "ambiguous"},
	"titles.tsv":          {"phrases", "role", "scope", "head", "of"},
	"offices.tsv":         {"office", "holder", "aliases", "start", "end", "source", "note"},
}

// OrgKinds and PlaceKinds are the allowed kind values.
var (
	OrgKinds = []string{"alliance", "intergovernmental", "government", "department", "agency",
		"legislature", "military", "party", "armed_group", "media", "company", "ngo"}
	PlaceKinds = []string{"continent", "region", "territory", "city", "building"}
)

type named struct {
	name, kind, country string
	aliases, ambiguous  []string // ambiguous: surface forms; "*" = all
}

// table is an insertion-ordered map with deletion.
type table[T any] struct {
	keys []string
	m    map[string]T
}

func (t *table[T]) put(k string, v T) {
	if t.m == nil {
		t.m = map[string]T{}
	}
	if _, ok := t.m[k]; !ok {
		t.keys = append(t.keys, k)
	}
	t.m[k] = v
}

func (t *table[T]) del(k string) { delete(t.m, k) }

func (t *table[T]) each(f func(T)) {
	for _, k := range t.keys {
		if v, ok := t.m[k]; ok {
			f(v)
		}
	}
}

type data struct {
	countries table[*Country]
	orgs      table[named]
	places    table[named]
	titles    table[titleRow]
	offices   table[Office]
	sets      map[string]map[string]struct{}
}

type titleRow struct {
	phrases []string
	t       Title
}

func (d *data) init() {
	d.sets = map[string]map[string]struct{}{
		"firstnames.txt": {}, "firstnames_extra.txt": {}, "commonwords.txt": {}, "stopwords.txt": {},
	}
}

type lineErr struct {
	file string
	line int
	msg  string
}

func (e *lineErr) Error() string { return fmt.Sprintf("%s:%d: %s", e.file, e.line, e.msg) }

// parse reads one file (path is used in messages; its base name selects the format).
func (d *data) parse(path string, b []byte, user bool) error {
	base := filepath.Base(path)
	fail := func(line int, f string, a ...any) error {
		return &lineErr{path, line, fmt.Sprintf(f, a...)}
	}
	lines := strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n")
	seen := make(map[string]int, len(lines))
	dup := func(line int, key string) error {
		if first, ok := seen[key]; ok {
			return fail(line, "duplicate key %q (first at line %d)", key, first)
		}
		seen[key] = line
		return nil
	}

	if set, ok := d.sets[base]; ok {
		var buf [64]byte
		for i, l := range lines {
			w := strings.TrimSpace(l)
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			del := strings.HasPrefix(w, "-") && len(w) > 1
			if del {
				w = w[1:]
			}
			if strings.ContainsAny(w, "\t ") {
				return fail(i+1, "one word a line expected, got %q", w)
			}
			k := w // most words are written folded: the key is the word, no copy
			if kb := foldLower(buf[:0], w); string(kb) != w {
				k = string(kb)
			}
			if err := dup(i+1, k); err != nil {
				return err
			}
			if del {
				delete(set, k)
				// a removal also applies to the generated list of the same kind
				if base == "firstnames_extra.txt" {
					delete(d.sets["firstnames.txt"], k)
				}
			} else {
				set[k] = struct{}{}
			}
		}
		return nil
	}

	want, ok := columns[base]
	if !ok {
		return fail(0, "unknown lexicon file")
	}
	header := true
	for i, l := range lines {
		ln := i + 1
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		if header {
			if strings.Join(f, "\t") != strings.Join(want, "\t") {
				return fail(ln, "header must be %q", strings.Join(want, "\t"))
			}
			header = false
			continue
		}
		if len(f) > len(want) {
			return fail(ln, "%d fields, want %d (%s)", len(f), len(want), strings.Join(want, ", "))
		}
		for len(f) < len(want) {
			f = append(f, "")
		}
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		if f[0] == "" {
			return fail(ln, "empty %s", want[0])
		}
		del := strings.HasPrefix(f[0], "-") && len(f[0]) > 1
		if del {
			f[0] = f[0][1:]
		}
		var err error
		switch base {
		case "countries.tsv":
			err = d.country(f, del, ln, dup, fail)
		case "countries_extra.tsv":
			err = d.countryExtra(f, ln, dup, fail)
		case "organizations.tsv":
			err = d.named(&d.orgs, OrgKinds, true, f, del, ln, dup, fail)
		case "places.tsv", "places_extra.tsv":
			err = d.named(&d.places, PlaceKinds, false, f, del, ln, dup, fail)
		case "titles.tsv":
			err = d.title(f, del, ln, dup, fail)
		case "offices.tsv":
			err = d.office(f, del, ln, dup, fail)
		}
		if err != nil {
			return err
		}
	}
	if header {
		return fail(len(lines), "no header line")
	}
	_ = user
	return nil
}

type failFn func(line int, f string, a ...any) error

func list(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, x := range strings.Split(s, "|") {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

func isISO2(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func yes(s string, ln int, col string, fail failFn) (bool, error) {
	switch s {
	case "yes":
		return true, nil
	case "no", "":
		return false, nil
	}
	return false, fail(ln, "%s must be yes or no, got %q", col, s)
}

func (d *data) country(f []string, del bool, ln int, dup func(int, string) error, fail failFn) error {
	if !isISO2(f[0]) {
		return fail(ln, "iso2 must be two capital letters, got %q", f[0])
	}
	if err := dup(ln, f[0]); err != nil {
		return err
	}
	if del {
		d.countries.del(f[0])
		return nil
	}
	if f[2] == "" {
		return fail(ln, "empty name")
	}
	ind, err := yes(f[6], ln, "independent", fail)
	if err != nil {
		return err
	}
	d.countries.put(f[0], &Country{ISO2: f[0], ISO3: f[1], Name: f[2], Aliases: list(f[3]),
		Demonyms: list(f[4]), Capital: f[5], Independent: ind, Ambiguous: list(f[7])})
	return nil
}

func (d *data) countryExtra(f []string, ln int, dup func(int, string) error, fail failFn) error {
	if err := dup(ln, f[0]); err != nil {
		return err
	}
	c, ok := d.countries.m[f[0]]
	if !ok {
		return fail(ln, "unknown country %q", f[0])
	}
	c.Aliases = appendNew(c.Aliases, list(f[1])...)
	c.Demonyms = appendNew(c.Demonyms, list(f[2])...)
	c.Ambiguous = appendNew(c.Ambiguous, list(f[3])...)
	return nil
}

func appendNew(s []string, xs ...string) []string {
	for _, x := range xs {
		found := false
		for _, y := range s {
			if x == y {
				found = true
				break
			}
		}
		if !found {
			s = append(s, x)
		}
	}
	return s
}

func (d *data) named(t *table[named], kinds []string, org bool, f []string, del bool, ln int, dup func(int, string) error, fail failFn) error {
	kindOK := false
	for _, k := range kinds {
		if f[2] == k {
			kindOK = true
		}
	}
	if !kindOK {
		return fail(ln, "kind must be one of %s, got %q", strings.Join(kinds, "|"), f[2])
	}
	if f[3] != "" && !isISO2(f[3]) {
		return fail(ln, "country must be an ISO2 code, got %q", f[3])
	}
	key := f[0]
	if !org {
		key = f[0] + "\t" + f[2] + "\t" + f[3]
	}
	if err := dup(ln, key); err != nil {
		return err
	}
	if del {
		t.del(key)
		return nil
	}
	n := named{name: f[0], aliases: list(f[1]), kind: f[2], country: f[3]}
	if org {
		n.ambiguous = list(f[4])
	} else {
		amb, err := yes(f[4], ln, "ambiguous", fail)
		if err != nil {
			return err
		}
		if amb {
			n.ambiguous = []string{"*"}
		}
	}
	t.put(key, n)
	return nil
}

func (d *data) title(f []string, del bool, ln int, dup func(int, string) error, fail failFn) error {
	phrases := list(f[0])
	for _, p := range phrases {
		if err := dup(ln, strings.ToLower(p)); err != nil {
			return err
		}
	}
	key := strings.ToLower(phrases[0])
	if del {
		d.titles.del(key)
		return nil
	}
	if f[1] == "" {
		return fail(ln, "empty role")
	}
	switch f[2] {
	case "country", "org", "either":
	default:
		return fail(ln, "scope must be country, org or either, got %q", f[2])
	}
	head, err := yes(f[3], ln, "head", fail)
	if err != nil {
		return err
	}
	d.titles.put(key, titleRow{phrases, Title{Role: f[1], Scope: f[2], HeadOf: head, Of: f[4]}})
	return nil
}

func (d *data) office(f []string, del bool, ln int, dup func(int, string) error, fail failFn) error {
	if !(strings.HasPrefix(f[0], "country:") || strings.HasPrefix(f[0], "org:")) || !strings.Contains(f[0], "/") {
		return fail(ln, "office must look like country:ISO2/Role or org:Name/Role, got %q", f[0])
	}
	if strings.HasPrefix(f[0], "country:") && !isISO2(strings.SplitN(strings.TrimPrefix(f[0], "country:"), "/", 2)[0]) {
		return fail(ln, "office %q: country must be ISO2", f[0])
	}
	if f[1] == "" {
		return fail(ln, "empty holder")
	}
	s, ok := normDate(f[3])
	if !ok || len(f[3]) > 10 {
		return fail(ln, "start must be YYYY, YYYY-MM or YYYY-MM-DD, got %q", f[3])
	}
	if f[4] != "" {
		e, ok := normDate(f[4])
		if !ok || len(f[4]) > 10 {
			return fail(ln, "end must be empty, YYYY, YYYY-MM or YYYY-MM-DD, got %q", f[4])
		}
		if e <= s {
			return fail(ln, "end %s is not after start %s", f[4], f[3])
		}
	}
	key := f[0] + "\t" + f[1] + "\t" + f[3]
	if err := dup(ln, key); err != nil {
		return err
	}
	if del {
		d.offices.del(key)
		return nil
	}
	if f[5] == "" {
		return fail(ln, "empty source")
	}
	d.offices.put(key, Office{Key: f[0], Holder: f[1], Aliases: list(f[2]), Start: f[3], End: f[4], Source: f[5], Note: f[6]})
	return nil
}

// ---------------------------------------------------------------- build

var placeRank = map[string]int{"city": 0, "territory": 1, "region": 2, "continent": 3, "building": 4}

func rank(e Entry) int {
	switch e.Label {
	case graph.LabelCountry:
		return 0
	case graph.LabelOrganization:
		return 1
	}
	return 2 + placeRank[e.Kind]
}

func (d *data) build() (*Lexicon, error) {
	l := &Lexicon{
		names:       newTrie(false),
		titles:      newTrie(true),
		byISO:       map[string]int{},
		byName:      map[string]int{},
		demonyms:    map[string]int{},
		firstNames:  d.sets["firstnames.txt"],
		commonWords: d.sets["commonwords.txt"],
		stopWords:   d.sets["stopwords.txt"],
		byOffice:    map[string][]int{},
	}
	for k := range d.sets["firstnames_extra.txt"] {
		l.firstNames[k] = struct{}{}
	}
	// Diacritic-free forms of names count too ("mevlut" for "mevlüt").
	for k := range l.firstNames {
		if f := string(foldLower(nil, k)); f != k {
			l.firstNames[f] = struct{}{}
		}
	}

	pending := map[int32][]Entry{}
	add := func(surface string, e Entry, amb []string) {
		e.Ambiguous = false
		for _, a := range amb {
			if a == "*" || a == surface {
				e.Ambiguous = true
			}
		}
		forms := []string{surface}
		// The diacritic-free form also matches, unless it is an English word
		// ("Ísland" must not make "Island" mean Iceland).
		if f := fold(surface); f != surface && !inSet(l.commonWords, f, false) && !inSet(l.stopWords, f, false) {
			forms = append(forms, f)
		}
		for _, form := range forms {
			for _, p := range phrasePaths(form, false) {
				n := l.names.insert(p, caseVariants)
				pending[n] = append(pending[n], e)
			}
		}
	}

	var isos []string
	d.countries.each(func(c *Country) { isos = append(isos, c.ISO2) })
	sort.Strings(isos)
	for _, iso := range isos {
		c := d.countries.m[iso]
		i := len(l.countries)
		l.countries = append(l.countries, *c)
		l.byISO[c.ISO2] = i
		if c.ISO3 != "" {
			l.byISO[strings.ToUpper(c.ISO3)] = i
		}
		kind := "country"
		if !c.Independent {
			kind = "territory"
		}
		e := Entry{Label: graph.LabelCountry, Canonical: c.Name, Kind: kind, Country: c.ISO2}
		for _, s := range append([]string{c.Name}, c.Aliases...) {
			k := string(foldLower(nil, s))
			if _, ok := l.byName[k]; !ok {
				l.byName[k] = i
			}
			add(s, e, c.Ambiguous)
		}
		for _, dm := range c.Demonyms {
			k := string(foldLower(nil, dm))
			if _, ok := l.demonyms[k]; !ok {
				l.demonyms[k] = i
			}
		}
	}
	for _, t := range []struct {
		tab   *table[named]
		label graph.Label
	}{{&d.orgs, graph.LabelOrganization}, {&d.places, graph.LabelPlace}} {
		t.tab.each(func(n named) {
			e := Entry{Label: t.label, Canonical: n.name, Kind: n.kind, Country: n.country}
			for _, s := range append([]string{n.name}, n.aliases...) {
				add(s, e, n.ambiguous)
			}
		})
	}
	for node, es := range pending {
		l.names.nodes[node].val = int32(len(l.names.entries))
		l.names.entries = append(l.names.entries, settle(es))
	}

	d.titles.each(func(r titleRow) {
		for _, p := range r.phrases {
			t := r.t
			t.Phrase = p
			for _, form := range []string{p, fold(p)} {
				for _, path := range phrasePaths(form, true) {
					n := l.titles.insert(path, nil)
					if l.titles.nodes[n].val < 0 {
						l.titles.nodes[n].val = int32(len(l.titles.titles))
						l.titles.titles = append(l.titles.titles, t)
					} else {
						l.titles.titles[l.titles.nodes[n].val] = t
					}
				}
			}
		}
	})

	d.offices.each(func(o Office) { l.offices = append(l.offices, o) })
	sort.SliceStable(l.offices, func(i, j int) bool {
		if l.offices[i].Key != l.offices[j].Key {
			return l.offices[i].Key < l.offices[j].Key
		}
		a, _ := normDate(l.offices[i].Start)
		b, _ := normDate(l.offices[j].Start)
		return a < b
	})
	for i, o := range l.offices {
		l.byOffice[o.Key] = append(l.byOffice[o.Key], i)
	}
	return l, nil
}

// settle orders the candidates of one surface form, merges duplicates and sets Ambiguous
// when the form names entities of different labels or countries (an organisation and its
// building do not count).
func settle(es []Entry) []Entry {
	sort.SliceStable(es, func(i, j int) bool { return rank(es[i]) < rank(es[j]) })
	out := es[:0]
	for _, e := range es {
		merged := false
		for k := range out {
			if out[k].Label == e.Label && out[k].Canonical == e.Canonical && out[k].Kind == e.Kind && out[k].Country == e.Country {
				out[k].Ambiguous = out[k].Ambiguous || e.Ambiguous
				merged = true
				break
			}
		}
		if !merged {
			out = append(out, e)
		}
	}
	hasOrg := false
	for _, e := range out {
		if e.Label == graph.LabelOrganization {
			hasOrg = true
		}
	}
	clash := false
	first := Entry{}
	seen := false
	for _, e := range out {
		if hasOrg && e.Label == graph.LabelPlace && e.Kind == "building" {
			continue
		}
		if !seen {
			first, seen = e, true
			continue
		}
		if e.Label != first.Label || e.Country != first.Country {
			clash = true
		}
	}
	if clash {
		for k := range out {
			out[k].Ambiguous = true
		}
	}
	return append([]Entry(nil), out...)
}

// caseVariants are the extra spellings of a data word that match: ALL CAPS and first
// letter upper-cased.
func caseVariants(k string) []string {
	var v []string
	if u := strings.ToUpper(k); u != k {
		v = append(v, u)
	}
	if t := upperFirst(k); t != k {
		v = append(v, t)
	}
	return v
}
