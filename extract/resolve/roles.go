package resolve

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/graph"
)

// Role mentions and the people they describe: appositions, role descriptions as aliases,
// role nodes for offices no data names a holder of, and a person's country and sector at
// the article's date.

// roleNodePrefix opens the id of a role node: an office the article names without its
// holder, when neither the article nor the offices table says who held it
// ("the Minister of Foreign Affairs of Iraq" -> person:role-iraq-foreign-minister).
const roleNodePrefix = "person:role-"

// appositionNext finds the person a role phrase is in apposition with when the recognizer
// marked it so ("the Iraqi Foreign Minister, HE Dr Ibrahim al-Jaafari"): the next person
// name of the sentence.
func appositionNext(d *article.Doc, i int) int {
	m := d.Mentions[i]
	if m.Why != "apposition" {
		return -1
	}
	for j := i + 1; j < len(d.Mentions); j++ {
		p := d.Mentions[j]
		if p.Sentence != m.Sentence {
			break
		}
		if p.Start >= m.End && p.Label == graph.LabelPerson && p.Kind == article.KindName {
			return j
		}
	}
	return -1
}

// giveRole hands a role phrase's role to the name it stands in apposition with, when the
// name has none ("Ibrahim al-Jaafari, Iraq's foreign minister,"): the name then holds the
// role (HOLDS_ROLE) as "Foreign Minister Ibrahim al-Jaafari" would.
func giveRole(d *article.Doc, role, person int) {
	m, p := d.Mentions[role], &d.Mentions[person]
	if p.Role != "" || !m.CurrentRole() {
		return
	}
	p.Role, p.RoleOrg, p.RoleOrgName = m.Role, m.RoleOrg, m.RoleOrgName
}

// rolePhrase returns the role description a person mention carries, as an alias of the
// person: the role phrase before a name ("Russian Foreign Minister" of "Russian Foreign
// Minister Lavrov") or a role mention resolved to a person ("the Iraqi Foreign Minister").
// Only phrases that name their country or organisation are descriptions worth keeping
// (a bare "President" describes thousands of people), never counterparts or former roles.
func rolePhrase(d *article.Doc, m article.Mention) string {
	if m.Label != graph.LabelPerson || !m.CurrentRole() || m.RoleOrg == "" {
		return ""
	}
	var s string
	switch {
	case m.Kind == article.KindRole:
		s = m.Text
	case m.Kind == article.KindName && m.TitleStart > 0 && m.TitleStart < m.Start:
		s = d.Text[m.TitleStart:m.Start]
	default:
		return ""
	}
	return cleanPhrase(s)
}

// cleanPhrase trims a role phrase to its description: no leading determiner or possessive
// pronoun, no trailing comma, white space runs as one space.
func cleanPhrase(s string) string {
	f := strings.Fields(strings.TrimRight(strings.TrimSpace(s), ",;:"))
	if len(f) > 0 {
		switch strings.ToLower(f[0]) {
		case "the", "his", "her", "its", "their":
			f = f[1:]
		}
	}
	if len(f) < 2 {
		return "" // a role phrase without its country or organisation word
	}
	return strings.Join(f, " ")
}

// roleNode makes a role mention that no person resolved a node of its own: the office of
// its country or organisation, id person:role-<org>-<role>, named "<Role> of <Org>".
func roleNode(m *article.Mention) bool {
	if m.Kind != article.KindRole || m.Label != graph.LabelPerson || m.Entity != "" || !m.CurrentRole() ||
		m.RoleOrg == "" || m.RoleOrgName == "" {
		return false
	}
	// Only a definite description names one office: "the Iraqi foreign minister", not
	// "an EU leader" or "Russian president" used as a common noun.
	if f := strings.Fields(m.Text); len(f) < 2 || !strings.EqualFold(f[0], "the") {
		return false
	}
	m.Name = m.Role + " of " + m.RoleOrgName
	m.Entity = graph.NodeID(graph.LabelPerson, "role "+m.RoleOrgName+" "+m.Role)
	m.Why = "no holder known: a role node of " + m.RoleOrgName
	return true
}

// roleNodesAndAliases gives the role mentions no person resolved their role node, and
// records the role descriptions of people for Global; it returns the role-node merges.
func (res *Result) roleNodesAndAliases() []Merge {
	d := res.Doc
	var merges []Merge
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if roleNode(m) {
			merges = append(merges, Merge{Article: d.Meta.ID, Mention: m.Text, Entity: m.Entity, Reason: m.Why})
		}
		if ph := rolePhrase(d, *m); ph != "" && m.Entity != "" {
			res.roleAliases = append(res.roleAliases, roleAlias{i, ph})
		}
	}
	return merges
}

