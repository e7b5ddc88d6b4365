package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// --param limit=-1 is a usage error naming the param; nothing is sent to a server (there
// is none here: reaching it would be exit 4).
func TestReportNegativeLimitRefused(t *testing.T) {
	isolate(t)
	t.Setenv("NEWSGRAPH_NEO4J_URI", "bolt://127.0.0.1:1")
	t.Setenv("NEWSGRAPH_NEO4J_PASSWORD", "pw")
	code, _, stderr := runCLI(t, "", "report", "run", "who_met_whom", "--param", "limit=-1")
	if code != exitUsage || !strings.Contains(stderr, "--param limit: -1 is out of range: want at least 0") {
		t.Errorf("exit %d, stderr %s", code, stderr)
	}
}

// A configured lexicon folder that does not exist is a configuration error (exit 2)
// naming the key and where it was set, not silently the embedded lexicons.
func TestMissingLexiconDir(t *testing.T) {
	dir := isolate(t)
	article := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(article, []byte("NATO Secretary General Mark Rutte met President Donald Trump in Washington on Monday.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "lexicons")
	t.Setenv("NEWSGRAPH_EXTRACT_LEXICON_DIR", missing)
	code, out, stderr := runCLI(t, "", "extract", article)
	if code != exitUsage || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	want := `extract.lexicon_dir: "` + missing + `" (from env NEWSGRAPH_EXTRACT_LEXICON_DIR) is not an existing directory`
	if !strings.Contains(stderr, want) {
		t.Errorf("stderr %s\nwant %s", stderr, want)
	}
	// An existing folder without any lexicon file is an error too.
	if err := os.Mkdir(missing, 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCLI(t, "", "extract", article)
	if code == exitOK || !strings.Contains(stderr, "holds none of the lexicon files") {
		t.Errorf("empty folder: exit %d, stderr %s", code, stderr)
	}
}
