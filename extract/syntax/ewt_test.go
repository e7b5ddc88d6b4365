package syntax

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
)

// ewtDir is the UD English EWT treebank beside the repository (../shared/data).
var ewtDir = filepath.Join("..", "..", "..", "shared", "data", "ud-english-ewt")

func readEWT(t testing.TB, name string) []*conllu.Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join(ewtDir, name))
	if err != nil {
		t.Skipf("EWT treebank not available: %v", err)
	}
	defer f.Close()
	ss, err := conllu.ReadAll(f, name)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// splitText segments text as the pipeline does (every line a block) and returns its words.
func splitText(text string) []string {
	d := &article.Doc{Text: text}
	segment.Segment(d)
	var out []string
	for _, s := range d.Sentences {
		for _, w := range Words(text, s.Tokens, nil) {
			out = append(out, w.Form)
		}
	}
	return out
}

// wordMatch is the share of sentences whose words, split from the "# text" comment,
// are exactly the gold words.
func wordMatch(t testing.TB, ss []*conllu.Sentence, show int) float64 {
	n := 0
	for _, s := range ss {
		got := splitText(s.Text())
		if strings.Join(got, "\x00") == strings.Join(s.Forms(), "\x00") {
			n++
		} else if show > 0 {
			show--
			t.Logf("got  %q\nwant %q", got, s.Forms())
		}
	}
	return float64(n) / float64(len(ss))
}

func TestEWTDevWordSplit(t *testing.T) {
	ss := readEWT(t, "en_ewt-ud-dev.conllu")
	show := 0
	if testing.Verbose() {
		show = 40
	}
	r := wordMatch(t, ss, show)
	t.Logf("EWT dev: %.4f of %d sentences split into exactly the gold words", r, len(ss))
	if r < 0.93 {
		t.Errorf("word split match %.4f below %.2f", r, 0.93)
	}
}
