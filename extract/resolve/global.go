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
// It runs the phases of a Cross over results held in memory; a pipeline that does not
// hold every article runs them itself, one article at a time (see Cross).
func (r *Resolver) Global(results []*Result) ([]graph.Node, []Merge) {
	g := r.NewCross()
	for _, res := range results {
		g.Observe(res)
	}
	g.Prepare()
	for _, res := range results {
		g.People(res, true)
		g.Events(res, true)
	}
	for _, res := range results {
		g.Nodes(res, true)
	}
	for _, res := range results {
		g.RoleAliases(res, true)
		res.SortAliases()
	}
	nodes, arts, merges := g.Finish()
	for i := range nodes {
		nodes[i].Articles = uniqueSorted(arts[i].IDs(func(k int) string { return results[k].Doc.Meta.ID }))
	}
	return nodes, merges
}

// Cross is the cross-article resolution in phases, so that it needs an index of names and
// ids and never every article at once. Each phase sees every article in the same order
// (by article id) before the next phase starts:
//
//  1. Observe every article (full names, surnames, their dates and first spellings);
//  2. Prepare, once: which surname is whose, canonical people, their ids and names;
//  3. People then Events of every article, recording (record true): events across articles;
//  4. Nodes of every article, recording: the entity nodes, their articles and aliases;
//  5. RoleAliases of every article, then Finish for the nodes and merges.
//
// The index grows with the entities, not with the articles: a node's articles are the
// ordinals of the articles that Nodes recorded (ArticleList, a byte or two each), and the
// merges are not kept when the caller does not want them (DropMerges).
//
// An article decoded afresh for a later phase gets the earlier phases' rewrites again by
// calling People, Events and Nodes with record false: they rewrite the article as before
// and leave the index alone. Global runs the phases over results in memory.
type Cross struct {
	r *Resolver

	// Observe
	clusters     map[string]*cluster // full-name key -> cluster
	bySurname    map[string][]string // surname key -> full keys
	surnameOnly  map[string]bool     // surname-only keys
	keyDates     map[string]dateSet  // surname-only key -> publication dates of the articles naming it
	firstSurface map[string]string   // surname-only key -> its first mention's text

	// Prepare
	officeNames map[string]string   // full key -> office spelling
	alias       map[string]string   // surname-only key -> full key
	officeCands map[string][]string // surname-only key -> office holders' full keys
	why         map[string]string
	name        map[string]string // entity key or id -> canonical name

	// People, Events, Nodes, RoleAliases
	events       map[string]*graph.Node
	nodes        map[string]*graph.Node
	compacted    map[*graph.Node]int // length of a node's aliases when last made unique
	arts         map[*graph.Node]*ArticleList
	recorded     int  // articles Nodes recorded so far (the next one's ordinal)
	noMerges     bool // DropMerges
	peopleMerges []Merge
	eventMerges  []Merge
}

// dateSet is a set of dates: heldWhen asks whether any of them falls in an office.
type dateSet map[string]struct{}

func (s dateSet) list() []string {
	if len(s) == 0 {
		return nil
	}
	return sortedKeys(s)
}

// NewCross starts a cross-article resolution.
func (r *Resolver) NewCross() *Cross {
	return &Cross{r: r, clusters: map[string]*cluster{}, bySurname: map[string][]string{},
		surnameOnly: map[string]bool{}, keyDates: map[string]dateSet{}, firstSurface: map[string]string{},
		events: map[string]*graph.Node{}, compacted: map[*graph.Node]int{}, arts: map[*graph.Node]*ArticleList{}}
}

// DropMerges stops the collection of the merges (Finish then returns none): a run that
// does not explain its decisions need not hold one record per merged mention.
func (g *Cross) DropMerges() { g.noMerges = true }

