package recognize_test

import (
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/extract/recognize"
	"github.com/newsgraph/newsgraph/extract/segment"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/extract/syntax/model"
	"github.com/newsgraph/newsgraph/graph"
)

var (
	parserOnce sync.Once
	parser     *syntax.Parser
	parserErr  error
)

// parsedMentions recognizes text after the parse stage, as extract runs it: the tags and
// the tree are on the sentences.
func parsedMentions(t *testing.T, text string) []article.Mention {
	t.Helper()
	parserOnce.Do(func() {
		m, err := model.Default()
		if err != nil {
			parserErr = err
			return
		}
		parser = syntax.New(m)
	})
	if parserErr != nil {
		t.Fatal(parserErr)
	}
	r, err := recognize.New(lexicon.Default())
	if err != nil {
		t.Fatal(err)
	}
	d := &article.Doc{Text: text, Blocks: []article.Span{{Start: 0, End: len(text)}}}
	segment.Segment(d)
	parser.Parse(d)
	r.Recognize(d)
	return d.Mentions
}

type nameWant struct {
	text  string
	label graph.Label
	kind  article.Kind
	role  string
	org   string // RoleOrg, or the entity for a country; "-": no RoleOrg
}

func (w nameWant) matches(m article.Mention) bool {
	if m.Text != w.text || m.Label != w.label || m.Kind != w.kind || m.Role != w.role {
		return false
	}
	if w.org == "" {
		return true
	}
	if w.org == "-" {
		return m.RoleOrg == ""
	}
	return m.RoleOrg == w.org || (m.Label == graph.LabelCountry && m.Entity == w.org)
}

