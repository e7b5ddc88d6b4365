package relate

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// determiners before a cue word make it a noun ("the meeting", "his visit").
var determiners = class("determiner")

// Word classes of data/words.tsv used by the patterns (see wordClassDocs).
var (
	auxAdverbs        = class("auxadverb")
	adverbials        = class("adverbial")
	participleOpeners = class("participleopener")
	subjPronouns      = class("subjpronoun")
	ingOpeners        = class("ingopener")
	reducedRel        = class("reducedrel")
	passiveAux        = class("passiveaux")
	callWords         = class("callword")
	modifierWords     = class("modifier")
	intensifiers      = class("intensifier")
	fromGov           = class("fromgov")
	fromPrev          = class("fromprev")
	ownerMods         = class("ownermod")
	ownerVerbs        = union(verbClass("ownerverb"), class("ownerparticle"))
	letterVerbs       = class("letterverb")
	demandGov         = class("demandgov")
	alongWords        = class("along")
	travelPreps       = class("travelprep")
	holdVerbs         = class("holdverb")
	relativeThat      = class("relativethat")
	possessives       = class("possessive")
	threatLemmas      = class("threatlemma")
	bareLemmas        = class("barelemma")
)

// auxiliaries and adverbs that may stand between a subject and its verb.
func isAuxOrAdverb(t tok) bool {
	return auxAdverbs[t.lower] || strings.HasSuffix(t.lower, "ly")
}

// apply runs one matched cue; it reports whether it produced an edge.
func (x *extraction) apply(s *sent, f *found, prev *found) bool {
	c := f.fm.cue
	switch c.Pattern {
	case patVerb, patVerbPrep, patVerbOf:
		return x.verb(s, f, prev)
	case patNounWith:
		return x.nounWith(s, f)
	case patBetween:
		return x.between(s, f)
	case patFrom:
		return x.from(s, f)
	case patNounTo:
		return x.nounTo(s, f)
	case patLetter:
		return x.letter(s, f)
	case patDemand:
		return x.demand(s, f)
	case patAttend:
		return x.attend(s, f)
	case patTravelFor:
		return x.travelFor(s, f)
	}
	return false
}

// subjectOf finds the subject of a verb at f.i: a passive "by" agent is handled by the
// caller; here the nearest actor to the left, or the subject of the previous verb when the
// verb follows "and" ("pressured Europe ... and questioned NATO").
func (x *extraction) subjectOf(s *sent, f *found, prev *found) ([]actor, bool) {
	k := f.i - 1
	for k >= 0 && isAuxOrAdverb(s.toks[k]) {
		k--
	}
	if prev != nil && k >= 0 && s.toks[k].lower == "and" && len(prev.subj) > 0 {
		// Only when no actor stands between the "and" and the earlier verb's subject other
		// than that verb's objects.
		inh := make([]actor, len(prev.subj))
		copy(inh, prev.subj)
		for n := range inh {
			inh[n].inherited = true
		}
		return inh, true
	}
	// A participle clause after a comma or a subordinator ("..., blaming Obama", "before
	// flying to Helsinki") has the sentence's subject.
	if f.fm.ing && f.i > 0 && s.subj != "" && (s.toks[f.i-1].lower == "," || participleOpeners[s.toks[f.i-1].lower]) {
		l, _ := graph.LabelOfID(s.subj)
		return []actor{{entity: s.subj, label: l, inherited: true}}, true
	}
	subj := s.leftActor(f.i)
	if len(subj) == 0 && k >= 0 && s.toks[k].lower == "and" && s.subj != "" {
		// "Biden said ... "for as long as we can" and accused Johnson": a verb coordinated
		// with the sentence's main verb shares its subject.
		l, _ := graph.LabelOfID(s.subj)
		return []actor{{entity: s.subj, label: l, inherited: true}}, true
	}
	return subj, len(subj) > 0
}

