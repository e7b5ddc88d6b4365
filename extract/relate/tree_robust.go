package relate

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Readings that hold across parsers: the tree engine's rules were first written against one
// model's trees, and another model (or the same one on a harder sentence) labels the same
// phrase differently — a complement clause as an xcomp, a subjunctive as a past tense, a
// fronted subject as a vocative, a name as a verb, an object as the subject of the next
// clause. Each function here reads what the sentence says from any of those labellings.
// docs/relations.md, "Readings robust to parser variation".

// Word classes of data/words.tsv used here (see wordClassDocs).
var (
	subjunctiveGovs = class("subjunctivegov")
	irregularPasts  = class("irregularpast")
	deonticModals   = class("deonticmodal")
)

// finite reports whether an XPOS is a finite tense (the subjunctive's bare form is not).
func finite(xpos string) bool { return xpos == "VBD" || xpos == "VBZ" || xpos == "VBP" }

// complement returns verb v's clausal complement: its ccomp, or a clause after v that the
// parser labelled xcomp or advcl although it has a subject of its own and no subordinator but
// "that" ("demanded that Israel allow ..." read as an xcomp with a subject), else -1.
func (t *tree) complement(v int) int {
	if c := t.child(v, "ccomp"); c >= 0 {
		return c
	}
	for _, c := range t.kids[v] {
		if r := t.rel(c); c < v || (r != "xcomp" && r != "advcl") || t.child(c, "nsubj", "nsubj:pass") < 0 {
			continue
		}
		if m := t.child(c, "mark"); m >= 0 && t.lower[m] != "that" {
			continue
		}
		return c
	}
	return -1
}

// mandative reports whether complement clause c of a verb with lemma gov states what someone
// must do ("that Spain withdraw", "that Israel should allow"), not what is the case ("that
// Taiwan was a red line", "that Iran has enriched", "that Britain could suspend"): no copula,
// no finite auxiliary, no modal but one of obligation (class deonticmodal), and a predicate
// that is not finite — or, after a verb of demand (class subjunctivegov), one in the bare
// form, whatever tense the tagger gave it ("insisted that Hungary lift its veto", lift
// tagged VBD).
func (t *tree) mandative(c int, gov string) bool {
	if t.child(c, "cop") >= 0 {
		return false
	}
	for _, k := range t.kids[c] {
		if r := t.rel(k); (r == "aux" || r == "aux:pass") && finite(t.w[k].XPOS) {
			return false
		}
		if t.rel(k) == "aux" && t.w[k].XPOS == "MD" && !deonticModals[t.lower[k]] {
			return false // "warned that Britain could suspend ...": a prediction, no demand
		}
	}
	if !finite(t.w[c].XPOS) {
		return true
	}
	return subjunctiveGovs[govLemma(gov)] && t.bare(c)
}

// govLemma is the verb of a cue lemma ("lean on" -> "lean").
func govLemma(lemma string) string {
	if f := strings.Fields(lemma); len(f) > 0 {
		return f[0]
	}
	return lemma
}

// bare reports whether verb w may be in the bare form although tagged present or past: not a
// third-person -s form (VBZ), and for a past tag neither an -ed form nor an irregular past
// (class irregularpast: withdrew, took; invariant forms such as cut and put count as bare).
func (t *tree) bare(w int) bool {
	if t.w[w].UPOS != "VERB" {
		return false
	}
	switch l := t.lower[w]; t.w[w].XPOS {
	case "VB", "VBP":
		return true
	case "VBD":
		return !strings.HasSuffix(l, "ed") && !irregularPasts[l]
	}
	return false
}

// fronted returns a noun phrase before predicate v that the parser hung on it as a vocative
// or dislocated element ("Poland, dismayed by the decision of Hungary, recalled ...": news
// text addresses no one, so the phrase is the clause's subject), else -1. Only when v has
// no subject of its own.
func (t *tree) fronted(v int) int {
	if t.child(v, "nsubj", "nsubj:pass", "csubj") >= 0 {
		return -1
	}
	for _, c := range t.kids[v] {
		if r := t.rel(c); c < v && (r == "vocative" || r == "dislocated") {
			return c
		}
	}
	return -1
}

// nameAsVerb reports whether word w, tagged VERB, is part of a name the recognizer found
// ("Trump could reimpose sanctions", Trump tagged as the verb): no predicate, and the
// subject of the clause the parser hung on it.
func (t *tree) nameAsVerb(w int) bool {
	if t.w[w].UPOS != "VERB" {
		return false
	}
	_, ok := t.actorAt(w, false)
	return ok
}