// TestNamesNoListKnows: names and role phrases the lists alone did not give, from the
// actor dictionaries, the tagger and the tree; and the known failures of capitalised
// chunks (sentence-initial words, title-case headlines, weekdays glued to names,
// organisations typed as people).
func TestNamesNoListKnows(t *testing.T) {
	cases := []struct {
		name string
		text string
		want []nameWant
		not  []string // mention texts that must not appear
	}{
		{"role phrase in apposition before a name", "On Tuesday the talks were led by the Iraqi Foreign Minister, Fuad Hussein, in Baghdad.",
			[]nameWant{{"the Iraqi Foreign Minister", graph.LabelPerson, article.KindRole, "Foreign Minister", "country:iraq"},
				{"Fuad Hussein", graph.LabelPerson, article.KindName, "Foreign Minister", "country:iraq"}}, nil},
		{"courtesy titles between the role and the name", "The delegation was received by the Minister of Foreign Affairs of Jordan, HE Dr Ayman Safadi.",
			[]nameWant{{"the Minister of Foreign Affairs of Jordan", graph.LabelPerson, article.KindRole, "Foreign Minister", "country:jordan"},
				{"Ayman Safadi", graph.LabelPerson, article.KindName, "Foreign Minister", "country:jordan"}}, []string{"HE Dr Ayman Safadi"}},
		{"a country's possessive before a title", "The plan was presented by Fuad Hussein, Iraq's foreign minister, on Monday.",
			[]nameWant{{"Iraq's foreign minister", graph.LabelPerson, article.KindRole, "Foreign Minister", "country:iraq"}}, nil},
		{"particle joined by a hyphen", "Talks were held with Ibrahim al-Hakim in the city.",
			[]nameWant{{"Ibrahim al-Hakim", graph.LabelPerson, article.KindName, "", ""}}, nil},
		{"a person the actor dictionaries list", "Reporters waited while Massoud Barzani spoke in Erbil.",
			[]nameWant{{"Massoud Barzani", graph.LabelPerson, article.KindName, "", ""}}, nil},
		{"a one-word name the actor dictionaries list", "Protesters marched against Assad in the capital.",
			[]nameWant{{"Assad", graph.LabelPerson, article.KindName, "", ""}}, nil},
		{"the government of a country is the country", "The Transitional Government of Mali asked for help.",
			[]nameWant{{"Transitional Government of Mali", graph.LabelCountry, article.KindName, "", "country:mali"}}, nil},
		{"an organisation by its head word", "The Kurdistan Regional Government signed the deal.",
			[]nameWant{{"Kurdistan Regional Government", graph.LabelOrganization, article.KindName, "", ""}}, nil},
		{"a country's Government is the country", "Diplomats said the Australian Government disagreed.",
			[]nameWant{{"Australian Government", graph.LabelCountry, article.KindDemonym, "", "country:australia"}}, nil},
		{"a country name's Government is the country", "The UK Government sent aid.",
			[]nameWant{{"UK Government", graph.LabelCountry, article.KindDemonym, "", "country:united-kingdom"}}, nil},
		{"a country after a locative preposition is no qualifier of a title", "In Turkey Minister Anna Soubry met refugees.",
			[]nameWant{{"Anna Soubry", graph.LabelPerson, article.KindName, "Minister", "-"}}, nil},
		{"a board with of", "Diplomats read what the UN Board of Inquiry wrote.",
			[]nameWant{{"UN Board of Inquiry", graph.LabelOrganization, article.KindName, "", ""}}, nil},
		{"two names coordinated with and the", "France supported the Global Coalition and the Government of Iraq.",
			[]nameWant{{"Global Coalition", graph.LabelOrganization, article.KindName, "", ""},
				{"Government of Iraq", graph.LabelCountry, article.KindName, "", "country:iraq"}},
			[]string{"Global Coalition and the Government of Iraq"}},
		{"and without the stays inside a name", "Analysts at the Department of Energy and Climate Change published data.",
			[]nameWant{{"Department of Energy and Climate Change", graph.LabelOrganization, article.KindName, "", ""}}, nil},
		{"a headline's verb ends the name", "Rebel Council Says It Will Attend Talks",
			[]nameWant{{"Rebel Council", graph.LabelOrganization, article.KindName, "", ""}},
			[]string{"Rebel Council Says It Will Attend Talks", "Rebel Council Says"}},
		{"a weekday is no part of a name", "On Monday Merkel met the press.",
			[]nameWant{{"Merkel", graph.LabelPerson, article.KindName, "", ""}}, []string{"Monday Merkel", "Monday"}},
		{"an organisation that speaks is no person", "The Syrian National Coalition said it would attend.",
			[]nameWant{{"Syrian National Coalition", graph.LabelOrganization, article.KindName, "", ""}}, nil},
		{"a collective noun ends no person's name", "Unnamed Western Officials said talks stalled.",
			nil, []string{"Unnamed Western Officials"}},
		{"a sentence-initial word the tagger reads as a common noun", "Peacekeepers Patrol Border Near Kursk",
			nil, []string{"Peacekeepers", "Peacekeepers Patrol", "Peacekeepers Patrol Border"}},
		{"a sentence-initial common word is no name", "Analysts expect the Transitional Council to meet.",
			[]nameWant{{"Transitional Council", graph.LabelOrganization, article.KindName, "", ""}},
			[]string{"Analysts", "Analysts expect"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := parsedMentions(t, c.text)
			for _, w := range c.want {
				found := false
				for _, m := range got {
					found = found || w.matches(m)
				}
				if !found {
					t.Errorf("no mention %+v in %s", w, show(got))
				}
			}
			for _, n := range c.not {
				for _, m := range got {
					if m.Text == n {
						t.Errorf("unexpected mention %q (%s) in %s", n, m.Label, show(got))
					}
				}
			}
		})
	}
}

// TestApposedRoleMarked: the role phrase of an apposition says so (the resolver ties it to
// the next name even across courtesy titles); a role phrase with no name after it does not.
func TestApposedRoleMarked(t *testing.T) {
	for text, want := range map[string]string{
		"The envoy met the Iraqi Foreign Minister, HE Fuad Hussein, in Rome.": "apposition",
		"The envoy met the Iraqi Foreign Minister in Rome.":                   "",
	} {
		found := false
		for _, m := range parsedMentions(t, text) {
			if m.Kind == article.KindRole && m.Text == "the Iraqi Foreign Minister" {
				found = true
				if m.Why != want {
					t.Errorf("%q: role phrase Why = %q, want %q", text, m.Why, want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no role phrase", text)
		}
	}
}

func show(ms []article.Mention) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString("[" + m.Text + " " + string(m.Label) + "/" + string(m.Kind) + " " + m.Role + " " + m.RoleOrg + "] ")
	}
	return b.String()
}
