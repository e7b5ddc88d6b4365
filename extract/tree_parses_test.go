package extract

import (
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/graph"
)

// extractGivenParse runs segment -> parse -> recognize -> resolve -> relate on text, with
// the last sentence's tree replaced by the given one: rows "ID FORM UPOS XPOS HEAD DEPREL"
// (CoNLL-U's columns 1, 2, 4, 5, 7, 8, space-separated), as some parser produced it. The
// relation rules are then tested on that labelling whatever the committed model makes of
// the sentence.
func extractGivenParse(t *testing.T, text, rows string) ([]graph.Node, []graph.Edge) {
	t.Helper()
	p := pipeline(t)
	d := &article.Doc{Meta: graph.Article{ID: "t", Published: "2024-05-15"}, Text: text}
	d.Blocks = splitKeep(text)
	p.seg.Segment(d)
	p.syn.Parse(d)
	ws := d.Sentences[len(d.Sentences)-1].Words
	lines := strings.Split(strings.TrimSpace(rows), "\n")
	if len(lines) != len(ws) {
		t.Fatalf("given parse has %d words, the sentence %d", len(lines), len(ws))
	}
	for i, line := range lines {
		f := strings.Fields(line)
		head, err := strconv.Atoi(f[4])
		if len(f) != 6 || err != nil || f[0] != strconv.Itoa(i+1) || f[1] != ws[i].Form {
			t.Fatalf("given parse row %q does not fit word %d %q", line, i+1, ws[i].Form)
		}
		ws[i].UPOS, ws[i].XPOS, ws[i].Head, ws[i].Deprel = f[2], f[3], head-1, f[5]
	}
	syntax.Restore(d, syntax.Save(d)) // links tokens to the given words and tags
	p.rec.Recognize(d)
	r := p.res.Local(d)
	nodes, _ := p.res.Global([]*resolve.Result{r})
	return nodes, p.rel.Relate(r)
}

