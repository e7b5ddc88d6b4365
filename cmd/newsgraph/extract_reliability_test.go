package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// One sentence no longer blocks a corpus: what extract writes, load accepts, and build
// --dry-run goes through (issue 11, items 1 and 1b).
func TestExtractOutputAlwaysLoads(t *testing.T) {
	dir := isolate(t)
	writeFiles(t, dir, map[string]string{
		"trump.txt":      "President Donald Trump met NATO Secretary General Mark Rutte in Washington on Monday.\n",
		"riga.txt":       "NATO coordinates military support for Riga.\n",
		"guterres.jsonl": `{"id":"guterres","published":"2019-05-10","text":"Secretary General Antonio Guterres wrapped up his visit to Liberia."}` + "\n",
		"overlap.txt":    "The Indonesia The Kremlin said the call had been requested by Baghdad.\n\nThe chancellor is due to attend the G20 summit in Luanda on Monday.\n",
		"good.txt":       "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.\n",
	})
	out := filepath.Join(dir, "out.jsonl")
	code, _, stderr := runCLI(t, "", "extract", dir, "-o", out)
	if code != exitOK {
		t.Fatalf("extract: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "", "load", "--dry-run", out)
	if code != exitOK {
		t.Fatalf("load --dry-run of extract's output: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "(5 of them articles)") {
		t.Errorf("dry run does not plan the five articles:\n%s", stdout)
	}
	for _, f := range []string{"trump.txt", "riga.txt", "overlap.txt"} {
		code, _, stderr := runCLI(t, "", "build", "--dry-run", filepath.Join(dir, f))
		if code != exitOK {
			t.Errorf("build --dry-run %s: exit %d\n%s", f, code, stderr)
		}
	}
}

// An article whose last sentence lacks its final stop, or that is short, is extracted in
// every format; an article in which nothing is found is named on stderr (item 3).
func TestUnpunctuatedArticlesExtracted(t *testing.T) {
	dir := isolate(t)
	lead := "Ukrainian President Volodymyr Zelenskyy met NATO chief Mark Rutte in Brussels on Tuesday. French President Emmanuel Macron visited Kyiv"
	writeFiles(t, dir, map[string]string{
		"a.txt":   lead + "\n",
		"b.html":  "<html><body><p>" + lead + "</p></body></html>",
		"c.jsonl": `{"id":"c","text":"` + lead + ` (Reuters)"}` + "\n" + `{"id":"d","text":"Angela Merkel and Emmanuel Macron will meet in Aachen"}` + "\n",
		"e.txt":   "Zelenskyy met Rutte.",
		"f.txt":   "the weather was fine and nothing else happened here today",
	})
	code, stdout, stderr := runCLI(t, "", "extract", dir)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	// File articles are named stem-HASH, .jsonl records by their id.
	for _, want := range []string{
		`"type":"VISITED","from":"person:emmanuel-macron","to":"place:kyiv","article":"a-`,
		`"type":"VISITED","from":"person:emmanuel-macron","to":"place:kyiv","article":"b-`,
		`"type":"VISITED","from":"person:emmanuel-macron","to":"place:kyiv","article":"c"`,
		`"type":"MET","from":"person:angela-merkel","to":"person:emmanuel-macron","article":"d","status":"planned"`,
		`"type":"MET","from":"person:mark-rutte","to":"person:volodymyr-zelenskyy","article":"e-`,
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %s", want)
		}
	}
	if !strings.Contains(stderr, "warning: "+filepath.Join(dir, "f.txt")+": article f") {
		t.Errorf("no warning names the article in which nothing was found:\n%s", stderr)
	}
}

// Messages (item 6): a missing path as the only input does not claim that "the rest was
// processed"; extract never gives load's hint about committed batches.
func TestExtractFailureMessages(t *testing.T) {
	dir := isolate(t)
	writeFiles(t, dir, map[string]string{"good.txt": "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Monday.\n"})
	code, _, stderr := runCLI(t, "", "extract", filepath.Join(dir, "missing.txt"))
	if code != exitError || strings.Contains(stderr, "the rest was processed") || strings.Contains(stderr, "committed batches") ||
		!strings.Contains(stderr, "missing.txt") {
		t.Errorf("missing only input: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr := runCLI(t, "", "extract", filepath.Join(dir, "good.txt"), filepath.Join(dir, "missing.txt"))
	if code != exitPartial || strings.Contains(stderr, "committed batches") || !strings.Contains(stderr, "the other 1 article") {
		t.Errorf("one of two missing: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, `"id":"good-`) {
		t.Errorf("the readable article was not written")
	}
}
