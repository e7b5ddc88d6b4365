package recognize

import (
	_ "embed"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/tsv"
)

//go:embed data/agents.tsv
var agentsTSV string

//go:embed data/agents_extra.tsv
var agentsExtraTSV string

// Sectors is the closed sector vocabulary of collective actors (docs/relations.md): the
// sector prop of a group node is one of these.
var Sectors = []string{"government", "military", "rebels", "opposition", "police", "judiciary", "legislature",
	"intelligence", "militants", "civilians", "media", "business", "labour", "education", "health", "religious",
	"refugees", "criminals", "agriculture", "environment", "ngo", "party", "elites", "radicals"}

// SectorGovernment is the sector that stands for its country ("Iranian authorities" ->
// Iran); every other sector makes a group node.
const SectorGovernment = "government"

// agents maps an agent noun (lower case, one or more words) to its sector and whether it
// names a collective (a plural of data/agents.tsv or a collective singular of
// data/agents_extra.tsv) or one person ("police chief", "army officer").
type agents struct {
	sector     map[string]string
	collective map[string]bool
	lengths    map[string][]int // first word -> the word counts of its agents, longest first
}

func parseAgents() (*agents, error) {
	a := &agents{sector: map[string]string{}, collective: map[string]bool{}, lengths: map[string][]int{}}
	// The curated file first: its collective singulars and additions win.
	for _, src := range []struct{ name, text string }{{"data/agents_extra.tsv", agentsExtraTSV}, {"data/agents.tsv", agentsTSV}} {
		for n, f := range tsv.Rows(src.text) {
			if len(f) != 5 || f[0] == "" || f[2] == "" {
				return nil, fmt.Errorf("%s:%d: want form <TAB> number <TAB> sector <TAB> code <TAB> line", src.name, n)
			}
			if !slices.Contains(Sectors, f[2]) {
				return nil, fmt.Errorf("%s:%d: sector %q is not in the closed list", src.name, n, f[2])
			}
			if f[1] != "sg" && f[1] != "pl" && f[1] != "coll" {
				return nil, fmt.Errorf("%s:%d: number %q is not sg, pl or coll", src.name, n, f[1])
			}
			if _, dup := a.sector[f[0]]; dup {
				continue
			}
			a.sector[f[0]] = f[2]
			a.collective[f[0]] = f[1] != "sg"
			w := strings.Fields(f[0])
			if !slices.Contains(a.lengths[w[0]], len(w)) {
				a.lengths[w[0]] = append(a.lengths[w[0]], len(w))
				slices.SortFunc(a.lengths[w[0]], func(x, y int) int { return y - x })
			}
		}
	}
	return a, nil
}

// at returns the longest collective noun starting at ws[i]: its length in words and sector.
// The words are joined in a buffer on the stack (a one-word noun is looked up as it is).
func (a *agents) at(ws []word, i int) (int, string) {
	if i >= len(ws) {
		return 0, ""
	}
	var buf [128]byte
	for _, n := range a.lengths[ws[i].lower] {
		if i+n > len(ws) {
			continue
		}
		key, ok := buf[:0], true
		for k := 0; k < n; k++ {
			w := ws[i+k]
			if w.cap && !w.initial || !w.letter {
				ok = false // "Ukrainian Armed Forces" is a name for the lexicon
				break
			}
			if k > 0 {
				key = append(key, ' ')
			}
			key = append(key, w.lower...)
		}
		if !ok {
			continue
		}
		if s, found := a.sector[string(key)]; found {
			// The longest agent wins: "the police chief" is one person, not the police.
			if !a.collective[string(key)] {
				return 0, ""
			}
			return n, s
		}
	}
	return 0, ""
}

// collective adds the collective actor of country c made by the noun at ws[k:k+n] over the
// span [start, ws[k+n-1].end): the country itself for the government sector (a group
// standing for it), else the group node of that country and sector.
func (st *state) collective(si int, c lexicon.Country, start int, ws []word, k, n int, sector string) {
	end := ws[k+n-1].end
	country := graph.NodeID(graph.LabelCountry, c.Name)
	if sector == SectorGovernment {
		st.add(article.Mention{Span: article.Span{Start: start, End: end}, Sentence: si, Label: graph.LabelCountry,
			Kind: article.KindDemonym, Entity: country, Name: c.Name, Group: true})
		return
	}
	// The adjective still names the country, as a modifier inside the group's phrase (as in
	// "Iranian troops" before groups had nodes).
	st.add(article.Mention{Span: article.Span{Start: start, End: ws[k-1].end}, Sentence: si, Label: graph.LabelCountry,
		Kind: article.KindDemonym, Entity: country, Name: c.Name, Modifier: true})
	name := c.Name + " " + sector
	st.add(article.Mention{Span: article.Span{Start: start, End: end}, Sentence: si, Label: graph.LabelOrganization,
		Kind: article.KindName, Entity: graph.NodeID(graph.LabelOrganization, name), Name: name, Group: true,
		Sector: sector, Country: c.ISO2})
}

// collectiveIn adds the collective actor of "protesters in Belgrade", "rebels in Mali": an
// agent noun not after a country adjective, then "in" and a country or a place that belongs
// to one. It returns the words used (the noun only: the place stays a place mention).
func (st *state) collectiveIn(si int, ws []word, i int) int {
	if i > 0 && ((ws[i-1].cap && !ws[i-1].initial) || ws[i-1].poss) {
		return 0 // "Syrian rebels in Idlib" was read with its adjective; "Israel's police in"
	}
	n, sector := st.r.ags.at(ws, i)
	if n == 0 || i+n+1 >= len(ws) || ws[i+n].lower != "in" {
		return 0
	}
	e, _, ok := st.lookupAt(i + n + 1)
	if !ok || e.Ambiguous {
		return 0
	}
	var c lexicon.Country
	switch {
	case e.Label == graph.LabelCountry:
		c, ok = st.r.lex.Country(e.Canonical)
	case e.Label == graph.LabelPlace && e.Country != "":
		c, ok = st.r.lex.CountryByISO(e.Country)
	default:
		ok = false
	}
	if !ok {
		return 0
	}
	st.collectiveNoun(si, c, ws, i, n, sector)
	return n
}

// collectiveNoun adds the collective actor of a bare agent noun ws[k:k+n] tied to country c
// by the words after it.
func (st *state) collectiveNoun(si int, c lexicon.Country, ws []word, k, n int, sector string) {
	start, end := ws[k].start, ws[k+n-1].end
	country := graph.NodeID(graph.LabelCountry, c.Name)
	if sector == SectorGovernment {
		st.add(article.Mention{Span: article.Span{Start: start, End: end}, Sentence: si, Label: graph.LabelCountry,
			Kind: article.KindRole, Entity: country, Name: c.Name, Group: true})
		return
	}
	name := c.Name + " " + sector
	st.add(article.Mention{Span: article.Span{Start: start, End: end}, Sentence: si, Label: graph.LabelOrganization,
		Kind: article.KindName, Entity: graph.NodeID(graph.LabelOrganization, name), Name: name, Group: true,
		Sector: sector, Country: c.ISO2})
}
