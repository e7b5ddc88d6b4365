package relate

import (
	"slices"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// both reads one matched cue with the tree engine, then with the position engine. Where the
// tree gave edges, the position engine only adds objects the tree did not relate, to a
// subject the tree agrees on (a list the parser cut: "met Starmer, with whom ..., and
// Ishiba"), and not one the tree makes the subject of another clause; its other readings of
// the cue (another subject, the same object under another type) are dropped. It reports
// whether any edge was written.
func (x *extraction) both(s *sent, t *tree, f *found, prev *found) bool {
	n0 := len(x.edges)
	tr := t != nil && x.treeApply(s, t, f)
	n1 := len(x.edges)
	g := *f
	g.tree = nil // the position engine reads its own modality
	ps := x.apply(s, &g, prev)
	if !tr {
		*f = g
		return ps
	}
	from, ends := map[string]bool{}, map[string]bool{}
	for _, e := range x.edges[n0:n1] {
		from[e.From], ends[e.From], ends[e.To] = true, true, true
	}
	subjects := t.clauseSubjects(f.pred)
	keep := x.edges[:n1]
	for _, e := range x.edges[n1:] {
		spec, _ := e.Type.Spec()
		agree, added := from[e.From] && !ends[e.To], e.To
		if spec.Symmetric {
			agree = ends[e.From] != ends[e.To]
			if !ends[e.From] {
				added = e.From
			}
		}
		// Nor an actor the tree makes the subject of a clause of its own: "Japan criticised
		// China, and South Korea praised the decision".
		if agree && !subjects[added] {
			keep = append(keep, e)
		}
	}
	x.edges = keep
	return true
}

// treeApply reads one matched cue from the dependency tree; it reports whether it wrote an
// edge. The rule of an edge it writes ends in "/tree" (and the frame's variant: passive,
// reciprocal, complement).
func (x *extraction) treeApply(s *sent, t *tree, f *found) bool {
	c := f.fm.cue
	switch c.Pattern {
	case patVerb, patVerbPrep, patVerbOf, patAttend, patTravelFor, patAccord, patMandate:
		v := t.word[f.i]
		if v < 0 || t.w[v].UPOS != "VERB" || s.toks[f.i].ment >= 0 {
			return false
		}
		f.tree, f.pred = t, v
		return x.treeVerb(s, t, f, v)
	case patStance:
		f.tree, f.pred = t, t.word[f.i]
		return x.treeStance(s, t, f, t.word[f.i])
	case patNounWith, patBetween, patFrom, patNounTo:
		n := t.word[f.j-1]
		if n < 0 || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") {
			return false
		}
		f.tree, f.pred, f.noun = t, n, true
		return x.treeNoun(s, t, f, n)
	}
	return false
}

// cueWant says which labels a cue's object may have.
func cueWant(c *cue) func(graph.Label) bool {
	switch c.Type {
	case graph.RelPressured, graph.RelCriticized, graph.RelSupported:
		return actorsOrPlaces
	case graph.RelVisited:
		return func(l graph.Label) bool {
			return l == graph.LabelPlace || l == graph.LabelCountry || l == graph.LabelPerson
		}
	case graph.RelHosted:
		return func(l graph.Label) bool { return l.IsActor() || l == graph.LabelEvent }
	case graph.RelAttended:
		return eventsOnly
	}
	return actorsOnly
}

