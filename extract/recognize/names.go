package recognize

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/graph"
)

// Names no list knows: the rules here read the parse stage's tags and tree when the
// sentence has them (Sentence.Words), and the people of the Phoenix actor dictionaries.

// particleName reports whether w is a name part written particle-hyphen-Capital:
// "al-Jaafari", "bin-Salman", "el-Sisi".
func (st *state) particleName(w word) bool {
	p, rest, ok := strings.Cut(w.text, "-")
	if !ok || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return st.r.cls.particle[strings.ToLower(p)] && unicode.IsUpper(r)
}

// verbCut reports whether a capitalised word is a verb the tagger saw inside a title-case
// line ("Trump Meets Putin", "Minister Visits Turkey"): a common English word tagged as a
// verb, not a given name or a head word of names.
func (st *state) verbCut(w word) bool {
	if !strings.HasPrefix(w.tag, "VB") || w.upper {
		return false
	}
	if _, ok := st.r.cls.head[w.text]; ok {
		return false
	}
	return st.r.lex.IsCommonWord(w.lower) && !st.r.lex.IsFirstName(w.text)
}

// conjoined reports whether the capitalised words from ws[k] on, after the connectors
// ws[j:k] ("and the"), are a second name coordinated with the chunk ws[i:j] rather than a
// part of it: the words before end in an organisation's head word, or the tree makes the
// second name's head a `conj` of the chunk's own head ("the Global Coalition and the
// Government of Iraq"), where inside a name the conjunct hangs on a word within it
// ("Islamic State of Iraq and the Levant": Levant is a conj of Iraq). "and" without "the"
// stays inside the name ("Department of Housing and Urban Development").
func (st *state) conjoined(ws []word, i, j, k int) bool {
	s := st.sent
	if s == nil || len(s.Words) == 0 || k >= len(ws) {
		return false
	}
	and := false
	for x := j; x < k; x++ {
		and = and || ws[x].lower == "and"
	}
	if !and || ws[k-1].lower != "the" {
		return false // "Department of Housing and Urban Development": "and" without "the" stays inside
	}
	// The part before "and the" ends in an organisation's head word and the part after is a
	// name of its own: "the Coalition and the Government of Iraq" (never one name: the
	// conjunct of a name hangs inside it, "Islamic State of Iraq and the Levant").
	if l, ok := st.r.cls.head[ws[j-1].text]; ok && l == graph.LabelOrganization {
		return true
	}
	lo, hi := s.Tokens[ws[i].tok].Word, s.Tokens[ws[j-1].tok].Word
	x := s.Tokens[ws[k].tok].Word
	for steps := 0; steps < 8 && x >= 0; steps++ {
		if article.Base(s.Words[x].Deprel) == "conj" {
			h := s.Words[x].Head
			if h < lo || h > hi {
				return false
			}
			// h heads the chunk when its own head lies outside it.
			hh := s.Words[h].Head
			return hh < lo || hh > hi
		}
		x = s.Words[x].Head
	}
	return false
}

// actorNameEnd returns the end of the longest name of two or more words at ws[i:end] that
// the Phoenix actor dictionaries list as a person ("Nechirvan Barzani"), or i.
func (st *state) actorNameEnd(ws []word, i, end int) int {
	if st.r.actors == nil {
		return i
	}
	for e := end; e >= i+2; e-- {
		if ws[e-1].punct() {
			continue
		}
		if _, ok := st.r.actors.Person(st.d.Text[ws[i].start:ws[e-1].end]); ok {
			return e
		}
	}
	return i
}

// actorSurname reports whether w alone names a person the actor dictionaries list under
// that one word ("Assad", which is also a given name): never a common English word.
func (st *state) actorSurname(w word) bool {
	if w.initial || w.upper || st.r.lex.IsCommonWord(w.lower) {
		return false
	}
	_, ok := st.r.actors.Surname(w.text)
	return ok
}

// titleAt reports whether a title starts at word j of the current sentence.
func (st *state) titleAt(j int) bool {
	if j >= len(st.cur) {
		return false
	}
	_, _, ok := st.titleLookupAt(j)
	return ok
}

// afterHonorifics skips courtesy titles (and their periods) from ws[k] on: "HE Dr".
func (st *state) afterHonorifics(ws []word, k int) int {
	for k < len(ws) && (st.r.cls.honorific[ws[k].text] || (ws[k].text == "." && k > 0 && st.r.cls.honorific[ws[k-1].text])) {
		k++
	}
	return k
}

// governmentOf recognizes "[the] [Federal] Government of [the] COUNTRY" and "[the]
// COUNTRY-WORD Government" at ws[i]: the country itself, as a group standing for it (as
// "Iraqi authorities" does). It returns the words used, or 0.
func (st *state) governmentOf(si int, ws []word, i int) int {
	j := i
	if ws[j].lower == "the" && j+1 < len(ws) {
		j++ // "The Transitional Government of Mali": the article is not part of the phrase
	}
	first := j
	// "the Australian Government", "the UK Government": the country's government.
	if c, n := st.countryWord(ws, first); n > 0 && first+n < len(ws) && ws[first+n].cap && st.r.cls.govNoun[ws[first+n].lower] {
		st.add(article.Mention{Span: article.Span{Start: ws[first].start, End: ws[first+n].end}, Sentence: si,
			Label: graph.LabelCountry, Kind: article.KindDemonym, Entity: graph.NodeID(graph.LabelCountry, c.Name),
			Name: c.Name, Group: true, Why: "government of the country"})
		return first + n + 1 - i
	}
	if j+1 < len(ws) && ws[j].cap && !st.r.cls.govNoun[ws[j].lower] && st.r.cls.govNoun[ws[j+1].lower] {
		if _, _, ok := st.lookupAt(j); ok {
			return 0 // a lexicon entry before the noun ("Kurdistan Regional Government" is read as a name)
		}
		j++ // "Federal Government", "Transitional Government"
	}
	if j+2 >= len(ws) || !st.r.cls.govNoun[ws[j].lower] || ws[j+1].lower != "of" {
		return 0
	}
	o := j + 2
	if ws[o].lower == "the" && o+1 < len(ws) {
		o++
	}
	e, n, ok := st.lookupAt(o)
	if !ok || e.Label != graph.LabelCountry {
		return 0
	}
	st.add(article.Mention{Span: article.Span{Start: ws[first].start, End: ws[o+n-1].end}, Sentence: si,
		Label: graph.LabelCountry, Kind: article.KindName, Entity: graph.NodeID(graph.LabelCountry, e.Canonical),
		Name: e.Canonical, Group: true, Why: "government of the country"})
	return o + n - i
}

// initialNotProper reports whether the tagger read a sentence's first word as something
// other than a proper noun (NNP, NNPS): its capital is the sentence's. Without tags, false.
func (st *state) initialNotProper(w word) bool {
	return w.tag != "" && !strings.HasPrefix(w.tag, "NNP") && !w.upper
}

// agentNoun reports whether w alone is a collective-actor noun ("Officials", "Rebels").
func (st *state) agentNoun(w word) bool {
	lw := w
	lw.cap, lw.initial = false, false
	n, _ := st.r.ags.at([]word{lw}, 0)
	return n == 1
}
