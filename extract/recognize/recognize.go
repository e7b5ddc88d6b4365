package recognize

import (
	"bufio"
	_ "embed"
	"fmt"
	"sort"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/graph"
)

//go:embed data/words.tsv
var wordsTSV string

// classes holds the word classes of data/words.tsv.
type classes struct {
	head        map[string]graph.Label
	honorific   map[string]bool
	group       map[string]bool
	staff       map[string]bool
	particle    map[string]bool
	connector   map[string]bool
	calendar    map[string]bool
	speech      map[string]bool
	continent   map[string]string
	locative    map[string]bool
	placePrefix map[string]bool
	placeNoun   map[string]bool
	govNoun     map[string]bool
}

func parseClasses(src string) (*classes, error) {
	c := &classes{
		head: map[string]graph.Label{}, honorific: map[string]bool{}, group: map[string]bool{},
		staff: map[string]bool{}, particle: map[string]bool{}, connector: map[string]bool{},
		calendar: map[string]bool{}, speech: map[string]bool{}, continent: map[string]string{},
		locative: map[string]bool{}, placePrefix: map[string]bool{}, placeNoun: map[string]bool{},
		govNoun: map[string]bool{},
	}
	sc := bufio.NewScanner(strings.NewReader(src))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("data/words.tsv:%d: want class<TAB>word<TAB>value", n)
		}
		val := ""
		if len(f) > 2 {
			val = f[2]
		}
		switch f[0] {
		case "head":
			l := graph.Label(val)
			if !l.Valid() {
				return nil, fmt.Errorf("data/words.tsv:%d: unknown label %q", n, val)
			}
			c.head[f[1]] = l
		case "honorific":
			c.honorific[f[1]] = true
		case "group":
			c.group[f[1]] = true
		case "staff":
			c.staff[f[1]] = true
		case "particle":
			c.particle[f[1]] = true
		case "connector":
			c.connector[f[1]] = true
		case "calendar":
			c.calendar[f[1]] = true
		case "speech":
			c.speech[f[1]] = true
		case "continent":
			c.continent[f[1]] = val
		case "locative":
			c.locative[f[1]] = true
		case "placeprefix":
			c.placePrefix[f[1]] = true
		case "placenoun":
			c.placeNoun[f[1]] = true
		case "govnoun":
			c.govNoun[f[1]] = true
		default:
			return nil, fmt.Errorf("data/words.tsv:%d: unknown class %q", n, f[0])
		}
	}
	return c, nil
}

// Recognizer finds mentions of people, countries, organizations, places and events.
// It is safe for concurrent use.
type Recognizer struct {
	lex *lexicon.Lexicon
	cls *classes
	ags *agents // collective-actor nouns ("rebels", "authorities")
	// officeSurnames maps the surname of every holder in the offices table to the full
	// name: a bare "Putin" is a person even in an article that never gives his first name.
	officeSurnames map[string]string
	actors         *lexicon.Actors // people of the Phoenix actor dictionaries (names no other list knows)
}

// New returns a Recognizer using lex.
func New(lex *lexicon.Lexicon) (*Recognizer, error) {
	cls, err := parseClasses(wordsTSV)
	if err != nil {
		return nil, err
	}
	ags, err := parseAgents()
	if err != nil {
		return nil, err
	}
	acts, err := lexicon.DefaultActors()
	if err != nil {
		return nil, err
	}
	r := &Recognizer{lex: lex, cls: cls, ags: ags, officeSurnames: map[string]string{}, actors: acts}
	for _, o := range lex.Offices() {
		for _, name := range append([]string{o.Holder}, o.Aliases...) {
			parts := strings.Fields(name)
			if len(parts) >= 2 {
				r.officeSurnames[parts[len(parts)-1]] = o.Holder
			}
		}
	}
	return r, nil
}

