// Package relate finds who did what to whom: actor relationships (MET, SPOKE_WITH,
// PRESSURED, CRITICIZED, SUPPORTED, VISITED, ATTENDED, HOSTED) from the cue patterns of
// data/cues.tsv, with modality, date, place, topic and evidence, plus the structural
// relationships (HOLDS_ROLE, MEMBER_OF, HELD_IN, MENTIONS).
package relate

import (
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/resolve"
	"github.com/newsgraph/newsgraph/graph"
)

// Stage is the relation stage of the pipeline: it reads one resolved article (its Doc with
// tokens, mentions and, when the parse stage ran, dependency trees; the resolver's events
// and aliases) and returns the article's edges, sorted and without duplicates. It must be
// safe for concurrent use and deterministic.
type Stage interface {
	Relate(res *resolve.Result) []graph.Edge
}

var _ Stage = (*Relater)(nil)

// Relater is the Stage: per cue, the tree engine (tree*.go) and the position engine
// (patterns.go) reconciled (docs/relations.md). It is safe for concurrent use.
type Relater struct {
	cues *cueTable
}

// New parses the embedded cue tables (the word classes of data/words.tsv load with the
// package; New reports their error).
func New() (*Relater, error) {
	if wordsErr != nil {
		return nil, wordsErr
	}
	if proxiesErr != nil {
		return nil, proxiesErr
	}
	t, err := parseCues(cuesTSV)
	if err != nil {
		return nil, err
	}
	if err := t.addCAMEO(cameoTSV); err != nil {
		return nil, err
	}
	return &Relater{cues: t}, nil
}

// tok is one non-space token of a sentence.
type tok struct {
	start, end int
	text       string
	lower      string
	cap        bool
	ment       int  // index into Doc.Mentions of the mention covering it, or -1
	title      bool // inside the role phrase before a name ("the European Commission president,")
}

// letter reports whether the token starts with a letter.
func (t tok) letter() bool {
	for _, r := range t.text {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
	}
	return false
}

// isActor reports whether a can do or undergo an actor relationship: a person, country or
// organisation, or a group standing for a region ("European countries").
func (a actor) isActor() bool {
	return a.label.IsActor() || (a.label == graph.LabelPlace && (a.group || a.standsFor != ""))
}

// wanted reports whether the actor fits a slot: by its label, or as the country a
// capital stands for.
func (a actor) wanted(want func(graph.Label) bool) bool {
	return want(a.label) || ((a.standsFor != "" || (a.label == graph.LabelPlace && a.group)) && want(graph.LabelCountry))
}

// actor is a participant found in a sentence: a mention or a resolved pronoun.
type actor struct {
	entity     string
	label      graph.Label
	ti, tj     int // token range [ti, tj)
	group      bool
	pronoun    bool
	inherited  bool
	possessive bool
	standsFor  string // a capital acting for its country
	proxy      string // kind of the data/proxies.tsv noun it was reached through ("act"), if any
}

// sent is the working view of one sentence.
type sent struct {
	d     *article.Doc
	idx   int
	toks  []tok
	acts  []actor // in order
	subj  string  // entity of the sentence's subject, if a person/actor
	start int
	// speaker is who "I" is: the person reporting this sentence ("I condemn X," Y said) or
	// the quotation a sentence ending "Y said:" opened (tree engine; nil when unknown)
	speaker *actor
	// dates are the sentence's time expressions (Dates) against the article's date, as the
	// past reads them ([0]) and the future ([1]), made on first use (datesFor).
	dates [2][]dateExpr
	dated [2]bool
}

// datesFor gives Dates of the sentence's tokens, made once per sentence and tense; pub is
// the article's publication date (the same for every call on a sentence). The slice is
// shared: read it, do not change it.
func (s *sent) datesFor(pub time.Time, future bool) []dateExpr {
	k := 0
	if future {
		k = 1
	}
	if !s.dated[k] {
		words := make([]string, len(s.toks))
		for i, t := range s.toks {
			words[i] = t.text
		}
		s.dates[k], s.dated[k] = Dates(words, pub, future), true
	}
	return s.dates[k]
}