// Observe reads one article's people (phase 1).
func (g *Cross) Observe(res *Result) {
	for _, m := range res.Doc.Mentions {
		if !strings.HasPrefix(m.Entity, localPrefix) {
			continue
		}
		first, last := splitKey(m.Entity)
		if first == "" {
			g.surnameOnly[m.Entity] = true
			if p := res.Doc.Meta.Published; p != "" {
				ds := g.keyDates[m.Entity]
				if ds == nil {
					ds = dateSet{}
					g.keyDates[m.Entity] = ds
				}
				ds[p] = struct{}{}
			}
			if _, seen := g.firstSurface[m.Entity]; !seen && m.Text != "" {
				g.firstSurface[m.Entity] = m.Text
			}
			continue
		}
		c := g.clusters[m.Entity]
		if c == nil {
			c = &cluster{key: m.Entity, surface: map[string]int{}}
			g.clusters[m.Entity] = c
			g.bySurname[last] = append(g.bySurname[last], m.Entity)
		}
		if m.Kind == article.KindName && strings.Contains(strings.TrimSpace(m.Text), " ") {
			c.surface[strings.TrimSpace(m.Text)]++
		}
	}
}

// Prepare decides, once every article is observed, which full name each surname stands
// for and names every person (phase 2).
func (g *Cross) Prepare() {
	r := g.r
	// Full names known only from the offices table (a role resolved by date) have no surface.
	g.officeNames = map[string]string{} // full key -> office spelling
	for _, o := range r.lex.Offices() {
		f, l := splitName(o.Holder)
		if f != "" {
			g.officeNames[personKey(f, l)] = o.Holder
		}
		for _, a := range o.Aliases {
			if f, l := splitName(a); f != "" {
				if _, ok := g.officeNames[personKey(f, l)]; !ok {
					g.officeNames[personKey(f, l)] = o.Holder
				}
			}
		}
	}
	// The office holders' full keys by surname key, in key order: one scan of the table,
	// not one per surname.
	officeBySurname := map[string][]string{}
	for _, full := range sortedKeys(g.officeNames) {
		_, l := splitKey(full)
		officeBySurname[l] = append(officeBySurname[l], full)
	}
	g.alias, g.officeCands, g.why = map[string]string{}, map[string][]string{}, map[string]string{}
	for _, k := range sortedKeys(g.surnameOnly) {
		_, last := splitKey(k)
		cands := uniqueSorted(g.bySurname[last])
		switch {
		case len(cands) == 1:
			g.alias[k], g.why[k] = cands[0], "surname of a person named in full in another article"
		case len(cands) > 1:
			for _, c := range cands {
				if _, ok := g.officeNames[c]; ok {
					g.alias[k], g.why[k] = c, "surname shared by several people; the office holder wins"
					break
				}
			}
		default:
			// Office holders with that surname (the article's own "Johnson" in 2023 is not the
			// office holder whose term ended in 2022); which one (if any) is decided per
			// article, by its date, when the mentions are rewritten.
			dates := g.keyDates[k].list()
			for _, full := range officeBySurname[last] {
				if r.heldWhen(g.officeNames[full], dates) {
					g.officeCands[k] = append(g.officeCands[k], full)
					if g.clusters[full] == nil {
						g.clusters[full] = &cluster{key: full, surface: map[string]int{}}
					}
				}
			}
		}
	}
	used := map[string]bool{}
	g.name = canonicalPeople(g.clusters, g.officeNames, used) // entity key or id -> canonical name
	for _, k := range sortedKeys(g.surnameOnly) {
		if _, ok := g.alias[k]; ok {
			continue
		}
		_, last := splitKey(k)
		// Keep the surname as written in the first mention.
		surface := g.firstSurface[k]
		if surface == "" {
			surface = last
		}
		id := uniqueID(graph.NodeID(graph.LabelPerson, last), used)
		g.clusters[k] = &cluster{key: k, id: id}
		g.name[id] = surface
	}
	g.keyDates, g.firstSurface, g.bySurname = nil, nil, nil
}

// personID is the node id of a local person key, once prepared.
func (g *Cross) personID(k string) string {
	if full, ok := g.alias[k]; ok {
		k = full
	}
	if c := g.clusters[k]; c != nil {
		return c.id
	}
	return ""
}

