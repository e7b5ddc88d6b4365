package relate

import (
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// emit writes one edge per subject-object pair of a matched cue.
func (x *extraction) emit(s *sent, f *found, subj, objs []actor, variant string) bool {
	c := f.fm.cue
	// "spoke to Zelenskyy before dialling Moscow": talk in a sentence about a call is a call.
	if c.Type == graph.RelMet && talkLemmas[c.Lemma] && s.mentionsCall() {
		cc := *c
		cc.Type, cc.Cameo = graph.RelSpokeWith, "041"
		c = &cc
	}
	status := x.modality(s, f, subj)
	if f.tree != nil {
		status = f.tree.status(f.pred, f.noun)
	}
	date, prec, dsrc := x.date(s, f, status)
	place := x.place(s, f, objs)
	topic := x.topic(s, objs, c.Type)
	source := x.source(s, subj, objs)
	rule := string(c.Type) + "/" + c.Pattern + "/" + c.Lemma
	if c.Origin != "" {
		rule += "/" + c.Origin
	}
	if variant != "" {
		rule += "/" + variant
	}
	sp := x.d.Sentences[s.idx].Span
	n := 0
	for _, a := range subj {
		for _, b := range objs {
			if a.entity == b.entity || a.entity == "" || b.entity == "" {
				continue
			}
			from, to := a.entity, b.entity
			if a.standsFor != "" {
				from = a.standsFor
			}
			if b.standsFor != "" && c.Type != graph.RelVisited {
				to = b.standsFor
			}
			if from == to {
				continue
			}
			spec, _ := c.Type.Spec()
			fl, _ := graph.LabelOfID(from)
			tl, _ := graph.LabelOfID(to)
			if c.Type == graph.RelVisited && tl == graph.LabelPerson && fl == graph.LabelPerson {
				// "Orban visited Trump at Mar-a-Lago": visiting a person is meeting them.
				m := graph.Edge{Kind: graph.KindEdge, Type: graph.RelMet, From: from, To: to, Article: x.d.Meta.ID,
					Status: status, Date: date, DatePrecision: prec, DateSource: dsrc, Place: place, Cameo: "040",
					Confidence: round2(c.Confidence - 0.05), Rule: rule + "/person", Source: source,
					Evidence: graph.Evidence{Sentence: x.d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End}}
				if m.To < m.From {
					m.From, m.To = m.To, m.From
				}
				x.edges = append(x.edges, m)
				n++
				continue
			}
			if !spec.Allows(fl, tl) {
				continue
			}
			if spec.Symmetric && to < from {
				from, to = to, from
			}
			conf := c.Confidence
			if a.pronoun || a.inherited {
				conf -= 0.1
			}
			if a.group || b.group {
				conf -= 0.05
			}
			e := graph.Edge{
				Kind: graph.KindEdge, Type: c.Type, From: from, To: to, Article: x.d.Meta.ID,
				Status: status, Date: date, DatePrecision: prec, DateSource: dsrc, Place: place, Topic: topic,
				Cameo: c.Cameo, Confidence: round2(conf), Rule: rule, Source: source,
				Evidence: graph.Evidence{Sentence: x.d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End},
			}
			x.edges = append(x.edges, e)
			n++
			// Hosting a visitor is meeting them: "Starmer welcomed Zelensky to Downing Street".
			if c.Type == graph.RelHosted && tl == graph.LabelPerson && fl == graph.LabelPerson {
				m := e
				m.Type, m.Cameo, m.Rule = graph.RelMet, "040", rule+"/implied"
				if m.To < m.From {
					m.From, m.To = m.To, m.From
				}
				x.edges = append(x.edges, m)
			}
		}
	}
	return n > 0
}

func round2(f float64) float64 {
	if f < 0.05 {
		f = 0.05
	}
	return float64(int(f*100+0.5)) / 100
}

// modality reads the words around a cue: negation, hypotheticals, plans.
func (x *extraction) modality(s *sent, f *found, subj []actor) graph.Status {
	from := 0
	if len(subj) > 0 && subj[0].tj <= f.i {
		from = subj[0].tj
	}
	if f.i-from > 8 {
		from = f.i - 8
	}
	// Only the cue's own clause: "denounced the planned visit and warned Washington".
	for q := f.i - 1; q > from; q-- {
		if t := s.toks[q].lower; t == "and" || t == "but" || t == ";" {
			from = q + 1
			break
		}
	}
	negated, hypo, planned := false, false, false
	scan := func(a, b int) {
		for q := a; q < b && q < len(s.toks); q++ {
			t := s.toks[q].lower
			switch {
			case negations[t]:
				negated = true
			case hypotheticals[t]:
				hypo = true
			case plannedWords[t]:
				planned = true
			}
			if t == "longer" && q > 0 && s.toks[q-1].lower == "no" {
				negated = true // "no longer chairs"
			}
			if t == "is" || t == "are" {
				if q+1 < len(s.toks) && s.toks[q+1].lower == "to" {
					planned = true
				}
			}
		}
	}
	scan(from, f.i)
	// Nominal cues carry their modality in the whole clause: "ahead of the much-hyped
	// meeting", "a summit ..., set to take place on July 16".
	switch f.fm.cue.Pattern {
	case patBetween, patNounWith, patAttend:
		a := f.i - 10
		if a < 0 {
			a = 0
		}
		scan(a, f.i)
		for q := f.j; q < len(s.toks) && q < f.j+16; q++ {
			t := s.toks[q].lower
			if isBoundary(s.toks[q]) || t == ";" {
				break
			}
			// The verb the noun phrase is subject of: "a call ... could take place",
			// "the summit ... was cancelled".
			switch {
			case nounHypo[t]:
				hypo = true
			case nounPlanned[t]:
				planned = true
			case nounNegated[t]:
				negated = true
			}
			if (t == "take" || t == "taking") && q+1 < len(s.toks) && s.toks[q+1].lower == "place" {
				for r := q - 3; r < q; r++ {
					if r >= 0 && setPlace[s.toks[r].lower] {
						planned = true
					}
				}
			}
		}
	}
	// "if" anywhere earlier in the clause makes it hypothetical.
	for q := f.i - 1; q >= 0 && q >= f.i-14; q-- {
		if isBoundary(s.toks[q]) {
			break
		}
		if conditionals[s.toks[q].lower] {
			hypo = true
		}
	}
	return statusOf(negated, hypo, planned)
}

// place: the first place after the cue in the same clause ("at Trump Tower", "in Florida").
func (x *extraction) place(s *sent, f *found, objs []actor) string {
	start := f.j
	if len(objs) > 0 && objs[len(objs)-1].tj > start {
		start = objs[len(objs)-1].tj
	}
	for _, a := range s.acts {
		if a.ti < start || a.ti > start+10 {
			continue
		}
		if a.label != graph.LabelPlace {
			continue
		}
		if a.ti > 0 && (placePreps[s.toks[a.ti-1].lower] ||
			(s.toks[a.ti-1].lower == "the" && a.ti > 1 && placePreps[s.toks[a.ti-2].lower])) {
			for q := start; q < a.ti; q++ {
				if isBoundary(s.toks[q]) {
					return ""
				}
			}
			return a.entity
		}
	}
	// An event object gives its place.
	for _, o := range objs {
		if o.label == graph.LabelEvent {
			if p := x.eventPlace(o.entity); p != "" {
				return p
			}
		}
	}
	return ""
}

// eventPlace returns the place of the article's event id ("" when none), from an index
// built on first use.
func (x *extraction) eventPlace(id string) string {
	if x.evPlace == nil {
		x.evPlace = map[string]string{}
		for _, ev := range x.res.Events {
			if _, ok := x.evPlace[ev.ID]; !ok && ev.Place != "" {
				x.evPlace[ev.ID] = ev.Place
			}
		}
	}
	return x.evPlace[id]
}

// topic: what the text says the pressure or criticism is about: "to increase defense
// spending", "for not following the guidelines", "over the spending rift".
func (x *extraction) topic(s *sent, objs []actor, t graph.RelType) string {
	if len(objs) == 0 {
		return ""
	}
	switch t {
	case graph.RelPressured, graph.RelCriticized, graph.RelSupported, graph.RelMet:
	default:
		return ""
	}
	q := objs[len(objs)-1].tj
	for q < len(s.toks) && topicGroups[s.toks[q].lower] {
		q++
	}
	if q >= len(s.toks) {
		return ""
	}
	lead := s.toks[q].lower
	if !topicLeads[lead] {
		return ""
	}
	if lead == "to" && q+1 < len(s.toks) && (determiners[s.toks[q+1].lower] || s.toks[q+1].cap) {
		return "" // "to the summit", "to Brussels": a destination, not a topic
	}
	if lead == "to" && t == graph.RelMet {
		return ""
	}
	var words []string
	for r := q + 1; r < len(s.toks) && len(words) < 10; r++ {
		tk := s.toks[r]
		if tk.lower == "," || tk.lower == "." || tk.lower == ";" || tk.lower == ":" || isBoundary(tk) {
			break
		}
		words = append(words, tk.text)
	}
	if len(words) == 0 {
		return ""
	}
	if lead != "to" {
		return lead + " " + joinWords(words)
	}
	return joinWords(words)
}

func joinWords(ws []string) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && w != "'s" && w != "’s" && w != "%" {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}

// source: who reports the fact ("X said Y criticized Z", "according to X").
func (x *extraction) source(s *sent, subj, objs []actor) string {
	skip := map[string]bool{}
	for _, a := range subj {
		skip[a.entity] = true
	}
	for _, a := range objs {
		skip[a.entity] = true
	}
	for i, t := range s.toks {
		switch t.lower {
		case "according":
			if i+1 < len(s.toks) && s.toks[i+1].lower == "to" {
				if a := s.rightActors(i+2, 4, actorsOnly); len(a) > 0 && !skip[a[0].entity] {
					return a[0].entity
				}
			}
		}
		if sourceVerbs[t.lower] {
			if a := s.leftActor(i); len(a) > 0 && !skip[a[0].entity] && a[0].tj >= i-2 {
				return a[0].entity
			}
		}
	}
	return ""
}

// structural adds HOLDS_ROLE, MEMBER_OF, HELD_IN, LOCATED_IN and MENTIONS.
func (x *extraction) structural() {
	d := x.d
	first := map[string]int{}
	count := map[string]int{}
	for i, m := range d.Mentions {
		if m.Entity == "" || m.Label == "" {
			continue
		}
		if _, ok := graph.LabelOfID(m.Entity); !ok {
			continue
		}
		if _, ok := first[m.Entity]; !ok {
			first[m.Entity] = i
		}
		count[m.Entity]++
		sp := d.Sentences[m.Sentence].Span
		ev := graph.Evidence{Sentence: d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End}
		// HOLDS_ROLE: a title before a name, tied to a country or organisation.
		if m.Label == graph.LabelPerson && m.Kind == article.KindName && m.CurrentRole() && m.RoleOrg != "" {
			x.edges = append(x.edges, graph.Edge{Kind: graph.KindEdge, Type: graph.RelHoldsRole, From: m.Entity, To: m.RoleOrg,
				Article: d.Meta.ID, Title: m.Role, Status: graph.StatusReported, Rule: "HOLDS_ROLE/title", Confidence: 0.9,
				Evidence: ev})
		}
	}
	for e, i := range first {
		m := d.Mentions[i]
		sp := d.Sentences[m.Sentence].Span
		x.edges = append(x.edges, graph.Edge{Kind: graph.KindEdge, Type: graph.RelMentions, From: d.Meta.ID, To: e,
			Article: d.Meta.ID, Rule: "MENTIONS", Confidence: 1,
			Evidence: graph.Evidence{Sentence: d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End},
			Props:    map[string]any{"count": float64(count[e]), "aliases": aliasList(x.res.Aliases[e])}})
	}
	for _, ev := range x.res.Events {
		if ev.Place == "" || ev.ID == "" {
			continue
		}
		i, ok := first[ev.ID]
		if !ok {
			continue
		}
		sp := d.Sentences[d.Mentions[i].Sentence].Span
		date, prec, dsrc := x.eventDate(ev.ID)
		x.edges = append(x.edges, graph.Edge{Kind: graph.KindEdge, Type: graph.RelHeldIn, From: ev.ID, To: ev.Place,
			Article: d.Meta.ID, Rule: "HELD_IN/event", Confidence: 0.85, Status: graph.StatusReported,
			Date: date, DatePrecision: prec, DateSource: dsrc,
			Evidence: graph.Evidence{Sentence: d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End}})
	}
	x.memberOf()
}

// aliasList is a MENTIONS relationship's "aliases" prop: the spellings its article
// contributes to the entity (an empty list, never null: an old extraction has none).
func aliasList(al []string) []any {
	out := make([]any, len(al))
	for i, a := range al {
		out[i] = a
	}
	return out
}

// memberOf: "NATO ally Canada", "EU member Hungary".
func (x *extraction) memberOf() {
	d := x.d
	for i := 0; i+1 < len(d.Mentions); i++ {
		a, b := d.Mentions[i], d.Mentions[i+1]
		if a.Sentence != b.Sentence || a.Label != graph.LabelOrganization || b.Label != graph.LabelCountry || a.Entity == "" || b.Entity == "" ||
			a.End > b.Start {
			continue
		}
		gap := strings.ToLower(strings.TrimSpace(d.Text[a.End:b.Start]))
		if !memberGaps[gap] {
			continue
		}
		sp := d.Sentences[a.Sentence].Span
		x.edges = append(x.edges, graph.Edge{Kind: graph.KindEdge, Type: graph.RelMemberOf, From: b.Entity, To: a.Entity,
			Article: d.Meta.ID, Rule: "MEMBER_OF/apposition", Confidence: 0.85, Status: graph.StatusReported,
			Evidence: graph.Evidence{Sentence: d.Text[sp.Start:sp.End], Start: sp.Start, End: sp.End}})
	}
}

// dedupe keeps one edge per fact (graph.Edge.Key): the most confident, then the one that
// says more (a stated date, a place: "the summit ..., set to take place on July 16 in
// Helsinki" over an earlier mention of the same meeting), then the earliest.
func dedupe(es []graph.Edge) []graph.Edge {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Evidence.Start != es[j].Evidence.Start {
			return es[i].Evidence.Start < es[j].Evidence.Start
		}
		if es[i].Type != es[j].Type {
			return es[i].Type < es[j].Type
		}
		if es[i].From != es[j].From {
			return es[i].From < es[j].From
		}
		if es[i].To != es[j].To {
			return es[i].To < es[j].To
		}
		return es[i].Confidence > es[j].Confidence
	})
	seen := map[string]int{}
	var out []graph.Edge
	for _, e := range es {
		k := e.Key()
		if at, ok := seen[k]; ok {
			if e.Confidence > out[at].Confidence || (e.Confidence == out[at].Confidence && detail(e) > detail(out[at])) {
				out[at] = e
			}
			continue
		}
		seen[k] = len(out)
		out = append(out, e)
	}
	return out
}