// treeVerb: a verb cue's subject and object from the tree.
func (x *extraction) treeVerb(s *sent, t *tree, f *found, v int) bool {
	c := f.fm.cue
	want := cueWant(c)
	variant := "tree"
	var subj, objs []actor
	switch {
	case t.passive(v) && c.Pattern == patAccord:
		// "the agreement signed by X and Y", "a deal was concluded by X and Y".
		n := t.child(v, "nsubj:pass")
		if n < 0 && t.rel(v) == "acl" {
			n = t.head(v)
		}
		if subj = t.agent(v); n < 0 || !slices.Contains(c.Args, t.lower[n]) || len(subj) < 2 {
			return false
		}
		f.subj = subj
		return x.emit(s, f, subj[:1], subj[1:], variant+"/passive/reciprocal")
	case t.passive(v):
		if c.Pattern != patVerb && c.Pattern != patAttend {
			return false // "a plan to be discussed with Washington": who discusses is not said
		}
		subj = t.agent(v)
		if sp := t.child(v, "nsubj:pass"); sp >= 0 {
			objs = t.args(t.antecedent(v, sp), want)
		} else if t.rel(v) == "acl" && t.head(v) >= 0 {
			objs = t.args(t.head(v), want) // "an agreement signed by X"
		}
		variant += "/passive"
	default:
		subj = t.subject(v, 0)
		var ok bool
		if objs, variant, ok = t.verbObjects(f, v, want, variant); !ok {
			return false
		}
	}
	if len(subj) == 0 {
		return false
	}
	if c.Pattern == patAttend && len(objs) > 0 {
		subj = append(subj, t.alongArgs(v)...) // "attend the meeting along with X and Y"
	}
	if len(objs) == 0 {
		if (c.Type == graph.RelMet || c.Type == graph.RelSpokeWith) && len(subj) > 1 && !t.passive(v) &&
			(t.child(v, "obj") < 0 || c.Pattern == patAccord) {
			f.subj = subj
			return x.emit(s, f, subj[:1], subj[1:], variant+"/reciprocal")
		}
		return false
	}
	f.subj = subj
	if c.Type == graph.RelHosted && approval(objs) {
		// "welcomed the government's decision": one welcomes an act with approval (051).
		cc := *c
		cc.Type, cc.Cameo = graph.RelSupported, "051"
		g := *f
		g.fm.cue = &cc
		return x.emit(s, &g, subj, objs, variant+"/approval")
	}
	return x.emit(s, f, subj, objs, variant)
}

// verbObjects returns the objects of an active verb cue by its pattern, and the rule
// variant; ok is false when the cue does not apply (an accord verb without an agreement).
func (t *tree) verbObjects(f *found, v int, want func(graph.Label) bool, variant string) (objs []actor, _ string, ok bool) {
	c := f.fm.cue
	// onCue reads the complements with one of preps on any word of the cue ("stand
	// shoulder to shoulder with", "side with").
	onCue := func(preps []string) []actor {
		var out []actor
		for k := f.i; k < f.j && len(out) == 0; k++ {
			if w := t.word[k]; w >= 0 {
				out = t.prepArgs(w, preps, want)
			}
		}
		return out
	}
	switch c.Pattern {
	case patVerb, patAttend:
		if o := t.object(v); o >= 0 {
			objs = append(t.args(o, want), t.strayConjuncts(v, o, want)...)
		} else if o := t.sharedObject(v); o >= 0 {
			objs = t.args(o, want) // "condemned and sanctioned Russia"
		}
		if last := f.fm.words[len(f.fm.words)-1]; len(objs) == 0 && len(f.fm.words) > 1 && preps[last] {
			objs = onCue([]string{last}) // a lemma that ends in its preposition ("side with")
		}
		fallthrough
	case patMandate:
		if len(objs) == 0 && (complementLemmas[c.Lemma] || c.Pattern == patMandate) {
			// "demanded that Spain withdraw": the subject of a complement clause in the base
			// form (subjunctive, or after a modal), not "warned that Taiwan was a red line".
			if cc := t.complement(v); cc >= 0 && t.mandative(cc, c.Lemma) {
				if sc := t.child(cc, "nsubj", "nsubj:pass"); sc >= 0 {
					objs, variant = t.args(sc, want), variant+"/complement"
				}
			}
		}
	case patVerbPrep:
		objs = onCue(lastWords(c.Args))
		if len(objs) == 0 && len(c.Args) > 0 {
			if p := t.child(v, "compound:prt"); p >= 0 && slices.Contains(lastWords(c.Args), t.lower[p]) {
				if o := t.child(v, "obj"); o >= 0 {
					objs = t.args(o, want) // "called on Iran", parsed as a particle
				}
			}
		}
	case patVerbOf:
		if o := t.object(v); o >= 0 && slices.Contains(c.Args, t.lower[o]) {
			objs = t.prepArgs(o, []string{"of"}, want)
		}
	case patTravelFor:
		objs = t.prepArgs(v, []string{"for"}, eventsOnly)
	case patAccord:
		// "signed an agreement with Y"; "X and Y signed an agreement" (reciprocal, treeVerb).
		if o := t.accordObject(v); o < 0 || !slices.Contains(c.Args, t.lower[o]) {
			return nil, variant, false
		}
		objs = t.prepArgs(v, []string{"with"}, want)
	}
	return objs, variant, true
}

// approval reports whether every object was reached through an act or attribute noun of
// data/proxies.tsv ("welcomed Iraq's decision"), not named itself ("welcomed Modi").
func approval(objs []actor) bool {
	for _, o := range objs {
		if o.proxy != "act" && o.proxy != "attribute" {
			return false
		}
	}
	return len(objs) > 0
}