// object returns the direct object of verb v: its obj or iobj, else a name after v the tagger
// took for a verb or the parser hung on a time phrase, else the noun phrase right after v
// when the parser made it the subject of a clause above v ("the United States and Iraq
// signed a loan agreement that will enable Iraq to ...", "agreement" read as the subject of
// "enable", "signed" as its adverbial clause), else -1.
func (t *tree) object(v int) int {
	if o := t.child(v, "obj", "iobj"); o >= 0 {
		return o
	}
	for _, c := range t.kids[v] {
		if c > v && t.nameAsVerb(c) {
			return c // "meets Xi Jinping next week", Jinping tagged VBG and hung as an advcl
		}
		if timeRels[t.rel(c)] && c > v+1 {
			if n := v + 1; t.head(n) == c {
				if _, ok := t.actorAt(n, false); ok {
					return n // "visits Poland next month", Poland a compound of "month"
				}
			}
		}
	}
	n := t.phraseAfter(v)
	if n < 0 || (t.rel(n) != "nsubj" && t.rel(n) != "nsubj:pass") {
		return -1
	}
	for a, i := t.head(v), 0; a >= 0 && i < 8; a, i = t.head(a), i+1 {
		if a == t.head(n) {
			return n
		}
	}
	return -1
}

// accordObject returns the agreement noun signed, concluded or reached by verb v: its object,
// or the noun phrase right after v that the parser made the subject of v's complement clause
// ("signed a coast guard agreement that, once approved, will allow ..." read as "signed
// [that] an agreement will allow"); a verb of signing takes no such clause. The caller checks
// the noun names an agreement.
func (t *tree) accordObject(v int) int {
	if o := t.object(v); o >= 0 {
		return o
	}
	n := t.phraseAfter(v)
	if n < 0 || t.rel(n) != "nsubj" {
		return -1
	}
	if h := t.head(n); h >= 0 && t.head(h) == v && (t.rel(h) == "ccomp" || t.rel(h) == "parataxis") {
		return n
	}
	return -1
}

// phraseAfter returns the head noun of the noun phrase that starts right after word v (its
// determiners and modifiers all hang inside it), or -1.
func (t *tree) phraseAfter(v int) int {
	for k := v + 1; k < len(t.w) && k < v+8; k++ {
		if u := t.w[k].UPOS; u == "NOUN" || u == "PROPN" {
			if h := t.head(k); h > k && h < v+8 && (t.rel(k) == "compound" || t.rel(k) == "flat") {
				continue // "a loan guarantee agreement": on to the head
			}
			for j := v + 1; j < k; j++ {
				if h := t.head(j); h <= v || h > k {
					return -1
				}
			}
			return k
		}
		if u := t.w[k].UPOS; u != "DET" && u != "ADJ" && u != "NUM" && t.rel(k) != "nmod:poss" {
			return -1
		}
	}
	return -1
}

// orphanSubject returns the subject of a verb the parser left without one and that inherits
// none: the first actors before v in its own subtree that no preposition, subordinator,
// possessive or clause of their own holds ("Germany condemned ...", Germany tagged ADJ and
// hung on the verb as an amod; "Last week, Vietnam and the Philippines signed ...", the names
// coordinated with "week").
func (t *tree) orphanSubject(v int) []actor {
	if t.w[v].UPOS != "VERB" || t.nameAsVerb(v) {
		return nil
	}
	for w := 0; w < v; w++ {
		if !t.bareUnder(w, v) {
			continue
		}
		if a := t.args(w, actorsOnly); len(a) > 0 {
			return a
		}
	}
	return nil
}

// bareUnder reports whether word w hangs on v through nominal words alone: none on the way
// (w included) has a case marker or a subordinator, is a possessor, or heads a clause.
func (t *tree) bareUnder(w, v int) bool {
	for p, i := w, 0; p >= 0 && i < 8; p, i = t.head(p), i+1 {
		if p == v {
			return true
		}
		if t.child(p, "case", "mark") >= 0 || t.rel(p) == "nmod:poss" || t.w[p].UPOS == "VERB" || t.isPredicate(p) {
			return false
		}
	}
	return false
}