// Recognize fills d.Mentions from d.Sentences. Lexicon entities get their node id in
// Mention.Entity; people and role phrases are left for the resolver.
func (r *Recognizer) Recognize(d *article.Doc) {
	st := &state{r: r, d: d, surnames: map[string]bool{}, surnameKeys: map[string]bool{}, firsts: map[string]bool{},
		endIdx: map[int]int{}, placeEnds: map[int]bool{}}
	for si := range d.Sentences {
		st.sentence(si)
	}
	st.pendingNames()
	findEvents(st)
	sort.SliceStable(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
}

type pending struct {
	sent int
	ws   []word
	i    int
}

type state struct {
	r        *Recognizer
	d        *article.Doc
	surnames map[string]bool // surnames of people named in full in this article
	// surnameKeys holds their article.NameKey (transliteration-insensitive look-up)
	surnameKeys map[string]bool
	endIdx      map[int]int          // byte offset -> the last mention added that ends there
	placeEnds   map[int]bool         // byte offsets where a place mention ends
	orgHeads    map[string][]orgHead // last word -> the organisations named in full with it (orgByHead)
	firsts      map[string]bool      // their first words ("Xi" of "Xi Jinping": family name first)
	pending     []pending            // bare capitalised words decided once every full name is known
	sents       [][]word             // prepared words of each sentence (kept for the event pass)
	cur         []string             // token texts of the sentence being recognized
	looks       []lookMemo           // the lexicon's answers at each word of cur, once asked (lookupAt, titleLookupAt)
	sent        *article.Sentence    // the sentence being recognized (its tree, when parsed)
}

// tx returns the token texts of the current sentence from word i on, for look-ups.
func (st *state) tx(i int) []string { return st.cur[i:] }

// lookMemo is what the lexicon said of the words of the current sentence from one on: the
// same question is asked several times per word (a qualifier, a name, a country phrase).
type lookMemo struct {
	name            lexicon.Entry
	nameN           int
	nameOK, named   bool
	title           lexicon.Title
	titleN          int
	titleOK, titled bool
}

// lookupAt is st.r.lex.Lookup(st.tx(i)), asked once per word of the sentence.
func (st *state) lookupAt(i int) (lexicon.Entry, int, bool) {
	if i >= len(st.looks) {
		return st.r.lex.Lookup(st.tx(i))
	}
	m := &st.looks[i]
	if !m.named {
		m.name, m.nameN, m.nameOK = st.r.lex.Lookup(st.tx(i))
		m.named = true
	}
	return m.name, m.nameN, m.nameOK
}

// titleLookupAt is st.r.lex.Title(st.tx(i)), asked once per word of the sentence.
func (st *state) titleLookupAt(i int) (lexicon.Title, int, bool) {
	if i >= len(st.looks) {
		return st.r.lex.Title(st.tx(i))
	}
	m := &st.looks[i]
	if !m.titled {
		m.title, m.titleN, m.titleOK = st.r.lex.Title(st.tx(i))
		m.titled = true
	}
	return m.title, m.titleN, m.titleOK
}

func (st *state) add(m article.Mention) {
	m.Text = st.d.Text[m.Start:m.End]
	st.d.Mentions = append(st.d.Mentions, m)
	st.endIdx[m.End] = len(st.d.Mentions) - 1
	if m.Label == graph.LabelPlace {
		st.placeEnds[m.End] = true
	}
}

func (st *state) sentence(si int) {
	st.sent = &st.d.Sentences[si]
	ws := words(st.d, st.sent)
	st.sents = append(st.sents, ws)
	st.cur = texts(ws)
	if n := len(st.cur); cap(st.looks) < n {
		st.looks = make([]lookMemo, n)
	} else {
		st.looks = st.looks[:n]
		clear(st.looks)
	}
	for i := 0; i < len(ws); {
		n := st.at(si, ws, i)
		if n <= 0 {
			n = 1
		}
		i += n
	}
}

// at recognizes what starts at ws[i] and returns how many words it used.
func (st *state) at(si int, ws []word, i int) int {
	w := ws[i]
	cls := st.r.cls
	if w.punct() || w.num {
		return 1
	}
	// Honorific + surname: "Mr Rubio", "Mr. Trump".
	if cls.honorific[w.text] {
		j := i + 1
		if j < len(ws) && ws[j].text == "." {
			j++
		}
		if e := st.nameEnd(ws, j); e > j {
			st.person(si, ws, j, e, "", orgRef{}, "honorific")
			return e - i
		}
	}
	if n := st.roleAt(si, ws, i); n > 0 {
		return n
	}
	// "members of the alliance", "allies of NATO".
	if cls.group[w.lower] && i+2 < len(ws) && ws[i+1].lower == "of" {
		j := i + 2
		if ws[j].lower == "the" && j+1 < len(ws) && ws[j+1].lower == "alliance" {
			st.add(article.Mention{Span: article.Span{Start: w.start, End: ws[j+1].end}, Sentence: si,
				Label: graph.LabelOrganization, Kind: article.KindRole, Role: "alliance", Group: true})
			return j + 2 - i
		}
		if e, n, ok := st.lookupAt(j); ok && e.Label.IsActor() {
			st.add(article.Mention{Span: article.Span{Start: w.start, End: ws[j+n-1].end}, Sentence: si,
				Label: e.Label, Kind: article.KindName, Entity: graph.NodeID(e.Label, e.Canonical), Name: e.Canonical, Group: true})
			return j + n - i
		}
	}
	// Bare "allies" ("all 29 allies", "other allies"): the members of the alliance the
	// article names, resolved like "the alliance".
	if w.lower == "allies" && (i == 0 || !ws[i-1].cap) {
		st.add(article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: si,
			Label: graph.LabelOrganization, Kind: article.KindRole, Role: "alliance", Group: true})
		return 1
	}
	if w.lower == "alliance" && i > 0 && ws[i-1].lower == "the" {
		st.add(article.Mention{Span: article.Span{Start: ws[i-1].start, End: w.end}, Sentence: si,
			Label: graph.LabelOrganization, Kind: article.KindRole, Role: "alliance"})
		return 1
	}
	// "protesters in Belgrade", "rebels in Mali": a collective actor of the place's country.
	if n := st.collectiveIn(si, ws, i); n > 0 {
		return n
	}
	if !w.cap {
		return 1
	}
	if n := st.countryPhrase(si, ws, i); n > 0 { // "the Government of Iraq", "Turkish and UK organisations"
		return n
	}
	// A capitalised chunk with a typing head ("Ramstein Group", "Trump Tower") wins over a
	// lexicon entry that is only its first word.
	end := st.chunkEnd(ws, i)
	if lbl, ok := st.headLabel(ws, i, end); ok && end-i >= 2 {
		if _, n, ok := st.lookupAt(i); !ok || i+n < end {
			b := i
			if (ws[b].lower == "the" || ws[b].lower == "a" || ws[b].lower == "an") && b+1 < end {
				b++ // "The Contact Group ...": the article is not part of the name
			}
			st.add(article.Mention{Span: article.Span{Start: ws[b].start, End: ws[end-1].end}, Sentence: si,
				Label: lbl, Kind: article.KindName})
			return end - i
		}
	}
	if n := st.lexiconAt(si, ws, i); n > 0 {
		return n
	}
	if place, ok := cls.continent[w.text]; ok {
		m := article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: si,
			Label: graph.LabelPlace, Kind: article.KindDemonym, Entity: graph.NodeID(graph.LabelPlace, place), Name: place}
		if i+1 < len(ws) && cls.group[ws[i+1].lower] {
			m.Group = true
			m.End = ws[i+1].end
			st.add(m)
			return 2
		}
		st.add(m)
		return 1
	}
	if i+1 < len(ws) && ws[i+1].cap {
		if c, ok := st.r.lex.DemonymPair(w.text, ws[i+1].text); ok { // "South Korean", "North Korean"
			st.add(article.Mention{Span: article.Span{Start: w.start, End: ws[i+1].end}, Sentence: si,
				Label: graph.LabelCountry, Kind: article.KindDemonym, Entity: graph.NodeID(graph.LabelCountry, c.Name), Name: c.Name})
			return 2
		}
	}
	if c, ok := st.r.lex.Demonym(w.text); ok {
		m := article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: si,
			Label: graph.LabelCountry, Kind: article.KindDemonym, Entity: graph.NodeID(graph.LabelCountry, c.Name), Name: c.Name}
		// "Iranian authorities", "Malian rebels": a collective actor of the country.
		if n, sector := st.r.ags.at(ws, i+1); n > 0 && !w.poss {
			st.collective(si, c, w.start, ws, i+1, n, sector)
			return 1 + n
		}
		if i+1 < len(ws) && cls.group[ws[i+1].lower] {
			m.Group = true
			m.End = ws[i+1].end
			st.add(m)
			return 2
		}
		if i+1 < len(ws) && (cls.staff[ws[i+1].lower] || (ws[i+1].letter && !ws[i+1].cap && !st.r.lex.IsStopWord(ws[i+1].lower))) {
			m.Modifier = true // "Iranian troops", "the British decision": an adjective, not an actor
		}
		st.add(m)
		return 1
	}
	return st.chunk(si, ws, i)
}

