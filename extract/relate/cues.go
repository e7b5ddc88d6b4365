package relate

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/tsv"
)

//go:embed data/cues.tsv
var cuesTSV string

// Pattern kinds of data/cues.tsv.
const (
	patVerb      = "verb"
	patVerbPrep  = "verbprep"
	patVerbOf    = "verbof"
	patNounWith  = "nounwith"
	patBetween   = "between"
	patFrom      = "from"
	patNounTo    = "nounto"
	patLetter    = "letter"
	patDemand    = "demand"
	patAttend    = "attend"
	patTravelFor = "travelfor"
	patAccord    = "accord"  // read by the tree engine only
	patStance    = "stance"  // read by the tree engine only
	patMandate   = "mandate" // read by the tree engine only
)

// patternFrames gives each pattern kind its part of speech and argument frame
// ("subject>object" in Universal Dependencies terms; see the header of data/cues.tsv).
var patternFrames = map[string][2]string{
	patVerb: {"VERB", "nsubj>obj"}, patVerbPrep: {"VERB", "nsubj>obl"}, patVerbOf: {"VERB", "nsubj>obj/nmod:of"},
	patNounWith: {"NOUN", "poss>nmod:with"}, patBetween: {"NOUN", "nmod:between>nmod:between"},
	patFrom: {"NOUN", "nmod:from>nsubj:gov"}, patNounTo: {"NOUN", "poss>nmod"}, patLetter: {"NOUN", "nsubj:gov>nmod:to"},
	patDemand: {"NOUN", "poss>nsubj:gov"}, patAttend: {"VERB", "nsubj>obj"}, patTravelFor: {"VERB", "nsubj>obl:for"},
	patAccord: {"VERB", "nsubj>obl:with"}, patStance: {"ADJ", "nsubj>obl"},
	patMandate: {"VERB", "nsubj>ccomp:nsubj"},
}

// cue is one row of data/cues.tsv.
type cue struct {
	Type       graph.RelType
	Pattern    string
	Lemma      string
	POS        string   // VERB or NOUN
	Frame      string   // "subject>object" in UD terms: nsubj>obj, poss>nmod:with, ...
	Args       []string // prepositions (verbprep, nounto), nouns (verbof), participles (letter)
	Cameo      string
	Confidence float64
	Line       int
	Origin     string // "" for data/cues.tsv, "cameo" for data/cameo.tsv (the rule names it)
}

// form is one inflected form of a cue: its words ("sat", "down") and whether it is a past
// form (for dates) or a noun form.
type form struct {
	cue   *cue
	words []string
	past  bool
	ing   bool
}

// cueTable indexes every form by its first word.
type cueTable struct {
	cues  []*cue
	first map[string][]form
}

func parseCues(src string) (*cueTable, error) {
	t := &cueTable{first: map[string][]form{}}
	for n, f := range tsv.Rows(src) {
		if len(f) != 8 {
			return nil, fmt.Errorf("data/cues.tsv:%d: want 8 tab-separated columns, got %d", n, len(f))
		}
		c := &cue{Type: graph.RelType(f[0]), Pattern: f[1], POS: f[3], Frame: f[4], Cameo: strings.TrimSpace(f[6]), Line: n}
		if !c.Type.Valid() {
			return nil, fmt.Errorf("data/cues.tsv:%d: unknown relationship type %q", n, f[0])
		}
		want, ok := patternFrames[c.Pattern]
		if !ok {
			return nil, fmt.Errorf("data/cues.tsv:%d: unknown pattern %q", n, c.Pattern)
		}
		if c.POS != want[0] || c.Frame != want[1] {
			return nil, fmt.Errorf("data/cues.tsv:%d: pattern %s is a %s cue with frame %s, not %s %s", n, c.Pattern, want[0], want[1], c.POS, c.Frame)
		}
		conf, err := strconv.ParseFloat(strings.TrimSpace(f[7]), 64)
		if err != nil || conf <= 0 || conf > 1 {
			return nil, fmt.Errorf("data/cues.tsv:%d: confidence %q is not in (0,1]", n, f[7])
		}
		c.Confidence = conf
		if a := strings.TrimSpace(f[5]); a != "" {
			c.Args = strings.Split(a, "|")
		}
		lemma, irregular, _ := strings.Cut(f[2], "=")
		c.Lemma = lemma
		var forms []string
		if irregular != "" {
			forms = strings.Split(irregular, "|")
		}
		t.add(c, forms)
	}
	t.sortForms()
	return t, nil
}

