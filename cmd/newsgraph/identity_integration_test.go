//go:build integration

// Identity, edits and retraction end to end: the CLI extracts real articles and loads
// them into a real Neo4j. WIPES THE DATABASE IT IS POINTED AT (see cli_integration_test.go).
package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	// a names Duda, Poland and Warsaw alone, and spells Zelenskiy; b spells Zelensky.
	articleA = "Ukrainian President Volodymyr Zelenskiy met Polish President Andrzej Duda in Warsaw on Tuesday. Zelenskiy thanked Duda for the support of Poland.\n"
	articleB = "Volodymyr Zelensky travelled to Berlin on Friday, where he met German Chancellor Olaf Scholz. Zelensky asked Scholz for more air defence systems.\n"
	// editedA is a after an edit: Duda, Poland, Warsaw and the spelling Zelenskiy are gone.
	editedA = "Ukrainian President Volodymyr Zelensky met Lithuanian President Gitanas Nauseda in Vilnius on Tuesday.\n"
)

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// csvQuery runs a query through the CLI and returns its CSV rows without the header.
func csvQuery(t *testing.T, q string) []string {
	t.Helper()
	out := strings.TrimSpace(mustRun(t, "query", "--format", "csv", q))
	lines := strings.Split(out, "\n")
	return lines[1:]
}

// exportJSONL is the whole graph as `newsgraph export --format jsonl` writes it.
func exportJSONL(t *testing.T) string {
	t.Helper()
	return mustRun(t, "export", "--format", "jsonl")
}

// Two different articles that happen to be called index.txt (in two folders), or two
// articles piped into `build -`, are two articles: the second build keeps the first's facts.
func TestCLISameFileNameTwoArticles(t *testing.T) {
	wipe(t)
	dir := t.TempDir()
	mustRun(t, "build", writeFile(t, filepath.Join(dir, "a", "index.txt"), articleA))
	first := csvQuery(t, "MATCH ()-[r]->() RETURN count(r) AS rels")
	out := mustRun(t, "build", writeFile(t, filepath.Join(dir, "b", "index.txt"), articleB))
	if !regexpMatch(`relationships +created \d+ +updated \d+ +unchanged \d+ +removed 0`, out) {
		t.Errorf("the second build removed relationships:\n%s", out)
	}
	arts := csvQuery(t, "MATCH (a:Article) RETURN a.id ORDER BY a.id")
	if len(arts) != 2 || !strings.HasPrefix(arts[0], "index-") || !strings.HasPrefix(arts[1], "index-") {
		t.Fatalf("articles %q, want two index-<hash> articles", arts)
	}
	duda := csvQuery(t, "MATCH (:Person {id: 'person:andrzej-duda'})-[r:MET]-() RETURN count(r) AS met")
	if len(duda) != 1 || duda[0] != "1" {
		t.Errorf("the first index.txt lost its MET relationship (had %v relationships): %v", first, duda)
	}

	wipe(t)
	for _, text := range []string{articleA, articleB} {
		code, out, stderr := runCLI(t, text, "build", "-")
		if code != 0 {
			t.Fatalf("build -: exit %d\n%s%s", code, out, stderr)
		}
	}
	if arts := csvQuery(t, "MATCH (a:Article) RETURN a.id ORDER BY a.id"); len(arts) != 2 || !strings.HasPrefix(arts[0], "stdin-") {
		t.Errorf("two articles piped into build -: articles %q, want two stdin-<hash> articles", arts)
	}
}

// Two articles extracted in two separate runs and loaded one after the other give one
// node per person: Zelensky (the lexicon knows him) and Syrskyi/Syrsky (it does not: the
// transliteration-insensitive name key), with both spellings as aliases.
func TestCLIEntityIDsAcrossRuns(t *testing.T) {
	wipe(t)
	dir := t.TempDir()
	c := writeFile(t, filepath.Join(dir, "c.txt"), "Ukrainian commander Oleksandr Syrskyi met Volodymyr Zelensky in Kyiv on Monday.\n")
	d := writeFile(t, filepath.Join(dir, "d.txt"), "Oleksandr Syrsky visited Kharkiv on Thursday, where he met Volodymyr Zelenskiy.\n")
	for _, in := range []string{c, d} {
		out := filepath.Join(dir, filepath.Base(in)+".jsonl")
		mustRun(t, "extract", in, "-o", out)
		mustRun(t, "load", out)
	}
	// Zelensky is named by the lexicon ("Volodymyr Zelenskyy"): both spellings are aliases;
	// Syrsky is named by the last run's spelling, the other one is the alias.
	for who, aliases := range map[string]string{"zelensk": "2", "syrsk": "1"} {
		rows := csvQuery(t, `MATCH (p:Person) WHERE toLower(p.name) CONTAINS '`+who+`'
			RETURN p.id, size(p.aliases) AS aliases, COUNT { (p)<-[:MENTIONS]-() } AS articles`)
		if len(rows) != 1 {
			t.Errorf("%s: %d person nodes, want 1: %q", who, len(rows), rows)
			continue
		}
		if f := strings.Split(rows[0], ","); len(f) != 3 || f[1] != aliases || f[2] != "2" {
			t.Errorf("%s: %q, want %s aliases (the spellings that are not its name) and 2 articles", who, rows[0], aliases)
		}
	}
}