// eventDate finds when an event is held: the time expression nearest one of its mentions
// in the same sentence ("the summit ... set to take place on July 16"), the first found in
// article order; "" when the article does not say.
func (x *extraction) eventDate(id string) (string, string, string) {
	pub, err := time.Parse("2006-01-02", x.d.Meta.Published)
	if err != nil {
		return "", "", ""
	}
	if x.byEntity == nil {
		x.byEntity = map[string][]int{}
		for i, m := range x.d.Mentions {
			x.byEntity[m.Entity] = append(x.byEntity[m.Entity], i)
		}
	}
	for _, mi := range x.byEntity[id] {
		m := x.d.Mentions[mi]
		s := x.sents[m.Sentence]
		at := 0
		for i, t := range s.toks {
			if t.start <= m.Start {
				at = i
			}
		}
		future := false
		for _, t := range s.toks {
			if futureWords[t.lower] {
				future = true
			}
		}
		best, bestD := -1, 1<<30
		exprs := s.datesFor(pub, future)
		for k, e := range exprs {
			d := e.ti - at
			if d < 0 {
				d = -d
			}
			if d < bestD {
				best, bestD = k, d
			}
		}
		if best >= 0 {
			return exprs[best].date, exprs[best].prec, exprs[best].phrase
		}
	}
	return "", "", ""
}