// add indexes a cue's forms: the lemma (a noun cue) or its regular inflections (a verb cue),
// plus the irregular forms given.
func (t *cueTable) add(c *cue, irregular []string) {
	t.cues = append(t.cues, c)
	forms := map[string]form{}
	add := func(s string, past, ing bool) {
		w := strings.Fields(s)
		if len(w) == 0 {
			return
		}
		if _, dup := forms[s]; !dup {
			forms[s] = form{cue: c, words: w, past: past, ing: ing}
		}
	}
	noun := c.Pattern == patNounWith || c.Pattern == patBetween || c.Pattern == patFrom || c.Pattern == patNounTo ||
		c.Pattern == patLetter || c.Pattern == patDemand || c.Pattern == patStance
	if noun {
		add(c.Lemma, false, false)
		if c.Pattern == patLetter {
			add(c.Lemma+"s", false, false)
		}
	} else {
		for _, inf := range inflect(c.Lemma) {
			add(inf.s, inf.past, inf.ing)
		}
	}
	for _, s := range irregular {
		head := strings.Fields(s)[0]
		ing := strings.HasSuffix(head, "ing")
		// A listed present form ("meets", "hurries") is neither past nor -ing.
		lemHead := strings.Fields(c.Lemma)[0]
		present := head == lemHead || head == lemHead+"s" || head == lemHead+"es" ||
			(strings.HasSuffix(lemHead, "y") && head == strings.TrimSuffix(lemHead, "y")+"ies")
		add(s, !ing && !present, ing)
	}
	for _, k := range sortedForms(forms) {
		fm := forms[k]
		t.first[fm.words[0]] = append(t.first[fm.words[0]], fm)
	}
}

// sortForms puts the longest form first, so "sat down" wins over "sat"; stable for
// deterministic output.
func (t *cueTable) sortForms() {
	for k, fs := range t.first {
		sort.SliceStable(fs, func(a, b int) bool { return len(fs[a].words) > len(fs[b].words) })
		t.first[k] = fs
	}
}

type inflection struct {
	s         string
	past, ing bool
}

// inflect generates the regular inflections of a (possibly multi-word) verb lemma, the
// first word inflected: British -ise spellings come with -ize ones.
func inflect(lemma string) []inflection {
	w := strings.Fields(lemma)
	head, rest := w[0], strings.Join(w[1:], " ")
	join := func(s string) string {
		if rest == "" {
			return s
		}
		return s + " " + rest
	}
	var out []inflection
	stems := []string{head}
	if strings.HasSuffix(head, "ize") {
		stems = append(stems, strings.TrimSuffix(head, "ize")+"ise")
	}
	for _, h := range stems {
		out = append(out, inflection{s: join(h)})
		switch {
		case strings.HasSuffix(h, "e"):
			out = append(out, inflection{s: join(h + "s")}, inflection{s: join(h + "d"), past: true},
				inflection{s: join(strings.TrimSuffix(h, "e") + "ing"), ing: true})
		case strings.HasSuffix(h, "y") && len(h) > 2 && !strings.ContainsAny(h[len(h)-2:len(h)-1], "aeiou"):
			st := strings.TrimSuffix(h, "y")
			out = append(out, inflection{s: join(st + "ies")}, inflection{s: join(st + "ied"), past: true},
				inflection{s: join(h + "ing"), ing: true})
		case strings.HasSuffix(h, "s") || strings.HasSuffix(h, "sh") || strings.HasSuffix(h, "ch") || strings.HasSuffix(h, "x"):
			out = append(out, inflection{s: join(h + "es")}, inflection{s: join(h + "ed"), past: true},
				inflection{s: join(h + "ing"), ing: true})
		case doubles(h):
			last := h[len(h)-1:]
			out = append(out, inflection{s: join(h + "s")}, inflection{s: join(h + last + "ed"), past: true},
				inflection{s: join(h + last + "ing"), ing: true})
		default:
			out = append(out, inflection{s: join(h + "s")}, inflection{s: join(h + "ed"), past: true},
				inflection{s: join(h + "ing"), ing: true})
		}
	}
	return out
}

// doubles reports whether a one-syllable consonant-vowel-consonant verb doubles its last
// letter ("slam" -> "slammed").
func doubles(h string) bool {
	if len(h) < 3 || len(h) > 4 {
		return false
	}
	v := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	a, b, c := h[len(h)-3], h[len(h)-2], h[len(h)-1]
	return !v(a) && v(b) && !v(c) && c != 'w' && c != 'x' && c != 'y'
}

func sortedForms(m map[string]form) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