// An edited file built again replaces its earlier version: what only the old text
// supported (Duda, Poland, Warsaw, the spelling Zelenskiy) goes, and the graph equals a
// clean build of the corpus as it is now — whether the file alone or the whole folder is
// built again.
func TestCLIReloadEditedEqualsCleanBuild(t *testing.T) {
	wipe(t)
	dir := t.TempDir()
	a := writeFile(t, filepath.Join(dir, "a.txt"), articleA)
	writeFile(t, filepath.Join(dir, "b.txt"), articleB)
	mustRun(t, "build", dir)
	writeFile(t, a, editedA)
	out := mustRun(t, "build", a)
	if !strings.Contains(out, "replaced 1 earlier version") {
		t.Errorf("build of the edited file does not say it replaced the earlier version:\n%s", out)
	}
	reloaded := exportJSONL(t)

	wipe(t)
	mustRun(t, "build", dir)
	want := exportJSONL(t)
	if reloaded != want {
		t.Errorf("reload after edit differs from a clean build:\n--- reloaded\n%s\n--- clean\n%s", reloaded, want)
	}
	for _, gone := range []string{"person:andrzej-duda", "country:poland", "place:warsaw", `"Zelenskiy"`} {
		if strings.Contains(reloaded, gone) {
			t.Errorf("%s is still in the graph after the edit", gone)
		}
	}

	// The whole folder built again after another edit: the same.
	writeFile(t, a, articleA)
	mustRun(t, "build", dir)
	again := exportJSONL(t)
	wipe(t)
	mustRun(t, "build", dir)
	if want := exportJSONL(t); again != want {
		t.Errorf("rebuilding the folder after an edit differs from a clean build:\n--- rebuilt\n%s\n--- clean\n%s", again, want)
	}
}

// retract of one article of two keeps what the other supports: the graph equals a clean
// build of the other alone. A dry run and an unknown id change nothing.
func TestCLIRetract(t *testing.T) {
	wipe(t)
	dir := t.TempDir()
	b := writeFile(t, filepath.Join(dir, "only-b", "b.txt"), articleB)
	mustRun(t, "build", b)
	want := exportJSONL(t)

	wipe(t)
	writeFile(t, filepath.Join(dir, "only-b", "a.txt"), articleA)
	mustRun(t, "build", filepath.Join(dir, "only-b"))
	rows := csvQuery(t, "MATCH (a:Article) WHERE a.id STARTS WITH 'a-' RETURN a.id")
	if len(rows) != 1 {
		t.Fatalf("article a: %q", rows)
	}
	id := rows[0]
	before := exportJSONL(t)
	out := mustRun(t, "retract", "--dry-run", id)
	if !strings.Contains(out, "would retract 1 article") || exportJSONL(t) != before {
		t.Errorf("dry run:\n%s", out)
	}
	code, out, stderr := runCLI(t, "", "retract", id, "no-such-article")
	if code != 1 || !strings.Contains(stderr, "no-such-article") || exportJSONL(t) != before {
		t.Errorf("unknown id: exit %d, want 1 and nothing removed\n%s%s", code, out, stderr)
	}
	out = mustRun(t, "retract", id)
	if !regexpMatch(`retracted 1 article\nnodes +removed [1-9]`, out) {
		t.Errorf("retract:\n%s", out)
	}
	if got := exportJSONL(t); got != want {
		t.Errorf("after retracting a the graph differs from a clean build of b:\n--- after retract\n%s\n--- clean b\n%s", got, want)
	}
}
