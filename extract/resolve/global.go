package resolve

import (
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// Global resolves people and events across articles: it rewrites every mention's entity
// to its node id, and returns the entity nodes (sorted by id) and the merges it made.
// Results must be in a deterministic order (by article id) for deterministic output.
func (r *Resolver) Global(results []*Result) ([]graph.Node, []Merge) {
	var merges []Merge
	// 1. People: one cluster per full-name key; surname-only keys join the single cluster
	// with that surname, or the office holder with that surname.
	clusters := map[string]*cluster{}
	bySurname := map[string][]string{} // surname key -> full keys
	surnameOnly := map[string]bool{}
	for _, res := range results {
		for _, m := range res.Doc.Mentions {
			if !strings.HasPrefix(m.Entity, localPrefix) {
				continue
			}
			first, last := splitKey(m.Entity)
			if first == "" {
				surnameOnly[m.Entity] = true
				continue
			}
			c := clusters[m.Entity]
			if c == nil {
				c = &cluster{key: m.Entity, surface: map[string]int{}}
				clusters[m.Entity] = c
				bySurname[last] = append(bySurname[last], m.Entity)
			}
			if m.Kind == article.KindName && strings.Contains(strings.TrimSpace(m.Text), " ") {
				c.surface[strings.TrimSpace(m.Text)]++
			}
		}
	}
	// Full names known only from the offices table (a role resolved by date) have no surface.
	officeNames := map[string]string{} // full key -> office spelling
	for _, o := range r.lex.Offices() {
		f, l := splitName(o.Holder)
		if f != "" {
			officeNames[personKey(f, l)] = o.Holder
		}
		for _, a := range o.Aliases {
			if f, l := splitName(a); f != "" {
				if _, ok := officeNames[personKey(f, l)]; !ok {
					officeNames[personKey(f, l)] = o.Holder
				}
			}
		}
	}
	// The publication dates of the articles naming each surname-only key: "Johnson" in a 2023
	// article is not the office holder whose term ended in 2022.
	keyDates := map[string][]string{}
	for _, res := range results {
		for _, m := range res.Doc.Mentions {
			if surnameOnly[m.Entity] && res.Doc.Meta.Published != "" {
				keyDates[m.Entity] = append(keyDates[m.Entity], res.Doc.Meta.Published)
			}
		}
	}
	alias := map[string]string{}         // surname-only key -> full key
	officeCands := map[string][]string{} // surname-only key -> office holders' full keys
	why := map[string]string{}
	for _, k := range sortedKeys(surnameOnly) {
		_, last := splitKey(k)
		cands := uniqueSorted(bySurname[last])
		switch {
		case len(cands) == 1:
			alias[k], why[k] = cands[0], "surname of a person named in full in another article"
		case len(cands) > 1:
			for _, c := range cands {
				if _, ok := officeNames[c]; ok {
					alias[k], why[k] = c, "surname shared by several people; the office holder wins"
					break
				}
			}
		default:
			// Office holders with that surname; which one (if any) is decided per article, by
			// its date, when the mentions are rewritten.
			for _, full := range sortedKeys(officeNames) {
				if _, l := splitKey(full); l == last && r.heldWhen(officeNames[full], keyDates[k]) {
					officeCands[k] = append(officeCands[k], full)
					if clusters[full] == nil {
						clusters[full] = &cluster{key: full, surface: map[string]int{}}
					}
				}
			}
		}
	}
	for _, res := range results {
		for _, m := range res.Doc.Mentions {
			if strings.HasPrefix(m.Entity, localPrefix) {
				first, _ := splitKey(m.Entity)
				if first != "" && clusters[m.Entity] == nil {
					clusters[m.Entity] = &cluster{key: m.Entity, surface: map[string]int{}}
				}
			}
		}
	}
	used := map[string]bool{}
	name := canonicalPeople(clusters, officeNames, used) // entity key or id -> canonical name
	firstSurface := map[string]string{}                  // surname-only key -> its first mention's text
	for _, res := range results {
		for _, m := range res.Doc.Mentions {
			if _, seen := firstSurface[m.Entity]; !seen && surnameOnly[m.Entity] && m.Text != "" {
				firstSurface[m.Entity] = m.Text
			}
		}
	}
	for _, k := range sortedKeys(surnameOnly) {
		if _, ok := alias[k]; ok {
			continue
		}
		_, last := splitKey(k)
		// Keep the surname as written in the first mention.
		surface := firstSurface[k]
		if surface == "" {
			surface = last
		}
		id := uniqueID(graph.NodeID(graph.LabelPerson, last), used)
		clusters[k] = &cluster{key: k, id: id}
		name[id] = surface
	}
	personID := func(k string) string {
		if full, ok := alias[k]; ok {
			k = full
		}
		if c := clusters[k]; c != nil {
			return c.id
		}
		return ""
	}
	// 2. Rewrite people; record cross-article merges of surname-only mentions.
	for _, res := range results {
		for i := range res.Doc.Mentions {
			m := &res.Doc.Mentions[i]
			if !strings.HasPrefix(m.Entity, localPrefix) {
				continue
			}
			k := m.Entity
			m.Entity = personID(k)
			if w, ok := why[k]; ok {
				merges = append(merges, Merge{Article: res.Doc.Meta.ID, Mention: m.Text, Entity: m.Entity, Reason: w})
			}
			for _, full := range officeCands[k] {
				var dates []string
				if res.Doc.Meta.Published != "" {
					dates = []string{res.Doc.Meta.Published}
				}
				if r.heldWhen(officeNames[full], dates) {
					m.Entity = clusters[full].id
					merges = append(merges, Merge{Article: res.Doc.Meta.ID, Mention: m.Text, Entity: m.Entity,
						Reason: "surname of " + officeNames[full] + ", in office on the article's date (offices table)"})
					break
				}
			}
		}
		for n := range res.Events {
			for p, k := range res.Events[n].Participants {
				if strings.HasPrefix(k, localPrefix) {
					res.Events[n].Participants[p] = personID(k)
				}
			}
		}
	}
	// A title without its country or organisation ("Defense Secretary Pete Hegseth") gets it
	// from the offices table when the person held an office of that title.
	for _, res := range results {
		for i := range res.Doc.Mentions {
			m := &res.Doc.Mentions[i]
			if m.Label != graph.LabelPerson || m.Role == "" || m.RoleOrg != "" || m.Entity == "" {
				continue
			}
			m.RoleOrg, m.RoleOrgName = r.officeOf(name[m.Entity], m.Role, res.Doc.Meta.Published)
		}
	}
	// 3. Events: id from name, place and the article's year, so two articles about the same
	// summit give one event.
	events := map[string]*graph.Node{}
	for _, res := range results {
		year := ""
		if len(res.Doc.Meta.Published) >= 4 {
			year = res.Doc.Meta.Published[:4]
		}
		evMentions := map[string][]int{} // local event key -> its mentions
		for i, m := range res.Doc.Mentions {
			if strings.HasPrefix(m.Entity, "~e:") {
				evMentions[m.Entity] = append(evMentions[m.Entity], i)
			}
		}
		for n := range res.Events {
			ev := &res.Events[n]
			if len(ev.Participants) >= 2 {
				// "Trump-Putin summit", surnames in the order the article names them.
				var sur []string
				for _, p := range ev.Participants {
					f := strings.Fields(name[p])
					if len(f) > 0 {
						sur = append(sur, f[len(f)-1])
					}
				}
				pname := strings.Join(sur, "-") + " " + ev.Kind
				if ev.Name == "" {
					ev.Name = pname
				} else if pname != ev.Name {
					ev.Aliases = append(ev.Aliases, pname)
				}
			}
			if ev.Name == "" {
				ev.Name = ev.Kind
			}
			idName := ev.Name
			if ev.PlaceName != "" && !strings.Contains(ev.Name, ev.PlaceName) {
				idName += " " + ev.PlaceName
			}
			if year != "" {
				idName += " " + year
			}
			ev.ID = graph.NodeID(graph.LabelEvent, idName)
			for _, i := range evMentions["~e:"+strconv.Itoa(n)] {
				res.Doc.Mentions[i].Entity = ev.ID
			}
			node := events[ev.ID]
			if node == nil {
				node = &graph.Node{ID: ev.ID, Label: graph.LabelEvent, Name: ev.Name, Props: map[string]any{"kind": ev.Kind}}
				events[ev.ID] = node
			} else {
				merges = append(merges, Merge{Article: res.Doc.Meta.ID, Mention: ev.Name, Entity: ev.ID,
					Reason: "same name, place and year as an event of another article"})
			}
			if ev.Place != "" {
				node.Props["place"] = ev.Place
				node.Props["place_name"] = ev.PlaceName
			}
			node.Aliases = append(node.Aliases, ev.Aliases...)
			res.addAliases(ev.ID, ev.Aliases...)
		}
	}
	// 4. Nodes from every resolved mention.
	nodes := map[string]*graph.Node{}
	for id, n := range events {
		nodes[id] = n
	}
	for _, res := range results {
		aid := res.Doc.Meta.ID
		for _, m := range res.Doc.Mentions {
			if m.Entity == "" || m.Label == "" {
				continue
			}
			if strings.HasPrefix(m.Entity, roleNodePrefix) && nodes[m.Entity] == nil {
				nodes[m.Entity] = &graph.Node{ID: m.Entity, Label: graph.LabelPerson, Name: m.Name, Props: r.roleNodeProps(m)}
			}
			lbl, ok := graph.LabelOfID(m.Entity)
			if !ok {
				continue
			}
			n := nodes[m.Entity]
			if n == nil {
				nm := name[m.Entity]
				if nm == "" {
					nm = m.Name
				}
				if nm == "" {
					nm = canonicalText(m.Text)
				}
				n = &graph.Node{ID: m.Entity, Label: lbl, Name: nm, Props: r.props(lbl, nm)}
				if m.Sector != "" && lbl == graph.LabelOrganization {
					// A collective actor: "Malian rebels" -> {kind: group, country, sector}.
					n.Props = map[string]any{"kind": "group", "country": m.Country, "sector": m.Sector}
				}
				nodes[m.Entity] = n
			}
			n.Articles = append(n.Articles, aid)
			res.addAliases(m.Entity)
			if m.Kind == article.KindName && lbl != graph.LabelEvent {
				n.Aliases = append(n.Aliases, canonicalText(m.Text))
				res.addAliases(m.Entity, canonicalText(m.Text))
			}
		}
	}
	r.roleAliases(results, nodes)
	for _, res := range results {
		for id, al := range res.Aliases {
			res.Aliases[id] = uniqueSorted(al)
		}
	}
	out := make([]graph.Node, 0, len(nodes))
	for _, id := range sortedKeys(nodes) {
		n := nodes[id]
		n.Articles = uniqueSorted(n.Articles)
		var al []string
		for _, a := range uniqueSorted(n.Aliases) {
			if !strings.EqualFold(a, n.Name) {
				al = append(al, a)
			}
		}
		n.Aliases = al
		if len(n.Props) == 0 {
			n.Props = nil
		}
		out = append(out, *n)
	}
	return out, merges
}

// addAliases records spellings this article contributes to an entity's aliases (none
// still records the entity, so that every entity it names has a list).
func (r *Result) addAliases(id string, aliases ...string) {
	if r.Aliases == nil {
		r.Aliases = map[string][]string{}
	}
	r.Aliases[id] = append(r.Aliases[id], aliases...)
}

// cluster is one person across articles: a full-name key and its spellings.
type cluster struct {
	key     string
	surface map[string]int // full-name spellings and their counts
	id      string
}

// canonicalPeople gives every cluster its id and returns the canonical name of each id.
// Ids come from the canonical key, never from this run's spellings, so that separate runs
// agree: a person the offices table knows is the table's holder (its id and name); anyone
// else is the folded first name and the transliteration-insensitive surname key
// ("Volodymyr Zelenskiy" -> person:volodymyr-zelensky), named by the most frequent full
// spelling of the run. used collects the ids taken.
func canonicalPeople(clusters map[string]*cluster, officeNames map[string]string, used map[string]bool) map[string]string {
	for _, h := range officeNames {
		used[graph.NodeID(graph.LabelPerson, h)] = true
	}
	name := map[string]string{}
	for _, k := range sortedKeys(clusters) {
		c := clusters[k]
		if h := officeNames[k]; h != "" {
			c.id = graph.NodeID(graph.LabelPerson, h)
			name[c.id] = h
			continue
		}
		best, bestN := "", -1
		for _, s := range sortedKeys(c.surface) {
			if n := c.surface[s]; n > bestN {
				best, bestN = s, n
			}
		}
		f, l := splitKey(k)
		if best == "" {
			best = strings.TrimSpace(f + " " + l)
		}
		c.id = uniqueID(graph.NodeID(graph.LabelPerson, f+" "+l), used)
		name[c.id] = best
	}
	return name
}

// props returns the node properties the lexicon knows for an entity.
func (r *Resolver) props(l graph.Label, name string) map[string]any {
	p := map[string]any{}
	switch l {
	case graph.LabelCountry:
		if c, ok := r.lex.Country(name); ok {
			p["iso2"] = c.ISO2
		}
	case graph.LabelOrganization, graph.LabelPlace:
		if e, n, ok := r.lex.Lookup(strings.Fields(name)); ok && n == len(strings.Fields(name)) {
			if e.Kind != "" {
				p["kind"] = e.Kind
			}
			if e.Country != "" {
				p["country"] = e.Country
			}
		}
	}
	return p
}

func splitKey(k string) (first, last string) {
	k = strings.TrimPrefix(k, localPrefix)
	i := strings.IndexByte(k, '|')
	if i < 0 {
		return "", k
	}
	return k[:i], k[i+1:]
}

func uniqueSorted(ss []string) []string {
	if len(ss) == 0 {
		return nil
	}
	c := append([]string{}, ss...)
	sort.Strings(c)
	out := c[:1]
	for _, s := range c[1:] {
		if s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

func uniqueID(id string, used map[string]bool) string {
	base, n := id, 2
	for used[id] {
		id = base + "-" + strconv.Itoa(n)
		n++
	}
	used[id] = true
	return id
}