// Relate returns the edges of one resolved article, sorted and without duplicates.
func (r *Relater) Relate(res *resolve.Result) []graph.Edge {
	d := res.Doc
	x := &extraction{r: r, d: d, res: res, mstart: mentionStarts(d)}
	for si := range d.Sentences {
		s := x.prepare(si)
		x.sents = append(x.sents, s)
		x.sentence(s)
		if s.subj != "" {
			if l, _ := graph.LabelOfID(s.subj); l == graph.LabelPerson {
				x.lastPerson = s.subj
			} else {
				// "Iran's foreign minister, Hossein Amir-Abdollahian, denounced ...": the
				// sentence's first person is who "he" means next.
				for _, a := range s.acts {
					if a.label == graph.LabelPerson && !a.pronoun && !isPrep(s, a.ti-1) {
						x.lastPerson = a.entity
						break
					}
				}
			}
		}
		x.prevSubj = s.subj
	}
	x.followUps()
	x.structural()
	return dedupe(x.edges)
}

// followUps reads "The meeting took place on Friday in Palm Beach" after a sentence that
// stated a meeting or call: the place and date belong to that meeting.
func (x *extraction) followUps() {
	var meets []int // the MET and SPOKE_WITH edges, in sentence order
	for i, e := range x.edges {
		if e.Type == graph.RelMet || e.Type == graph.RelSpokeWith {
			meets = append(meets, i)
		}
	}
	next := 0
	for si, s := range x.sents {
		if len(s.toks) < 4 {
			continue
		}
		k := 0
		if determiners[s.toks[0].lower] {
			k = 1
		}
		for k < len(s.toks) && isModifierWord(s.toks[k]) {
			k++
		}
		if k >= len(s.toks) {
			continue
		}
		if !meetingNouns[s.toks[k].lower] {
			continue
		}
		held := false
		for q := k + 1; q < len(s.toks) && q <= k+4; q++ {
			if heldWords[s.toks[q].lower] {
				held = true
			}
		}
		if !held {
			continue
		}
		place := ""
		for _, a := range s.acts {
			if a.label == graph.LabelPlace && a.ti > 0 && placePreps[s.toks[a.ti-1].lower] {
				place = a.entity
				break
			}
		}
		date, prec, dsrc := "", "", ""
		if pub, err := time.Parse("2006-01-02", x.d.Meta.Published); err == nil {
			if ds := s.datesFor(pub, false); len(ds) > 0 {
				date, prec, dsrc = ds[0].date, ds[0].prec, ds[0].phrase
			}
		}
		if place == "" && date == "" {
			continue
		}
		// The meetings and calls of the nearest earlier sentence that stated any (edges are
		// in sentence order: one pointer walks them).
		for next < len(meets) && x.edges[meets[next]].Evidence.Start < x.d.Sentences[si].Start {
			next++
		}
		if next == 0 {
			continue
		}
		at := x.edges[meets[next-1]].Evidence.Start
		for k := next - 1; k >= 0 && x.edges[meets[k]].Evidence.Start == at; k-- {
			e := &x.edges[meets[k]]
			if place != "" {
				e.Place = place
			}
			if date != "" && (e.DateSource == "published" || e.Date == "") {
				e.Date, e.DatePrecision, e.DateSource = date, prec, dsrc
			}
		}
	}
}

type extraction struct {
	r          *Relater
	mstart     []int             // mstart[si]: index of the first mention of sentence si (mentions are sorted by start)
	evPlace    map[string]string // event id -> place (eventPlace)
	byEntity   map[string][]int  // entity -> indexes of its mentions (eventDate)
	lastEv     []string          // lastEvent's index
	d          *article.Doc
	res        *resolve.Result
	edges      []graph.Edge
	lastPerson string  // last person subject
	sents      []*sent // the prepared sentences, in order (prepared once, as the pass met them)
	prevSubj   string
	speaker    *actor // the person a "X said:" sentence made the speaker of what follows
}