// lexiconAt adds a known country, organization or place at ws[i].
func (st *state) lexiconAt(si int, ws []word, i int) int {
	e, n, ok := st.lookupAt(i)
	if !ok {
		return 0
	}
	// A lexicon place that starts a person's name ("Jordan Peterson") or an ambiguous entry
	// not backed by context is left to the chunk rules.
	if e.Ambiguous && i+n < len(ws) && ws[i+n].cap && !ws[i+n].punct() && !st.titleAt(i+n) {
		return 0 // ("In Turkey Minister X met": a title after it does not start a name)
	}
	// A city name that is also a first name, followed by a capitalised word that no lexicon
	// knows, starts a personal name: "Vladimir Putin", "Florence Pugh".
	if n == 1 && e.Label == graph.LabelPlace && i+1 < len(ws) && ws[i+1].cap && st.r.lex.IsFirstName(ws[i].text) {
		if _, _, ok := st.lookupAt(i + 1); !ok && !st.r.cls.head[ws[i+1].text].Valid() {
			return 0
		}
	}
	if w := ws[i]; w.initial && n == 1 && e.Ambiguous && st.r.lex.IsCommonWord(w.lower) {
		return 0
	}
	last := ws[i+n-1]
	m := article.Mention{Span: article.Span{Start: ws[i].start, End: last.end}, Sentence: si,
		Label: e.Label, Kind: article.KindName, Entity: graph.NodeID(e.Label, e.Canonical), Name: e.Canonical}
	if e.Label == graph.LabelPlace && e.Country != "" {
		if c, ok := st.r.lex.CountryByISO(e.Country); ok && strings.EqualFold(c.Capital, e.Canonical) {
			m.StandsFor, m.StandsForName = graph.NodeID(graph.LabelCountry, c.Name), c.Name
		}
	}
	used := n
	// "Ukraine's military", "Iran's government": a collective actor of the country.
	if e.Label == graph.LabelCountry {
		at := i + n
		if !last.poss && at < len(ws) && (ws[at].text == "'s" || ws[at].text == "'") {
			at++ // the tokenizer's separate "'s"
		}
		// "UK organisations", "US officials": a country name before an agent noun too.
		if k, sector := st.r.ags.at(ws, at); k > 0 && (at > i+n || last.poss || !e.Ambiguous) {
			if c, ok := st.r.lex.Country(e.Canonical); ok {
				st.collective(si, c, ws[i].start, ws, at, k, sector)
				return at - i + k
			}
		}
	}
	if !last.poss && i+n < len(ws) && e.Label.IsActor() {
		nx := ws[i+n]
		switch {
		case st.r.cls.group[nx.lower] || (nx.lower == "member" && i+n+1 < len(ws) && st.r.cls.group[ws[i+n+1].lower]):
			m.Group = true
		case st.r.cls.staff[nx.lower]:
			m.Modifier = true
		}
	}
	st.add(m)
	return used
}

