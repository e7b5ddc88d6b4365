package relate

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/tsv"
)

// The tree engine: a cue takes its arguments from the sentence's dependency tree
// (Sentence.Words, filled by the parse stage) instead of from token positions. It runs first
// on every cue of a parsed sentence; when it finds no subject-object pair the position engine
// (patterns.go) reads the cue as before (docs/relations.md, "Two engines").

//go:embed data/proxies.tsv
var proxiesTSV string

// proxyKinds are the kinds of data/proxies.tsv.
var proxyKinds = map[string]bool{"act": true, "attribute": true, "body": true}

func parseProxies(src string) (map[string]string, error) {
	out := map[string]string{}
	for n, f := range tsv.Rows(src) {
		if len(f) != 2 || !proxyKinds[f[1]] {
			return nil, fmt.Errorf("data/proxies.tsv:%d: want noun <TAB> act|attribute|body", n)
		}
		out[f[0]] = f[1]
	}
	return out, nil
}

var proxyNouns, proxiesErr = parseProxies(proxiesTSV)

// Word classes of data/words.tsv used by the tree engine (see wordClassDocs).
var (
	complementLemmas = class("complementlemma")
	relPronouns      = class("relpronoun")
	datelineDashes   = class("datelinedash")
	giveVerbs        = verbClass("giveverb")
	reportPronouns   = class("reportpronoun")
	firstPerson      = class("firstperson")
)

// tree is the dependency view of one prepared sentence.
type tree struct {
	s     *sent
	w     []article.Word
	tok   []int // word -> index in s.toks, or -1
	word  []int // index in s.toks -> the word that heads the token, or -1
	lower []string
	kids  [][]int // word -> its children (article.Sentence.ChildIndex)
}

// newTree links the words of sentence s to its tokens; nil when the parser did not run.
func newTree(s *sent) *tree {
	sen := &s.d.Sentences[s.idx]
	ws := sen.Words
	if len(ws) == 0 {
		return nil
	}
	t := &tree{s: s, w: ws, tok: make([]int, len(ws)), word: make([]int, len(s.toks)), lower: make([]string, len(ws)),
		kids: sen.ChildIndex()}
	for k := range t.word {
		t.word[k] = -1
	}
	k := 0
	for i, w := range ws {
		for k < len(s.toks) && s.toks[k].end <= w.Start {
			k++
		}
		t.tok[i] = -1
		if k < len(s.toks) && s.toks[k].start <= w.Start {
			t.tok[i] = k
		}
		t.lower[i] = strings.ToLower(strings.ReplaceAll(w.Form, "’", "'"))
	}
	for i, w := range ws {
		k := t.tok[i]
		if k >= 0 && t.word[k] < 0 && (w.Head < 0 || w.Head >= len(ws) || t.tok[w.Head] != k) {
			t.word[k] = i
		}
	}
	return t
}

func (t *tree) rel(w int) string { return t.w[w].Deprel }

func (t *tree) head(w int) int {
	if h := t.w[w].Head; h >= 0 && h < len(t.w) {
		return h
	}
	return -1
}

// child returns the first dependent of w with one of the relations, or -1.
func (t *tree) child(w int, rels ...string) int {
	for _, c := range t.kids[w] {
		for _, r := range rels {
			if t.w[c].Deprel == r {
				return c
			}
		}
	}
	return -1
}

// caseIs reports whether w has a case marker among words ("with" of "with Putin"); "with"
// after "along" or "together" adds participants and is no complement.
func (t *tree) caseIs(w int, words []string) bool {
	for _, c := range t.kids[w] {
		if t.w[c].Deprel != "case" || t.along(c) {
			continue
		}
		for _, a := range words {
			if t.lower[c] == a {
				return true
			}
		}
	}
	return false
}

// along reports whether the word before w is "along" or "together" ("along with X").
func (t *tree) along(w int) bool {
	return w > 0 && alongWords[t.lower[w-1]]
}