// verbPosition reports whether a verb form of a cue stands where a verb can: an -ing form
// after a form of "be", a preposition, a comma or at the start ("is meeting", "after
// meeting", "Meeting X, ..."), not after an adjective or noun ("an emergency meeting"); a
// bare form after a subject, an auxiliary, "to" or an adverb ("will meet", "to visit"), not
// after a noun ("a state visit").
func (s *sent) verbPosition(f *found) bool {
	if f.i == 0 {
		return true
	}
	prev := s.toks[f.i-1]
	if prev.ment >= 0 || pronouns[prev.lower] || subjPronouns[prev.lower] {
		return true
	}
	if isAuxOrAdverb(prev) || prev.lower == "," || coordinators[prev.lower] || prev.lower == "but" || prev.lower == "not" {
		return true
	}
	if f.fm.ing {
		return preps[prev.lower] || ingOpeners[prev.lower]
	}
	if f.fm.past && prev.letter() && !prev.cap && f.j < len(s.toks) {
		// "three companies accused of supplying Russia": a participle after a plain noun
		// and before "of"/"by" is a reduced relative clause, not the sentence's verb.
		if reducedRel[s.toks[f.j].lower] {
			return false
		}
	}
	if f.fm.past {
		return true // "met": a past form is a verb after anything but a determiner
	}
	if strings.HasSuffix(s.toks[f.i].lower, "s") {
		// "meets", "talks": a verb after its subject (handled above), not after a
		// preposition or another verb ("in talks seen as", "will hold talks with").
		return prev.cap
	}
	return prev.cap // a bare form after a capitalised word (a name the recognizer missed)
}

func (x *extraction) verb(s *sent, f *found, prev *found) bool {
	c := f.fm.cue
	// An imported verb inside a name is no verb: "the Iraqi Armed Forces".
	if c.Origin != "" && (s.toks[f.i].ment >= 0 || s.toks[f.i].cap) {
		return false
	}
	// A determiner right before a verb form makes it a noun: "the meeting".
	if f.i > 0 && determiners[s.toks[f.i-1].lower] {
		return false
	}
	if !s.verbPosition(f) {
		return false
	}
	// "warned that Taiwan was ...": the object is a clause, not an actor.
	if f.j < len(s.toks) && s.toks[f.j].lower == "that" {
		return false
	}
	passive := false
	if !f.fm.ing && f.fm.past && f.j < len(s.toks) && s.toks[f.j].lower == "by" && f.i > 0 && s.toks[f.i-1].lower == "," {
		passive = true // "The meeting, hosted by Boris Johnson, was ..."
	}
	if !passive && !f.fm.ing && f.fm.past && f.i > 0 {
		k := f.i - 1
		for k >= 0 && strings.HasSuffix(s.toks[k].lower, "ly") {
			k--
		}
		if k >= 0 && passiveAux[s.toks[k].lower] {
			passive = true
		}
	}
	var objs []actor
	want := actorsOnly
	if c.Type == graph.RelPressured || c.Type == graph.RelCriticized || c.Type == graph.RelSupported {
		want = actorsOrPlaces
	}
	if c.Type == graph.RelVisited {
		want = func(l graph.Label) bool {
			return l == graph.LabelPlace || l == graph.LabelCountry || l == graph.LabelPerson
		}
	}
	if c.Type == graph.RelHosted {
		want = func(l graph.Label) bool { return l.IsActor() || l == graph.LabelEvent }
	}
	var subj []actor
	switch c.Pattern {
	case patVerb:
		if passive {
			// "Y was pressured by X": X is the agent, Y the object.
			by := -1
			for q := f.j; q < len(s.toks) && q < f.j+4; q++ {
				if s.toks[q].lower == "by" {
					by = q
					break
				}
			}
			if by < 0 {
				return false
			}
			subj = s.rightActors(by+1, 6, actorsOnly)
			objs = s.leftActor(f.i)
			if len(objs) == 0 && want(graph.LabelEvent) {
				objs = s.leftOf(f.i, eventsOnly)
			}
			if len(subj) == 0 || len(objs) == 0 {
				return false
			}
			f.subj = subj
			return x.emit(s, f, subj, objs, "passive")
		}
		objStart := f.j + s.adverbialAt(f.j)
		objs = s.rightActors(objStart, 5, want)
		// A direct object comes before any preposition ("accused the West of ignoring
		// Moscow's concerns", "spoke at the inauguration of Argentina's president"), and one
		// meets a person, not a possessor.
		if len(objs) > 0 && (s.prepBetween(objStart, objs[0].ti) || (objs[0].possessive && (c.Type == graph.RelMet || c.Type == graph.RelVisited))) {
			objs = nil
		}
		// An imported (CAMEO) verb takes only an adjacent object: determiners, titles and
		// names may stand between ("helped the Iraqi government"), another verb may not ("will
		// help incentivize NATO members").
		// Nor a possessor: "opposed Russia's invasion" is about the invasion.
		if len(objs) > 0 && c.Origin != "" && (!s.adjacent(objStart, objs[0].ti) || objs[0].possessive) {
			objs = nil
		}
		// A threat names its target in what it threatens: "threatened to pull out of NATO".
		if len(objs) == 0 && threatLemmas[c.Lemma] {
			for q := f.j; q < len(s.toks) && q <= f.j+3; q++ {
				if s.toks[q].lower == "to" {
					objs = s.rightActors(q, 8, want)
					break
				}
			}
		}
	case patVerbPrep:
		if passive {
			return false // "a plan to be discussed with Washington": who discusses is not said
		}
		// The preposition may follow an object noun phrase: "discussed the issue with X".
		for q := f.j; q < len(s.toks) && q <= f.j+8; q++ {
			if isBoundary(s.toks[q]) || (q > f.j && s.toks[q].ment >= 0 && !s.d.Mentions[s.toks[q].ment].Modifier && !argAt(s, q-1, c.Args)) {
				break
			}
			if n := argMatch(s, q, c.Args); n > 0 {
				objs = s.rightActors(q+n, 4, want)
				break
			}
		}
		if len(c.Args) == 0 {
			objs = s.rightActors(f.j, 5, want)
		}
	case patVerbOf:
		// "questioned the fairness of the NATO alliance"
		q := f.j
		if q < len(s.toks) && determiners[s.toks[q].lower] {
			q++
		}
		if q+1 < len(s.toks) && slices.Contains(c.Args, s.toks[q].lower) && s.toks[q+1].lower == "of" {
			objs = s.rightActors(q+2, 3, want)
		}
	}
	if len(objs) == 0 {
		return x.reciprocal(s, f)
	}
	subj, ok := x.subjectOf(s, f, prev)
	if !ok {
		return false
	}
	f.subj = subj
	return x.emit(s, f, subj, objs, "")
}