// listBefore returns the actors that open a list whose rest the parser took for subject c of
// v: a name hung on v or on c with no argument relation, right before c with only a comma
// between ("Italy, France and Spain condemned Russia", Italy tagged ADV and hung on the verb
// as an advmod; "Canada, Japan and Australia", Canada hung on Japan as a compound).
func (t *tree) listBefore(v, c int) []actor {
	var out []actor
	for _, d := range append(append([]int{}, t.kids[v]...), t.kids[c]...) {
		if d >= c {
			continue
		}
		switch t.rel(d) {
		case "advmod", "dep", "vocative", "dislocated", "amod", "compound", "nmod:desc":
		default:
			continue
		}
		a, ok := t.actorAt(d, false)
		if !ok || a.possessive || !a.isActor() || a.tj+1 >= len(t.s.toks) || t.s.toks[a.tj].lower != "," {
			continue
		}
		if k := t.tok[c]; k >= 0 && k <= a.tj+3 && t.phraseStart(c, d) == a.tj+1 {
			out = append(out, a)
		}
	}
	return out
}

// phraseStart returns the token where the phrase headed by word w begins (its leftmost
// determiner or modifier other than skip).
func (t *tree) phraseStart(w, skip int) int {
	first := w
	for _, k := range t.kids[w] {
		if k < first && k != skip && t.rel(k) != "punct" {
			first = k
		}
	}
	return t.tok[first]
}

// loneDeterminer returns the noun a phrase's determiner stands for when the parser made the
// determiner the head and hung the noun beside it ("appalled by this latest brutal attack":
// "by this" an obl:agent, "attack" another obl of the verb), else w.
func (t *tree) loneDeterminer(w int) int {
	if !determiners[t.lower[w]] || (t.w[w].UPOS != "PRON" && t.w[w].UPOS != "DET") {
		return w
	}
	for _, k := range t.kids[w] {
		if t.rel(k) != "case" && t.rel(k) != "punct" {
			return w
		}
	}
	for n := w + 1; n < len(t.w) && n < w+5; n++ {
		switch t.w[n].UPOS {
		case "ADJ", "ADV", "NUM":
			continue
		case "NOUN", "PROPN":
			if t.head(n) == t.head(w) && t.child(n, "case") < 0 {
				return n
			}
		}
		return w
	}
	return w
}

// ownerAcross returns the of-owner of a proxy noun coordinated right after w, however the
// parser attached the "and": "the government and people of Iraq" is Iraq's government too
// ("people" hung as a conjunct of another word).
func (t *tree) ownerAcross(w int, want func(graph.Label) bool) []actor {
	n := w + 1
	if n >= len(t.w) || t.w[n].UPOS != "CCONJ" {
		return nil
	}
	for n++; n < len(t.w) && t.w[n].UPOS == "DET"; n++ {
	}
	if n >= len(t.w) || proxyNouns[t.lower[n]] == "" {
		return nil
	}
	for _, c := range t.kids[n] {
		if t.rel(c) == "nmod" && t.caseIs(c, []string{"of"}) {
			if a, ok := t.actorAt(c, true); ok && a.wanted(want) && !a.possessive {
				a.proxy = proxyNouns[t.lower[w]]
				return []actor{a}
			}
		}
	}
	return nil
}

// relativeEnds reports whether conj v of a relative clause is the main verb the clause's
// closing comma left there ("Orban, who was not invited, praised Trump": "praised" a
// conjunct of "invited"): no conjunction of its own, and none after it in the clause.
func (t *tree) relativeEnds(v int) bool {
	h := t.head(v)
	if t.rel(v) != "conj" || h < 0 || t.rel(h) != "acl:relcl" || t.child(v, "cc") >= 0 {
		return false
	}
	for _, c := range t.kidsWith(h, "conj") {
		if c > v && t.child(c, "cc") >= 0 {
			return false
		}
	}
	return true
}

// strayConjuncts returns the actors of noun phrases after argument arg of v that open with a
// coordinator but that the parser hung on v itself or made the subject of a participle
// under v: the next conjuncts of that argument ("criticised China as well as North
// Korea", North Korea an obl of the verb; "met with X, as well as local Turkish and UK
// organisations focused on ...", organisations the subject of "focused").
func (t *tree) strayConjuncts(v, arg int, want func(graph.Label) bool) []actor {
	after := t.phraseEnd(arg)
	for p := after; p != arg && p >= 0; p = t.head(p) {
		if t.child(p, "case") >= 0 {
			// The argument ends in a phrase of its own ("the agreement between X, led by
			// Y, and Z"): the conjunct may be that phrase's, not the argument's.
			return nil
		}
	}
	var out []actor
	for _, d := range t.kids[v] {
		n := d
		if t.w[d].UPOS == "VERB" {
			if x := t.w[d].XPOS; x != "VBN" && x != "VBG" {
				continue // a clause of its own: "criticised China, and Korea praised ..."
			}
			n = t.child(d, "nsubj", "nsubj:pass")
		}
		if n <= after || n < 0 || (t.w[n].UPOS != "NOUN" && t.w[n].UPOS != "PROPN") || t.child(n, "case") >= 0 {
			continue
		}
		if t.opensWithCoordinator(d, after) && !t.subjectOfNext(n) {
			out = append(out, t.args(n, want)...)
		}
	}
	return out
}