// alongArgs returns the actors added by "along with" / "together with" / "alongside" under
// w or its object: more participants of the same act.
func (t *tree) alongArgs(w int) []actor {
	var out []actor
	heads := []int{w}
	if o := t.child(w, "obj"); o >= 0 {
		heads = append(heads, o)
	}
	for _, h := range heads {
		for _, c := range t.kids[h] {
			if alongWords[t.lower[c]] && t.rel(c) == "advmod" {
				// "along with X" parsed as an adverb with its own oblique.
				for _, o := range t.kids[c] {
					if article.Base(t.rel(o)) == "obl" {
						out = append(out, t.args(o, actorsOnly)...)
					}
				}
				continue
			}
			if r := article.Base(t.rel(c)); (r == "obl" || r == "nmod") && t.opensAlong(c) {
				out = append(out, t.args(c, actorsOnly)...)
			}
		}
	}
	return out
}

// opensAlong reports whether the phrase headed by c begins with "along with", "together
// with" or "alongside", wherever the parser hung those words (on the head, on a title
// before the name: "along with Foreign Minister X", "with" under "Minister"; or "along" on
// the verb as an adverb).
func (t *tree) opensAlong(c int) bool {
	first := c
	for k := c - 1; k >= 0 && t.under(k, c); k-- {
		first = k
	}
	switch {
	case t.lower[first] == "alongside":
		return true
	case t.lower[first] == "with":
		return t.along(first) // "along" left out of the phrase: an adverb of the verb
	case alongWords[t.lower[first]]:
		return first+1 < len(t.w) && t.lower[first+1] == "with"
	}
	return false
}

// lastWords returns the last word of each argument ("by phone with" -> "with").
func lastWords(args []string) []string {
	out := make([]string, 0, len(args))
	for _, a := range args {
		f := strings.Fields(a)
		if len(f) > 0 {
			out = append(out, f[len(f)-1])
		}
	}
	return out
}

// actorAt returns the actor whose mention covers word w. A modifier mention ("Iraqi" in
// "Iraqi unity", "NATO" in "NATO members") counts only when mod is set.
func (t *tree) actorAt(w int, mod bool) (actor, bool) {
	k := t.tok[w]
	if k < 0 {
		return actor{}, false
	}
	for _, a := range t.s.acts {
		if a.ti <= k && k < a.tj {
			return a, true
		}
	}
	mi := t.s.toks[k].ment
	if !mod || mi < 0 {
		return actor{}, false
	}
	m := t.s.d.Mentions[mi]
	a := actor{entity: m.Entity, label: m.Label, ti: k, tj: k + 1, group: m.Group, standsFor: m.StandsFor}
	for a.tj < len(t.s.toks) && t.s.toks[a.tj].ment == mi {
		a.tj++
	}
	return a, true
}

// dateline reports whether word w is the place of a dateline opening the sentence
// ("WASHINGTON — French President ..."): no argument of the sentence's verbs.
func (t *tree) dateline(w int) bool {
	k := t.tok[w]
	if k < 0 || t.s.toks[k].ment < 0 {
		return false
	}
	a, ok := t.actorAt(w, true)
	if !ok || a.ti != 0 || a.tj >= len(t.s.toks) {
		return false
	}
	return datelineDashes[t.s.toks[a.tj].lower]
}

// possessed returns the data/proxies.tsv kind of the noun a possessive actor owns ("Iraq's
// liberation", "Russia's brutal attacks"), "" when it is no proxy noun.
func (t *tree) possessed(a actor) string {
	k := a.tj
	if k < len(t.s.toks) && t.s.toks[k].lower == "'s" {
		k++
	}
	for n := 0; k < len(t.s.toks) && n < 4; k, n = k+1, n+1 {
		if kind := proxyNouns[t.s.toks[k].lower]; kind != "" {
			return kind
		}
		if w := t.word[k]; w < 0 || (t.w[w].UPOS != "ADJ" && t.w[w].UPOS != "ADV") {
			return ""
		}
	}
	return ""
}

