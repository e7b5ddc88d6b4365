package extract

import (
	"slices"
	"strings"
	"testing"
)

// TestCAMEOCues: verbs imported from the CAMEO dictionary (extract/relate/data/cameo.tsv,
// use=position) give edges with the mapped type, and the guards that keep the imported
// verbs precise hold: an adjacent object only, no possessor object (but through data/proxies.tsv), no verb inside a name,
// and review-listed verbs give nothing.
func TestCAMEOCues(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"chided (111)", "Angela Merkel chided Viktor Orban on Tuesday.",
			[]string{"CRITICIZED Angela Merkel -> Viktor Orban (reported)"}, nil},
		{"reprimanded passive", "Viktor Orban was reprimanded by Ursula von der Leyen.",
			[]string{"CRITICIZED Ursula von der Leyen -> Viktor Orban (reported)"}, nil},
		{"lauded (051)", "Justin Trudeau lauded Emmanuel Macron for his climate plan.",
			[]string{"SUPPORTED Justin Trudeau -> Emmanuel Macron (reported)"}, nil},
		{"funds (061)", "Japan funds Ukraine through the World Bank.",
			[]string{"SUPPORTED Japan -> Ukraine (reported)"}, nil},
		{"stands by (051, obl:by)", "Canada stands by Ukraine.",
			[]string{"SUPPORTED Canada -> Ukraine (reported)"}, nil},
		{"will not exhort (100)", "Joe Biden will not exhort Israel again.",
			[]string{"PRESSURED Joe Biden -> Israel (negated)"}, nil},
		{"telephoned (041)", "Emmanuel Macron telephoned Olaf Scholz on Sunday.",
			[]string{"SPOKE_WITH Emmanuel Macron -> Olaf Scholz (reported)"}, nil},
		{"consulted (040)", "Rishi Sunak consulted Joe Biden before the vote.",
			[]string{"MET Joe Biden -> Rishi Sunak (reported)"}, nil},
		{"another verb before the object", "The plan will help persuade Germany to act.", nil,
			[]string{"SUPPORTED"}},
		// A possessor is the object only through an act or attribute noun (data/proxies.tsv):
		// "opposed Russia's annexation of Crimea" is CRITICIZED Russia (TestTreeRelations).
		{"possessor object", "France opposed Russia's grain exports.", nil,
			[]string{"CRITICIZED France -> Russia"}},
		{"verb inside a name", "Antony Blinken met the commander of the Armed Forces of Ukraine.", nil,
			[]string{"SUPPORTED"}},
		{"reviewed out: consider", "Germany considered Poland a partner.", nil,
			[]string{"MET"}},
		// Nominal cues added with the import (curated, cues.tsv).
		{"assistance to", "Japan pledged new assistance to Moldova.",
			[]string{"SUPPORTED Japan -> Moldova (reported)"}, nil},
		{"in support of", "Canada remains steadfast in support of Estonia.",
			[]string{"SUPPORTED Canada -> Estonia (reported)"}, nil},
		{"its commitment to", "Norway restated its commitment to Lithuania.",
			[]string{"SUPPORTED Norway -> Lithuania (reported)"}, nil},
		{"condemnation of", "Sweden voiced its condemnation of Belarus on Monday.",
			[]string{"CRITICIZED Sweden -> Belarus (reported)"}, nil},
		{"condemnation of without an owner", "Condemnation of Belarus grew on Monday.", nil,
			[]string{"CRITICIZED"}},
		{"adverbial phrase before the object", "Germany condemned in the strongest terms the Russian government.",
			[]string{"CRITICIZED Germany -> Russia (reported)"}, nil},
		// An actor after a preposition that opens no adverbial phrase is no object.
		{"a preposition before the object is no adverbial", "Germany condemned in talks with Russia the attack on the embassy.", nil,
			[]string{"CRITICIZED"}},
		// The tree reads the object after a place adverbial (an obl of the verb).
		{"the tree reads the object after a place", "Germany condemned in Berlin the Russian government.",
			[]string{"CRITICIZED Germany -> Russia (reported)"}, nil},
		{"stands shoulder to shoulder with", "Finland stands shoulder to shoulder with Ukraine.",
			[]string{"SUPPORTED Finland -> Ukraine (reported)"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, nodes, edges := extractText(t, c.text, "2024-05-15")
			got := facts(nodes, edges)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q\n got %v", w, got)
				}
			}
			for _, n := range c.not {
				for _, g := range got {
					if strings.HasPrefix(g, n) {
						t.Errorf("unexpected %q (not %q)", g, n)
					}
				}
			}
		})
	}
}
