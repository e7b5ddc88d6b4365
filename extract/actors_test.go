package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
)

// extractParsed is extractText with the parse stage, as the CLI runs it, and the idle
// group and role nodes dropped as Run drops them.
func extractParsed(t testing.TB, text, published string) ([]graph.Node, []graph.Edge) {
	t.Helper()
	p := pipeline(t)
	d := &article.Doc{Meta: graph.Article{ID: "t", Published: published}, Text: text}
	d.Blocks = splitKeep(text)
	p.seg.Segment(d)
	p.syn.Parse(d)
	p.rec.Recognize(d)
	r := p.res.Local(d)
	nodes, _ := p.res.Global([]*resolve.Result{r})
	edges := p.rel.Relate(r)
	p.res.PersonRoles(nodes, []*resolve.Result{r}, edges)
	return idleGroups(nodes, edges)
}

func nodeByID(nodes []graph.Node, id string) *graph.Node {
	for i := range nodes {
		if nodes[i].ID == id {
			return &nodes[i]
		}
	}
	return nil
}

func hasEdge(edges []graph.Edge, typ graph.RelType, from, to, title string) bool {
	for _, e := range edges {
		if e.Type == typ && e.From == from && e.To == to && (title == "" || e.Title == title) {
			return true
		}
	}
	return false
}

// TestRoleDescriptions: a role phrase that names its country is an alias of the person it
// describes, credited by the article's MENTIONS; the person holds the role; a bare title is
// no alias.
func TestRoleDescriptions(t *testing.T) {
	cases := []struct {
		name, text, person, alias, org string
	}{
		{"role, then the name", "On Friday Boris Johnson met the Iraqi Foreign Minister, Fuad Hussein, in London.",
			"person:fuad-hussein", "Iraqi Foreign Minister", "country:iraq"},
		{"the name, then the role", "Officials said Fuad Hussein, Iraq's foreign minister, would travel.",
			"person:fuad-hussein", "Iraq's foreign minister", "country:iraq"},
		{"courtesy titles", "Kaja Kallas met with the Minister of Foreign Affairs of Jordan, HE Dr Ayman Safadi, in Brussels.",
			"person:ayman-safadi", "Minister of Foreign Affairs of Jordan", "country:jordan"},
		{"title before the name", "Analysts said Jordanian Foreign Minister Ayman Safadi was cautious.",
			"person:ayman-safadi", "Jordanian Foreign Minister", "country:jordan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nodes, edges := extractParsed(t, c.text, "2024-03-01")
			n := nodeByID(nodes, c.person)
			if n == nil {
				t.Fatalf("no node %s in %v", c.person, nodes)
			}
			if !slices.Contains(n.Aliases, c.alias) {
				t.Errorf("aliases %v lack %q", n.Aliases, c.alias)
			}
			credited := false
			for _, e := range edges {
				if e.Type == graph.RelMentions && e.To == c.person {
					al, _ := e.Props["aliases"].([]any)
					credited = slices.Contains(al, any(c.alias))
				}
			}
			if !credited {
				t.Errorf("MENTIONS of %s does not credit %q", c.person, c.alias)
			}
			if !hasEdge(edges, graph.RelHoldsRole, c.person, c.org, "Foreign Minister") {
				t.Errorf("no HOLDS_ROLE %s -> %s", c.person, c.org)
			}
		})
	}
	nodes, _ := extractParsed(t, "Analysts said Foreign Minister Ayman Safadi was cautious.", "2024-03-01")
	if n := nodeByID(nodes, "person:ayman-safadi"); n == nil || slices.Contains(n.Aliases, "Foreign Minister") {
		t.Errorf("a bare title is no alias: %+v", n)
	}
}

// TestRoleNodes: an office named without its holder, that neither the article nor the
// offices table fills on the article's date, is a role node {kind: role, role, country}
// when a relationship touches it; an indefinite one or one no relationship touches is
// none; an office the table fills resolves to its holder on that date.
func TestRoleNodes(t *testing.T) {
	const id = "person:role-chad-foreign-minister"
	nodes, edges := extractParsed(t, "On Friday Kaja Kallas met the Foreign Minister of Chad in Paris.", "2024-03-01")
	n := nodeByID(nodes, id)
	if n == nil || n.Label != graph.LabelPerson || n.Props["kind"] != "role" || n.Props["country"] != "TD" ||
		n.Props["role"] != "Foreign Minister" || n.Name != "Foreign Minister of Chad" {
		t.Fatalf("role node: %+v", n)
	}
	if !hasEdge(edges, graph.RelMet, id, "person:kaja-kallas", "") && !hasEdge(edges, graph.RelMet, "person:kaja-kallas", id, "") {
		t.Errorf("no MET with the role node: %v", edges)
	}
	for _, text := range []string{
		"The Foreign Minister of Chad was in Paris on Friday.",
		"On Friday Kaja Kallas met a Chadian foreign minister in Paris.",
	} {
		nodes, _ := extractParsed(t, text, "2024-03-01")
		for _, n := range nodes {
			if n.Props["kind"] == "role" {
				t.Errorf("%q: unexpected role node %s", text, n.ID)
			}
		}
	}
	for date, holder := range map[string]string{"2015-06-01": "person:barack-obama", "2019-06-01": "person:donald-trump"} {
		_, edges := extractParsed(t, "The US president criticized Iran on Monday.", date)
		if !hasEdge(edges, graph.RelCriticized, holder, "country:iran", "") {
			t.Errorf("%s: the US president is not %s: %v", date, holder, edges)
		}
	}
}