// Word classes of data/words.tsv used here (see wordClassDocs).
var (
	pronouns       = class("pronoun")
	articles       = class("article")
	subordinators  = class("subordinator")
	clauseVerbs    = class("clauseverb")
	parentheticals = class("parenthetical")
	relatives      = class("relative")
	listFillers    = class("listfiller")
	coordinators   = class("coordinator")
	clauseBreaks   = class("clausebreak")
	boundaries     = class("boundary")
	meetingNouns   = class("meetingnoun")
	heldWords      = class("heldword")
	placePreps     = class("placeprep")
)

func (x *extraction) prepare(si int) *sent {
	d := x.d
	s := &sent{d: d, idx: si, start: d.Sentences[si].Start, toks: make([]tok, 0, len(d.Sentences[si].Tokens))}
	mi, mend := x.mstart[si], x.mstart[si+1] // the sentence's mentions only: linear in the article
	for _, t := range d.Sentences[si].Tokens {
		txt := t.Text
		if strings.TrimSpace(txt) == "" {
			continue
		}
		tk := tok{start: t.Start, end: t.End, text: txt, lower: strings.ToLower(strings.ReplaceAll(txt, "’", "'")), ment: -1}
		if txt[0] >= 'A' && txt[0] <= 'Z' { // txt is not empty; a multi-byte first rune is not A-Z
			tk.cap = true
		}
		for mi < len(d.Mentions) && d.Mentions[mi].End <= t.Start {
			mi++
		}
		for k := mi; k < len(d.Mentions) && d.Mentions[k].Start < t.End; k++ {
			m := &d.Mentions[k]
			if m.Start <= t.Start && t.Start < m.End && m.Entity != "" && m.Label != "" {
				// The outermost mention wins ("NATO" inside "the NATO summit in Brussels"),
				// a non-modifier over a modifier.
				if tk.ment < 0 || (d.Mentions[tk.ment].Modifier && !m.Modifier) ||
					(m.Modifier == d.Mentions[tk.ment].Modifier && m.End-m.Start > d.Mentions[tk.ment].End-d.Mentions[tk.ment].Start) {
					tk.ment = k
				}
			}
		}
		s.toks = append(s.toks, tk)
	}
	for _, m := range d.Mentions[x.mstart[si]:mend] {
		if m.Sentence != si || m.TitleStart == 0 || m.TitleStart >= m.Start {
			continue
		}
		for q := range s.toks {
			if s.toks[q].start >= m.TitleStart && s.toks[q].end <= m.Start {
				s.toks[q].title = true
			}
		}
	}
	// Actors: one per mention (first token), pronouns resolved to the subject so far.
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.ment >= 0 {
			m := d.Mentions[t.ment]
			j := i
			for j < len(s.toks) && s.toks[j].ment == t.ment {
				j++
			}
			if !m.Modifier {
				poss := strings.HasSuffix(s.toks[j-1].lower, "'s") || (j < len(s.toks) && s.toks[j].lower == "'s")
				a := actor{entity: m.Entity, label: m.Label, ti: i, tj: j, group: m.Group, possessive: poss}
				// A capital stands for its country unless a preposition makes it a place
				// ("Washington criticized Germany", not "arrived in Washington").
				if m.StandsFor != "" && (i == 0 || !locatives[s.toks[i-1].lower]) {
					a.standsFor = m.StandsFor
				}
				s.acts = append(s.acts, a)
				if s.subj == "" && m.Label.IsActor() && !isPrep(s, i-1) {
					s.subj = m.Entity
				}
			}
			i = j - 1
			continue
		}
		if pronouns[t.lower] {
			ent := ""
			objectHer := t.lower == "her" && (i+1 >= len(s.toks) || !s.toks[i+1].letter() || preps[s.toks[i+1].lower] || s.toks[i+1].lower == "to")
			if t.lower == "him" || objectHer {
				// An object pronoun is someone other than the subject: the last other person
				// of the sentence ("hosted the Hungarian leader ... and urged him").
				for k := len(s.acts) - 1; k >= 0; k-- {
					if a := s.acts[k]; a.label == graph.LabelPerson && a.entity != s.subj && !a.pronoun {
						ent = a.entity
						break
					}
				}
			} else if l, _ := graph.LabelOfID(s.subj); l == graph.LabelPerson {
				ent = s.subj
			} else {
				// No subject yet: the last person the sentence named ("between Orbán and
				// Brussels ... since he met Putin").
				for k := len(s.acts) - 1; k >= 0; k-- {
					if a := s.acts[k]; a.label == graph.LabelPerson && !a.pronoun {
						ent = a.entity
						break
					}
				}
			}
			if ent == "" && t.lower != "him" && !objectHer {
				ent = x.lastPerson
			}
			if ent != "" {
				s.acts = append(s.acts, actor{entity: ent, label: graph.LabelPerson, ti: i, tj: i + 1, pronoun: true,
					possessive: t.lower == "his" || (t.lower == "her" && !objectHer)})
			}
		}
		if s.subj == "" {
			if a := x.subjectCandidate(s, i); a != "" {
				s.subj = a
			}
		}
	}
	if s.subj == "" {
		for _, a := range s.acts {
			if a.label.IsActor() && !isPrep(s, a.ti-1) {
				s.subj = a.entity
				break
			}
		}
	}
	return s
}