// reciprocal: "Orbán and Zelenskiy spoke briefly at the inauguration", "the two leaders
// met": a meeting verb without an object relates the coordinated subjects to each other
// (a call when the sentence says phone, call or video).
func (x *extraction) reciprocal(s *sent, f *found) bool {
	if f.fm.cue.Type != graph.RelMet || f.fm.cue.Pattern == patVerbOf {
		return false
	}
	// Only "X and Y met/spoke", the subjects right before the verb, not an infinitive.
	k := f.i - 1
	for k >= 0 && isAuxOrAdverb(s.toks[k]) && s.toks[k].lower != "to" {
		k--
	}
	if k < 0 || (f.i > 0 && s.toks[f.i-1].lower == "to") {
		return false
	}
	subj := s.leftActor(f.i)
	if len(subj) < 2 || subj[0].tj-1 != k {
		return false
	}
	typ := graph.RelMet
	for q := f.j; q < len(s.toks) && q <= f.j+4; q++ {
		if callWords[s.toks[q].lower] {
			typ = graph.RelSpokeWith
		}
	}
	c := *f.fm.cue
	if typ == graph.RelSpokeWith {
		c.Type, c.Cameo = graph.RelSpokeWith, "041"
	}
	g := *f
	g.fm.cue = &c
	return x.emit(s, &g, subj[:1], subj[1:], "reciprocal")
}

// argMatch returns how many tokens at q match one of the (possibly multi-word) args.
func argMatch(s *sent, q int, args []string) int {
	for _, a := range args {
		w := strings.Fields(a)
		if s.matchWords(q, w) {
			return len(w)
		}
	}
	return 0
}

func argAt(s *sent, q int, args []string) bool { return q >= 0 && argMatch(s, q, args) > 0 }

// agentOfNoun finds who does what a noun names: a possessor right before it ("his
// meeting", "Rutte's visit"), else the clause subject.
func (x *extraction) agentOfNoun(s *sent, i int) []actor {
	k := i - 1
	for k >= 0 && (isModifierWord(s.toks[k]) || s.toks[k].lower == "'s") {
		k--
	}
	if k >= 0 {
		for _, a := range s.acts {
			if a.tj-1 == k && (a.possessive || a.pronoun) && a.label.IsActor() {
				return []actor{a}
			}
		}
	}
	left := s.leftActor(i)
	if len(left) > 0 && s.objectPosition(left[0]) && s.subj != "" && s.subj != left[0].entity && !s.infinitiveBetween(left[0].tj, i) &&
		!s.relativeBetween(left[0].tj, i) {
		// "Macron urged Trump ... at the end of the first state visit to the United States":
		// the visit is the subject's, not the object's.
		l, _ := graph.LabelOfID(s.subj)
		return []actor{{entity: s.subj, label: l, inherited: true}}
	}
	return left
}