// chunkEnd returns the end of the capitalised chunk starting at ws[i]: capitalised words,
// initials, name particles and organisation connectors followed by a capitalised word.
func (st *state) chunkEnd(ws []word, i int) int {
	j := i
	for j < len(ws) {
		w := ws[j]
		switch {
		case j > i && w.cap && st.verbCut(w):
			return j // "Trump Meets Putin": a headline's verb is no part of a name
		case (w.cap || st.particleName(w)) && !st.r.cls.calendar[w.text]:
			j++
		case w.cap && st.r.cls.calendar[w.text] && j > i && st.r.lex.IsFirstName(ws[j-1].text):
			j++ // "Theresa May"
		case w.text == "." && j > i && len(ws[j-1].text) <= 2 && ws[j-1].upper:
			j++ // initials "J. D."
		case w.text == "-" && j > i && j+1 < len(ws) && ws[j+1].cap && ws[j].start == ws[j-1].end:
			j++
		case j > i && (st.r.cls.particle[w.lower] || st.r.cls.connector[w.lower]):
			// "Contact Group for the Defence", "Ursula von der Leyen"
			k := j
			for k < len(ws) && (st.r.cls.particle[ws[k].lower] || st.r.cls.connector[ws[k].lower]) {
				k++
			}
			if k >= len(ws) || !ws[k].cap || st.r.cls.calendar[ws[k].text] {
				return j
			}
			if st.r.cls.connector[w.lower] && !st.orgLike(ws, i, j) {
				return j
			}
			if st.conjoined(ws, i, j, k) {
				return j // "the Global Coalition and the Government of Iraq": two names
			}
			j = k
		default:
			return j
		}
		if ws[j-1].poss {
			return j
		}
	}
	return j
}

// orgLike reports whether ws[i:j] ends in an organisation head ("Contact Group").
func (st *state) orgLike(ws []word, i, j int) bool {
	for k := i; k < j; k++ {
		if l, ok := st.r.cls.head[ws[k].text]; ok && l != graph.LabelPlace {
			return true
		}
	}
	return false
}

// headLabel types a chunk by its head word: the last word before the first connector.
func (st *state) headLabel(ws []word, i, end int) (graph.Label, bool) {
	if end <= i {
		return "", false // no chunk at i
	}
	h := end - 1
	for k := i + 1; k < end; k++ {
		if st.r.cls.connector[ws[k].lower] {
			h = k - 1
			break
		}
	}
	l, ok := st.r.cls.head[ws[h].text]
	return l, ok
}

