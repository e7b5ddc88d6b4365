// Package resolve turns mentions into entities: within an article (surname -> full name,
// appositions, role phrases -> the person the article ties the role to, event phrases ->
// one event) and then across articles (one node for "Zelensky" / "Zelenskiy" /
// "Volodymyr Zelenskiy"). Every merge records why; ids are deterministic.
package resolve

import (
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/graph"
)

// Merge records one decision of the resolver, for `extract --explain`.
type Merge struct {
	Article string // article id
	Mention string // surface text
	Entity  string // node id it was resolved to
	Reason  string
}

// Resolver resolves mentions. It is safe for concurrent use across articles in Local;
// Global runs once over every article.
type Resolver struct {
	lex *lexicon.Lexicon
	// officesByName indexes the offices table's rows by lexicon.ActorKey of the holder and
	// each alias (built once, on first use, by officesOf).
	officesOnce   sync.Once
	officesByName map[string][]int
}

// New returns a Resolver that uses lex for office holders and organisation kinds.
func New(lex *lexicon.Lexicon) *Resolver { return &Resolver{lex: lex} }

// local person keys are "~p:<first key>|<surname key>"; Global rewrites them to node ids.
const localPrefix = "~p:"

func splitName(name string) (first, last string) {
	f := strings.Fields(strings.ReplaceAll(name, ".", ". "))
	if len(f) == 0 {
		return "", ""
	}
	for len(f) > 2 && article.NameSuffix(f[len(f)-1]) {
		f = f[:len(f)-1] // "Ferdinand Marcos Jr." is Marcos
	}
	last = f[len(f)-1]
	if len(f) >= 2 {
		first = strings.ReplaceAll(f[0], ".", "")
		if len(f) > 2 && len(strings.TrimRight(f[0], ".")) == 1 { // "J. D. Vance"
			first = ""
			for _, p := range f[:len(f)-1] {
				first += strings.TrimRight(p, ".")
			}
		}
	}
	return first, last
}

func personKey(first, last string) string {
	return localPrefix + strings.ToLower(graph.Fold(first)) + "|" + surnameKey(last)
}

// Result is the resolution of one article.
type Result struct {
	Doc    *article.Doc
	Merges []Merge
	Events []EventInfo // event n of the article has the local key "~e:n" until Global
	// Aliases are the spellings this article contributes to each entity's aliases (filled
	// by Global, sorted, the entity's name included): the MENTIONS relationship carries
	// them, so that a store can recompute a node's aliases when an article goes.
	Aliases map[string][]string
	// roleAliases are the role descriptions of people, by mention ("Iraqi Foreign
	// Minister"): Global credits them to the person as aliases.
	roleAliases []roleAlias
}

type roleAlias struct {
	mention int
	phrase  string
}