// titled returns the person a word of a role phrase before a name stands for: "European"
// of "European Union foreign policy chief Kaja Kallas" when the parser made it the head.
func (t *tree) titled(w int) (actor, bool) {
	k := t.tok[w]
	if k < 0 || !t.s.toks[k].title {
		return actor{}, false
	}
	for _, a := range t.s.acts {
		if a.ti <= k {
			continue
		}
		for q := k; q < a.ti; q++ {
			if !t.s.toks[q].title {
				return actor{}, false
			}
		}
		return a, true
	}
	return actor{}, false
}

// args returns the actors an argument word names: its own mention, else (for a noun of
// data/proxies.tsv) its owner's, plus those of the words coordinated with it.
func (t *tree) args(w int, want func(graph.Label) bool) []actor {
	var out []actor
	seen := map[int]bool{}
	var walk func(w, depth int)
	walk = func(w, depth int) {
		if w < 0 || depth > 6 || seen[w] {
			return
		}
		seen[w] = true
		if !t.dateline(w) {
			if head := t.headActor(w, want); len(head) > 0 {
				out = append(out, head...)
				out = append(out, t.coordinatedModifiers(w, want, out)...)
			}
		}
		for _, c := range t.kids[w] {
			// Coordinated words, and appositions, which name the same actor or, in a list
			// the parser took for one, the next ("met X, Y and Z"); also when the parser
			// hung them on the last word of a name ("Andriy Sybiha and Kaja Kallas", the
			// "and" on Sybiha, flat under Andriy).
			if r := t.w[c].Deprel; r == "conj" || r == "appos" {
				walk(c, depth+1)
			}
			if t.w[c].Deprel == "flat" {
				for _, cc := range t.kids[c] {
					if r := t.w[cc].Deprel; r == "conj" || r == "appos" {
						walk(cc, depth+1)
					}
				}
			}
			// Owners coordinated inside a proxy noun's of/by phrase ("the attacks of X and
			// Y", "the government of X and the Y" however the parser attached the "and").
			if t.w[c].Deprel == "nmod" && proxyNouns[t.lower[w]] != "" && t.caseIs(c, []string{"of", "by"}) {
				for _, cc := range t.kidsWith(c, "conj") {
					walk(cc, depth+1)
				}
			}
		}
	}
	walk(t.loneDeterminer(w), 0)
	return out
}

// coordinatedModifiers returns the actors of coordinated modifiers of a collective head
// ("Syrian and Iraqi officials": the head names Iraq's officials, "Syrian" Syria's), those
// not already among have.
func (t *tree) coordinatedModifiers(w int, want func(graph.Label) bool, have []actor) []actor {
	var out []actor
	for _, c := range t.kids[w] {
		if t.w[c].Deprel != "amod" && t.w[c].Deprel != "compound" {
			continue
		}
		conj := t.kidsWith(c, "conj")
		if len(conj) == 0 {
			continue
		}
		for _, x := range append([]int{c}, conj...) {
			a, ok := t.actorAt(x, false)
			if ok && a.wanted(want) && !a.possessive && !coversActor(have, a) && !coversActor(out, a) {
				out = append(out, a)
			}
		}
	}
	return out
}

// kidsWith returns the dependents of w with relation rel.
func (t *tree) kidsWith(w int, rel string) []int {
	var out []int
	for _, c := range t.kids[w] {
		if t.w[c].Deprel == rel {
			out = append(out, c)
		}
	}
	return out
}

// coversActor reports whether as holds an actor of the same mention span as a.
func coversActor(as []actor, a actor) bool {
	for _, b := range as {
		if b.ti == a.ti && b.tj == a.tj {
			return true
		}
	}
	return false
}