// nameEnd returns the end of a personal name starting at ws[i] (i itself when none).
func (st *state) nameEnd(ws []word, i int) int {
	j := i
	for j < len(ws) {
		w := ws[j]
		switch {
		case (w.cap || (j > i && st.particleName(w))) && !(st.r.cls.calendar[w.text] && j == i):
			if _, _, ok := st.titleLookupAt(j); ok && j > i {
				return j
			}
			j++
		case w.text == "." && j > i && len(ws[j-1].text) <= 2 && ws[j-1].upper:
			j++
		case w.text == "-" && j > i && j+1 < len(ws) && ws[j+1].cap && ws[j].start == ws[j-1].end:
			j++
		case j > i && st.r.cls.particle[w.lower]:
			// "von der Leyen", "de la Cruz": a chain of particles before a capitalised word.
			k := j
			for k < len(ws) && st.r.cls.particle[ws[k].lower] {
				k++
			}
			if k >= len(ws) || !ws[k].cap {
				return j
			}
			j = k + 1
		default:
			return j
		}
		if ws[j-1].poss || j-i >= 5 {
			return j
		}
	}
	return j
}

// person adds a Person mention over ws[i:e], with the role and the country or organisation
// (id and name) it belongs to, if any. It reports whether it added one.
func (st *state) person(si int, ws []word, i, e int, role string, org orgRef, why string) bool {
	for e > i && ws[e-1].punct() {
		e--
	}
	if e <= i || st.r.lex.IsStopWord(ws[i].lower) {
		return false // a name never starts with a function word ("The Kremlin said")
	}
	m := article.Mention{Span: article.Span{Start: ws[i].start, End: ws[e-1].end}, Sentence: si,
		Label: graph.LabelPerson, Kind: article.KindName, Role: role, RoleOrg: org.id, RoleOrgName: org.name, Why: why}
	if e-i >= 2 {
		last := e - 1
		for last > i+1 && article.NameSuffix(ws[last].text) {
			last-- // "Ferdinand Marcos Jr.": the surname is Marcos
		}
		st.surnames[ws[last].text] = true
		st.surnameKeys[article.NameKey(ws[last].text)] = true
		// Family name first ("Xi Jinping", "Yoon Suk Yeol"): a first word that is no given
		// name may stand alone later ("Xi told Trudeau").
		if !ws[i].upper && len(ws[i].text) > 1 && !st.r.lex.IsCommonWord(ws[i].lower) {
			st.firsts[ws[i].text] = true
		}
	}
	st.add(m)
	return true
}

// orgRef is the node id and name of the country or organisation a role belongs to.
type orgRef struct{ id, name string }

// roleAt recognizes "[former] [Country|Org|demonym]* Title [Name]" at ws[i].
func (st *state) roleAt(si int, ws []word, i int) int {
	quals, j := st.roleQualifiers(si, ws, i)
	if j >= len(ws) {
		return 0
	}
	var role, of string
	var n int
	if t, tn, ok := st.titleLookupAt(j); ok {
		role, n, of = t.Role, tn, t.Of
	} else if ws[j].lower == "counterpart" || ws[j].lower == "counterparts" {
		role, n = article.RoleCounterpart, 1
	} else {
		return 0
	}
	// A lower-case title needs a determiner or a qualifier before it: "the US president",
	// "his German counterpart"; a bare "president" mid-sentence is left alone unless a name
	// follows.
	t := j + n
	// "the president of the European Commission, Ursula von der Leyen": the organisation
	// after "of", the name after the comma.
	var ofQual *article.Mention
	if t+1 < len(ws) && ws[t].lower == "of" {
		o := t + 1
		if ws[o].lower == "the" && o+1 < len(ws) {
			o++
		}
		if e, ln, ok := st.lookupAt(o); ok && (e.Label == graph.LabelCountry || e.Label == graph.LabelOrganization) {
			ofQual = &article.Mention{Span: article.Span{Start: ws[o].start, End: ws[o+ln-1].end}, Sentence: si,
				Label: e.Label, Kind: article.KindName, Entity: graph.NodeID(e.Label, e.Canonical), Name: e.Canonical, Modifier: true}
			t = o + ln
		}
	}
	// "…, Ursula von der Leyen,": a name in apposition after the role phrase (after
	// courtesy titles: "…, HE Dr Ibrahim al-Jaafari").
	appos := -1
	if t+1 < len(ws) && ws[t].text == "," {
		k := st.afterHonorifics(ws, t+1)
		if e := st.nameEnd(ws, k); e > k+1 && (e >= len(ws) || ws[e].punct() || !ws[e].cap) {
			appos, t = t, k
		}
	}
	nameE := st.nameEnd(ws, t)
	if t < len(ws) && ws[t].text == "," && !ws[j+n-1].cap {
		nameE = t
	}
	hasName := nameE > t
	if hasName {
		// "Secretary of State Marco Rubio": a name made only of lexicon entries is not a name.
		if _, ln, ok := st.r.lex.Lookup(st.tx(t)[:nameE-t]); ok && t+ln == nameE {
			hasName = false
		}
	}
	if !hasName && len(quals) == 0 && !ws[j].cap {
		if i == 0 {
			return 0
		}
		prev := ws[i-1].lower
		if prev != "the" && prev != "his" && prev != "her" && prev != "its" && prev != "their" && prev != "a" && prev != "an" {
			return 0
		}
	}
	var roleOrg orgRef
	if ofQual != nil {
		quals = append(quals, *ofQual)
	}
	if len(quals) > 0 {
		q := quals[len(quals)-1]
		roleOrg = orgRef{q.Entity, q.Name}
		if roleOrg.name == "" {
			roleOrg.name = st.d.Text[q.Start:q.End]
		}
	} else if of != "" {
		roleOrg.id, roleOrg.name = st.r.orgID(of)
	}
	for _, q := range quals {
		st.add(q)
	}
	former := false
	for k := i; k < j; k++ {
		if ws[k].lower == "former" {
			former = true
		}
	}
	if i >= 2 && ws[i-1].lower == "as" && (ws[i-2].lower == "predecessor" || ws[i-2].lower == "successor") {
		former = true // "Rutte's predecessor as NATO chief, Jens Stoltenberg"
	}
	if hasName && appos >= 0 {
		// The role phrase is a mention of its own, resolved to the name by apposition: it
		// becomes an alias of the person ("the Iraqi Foreign Minister").
		rm := st.roleMention(si, ws, i, appos, role, roleOrg, former)
		rm.Why = "apposition"
		st.add(rm)
		if !st.person(si, ws, t, nameE, role, roleOrg, "title") {
			return 0
		}
		st.d.Mentions[len(st.d.Mentions)-1].Former = former
		return nameE - i
	}
	if hasName {
		if !st.person(si, ws, t, nameE, role, roleOrg, "title") {
			return 0
		}
		pm := &st.d.Mentions[len(st.d.Mentions)-1]
		pm.Former = former
		pm.TitleStart = ws[i].start
		if i > 0 && ws[i-1].lower == "the" {
			pm.TitleStart = ws[i-1].start
		}
		return nameE - i
	}
	st.add(st.roleMention(si, ws, i, t, role, roleOrg, former))
	return t - i
}