// TestPersonCountryAtDate: a person's country and sector on the article's MENTIONS come from
// the office the offices table says they held on the article's date, else from the Phoenix
// actor dictionaries' dated roles, else nothing (an open Phoenix role older than an office
// the table says the person had left is not trusted). The node carries none of it.
func TestPersonCountryAtDate(t *testing.T) {
	cases := []struct {
		text, date, id, country, sector, source string
	}{
		{"Sergey Lavrov spoke on Monday.", "2010-05-01", "person:sergey-lavrov", "RU", "government", "offices"},
		{"Massoud Barzani spoke in Erbil on Monday.", "2004-04-15", "person:massoud-barzani", "IQ", "government", "phoenix"},
		{"Massoud Barzani spoke in Erbil on Monday.", "2010-04-15", "person:massoud-barzani", "IQ", "elites", "phoenix"},
		{"Theresa May spoke in London on Monday.", "2021-03-01", "person:theresa-may", "", "", ""},
	}
	for _, c := range cases {
		nodes, edges := extractParsed(t, c.text, c.date)
		n := nodeByID(nodes, c.id)
		if n == nil {
			t.Errorf("%q: no node %s", c.text, c.id)
			continue
		}
		if n.Props["country"] != nil || n.Props["sector"] != nil {
			t.Errorf("%q: the node carries the dated role: %v", c.text, n.Props)
		}
		var mp map[string]any
		for _, e := range edges {
			if e.Type == graph.RelMentions && e.To == c.id {
				mp = e.Props
			}
		}
		got := [3]any{mp["country"], mp["sector"], mp["role_source"]}
		want := [3]any{c.country, c.sector, c.source}
		if c.country == "" {
			want = [3]any{nil, nil, nil}
		}
		if got != want {
			t.Errorf("%q on %s: MENTIONS props %v, want %v", c.text, c.date, mp, want)
		}
	}
}

// TestCoordinatedCollectives: two country words coordinated before one agent noun make a
// collective actor of each country; a country's name before an agent noun is one too.
func TestCoordinatedCollectives(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string // actor edges as facts renders them
	}{
		{"two adjectives, one noun", "Kaja Kallas praised Kenyan and Ugandan organisations on Monday.",
			[]string{"SUPPORTED Kaja Kallas -> Kenya ngo (reported)", "SUPPORTED Kaja Kallas -> Uganda ngo (reported)"}},
		{"an adjective and a country name", "Kaja Kallas praised Turkish and UK organisations on Monday.",
			[]string{"SUPPORTED Kaja Kallas -> Turkey ngo (reported)", "SUPPORTED Kaja Kallas -> United Kingdom ngo (reported)"}},
		{"the government sector stands for both countries", "Syrian and Iraqi officials criticized Israel on Monday.",
			[]string{"CRITICIZED Iraq -> Israel (reported)", "CRITICIZED Syria -> Israel (reported)"}},
		{"a country name before an agent noun", "US officials criticized Iran on Monday.",
			[]string{"CRITICIZED United States -> Iran (reported)"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			nodes, edges := extractParsed(t, c.text, "2024-03-01")
			got := facts(nodes, edges)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q in %v", w, got)
				}
			}
		})
	}
}

// TestArticlePrefixOneNode: "Haider al-Abadi" and "Haider Al Abadi" (and the bare "Al-Abadi")
// are one person.
func TestArticlePrefixOneNode(t *testing.T) {
	nodes, _ := extractParsed(t, "Haider al-Abadi spoke in Baghdad on Monday. Later Haider Al Abadi met Boris Johnson. Al-Abadi left.", "2016-03-01")
	var people []string
	for _, n := range nodes {
		if n.Label == graph.LabelPerson && n.ID != "person:boris-johnson" {
			people = append(people, n.ID)
		}
	}
	if len(people) != 1 || people[0] != "person:haider-abadi" {
		t.Errorf("people %v, want [person:haider-abadi]", people)
	}
}