// TestTreeReadingsOfGivenParses: each reading of extract/relate/tree_robust.go on the
// labelling that called for it, as a parser produced it (the cluster model decoded at the
// beam named — the model file asks for 8, what extract uses — or main's earlier model), so that the rules stay tested when the committed model
// parses these sentences otherwise. Every sentence is written for this test.
func TestTreeReadingsOfGivenParses(t *testing.T) {
	cases := []struct {
		name, text, parse string
		want, not         []string
	}{
		{"complement clause labelled xcomp (cluster model, beam 4)", "Joe Biden demanded that Israel allow more aid into Gaza.", `
1 Joe PROPN NNP 2 compound
2 Biden PROPN NNP 3 nsubj
3 demanded VERB VBD 0 root
4 that SCONJ IN 6 mark
5 Israel PROPN NNP 6 nsubj
6 allow VERB VB 3 xcomp
7 more ADJ JJR 8 amod
8 aid NOUN NN 6 obj
9 into ADP IN 10 case
10 Gaza PROPN NNP 8 nmod
11 . PUNCT . 3 punct`, []string{"PRESSURED Joe Biden -> Israel (reported)"}, nil},
		{"subjunctive tagged VBD (cluster model, beam 4)", "Germany insisted that Hungary lift its veto.", `
1 Germany PROPN NNP 2 nsubj
2 insisted VERB VBD 0 root
3 that SCONJ IN 5 mark
4 Hungary PROPN NNP 5 nsubj
5 lift VERB VBD 2 ccomp
6 its PRON PRP$ 7 nmod:poss
7 veto NOUN NN 5 obj
8 . PUNCT . 2 punct`, []string{"PRESSURED Germany -> Hungary (reported)"}, nil},
		{"fronted subject as a vocative (cluster model, beam 4)", "Poland, dismayed by the decision of Hungary, recalled its ambassador.", `
1 Poland PROPN NNP 3 vocative
2 , PUNCT , 1 punct
3 dismayed VERB VBN 0 root
4 by ADP IN 6 case
5 the DET DT 6 det
6 decision NOUN NN 3 obl:agent
7 of ADP IN 8 case
8 Hungary PROPN NNP 6 nmod
9 , PUNCT , 10 punct
10 recalled VERB VBD 3 conj
11 its PRON PRP$ 12 nmod:poss
12 ambassador NOUN NN 10 obj
13 . PUNCT . 3 punct`, []string{"CRITICIZED Poland -> Hungary (reported)"}, nil},
		{"a name tagged as the verb (cluster model, beam 8 as committed)", "Donald Trump said on Monday.\nTrump could impose new sanctions on Venezuela when the waivers expire.", `
1 Trump VERB VB 0 root
2 could AUX MD 1 aux
3 impose VERB VB 1 parataxis
4 new ADJ JJ 5 amod
5 sanctions NOUN NNS 3 obj
6 on ADP IN 7 case
7 Venezuela PROPN NNP 3 obl
8 when ADV WRB 11 advmod
9 the DET DT 10 det
10 waivers NOUN NNS 11 nsubj
11 expire VERB VBP 3 advcl
12 . PUNCT . 1 punct`, []string{"PRESSURED Donald Trump -> Venezuela (hypothetical)"}, nil},
		{"an object read as the subject of the clause above (cluster model, beam 4)", "Yesterday, Kenya and Ethiopia signed a power supply agreement that, once ratified, will enable Kenya to import electricity.", `
1 Yesterday NOUN NN 6 obl:unmarked
2 , PUNCT , 1 punct
3 Kenya PROPN NNP 6 nsubj
4 and CCONJ CC 5 cc
5 Ethiopia PROPN NNP 3 conj
6 signed VERB VBD 17 advcl
7 a DET DT 10 det
8 power NOUN NN 10 compound
9 supply NOUN NN 10 compound
10 agreement NOUN NN 17 nsubj
11 that PRON WDT 14 mark
12 , PUNCT , 11 punct
13 once ADV RB 14 advmod
14 ratified VERB VBN 10 acl:relcl
15 , PUNCT , 10 punct
16 will AUX MD 17 aux
17 enable VERB VB 0 root
18 Kenya PROPN NNP 17 obj
19 to PART TO 20 mark
20 import VERB VB 17 xcomp
21 electricity NOUN NN 20 obj
22 . PUNCT . 17 punct`, []string{"MET Ethiopia -> Kenya (reported)"}, nil},
		{"a list opened by a name tagged ADV (cluster model, beam 4)", "Italy, France and Spain on Wednesday condemned Russia.", `
1 Italy ADV RB 8 advmod
2 , PUNCT , 1 punct
3 France PROPN NNP 8 nsubj
4 and CCONJ CC 5 cc
5 Spain PROPN NNP 3 conj
6 on ADP IN 7 case
7 Wednesday PROPN NNP 3 nmod
8 condemned VERB VBN 0 root
9 Russia PROPN NNP 8 obj
10 . PUNCT . 8 punct`, []string{"CRITICIZED Italy -> Russia (reported)", "CRITICIZED France -> Russia (reported)"}, nil},
		{"sanctions under a comparative tagged VERB are not the asker's (cluster model, beam 4)", "Ukraine had hoped to press Germany for more air defence systems and tougher sanctions on Russia.", `
1 Ukraine PROPN NNP 3 nsubj
2 had AUX VBD 3 aux
3 hoped VERB VBN 0 root
4 to PART TO 5 mark
5 press VERB VB 3 xcomp
6 Germany PROPN NNP 5 obj
7 for ADP IN 11 case
8 more ADJ JJR 9 amod
9 air NOUN NN 11 compound
10 defence NOUN NN 11 compound
11 systems NOUN NNS 5 obl
12 and CCONJ CC 13 cc
13 tougher VERB VB 5 conj
14 sanctions NOUN NNS 13 obj
15 on ADP IN 16 case
16 Russia PROPN NNP 14 nmod
17 . PUNCT . 3 punct`, []string{"PRESSURED Ukraine -> Germany (reported)"}, []string{"PRESSURED Ukraine -> Russia"}},
		{"the main verb hung on a relative clause keeps its own modality (cluster model, beam 4)", "Viktor Orban, who was not invited, praised Donald Trump.", `
1 Viktor PROPN NNP 0 root
2 Orban PROPN NNP 1 flat
3 , PUNCT , 7 punct
4 who PRON WP 7 nsubj:pass
5 was AUX VBD 7 aux:pass
6 not PART RB 7 advmod
7 invited VERB VBN 1 acl:relcl
8 , PUNCT , 9 punct
9 praised VERB VBN 7 conj
10 Donald PROPN NNP 9 obj
11 Trump PROPN NNP 10 flat
12 . PUNCT . 1 punct`, []string{"SUPPORTED Viktor Orban -> Donald Trump (reported)"}, nil},
		{"a determiner made the head of its phrase (cluster model, beam 2)", "Justin Trudeau said:\nI am appalled by this latest brutal attack by Iran’s regime, days after footage emerged.", `
1 I PRON PRP 3 nsubj:pass
2 am AUX VBP 3 aux:pass
3 appalled VERB VBN 0 root
4 by ADP IN 5 case
5 this PRON DT 3 obl:agent
6 latest ADJ JJS 8 amod
7 brutal ADJ JJ 8 amod
8 attack NOUN NN 3 obl:agent
9 by ADP IN 12 case
10 Iran PROPN NNP 12 nmod:poss
11 ’s PART POS 10 case
12 regime NOUN NN 8 nmod
13 , PUNCT , 14 punct
14 days NOUN NNS 8 appos
15 after ADP IN 17 mark
16 footage NOUN NN 17 nsubj
17 emerged VERB VBD 14 advcl
18 . PUNCT . 3 punct`, []string{"CRITICIZED Justin Trudeau -> Iran (reported)"}, nil},
		{"the government and people of X, the people hung elsewhere (cluster model, beam 1)", "Canada reaffirms its commitment to help the government and people of Haiti in this struggle, and remains steadfast in its support.", `
1 Canada PROPN NNP 2 nsubj
2 reaffirms VERB VBZ 0 root
3 its PRON PRP$ 4 nmod:poss
4 commitment NOUN NN 2 obj
5 to PART TO 6 mark
6 help VERB VB 4 acl
7 the DET DT 8 det
8 government NOUN NN 6 obj
9 and CCONJ CC 10 cc
10 people NOUN NNS 4 conj
11 of ADP IN 12 case
12 Haiti PROPN NNP 10 nmod
13 in ADP IN 15 case
14 this DET DT 15 det
15 struggle NOUN NN 2 obl
16 , PUNCT , 18 punct
17 and CCONJ CC 18 cc
18 remains VERB VBZ 2 conj
19 steadfast NOUN NN 18 obj
20 in ADP IN 22 case
21 its PRON PRP$ 22 nmod:poss
22 support NOUN NN 19 nmod
23 . PUNCT . 2 punct`, []string{"SUPPORTED Canada -> Haiti (reported)"}, nil},
		{"a conjunct hung on the last word of a name (cluster model, beam 1)", "Rishi Sunak will attend the NATO summit along with Italian Prime Minister Giorgia Meloni and European Commission President Ursula von der Leyen.", `
1 Rishi PROPN NNP 4 nsubj
2 Sunak PROPN NNP 1 flat
3 will AUX MD 4 aux
4 attend VERB VB 0 root
5 the DET DT 7 det
6 NATO PROPN NNP 7 compound
7 summit NOUN NN 4 obj
8 along ADP IN 12 case
9 with ADP IN 12 case
10 Italian ADJ JJ 12 amod
11 Prime ADJ NNP 12 amod
12 Minister PROPN NNP 4 obl
13 Giorgia PROPN NNP 12 flat
14 Meloni PROPN NNP 12 flat
15 and CCONJ CC 16 cc
16 European PROPN NNP 14 conj
17 Commission PROPN NNP 18 compound
18 President PROPN NNP 19 nmod:desc
19 Ursula PROPN NNP 14 conj
20 von NOUN NN 21 compound
21 der NOUN NN 19 list
22 Leyen PROPN NNP 19 amod
23 . PUNCT . 4 punct`, []string{"ATTENDED Giorgia Meloni -> NATO summit (planned)", "ATTENDED Ursula von der Leyen -> NATO summit (planned)"}, nil},
		{"along with hung on the title before the name (three-parser ensemble)", "Rishi Sunak will attend the NATO summit along with Italian Prime Minister Giorgia Meloni.", `
1 Rishi PROPN NNP 4 nsubj
2 Sunak PROPN NNP 1 flat
3 will AUX MD 4 aux
4 attend VERB VB 0 root
5 the DET DT 7 det
6 NATO PROPN NNP 7 compound
7 summit NOUN NN 4 obj
8 along ADP IN 12 case
9 with ADP IN 12 case
10 Italian ADJ JJ 12 amod
11 Prime ADJ NNP 12 amod
12 Minister PROPN NNP 13 nmod:desc
13 Giorgia PROPN NNP 4 obl
14 Meloni PROPN NNP 13 flat
15 . PUNCT . 4 punct`, []string{"ATTENDED Rishi Sunak -> NATO summit (planned)", "ATTENDED Giorgia Meloni -> NATO summit (planned)"}, nil},
		{"along left on the verb as an adverb (three-parser ensemble)", "Emmanuel Macron will attend the G7 summit in Rome along with Pedro Sanchez.", `
1 Emmanuel PROPN NNP 4 nsubj
2 Macron PROPN NNP 1 flat
3 will AUX MD 4 aux
4 attend VERB VB 0 root
5 the DET DT 7 det
6 G7 PROPN NNP 7 compound
7 summit NOUN NN 4 obj
8 in ADP IN 9 case
9 Rome PROPN NNP 4 obl
10 along ADV RB 4 advmod
11 with ADP IN 13 case
12 Pedro PROPN NNP 13 compound
13 Sanchez PROPN NNP 4 obl
14 . PUNCT . 4 punct`, []string{"ATTENDED Emmanuel Macron -> G7 summit (planned)", "ATTENDED Pedro Sanchez -> G7 summit (planned)"}, nil},
		{"a list split into two subjects of one verb (three-parser ensemble)", "Chile, Peru and Bolivia condemned Venezuela.", `
1 Chile PROPN NNP 6 nsubj
2 , PUNCT , 1 punct
3 Peru PROPN NNP 6 nsubj
4 and CCONJ CC 5 cc
5 Bolivia PROPN NNP 3 conj
6 condemned VERB VBD 0 root
7 Venezuela PROPN NNP 6 obj
8 . PUNCT . 6 punct`, []string{"CRITICIZED Chile -> Venezuela (reported)", "CRITICIZED Peru -> Venezuela (reported)", "CRITICIZED Bolivia -> Venezuela (reported)"}, nil},
		{"a conjunct hung on the verb as an obl (cluster model, beam 8 as committed)", "Japan criticised China as well as North Korea.", `
1 Japan PROPN NNP 2 nsubj
2 criticised VERB VBD 0 root
3 China PROPN NNP 2 obj
4 as ADV RB 8 cc
5 well ADV RB 4 fixed
6 as ADP IN 4 fixed
7 North PROPN NNP 8 compound
8 Korea PROPN NNP 2 obl
9 . PUNCT . 2 punct`, []string{"CRITICIZED Japan -> North Korea (reported)"}, nil},
		{"a conjunct made the subject of an adverbial clause, its coordinator a mark (cluster model, beam 8 as committed)", "In Jordan Minister Mitchell met with the Syrian Opposition Coalition, as well as local Jordanian and British organisations focused on supporting refugees, and preventing violence in camps.", `
1 In ADP IN 4 case
2 Jordan PROPN NNP 3 compound
3 Minister PROPN NNP 4 nmod:desc
4 Mitchell PROPN NNP 5 nsubj
5 met VERB VBD 0 root
6 with ADP IN 10 case
7 the DET DT 10 det
8 Syrian ADJ JJ 10 amod
9 Opposition PROPN NNP 10 amod
10 Coalition PROPN NNP 5 obl
11 , PUNCT , 20 punct
12 as ADV RB 20 mark
13 well ADV RB 12 fixed
14 as ADP IN 12 fixed
15 local ADJ JJ 19 amod
16 Jordanian PROPN NNP 19 compound
17 and CCONJ CC 18 cc
18 British ADJ JJ 16 conj
19 organisations NOUN NNS 20 nsubj
20 focused VERB VBN 5 advcl
21 on SCONJ IN 23 case
22 supporting VERB VBG 23 amod
23 refugees NOUN NNS 20 obl
24 , PUNCT , 26 punct
25 and CCONJ CC 26 cc
26 preventing VERB VBG 5 conj
27 violence NOUN NN 26 obj
28 in ADP IN 29 case
29 camps NOUN NNS 26 obl
30 . PUNCT . 5 punct`, []string{"MET Jordan ngo -> Mitchell (reported)", "MET United Kingdom ngo -> Mitchell (reported)"}, nil},
		{"a conjunct after the object's own phrase is not the object's (cluster model, beam 8 as committed)", "Germany welcomed the agreement on Monday between the Government of Serbia, led by President Aleksandar Vucic, and the Government of Kosovo, represented by Prime Minister Albin Kurti.", `
1 Germany PROPN NNP 2 nsubj
2 welcomed VERB VBD 0 root
3 the DET DT 4 det
4 agreement NOUN NN 2 obj
5 on ADP IN 6 case
6 Monday PROPN NNP 4 nmod
7 between ADP IN 9 case
8 the DET DT 9 det
9 Government NOUN NN 4 nmod
10 of ADP IN 11 case
11 Serbia PROPN NNP 9 nmod
12 , PUNCT , 13 punct
13 led VERB VBN 4 acl
14 by ADP IN 16 case
15 President PROPN NNP 16 nmod:desc
16 Aleksandar PROPN NNP 13 obl:agent
17 Vucic PROPN NNP 16 flat
18 , PUNCT , 21 punct
19 and CCONJ CC 21 cc
20 the DET DT 21 det
21 Government NOUN NN 2 conj
22 of ADP IN 23 case
23 Kosovo PROPN NNP 21 nmod
24 , PUNCT , 25 punct
25 represented VERB VBN 23 acl
26 by ADP IN 29 case
27 Prime ADJ NNP 28 amod
28 Minister PROPN NNP 29 nmod:desc
29 Albin PROPN NNP 25 obl:agent
30 Kurti PROPN NNP 29 flat
31 . PUNCT . 2 punct`, nil, []string{"HOSTED Germany"}},
		{"a time phrase labelled obl:unmarked (cluster model, beam 8 as committed)", "Joe Biden visits Poland next month.", `
1 Joe PROPN NNP 3 nsubj
2 Biden PROPN NNP 1 flat
3 visits VERB VBZ 0 root
4 Poland PROPN NNP 3 obj
5 next ADJ JJ 6 amod
6 month NOUN NN 3 obl:unmarked
7 . PUNCT . 3 punct`, []string{"VISITED Joe Biden -> Poland (planned)"}, nil},
		{"a name tagged SCONJ and VBG is the object (cluster model, beam 8 as committed)", "Joe Biden meets Xi Jinping next week.", `
1 Joe PROPN NNP 2 compound
2 Biden PROPN NNP 3 nsubj
3 meets VERB VBZ 0 root
4 Xi SCONJ IN 5 mark
5 Jinping VERB VBG 3 advcl
6 next ADJ JJ 7 amod
7 week NOUN NN 5 obl:unmarked
8 . PUNCT . 3 punct`, []string{"MET Joe Biden -> Xi Jinping (planned)"}, nil},
		{"a name made a compound of the day word after it (cluster model, beam 8 as committed)", "Olaf Scholz travels to Paris tomorrow.", `
1 Olaf PROPN NNP 3 nsubj
2 Scholz PROPN NNP 1 flat
3 travels VERB VBZ 0 root
4 to ADP IN 6 case
5 Paris PROPN NNP 6 compound
6 tomorrow NOUN NN 3 obl
7 . PUNCT . 3 punct`, []string{"VISITED Olaf Scholz -> Paris (planned)"}, nil},
		{"a name made a compound of the time phrase after it (cluster model, beam 1)", "Joe Biden visits Poland next month.", `
1 Joe PROPN NNP 3 nsubj
2 Biden PROPN NNP 1 flat
3 visits VERB VBZ 0 root
4 Poland PROPN NNP 6 compound
5 next ADJ JJ 6 amod
6 month NOUN NN 3 obl:unmarked
7 . PUNCT . 3 punct`, []string{"VISITED Joe Biden -> Poland (planned)"}, nil},
		{"a time phrase hung on the argument (main's model)", "Olaf Scholz travels to Paris tomorrow.", `
1 Olaf PROPN NNP 3 nsubj
2 Scholz PROPN NNP 1 flat
3 travels VERB VBZ 0 root
4 to ADP IN 5 case
5 Paris PROPN NNP 3 obl
6 tomorrow NOUN NN 5 obl:unmarked
7 . PUNCT . 3 punct`, []string{"VISITED Olaf Scholz -> Paris (planned)"}, nil},
		{"a coordinated clause's subject hung as a conjunct of the verb (cluster model, beam 1)", "Japan criticised China, and South Korea praised the decision.", `
1 Japan PROPN NNP 2 nsubj
2 criticised VERB VBD 0 root
3 China PROPN NNP 2 obj
4 , PUNCT , 7 punct
5 and CCONJ CC 7 cc
6 South PROPN NNP 7 compound
7 Korea PROPN NNP 2 conj
8 praised VERB VBD 2 conj
9 the DET DT 10 det
10 decision NOUN NN 8 obj
11 . PUNCT . 2 punct`, []string{"CRITICIZED Japan -> China (reported)"}, []string{"CRITICIZED Japan -> South Korea"}},
		{"a coordinated clause's subject is no object the position engine may add (cluster model, beam 8 as committed)", "Japan criticised China, and South Korea praised the decision.", `
1 Japan PROPN NNP 2 nsubj
2 criticised VERB VBD 0 root
3 China PROPN NNP 2 obj
4 , PUNCT , 8 punct
5 and CCONJ CC 8 cc
6 South PROPN NNP 7 compound
7 Korea PROPN NNP 8 nsubj
8 praised VERB VBD 2 conj
9 the DET DT 10 det
10 decision NOUN NN 8 obj
11 . PUNCT . 2 punct`, []string{"CRITICIZED Japan -> China (reported)"}, []string{"CRITICIZED Japan -> South Korea"}},
		{"a subject tagged ADJ and hung as an amod (main's model)", "Germany condemned in Berlin the Russian government.", `
1 Germany ADJ JJ 2 amod
2 condemned VERB VBN 0 root
3 in ADP IN 4 case
4 Berlin PROPN NNP 2 obl
5 the DET DT 7 det
6 Russian ADJ JJ 7 amod
7 government NOUN NN 2 obj
8 . PUNCT . 2 punct`, []string{"CRITICIZED Germany -> Russia (reported)"}, nil},
		{"subjects coordinated with a time phrase (main's model)", "Last week, Vietnam and the Philippines signed a coast guard agreement that, once approved, will allow joint patrols.", `
1 Last ADJ JJ 2 amod
2 week NOUN NN 8 obl:unmarked
3 , PUNCT , 4 punct
4 Vietnam PROPN NNP 2 conj
5 and CCONJ CC 7 cc
6 the DET DT 7 det
7 Philippines PROPN NNPS 2 conj
8 signed VERB VBD 19 nsubj
9 a DET DT 12 det
10 coast NOUN NN 12 compound
11 guard NOUN NN 12 compound
12 agreement NOUN NN 8 obj
13 that PRON WDT 16 nsubj
14 , PUNCT , 13 punct
15 once ADV RB 16 advmod
16 approved VERB VBD 12 acl:relcl
17 , PUNCT , 8 punct
18 will AUX MD 19 aux
19 allow VERB VB 0 root
20 joint ADJ JJ 21 amod
21 patrols NOUN NNS 19 obj
22 . PUNCT . 19 punct`, []string{"MET Philippines -> Vietnam (reported)"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nodes, edges := extractGivenParse(t, c.text, c.parse)
			checkFacts(t, facts(nodes, edges), c.want, c.not)
		})
	}
}