// roleQualifiers reads what may stand before a title at ws[i]: "former", "acting", ... and
// the countries, organisations and demonyms that say whose the title is ("the Iraqi",
// "Iraq's", "NATO"). It returns those as modifier mentions and where the title would start.
func (st *state) roleQualifiers(si int, ws []word, i int) ([]article.Mention, int) {
	j := i
	var quals []article.Mention
	for j < len(ws) {
		w := ws[j]
		if w.lower == "former" || w.lower == "then" || w.lower == "acting" || w.lower == "newly" || w.lower == "confirmed" || w.lower == "new" || w.lower == "outgoing" {
			j++
			continue
		}
		// "Iraq's foreign minister": a possessive qualifier only right before a title.
		// "In Turkey Minister Ellwood met ...": a country after a locative preposition is where,
		// not whose, the title is.
		if e, n, ok := st.lookupAt(j); ok && (e.Label == graph.LabelCountry || e.Label == graph.LabelOrganization) &&
			(!ws[j+n-1].poss || st.titleAt(j+n)) && !(j == i && i > 0 && st.r.cls.locative[ws[i-1].lower]) {
			quals = append(quals, article.Mention{Span: article.Span{Start: w.start, End: ws[j+n-1].end}, Sentence: si,
				Label: e.Label, Kind: article.KindName, Entity: graph.NodeID(e.Label, e.Canonical), Name: e.Canonical, Modifier: true})
			j += n
			if j+1 < len(ws) && (ws[j].text == "'s" || ws[j].text == "'") && st.titleAt(j+1) {
				j++ // the tokenizer's separate "'s": "Iraq 's foreign minister"
			}
			continue
		}
		if j+1 < len(ws) && ws[j+1].cap {
			if c, ok := st.r.lex.DemonymPair(w.text, ws[j+1].text); ok {
				quals = append(quals, article.Mention{Span: article.Span{Start: w.start, End: ws[j+1].end}, Sentence: si,
					Label: graph.LabelCountry, Kind: article.KindDemonym, Entity: graph.NodeID(graph.LabelCountry, c.Name), Name: c.Name, Modifier: true})
				j += 2
				continue
			}
		}
		if c, ok := st.r.lex.Demonym(w.text); ok {
			quals = append(quals, article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: si,
				Label: graph.LabelCountry, Kind: article.KindDemonym, Entity: graph.NodeID(graph.LabelCountry, c.Name), Name: c.Name, Modifier: true})
			j++
			continue
		}
		break
	}
	return quals, j
}

