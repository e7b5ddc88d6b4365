package resolve

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/graph"
)

func TestNameKeys(t *testing.T) {
	same := [][2]string{{"Zelensky", "Zelenskiy"}, {"Zelenskyy", "Zelensky"}, {"Zelenskij", "Zelenskyi"}}
	for _, p := range same {
		if article.NameKey(p[0]) != article.NameKey(p[1]) {
			t.Errorf("%s and %s should share a key", p[0], p[1])
		}
	}
	apart := [][2]string{{"Scholz", "Schulz"}, {"Niger", "Nigeria"}, {"Johnson", "Johnston"}}
	for _, p := range apart {
		if article.NameKey(p[0]) == article.NameKey(p[1]) {
			t.Errorf("%s and %s must not share a key", p[0], p[1])
		}
	}
}

func TestSplitName(t *testing.T) {
	cases := []struct{ in, first, last string }{
		{"Mark Rutte", "Mark", "Rutte"},
		{"J. D. Vance", "JD", "Vance"},
		{"JD Vance", "JD", "Vance"},
		{"Donald J. Trump", "Donald", "Trump"},
		{"Ferdinand Marcos Jr.", "Ferdinand", "Marcos"},
		{"Rutte", "", "Rutte"},
	}
	for _, c := range cases {
		f, l := splitName(c.in)
		if f != c.first || l != c.last {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", c.in, f, l, c.first, c.last)
		}
	}
}

// Overlapping mentions (a name inside a role phrase) never make the apposition test slice
// the text backwards: it used to panic with "slice bounds out of range".
func TestAppositionOverlappingMentions(t *testing.T) {
	text := "The chancellor is due to attend the summit, Olaf Scholz said."
	d := &article.Doc{Text: text, Sentences: []article.Sentence{{Span: article.Span{Start: 0, End: len(text)}}}}
	d.Mentions = []article.Mention{
		{Span: article.Span{Start: 0, End: 14}, Text: "The chancellor", Label: graph.LabelPerson, Kind: article.KindRole, Role: "chancellor"},
		{Span: article.Span{Start: 0, End: 3}, Text: "The", Label: graph.LabelPerson, Kind: article.KindName},
		{Span: article.Span{Start: 4, End: 14}, Text: "chancellor", Label: graph.LabelPerson, Kind: article.KindName},
	}
	for i := range d.Mentions {
		if got := appositionPerson(d, i); got >= 0 && got != i {
			m, p := d.Mentions[i], d.Mentions[got]
			if p.End > m.Start && p.Start < m.End {
				t.Errorf("mention %d: apposition to overlapping mention %d", i, got)
			}
		}
	}
	r := New(lexicon.Default())
	r.Local(d) // must not panic
}