// headActor: the actor word w names itself, or the owner of a proxy noun.
func (t *tree) headActor(w int, want func(graph.Label) bool) []actor {
	if a, ok := t.actorAt(w, false); ok {
		if !a.wanted(want) || (a.pronoun && a.possessive) || t.s.relational(a) {
			return nil
		}
		if a.possessive && !a.pronoun {
			// The parser made a possessor the head ("the Government of Iraq's liberation of
			// Tikrit"): the argument is what it owns, and names it only as a proxy noun.
			if a.proxy = t.possessed(a); a.proxy == "" {
				return nil
			}
			a.possessive = false
		}
		return []actor{a}
	}
	for _, c := range t.kids[w] {
		// A name the parser split into a fixed or flat expression under another word.
		if r := t.w[c].Deprel; r == "flat" || r == "fixed" {
			if a, ok := t.actorAt(c, false); ok && a.wanted(want) && !a.possessive {
				return []actor{a}
			}
		}
	}
	if a := t.nameBeforeDay(w, want); len(a) > 0 {
		return a
	}
	if firstPerson[t.lower[w]] && t.s.speaker != nil && t.lower[w] != "my" {
		a := *t.s.speaker
		a.ti, a.tj, a.pronoun = t.tok[w], t.tok[w]+1, true
		if a.wanted(want) && a.ti >= 0 {
			return []actor{a}
		}
		return nil
	}
	if a, ok := t.titled(w); ok {
		if a.wanted(want) {
			return []actor{a}
		}
		return nil
	}
	if proxyNouns[t.lower[w]] == "" {
		return nil
	}
	for _, c := range t.kids[w] {
		switch t.w[c].Deprel {
		case "nmod:poss", "amod", "compound":
		case "nmod":
			if !t.caseIs(c, []string{"of", "by"}) { // "the attacks of X", "an attack by X"
				continue
			}
		default:
			continue
		}
		a, ok := t.actorAt(c, true)
		if r := t.w[c].Deprel; r == "amod" || r == "compound" {
			a, ok = t.modifierActor(c)
		}
		if ok && a.wanted(want) && !(a.pronoun && a.possessive) {
			a.possessive, a.proxy = false, proxyNouns[t.lower[w]]
			return []actor{a}
		}
		if t.w[c].Deprel == "nmod" && proxyNouns[t.lower[c]] != "" {
			return t.headActor(c, want) // "the savagery of ISIL's regime"
		}
	}
	return t.ownerAcross(w, want)
}

// subject returns the actors of the logical subject of predicate v: its nsubj, the agent of
// a passive, or the subject it inherits as a controlled, coordinated, participial or
// relative clause.
func (t *tree) subject(v, depth int) []actor {
	if v < 0 || depth > 5 {
		return nil
	}
	if c := t.child(v, "nsubj"); c >= 0 {
		if a := t.args(t.antecedent(v, c), actorsOnly); len(a) > 0 || !reportPronouns[t.lower[c]] {
			return append(t.listBefore(v, c), append(a, t.splitSubjects(v, c)...)...)
		}
		return t.reporter(v, depth)
	}
	if t.child(v, "nsubj:pass", "aux:pass") >= 0 {
		return t.agent(v)
	}
	if c := t.fronted(v); c >= 0 {
		return t.args(c, actorsOnly) // "Poland, dismayed by ..., recalled": a vocative to the parser
	}
	h := t.head(v)
	if h < 0 {
		return t.orphanSubject(v)
	}
	if t.nameAsVerb(h) && h < v {
		return t.args(h, actorsOnly) // "Trump could impose sanctions", Trump tagged VERB
	}
	switch t.rel(v) {
	case "xcomp":
		// "urged Merkel to meet Putin": the object controls; "is expected to attend": the
		// subject (of a passive too).
		if o := t.child(h, "obj", "iobj"); o >= 0 {
			return t.args(o, actorsOnly)
		}
		if c := t.child(h, "nsubj", "nsubj:pass"); c >= 0 {
			return t.args(c, actorsOnly)
		}
		return t.subject(h, depth+1)
	case "conj", "advcl":
		if t.isPredicate(h) {
			return t.sharedSubject(h, depth+1)
		}
	case "acl:relcl":
		// A relative clause has a subject of its own (a relative pronoun stands for the
		// noun). One without is a misparse, often of the main verb ("Orban, who was
		// criticised by the EU for his ties with Moscow, praised Trump" hung on "ties"): it
		// lends neither the noun nor the clause above as its subject.
		return nil
	case "acl", "appos":
		// "leaders meeting in Paris"; "Coalition efforts to support X"; "its commitment to
		// support X" (the owner is the clause's subject); "a partnership between X and Y to
		// support Z" (its members); a participle the parser took for an apposition ("Poland,
		// dismayed by ..."). Only a noun that names an actor lends its conjuncts ("X and Y
		// meeting in Paris"), not one whose "and" the parser misplaced ("its commitment to
		// help the government and people of Haiti", people hung on commitment).
		if len(t.headActor(h, actorsOnly)) > 0 {
			return t.args(h, actorsOnly)
		}
		if p := t.child(h, "nmod:poss"); p >= 0 {
			if a, ok := t.actorAt(p, false); ok && !a.pronoun {
				a.possessive = false
				return []actor{a}
			}
		}
		if a := t.prepArgs(h, []string{"between"}, actorsOnly); len(a) > 1 {
			return a
		}
		return t.governing(h, depth+1)
	}
	return t.orphanSubject(v)
}