// roleMention is the role phrase ws[i:t] (with a determiner or possessive before it) as a
// Person mention of kind role.
func (st *state) roleMention(si int, ws []word, i, t int, role string, roleOrg orgRef, former bool) article.Mention {
	start := i
	if i > 0 {
		switch ws[i-1].lower {
		case "the", "his", "her", "its", "their":
			start = i - 1
		}
	}
	last := ws[t-1]
	return article.Mention{Span: article.Span{Start: ws[start].start, End: last.end}, Sentence: si,
		Label: graph.LabelPerson, Kind: article.KindRole, Role: role, RoleOrg: roleOrg.id, RoleOrgName: roleOrg.name,
		Former: former}
}

// chunk classifies an unknown capitalised chunk at ws[i].
func (st *state) chunk(si int, ws []word, i int) int {
	cls := st.r.cls
	end := st.chunkEnd(ws, i)
	if end <= i {
		return 1
	}
	if cls.calendar[ws[i].text] {
		return 1
	}
	// A person the actor dictionaries list, wherever it stands ("Massoud Barzani said").
	if e := st.actorNameEnd(ws, i, end); e > i {
		st.person(si, ws, i, e, "", orgRef{}, "actor dictionary")
		return e - i
	}
	// A sentence-initial common word is not a name ("Speaking at...", "Senior officials"),
	// nor one the tagger reads as no proper noun ("Peacekeepers", "Ceasefire").
	if ws[i].initial && (st.r.lex.IsCommonWord(ws[i].lower) || st.initialNotProper(ws[i])) && !st.r.lex.IsFirstName(ws[i].text) &&
		st.r.officeSurnames[ws[i].text] == "" {
		if end-i == 1 {
			st.pending = append(st.pending, pending{sent: si, ws: ws, i: i})
			return 1
		}
		return 1
	}
	n := end - i
	first := ws[i]
	if n >= 2 && st.r.cls.placePrefix[first.text] {
		st.add(article.Mention{Span: article.Span{Start: first.start, End: ws[end-1].end}, Sentence: si,
			Label: graph.LabelPlace, Kind: article.KindName, Why: "place prefix"})
		return n
	}
	initials := first.upper && len(first.text) <= 2 && n >= 2
	if n >= 2 && (st.r.lex.IsFirstName(first.text) || initials) && !ws[end-1].upper && st.surnameLike(ws[end-1]) &&
		!st.r.cls.staff[ws[end-1].lower] && !st.agentNoun(ws[end-1]) {
		e := st.nameEnd(ws, i)
		if e < end && e > i+1 {
			end = e
		}
		st.person(si, ws, i, end, "", orgRef{}, "first name")
		return end - i
	}
	if n == 1 {
		st.pending = append(st.pending, pending{sent: si, ws: ws, i: i})
		return 1
	}
	// A known surname leads the chunk ("Trump Whisperer"): the surname alone.
	if st.r.officeSurnames[first.text] != "" || st.surnames[first.text] {
		st.pending = append(st.pending, pending{sent: si, ws: ws, i: i})
		return 1
	}
	if i > 0 && cls.locative[ws[i-1].lower] && !ws[end-1].upper {
		st.add(article.Mention{Span: article.Span{Start: first.start, End: ws[end-1].end}, Sentence: si,
			Label: graph.LabelPlace, Kind: article.KindName, Why: "after a locative preposition"})
		return n
	}
	// "Unnamed Western Officials said": a chunk ending in a collective noun is no person.
	if end < len(ws) && cls.speech[ws[end].lower] && n <= 3 && !cls.staff[ws[end-1].lower] && !st.agentNoun(ws[end-1]) {
		st.person(si, ws, i, end, "", orgRef{}, "speaker")
		return n
	}
	// Nothing types the whole chunk: let the words after the first have their own chance
	// ("House Speaker Mike Johnson": a title and a name follow "House").
	return 1
}