// People rewrites the article's people to their node ids, and gives a title without its
// country or organisation the one of the office its person held (phase 3). record adds
// the cross-article merges to the index.
func (g *Cross) People(res *Result, record bool) {
	r := g.r
	for i := range res.Doc.Mentions {
		m := &res.Doc.Mentions[i]
		if !strings.HasPrefix(m.Entity, localPrefix) {
			continue
		}
		k := m.Entity
		m.Entity = g.personID(k)
		if w, ok := g.why[k]; ok && record && !g.noMerges {
			g.peopleMerges = append(g.peopleMerges, Merge{Article: res.Doc.Meta.ID, Mention: m.Text, Entity: m.Entity, Reason: w})
		}
		for _, full := range g.officeCands[k] {
			var dates []string
			if res.Doc.Meta.Published != "" {
				dates = []string{res.Doc.Meta.Published}
			}
			if r.heldWhen(g.officeNames[full], dates) {
				m.Entity = g.clusters[full].id
				if record && !g.noMerges {
					g.peopleMerges = append(g.peopleMerges, Merge{Article: res.Doc.Meta.ID, Mention: m.Text, Entity: m.Entity,
						Reason: "surname of " + g.officeNames[full] + ", in office on the article's date (offices table)"})
				}
				break
			}
		}
	}
	for n := range res.Events {
		for p, k := range res.Events[n].Participants {
			if strings.HasPrefix(k, localPrefix) {
				res.Events[n].Participants[p] = g.personID(k)
			}
		}
	}
	// A title without its country or organisation ("Defense Secretary Pete Hegseth") gets it
	// from the offices table when the person held an office of that title.
	for i := range res.Doc.Mentions {
		m := &res.Doc.Mentions[i]
		if m.Label != graph.LabelPerson || m.Role == "" || m.RoleOrg != "" || m.Entity == "" {
			continue
		}
		m.RoleOrg, m.RoleOrgName = r.officeOf(g.name[m.Entity], m.Role, res.Doc.Meta.Published)
	}
}

// Events names the article's events and gives them their ids: from name, place and the
// article's year, so that two articles about the same summit give one event (phase 3, after
// People). record adds them to the index, merging events across articles.
func (g *Cross) Events(res *Result, record bool) {
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
				f := strings.Fields(g.name[p])
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
		if record {
			g.recordEvent(res, ev)
		}
		res.addAliases(ev.ID, ev.Aliases...)
	}
}

// recordEvent adds an event of res to the index: its node, or a merge with the node of
// another article's event of the same id.
func (g *Cross) recordEvent(res *Result, ev *EventInfo) {
	node := g.events[ev.ID]
	if node == nil {
		node = &graph.Node{ID: ev.ID, Label: graph.LabelEvent, Name: ev.Name, Props: map[string]any{"kind": ev.Kind}}
		g.events[ev.ID] = node
	} else if !g.noMerges {
		g.eventMerges = append(g.eventMerges, Merge{Article: res.Doc.Meta.ID, Mention: ev.Name, Entity: ev.ID,
			Reason: "same name, place and year as an event of another article"})
	}
	if ev.Place != "" {
		node.Props["place"] = ev.Place
		node.Props["place_name"] = ev.PlaceName
	}
	g.addNodeAliases(node, ev.Aliases...)
}

// Nodes makes the nodes of the article's resolved mentions (phase 4, once Events has seen
// every article) and records the spellings the article contributes to each entity. record
// adds the nodes, their articles and aliases to the index.
func (g *Cross) Nodes(res *Result, record bool) {
	if g.nodes == nil {
		g.nodes = map[string]*graph.Node{}
		for id, n := range g.events {
			g.nodes[id] = n
		}
	}
	r, nodes := g.r, g.nodes
	k := g.recorded
	if record {
		g.recorded++
	}
	for _, m := range res.Doc.Mentions {
		if m.Entity == "" || m.Label == "" {
			continue
		}
		if record && strings.HasPrefix(m.Entity, roleNodePrefix) && nodes[m.Entity] == nil {
			nodes[m.Entity] = &graph.Node{ID: m.Entity, Label: graph.LabelPerson, Name: m.Name, Props: r.roleNodeProps(m)}
		}
		lbl, ok := graph.LabelOfID(m.Entity)
		if !ok {
			continue
		}
		var n *graph.Node
		if record {
			if n = nodes[m.Entity]; n == nil {
				n = g.newNode(m, lbl)
				nodes[m.Entity] = n
			}
			l := g.arts[n]
			if l == nil {
				l = &ArticleList{}
				g.arts[n] = l
			}
			l.Add(k)
		}
		res.addAliases(m.Entity)
		if m.Kind == article.KindName && lbl != graph.LabelEvent {
			if record {
				g.addNodeAliases(n, canonicalText(m.Text))
			}
			res.addAliases(m.Entity, canonicalText(m.Text))
		}
	}
}