// Local resolves the mentions of one article in place: people and events get a local key
// (turned into node ids by Global), everything else its node id.
func (r *Resolver) Local(d *article.Doc) *Result {
	var merges []Merge
	note := func(m *article.Mention, why string) {
		m.Why = why
		merges = append(merges, Merge{Article: d.Meta.ID, Mention: m.Text, Entity: m.Entity, Reason: why})
	}
	// Full names first: they define the article's people.
	type person struct {
		key, first, last string
		roles            []role
	}
	var people []*person
	byKey := map[string]*person{}
	bySurname := map[string][]*person{} // surnameKey of the last name -> people, in order
	byFirst := map[string][]*person{}   // NameKey of the first name -> people, in order
	addPerson := func(p *person) {
		byKey[p.key] = p
		people = append(people, p)
		bySurname[surnameKey(p.last)] = append(bySurname[surnameKey(p.last)], p)
		if p.first != "" {
			byFirst[article.NameKey(p.first)] = append(byFirst[article.NameKey(p.first)], p)
		}
	}
	// firstAt: the earliest start of a mention resolved to each person key so far, so that
	// "is there a mention of p before this one" costs a map look-up.
	firstAt := map[string]int{}
	setEntity := func(m *article.Mention, key string) {
		m.Entity = key
		if at, ok := firstAt[key]; !ok || m.Start < at {
			firstAt[key] = m.Start
		}
	}
	before := func(key string, off int) bool {
		at, ok := firstAt[key]
		return ok && at < off
	}
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Label != graph.LabelPerson || m.Kind != article.KindName {
			continue
		}
		first, last := splitName(m.Text)
		if first == "" {
			continue
		}
		k := personKey(first, last)
		p := byKey[k]
		if p == nil {
			p = &person{key: k, first: first, last: last}
			addPerson(p)
		}
		setEntity(m, k)
		if m.Role != "" && !m.Former {
			p.roles = addRole(p.roles, role{m.Role, m.RoleOrg})
		}
	}
	// Surname-only mentions: the person of the article with that surname (nearest before).
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Label != graph.LabelPerson || m.Kind != article.KindName || m.Entity != "" {
			continue
		}
		f := strings.Fields(m.Text) // "von der Leyen" is Leyen
		sk := surnameKey(f[len(f)-1])
		var best *person
		for _, p := range bySurname[sk] {
			best = p // people are in order of first mention; last match wins only if it's before
			if before(p.key, m.Start) {
				break
			}
		}
		if best == nil {
			// Family name first ("Xi" after "Xi Jinping"): the first word of one full name.
			for _, p := range byFirst[sk] {
				if best != nil && best != p {
					best = nil
					break
				}
				best = p
			}
		}
		if best != nil {
			setEntity(m, best.key)
			reason := "surname of " + best.first + " " + best.last + " named in this article"
			if graph.Fold(best.last) != graph.Fold(m.Text) {
				reason = "transliteration variant of " + best.last + " (" + best.first + " " + best.last + ") in this article"
			}
			note(m, reason)
			if m.Role != "" {
				best.roles = addRole(best.roles, role{m.Role, m.RoleOrg})
			}
			continue
		}
		setEntity(m, personKey("", f[len(f)-1]))
		if m.Role != "" {
			p := &person{key: m.Entity, last: m.Text, roles: []role{{m.Role, m.RoleOrg}}}
			if byKey[p.key] == nil {
				addPerson(p)
			} else {
				byKey[p.key].roles = addRole(byKey[p.key].roles, p.roles[0])
			}
		} else if byKey[m.Entity] == nil {
			addPerson(&person{key: m.Entity, last: m.Text})
		}
	}
	// Unknown organisations and places named by the article: their own ids; "known as"
	// gives a second name of the same entity.
	for i := range d.Mentions {
		m := &d.Mentions[i]
		if m.Entity != "" || m.Label == graph.LabelPerson || m.Label == graph.LabelEvent || m.Kind != article.KindName {
			continue
		}
		m.Entity = graph.NodeID(m.Label, canonicalText(m.Text))
	}
	r.knownAs(d, note)
	byTitle, byOrg := roleIndex(len(people), func(i int) []role { return people[i].roles })
	matching := map[role][]int{} // a role phrase's role -> the people it matches, in order
	alliances := r.alliances(d)
	// Role phrases: apposition, then the person the article gave that role, then the office
	// holder on the article's date.
	for i := range d.Mentions {
		m := &d.Mentions[i]
		switch {
		case m.Kind == article.KindRole && m.Label == graph.LabelOrganization:
			if e := alliances.around(i); e != "" {
				m.Entity = e
				note(m, "the alliance last named before it")
			}
		case m.Kind == article.KindRole && m.Label == graph.LabelPerson:
			p := appositionNext(d, i)
			if p < 0 {
				p = appositionPerson(d, i)
			}
			if p >= 0 && d.Mentions[p].Entity != "" {
				setEntity(m, d.Mentions[p].Entity)
				note(m, "apposition to "+d.Mentions[p].Text)
				giveRole(d, i, p)
				continue
			}
			if m.Former {
				continue
			}
			if m.Role == article.RoleCounterpart {
				// "his Canadian counterpart": the person the article ties to that country, else
				// the head of its government on the article's date.
				found := ""
				if ps := byOrg[m.RoleOrg]; m.RoleOrg != "" && len(ps) > 0 {
					found = people[ps[0]].key
				}
				if found != "" {
					setEntity(m, found)
					note(m, "the article's person of "+m.RoleOrg)
				} else if name, office := r.headOf(m.RoleOrg, d.Meta.Published); name != "" {
					first, last := splitName(name)
					setEntity(m, personKey(first, last))
					note(m, office+" on "+d.Meta.Published+" (offices table)")
				}
				continue
			}
			// The last person (in order of first mention) given this role who is mentioned
			// before the phrase, else the first given it; who matches a role is worked out
			// once per role.
			want := role{m.Role, m.RoleOrg}
			ms, ok := matching[want]
			if !ok {
				for _, pi := range candidates(byTitle[strings.ToLower(m.Role)], byOrg[m.RoleOrg], m.RoleOrg != "") {
					if slices.ContainsFunc(people[pi].roles, func(pr role) bool { return roleMatches(pr, want) }) {
						ms = append(ms, pi)
					}
				}
				matching[want] = ms
			}
			var match *person
			for k := len(ms) - 1; k >= 0 && match == nil; k-- {
				if before(people[ms[k]].key, m.Start) {
					match = people[ms[k]]
				}
			}
			if match == nil && len(ms) > 0 {
				match = people[ms[0]]
			}
			if match != nil {
				setEntity(m, match.key)
				note(m, "the article calls "+strings.TrimSpace(match.first+" "+match.last)+" "+m.Role)
				continue
			}
			if name, office := r.holder(m.Role, m.RoleOrg, d.Meta.Published); name != "" {
				first, last := splitName(name)
				setEntity(m, personKey(first, last))
				note(m, office+" on "+d.Meta.Published+" (offices table)")
			}
		}
	}
	res := &Result{Doc: d}
	merges = append(merges, res.roleNodesAndAliases()...)
	res.Events = r.events(d, note)
	res.Merges = merges
	return res
}