// subjectOfNext reports whether the phrase headed by n is followed by a finite verb without a
// subject, which it is then the subject of ("criticised China, and South Korea praised ...",
// Korea a conjunct of "criticised" and "praised" another, subjectless).
func (t *tree) subjectOfNext(n int) bool {
	k := t.phraseEnd(n) + 1
	return k < len(t.w) && t.w[k].UPOS == "VERB" && finite(t.w[k].XPOS) && t.child(k, "nsubj", "nsubj:pass") < 0
}

// opensWithCoordinator reports whether the phrase or clause headed by n, after word after,
// begins with a coordinating conjunction hung inside it ("as well as local Turkish and UK
// organisations": "as" a cc of "Turkish", or a mark of the clause "focused on ...").
func (t *tree) opensWithCoordinator(n, after int) bool {
	for k := after + 1; k < n; k++ {
		switch r := t.rel(k); {
		case r == "punct" || r == "fixed":
		case r == "cc" || (r == "mark" && (t.w[k].UPOS == "CCONJ" || t.child(k, "fixed") >= 0)):
			return t.under(k, n)
		default:
			return false
		}
	}
	return false
}

// under reports whether word k lies in the phrase headed by n.
func (t *tree) under(k, n int) bool {
	for p, i := k, 0; p >= 0 && i < 8; p, i = t.head(p), i+1 {
		if p == n {
			return true
		}
	}
	return false
}

// phraseEnd returns the last word of the phrase headed by w (w and the words hung inside it).
func (t *tree) phraseEnd(w int) int {
	end := w
	for k := w + 1; k < len(t.w); k++ {
		if !t.under(k, w) {
			break
		}
		end = k
	}
	return end
}

// nameBeforeDay returns the actor of a name the parser made a modifier of the day word after
// it ("travels to Paris tomorrow", "arrived in Kyiv Monday": Paris a compound of
// "tomorrow", the case on the day word).
func (t *tree) nameBeforeDay(w int, want func(graph.Label) bool) []actor {
	if _, day := dayWords[t.lower[w]]; !day {
		if _, wd := weekdays[t.lower[w]]; !wd {
			return nil
		}
	}
	for _, c := range t.kids[w] {
		if r := t.rel(c); c < w && (r == "compound" || r == "amod" || r == "nmod:desc") {
			if a, ok := t.actorAt(c, false); ok && a.wanted(want) && !a.possessive {
				return []actor{a}
			}
		}
	}
	return nil
}

// clauseSubjects returns the entities the tree makes the subject of a verb other than p and
// the verbs whose subject p shares, or that stand right before a finite verb left without a
// subject (subjectOfNext).
func (t *tree) clauseSubjects(p int) map[string]bool {
	out := map[string]bool{}
	for w := range t.w {
		if u := t.w[w].UPOS; (u == "NOUN" || u == "PROPN") && t.subjectOfNext(w) {
			for _, a := range t.args(w, actorsOnly) {
				out[a.entity] = true
			}
		}
		if r := t.rel(w); r != "nsubj" && r != "nsubj:pass" {
			continue
		}
		h := t.head(w)
		if h < 0 || h == p || t.w[h].UPOS != "VERB" || t.under(p, h) {
			continue
		}
		for _, a := range t.args(w, actorsOnly) {
			out[a.entity] = true
		}
	}
	return out
}

// splitSubjects returns the actors of v's other nsubj dependents after the first, c: a
// clause has one subject, so more are conjuncts of it that the parser (or the ensemble's
// vote, each word's head from another parser) hung on the verb ("Canada, Japan and
// Australia criticised China" with Canada and Japan both subjects).
func (t *tree) splitSubjects(v, c int) []actor {
	var out []actor
	for _, k := range t.kids[v] {
		if k != c && t.rel(k) == "nsubj" && !t.under(k, c) {
			out = append(out, t.args(k, actorsOnly)...)
		}
	}
	return out
}