// objectPosition reports whether an actor directly follows a verb-like word (a lower-case
// word that is no preposition, determiner or conjunction): the object of an earlier verb.
func (s *sent) objectPosition(a actor) bool {
	k := a.ti - 1
	for k >= 0 && (s.toks[k].cap || determiners[s.toks[k].lower] || (s.toks[k].ment >= 0 && s.d.Mentions[s.toks[k].ment].Modifier)) {
		k--
	}
	if k < 0 {
		return false
	}
	t := s.toks[k].lower
	if preps[t] || determiners[t] || coordinators[t] || t == "," || t == "but" || t == "that" || !s.toks[k].letter() {
		return false
	}
	return true
}

func isModifierWord(t tok) bool {
	// Numbers and lower-case compound adjectives: "seven private phone calls", "a two-day
	// meeting", "a much-hyped summit", "face-to-face talks".
	if t.lower == "-" || (!t.cap && strings.Contains(t.lower, "-")) || (len(t.lower) > 0 && t.lower[0] >= '0' && t.lower[0] <= '9') {
		return true
	}
	return modifierWords[t.lower]
}

func (x *extraction) nounWith(s *sent, f *found) bool {
	if f.j >= len(s.toks) || s.toks[f.j].lower != "with" {
		return x.heldTogether(s, f)
	}
	return x.nominal(s, f, f.j+1, 4, actorsOnly)
}

// nominal emits a noun cue's relation: its agent (agentOfNoun) to the actors from token
// start on.
func (x *extraction) nominal(s *sent, f *found, start, max int, want func(graph.Label) bool) bool {
	objs := s.rightActors(start, max, want)
	if len(objs) == 0 {
		return false
	}
	subj := x.agentOfNoun(s, f.i)
	if len(subj) == 0 {
		return false
	}
	return x.emit(s, f, subj, objs, "")
}

func (x *extraction) between(s *sent, f *found) bool {
	if f.j >= len(s.toks) || s.toks[f.j].lower != "between" {
		return false
	}
	acts := s.rightActors(f.j+1, 6, actorsOnly)
	if len(acts) < 2 {
		return false
	}
	return x.emit(s, f, acts[:1], acts[1:], "")
}

// from: "Y faced pressure from X", "the proposal drew a rebuke from X".
func (x *extraction) from(s *sent, f *found) bool {
	q := f.j
	if q >= len(s.toks) || s.toks[q].lower != "from" {
		return false
	}
	agents := s.rightActors(q+1, 4, actorsOnly)
	if len(agents) == 0 {
		return false
	}
	// The target: the subject of the governing verb (face, come under, draw, receive).
	k := f.i - 1
	for k >= 0 && (isModifierWord(s.toks[k]) || determiners[s.toks[k].lower] || strings.HasSuffix(s.toks[k].lower, "ing") ||
		intensifiers[s.toks[k].lower]) {
		k--
	}
	if k < 0 {
		return false
	}
	gov := s.toks[k].lower
	if !fromGov[gov] {
		return false
	}
	targets := s.leftActor(k)
	if len(targets) == 0 && k <= 4 {
		// "The proposal drew a rebuke from X": the author of the proposal, the subject of the
		// sentence before (only when that noun phrase opens the sentence).
		if fromPrev[gov] {
			if x.prevSubj != "" {
				l, _ := graph.LabelOfID(x.prevSubj)
				targets = []actor{{entity: x.prevSubj, label: l, inherited: true}}
			}
		}
	}
	if len(targets) == 0 {
		return false
	}
	return x.emit(s, f, agents, targets, "")
}