//go:embed data/cameo.tsv
var cameoTSV string

// cameoConfidence is the base confidence of a cue imported from the CAMEO dictionary: below
// the curated cues, whose senses were checked one by one.
const cameoConfidence = 0.7

// cameoRow is one typed row of data/cameo.tsv (every row: the position engine reads those
// with Use "position", a parse-based engine can read the "tree" and "reverse" rows).
type cameoRow struct {
	Kind    string        // verb | pattern
	Block   string        // CAMEO verb block
	Lemma   string        // "meet with"; "*" for a pattern of the whole block
	POS     string        // VERB
	Forms   []string      // irregular forms
	Cameo   string        // CAMEO code
	Type    graph.RelType // "" when the code maps to no type
	Frame   string        // obj | obl:PREP | "" (the pattern needs a parse)
	Use     string        // position | tree | reverse | drop | review
	Pattern string        // the PETRARCH pattern ("* (WITH)"), "" for a verb row
	Line    int           // line in data/cameo.tsv
}

// parseCAMEORows reads every row of data/cameo.tsv into typed rows.
func parseCAMEORows(src string) ([]cameoRow, error) {
	var out []cameoRow
	dash := func(s string) string {
		if s == "-" {
			return ""
		}
		return s
	}
	for n, f := range tsv.Rows(src) {
		if len(f) != 12 {
			return nil, fmt.Errorf("data/cameo.tsv:%d: want 12 tab-separated columns, got %d", n, len(f))
		}
		r := cameoRow{Kind: f[0], Block: f[1], Lemma: f[2], POS: f[3], Cameo: f[5], Type: graph.RelType(dash(f[6])),
			Frame: dash(f[7]), Use: f[8], Pattern: dash(f[9]), Line: n}
		if f[4] != "-" {
			r.Forms = strings.Split(f[4], "|")
		}
		if err := r.check(); err != nil {
			return nil, fmt.Errorf("data/cameo.tsv:%d: %w", n, err)
		}
		out = append(out, r)
	}
	return out, nil
}

// check validates one row's closed columns.
func (r cameoRow) check() error {
	switch {
	case r.Kind != "verb" && r.Kind != "pattern":
		return fmt.Errorf("kind %q is not verb or pattern", r.Kind)
	case r.POS != "VERB":
		return fmt.Errorf("part of speech %q is not VERB", r.POS)
	case r.Type != "" && !r.Type.Valid():
		return fmt.Errorf("unknown relationship type %q", r.Type)
	case r.Frame != "" && r.Frame != "obj" && !strings.HasPrefix(r.Frame, "obl:"):
		return fmt.Errorf("frame %q is not obj or obl:PREP", r.Frame)
	}
	switch r.Use {
	case "position":
		if r.Type == "" || r.Frame == "" {
			return fmt.Errorf("a position row needs a type and a frame")
		}
	case "tree", "reverse", "drop", "review":
	default:
		return fmt.Errorf("use %q is not position, tree, reverse, drop or review", r.Use)
	}
	return nil
}

// addCAMEO adds the rows of data/cameo.tsv that today's engine reads (use "position"): a
// verb with a direct object (pattern verb) or with a bare preposition (verbprep). A lemma
// that any curated verb cue already names is left to the curated rows.
func (t *cueTable) addCAMEO(src string) error {
	rows, err := parseCAMEORows(src)
	if err != nil {
		return err
	}
	curated := map[string]bool{}
	for _, c := range t.cues {
		switch c.Pattern {
		case patVerb, patVerbPrep, patVerbOf, patAttend, patTravelFor, patAccord, patMandate:
			curated[c.Lemma] = true
		}
	}
	seen := map[string]bool{}
	for _, r := range rows {
		if r.Use != "position" {
			continue
		}
		c := &cue{Type: r.Type, Lemma: r.Lemma, POS: r.POS, Cameo: r.Cameo, Confidence: cameoConfidence, Line: r.Line, Origin: "cameo"}
		if r.Frame == "obj" {
			c.Pattern, c.Frame = patVerb, patternFrames[patVerb][1]
		} else {
			c.Pattern, c.Args, c.Frame = patVerbPrep, []string{strings.TrimPrefix(r.Frame, "obl:")}, patternFrames[patVerbPrep][1]
		}
		key := c.Lemma + "|" + c.Pattern + "|" + strings.Join(c.Args, "|")
		if curated[c.Lemma] || seen[key] {
			continue
		}
		seen[key] = true
		t.add(c, r.Forms)
	}
	t.sortForms()
	return nil
}
