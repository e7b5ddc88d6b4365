package extract

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
)

var testPipeline *Pipeline

func pipeline(t testing.TB) *Pipeline {
	t.Helper()
	if testPipeline == nil {
		p, err := New(Options{Workers: 1, Parse: true})
		if err != nil {
			t.Fatal(err)
		}
		testPipeline = p
	}
	return testPipeline
}

// extractText runs segment -> parse -> recognize -> resolve -> relate on text taken whole as the
// article (no cleaning: the sentences here are all article text).
func extractText(t testing.TB, text, published string) (*article.Doc, []graph.Node, []graph.Edge) {
	t.Helper()
	p := pipeline(t)
	d := &article.Doc{Meta: graph.Article{ID: "t", Published: published}, Text: text}
	for _, line := range splitKeep(text) {
		d.Blocks = append(d.Blocks, line)
	}
	p.seg.Segment(d)
	p.syn.Parse(d)
	p.rec.Recognize(d)
	r := p.res.Local(d)
	nodes, _ := p.res.Global([]*resolve.Result{r})
	return d, nodes, p.rel.Relate(r)
}

// splitKeep returns the non-empty lines of text as spans.
func splitKeep(text string) []article.Span {
	var out []article.Span
	start := 0
	for i := 0; i <= len(text); i++ {
		if i == len(text) || text[i] == '\n' {
			if strings.TrimSpace(text[start:i]) != "" {
				out = append(out, article.Span{Start: start, End: i})
			}
			start = i + 1
		}
	}
	return out
}

// facts renders actor edges as "TYPE from -> to (status)" with node names.
func facts(nodes []graph.Node, edges []graph.Edge) []string {
	name := map[string]string{}
	for _, n := range nodes {
		name[n.ID] = n.Name
	}
	var out []string
	for _, e := range edges {
		spec, _ := e.Type.Spec()
		if !spec.Actor {
			continue
		}
		out = append(out, fmt.Sprintf("%s %s -> %s (%s)", e.Type, name[e.From], name[e.To], e.Status))
	}
	sort.Strings(out)
	return out
}