// pendingNames decides bare capitalised words once every full name of the article is known:
// a surname of someone named in full, or of a well-known office holder, is a person.
func (st *state) pendingNames() {
	for _, p := range st.pending {
		w := p.ws[p.i]
		if st.surnames[w.text] || st.r.officeSurnames[w.text] != "" || st.surnameKey(w.text) || st.firsts[w.text] || st.actorSurname(w) {
			start := w.start
			for k := p.i - 1; k >= 0 && st.r.cls.particle[p.ws[k].lower]; k-- {
				start = p.ws[k].start // "von der Leyen"
			}
			st.add(article.Mention{Span: article.Span{Start: start, End: w.end}, Sentence: p.sent,
				Label: graph.LabelPerson, Kind: article.KindName, Why: "surname"})
			continue
		}
		// "the Commission" after "the European Commission": the last word of an organisation
		// the article named.
		if p.i > 0 && p.ws[p.i-1].lower == "the" {
			if e, name := st.orgByHead(w); e != "" {
				st.add(article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: p.sent,
					Label: graph.LabelOrganization, Kind: article.KindName, Entity: e, Name: name, Why: "short form of " + name})
				continue
			}
		}
		// "the village of Przewodów", "Carbis Bay, Cornwall": an unknown name after a place
		// noun and "of", or after a place and a comma.
		if !w.initial && !st.r.lex.IsCommonWord(w.lower) && !st.r.lex.IsFirstName(w.text) && !w.upper && p.i >= 2 &&
			((p.ws[p.i-1].lower == "of" && st.r.cls.placeNoun[p.ws[p.i-2].lower]) ||
				(p.ws[p.i-1].text == "," && st.placeEndsAt(p.ws[p.i-2].end) && (p.i+1 >= len(p.ws) || p.ws[p.i+1].punct()))) {
			st.add(article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: p.sent,
				Label: graph.LabelPlace, Kind: article.KindName, Why: "place context"})
			continue
		}
		// "in Kananaskis", "at Sandringham": an unknown name after a locative preposition.
		if p.i > 0 && st.r.cls.locative[p.ws[p.i-1].lower] && !w.initial && !st.r.lex.IsCommonWord(w.lower) &&
			!st.r.lex.IsFirstName(w.text) && !st.r.cls.calendar[w.text] && len(w.text) > 2 && !w.upper {
			st.add(article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: p.sent,
				Label: graph.LabelPlace, Kind: article.KindName, Why: "after a locative preposition"})
			continue
		}
		// "Zelensky, 46," - a bare name with an age apposition.
		if p.i+3 < len(p.ws) && p.ws[p.i+1].text == "," && p.ws[p.i+2].num && p.ws[p.i+3].text == "," && !w.initial {
			st.add(article.Mention{Span: article.Span{Start: w.start, End: w.end}, Sentence: p.sent,
				Label: graph.LabelPerson, Kind: article.KindName, Why: "age apposition"})
		}
	}
	st.pending = nil
}

// orgID turns an ISO2 code or an organisation name (as the lexicon's titles and offices
// write them) into a node id and the entity's name.
func (r *Recognizer) orgID(of string) (string, string) {
	if len(of) == 2 && strings.ToUpper(of) == of {
		if c, ok := r.lex.CountryByISO(of); ok {
			return graph.NodeID(graph.LabelCountry, c.Name), c.Name
		}
	}
	if e, n, ok := r.lex.Lookup(strings.Fields(of)); ok && n == len(strings.Fields(of)) {
		return graph.NodeID(e.Label, e.Canonical), e.Canonical
	}
	return graph.NodeID(graph.LabelOrganization, of), of
}

// surnameLike reports whether w can end a personal name: not a demonym ("Western
// European"), a continent adjective or a known place, country or organisation.
func (st *state) surnameLike(w word) bool {
	if _, ok := st.r.lex.Demonym(w.text); ok {
		return false
	}
	if _, ok := st.r.cls.continent[w.text]; ok {
		return false
	}
	if _, ok := st.r.cls.head[w.text]; ok {
		return false
	}
	if e, n, ok := st.r.lex.Lookup([]string{w.text}); ok && n == 1 && !e.Ambiguous {
		return false
	}
	return true
}

// surnameKey reports whether s is, up to transliteration, the surname of someone named in
// full in the article ("Zelensky" after "Volodymyr Zelenskiy").
func (st *state) surnameKey(s string) bool {
	return st.surnameKeys[article.NameKey(s)]
}

// placeEndsAt reports whether a place mention ends at byte end.
func (st *state) placeEndsAt(end int) bool {
	return st.placeEnds[end]
}

// orgHead is an organisation named in full, for orgByHead: its entity, name and first start.
type orgHead struct {
	entity, name string
	start        int
}

// orgByHead finds an organisation named earlier in full whose last word is w ("Commission"
// of "European Commission"), when exactly one does. The index is built on first use, once
// every sentence is recognized.
func (st *state) orgByHead(w word) (string, string) {
	if st.orgHeads == nil {
		st.orgHeads = map[string][]orgHead{}
		for _, m := range st.d.Mentions {
			f := strings.Fields(m.Text)
			if m.Label != graph.LabelOrganization || m.Entity == "" || len(f) < 2 {
				continue
			}
			head, known := f[len(f)-1], false
			for _, h := range st.orgHeads[head] {
				known = known || h.entity == m.Entity
			}
			if !known { // one entry per entity: the heads of one word name few organisations
				name := m.Name
				if name == "" {
					name = m.Text
				}
				st.orgHeads[head] = append(st.orgHeads[head], orgHead{m.Entity, name, m.Start})
			}
		}
	}
	found, name := "", ""
	for _, h := range st.orgHeads[w.text] {
		if h.start >= w.start {
			continue
		}
		if found != "" {
			return "", ""
		}
		found, name = h.entity, h.name
	}
	return found, name
}
