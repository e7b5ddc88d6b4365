package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestTreeRelations: relations read from the dependency tree (extract/relate/tree.go), at
// least five cases per relationship type, covering passive, negated, planned, coordinated,
// nominal, participial and relative clauses, control and clausal complements. Every
// sentence is written for this test. want lists facts that must be found ("TYPE from -> to
// (status)"; MET and SPOKE_WITH with the smaller node id first), not prefixes of facts that
// must not be.
func TestTreeRelations(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		// MET
		{"met: passive", "Olaf Scholz was met by Joe Biden at the airport.",
			[]string{"MET Joe Biden -> Olaf Scholz (reported)"}, nil},
		{"met: coordinated both sides", "Emmanuel Macron and Olaf Scholz met Joe Biden and Justin Trudeau in Rome.",
			[]string{"MET Emmanuel Macron -> Joe Biden (reported)", "MET Emmanuel Macron -> Justin Trudeau (reported)",
				"MET Joe Biden -> Olaf Scholz (reported)", "MET Justin Trudeau -> Olaf Scholz (reported)"}, nil},
		{"met: raising, planned", "Antony Blinken is expected to meet Wang Yi next week.",
			[]string{"MET Antony Blinken -> Wang Yi (planned)"}, nil},
		{"met: participial clause", "Antony Blinken flew to Beijing on Monday, meeting Wang Yi on Tuesday.",
			[]string{"MET Antony Blinken -> Wang Yi (reported)"}, nil},
		{"met: negated", "Viktor Orban has never met Joe Biden.",
			[]string{"MET Joe Biden -> Viktor Orban (negated)"}, nil},
		{"met: signed an agreement, reciprocal", "Spain and Morocco signed a fisheries agreement on Monday.",
			[]string{"MET Morocco -> Spain (reported)"}, nil},
		{"met: agreement signed by", "Italy welcomed the agreement signed by Serbia and Kosovo.",
			[]string{"MET Kosovo -> Serbia (reported)"}, nil},
		{"met: agreement between", "France praised the agreement between Armenia and Azerbaijan.",
			[]string{"MET Armenia -> Azerbaijan (reported)"}, nil},
		{"met: along with adds no meeting", "Rishi Sunak will attend the NATO summit in Vilnius along with Olaf Scholz.",
			nil, []string{"MET"}},
		{"met: reached a deal with", "Serbia reached a deal with Kosovo after long talks.",
			[]string{"MET Kosovo -> Serbia (reported)"}, nil},
		// SPOKE_WITH
		{"spoke: coordinated objects", "Olaf Scholz held a phone call with Xi Jinping and Narendra Modi.",
			[]string{"SPOKE_WITH Olaf Scholz -> Xi Jinping (reported)", "SPOKE_WITH Narendra Modi -> Olaf Scholz (reported)"}, nil},
		{"spoke: raising, planned", "Olaf Scholz is expected to speak by phone with Joe Biden on Friday.",
			[]string{"SPOKE_WITH Joe Biden -> Olaf Scholz (planned)"}, nil},
		{"spoke: negated", "Olaf Scholz did not speak by phone with Vladimir Putin.",
			[]string{"SPOKE_WITH Olaf Scholz -> Vladimir Putin (negated)"}, nil},
		{"spoke: nominal with possessor", "Joe Biden's phone call with Xi Jinping lasted two hours.",
			[]string{"SPOKE_WITH Joe Biden -> Xi Jinping (reported)"}, nil},
		{"spoke: coordinated phoned", "Antony Blinken phoned Wang Yi and Sergey Lavrov.",
			[]string{"SPOKE_WITH Antony Blinken -> Wang Yi (reported)", "SPOKE_WITH Antony Blinken -> Sergey Lavrov (reported)"}, nil},
		// PRESSURED
		{"pressured: passive, coordinated agents", "Hungary was pressured by France and Germany.",
			[]string{"PRESSURED France -> Hungary (reported)", "PRESSURED Germany -> Hungary (reported)"}, nil},
		{"pressured: coordinated objects of urge", "Joe Biden urged Germany and France to raise defence spending.",
			[]string{"PRESSURED Joe Biden -> Germany (reported)", "PRESSURED Joe Biden -> France (reported)"}, nil},
		{"pressured: negated", "Joe Biden did not pressure Israel.",
			[]string{"PRESSURED Joe Biden -> Israel (negated)"}, nil},
		{"pressured: participial clause", "Emmanuel Macron closed the summit, urging Germany to spend more.",
			[]string{"PRESSURED Emmanuel Macron -> Germany (reported)"}, nil},
		{"pressured: planned", "Joe Biden will press Japan on trade next week.",
			[]string{"PRESSURED Joe Biden -> Japan (planned)"}, nil},
		{"pressured: clausal complement", "Joe Biden demanded that Israel allow more aid into Gaza.",
			[]string{"PRESSURED Joe Biden -> Israel (reported)"}, nil},
		{"pressured: sanctioned, coordinated objects", "The European Union sanctioned Russia and Belarus.",
			[]string{"PRESSURED European Union -> Russia (reported)", "PRESSURED European Union -> Belarus (reported)"}, nil},
		{"pressured: sanctions on, owner is the clause subject", "The United States imposed new sanctions on Venezuela.",
			[]string{"PRESSURED United States -> Venezuela (reported)"}, nil},
		{"pressured: sanctions on without an owner", "The sanctions on Venezuela hurt its economy.",
			nil, []string{"PRESSURED"}},
		{"pressured: sanctions asked for are not the asker's", "Ukraine had hoped to press Germany for tougher sanctions on Russia.",
			[]string{"PRESSURED Ukraine -> Germany (reported)"}, []string{"PRESSURED Ukraine -> Russia"}},
		{"pressured: sanctions welcomed are not the welcomer's", "Canada welcomed the sanctions on Russia.",
			nil, []string{"PRESSURED"}},
		{"pressured: a verb that claims the sanctions", "Japan slapped new sanctions on North Korea.",
			[]string{"PRESSURED Japan -> North Korea (reported)"}, nil},
		{"pressured: insisted that, mandative complement", "Germany insisted that Hungary lift its veto.",
			[]string{"PRESSURED Germany -> Hungary (reported)"}, nil},
		{"pressured: insisted that, a statement", "Germany insisted that Hungary was wrong.",
			nil, []string{"PRESSURED"}},
		{"pressured: a statement is no demand", "China warned that Taiwan was a red line.",
			nil, []string{"PRESSURED China -> Taiwan"}},
		{"pressured: a prediction is no demand", "Spain warned that Morocco could close the border.",
			nil, []string{"PRESSURED"}},
		{"pressured: a modal of obligation is a demand", "Germany insisted that Hungary must lift its veto.",
			[]string{"PRESSURED Germany -> Hungary (reported)"}, nil},
		// CRITICIZED
		{"criticized: participial clause takes the main subject", "Wang Yi left the talks, accusing Germany of bad faith.",
			[]string{"CRITICIZED Wang Yi -> Germany (reported)"}, nil},
		{"criticized: act of an actor", "France opposed Russia's annexation of Crimea.",
			[]string{"CRITICIZED France -> Russia (reported)"}, nil},
		{"criticized: nominal owned by the clause subject", "Italy is united in its condemnation of Russia.",
			[]string{"CRITICIZED Italy -> Russia (reported)"}, nil},
		{"criticized: passive, coordinated agents", "Russia was condemned by Poland and Estonia.",
			[]string{"CRITICIZED Poland -> Russia (reported)", "CRITICIZED Estonia -> Russia (reported)"}, nil},
		{"criticized: relative clause", "Poland, which has criticized Hungary, called for new sanctions.",
			[]string{"CRITICIZED Poland -> Hungary (reported)"}, nil},
		{"criticized: negated control", "Germany refused to criticize China.",
			[]string{"CRITICIZED Germany -> China (negated)"}, nil},
		{"criticized: object shared with the next verb", "Canada condemned and sanctioned Belarus.",
			[]string{"CRITICIZED Canada -> Belarus (reported)", "PRESSURED Canada -> Belarus (reported)"}, nil},
		{"criticized: appalled by an act", "Germany is appalled by Russia's attack on Kyiv.",
			[]string{"CRITICIZED Germany -> Russia (reported)"}, nil},
		{"criticized: coordinated owners of an act", "The European Union condemned the attacks of Hamas and Hezbollah on Monday.",
			[]string{"CRITICIZED European Union -> Hamas (reported)", "CRITICIZED European Union -> Hezbollah (reported)"}, nil},
		{"criticized: participial stance", "Poland, dismayed by the decision of Hungary, recalled its ambassador.",
			[]string{"CRITICIZED Poland -> Hungary (reported)"}, nil},
		{"criticized: the speaker of a quotation", "Joe Biden said:\nI condemn Russia in the strongest terms.",
			[]string{"CRITICIZED Joe Biden -> Russia (reported)"}, nil},
		{"criticized: I without a speaker is nobody", "I condemn Russia in the strongest terms.",
			nil, []string{"CRITICIZED"}},
		// SUPPORTED
		{"supported: attribute of a country", "The United States supports Iraqi unity and sovereignty.",
			[]string{"SUPPORTED United States -> Iraq (reported)"}, nil},
		{"supported: government and people of, planned", "Canada will stand with the government and people of Ukraine.",
			[]string{"SUPPORTED Canada -> Ukraine (planned)"}, nil},
		{"supported: nominal from", "Support for Moldova from Romania is growing.",
			[]string{"SUPPORTED Romania -> Moldova (reported)"}, nil},
		{"supported: welcoming an act is approval", "Germany welcomed Ukraine's decision to hold elections.",
			[]string{"SUPPORTED Germany -> Ukraine (reported)"}, []string{"HOSTED"}},
		{"supported: participial clause", "Japan announced new loans, praising Ukraine for its reforms.",
			[]string{"SUPPORTED Japan -> Ukraine (reported)"}, nil},
		{"supported: a collective used as a modifier names its country", "Concerns grew over Iranian military aid to Syria.",
			[]string{"SUPPORTED Iran -> Syria (reported)"}, []string{"SUPPORTED Iran military"}},
		{"supported: verb ending in its preposition", "Poland sided with Ukraine.",
			[]string{"SUPPORTED Poland -> Ukraine (reported)"}, nil},
		{"criticized: opposition to", "Hungary voiced its opposition to Ukraine.",
			[]string{"CRITICIZED Hungary -> Ukraine (reported)"}, nil},
		{"supported: the speaker of a quoted sentence", "\"I will support Ukraine,\" Joe Biden said.",
			[]string{"SUPPORTED Joe Biden -> Ukraine (planned)"}, nil},
		{"supported: negated", "Hungary did not endorse Ukraine.",
			[]string{"SUPPORTED Hungary -> Ukraine (negated)"}, nil},
		{"supported: reported pronoun", "Japan says it will support Ukraine and Moldova.",
			[]string{"SUPPORTED Japan -> Ukraine (planned)", "SUPPORTED Japan -> Moldova (planned)"}, nil},
		{"supported: encouraged by an act", "Canada is encouraged by the decision of Moldova to hold elections.",
			[]string{"SUPPORTED Canada -> Moldova (reported)"}, nil},
		// VISITED
		{"visited: raising, planned", "Joe Biden is expected to visit Poland next month.",
			[]string{"VISITED Joe Biden -> Poland (planned)"}, nil},
		{"visited: coordinated objects", "Antony Blinken visited Japan and South Korea.",
			[]string{"VISITED Antony Blinken -> Japan (reported)", "VISITED Antony Blinken -> South Korea (reported)"}, nil},
		{"visited: coordinated subjects", "Emmanuel Macron and Olaf Scholz visited Kyiv.",
			[]string{"VISITED Emmanuel Macron -> Kyiv (reported)", "VISITED Olaf Scholz -> Kyiv (reported)"}, nil},
		{"visited: negated", "Joe Biden did not visit Ukraine.",
			[]string{"VISITED Joe Biden -> Ukraine (negated)"}, nil},
		{"visited: nominal with possessor", "Olaf Scholz's visit to India ended on Sunday.",
			[]string{"VISITED Olaf Scholz -> India (reported)"}, nil},
		{"visited: relative clause", "Antony Blinken, who visited Egypt on Monday, flew home.",
			[]string{"VISITED Antony Blinken -> Egypt (reported)"}, nil},
		// ATTENDED
		{"attended: coordinated subjects", "Joe Biden and Rishi Sunak attended the G7 summit in Hiroshima.",
			[]string{"ATTENDED Joe Biden -> G7 summit (reported)", "ATTENDED Rishi Sunak -> G7 summit (reported)"}, nil},
		{"attended: negated raising", "Vladimir Putin is not expected to attend the G20 summit in New Delhi.",
			[]string{"ATTENDED Vladimir Putin -> G20 summit (negated)"}, nil},
		{"attended: participial clause", "Olaf Scholz flew to Japan, attending the G7 summit in Hiroshima.",
			[]string{"ATTENDED Olaf Scholz -> G7 summit (reported)"}, nil},
		{"attended: planned, along with", "Rishi Sunak will attend the NATO summit in Vilnius along with Olaf Scholz.",
			[]string{"ATTENDED Rishi Sunak -> NATO summit (planned)", "ATTENDED Olaf Scholz -> NATO summit (planned)"}, nil},
		{"attended: passive", "The NATO summit in Madrid was attended by Joe Biden.",
			[]string{"ATTENDED Joe Biden -> NATO summit (reported)"}, nil},
		// HOSTED
		{"hosted: passive", "The G7 summit in Hiroshima was hosted by Japan.",
			[]string{"HOSTED Japan -> G7 summit (reported)"}, nil},
		{"hosted: coordinated objects", "Japan hosted Joe Biden and Rishi Sunak.",
			[]string{"HOSTED Japan -> Joe Biden (reported)", "HOSTED Japan -> Rishi Sunak (reported)"}, nil},
		{"hosted: planned", "Lithuania is set to host the NATO summit in Vilnius.",
			[]string{"HOSTED Lithuania -> NATO summit (planned)"}, nil},
		{"hosted: negated", "Germany did not host the G20 summit in Hamburg.",
			[]string{"HOSTED Germany -> G20 summit (negated)"}, nil},
		{"hosted: relative clause", "Japan, which hosted the G7 summit in Hiroshima, praised Ukraine.",
			[]string{"HOSTED Japan -> G7 summit (reported)"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, nodes, edges := extractText(t, c.text, "2024-05-15")
			checkFacts(t, facts(nodes, edges), c.want, c.not)
		})
	}
}