// nounTo: "his visit to the United States", "pressure on Iran", "criticism of NATO".
func (x *extraction) nounTo(s *sent, f *found) bool {
	q := f.j
	n := argMatch(s, q, f.fm.cue.Args)
	if n == 0 {
		return false
	}
	want := actorsOrPlaces
	if f.fm.cue.Type == graph.RelVisited {
		want = placesOnly
	}
	// "criticism of Israel mounted": whose criticism is not said. Pressure and criticism
	// need their owner: a possessor, or a verb that makes the subject the owner ("stepped
	// up pressure on", "voiced criticism of", "opened ... with an attack on").
	if f.fm.cue.Type == graph.RelPressured || f.fm.cue.Type == graph.RelCriticized {
		k := f.i - 1
		for k >= 0 && (determiners[s.toks[k].lower] && !possessivePronoun(s.toks[k].lower) || isModifierWord(s.toks[k]) ||
			strings.HasSuffix(s.toks[k].lower, "ing") || ownerMods[s.toks[k].lower]) {
			k--
		}
		owned := k >= 0 && (possessivePronoun(s.toks[k].lower) || s.toks[k].lower == "'s" || strings.HasSuffix(s.toks[k].lower, "'s"))
		if !owned && k >= 0 && ownerVerbs[s.toks[k].lower] {
			owned = true
		}
		if !owned {
			return false
		}
	}
	return x.nominal(s, f, q+n, 3, want)
}

// letter: "X sent letters to Y, Z and W, stressing that ...".
func (x *extraction) letter(s *sent, f *found) bool {
	k := f.i - 1
	for k >= 0 && (determiners[s.toks[k].lower] || isModifierWord(s.toks[k])) {
		k--
	}
	if k < 0 {
		return false
	}
	if !letterVerbs[s.toks[k].lower] {
		return false
	}
	if f.j >= len(s.toks) || s.toks[f.j].lower != "to" {
		return false
	}
	objs := s.rightActors(f.j+1, 5, actorsOnly)
	if len(objs) == 0 {
		return false
	}
	last := objs[len(objs)-1].tj
	ok := false
	for q := last; q < len(s.toks) && q <= last+4; q++ {
		if slices.Contains(f.fm.cue.Args, s.toks[q].lower) {
			ok = true
			break
		}
	}
	if !ok {
		return false
	}
	subj := s.leftActor(k)
	if len(subj) == 0 {
		return false
	}
	f.i = k
	return x.emit(s, f, subj, objs, "")
}

// demand: "Y fail to comply with X's demand", "Y rejected X's demands".
func (x *extraction) demand(s *sent, f *found) bool {
	var owner []actor
	for _, a := range s.acts {
		at := a.tj == f.i || (a.tj == f.i-1 && s.toks[f.i-1].lower == "'s")
		if at && a.possessive && a.label.IsActor() {
			owner = []actor{a}
		}
	}
	if len(owner) == 0 {
		return false
	}
	k := owner[0].ti - 1
	if k < 0 || !demandGov[s.toks[k].lower] {
		return false
	}
	targets := s.leftActor(k)
	if len(targets) == 0 || targets[0].entity == owner[0].entity {
		return false
	}
	return x.emit(s, f, owner, targets, "")
}

// attend: "X attended the summit", "speaking at a summit, X said".
func (x *extraction) attend(s *sent, f *found) bool {
	evs := s.rightActors(f.j, 6, eventsOnly)
	if len(evs) == 0 && bareLemmas[f.fm.cue.Lemma] && (f.j >= len(s.toks) || !s.toks[f.j].letter() || s.toks[f.j].lower == "and") {
		// "Putin did not attend and sent Lavrov": the event the article last named.
		if ev := x.lastEvent(s); ev != "" {
			evs = []actor{{entity: ev, label: graph.LabelEvent, ti: f.j, tj: f.j}}
		}
	}
	if len(evs) == 0 {
		return false
	}
	ev := evs[0]
	var subj []actor
	if f.fm.ing && (f.i == 0 || s.toks[f.i-1].lower == ",") {
		// "Speaking at X, Rutte warned": the subject follows the participle clause.
		for _, a := range s.acts {
			if a.ti > ev.tj && a.label.IsActor() {
				subj = []actor{a}
				break
			}
		}
	} else {
		subj = s.leftActor(f.i)
	}
	if len(subj) == 0 {
		return false
	}
	// "along with X and Y": more attendees.
	for q := ev.tj; q < len(s.toks) && q <= ev.tj+4; q++ {
		if alongWords[s.toks[q].lower] && q+1 < len(s.toks) {
			st := q + 1
			if s.toks[q].lower != "alongside" {
				if s.toks[st].lower != "with" {
					break
				}
				st++
			}
			subj = append(subj, s.rightActors(st, 4, actorsOnly)...)
			break
		}
	}
	return x.emit(s, f, subj, []actor{ev}, "")
}