// sharedSubject returns the subject a clause without one shares with the clause h it hangs
// on: h's grammatical subject, passive too ("Trump is set to visit Britain and will hold talks
// ... before flying to Helsinki": Trump flies, whoever set him), else h's own inherited one.
func (t *tree) sharedSubject(h, depth int) []actor {
	if sp := t.child(h, "nsubj:pass"); sp >= 0 {
		return t.args(t.antecedent(h, sp), actorsOnly)
	}
	return t.subject(h, depth)
}

// antecedent returns the noun a relative pronoun c of relative clause v stands for ("Poland,
// which has criticized Hungary" -> Poland), else c.
func (t *tree) antecedent(v, c int) int {
	if relPronouns[t.lower[c]] && t.rel(v) == "acl:relcl" && t.head(v) >= 0 {
		return t.head(v)
	}
	return c
}

// reporter: "The EU said it would sanction Russia": a pronoun subject (it, they, we) of a
// clause reported by a verb of saying is that verb's subject.
func (t *tree) reporter(v, depth int) []actor {
	for h := v; h >= 0 && depth < 6; depth++ {
		switch t.rel(h) {
		case "conj":
			h = t.head(h)
			continue
		case "ccomp":
			if g := t.head(h); g >= 0 && sourceVerbs[t.lower[g]] {
				if c := t.child(g, "nsubj"); c >= 0 {
					return t.args(c, actorsOnly)
				}
			}
		}
		return nil
	}
	return nil
}

// agent returns the "by" agent of a passive predicate.
func (t *tree) agent(v int) []actor {
	for _, c := range t.kids[v] {
		if r := t.rel(c); (r == "obl:agent" || r == "obl") && t.caseIs(c, []string{"by"}) {
			return t.args(c, actorsOnly)
		}
	}
	return nil
}

// isPredicate reports whether w heads a clause: a verb, or a word with a copula or a subject.
func (t *tree) isPredicate(w int) bool {
	u := t.w[w].UPOS
	return (u == "VERB" && !t.nameAsVerb(w)) || t.child(w, "cop", "nsubj", "nsubj:pass") >= 0
}

// passive reports whether predicate v is passive: it has a passive subject or auxiliary, or
// it is a past participle modifying a noun ("an agreement signed by X").
func (t *tree) passive(v int) bool {
	if t.child(v, "nsubj:pass", "aux:pass") >= 0 {
		return true
	}
	return t.rel(v) == "acl" && t.w[v].XPOS == "VBN"
}

// governing returns the subject of the clause a noun stands in: "X is united in its
// condemnation of Y" -> X; "X held talks with Y" -> X. A noun that is itself a subject
// has none.
func (t *tree) governing(n, depth int) []actor {
	if p := t.governor(n); p >= 0 {
		return t.subject(p, depth+1)
	}
	return nil
}