type role struct{ title, org string }

// addRole adds r to a person's roles once: a person named a thousand times with the same
// title has one role, so role matching stays linear in the article.
func addRole(rs []role, r role) []role {
	for _, x := range rs {
		if x == r {
			return rs
		}
	}
	return append(rs, r)
}

// roleIndex indexes people (by their position) under the lower-cased titles and the
// organisations of their roles, in order: what roleMatches can match.
func roleIndex(n int, rolesOf func(i int) []role) (byTitle, byOrg map[string][]int) {
	byTitle, byOrg = map[string][]int{}, map[string][]int{}
	for i := 0; i < n; i++ {
		for _, r := range rolesOf(i) {
			t := strings.ToLower(r.title)
			if l := byTitle[t]; len(l) == 0 || l[len(l)-1] != i {
				byTitle[t] = append(l, i)
			}
			if l := byOrg[r.org]; len(l) == 0 || l[len(l)-1] != i {
				byOrg[r.org] = append(l, i)
			}
		}
	}
	return byTitle, byOrg
}

// candidates merges two sorted index lists (the second only when withOrg) without repeats.
func candidates(a, b []int, withOrg bool) []int {
	if !withOrg || len(b) == 0 {
		return a
	}
	out := make([]int, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i] < b[j]):
			out = append(out, a[i])
			i++
		case i >= len(a) || b[j] < a[i]:
			out = append(out, b[j])
			j++
		default:
			out = append(out, a[i])
			i, j = i+1, j+1
		}
	}
	return out
}

// generic roles match any head-of role of the same organisation or country.
var generic = map[string]bool{"chief": true, "head": true, "leader": true, "boss": true}

func roleMatches(have, want role) bool {
	if want.org != "" && have.org != "" && want.org != have.org {
		return false
	}
	if strings.EqualFold(have.title, want.title) {
		return true
	}
	if want.org != "" && have.org == want.org && (generic[strings.ToLower(want.title)] || generic[strings.ToLower(have.title)]) {
		return true
	}
	return false
}

// appositionPerson finds "NAME, ROLE" or "ROLE, NAME" around mention i: the nearest
// mention of the sentence before (or after) it, overlapping ones passed over.
func appositionPerson(d *article.Doc, i int) int {
	m := d.Mentions[i]
	for j := i - 1; j >= 0; j-- {
		p := d.Mentions[j]
		if p.Sentence != m.Sentence {
			break
		}
		if p.Modifier || p.End > m.Start {
			continue
		}
		if p.Label == graph.LabelPerson && p.Kind == article.KindName {
			gap := d.Text[p.End:m.Start]
			if strings.TrimSpace(gap) == "," && !afterPreposition(d, p) {
				return j
			}
		}
		break
	}
	for j := i + 1; j < len(d.Mentions); j++ {
		p := d.Mentions[j]
		if p.Sentence != m.Sentence {
			break
		}
		if p.Modifier || p.Start < m.End {
			continue
		}
		if p.Label == graph.LabelPerson && p.Kind == article.KindName && strings.TrimSpace(d.Text[m.End:p.Start]) == "," {
			return j
		}
		break
	}
	return -1
}

