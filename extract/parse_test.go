package extract

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

// TestRunParses checks that the pipeline's parse stage ran on every article: each
// sentence has words with a tree, and each token knows its word and tag.
func TestRunParses(t *testing.T) {
	dir := t.TempDir()
	text := "NATO Secretary General Mark Rutte met the German chancellor in Berlin on Friday.\n\n" +
		"The two leaders discussed defense spending, officials said.\n"
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := New(Options{Workers: 2, Parse: true, KeepSentences: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Docs) != 1 || len(res.Docs[0].Sentences) == 0 {
		t.Fatalf("want 1 article with sentences, got %d docs", len(res.Docs))
	}
	for _, s := range res.Docs[0].Sentences {
		if len(s.Words) == 0 || s.Root() < 0 {
			t.Errorf("sentence %q: %d words, root %d", s.Tokens[0].Text, len(s.Words), s.Root())
		}
		for _, tok := range s.Tokens {
			if tok.Tag == "" || tok.Word < 0 || tok.Word >= len(s.Words) {
				t.Errorf("token %q: tag %q word %d", tok.Text, tok.Tag, tok.Word)
			}
		}
	}
}

// TestSyntaxInInputOrder checks that Pipeline.Syntax hands the parsed articles back in
// the order they were read, on several workers, and stops at the callback's error.
func TestSyntaxInInputOrder(t *testing.T) {
	dir := t.TempDir()
	var want []string
	for i := 0; i < 12; i++ {
		id := fmt.Sprintf("art%02d", i)
		want = append(want, id)
		body := fmt.Sprintf("Article %d says the minister met the envoy.\nShort line %d.\n", i, i)
		if err := os.WriteFile(filepath.Join(dir, id+".txt"), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	p, err := New(Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	ferrs, err := p.Syntax(context.Background(), SyntaxOptions{}, func(d *article.Doc) error {
		got = append(got, d.Meta.ID[:strings.LastIndex(d.Meta.ID, "-")]) // stem-HASH
		if len(d.Sentences) != 2 || d.Sentences[1].Words == nil {
			t.Errorf("%s: without --clean every line is parsed: %d sentences", d.Meta.ID, len(d.Sentences))
		}
		return nil
	}, dir)
	if err != nil || len(ferrs) > 0 {
		t.Fatal(err, ferrs)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("order %v, want %v", got, want)
	}
	stop := errors.New("stop")
	n := 0
	_, err = p.Syntax(context.Background(), SyntaxOptions{}, func(*article.Doc) error {
		n++
		return stop
	}, dir)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("callback error: got %v after %d calls, want stop after 1", err, n)
	}
}

// TestParserSettingSelectsModel: Options.FastParser parses every sentence with the fast
// model (model.Fast), SingleParser with the default model's first parser; the two give
// other trees or tags for some words of the seed articles.
func TestParserSettingSelectsModel(t *testing.T) {
	fast, err := model.Fast()
	if err != nil {
		t.Fatal(err)
	}
	def, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	single := def.FirstParser()
	runs := map[string][]*article.Doc{}
	for name, opts := range map[string]Options{"fast": {FastParser: true}, "single": {SingleParser: true}} {
		opts.Workers, opts.Parse, opts.KeepSentences = 2, true, true
		p, err := New(opts)
		if err != nil {
			t.Fatal(err)
		}
		res, err := p.Run(context.Background(), filepath.Join("..", "corpus", "sample"))
		if err != nil {
			t.Fatal(err)
		}
		runs[name] = res.Docs
	}
	differ, sentences := 0, 0
	for name, m := range map[string]*model.Model{"fast": fast, "single": single} {
		for _, d := range runs[name] {
			for _, s := range d.Sentences {
				forms := make([]string, len(s.Words))
				for i, w := range s.Words {
					forms[i] = w.Form
				}
				tr := m.Parse(forms)
				for i, w := range s.Words {
					if w.XPOS != tr.XPOS[i] || w.Head != tr.Head[i]-1 || w.Deprel != tr.Deprel[i] {
						t.Fatalf("--parser %s, %s: word %d %q: %s %d %s, the model gives %s %d %s", name, d.Meta.ID, i, w.Form,
							w.XPOS, w.Head, w.Deprel, tr.XPOS[i], tr.Head[i]-1, tr.Deprel[i])
					}
				}
				if name == "fast" {
					sentences++
					if o := single.Parse(forms); !slices.Equal(o.Head, tr.Head) || !slices.Equal(o.XPOS, tr.XPOS) {
						differ++
					}
				}
			}
		}
	}
	if sentences == 0 || differ == 0 {
		t.Fatalf("%d of %d sentences parsed otherwise by the fast model and the single parser", differ, sentences)
	}
}
