package lexicon

import "testing"

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
