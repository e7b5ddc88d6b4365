package model

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.txt from the current model")

// goldenSentences are a few sentences of news-like text in UD's word convention.
var goldenSentences = []string{
	"The minister was questioned by reporters after the meeting in Brussels .",
	"Police said the suspect , who had fled to Mexico , was arrested on Friday .",
	"Germany 's exports fell 3 % in May , the statistics office said .",
	"She did n't expect the company to raise prices again .",
	"Talks between the two leaders are expected to resume next week in Geneva .",
}

func renderTree(words []string, tr Tree) string {
	var b strings.Builder
	for i, w := range words {
		fmt.Fprintf(&b, "%d\t%s\t%s\t%s\t%d\t%s\n", i+1, w, tr.UPOS[i], tr.XPOS[i], tr.Head[i], tr.Deprel[i])
	}
	return b.String()
}

// TestGoldenParses pins the embedded model's parses of a few sentences; after retraining,
// look at the differences and rewrite with `go test ./extract/syntax/model -run Golden -update`.
func TestGoldenParses(t *testing.T) {
	checkGoldenParses(t, testModel(t), filepath.Join("testdata", "golden.txt"))
}

// checkGoldenParses parses the golden sentences with m and compares the rendered trees with
// the file at path (rewritten with -update).
func checkGoldenParses(t *testing.T, m *Model, path string) {
	t.Helper()
	var b strings.Builder
	for _, s := range goldenSentences {
		words := strings.Fields(s)
		tr := m.Parse(words)
		checkTree(t, words, tr)
		b.WriteString(renderTree(words, tr) + "\n")
	}
	if *update {
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != string(want) {
		t.Fatalf("parses differ from %s (rerun with -update after checking):\n%s", path, got)
	}
}
