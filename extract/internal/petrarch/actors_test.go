package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestParseActors: people with their dated roles; countries, bodies and titled aliases
// are not people; two-digit years pivot at 30; bad ranges are dropped.
func TestParseActors(t *testing.T) {
	src := `# comment
IRAQ_  [IRQ]
+BAGHDAD_
JANE_ROE_  # CountryInfo.txt
+JANE_Q._ROE_
+PRESIDENT_ROE
+ROE
	[XYZELI 650101-030801]
	[XYZGOV >050503]
	[XYZGOVMIL 20121204]
ASSAD_FORCES_
	[SYRMIL]
MARIA_LOPEZ	[ABCGOV 991231-000101] [ELI]
NOBODYKNOWN_NAME_
	[ABCGOV]
`
	rows, err := ParseActors(strings.NewReader(src), map[string]bool{"maria": true, "assad": true})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range rows {
		got = append(got, a.Name+"|"+strings.Join(a.Aliases, ",")+"|"+a.Country+"|"+a.Sector+"|"+a.Start+"|"+a.End)
	}
	want := []string{
		"Jane Roe|Jane Q. Roe,Roe|XYZ|elites|1965-01-01|2003-08-01",
		"Jane Roe|Jane Q. Roe,Roe|XYZ|government|2005-05-03|",
		"Maria Lopez||ABC|government|1999-12-31|2000-01-01",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestGeneratedActors: extract/lexicon/data/actors.tsv is what the generator writes from
// the dictionaries.
func TestGeneratedActors(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "..", "shared", "data", "petrarch2-dictionaries")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("PETRARCH-2 dictionaries not found:", err)
	}
	var paths []string
	for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"} {
		paths = append(paths, filepath.Join(dir, f))
	}
	out := filepath.Join(t.TempDir(), "actors.tsv")
	if err := genActors(paths, filepath.Join("..", "..", "lexicon", "data", "firstnames.txt"), out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join("..", "..", "lexicon", "data", "actors.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("extract/lexicon/data/actors.tsv is stale: run go generate ./extract/lexicon")
	}
}