// mentionStarts returns, for each sentence (and one past the last), the index of the first
// mention starting at or after the sentence's start.
func mentionStarts(d *article.Doc) []int {
	out := make([]int, len(d.Sentences)+1)
	for si, sn := range d.Sentences {
		out[si] = sort.Search(len(d.Mentions), func(k int) bool { return d.Mentions[k].Start >= sn.Start })
	}
	out[len(d.Sentences)] = len(d.Mentions)
	return out
}

// subjectCandidate returns the entity of the first actor of the sentence that no
// preposition governs, once the scan reaches its token.
func (x *extraction) subjectCandidate(s *sent, i int) string {
	for _, a := range s.acts {
		if a.ti == i && a.label.IsActor() && !a.possessive && !isPrep(s, a.ti-1) {
			return a.entity
		}
	}
	return ""
}

// locatives before a place keep it a place.
var locatives = class("locative")

var preps = class("preposition")

// isPrep reports whether token i (skipping title words and determiners back) is a preposition.
func isPrep(s *sent, i int) bool {
	for i >= 0 {
		t := s.toks[i]
		if articles[t.lower] || (t.cap && t.ment < 0) || (t.ment >= 0 && s.d.Mentions[t.ment].Modifier) {
			i--
			continue
		}
		// "of" inside a capitalised title: "Secretary of State Marco Rubio".
		if t.lower == "of" && i > 0 && s.toks[i-1].cap && i+1 < len(s.toks) && s.toks[i+1].cap {
			i--
			continue
		}
		return preps[t.lower]
	}
	return false
}

// boundary tokens end a clause for subject and object search.
func isBoundary(t tok) bool { return boundaries[t.lower] }

// leftActor finds the subject of a cue at token i: the nearest actor to the left within
// the clause, plus actors coordinated with it ("Trump and Putin").
func (s *sent) leftActor(i int) []actor {
	skipA, skipB := s.parenthetical(i)
	for k := len(s.acts) - 1; k >= 0; k-- {
		a := s.acts[k]
		if a.tj > i || (a.ti > skipA && a.ti < skipB) {
			continue
		}
		// A boundary between the actor and the cue ends the search, and so does a comma
		// opening a new noun phrase ("Since leaving the White House, the Republican
		// candidate has had calls with ..."): that phrase is the subject, and not an actor.
		for q := a.tj; q < i; q++ {
			if isBoundary(s.toks[q]) {
				return nil
			}
			if s.toks[q].lower == "," && q+1 < i && articles[s.toks[q+1].lower] {
				return nil
			}
			// "told reporters that allies must keep up pressure": the clause after "that" has
			// its own subject, which is not an actor we know.
			if s.toks[q].lower == "that" && q+1 < i && s.toks[q+1].letter() && !s.toks[q+1].cap && s.toks[q+1].ment < 0 &&
				!pronouns[s.toks[q+1].lower] && !isAuxOrAdverb(s.toks[q+1]) {
				return nil
			}
		}
		if !a.isActor() || (a.pronoun && a.possessive) {
			continue
		}
		// The possessor inside an object ("was undermining the EU's position") is no subject.
		if a.possessive && !a.pronoun && s.objectPosition(a) {
			continue
		}
		// An actor governed by a preposition is not the subject ("talks with Putin about"),
		// unless the word is a conjunction opening a clause ("after Zelensky was berated").
		if isPrep(s, a.ti-1) && !a.possessive && !s.clauseSubject(a) {
			continue
		}
		out := []actor{a}
		// Coordinated subjects to the left: "Trump and Putin will".
		for k2 := k - 1; k2 >= 0; k2-- {
			b := s.acts[k2]
			if !b.isActor() || !s.coordinated(b.tj, out[len(out)-1].ti) {
				break
			}
			// Going left, the link next to the verb's subject must be "and"/"or" ("X, Y and
			// Z met"): a bare comma there closes an introductory phrase ("between the US
			// and its allies, President Trump sent").
			if len(out) == 1 && !s.hasConjunction(b.tj, out[0].ti) {
				break
			}
			out = append(out, b)
		}
		return out
	}
	return nil
}