// roleNodeProps are the properties of a role node: kind "role", the role, and the
// country (ISO2) or organisation (node id) it belongs to.
func (r *Resolver) roleNodeProps(m article.Mention) map[string]any {
	p := map[string]any{"kind": "role", "role": m.Role}
	if strings.HasPrefix(m.RoleOrg, "country:") {
		if c, ok := r.lex.Country(m.RoleOrgName); ok {
			p["country"] = c.ISO2
			return p
		}
	}
	p["org"] = m.RoleOrg
	return p
}

// personProps gives a person node the country and sector of the role the person held on
// date: an office of the offices table held on that date (sector government), else a dated
// role of the Phoenix actor dictionaries (data/actors.tsv, which stop around 2016) — but not
// an open-ended Phoenix role older than an office the table says the person had left by
// the date — else nothing. role_source says which source answered.
func (r *Resolver) personProps(names []string, date string) map[string]any {
	left := "" // the latest end of an office of the table the person had left by date
	for _, o := range r.officesOf(names) {
		if date != "" && o.End != "" && o.End <= date && o.End > left {
			left = o.End
		}
		if date != "" && !((o.Start == "" || o.Start <= date) && (o.End == "" || date < o.End)) {
			continue
		}
		if date == "" && o.End != "" {
			continue
		}
		scope, org, _, ok := splitOffice(o.Key)
		if !ok || scope != "country" {
			continue
		}
		return map[string]any{"country": org, "sector": "government", "role_source": "offices"}
	}
	acts, err := lexicon.DefaultActors()
	if err != nil {
		return nil
	}
	for _, n := range names {
		a, ok := acts.At(n, date)
		if !ok || a.Country == "IGO" {
			continue
		}
		if left != "" && a.End == "" && a.Start < left {
			// An open Phoenix role that began before an office the table says the person
			// had left by then: the dictionary stopped following the person (it ends about
			// 2016), the table did not.
			continue
		}
		c, ok := r.lex.CountryByISO(a.Country)
		if !ok {
			continue
		}
		p := map[string]any{"country": c.ISO2, "role_source": "phoenix"}
		if a.Sector != "" {
			p["sector"] = a.Sector
		}
		return p
	}
	return nil
}

// officesOf returns the rows of the offices table whose holder (or an alias of it) is one of
// names, up to case, diacritics, hyphens, apostrophes and white space (lexicon.ActorKey), in
// the table's order.
func (r *Resolver) officesOf(names []string) []lexicon.Office {
	r.officesOnce.Do(func() {
		r.officesByName = map[string][]int{}
		for i, o := range r.lex.Offices() {
			seen := map[string]bool{}
			for _, n := range append([]string{o.Holder}, o.Aliases...) {
				if k := lexicon.ActorKey(n); k != "" && !seen[k] {
					seen[k] = true
					r.officesByName[k] = append(r.officesByName[k], i)
				}
			}
		}
	})
	var idx []int
	for _, n := range names {
		for _, i := range r.officesByName[lexicon.ActorKey(n)] {
			if !slices.Contains(idx, i) {
				idx = append(idx, i)
			}
		}
	}
	slices.Sort(idx)
	all := r.lex.Offices()
	out := make([]lexicon.Office, len(idx))
	for k, i := range idx {
		out[k] = all[i]
	}
	return out
}

// PersonRoles adds to every MENTIONS of a person the country (ISO2), sector and source
// (role_source) of the role the person held on the date of that article (personProps): a
// fact of the article's date, so it sits on the article's MENTIONS, not on the node, and
// does not depend on which other articles a run reads. The names looked up are the node's
// name and the spellings the article used.
func (r *Resolver) PersonRoles(nodes []graph.Node, results []*Result, edges []graph.Edge) {
	name := map[string]string{}
	for _, n := range nodes {
		if n.Label == graph.LabelPerson && !strings.HasPrefix(n.ID, roleNodePrefix) {
			name[n.ID] = n.Name
		}
	}
	dates := map[string]string{}
	for _, res := range results {
		dates[res.Doc.Meta.ID] = res.Doc.Meta.Published
	}
	for i := range edges {
		r.PersonRole(&edges[i], name, dates[edges[i].Article])
	}
}

// PersonRole is PersonRoles for one edge: names maps person node ids to their names (role
// nodes left out), date is the publication date of the edge's article.
func (r *Resolver) PersonRole(e *graph.Edge, names map[string]string, date string) {
	nm, ok := names[e.To]
	if e.Type != graph.RelMentions || !ok {
		return
	}
	look := []string{nm}
	if al, ok := e.Props["aliases"].([]any); ok {
		for _, a := range al {
			if s, ok := a.(string); ok {
				look = append(look, s)
			}
		}
	}
	p := r.personProps(look, date)
	if len(p) == 0 {
		return
	}
	if e.Props == nil {
		e.Props = map[string]any{}
	}
	for k, v := range p {
		e.Props[k] = v
	}
}
