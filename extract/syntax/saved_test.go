package syntax

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
)

// Restore, on sentences segmented again, gives back exactly the sentences Parse made:
// words, tags, lemmas, tree, and each token's Word and Tag.
func TestSaveRestoreAsParsed(t *testing.T) {
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	p := New(m)
	texts := []string{"NATO chief Mark Rutte met al-Ani in the U.S. on Friday.\nThe talks -- which can't wait -- ended at 5:30.\n"}
	files, _ := filepath.Glob("../../../shared/corpus/seeds/*.txt")
	for _, f := range files {
		if b, err := os.ReadFile(f); err == nil {
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 2 {
		t.Log("no seed corpus next to the repository: one text only")
	}
	for _, text := range texts {
		d := &article.Doc{Text: text}
		segment.Segment(d)
		p.Parse(d)
		s := Save(d)
		again := &article.Doc{Text: text}
		segment.Segment(again)
		Restore(again, s)
		if !reflect.DeepEqual(again.Sentences, d.Sentences) {
			t.Fatalf("restored sentences differ from the parsed ones for %.60q", text)
		}
		// Through its bytes (a pipeline keeps it in a temporary file): the same again.
		b, err := s.MarshalBinary()
		if err != nil {
			t.Fatal(err)
		}
		var back Saved
		if err := back.UnmarshalBinary(b); err != nil {
			t.Fatal(err)
		}
		third := &article.Doc{Text: text}
		segment.Segment(third)
		Restore(third, &back)
		if !reflect.DeepEqual(third.Sentences, d.Sentences) {
			t.Fatalf("sentences restored from the saved bytes differ from the parsed ones for %.60q", text)
		}
		if err := back.UnmarshalBinary(b[:len(b)-1]); err == nil {
			t.Errorf("cut saved bytes read without an error")
		}
	}
}

// Restore refuses sentences other than those saved instead of attaching a wrong tree.
func TestRestoreOtherSentencesPanics(t *testing.T) {
	m, err := model.Default()
	if err != nil {
		t.Fatal(err)
	}
	d := &article.Doc{Text: "Rutte met Macron. They talked."}
	segment.Segment(d)
	New(m).Parse(d)
	s := Save(d)
	other := &article.Doc{Text: "Rutte met Macron in Paris on Friday."}
	segment.Segment(other)
	defer func() {
		if recover() == nil {
			t.Error("Restore on other sentences did not panic")
		}
	}()
	Restore(other, s)
}

// BenchmarkSegmentRestore measures what a pipeline pays to get an article's sentences
// back for relate (segment again and Restore the saved parse), to set against
// BenchmarkParseStage.
func BenchmarkSegmentRestore(b *testing.B) {
	docs := seedDocs(b)
	m, err := model.Default()
	if err != nil {
		b.Fatal(err)
	}
	p := New(m)
	saved := make([]*Saved, len(docs))
	for i, d := range docs {
		p.Parse(d)
		saved[i] = Save(d)
	}
	words := 0
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k, d := range docs {
			d.Sentences = nil
			segment.Segment(d)
			Restore(d, saved[k])
			for _, s := range d.Sentences {
				words += len(s.Words)
			}
		}
	}
	b.ReportMetric(float64(words)/b.Elapsed().Seconds(), "words/s")
}