func canonicalText(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"the ", "The "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}

// knownAs links "X, known as Y" / "X, also known as Y": Y is another name of X. Renames
// are recorded and applied in one pass at the end (a mention's current entity and name
// follow the chain of renames), so the scan stays linear in the article.
func (r *Resolver) knownAs(d *article.Doc, note func(*article.Mention, string)) {
	type alias struct{ to, name string }
	ren := map[string]alias{}
	var find func(e string) (string, string, bool)
	find = func(e string) (string, string, bool) {
		a, ok := ren[e]
		if !ok {
			return e, "", false
		}
		root, name, deeper := find(a.to)
		if !deeper {
			return a.to, a.name, true
		}
		ren[e] = alias{root, name} // path compression: the last hop's name is the name
		return root, name, true
	}
	cur := func(m *article.Mention) {
		if root, name, ok := find(m.Entity); ok {
			m.Entity, m.Name = root, name
		}
	}
	for i := 0; i+1 < len(d.Mentions); i++ {
		a, b := &d.Mentions[i], &d.Mentions[i+1]
		cur(a)
		cur(b)
		if a.Sentence != b.Sentence || a.Label != b.Label || a.Label == graph.LabelPerson || a.Entity == "" || a.End > b.Start {
			continue
		}
		gap := strings.ToLower(strings.TrimSpace(d.Text[a.End:b.Start]))
		gap = strings.TrimSuffix(strings.TrimPrefix(gap, ","), " the")
		gap = strings.TrimSpace(strings.TrimSuffix(gap, "the"))
		switch gap {
		case "known as", "also known as", "dubbed", "or", "called":
			// The entity the lexicon knows keeps its id, so other articles find it.
			keep, drop := a, b
			if a.Name == "" && b.Name != "" {
				keep, drop = b, a
			}
			old := drop.Entity
			note(drop, "another name of "+keep.Text+" ("+gap+")")
			switch {
			case old == "":
			case old == keep.Entity: // the same entity: its mentions take keep's name
				for k := range d.Mentions {
					if d.Mentions[k].Entity == old {
						d.Mentions[k].Name = keep.Name
					}
				}
			default:
				ren[old] = alias{keep.Entity, keep.Name}
			}
		}
	}
	for k := range d.Mentions {
		cur(&d.Mentions[k])
	}
}

// allianceIndex gives, for a mention, the entity of the last alliance-like organisation
// named before it, else of the first named after it.
type allianceIndex struct{ before, after []string }

func (a allianceIndex) around(i int) string {
	if a.before[i] != "" {
		return a.before[i]
	}
	return a.after[i]
}

// alliances builds the allianceIndex of the article in two passes.
func (r *Resolver) alliances(d *article.Doc) allianceIndex {
	n := len(d.Mentions)
	a := allianceIndex{before: make([]string, n), after: make([]string, n)}
	isAlliance := make([]bool, n)
	for j, m := range d.Mentions {
		if m.Label != graph.LabelOrganization || m.Entity == "" || m.Kind == article.KindRole {
			continue
		}
		if e, _, ok := r.lex.Lookup(strings.Fields(m.Text)); ok && e.Kind == "alliance" {
			isAlliance[j] = true
		}
	}
	last := ""
	for j := 0; j < n; j++ {
		a.before[j] = last
		if isAlliance[j] {
			last = d.Mentions[j].Entity
		}
	}
	last = ""
	for j := n - 1; j >= 0; j-- {
		a.after[j] = last
		if isAlliance[j] {
			last = d.Mentions[j].Entity
		}
	}
	return a
}

// sortedKeys returns the keys of m, sorted.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// afterPreposition reports whether a mention follows a preposition ("According to
// Hebestreit, the chancellor ...": the role is not an apposition of Hebestreit).
func afterPreposition(d *article.Doc, m article.Mention) bool {
	before := strings.Fields(d.Text[max(0, m.Start-24):m.Start])
	if len(before) == 0 {
		return false
	}
	switch strings.ToLower(before[len(before)-1]) {
	case "to", "by", "with", "from", "of", "for", "about", "on", "at", "in":
		return true
	}
	return false
}
