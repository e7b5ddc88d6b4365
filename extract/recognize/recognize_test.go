package recognize_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/recognize"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/graph"
)

func mentions(t *testing.T, text string) []article.Mention {
	t.Helper()
	r, err := recognize.New(lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	d := &article.Doc{Text: text, Blocks: []article.Span{{Start: 0, End: len(text)}}}
	segment.Segment(d)
	r.Recognize(d)
	return d.Mentions
}

// TestRecognize: what the recognizer finds in sentences, with labels, roles and modifiers.
func TestRecognize(t *testing.T) {
	type want struct {
		text     string
		label    graph.Label
		role     string
		modifier bool
	}
	cases := []struct {
		name string
		text string
		want []want
	}{
		{"title and qualifier", "NATO Secretary General Mark Rutte spoke.",
			[]want{{"NATO", graph.LabelOrganization, "", true}, {"Mark Rutte", graph.LabelPerson, "Secretary General", false}}},
		{"demonym role without name", "His German counterpart agreed.",
			[]want{{"German", graph.LabelCountry, "", true}, {"His German counterpart", graph.LabelPerson, "counterpart", false}}},
		{"place by head word", "They met at Trump Tower.",
			[]want{{"Trump Tower", graph.LabelPlace, "", false}}},
		{"organisation with connectors", "The Contact Group for the Defence of Ukraine met.",
			[]want{{"Contact Group for the Defence of Ukraine", graph.LabelOrganization, "", false}}},
		{"group of an alliance", "Members of the alliance agreed.",
			[]want{{"Members of the alliance", graph.LabelOrganization, "alliance", false}}},
		{"event with qualifier and place", "Leaders met at the NATO summit in Vilnius.",
			[]want{{"NATO summit in Vilnius", graph.LabelEvent, "", false}}},
		{"initials", "JD Vance spoke.",
			[]want{{"JD Vance", graph.LabelPerson, "", false}}},
		{"particles", "Ursula von der Leyen spoke.",
			[]want{{"Ursula von der Leyen", graph.LabelPerson, "", false}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := mentions(t, c.text)
			for _, w := range c.want {
				found := false
				for _, m := range got {
					if m.Text == w.text && m.Label == w.label && m.Role == w.role && m.Modifier == w.modifier {
						found = true
					}
				}
				if !found {
					t.Errorf("no mention %+v; got %+v", w, got)
				}
			}
		})
	}
}

// TestRecognizeNot: words that are not entities.
func TestRecognizeNot(t *testing.T) {
	for _, text := range []string{
		"Speaking on Friday, the officials agreed.",
		"In May the talks resumed.",
		"Senior officials were worried.",
	} {
		for _, m := range mentions(t, text) {
			t.Errorf("%q: unexpected mention %q (%s)", text, m.Text, m.Label)
		}
	}
}

// A chunk opening with a function word is no person ("The Kremlin said"), and so "The"
// later in the article is no surname standing alone (it made overlapping mentions that
// crashed the resolver).
func TestNoPersonFromDeterminer(t *testing.T) {
	text := "The Indonesia The Kremlin said the call had been requested by Baghdad. The chancellor is due to attend the G20 summit in Luanda on Monday."
	for _, m := range mentions(t, text) {
		if m.Label == graph.LabelPerson && m.Kind == article.KindName {
			t.Errorf("unexpected person name %q at %d", m.Text, m.Start)
		}
	}
}

// A sentence opening with a calendar word and a comma ("February, ...") has no chunk at
// its first word: typing it by its head indexed word -1 (found by FuzzExtract).
func TestCalendarWordOpeningSentence(t *testing.T) {
	ms := mentions(t, "February, American Islander King Justin Trudeau upset allies by recounting a conversation with Russiaf")
	found := false
	for _, m := range ms {
		found = found || m.Text == "Justin Trudeau"
	}
	if !found {
		t.Errorf("Justin Trudeau not found in %v", ms)
	}
}
