package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax/conllu"
)

// ewtTest is the UD English EWT test file beside the repository, as an absolute path
// (tests chdir).
var ewtTest, _ = filepath.Abs(filepath.Join("..", "..", "..", "shared", "data", "ud-english-ewt", "en_ewt-ud-test.conllu"))

func readCoNLLU(t *testing.T, s, name string) []*conllu.Sentence {
	t.Helper()
	ss, err := conllu.ReadAll(strings.NewReader(s), name)
	if err != nil {
		t.Fatalf("output is not valid CoNLL-U: %v\n%s", err, s)
	}
	return ss
}

func TestParseText(t *testing.T) {
	isolate(t)
	in := "NATO chief Mark Rutte met Ayad al-Ani in the U.S.\nThe talks -- which can't wait -- ended at 5:30.\n"
	code, out, stderr := runCLI(t, in, "parse", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	ss := readCoNLLU(t, out, "stdout")
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2:\n%s", len(ss), out)
	}
	wantWords := [][]string{
		strings.Fields("NATO chief Mark Rutte met Ayad al - Ani in the U.S ."),
		strings.Fields("The talks -- which ca n't wait -- ended at 5:30 ."),
	}
	for i, s := range ss {
		if got := strings.Join(s.Forms(), " "); got != strings.Join(wantWords[i], " ") {
			t.Errorf("sentence %d words %q, want %q", i+1, got, strings.Join(wantWords[i], " "))
		}
		// The article id is stdin-HASH (of the text); sentences count from 1 within it.
		if want := "-" + string(rune('1'+i)); !hasComment(s.Comments, "sent_id = stdin-", want) {
			t.Errorf("sentence %d comments %q lack sent_id = stdin-HASH%s", i+1, s.Comments, want)
		}
		roots := 0
		for _, w := range s.Words {
			if w.UPOS == "_" || w.Deprel == "_" || w.Head < 0 {
				t.Errorf("sentence %d word %q has no tag, head or relation: %+v", i+1, w.Form, w)
			}
			if w.Head == 0 {
				roots++
			}
		}
		if roots == 0 {
			t.Errorf("sentence %d has no root", i+1)
		}
	}
	if ss[0].Text() != "NATO chief Mark Rutte met Ayad al-Ani in the U.S." {
		t.Errorf("# text = %q", ss[0].Text())
	}
	// "al-Ani": al and - are followed by no space; "Ani" is
	for _, w := range ss[0].Words[6:9] {
		want := "SpaceAfter=No"
		if w.Form == "Ani" {
			want = "_"
		}
		if w.Misc != want {
			t.Errorf("word %q MISC %q, want %q", w.Form, w.Misc, want)
		}
	}
	if !strings.Contains(stderr, "parsed 2 sentences") {
		t.Errorf("stderr lacks the summary: %q", stderr)
	}
}

// conlluFixture has wrong tags and trees on purpose (the parser must replace them), a
// multiword token line, an empty node, and two sentences.
const conlluFixture = "# newdoc id = fix\n# sent_id = fix-1\n# text = They don't wait.\n" +
	"1\tThey\t_\tBOGUS\tBOGUS\t_\t0\tbogus\t_\t_\n" +
	"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
	"2\tdo\t_\tBOGUS\tBOGUS\t_\t0\tbogus\t_\t_\n" +
	"3\tn't\t_\tBOGUS\tBOGUS\t_\t0\tbogus\t_\t_\n" +
	"3.1\tx\t_\t_\t_\t_\t_\t_\t2:bogus\t_\n" +
	"4\twait\t_\tBOGUS\tBOGUS\t_\t0\tbogus\t_\tSpaceAfter=No\n" +
	"5\t.\t_\tBOGUS\tBOGUS\t_\t0\tbogus\t_\t_\n\n" +
	"# sent_id = fix-2\n# text = Go\n1\tGo\t_\tBOGUS\tBOGUS\t_\t0\tbogus\t_\t_\n\n"