// mentionsCall reports whether the sentence speaks of a phone or video call.
func (s *sent) mentionsCall() bool {
	for _, t := range s.toks {
		if callMentions[t.lower] {
			return true
		}
	}
	return false
}

// Word classes of data/words.tsv used by emit (see wordClassDocs).
var (
	talkLemmas    = class("talklemma")
	negations     = class("negation")
	hypotheticals = class("hypothetical")
	plannedWords  = class("planned")
	nounHypo      = class("nounhypo")
	nounPlanned   = class("nounplanned")
	nounNegated   = class("nounnegated")
	setPlace      = class("setplace")
	conditionals  = class("conditional")
	topicGroups   = class("topicgroup")
	topicLeads    = class("topiclead")
	sourceVerbs   = class("sourceverb")
	memberGaps    = class("membergap")
	futureWords   = class("futureword")
	callMentions  = class("callmention")
)

// detail counts what an edge states besides its ends: a date the text gives, a place.
func detail(e graph.Edge) int {
	n := 0
	if e.Date != "" && e.DateSource != "published" {
		n++
	}
	if e.Place != "" {
		n++
	}
	return n
}

// statusOf is the status the modality cues found give: negation first, then hypothesis,
// then plan; no cue is a report.
func statusOf(negated, hypo, planned bool) graph.Status {
	switch {
	case negated:
		return graph.StatusNegated
	case hypo:
		return graph.StatusHypothetical
	case planned:
		return graph.StatusPlanned
	}
	return graph.StatusReported
}
