package recognize

import (
	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/graph"
)

// countryWord returns the country a demonym or a country name at ws[i] names ("Turkish",
// "South Korean", "UK"), with its length in words, or 0.
func (st *state) countryWord(ws []word, i int) (lexicon.Country, int) {
	if i >= len(ws) || !ws[i].cap || ws[i].poss {
		return lexicon.Country{}, 0
	}
	if i+1 < len(ws) && ws[i+1].cap {
		if c, ok := st.r.lex.DemonymPair(ws[i].text, ws[i+1].text); ok {
			return c, 2
		}
	}
	if c, ok := st.r.lex.Demonym(ws[i].text); ok {
		return c, 1
	}
	if e, n, ok := st.lookupAt(i); ok && e.Label == graph.LabelCountry && !e.Ambiguous && !ws[i+n-1].poss {
		if c, ok := st.r.lex.Country(e.Canonical); ok {
			return c, n
		}
	}
	return lexicon.Country{}, 0
}

// coordinatedCollective reads "Turkish and UK organisations", "Syrian and Iraqi officials":
// two country words coordinated before one agent noun make a collective actor of each
// country. It adds the first country's (over its own words) and returns the words up to
// and including "and"; the second is then read as any "UK organisations" is.
func (st *state) coordinatedCollective(si int, ws []word, i int) int {
	c1, n1 := st.countryWord(ws, i)
	if n1 == 0 || i+n1 >= len(ws) || (ws[i+n1].lower != "and" && ws[i+n1].lower != "or") {
		return 0
	}
	c2, n2 := st.countryWord(ws, i+n1+1)
	if n2 == 0 || c2.Name == c1.Name {
		return 0
	}
	k := i + n1 + 1 + n2
	n, sector := st.r.ags.at(ws, k)
	if n == 0 {
		return 0
	}
	span := article.Span{Start: ws[i].start, End: ws[i+n1-1].end}
	if sector == SectorGovernment {
		st.add(article.Mention{Span: span, Sentence: si, Label: graph.LabelCountry, Kind: article.KindDemonym,
			Entity: graph.NodeID(graph.LabelCountry, c1.Name), Name: c1.Name, Group: true, Why: "coordinated with " + c2.Name})
		return n1 + 1
	}
	name := c1.Name + " " + sector
	st.add(article.Mention{Span: span, Sentence: si, Label: graph.LabelOrganization, Kind: article.KindName,
		Entity: graph.NodeID(graph.LabelOrganization, name), Name: name, Group: true, Sector: sector, Country: c1.ISO2,
		Why: "coordinated with " + c2.Name})
	return n1 + 1
}

// countryPhrase reads a phrase that stands for a country or its collective actors at ws[i]
// (governmentOf, coordinatedCollective) and returns the words used, or 0.
func (st *state) countryPhrase(si int, ws []word, i int) int {
	if n := st.governmentOf(si, ws, i); n > 0 {
		return n
	}
	return st.coordinatedCollective(si, ws, i)
}
