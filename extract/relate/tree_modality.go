package relate

import (
	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// Modality of an edge the tree engine wrote: read from the words that govern its predicate
// (auxiliaries, adverbs, subordinators, time modifiers, and the verbs above it in a chain of
// controlled clauses: "refused to meet", "is expected to attend"), not from every word
// between its subject and its cue, so that a clause in between ("Biden, who did not attend
// the summit, met Xi") lends it nothing. The word classes are those of the position engine.

// modalityRels are the relations of the dependents that carry a clause's modality.
var modalityRels = map[string]bool{"aux": true, "aux:pass": true, "advmod": true, "mark": true, "cop": true,
	"compound:prt": true}

// timeRels are the relations of a bare noun phrase modifying a clause ("next week"): UD 2.15's
// obl:unmarked and nmod:unmarked (what EWT v2.15, and so our models, write) and the older
// obl:tmod, obl:npmod and nmod:tmod, so that another treebank version's labels read the same.
var timeRels = map[string]bool{"obl:unmarked": true, "nmod:unmarked": true, "obl:tmod": true, "obl:npmod": true,
	"nmod:tmod": true}

// status returns the modality of predicate p (a verb cue, or the noun of a nominal cue).
func (t *tree) status(p int, noun bool) graph.Status {
	negated, hypo, planned := false, false, false
	look := func(w int, asNoun bool) {
		l := t.lower[w]
		switch {
		case asNoun:
		case negations[l]:
			negated = true
		case hypotheticals[l]:
			hypo = true
		case plannedWords[l]:
			planned = true
		}
		if asNoun {
			switch {
			case nounNegated[l]:
				negated = true
			case nounHypo[l]:
				hypo = true
			case nounPlanned[l], setPlace[l]:
				planned = true
			}
		}
	}
	chain := t.modalChain(p, noun)
	// A nominal cue that is the subject of a verb takes only that verb's words for nouns
	// ("the summit was cancelled", "a call could take place"), not its negation ("support
	// for Ukraine would not weaken").
	subjNoun := noun && (t.rel(p) == "nsubj" || t.rel(p) == "nsubj:pass")
	for i, c := range chain {
		asNoun := subjNoun && i > 0
		look(c, asNoun)
		isTo := false
		for _, k := range t.kids[c] {
			r := t.rel(k)
			t.timeOf(k, asNoun, look)
			if !modalityRels[r] && !(noun && c == p && (r == "det" || r == "amod")) {
				continue
			}
			look(k, asNoun)
			if r == "aux" && (t.lower[k] == "is" || t.lower[k] == "are") {
				isTo = isTo || t.child(c, "mark") >= 0
			}
			if t.lower[k] == "longer" && t.child(k, "advmod", "det") >= 0 {
				negated = true // "no longer"
			}
		}
		if isTo {
			planned = true
		}
	}
	return statusOf(negated, hypo, planned)
}

// modalChain returns p and the words whose modality it shares: for a noun, the verb it is
// the subject of ("the summit was cancelled") or the predicate of its clause ("ahead of the
// planned talks"); then every verb above through controlled clauses ("refused to meet").
func (t *tree) modalChain(p int, noun bool) []int {
	chain := []int{p}
	cur := p
	if noun {
		switch g := t.head(p); {
		case g < 0:
		case t.rel(p) == "nsubj" || t.rel(p) == "nsubj:pass":
			cur = g
			chain = append(chain, g)
		default:
			for q, i := g, 0; q >= 0 && i < 6; q, i = t.head(q), i+1 {
				if t.isPredicate(q) {
					cur = q
					chain = append(chain, q)
					break
				}
			}
		}
	}
	for i := 0; i < 6; i++ {
		h := t.head(cur)
		if h < 0 || !t.sharesModality(cur, h) {
			break
		}
		chain = append(chain, h)
		cur = h
	}
	return chain
}

// sharesModality reports whether clause c takes the modality of the word h it hangs on: a
// controlled clause ("refused to meet"), an infinitive after a noun or adjective ("plans to
// visit", "is set to meet"), or a non-finite clause without a subject or auxiliary of its
// own ("will hold talks before flying to Helsinki", "will meet X and visit Y"); not a finite
// one ("did not meet X and criticized Y").
func (t *tree) sharesModality(c, h int) bool {
	if t.nameAsVerb(h) && h < c {
		return true // "Trump could impose ...", the name tagged as the verb the modal hangs on
	}
	if t.relativeEnds(c) {
		return false // "Orban, who was not invited, praised Trump": praised is not negated
	}
	switch t.rel(c) {
	case "xcomp":
		return true
	case "acl":
		return t.w[h].UPOS == "NOUN"
	case "advcl", "conj":
		if t.child(c, "nsubj", "nsubj:pass", "aux", "aux:pass") >= 0 {
			return false
		}
		x := t.w[c].XPOS
		return x == "VB" || x == "VBG" || x == "VBN"
	}
	return false
}

// timeOf looks at the time words that dependent k of a predicate brings: a time phrase
// ("next week"), a day word whatever its relation ("travels to Paris tomorrow", tomorrow the
// obl with "to"), and a time phrase a parser hung on an argument or on a name tagged as a
// verb ("visits Poland next month", "meets Xi Jinping next week").
func (t *tree) timeOf(k int, asNoun bool, look func(int, bool)) {
	if _, day := dayWords[t.lower[k]]; day {
		look(k, false)
	}
	switch r := t.rel(k); {
	case timeRels[r]:
		t.timePhrase(k, asNoun, look)
	case r == "obj" || r == "iobj" || article.Base(r) == "obl" || t.nameAsVerb(k):
		for _, m := range t.kids[k] {
			if timeRels[t.rel(m)] {
				t.timePhrase(m, false, look)
			}
		}
	}
}

// timePhrase looks at time phrase k and its words, unless it is definite: "the next day"
// counts from the story's own time, not from its publication.
func (t *tree) timePhrase(k int, asNoun bool, look func(int, bool)) {
	if d := t.child(k, "det"); d >= 0 && t.lower[d] == "the" {
		return
	}
	look(k, asNoun)
	for _, m := range t.kids[k] {
		look(m, false)
	}
}