// TestTreeRelationsAcrossParses: readings that must hold whichever way a parser labels the
// phrase (extract/relate/tree_robust.go): a subjunctive tagged as a past tense, a fronted
// subject taken for a vocative, a name tagged as a verb, an object taken for the subject of
// the next clause, a noun's complement hung on its verb, the subject shared with a passive
// clause, a relative clause without a subject, a list whose first name hangs apart, a
// conjunct hung on the verb. Every sentence is written for this test.
func TestTreeRelationsAcrossParses(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"subjunctive in a form the tagger may call past", "France insisted that Italy cut its deficit.",
			[]string{"PRESSURED France -> Italy (reported)"}, nil},
		{"an irregular past after insist is a statement", "Germany insisted that Hungary withdrew its veto last week.",
			nil, []string{"PRESSURED"}},
		{"fronted subject of a stance participle", "Lithuania, horrified by the attack of Russia, closed its border.",
			[]string{"CRITICIZED Lithuania -> Russia (reported)"}, nil},
		{"fronted subject, stance with", "Estonia, disappointed with the decision of Hungary, summoned its ambassador.",
			[]string{"CRITICIZED Estonia -> Hungary (reported)"}, nil},
		{"a relative clause without a subject lends none", "Olaf Scholz, who was pressured by Joe Biden over his gas deals with Moscow, praised Emmanuel Macron.",
			[]string{"SUPPORTED Olaf Scholz -> Emmanuel Macron (reported)"}, []string{"SUPPORTED Russia", "SUPPORTED Joe Biden"}},
		{"a clause shares the passive clause's subject", "Joe Biden was criticised by Donald Trump and flew to Warsaw on Monday.",
			[]string{"VISITED Joe Biden -> Warsaw (reported)"}, []string{"VISITED Donald Trump"}},
		{"a participle shares the passive clause's subject", "Keir Starmer was welcomed by Narendra Modi before flying to Mumbai.",
			[]string{"VISITED Keir Starmer -> Mumbai (reported)"}, []string{"VISITED Narendra Modi"}},
		{"a name the tagger calls a verb is the subject", "Donald Trump said on Monday.\nTrump could impose new sanctions on Venezuela when the waivers expire.",
			[]string{"PRESSURED Donald Trump -> Venezuela (hypothetical)"}, nil},
		{"an object read as the subject of the clause above", "Yesterday, Kenya and Ethiopia signed a power supply agreement that, once ratified, will enable Kenya to import electricity.",
			[]string{"MET Ethiopia -> Kenya (reported)"}, nil},
		{"an agreement read as the subject of a complement clause", "Last week, Vietnam and the Philippines signed a coast guard agreement that, once approved, will allow joint patrols.",
			[]string{"MET Philippines -> Vietnam (reported)"}, nil},
		{"a list whose first name the tagger took for an adverb", "Italy, France and Spain on Wednesday condemned Russia.",
			[]string{"CRITICIZED Italy -> Russia (reported)", "CRITICIZED France -> Russia (reported)", "CRITICIZED Spain -> Russia (reported)"}, nil},
		{"a list whose first name the parser took for a compound", "Canada, Japan and Australia criticised China.",
			[]string{"CRITICIZED Canada -> China (reported)", "CRITICIZED Japan -> China (reported)", "CRITICIZED Australia -> China (reported)"}, nil},
		{"a conjunct the parser hung on the verb", "Japan criticised China as well as North Korea.",
			[]string{"CRITICIZED Japan -> China (reported)", "CRITICIZED Japan -> North Korea (reported)"}, nil},
		{"a conjunct the parser hung on the verb as a conjunct", "In Kenya Minister Mitchell met with the Somali National Alliance, as well as local Kenyan and Ugandan organisations focused on helping refugees.",
			[]string{"MET Somali National Alliance -> Mitchell (reported)", "MET Uganda ngo -> Mitchell (reported)"}, nil},
		{"a conjunct the parser made the subject of an adverbial clause", "In Jordan Minister Mitchell met with the Syrian Opposition Coalition, as well as local Jordanian and British organisations focused on supporting refugees, and preventing violence in camps.",
			[]string{"MET Jordan ngo -> Mitchell (reported)", "MET United Kingdom ngo -> Mitchell (reported)"}, nil},
		{"a coordinated clause's subject is no conjunct of the object", "Japan criticised China, and South Korea praised the decision.",
			[]string{"CRITICIZED Japan -> China (reported)"}, []string{"CRITICIZED Japan -> South Korea"}},
		{"a conjunct after a phrase of the object's own is not the object's", "Germany welcomed the agreement on Monday between the Government of Serbia, led by President Aleksandar Vucic, and the Government of Kosovo, represented by Prime Minister Albin Kurti.",
			nil, []string{"HOSTED Germany"}},
		{"a time phrase labelled obl:unmarked", "Joe Biden visits Poland next month.",
			[]string{"VISITED Joe Biden -> Poland (planned)"}, nil},
		{"a definite time phrase counts from the story's time", "Olaf Scholz landed in Rome on Monday and met Giorgia Meloni the next day.",
			[]string{"MET Giorgia Meloni -> Olaf Scholz (reported)"}, nil},
		{"a name the tagger took for a verb is the object", "Joe Biden meets Xi Jinping next week.",
			[]string{"MET Joe Biden -> Xi Jinping (planned)"}, nil},
		{"a name the parser made a modifier of a day word", "Olaf Scholz travels to Paris tomorrow.",
			[]string{"VISITED Olaf Scholz -> Paris (planned)"}, nil},
		{"a noun's complement on its verb", "Canada confirmed its support on Monday for Moldova.",
			[]string{"SUPPORTED Canada -> Moldova (reported)"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, nodes, edges := extractText(t, c.text, "2024-05-15")
			checkFacts(t, facts(nodes, edges), c.want, c.not)
		})
	}
}

// TestTreePartnershipMembers: the members named by "between" are the subject of an
// infinitive on the noun ("a partnership between X and Y to support Z"), read from the tree
// (the position engine finds the same pair here by adjacency, so the rule is checked).
func TestTreePartnershipMembers(t *testing.T) {
	_, nodes, edges := extractText(t, "The new school is part of a partnership between Kenya and Norway to support Somalia.", "2024-05-15")
	checkFacts(t, facts(nodes, edges), []string{"SUPPORTED Kenya -> Somalia (reported)", "SUPPORTED Norway -> Somalia (reported)"}, nil)
	for _, e := range edges {
		if e.Type == graph.RelSupported && !strings.HasSuffix(e.Rule, "/tree") {
			t.Errorf("%s %s -> %s: rule %s, want the tree engine's", e.Type, e.From, e.To, e.Rule)
		}
	}
}