// governor returns the predicate of the clause noun n stands in: the first predicate above
// it, or n itself when it has a copula ("X is a strong supporter of Y"); -1 when n is a
// subject, or hangs on the root or a parenthetical.
func (t *tree) governor(n int) int {
	p := n
	for i := 0; i < 6 && p >= 0; i++ {
		if p != n && t.isPredicate(p) {
			return p
		}
		if p == n && t.child(p, "cop") >= 0 {
			return p
		}
		switch article.Base(t.rel(p)) {
		case "nsubj", "csubj", "root", "parataxis", "appos":
			return -1
		}
		p = t.head(p)
	}
	return -1
}

// owner returns who owns a nominal cue n: a possessor naming an actor ("Russia's criticism
// of"), the "from" or "by" complement ("support for Y from X"), else the subject of the
// governing clause ("its condemnation of", "X reiterated its support for").
func (t *tree) owner(n int) []actor {
	if a := t.namedOwner(n); len(a) > 0 {
		return a
	}
	if p := t.child(n, "nmod:poss"); p >= 0 && !possessives[t.lower[p]] {
		return nil // "the proposal's backers"
	}
	return t.governing(n, 0)
}

// claimedOwner: pressure and criticism need their owner (as in the position engine): one
// named on the noun, or the governing clause's subject when a possessive pronoun ("voiced
// its opposition to") or a verb of data/words.tsv ownerverb ("imposed new sanctions on",
// "opened the summit with an attack on") claims it for them — not any clause the noun stands
// in: "X hoped to press the president for tougher sanctions on Y" and "X welcomed the
// sanctions on Y" name sanctions that are not X's.
func (t *tree) claimedOwner(n int) []actor {
	if a := t.namedOwner(n); len(a) > 0 {
		return a
	}
	p := t.governor(n)
	if p < 0 {
		return nil
	}
	claim := func(w int) bool { return w >= 0 && ownerVerbs[t.lower[w]] }
	poss := t.child(n, "nmod:poss")
	if (poss >= 0 && possessives[t.lower[poss]]) || claim(p) || claim(t.child(n, "case")) {
		return t.subject(p, 1)
	}
	return nil
}

// namedOwner returns the owner a nominal cue n names itself: an actor possessor, a from/by
// complement, an actor modifying it; nil when none.
func (t *tree) namedOwner(n int) []actor {
	if p := t.child(n, "nmod:poss"); p >= 0 {
		if t.lower[p] == "my" && t.s.speaker != nil && t.tok[p] >= 0 {
			a := *t.s.speaker // "my condemnation of"
			a.ti, a.tj, a.pronoun = t.tok[p], t.tok[p]+1, true
			return []actor{a}
		}
		if a, ok := t.actorAt(p, false); ok && a.isActor() {
			if !a.pronoun || strings.HasPrefix(t.lower[p], "h") { // his, her: resolved persons
				a.possessive = false
				return []actor{a}
			}
		} else if !possessives[t.lower[p]] {
			return nil
		}
	}
	// "support for Y from X": the parser may hang "from X" on Y.
	for _, w := range append([]int{n}, t.kids[n]...) {
		if w != n && t.rel(w) != "nmod" {
			continue
		}
		for _, c := range t.kids[w] {
			if t.rel(c) == "nmod" && t.caseIs(c, []string{"from", "by"}) {
				if a := t.args(c, actorsOnly); len(a) > 0 {
					return a
				}
			}
		}
	}
	// An actor modifying the noun: "UK support for Iraq", "the Russian criticism of".
	for _, c := range t.kids[n] {
		if r := t.rel(c); r == "compound" || r == "amod" {
			if a, ok := t.modifierActor(c); ok && a.isActor() {
				return []actor{a}
			}
		}
	}
	return nil
}

