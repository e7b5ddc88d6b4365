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

// report guide --defaults sets the optional params to their defaults (what
// scripts/browser-e2e.sh falls back to when the example values find nothing); required
// params keep their example values.
func TestReportGuideDefaults(t *testing.T) {
	isolate(t)
	_, example, _ := runCLI(t, "", "report", "guide")
	code, defaults, stderr := runCLI(t, "", "report", "guide", "--defaults")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(example, ":param since =&gt; &#34;2025&#34;;") {
		t.Errorf("the example guide lacks since=2025")
	}
	slide := func(page, name string) string {
		_, s, _ := strings.Cut(page, "<h3>"+name+"</h3>")
		s, _, _ = strings.Cut(s, "</slide>")
		return s
	}
	wm := slide(defaults, "who_met_whom")
	for _, want := range []string{":param person =&gt; &#34;&#34;;", ":param since =&gt; null;", ":param limit =&gt; 50;"} {
		if !strings.Contains(wm, want) {
			t.Errorf("who_met_whom with defaults lacks %q:\n%s", want, wm)
		}
	}
	if pp := slide(defaults, "person_profile"); !strings.Contains(pp, ":param person =&gt; &#34;Rutte&#34;;") {
		t.Errorf("a required param lost its example value:\n%s", pp)
	}
}