// travelFor: "X will leave for Europe next week for a NATO summit".
func (x *extraction) travelFor(s *sent, f *found) bool {
	for q := f.j; q < len(s.toks) && q <= f.j+8; q++ {
		if isBoundary(s.toks[q]) {
			return false
		}
		if travelPreps[s.toks[q].lower] {
			evs := s.rightActors(q+1, 3, eventsOnly)
			if len(evs) == 0 {
				continue
			}
			subj := s.leftActor(f.i)
			if len(subj) == 0 {
				return false
			}
			return x.emit(s, f, subj, evs[:1], "")
		}
	}
	return false
}

// lastEvent returns the entity of the last event mentioned before sentence s.
func (x *extraction) lastEvent(s *sent) string {
	if x.lastEv == nil { // lastEv[k]: the last event of the mentions before k
		x.lastEv = make([]string, len(x.d.Mentions)+1)
		for k, m := range x.d.Mentions {
			x.lastEv[k+1] = x.lastEv[k]
			if m.Label == graph.LabelEvent && m.Entity != "" {
				x.lastEv[k+1] = m.Entity
			}
		}
	}
	return x.lastEv[x.mstart[s.idx+1]]
}

// leftOf returns the nearest actor of a wanted label left of token i in the clause.
func (s *sent) leftOf(i int, want func(graph.Label) bool) []actor {
	for k := len(s.acts) - 1; k >= 0; k-- {
		a := s.acts[k]
		if a.tj > i {
			continue
		}
		for q := a.tj; q < i; q++ {
			if isBoundary(s.toks[q]) {
				return nil
			}
		}
		if want(a.label) {
			return []actor{a}
		}
	}
	return nil
}

func possessivePronoun(w string) bool { return possessives[w] }

// prepBetween reports whether a preposition stands in tokens [i, j), title words and
// capitalised words aside ("Secretary of State Marco Rubio").
func (s *sent) prepBetween(i, j int) bool {
	for q := i; q < j; q++ {
		t := s.toks[q]
		if preps[t.lower] && !t.title && !(t.lower == "of" && q > i && s.toks[q-1].cap && q+1 < j && s.toks[q+1].cap) {
			return true
		}
	}
	return false
}

// heldTogether: "Trump and Merkel held a bilateral meeting", "Trump and Putin will hold a
// summit": a meeting noun after hold/have with coordinated subjects relates them.
func (x *extraction) heldTogether(s *sent, f *found) bool {
	if f.fm.cue.Type != graph.RelMet {
		return false
	}
	k := f.i - 1
	for k >= 0 && (determiners[s.toks[k].lower] || isModifierWord(s.toks[k]) || s.toks[k].lower == "bilateral") {
		k--
	}
	if k < 0 || !holdVerbs[s.toks[k].lower] {
		return false
	}
	subj := s.leftActor(k)
	if len(subj) < 2 {
		return false
	}
	return x.emit(s, f, subj[:1], subj[1:], "together")
}

// infinitiveBetween reports whether "to" + a verb stands between two tokens: "urged allies
// to keep pressure on the Kremlin" makes the allies the pressure's owner.
func (s *sent) infinitiveBetween(i, j int) bool {
	q := i
	if q < j && s.toks[q].lower == "not" {
		q++
	}
	return q+1 < j && s.toks[q].lower == "to" && s.toks[q+1].letter() && !s.toks[q+1].cap && !determiners[s.toks[q+1].lower]
}

// relativeBetween reports whether a relative pronoun stands between two tokens: "the
// Contact Group ..., which coordinates military support" makes the group the subject.
func (s *sent) relativeBetween(i, j int) bool {
	for q := i; q < j; q++ {
		if relativeThat[s.toks[q].lower] {
			return true
		}
	}
	return false
}

// adjacent reports whether only determiners, title words and names stand in tokens [i, j).
func (s *sent) adjacent(i, j int) bool {
	for q := i; q < j; q++ {
		t := s.toks[q]
		if !determiners[t.lower] && !t.cap && t.ment < 0 && !t.title {
			return false
		}
	}
	return true
}

// adverbialAt returns the length of an adverbial phrase of data/words.tsv starting at token
// i ("in the strongest terms"), or 0.
func (s *sent) adverbialAt(i int) int {
	for n := 5; n >= 1; n-- {
		if i+n > len(s.toks) {
			continue
		}
		ws := make([]string, n)
		for k := range ws {
			ws[k] = s.toks[i+k].lower
		}
		if adverbials[strings.Join(ws, " ")] {
			return n
		}
	}
	return 0
}