func TestParseCoNLLUKeepsWords(t *testing.T) {
	dir := isolate(t)
	in := filepath.Join(dir, "fix.conllu")
	if err := os.WriteFile(in, []byte(conlluFixture), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "parse", "--input", "conllu", in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	got := readCoNLLU(t, out, "stdout")
	gold := readCoNLLU(t, conlluFixture, "fixture")
	if len(got) != len(gold) {
		t.Fatalf("%d sentences, want %d", len(got), len(gold))
	}
	for i := range gold {
		if strings.Join(got[i].Forms(), " ") != strings.Join(gold[i].Forms(), " ") {
			t.Errorf("sentence %d words %q, want %q", i+1, got[i].Forms(), gold[i].Forms())
		}
		if strings.Join(got[i].Comments, "\n") != strings.Join(gold[i].Comments, "\n") {
			t.Errorf("sentence %d comments %q, want %q", i+1, got[i].Comments, gold[i].Comments)
		}
	}
	if strings.Contains(out, "BOGUS") || strings.Contains(out, "bogus") {
		t.Errorf("the given tags and trees were kept, not predicted:\n%s", out)
	}
	if !strings.Contains(out, "2-3\tdon't\t") {
		t.Errorf("multiword token line lost:\n%s", out)
	}
	if !strings.Contains(out, "4\twait\t") || !strings.Contains(out, "SpaceAfter=No") {
		t.Errorf("MISC not kept:\n%s", out)
	}
	// the same from stdin, to a file
	outFile := filepath.Join(dir, "out", "p.conllu")
	if code, _, stderr := runCLI(t, conlluFixture, "parse", "--input", "conllu", "-", "-o", outFile); code != 0 {
		t.Fatalf("stdin: exit %d: %s", code, stderr)
	}
	if b, err := os.ReadFile(outFile); err != nil || string(b) != out {
		t.Errorf("-o wrote %q (%v), want what stdout got", b, err)
	}
}

// TestParseCoNLLUEWTLinesUp parses the EWT test file as the done-check does and
// checks that every sentence has exactly the gold words, so that ud_score.py can compare.
func TestParseCoNLLUEWTLinesUp(t *testing.T) {
	gold, err := os.ReadFile(ewtTest)
	if err != nil {
		t.Skipf("EWT treebank not available: %v", err)
	}
	dir := isolate(t)
	out := filepath.Join(dir, "p.conllu")
	if code, _, stderr := runCLI(t, "", "parse", "--input", "conllu", ewtTest, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	pred, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	g, p := readCoNLLU(t, string(gold), "gold"), readCoNLLU(t, string(pred), "pred")
	if len(g) != len(p) {
		t.Fatalf("%d sentences, gold has %d", len(p), len(g))
	}
	for i := range g {
		if strings.Join(g[i].Forms(), "\x00") != strings.Join(p[i].Forms(), "\x00") {
			t.Fatalf("sentence %d: words %q, gold %q", i+1, p[i].Forms(), g[i].Forms())
		}
		for j, w := range p[i].Words {
			if w.Head < 0 || w.Head > len(p[i].Words) || w.Deprel == "_" || w.UPOS == "_" {
				t.Fatalf("sentence %d word %d: no head, relation or tag: %+v", i+1, j+1, w)
			}
		}
	}
}

// TestParseParserChoice: --parser single parses with the first parser alone, which
// attaches some words of EWT test differently from the ensemble's vote; --parser fast
// parses with the fast model, which attaches and tags some words differently again; all
// keep the words. A parser the flag does not know is a usage error.
func TestParseParserChoice(t *testing.T) {
	gold, err := os.ReadFile(ewtTest)
	if err != nil {
		t.Skipf("EWT treebank not available: %v", err)
	}
	dir := isolate(t)
	in := filepath.Join(dir, "part.conllu")
	sents := strings.SplitAfter(string(gold), "\n\n")
	if err := os.WriteFile(in, []byte(strings.Join(sents[:300], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := map[string][]*conllu.Sentence{}
	for _, p := range []string{"ensemble", "single", "fast"} {
		code, out, stderr := runCLI(t, "", "parse", "--parser", p, "--input", "conllu", in)
		if code != 0 {
			t.Fatalf("--parser %s: exit %d: %s", p, code, stderr)
		}
		outs[p] = readCoNLLU(t, out, p)
	}
	for _, pair := range [][2]string{{"ensemble", "single"}, {"single", "fast"}} {
		heads, tags := differences(t, outs[pair[0]], outs[pair[1]])
		if heads == 0 {
			t.Errorf("--parser %s gave the same heads as --parser %s on 300 sentences", pair[1], pair[0])
		}
		if pair[1] == "fast" && tags == 0 {
			t.Error("--parser fast gave the same tags as --parser single on 300 sentences")
		}
	}
	if code, _, stderr := runCLI(t, "", "parse", "--parser", "quick", in); code != exitUsage || !strings.Contains(stderr, "is not ensemble, single or fast") {
		t.Errorf("--parser quick: exit %d, %q", code, stderr)
	}
}

// differences counts the words whose head and whose XPOS differ between two parses of the
// same sentences; the words must be the same.
func differences(t *testing.T, a, b []*conllu.Sentence) (heads, tags int) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%d and %d sentences", len(a), len(b))
	}
	for i, s := range a {
		o := b[i]
		if strings.Join(s.Forms(), " ") != strings.Join(o.Forms(), " ") {
			t.Fatalf("sentence %d: words differ", i+1)
		}
		for j := range s.Words {
			if s.Words[j].Head != o.Words[j].Head {
				heads++
			}
			if s.Words[j].XPOS != o.Words[j].XPOS {
				tags++
			}
		}
	}
	return heads, tags
}

// TestParseBeam: --beam 1 parses greedily, which attaches some words of EWT test
// differently from the model's own beam; --beam 4 (the model's) changes nothing; a beam
// out of range is a usage error naming the key.
func TestParseBeam(t *testing.T) {
	gold, err := os.ReadFile(ewtTest)
	if err != nil {
		t.Skipf("EWT treebank not available: %v", err)
	}
	in := filepath.Join(isolate(t), "part.conllu")
	if err := os.WriteFile(in, []byte(strings.Join(strings.SplitAfter(string(gold), "\n\n")[:300], "")), 0o644); err != nil {
		t.Fatal(err)
	}
	outs := map[string]string{}
	for _, b := range []string{"0", "4", "1"} {
		code, out, stderr := runCLI(t, "", "parse", "--parser", "single", "--beam", b, "--input", "conllu", in)
		if code != 0 {
			t.Fatalf("--beam %s: exit %d: %s", b, code, stderr)
		}
		outs[b] = out
	}
	if outs["4"] != outs["0"] {
		t.Error("--beam 4 (the model's own width) parsed differently from the default")
	}
	def, greedy := readCoNLLU(t, outs["0"], "default"), readCoNLLU(t, outs["1"], "greedy")
	differ := 0
	for i, s := range def {
		for j := range s.Words {
			if s.Words[j].Form != greedy[i].Words[j].Form {
				t.Fatalf("sentence %d: words differ", i+1)
			}
			if s.Words[j].Head != greedy[i].Words[j].Head {
				differ++
			}
		}
	}
	if differ == 0 {
		t.Fatal("--beam 1 gave the same heads as the model's beam on 300 sentences")
	}
	if code, _, stderr := runCLI(t, "", "parse", "--beam", "17", in); code != exitUsage || !strings.Contains(stderr, "extract.beam") {
		t.Errorf("--beam 17: exit %d, %q", code, stderr)
	}
}

func TestParseBadCoNLLU(t *testing.T) {
	dir := isolate(t)
	bad := filepath.Join(dir, "bad.conllu")
	good := filepath.Join(dir, "good.conllu")
	os.WriteFile(bad, []byte("# text = A b\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n2\tb\n"), 0o644)
	os.WriteFile(good, []byte(conlluFixture), 0o644)
	code, out, stderr := runCLI(t, "", "parse", "--input", "conllu", bad, good)
	if code != exitError {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stderr, bad+":3: want 10 tab-separated columns") {
		t.Errorf("stderr lacks file:line: %q", stderr)
	}
	if n := strings.Count(out, "# sent_id = fix-"); n != 2 {
		t.Errorf("the good file after the bad one gave %d sentences, want 2:\n%s", n, out)
	}
	outFile := filepath.Join(dir, "p.conllu")
	if code, _, _ := runCLI(t, "", "parse", "--input", "conllu", good, bad, "-o", outFile); code != exitError {
		t.Errorf("-o: exit %d, want 1", code)
	}
	if _, err := os.Stat(outFile); !os.IsNotExist(err) {
		t.Errorf("-o file written despite the bad input (stat: %v)", err)
	}
}

func TestParseUsageAndHelp(t *testing.T) {
	isolate(t)
	if code, _, stderr := runCLI(t, "", "parse", "--input", "xml", "x"); code != exitUsage || !strings.Contains(stderr, `unknown --input "xml"`) {
		t.Errorf("--input xml: exit %d, %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "", "parse"); code != exitUsage || !strings.Contains(stderr, "no input") {
		t.Errorf("no path: exit %d, %q", code, stderr)
	}
	code, out, _ := runCLI(t, "", "parse", "--help")
	for _, want := range []string{"Examples:", "--input conllu", "ud_score.py", "CC BY-SA 4.0", "SpaceAfter=No"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("parse --help (exit %d) lacks %q", code, want)
		}
	}
}

// hasComment reports whether a comment starts with prefix and ends with suffix.
func hasComment(comments []string, prefix, suffix string) bool {
	for _, c := range comments {
		if strings.HasPrefix(c, prefix) && strings.HasSuffix(c, suffix) {
			return true
		}
	}
	return false
}
