package lexicon

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestActorsAt: a person's role on a date from the dated rows: the range that holds the
// date, a sector before the elite rows, open rows with no date; nothing once a closed
// range is over; spellings match across case, hyphens and apostrophes.
func TestActorsAt(t *testing.T) {
	src := "# test\nname\taliases\tcountry\tcode\tsector\tstart\tend\tline\n" +
		"Jane Al-Roe\tJane Roe|Roe\tIRQ\tIRQELI\telites\t1965-01-01\t\t1\n" +
		"Jane Al-Roe\tJane Roe|Roe\tIRQ\tIRQGOV\tgovernment\t2005-05-03\t2006-05-20\t2\n" +
		"Jane Al-Roe\tJane Roe|Roe\tIRQ\tIRQGOVMIL\tgovernment\t2014-09-08\t\t3\n" +
		"Old Timer\t\tFRA\tFRAGOV\tgovernment\t1990-01-01\t1995-01-01\t4\n"
	a, err := ParseActors(src)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, date, code string
	}{
		{"Jane Al-Roe", "2005-06-01", "IRQGOV"},
		{"JANE AL ROE", "2005-06-01", "IRQGOV"},
		{"Jane al-Ro'e", "2010-01-01", "IRQELI"},
		{"Jane Roe", "2016-01-01", "IRQGOVMIL"},
		{"Jane Al-Roe", "", "IRQGOVMIL"},
		{"Old Timer", "1992-03-03", "FRAGOV"},
		{"Old Timer", "2020-01-01", ""},
		{"Nobody Known", "2020-01-01", ""},
	}
	for _, c := range cases {
		r, ok := a.At(c.name, c.date)
		if (c.code == "") != !ok || r.Code != c.code {
			t.Errorf("At(%q, %q) = %q, %v; want %q", c.name, c.date, r.Code, ok, c.code)
		}
	}
	if n, ok := a.Surname("Roe"); !ok || n != "Jane Al-Roe" {
		t.Errorf("Surname(Roe) = %q, %v", n, ok)
	}
	if _, ok := a.Person("Roe"); ok {
		t.Error("a one-word alias is no full name")
	}
	if _, err := ParseActors("name\taliases\n"); err == nil {
		t.Error("a table with missing columns loads")
	}
}

// TestDefaultActors: the embedded table loads and knows people of the dictionaries.
func TestDefaultActors(t *testing.T) {
	a, err := DefaultActors()
	if err != nil {
		t.Fatal(err)
	}
	r, ok := a.At("Sergei Lavrov", "2010-01-01")
	if !ok || r.Country != "RUS" || r.Sector != "government" {
		t.Errorf("Lavrov in 2010: %+v %v", r, ok)
	}
}

// actorKeyReference is ActorKey as it was written first (fold, replace, split, join): the
// one-pass form must give the same key for every name.
func actorKeyReference(s string) string {
	s = actorKeyReplacer.Replace(graph.Fold(s))
	return strings.Join(strings.Fields(s), " ")
}

// TestActorKeyOnePass: the one-pass key of every spelling of the embedded table, and of
// awkward ones, is the reference key.
func TestActorKeyOnePass(t *testing.T) {
	names := []string{"", " ", "Ibrahim al-Ja'afari", "IBRAHIM AL JAAFARI", "  J. D.  Vance ", "a_b`c", "x--y..z",
		"tab\tname\r\n", "Mevlüt Çavuşoğlu", "O’Brien", "-", "...", "A.", "'", "Ab\vc\fd"}
	for _, line := range strings.Split(actorsTSV, "\n") {
		if f := strings.Split(line, "\t"); len(f) == 8 {
			names = append(names, f[0])
			names = append(names, strings.Split(f[1], "|")...)
		}
	}
	for _, s := range names {
		if got, want := ActorKey(s), actorKeyReference(s); got != want {
			t.Errorf("ActorKey(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzActorKey: the one-pass key is the reference key for any string.
func FuzzActorKey(f *testing.F) {
	for _, s := range []string{"Ibrahim al-Ja'afari", "J. D. Vance", "Çavuşoğlu", "a\tb", "x_y`z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := ActorKey(s), actorKeyReference(s); got != want {
			t.Errorf("ActorKey(%q) = %q, want %q", s, got, want)
		}
	})
}

// parseActorsReference is ParseActors as it was written first (a slice of lines, a slice of
// fields per line, a key made by actorKeyReference for each spelling).
func parseActorsReference(src string) *Actors {
	a := &Actors{byKey: map[string][]int{}, surnames: map[string]string{}}
	header := false
	for _, line := range strings.Split(src, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if !header {
			header = true
			continue
		}
		i := len(a.roles)
		a.roles = append(a.roles, ActorRole{Name: f[0], Country: f[2], Code: f[3], Sector: f[4], Start: f[5], End: f[6]})
		names := []string{f[0]}
		if f[1] != "" {
			names = append(names, strings.Split(f[1], "|")...)
		}
		for _, s := range names {
			k := actorKeyReference(s)
			if strings.Contains(k, " ") {
				if l := a.byKey[k]; len(l) == 0 || l[len(l)-1] != i {
					a.byKey[k] = append(l, i)
				}
			} else if k != "" {
				a.surnames[k] = f[0]
			}
		}
	}
	return a
}

// TestParseActorsAsReference: the embedded table read line by line in place gives the
// rows, keys and surnames the first reading gave.
func TestParseActorsAsReference(t *testing.T) {
	got, err := ParseActors(actorsTSV)
	if err != nil {
		t.Fatal(err)
	}
	want := parseActorsReference(actorsTSV)
	if !slices.Equal(got.roles, want.roles) || !maps.EqualFunc(got.byKey, want.byKey, slices.Equal) || !maps.Equal(got.surnames, want.surnames) {
		t.Fatalf("ParseActors differs from the reference reading: %d/%d rows, %d/%d keys, %d/%d surnames",
			len(got.roles), len(want.roles), len(got.byKey), len(want.byKey), len(got.surnames), len(want.surnames))
	}
	if len(got.roles) < 20000 || len(got.byKey) < 20000 {
		t.Fatalf("only %d rows, %d keys", len(got.roles), len(got.byKey))
	}
}