// newNode is the node of an entity first named by mention m.
func (g *Cross) newNode(m article.Mention, lbl graph.Label) *graph.Node {
	nm := g.name[m.Entity]
	if nm == "" {
		nm = m.Name
	}
	if nm == "" {
		nm = canonicalText(m.Text)
	}
	n := &graph.Node{ID: m.Entity, Label: lbl, Name: nm, Props: g.r.props(lbl, nm)}
	if m.Sector != "" && lbl == graph.LabelOrganization {
		// A collective actor: "Malian rebels" -> {kind: group, country, sector}.
		n.Props = map[string]any{"kind": "group", "country": m.Country, "sector": m.Sector}
	}
	return n
}

// addNodeAliases appends aliases to a node's, dropping the repeats now and then (once the
// list has doubled since it was last done, from 64 on), so that an entity named in every
// article does not hold one copy per mention. The list is sorted and made unique at the end
// anyway (Finish), so this changes nothing but the memory.
func (g *Cross) addNodeAliases(n *graph.Node, aliases ...string) {
	n.Aliases = append(n.Aliases, aliases...)
	if l := len(n.Aliases); l >= 64 && l >= 2*g.compacted[n] {
		n.Aliases = uniqueSorted(n.Aliases)
		g.compacted[n] = len(n.Aliases)
	}
}

// RoleAliases credits the article's role descriptions to the people they describe, as the
// article's spellings and, with record, as aliases of their nodes (phase 5, once Nodes has
// seen every article). RecordRoleAliases is the second half alone.
func (g *Cross) RoleAliases(res *Result, record bool) {
	g.roleAliases(res, record, true)
}

// RecordRoleAliases adds the article's role descriptions to the aliases of the nodes of
// the people they describe (RoleAliases with record does it too): for a pipeline that gives
// articles their spellings in parallel and records in order.
func (g *Cross) RecordRoleAliases(res *Result) {
	g.roleAliases(res, true, false)
}

func (g *Cross) roleAliases(res *Result, nodes, spellings bool) {
	for _, ra := range res.roleAliases {
		m := res.Doc.Mentions[ra.mention]
		n := g.nodes[m.Entity]
		if n == nil || n.Label != graph.LabelPerson || strings.HasPrefix(n.ID, roleNodePrefix) {
			continue
		}
		if nodes {
			g.addNodeAliases(n, ra.phrase)
		}
		if spellings {
			res.addAliases(m.Entity, ra.phrase)
		}
	}
}

// SortAliases sorts the spellings the article contributes to each entity and drops repeats.
func (res *Result) SortAliases() {
	for id, al := range res.Aliases {
		res.Aliases[id] = uniqueSorted(al)
	}
}

// HasNode reports whether an entity of that id has a node (once Nodes has seen every
// article).
func (g *Cross) HasNode(id string) bool { return g.nodes[id] != nil }

// PersonNames maps the ids of person nodes (role nodes left out) to their names, for
// PersonRole (once Nodes has seen every article).
func (g *Cross) PersonNames() map[string]string {
	name := map[string]string{}
	for id, n := range g.nodes {
		if n.Label == graph.LabelPerson && !strings.HasPrefix(id, roleNodePrefix) {
			name[id] = n.Name
		}
	}
	return name
}

// Finish returns the entity nodes, sorted by id, their articles (arts[i] are nodes[i]'s,
// as ordinals of the articles Nodes recorded; the nodes' own Articles are nil), and the
// merges recorded: the people's, then the events'. The Cross is spent.
func (g *Cross) Finish() (nodes []graph.Node, arts []ArticleList, merges []Merge) {
	out := make([]graph.Node, 0, len(g.nodes))
	arts = make([]ArticleList, 0, len(g.nodes))
	for _, id := range sortedKeys(g.nodes) {
		n := g.nodes[id]
		var l ArticleList
		if p := g.arts[n]; p != nil {
			l = *p
			l.compact()
		}
		arts = append(arts, l)
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
	merges = append(g.peopleMerges, g.eventMerges...)
	g.nodes, g.events, g.arts, g.compacted, g.peopleMerges, g.eventMerges = nil, nil, nil, nil, nil, nil
	return out, arts, merges
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