// nounPrepArgs reads the actors of a noun cue's complement with one of the prepositions: on
// the noun, or, when fewer than enough are found there and the noun is its verb's object, on
// the verb, where parsers often attach it ("held talks with X", "discuss our support for X":
// an obl of the verb or an nmod of the noun, the same case-marked phrase).
func (t *tree) nounPrepArgs(n int, preps []string, enough int, want func(graph.Label) bool) []actor {
	acts := t.prepArgs(n, preps, want)
	if len(acts) < enough {
		if h := t.head(n); h >= 0 && t.rel(n) == "obj" {
			acts = t.prepArgs(h, preps, want)
		}
	}
	return acts
}

// treeNoun: a nominal cue's owner and complement from the tree.
func (x *extraction) treeNoun(s *sent, t *tree, f *found, n int) bool {
	c := f.fm.cue
	var subj, objs []actor
	switch c.Pattern {
	case patNounWith:
		objs = t.nounPrepArgs(n, []string{"with"}, 1, actorsOnly) // "talks with X", "held talks with X"
		subj = t.owner(n)
	case patBetween:
		acts := t.nounPrepArgs(n, []string{"between"}, 2, actorsOnly)
		if len(acts) < 2 {
			return false
		}
		subj, objs = acts[:1], acts[1:]
	case patFrom:
		subj = t.prepArgs(n, []string{"from"}, actorsOnly)
		h := t.head(n)
		if len(subj) == 0 && h >= 0 {
			subj = t.prepArgs(h, []string{"from"}, actorsOnly) // "faced pressure from X" (obl of the verb)
		}
		if h < 0 || !fromGov[t.lower[h]] || t.rel(n) != "obj" {
			return false
		}
		objs = t.subject(h, 0)
	case patNounTo:
		want := actorsOrPlaces
		if c.Type == graph.RelVisited {
			want = placesOnly
		}
		objs = t.nounPrepArgs(n, lastWords(c.Args), 1, want)
		if len(objs) == 0 && c.Type == graph.RelSupported {
			return x.treeGiven(s, t, f, n)
		}
		if len(objs) == 0 {
			return false
		}
		subj = t.owner(n)
		if c.Type == graph.RelPressured || c.Type == graph.RelCriticized {
			subj = t.claimedOwner(n)
		}
	}
	if len(subj) == 0 || len(objs) == 0 {
		return false
	}
	f.subj = subj
	return x.emit(s, f, subj, objs, "tree")
}

// treeGiven: aid given to a recipient named as the object of a verb of giving: "provided the
// government of Iraq with military support", "gave Ukraine new aid".
func (x *extraction) treeGiven(s *sent, t *tree, f *found, n int) bool {
	h := t.head(n)
	if h < 0 || !giveVerbs[t.lower[h]] {
		return false
	}
	var objs []actor
	switch {
	case t.rel(n) == "obl" && t.caseIs(n, []string{"with"}):
		if o := t.child(h, "obj"); o >= 0 {
			objs = t.args(o, actorsOrPlaces)
		}
	case t.rel(n) == "obj":
		if r := t.child(h, "iobj"); r >= 0 {
			objs = t.args(r, actorsOrPlaces)
		}
	}
	subj := t.subject(h, 0)
	if len(subj) == 0 || len(objs) == 0 {
		return false
	}
	f.subj = subj
	return x.emit(s, f, subj, objs, "tree/given")
}

// treeStance: "X is appalled by Y's attack", "X, encouraged by the decision of Y, ...": the
// experiencer (the adjective's subject, or the noun a participle modifies) approves or
// disapproves of the stimulus (its by/with/at complement: an actor, or an act of one).
func (x *extraction) treeStance(s *sent, t *tree, f *found, e int) bool {
	if e < 0 || (t.w[e].UPOS != "ADJ" && t.w[e].UPOS != "VERB") {
		return false
	}
	c := f.fm.cue
	var subj []actor
	if n := t.child(e, "nsubj", "nsubj:pass"); n >= 0 {
		subj = t.args(t.antecedent(e, n), actorsOnly)
	} else if r := t.rel(e); (r == "acl" || r == "amod" || r == "appos") && t.head(e) >= 0 {
		subj = t.args(t.head(e), actorsOnly)
	} else {
		subj = t.subject(e, 0)
	}
	var objs []actor
	for _, k := range t.kids[e] {
		if article.Base(t.rel(k)) == "obl" && t.caseIs(k, c.Args) {
			objs = append(objs, t.args(k, actorsOrPlaces)...)
		}
	}
	if len(subj) == 0 || len(objs) == 0 {
		return false
	}
	f.subj = subj
	return x.emit(s, f, subj, objs, "tree")
}
