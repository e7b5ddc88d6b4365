package lexicon

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/graph"
)

//go:embed data/actors.tsv
var actorsTSV string

// ActorRole is one dated role of a person in the Phoenix actor dictionaries (data/actors.tsv,
// generated from PETRARCH-2): the person's country and sector from Start (inclusive) to End
// (exclusive); an empty bound is open.
type ActorRole struct {
	Name    string // the entry's name ("Sergey Lavrov")
	Country string // ISO3 ("RUS"); "IGO" for an international body (Code says which)
	Code    string // Phoenix code ("RUSGOV", "IGOUNO")
	Sector  string // government, elites, military, ... ("" for an IGO code)
	Start   string
	End     string
}

// Actors indexes the people of data/actors.tsv by spelling. It is read-only once built.
type Actors struct {
	roles    []ActorRole
	byKey    map[string][]int // ActorKey of the name or an alias -> rows
	surnames map[string]string
}

var (
	actorsOnce sync.Once
	actors     *Actors
	actorsErr  error
)

// DefaultActors returns the embedded actor table, parsed once per process.
func DefaultActors() (*Actors, error) {
	actorsOnce.Do(func() { actors, actorsErr = ParseActors(actorsTSV) })
	return actors, actorsErr
}

// ParseActors reads an actors.tsv table (name, aliases, country, code, sector, start, end,
// line). It is read once per process, at the start of every extract: the lines are cut in
// place (no slice of lines or fields) and the keys of ASCII names made in one pass.
func ParseActors(src string) (*Actors, error) {
	rows := strings.Count(src, "\n") + 1
	a := &Actors{roles: make([]ActorRole, 0, rows), byKey: make(map[string][]int, rows), surnames: map[string]string{}}
	header := false
	var f [8]string
	var buf []byte
	for n := 0; src != ""; n++ {
		line, rest, _ := strings.Cut(src, "\n")
		src = rest
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if k := splitTabs(line, f[:]); k != 8 {
			return nil, fmt.Errorf("actors.tsv:%d: want 8 columns, have %d", n+1, k)
		}
		if !header {
			header = true
			continue
		}
		i := len(a.roles)
		a.roles = append(a.roles, ActorRole{Name: f[0], Country: f[2], Code: f[3], Sector: f[4], Start: f[5], End: f[6]})
		a.addName(f[0], f[0], i, &buf)
		for aliases := f[1]; aliases != ""; {
			var s string
			s, aliases, _ = strings.Cut(aliases, "|")
			a.addName(s, f[0], i, &buf)
		}
	}
	return a, nil
}

// splitTabs cuts line at its tabs into f and returns how many fields the line has (those
// past len(f) are counted, not kept).
func splitTabs(line string, f []string) int {
	k := 0
	for {
		field, rest, more := strings.Cut(line, "\t")
		if k < len(f) {
			f[k] = field
		}
		k++
		if !more {
			return k
		}
		line = rest
	}
}

// addName indexes spelling s of the person of row i (named name): a key of several words
// leads to the row, a one-word alias the dictionary lists ("Assad") to the name.
func (a *Actors) addName(s, name string, i int, buf *[]byte) {
	var k string
	if kb, ok := appendActorKey((*buf)[:0], s); ok {
		*buf = kb
		if l, found := a.byKey[string(kb)]; found { // no string made for a key already there
			if l[len(l)-1] != i {
				a.byKey[string(kb)] = append(l, i)
			}
			return
		}
		k = string(kb)
	} else {
		k = ActorKey(s)
	}
	if strings.Contains(k, " ") {
		if l := a.byKey[k]; len(l) == 0 || l[len(l)-1] != i {
			a.byKey[k] = append(l, i)
		}
	} else if k != "" {
		// a one-word alias the dictionary lists ("Assad"): the surname stands alone
		a.surnames[k] = name
	}
}

// ActorKey is the spelling-insensitive key of a name: ASCII, lower case, apostrophes
// dropped, hyphens and dots as spaces ("Ibrahim al-Ja'afari" and "IBRAHIM AL JAAFARI" are
// both "ibrahim al jaafari").
func ActorKey(s string) string {
	var buf [64]byte
	if k, ok := appendActorKey(buf[:0], s); ok {
		return string(k)
	}
	s = actorKeyReplacer.Replace(graph.Fold(s))
	return strings.Join(strings.Fields(s), " ")
}

var actorKeyReplacer = strings.NewReplacer("'", "", "’", "", "`", "", "-", " ", ".", " ", "_", " ")

// appendActorKey appends the ActorKey of an ASCII s to dst in one pass; ok is false (and
// dst is not to be used) when s is not ASCII.
func appendActorKey(dst []byte, s string) (k []byte, ok bool) {
	gap := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return dst, false
		case c == '\'' || c == '`':
			continue
		case c == '-' || c == '.' || c == '_' || c == ' ' || ('\t' <= c && c <= '\r'):
			gap = true
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if gap && len(dst) > 0 {
			dst = append(dst, ' ')
		}
		gap = false
		dst = append(dst, c)
	}
	return dst, true
}

// Person returns the dictionary's name for a full name (two words or more) it lists.
func (a *Actors) Person(name string) (string, bool) {
	if a == nil {
		return "", false
	}
	if rs := a.byKey[ActorKey(name)]; len(rs) > 0 {
		return a.roles[rs[0]].Name, true
	}
	return "", false
}

// Surname returns the person a one-word alias of the dictionary names ("Assad").
func (a *Actors) Surname(word string) (string, bool) {
	if a == nil {
		return "", false
	}
	n, ok := a.surnames[ActorKey(word)]
	return n, ok
}

// At returns the role of the person named name on date (YYYY-MM-DD): a role whose range
// holds the date, a government or other sector before the elite rows (ELI), a dated row
// before an undated one. With no date, the latest-starting role that is still open. ok is
// false when the dictionary does not know the name or has no role for that date (its
// entries stop around 2015-2016: a closed range never reaches later dates).
func (a *Actors) At(name, date string) (ActorRole, bool) {
	if a == nil {
		return ActorRole{}, false
	}
	best, score := -1, -1
	for _, i := range a.byKey[ActorKey(name)] {
		r := a.roles[i]
		if date != "" && ((r.Start != "" && date < r.Start) || (r.End != "" && date >= r.End)) {
			continue
		}
		if date == "" && r.End != "" {
			continue
		}
		s := 0
		if r.Sector != "elites" {
			s += 4
		}
		if r.Start != "" || r.End != "" {
			s += 2
		}
		if s > score || (s == score && date == "" && r.Start > a.roles[best].Start) {
			best, score = i, s
		}
	}
	if best < 0 {
		return ActorRole{}, false
	}
	return a.roles[best], true
}