// clauseSubject reports whether an actor after "after", "before", "since" or "until" is
// the subject of a clause: a verb or auxiliary follows it.
func (s *sent) clauseSubject(a actor) bool {
	k := a.ti - 1
	for k >= 0 && (s.toks[k].cap || s.toks[k].lower == "the") {
		k--
	}
	if k < 0 || !subordinators[s.toks[k].lower] || a.tj >= len(s.toks) {
		return false
	}
	n := s.toks[a.tj].lower
	return clauseVerbs[n] || (strings.HasSuffix(n, "ed") && !s.toks[a.tj].cap)
}

// parenthetical finds a comma-delimited phrase right before token i that cannot hold the
// subject: a participle clause, a relative clause, an age or an apposition ("Merkel,
// arriving at the alliance's headquarters, declined"). It returns the two commas' indexes,
// or (-1, -1).
func (s *sent) parenthetical(i int) (int, int) {
	q := i - 1
	// Back over auxiliaries, adverbs and a control verb before "to" ("declined to").
	for q >= 0 && (isAuxOrAdverb(s.toks[q]) || (q+1 < i && s.toks[q+1].lower == "to" && !s.toks[q].cap && s.toks[q].letter())) {
		q--
	}
	if q < 1 || s.toks[q].lower != "," {
		return -1, -1
	}
	for p := q - 1; p >= 0 && p >= q-25; p-- {
		if s.toks[p].lower != "," {
			continue
		}
		if p+1 >= q {
			return -1, -1
		}
		first := s.toks[p+1]
		l := first.lower
		if (!first.cap && (strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed"))) || parentheticals[l] ||
			(len(l) > 0 && l[0] >= '0' && l[0] <= '9') {
			return p, q
		}
		return -1, -1
	}
	return -1, -1
}

// relationalNouns after a possessive name someone else: "Carney's predecessor".
var relationalNouns = class("relational")

// relational reports whether an actor is only the possessor of another person ("Carney's
// predecessor"), not a participant itself.
func (s *sent) relational(a actor) bool {
	return a.possessive && a.tj < len(s.toks) && (relationalNouns[s.toks[a.tj].lower] ||
		(s.toks[a.tj].lower == "'s" && a.tj+1 < len(s.toks) && relationalNouns[s.toks[a.tj+1].lower]))
}

// relativeAfter reports whether token j lies in a relative clause opened right after token
// i (", who said ...", ", with whom he signed ...") that has not been closed by ", and".
func (s *sent) relativeAfter(i, j int) bool {
	if i+1 >= j || s.toks[i].lower != "," {
		return false
	}
	rel := s.toks[i+1].lower
	if rel == "with" && i+2 < j {
		rel = s.toks[i+2].lower
	}
	if !relatives[rel] {
		return false
	}
	for q := i + 2; q < j; q++ {
		if s.toks[q].lower == "and" && s.toks[q-1].lower == "," {
			return false
		}
	}
	return true
}

// coordinated reports whether the tokens in [i, j) only join two actors of a list. A
// relative clause after the first actor is skipped: "met Keir Starmer, with whom he signed
// a deal, and Shigeru Ishiba".
func (s *sent) coordinated(i, j int) bool {
	if i >= j {
		return false
	}
	if i+1 < j && s.toks[i].lower == "," {
		rel := s.toks[i+1].lower
		if rel == "with" && i+2 < j {
			rel = s.toks[i+2].lower
		}
		if relatives[rel] {
			for q := j - 1; q > i+1; q-- {
				if coordinators[s.toks[q].lower] && s.toks[q-1].lower == "," {
					return s.coordinated(q-1, j)
				}
			}
			return false
		}
	}
	sep := false
	for q := i; q < j; q++ {
		t := s.toks[q]
		switch {
		case t.lower == "," || coordinators[t.lower]:
			sep = true
		case relationalNouns[t.lower], t.title:
		case listFillers[t.lower]:
		case t.cap:
		case t.ment >= 0:
		default:
			return false
		}
	}
	return sep
}

func (s *sent) hasConjunction(i, j int) bool {
	for q := i; q < j; q++ {
		if coordinators[s.toks[q].lower] {
			return true
		}
	}
	return false
}

// rightActors finds the objects after token i: the first actor within max tokens (labels
// allowed by want), plus actors coordinated with it.
func (s *sent) rightActors(i, max int, want func(graph.Label) bool) []actor {
	for k, a := range s.acts {
		if a.ti < i {
			continue
		}
		if a.ti-i > max {
			return nil
		}
		for q := i; q < a.ti; q++ {
			if isBoundary(s.toks[q]) || s.toks[q].lower == "." {
				return nil
			}
			// "denounced the deal as insane and Macron proposed": a conjunction before any
			// object starts another clause.
			if clauseBreaks[s.toks[q].lower] {
				return nil
			}
		}
		if !a.wanted(want) || (a.pronoun && a.possessive) || s.relational(a) {
			continue
		}
		out := []actor{a}
		last := a
		for _, b := range s.acts[k+1:] {
			if b.ti < last.tj {
				continue
			}
			if s.relational(b) || (b.pronoun && !s.coordinated(last.tj, b.ti)) {
				continue // "Carney's predecessor, Justin Trudeau"; "he" inside a relative clause
			}
			if b.wanted(want) && s.coordinated(last.tj, b.ti) {
				out = append(out, b)
				last = b
				continue
			}
			if s.relativeAfter(last.tj, b.ti) {
				continue
			}
			break
		}
		return out
	}
	return nil
}

func actorsOnly(l graph.Label) bool { return l.IsActor() }

func actorsOrPlaces(l graph.Label) bool { return l.IsActor() || l == graph.LabelPlace }

func placesOnly(l graph.Label) bool {
	return l == graph.LabelPlace || l == graph.LabelCountry
}

func eventsOnly(l graph.Label) bool { return l == graph.LabelEvent }

// sentence runs every cue over one sentence.
func (x *extraction) sentence(s *sent) {
	var prev *found // the last verb cue of the sentence, for a subject carried over "and"
	t := newTree(s)
	if t != nil {
		x.speakerOf(s, t)
	}
	for i := 0; i < len(s.toks); i++ {
		forms := x.r.cues.first[s.toks[i].lower]
		if len(forms) == 0 {
			continue
		}
		for _, fm := range forms {
			if !s.matchWords(i, fm.words) {
				continue
			}
			f := found{fm: fm, i: i, j: i + len(fm.words)}
			if x.both(s, t, &f, prev) {
				if fm.cue.Pattern == patVerb || fm.cue.Pattern == patVerbPrep || fm.cue.Pattern == patVerbOf {
					cp := f
					prev = &cp
				}
			}
		}
	}
}

func (s *sent) matchWords(i int, words []string) bool {
	if i+len(words) > len(s.toks) {
		return false
	}
	for k, w := range words {
		if s.toks[i+k].lower != w {
			return false
		}
	}
	return true
}

// found is one matched cue.
type found struct {
	fm   form
	i, j int // token range of the cue
	subj []actor
	// set by the tree engine: the tree and the cue's predicate word (a noun for a nominal
	// cue), from which the edge's modality is read
	tree *tree
	pred int
	noun bool
}