// TestRelations: each case is a short article; want lists facts that must be found, and
// not lists facts that must not be. MET and SPOKE_WITH are symmetric and written with the
// smaller node id first.
func TestRelations(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		// MET
		{"met active", "German Chancellor Olaf Scholz met Emmanuel Macron in Paris on Monday.",
			[]string{"MET Emmanuel Macron -> Olaf Scholz (reported)"}, nil},
		{"met coordinated", "Secretary of State Antony Blinken met Dmytro Kuleba, Josep Borrell and Annalena Baerbock in Brussels.",
			[]string{"MET Antony Blinken -> Dmytro Kuleba (reported)", "MET Antony Blinken -> Josep Borrell (reported)", "MET Annalena Baerbock -> Antony Blinken (reported)"}, nil},
		{"talks with", "Japanese Prime Minister Fumio Kishida held talks with Joe Biden at the White House.",
			[]string{"MET Fumio Kishida -> Joe Biden (reported)"}, nil},
		{"meeting between planned", "A meeting between Xi Jinping and Joe Biden is set to take place in Bali next week.",
			[]string{"MET Joe Biden -> Xi Jinping (planned)"}, nil},
		{"will meet", "Emmanuel Macron will meet Olaf Scholz in Berlin next month.",
			[]string{"MET Emmanuel Macron -> Olaf Scholz (planned)"}, nil},
		{"did not meet", "Viktor Orban did not meet Volodymyr Zelensky during the summit.",
			[]string{"MET Viktor Orban -> Volodymyr Zelenskyy (negated)"}, nil},
		{"pronoun subject", "Jens Stoltenberg arrived in Washington on Tuesday.\nHe met with Joe Biden at the White House.",
			[]string{"MET Jens Stoltenberg -> Joe Biden (reported)", "VISITED Jens Stoltenberg -> Washington (reported)"}, nil},
		{"obligations are not people", "The allies failed to meet their defense spending obligations.", nil,
			[]string{"MET"}},
		{"reciprocal", "Viktor Orban and Volodymyr Zelensky spoke briefly at the inauguration in Buenos Aires.",
			[]string{"MET Viktor Orban -> Volodymyr Zelenskyy (reported)"}, nil},
		{"news conference with her", "Keir Starmer praised Giorgia Meloni during a joint news conference with her in Rome.",
			[]string{"MET Giorgia Meloni -> Keir Starmer (reported)"}, nil},
		{"host implies meeting", "Olaf Scholz welcomed Volodymyr Zelensky to Berlin.",
			[]string{"MET Olaf Scholz -> Volodymyr Zelenskyy (reported)"}, nil},
		{"the meeting took place", "Mark Rutte held talks with Donald Trump.\nThe meeting took place in Palm Beach.",
			[]string{"MET Donald Trump -> Mark Rutte (reported)"}, nil},
		// SPOKE_WITH
		{"suffix is no surname", "Ferdinand Marcos Jr. arrived in Tokyo.\nMarcos spoke by phone with Fumio Kishida on Thursday.",
			[]string{"SPOKE_WITH Ferdinand Marcos Jr. -> Fumio Kishida (reported)"}, nil},
		{"phone call with", "Emmanuel Macron had a phone call with Vladimir Putin on Sunday.",
			[]string{"SPOKE_WITH Emmanuel Macron -> Vladimir Putin (reported)"}, nil},
		{"spoke by phone with", "Olaf Scholz spoke by phone with Xi Jinping about trade.",
			[]string{"SPOKE_WITH Olaf Scholz -> Xi Jinping (reported)"}, nil},
		{"phoned", "Recep Tayyip Erdogan phoned Vladimir Putin on Friday.",
			[]string{"SPOKE_WITH Recep Tayyip Erdoğan -> Vladimir Putin (reported)"}, nil},
		{"call between", "A call between Joe Biden and Xi Jinping could take place next week.",
			[]string{"SPOKE_WITH Joe Biden -> Xi Jinping (hypothetical)"}, nil},
		{"several calls", "Donald Trump has had seven private phone calls with Vladimir Putin.",
			[]string{"SPOKE_WITH Donald Trump -> Vladimir Putin (reported)"}, nil},
		// PRESSURED
		{"urged", "Joe Biden urged Germany to increase its defence spending.",
			[]string{"PRESSURED Joe Biden -> Germany (reported)"}, nil},
		{"pressured passive", "Hungary was pressured by the European Union to drop its veto.",
			[]string{"PRESSURED European Union -> Hungary (reported)"}, nil},
		{"faced pressure from", "Germany faced growing pressure from the United States over its gas imports.",
			[]string{"PRESSURED United States -> Germany (reported)"}, nil},
		{"threatened", "Donald Trump threatened Canada with new tariffs.",
			[]string{"PRESSURED Donald Trump -> Canada (reported)"}, nil},
		{"could pressure", "The United States could pressure Israel to accept a ceasefire.",
			[]string{"PRESSURED United States -> Israel (hypothetical)"}, nil},
		{"called on", "Antonio Guterres called on Russia to withdraw its troops.",
			[]string{"PRESSURED António Guterres -> Russia (reported)"}, nil},
		// CRITICIZED
		{"criticised british", "Boris Johnson criticised China over its treatment of Hong Kong.",
			[]string{"CRITICIZED Boris Johnson -> China (reported)"}, nil},
		{"criticized passive", "Viktor Orban was criticized by Ursula von der Leyen for blocking the aid.",
			[]string{"CRITICIZED Ursula von der Leyen -> Viktor Orban (reported)"}, nil},
		{"accused", "Volodymyr Zelensky accused Russia of war crimes.",
			[]string{"CRITICIZED Volodymyr Zelenskyy -> Russia (reported)"}, nil},
		{"drew a rebuke", "Donald Trump floated a plan to annex Greenland.\nThe plan drew a rebuke from Mette Frederiksen.",
			[]string{"CRITICIZED Mette Frederiksen -> Donald Trump (reported)"}, nil},
		{"declined to criticize", "Narendra Modi declined to criticize Russia at the summit.",
			[]string{"CRITICIZED Narendra Modi -> Russia (negated)"}, nil},
		{"reported speech", "Olaf Scholz said Emmanuel Macron had criticized China.",
			[]string{"CRITICIZED Emmanuel Macron -> China (reported)"}, []string{"CRITICIZED Olaf Scholz -> China (reported)"}},
		{"threat names its target", "Donald Trump threatened on Thursday to pull out of NATO.",
			[]string{"PRESSURED Donald Trump -> NATO (reported)"}, nil},
		{"object before a preposition", "Vladimir Putin accused the West of ignoring Moscow's concerns.", nil,
			[]string{"CRITICIZED Vladimir Putin -> Russia"}},
		{"held a meeting together", "Donald Trump and Angela Merkel held a bilateral meeting on Thursday.",
			[]string{"MET Angela Merkel -> Donald Trump (reported)"}, nil},
		{"spoke to before dialling", "Olaf Scholz had spoken to Volodymyr Zelensky before dialling Moscow.",
			[]string{"SPOKE_WITH Olaf Scholz -> Volodymyr Zelenskyy (reported)"}, nil},
		{"blamed on", "Vladimir Putin blamed the war on NATO.",
			[]string{"CRITICIZED Vladimir Putin -> NATO (reported)"}, nil},
		{"talks as a noun", "Donald Trump is set to visit Britain and will hold talks with Theresa May.",
			[]string{"MET Donald Trump -> Theresa May (planned)"}, []string{"MET Theresa May -> United Kingdom"}},
		{"visiting a person", "Viktor Orban visited Donald Trump at Mar-a-Lago on Friday.",
			[]string{"MET Donald Trump -> Viktor Orban (reported)"}, nil},
		{"relative clause keeps the subject", "Viktor Orban, who has been criticized by the European Union for his ties with Moscow, praised Donald Trump.",
			[]string{"SUPPORTED Viktor Orban -> Donald Trump (reported)", "CRITICIZED European Union -> Viktor Orban (reported)"},
			[]string{"SUPPORTED European Union"}},
		{"letters urging", "Joe Biden sent letters to the leaders of Poland, Hungary and Slovakia, urging them to speed up deliveries.",
			[]string{"PRESSURED Joe Biden -> Poland (reported)", "PRESSURED Joe Biden -> Hungary (reported)", "PRESSURED Joe Biden -> Slovakia (reported)"}, nil},
		{"comply with a demand", "Iran refused to comply with Joe Biden's demand to halt enrichment.",
			[]string{"PRESSURED Joe Biden -> Iran (reported)"}, nil}, // the demand was made; the refusal is Iran's
		{"hit out at", "Rishi Sunak hit out at China on Monday.",
			[]string{"CRITICIZED Rishi Sunak -> China (reported)"}, nil},
		{"reduced relative is no verb", "Britain sanctioned three companies accused of supplying Russia.", nil,
			[]string{"CRITICIZED"}},
		{"criticism without an owner", "Criticism of Israel mounted among the allies of Emmanuel Macron.", nil,
			[]string{"CRITICIZED Emmanuel Macron"}},
		{"that-clause has its own subject", "Antony Blinken told reporters that allies must keep up pressure on Russia.", nil,
			[]string{"PRESSURED Antony Blinken"}},
		// SUPPORTED
		{"demonym adjective is no object", "The United States welcomed the British decision.", nil,
			[]string{"HOSTED United States -> United Kingdom"}},
		{"backed", "Poland backed Ukraine's bid to join the European Union.",
			[]string{"SUPPORTED Poland -> Ukraine (reported)"}, nil},
		{"praised", "Joe Biden praised Finland for joining NATO.",
			[]string{"SUPPORTED Joe Biden -> Finland (reported)"}, nil},
		{"aid to", "Germany announced new military aid to Ukraine.",
			[]string{"SUPPORTED Germany -> Ukraine (reported)"}, nil},
		{"will support", "Canada will support Ukraine with more artillery.",
			[]string{"SUPPORTED Canada -> Ukraine (planned)"}, nil},
		{"support from", "Ukraine received support from Poland and Lithuania.",
			[]string{"SUPPORTED Poland -> Ukraine (reported)", "SUPPORTED Lithuania -> Ukraine (reported)"}, nil},
		// VISITED
		{"visited", "Xi Jinping visited Moscow in March.",
			[]string{"VISITED Xi Jinping -> Moscow (reported)"}, nil},
		{"arrived in", "Antony Blinken arrived in Kyiv on Wednesday.",
			[]string{"VISITED Antony Blinken -> Kyiv (reported)"}, nil},
		{"visit to", "Narendra Modi began his visit to the United States on Tuesday.",
			[]string{"VISITED Narendra Modi -> United States (reported)"}, nil},
		{"is set to visit", "Pope Francis is set to visit Canada in July.",
			[]string{"VISITED Francis -> Canada (planned)"}, nil},
		{"travelled to", "Emmanuel Macron travelled to Beijing last week.",
			[]string{"VISITED Emmanuel Macron -> Beijing (reported)"}, nil},
		// ATTENDED
		{"attended summit", "Joe Biden attended the G7 summit in Hiroshima.",
			[]string{"ATTENDED Joe Biden -> G7 summit (reported)"}, nil},
		{"will attend along with", "Rishi Sunak will attend the NATO summit in Vilnius along with Olaf Scholz.",
			[]string{"ATTENDED Rishi Sunak -> NATO summit (planned)", "ATTENDED Olaf Scholz -> NATO summit (planned)"}, nil},
		{"speaking at", "Speaking at the NATO summit in Madrid, Jens Stoltenberg warned Russia.",
			[]string{"ATTENDED Jens Stoltenberg -> NATO summit (reported)"}, nil},
		{"left for summit", "Joe Biden left for Europe on Sunday for a NATO summit.",
			[]string{"ATTENDED Joe Biden -> NATO summit (reported)"}, nil},
		{"skipped", "Vladimir Putin did not attend the G20 summit in New Delhi.",
			[]string{"ATTENDED Vladimir Putin -> G20 summit (negated)"}, nil},
		// HOSTED
		{"hosted", "Joe Biden hosted Emmanuel Macron at the White House.",
			[]string{"HOSTED Joe Biden -> Emmanuel Macron (reported)"}, nil},
		{"hosted summit", "Japan hosted the G7 summit in Hiroshima in May.",
			[]string{"HOSTED Japan -> G7 summit (reported)"}, nil},
		{"will host", "Lithuania will host the NATO summit in Vilnius.",
			[]string{"HOSTED Lithuania -> NATO summit (planned)"}, nil},
		{"welcomed", "Olaf Scholz welcomed Volodymyr Zelensky in Berlin.",
			[]string{"HOSTED Olaf Scholz -> Volodymyr Zelenskyy (reported)"}, nil},
		{"was hosted by", "Volodymyr Zelensky was hosted by Rishi Sunak at Chequers.",
			[]string{"HOSTED Rishi Sunak -> Volodymyr Zelenskyy (reported)"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, nodes, edges := extractText(t, c.text, "2023-06-15")
			checkFacts(t, facts(nodes, edges), c.want, c.not)
		})
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// checkFacts fails t for every wanted fact missing from got and every fact of got that
// starts with one of the unwanted prefixes.
func checkFacts(t *testing.T, got, want, not []string) {
	t.Helper()
	for _, w := range want {
		if !contains(got, w) {
			t.Errorf("missing %q\n  got %q", w, got)
		}
	}
	for _, n := range not {
		for _, g := range got {
			if strings.HasPrefix(g, n) {
				t.Errorf("unexpected %q", g)
			}
		}
	}
}
