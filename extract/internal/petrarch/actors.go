package main

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
)

// Actor is one person of the Phoenix actor dictionaries with one dated role: "IBRAHIM_AL_JAAFARI_
// [IRQGOV 050503-060520]" -> Ibrahim Al Jaafari, IRQ, government, 2005-05-03 to 2006-05-20.
type Actor struct {
	Name    string   // the entry's name, words title-cased ("Ibrahim Al Jaafari")
	Aliases []string // other spellings of the person ("Sergei Lavrov"), same casing
	Country string   // ISO 3166-1 alpha-3 of the code ("IRQ"); "IGO" rows name their organisation
	Code    string   // the whole Phoenix code ("IRQGOV", "IGOUNO")
	Sector  string   // sector of the code after the country (Sectors), "" when none
	Start   string   // YYYY-MM-DD, "" when open
	End     string   // YYYY-MM-DD (exclusive), "" when open
	Line    int      // the code's line in the source file
}

// titleWords are words that open a Phoenix alias with a title ("PRESIDENT_OBAMA",
// "AMBASSADOR_LAVROV", "MR_ASSAD") or make it a body rather than the person
// ("ASSAD_REGIME", "SYRIA'S_GOVERNMENT"): such aliases are dropped (titlewords.txt).
var titleWords = wordSet(titleWordsTxt)

//go:embed titlewords.txt
var titleWordsTxt string

// wordSet reads one word a line; blank lines and # comments are skipped.
func wordSet(src string) map[string]bool {
	out := map[string]bool{}
	for _, l := range strings.Split(src, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out[l] = true
		}
	}
	return out
}

// ParseActors reads a Phoenix .actors file: an entry is a name line, "+ALIAS" lines and
// code lines "[CODE]", "[CODE YYMMDD-YYMMDD]", "[CODE >YYMMDD]", "[CODE <YYMMDD]" (a code
// may also follow the name on its line). Only people are kept: entries that
// CountryInfo.txt generated (its leaders and ministers), and other entries whose first
// word is a given name of firstNames. Entries of a bare country code ("[AFG]") are
// countries, not people.
func ParseActors(r io.Reader, firstNames map[string]bool) ([]Actor, error) {
	var out []Actor
	var name string
	var aliases []string
	person := false
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Text()
		line, comment, _ := strings.Cut(raw, "#")
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			continue
		case strings.HasPrefix(t, "+"):
			if a := actorName(t[1:]); a != "" {
				aliases = append(aliases, a)
			}
			continue
		case !strings.HasPrefix(t, "["):
			// a new entry: its name, maybe followed by codes
			head := t
			if i := strings.IndexByte(t, '['); i >= 0 {
				head = t[:i]
			}
			name, aliases = actorName(head), nil
			first, _, _ := strings.Cut(strings.TrimSpace(head), "_")
			person = (strings.Contains(comment, "CountryInfo") || firstNames[strings.ToLower(first)]) && !hasTitleWord(name)
			if i := strings.IndexByte(t, '['); i < 0 {
				continue
			} else {
				t = t[i:]
			}
		}
		for _, code := range codes(t) {
			a, ok, err := actorRow(code, n)
			if err != nil {
				return nil, err
			}
			if !ok || !person || name == "" || len(strings.Fields(name)) < 2 {
				continue
			}
			a.Name, a.Aliases = name, keepAliases(name, aliases)
			out = append(out, a)
		}
	}
	return out, sc.Err()
}

// codes splits "[IGOUNO 820101-911231] [ELI]" into its bracketed codes.
func codes(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			return out
		}
		j := strings.IndexAny(s[i:], "]}")
		if j < 0 {
			return out
		}
		out = append(out, strings.TrimSpace(s[i+1:i+j]))
		s = s[i+j+1:]
	}
}

// actorRow reads "IRQGOV 050503-060520" (ok false for a bare country code or a code with
// no country, "[ELI]").
func actorRow(code string, line int) (Actor, bool, error) {
	f := strings.Fields(code)
	if len(f) == 0 || len(f[0]) < 6 {
		return Actor{}, false, nil
	}
	c := f[0]
	a := Actor{Country: c[:3], Code: c, Line: line}
	if s, ok := Sectors[c[3:6]]; ok {
		a.Sector = s
	}
	dates := strings.Join(f[1:], "")
	var err error
	switch {
	case dates == "":
	case strings.HasPrefix(dates, ">"):
		a.Start, err = phoenixDate(dates[1:])
	case strings.HasPrefix(dates, "<"):
		a.End, err = phoenixDate(dates[1:])
	default:
		s, e, ok := strings.Cut(dates, "-")
		if !ok {
			return Actor{}, false, nil // "[USAGOV 20121204]": no range; dropped like bad dates
		}
		if a.Start, err = phoenixDate(s); err == nil {
			a.End, err = phoenixDate(e)
		}
	}
	if err != nil {
		// A few ranges in the source have a digit too many or too few: the row is dropped.
		return Actor{}, false, nil
	}
	return a, true, nil
}