// prepArgs returns the actors of the complements of w (and of its object or oblique
// nouns, one level down) introduced by one of the prepositions.
func (t *tree) prepArgs(w int, preps []string, want func(graph.Label) bool) []actor {
	for _, c := range t.kids[w] {
		if r := article.Base(t.rel(c)); (r == "obl" || r == "nmod") && t.rel(c) != "nmod:poss" && t.caseIs(c, preps) {
			if a := t.args(c, want); len(a) > 0 {
				return append(a, t.strayConjuncts(w, c, want)...)
			}
		}
	}
	for _, c := range t.kids[w] {
		if r := article.Base(t.rel(c)); r == "obj" || r == "obl" {
			for _, d := range t.kids[c] {
				if t.rel(d) == "nmod" && t.caseIs(d, preps) {
					if a := t.args(d, want); len(a) > 0 {
						return a
					}
				}
			}
		}
	}
	return nil
}

// speakerOf finds who "I" is in sentence s: the person subject of a verb of saying that
// heads the sentence or a parenthetical ("I condemn X," Y said; Y said: ...), else the
// speaker a previous "Y said:" sentence opened. A sentence ending in a colon after such a
// verb opens a quotation for the sentences that follow; another report closes it.
func (x *extraction) speakerOf(s *sent, t *tree) {
	s.speaker = x.speaker
	for w := range t.w {
		if r := t.rel(w); !sourceVerbs[t.lower[w]] || (r != "root" && r != "parataxis") {
			continue
		}
		c := t.child(w, "nsubj")
		if c < 0 || firstPerson[t.lower[c]] {
			continue
		}
		a := t.args(c, actorsOnly)
		if len(a) != 1 || a[0].label != graph.LabelPerson {
			x.speaker = nil
			continue
		}
		sp := a[0]
		s.speaker, x.speaker = &sp, nil
		if n := len(s.toks); n > 0 && s.toks[n-1].lower == ":" {
			x.speaker = &sp
		}
		return
	}
}

// sharedObject returns the object a verb without one shares with the verb coordinated
// after it ("X condemned and sanctioned Russia": the parser hangs Russia on "sanctioned"),
// or -1. Only when nothing stands between the two verbs but the conjunction.
func (t *tree) sharedObject(v int) int {
	for _, c := range t.kids[v] {
		if t.rel(c) != "conj" || t.w[c].UPOS != "VERB" || t.child(c, "nsubj", "nsubj:pass") >= 0 {
			continue
		}
		for k := v + 1; k < c; k++ {
			if r := t.rel(k); r != "cc" && r != "advmod" && r != "punct" {
				return -1
			}
		}
		return t.child(c, "obj")
	}
	return -1
}

// modifierActor returns the actor a modifier word of a noun names. A collective actor's
// phrase used as a modifier ("U.S. military aid", "Iraqi security efforts") names the
// country in it, not the group: the aid is the country's.
func (t *tree) modifierActor(c int) (actor, bool) {
	a, ok := t.actorAt(c, true)
	k := t.tok[c]
	if !ok || k < 0 || t.s.toks[k].ment < 0 {
		return a, ok
	}
	ms := t.s.d.Mentions
	g := ms[t.s.toks[k].ment]
	if g.Sector == "" {
		return a, ok
	}
	for i := t.s.toks[k].ment - 1; i >= 0 && ms[i].Start >= g.Start; i-- {
		if ms[i].Modifier && ms[i].Label == graph.LabelCountry && ms[i].Start == g.Start && ms[i].Entity != "" {
			return actor{entity: ms[i].Entity, label: ms[i].Label, ti: a.ti, tj: a.tj}, true
		}
	}
	for i := t.s.toks[k].ment + 1; i < len(ms) && ms[i].Start == g.Start; i++ {
		if ms[i].Modifier && ms[i].Label == graph.LabelCountry && ms[i].Entity != "" {
			return actor{entity: ms[i].Entity, label: ms[i].Label, ti: a.ti, tj: a.tj}, true
		}
	}
	return a, ok
}