// phoenixDate turns YYMMDD (years 00-29 are 20xx, the rest 19xx) or YYYYMMDD into
// YYYY-MM-DD.
func phoenixDate(s string) (string, error) {
	for _, r := range s {
		if r < '0' || r > '9' {
			return "", fmt.Errorf("date %q", s)
		}
	}
	switch len(s) {
	case 6:
		y := "19"
		if s[:2] < "30" {
			y = "20"
		}
		s = y + s
	case 8:
	default:
		return "", fmt.Errorf("date %q", s)
	}
	if s[4:6] < "01" || s[4:6] > "12" || s[6:8] < "01" || s[6:8] > "31" {
		return "", fmt.Errorf("date %q", s)
	}
	return s[:4] + "-" + s[4:6] + "-" + s[6:8], nil
}

// actorName turns "BASHAR_AL-ASSAD_" into "Bashar Al-Assad".
func actorName(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '['); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if f := strings.Fields(s); len(f) > 0 {
		s = f[0] // names join their words with "_"; what follows a space is a note ("OSMAN_OLCAY Turkey")
	}
	words := strings.FieldsFunc(s, func(r rune) bool { return r == '_' })
	for i, w := range words {
		words[i] = titleCase(w)
	}
	return strings.Join(words, " ")
}

// titleCase writes an upper-case word with capitals after hyphens: "AL-ASSAD" -> "Al-Assad".
func titleCase(w string) string {
	b := []byte(strings.ToLower(w))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '-' || c == '.'
	}
	return string(b)
}

// keepAliases keeps the aliases that are spellings of the person: no title or body word,
// and sharing a word with the name (a one-word alias must be the name's last word:
// "Assad" of "Bashar Al-Assad").
func keepAliases(name string, aliases []string) []string {
	nw := map[string]bool{}
	fields := strings.Fields(name)
	for _, w := range fields {
		nw[w] = true
	}
	var out []string
	for _, a := range aliases {
		f := strings.Fields(a)
		ok := a != name && len(f) > 0
		shared := false
		for _, w := range f {
			if hasTitleWord(w) || strings.Contains(w, "'") {
				ok = false
			}
			shared = shared || nw[w]
		}
		if len(f) == 1 {
			last := fields[len(fields)-1]
			shared = f[0] == last || strings.HasSuffix(last, "-"+f[0])
		}
		if ok && shared && !slices.Contains(out, a) {
			out = append(out, a)
		}
	}
	return out
}

// hasTitleWord reports whether a word of s (or a part of a hyphenated word: "President-Elect")
// is a title or body word.
func hasTitleWord(s string) bool {
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) {
		if titleWords[strings.ToUpper(w)] {
			return true
		}
	}
	return false
}

// WriteActors writes the rows as actors.tsv, sorted by name, start and code.
func WriteActors(w io.Writer, rows []Actor, sources []string) error {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		return a.Code < b.Code
	})
	bw := bufio.NewWriter(w)
	seen := map[string]bool{}
	fmt.Fprintln(bw, "# actors.tsv — people of the PETRARCH-2 / Phoenix actor dictionaries with dated roles.")
	fmt.Fprintln(bw, "# generated by extract/internal/petrarch (go generate ./extract/lexicon); do not edit.")
	fmt.Fprintf(bw, "# source: openeventdata/petrarch2 commit 676801cd, %s (MIT; see data/SOURCES.md)\n", strings.Join(sources, ", "))
	fmt.Fprintln(bw, "# columns: name, aliases (|), country (ISO3; IGO for an international body), code (Phoenix), sector, start, end (YYYY-MM-DD; end exclusive; empty = open), line")
	fmt.Fprintln(bw, "name\taliases\tcountry\tcode\tsector\tstart\tend\tline")
	for _, a := range rows {
		k := a.Name + "\t" + a.Code + "\t" + a.Start + "\t" + a.End
		if seen[k] {
			continue // the same role listed twice (both files, or twice in one)
		}
		seen[k] = true
		fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\n", a.Name, strings.Join(a.Aliases, "|"), a.Country, a.Code, a.Sector, a.Start, a.End, a.Line)
	}
	return bw.Flush()
}

// genActors converts the actor files into out, reading given names from firstNamesPath.
func genActors(paths []string, firstNamesPath, out string) error {
	fn := map[string]bool{}
	b, err := os.ReadFile(firstNamesPath)
	if err != nil {
		return err
	}
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			fn[strings.ToLower(l)] = true
		}
	}
	var rows []Actor
	var names []string
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		rs, err := ParseActors(f, fn)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		rows = append(rows, rs...)
		names = append(names, p[strings.LastIndexByte(p, '/')+1:])
	}
	var buf bytes.Buffer
	if err := WriteActors(&buf, rows, names); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "%s: %d dated roles\n", out, len(rows))
	return os.WriteFile(out, buf.Bytes(), 0o644)
}
