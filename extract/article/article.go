// Package article holds the types every extraction stage shares: a read document, the
// spans the cleaner keeps, sentences and tokens with byte offsets, and mentions.
//
// All offsets are byte offsets into Doc.Text, the article text that evidence refers to:
// the file content for .txt and .md, the main text extracted from .html, the text field
// of a .jsonl record.
package article

import (
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Doc is one article as it moves through the pipeline. Each stage fills its part.
type Doc struct {
	Meta graph.Article // id, source, title, url, published (+ where the date came from)
	Text string        // the article text all offsets refer to

	// clean
	Blocks  []Span    // kept paragraphs/lines, in order, non-overlapping
	Dropped []Dropped // what the cleaner removed and why (for --explain)

	// segment
	Sentences []Sentence

	// recognize and resolve
	Mentions []Mention
	Events   []Event // event phrases; each also has a Mention with Label Event over its Span
}

// Event is a phrase naming a summit, meeting or conference ("a NATO summit", "the summit in
// Helsinki", "a two-day meeting in Brussels" of "NATO foreign ministers"), or referring
// back to one ("the summit"). The resolver merges the phrases of one event.
type Event struct {
	Span
	Sentence     int
	Kind         string // summit, meeting, conference
	Name         string // proposed name: "NATO summit", "European leaders' meeting"
	Surface      string // the name as the text writes it, when it differs ("EU summit")
	Qualifier    string // entity id of the organisation or country in the name, if any
	Place        string // entity id of where it is held, if stated
	PlaceName    string
	Participants []Span // spans of actor mentions "between X and Y"
	Anaphor      bool   // "the summit": refers back to an event named earlier
}

// Span is a half-open byte range [Start, End) of Doc.Text.
type Span struct {
	Start, End int
}

// Dropped is a span the cleaner removed, with the reason.
type Dropped struct {
	Span
	Reason string
}

// Sentence is one sentence: its range in Doc.Text, its tokens and, once the parse stage
// ran, its words in Universal Dependencies' convention with their dependency tree
// (tree.go has the helpers that read it).
type Sentence struct {
	Span
	Tokens []Token
	Words  []Word // nil when the parse stage did not run
}

// Token is one word or punctuation token.
type Token struct {
	Span
	Text string
	Tag  string // Penn Treebank tag (the XPOS of the token's word) when the parser ran, else ""
	// Word is the index in Sentence.Words of the token's word: the one whose head lies
	// outside the token when the parser split it ("al-Ani" -> al - Ani). Valid only when
	// Sentence.Words is not nil.
	Word int
}

// Word is one syntactic word as Universal Dependencies (English EWT) splits text: a token
// of the segmenter, or a part of one ("post-war" stays whole, "al-Ani" is three words).
type Word struct {
	Span          // byte offsets in Doc.Text
	Form   string // Doc.Text[Start:End]
	Token  int    // index in Sentence.Tokens of the token the word is part of
	UPOS   string // universal part of speech: NOUN, VERB, PROPN, ...
	XPOS   string // Penn Treebank tag: NN, VBD, NNP, ...
	Lemma  string
	Head   int    // index in Sentence.Words of the head word, -1 for the root
	Deprel string // UD relation with its subtype: nsubj, obj, nsubj:pass, obl:agent, ...
}

// Kind says how an entity was mentioned.
type Kind string

// Mention kinds.
const (
	KindName    Kind = "name"    // a proper name: "Mark Rutte", "Rutte", "NATO"
	KindDemonym Kind = "demonym" // "German", "Ukrainian" standing for a country
	KindRole    Kind = "role"    // "the NATO chief", "his German counterpart"
	KindPronoun Kind = "pronoun" // "he", "she"
)

// NameKey folds a name for comparison across transliterations: lower-case ASCII with the
// endings -iy/-yy/-ij/-ii/-yi written -y ("Zelenskiy", "Zelenskyy", "Zelensky" -> "zelensky").
func NameKey(s string) string {
	s = graph.Fold(s)
	for _, suf := range []string{"iy", "yy", "ij", "ii", "yi"} {
		if len(s) > len(suf)+2 && s[len(s)-len(suf):] == suf {
			return s[:len(s)-len(suf)] + "y"
		}
	}
	return s
}

// NameSuffix reports whether w is a generational suffix of a personal name (Jr., Sr., II):
// not the surname ("Ferdinand Marcos Jr." is Marcos).
func NameSuffix(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Jr", "Sr", "II", "III", "IV":
		return true
	}
	return false
}

// Mention is one reference to an entity in a sentence.
// RoleCounterpart is the role of "his German counterpart": a role relative to another
// person of the sentence, not an office.
const RoleCounterpart = "counterpart"

type Mention struct {
	Span
	Sentence int         // index into Doc.Sentences
	Text     string      // surface text
	Name     string      // canonical name when the recognizer knows it (lexicon entries)
	Label    graph.Label // entity type
	Kind     Kind
	Role     string // title stripped from a name or carried by a role phrase ("Prime Minister")
	RoleOrg  string // node id of the country or organization a role belongs to, if stated
	// RoleOrgName and StandsForName name the entities RoleOrg and StandsFor refer to: when no
	// mention of the article names them, their nodes are made from these.
	RoleOrgName, StandsForName string
	// Modifier marks a mention inside another mention's phrase ("NATO" in "NATO chief Mark
	// Rutte", "German" in "his German counterpart"): an entity of the article, not an actor
	// of the clause.
	Modifier bool
	Former   bool // the role is a former one ("former US Defense Secretary Leon Panetta")
	// TitleStart is where the role phrase before a name begins ("the European Commission
	// president, Ursula von der Leyen"); 0 when the name has none.
	TitleStart int
	// StandsFor is the actor a place may stand for: a capital for its country ("Washington
	// criticized Germany"). Used only where the sentence makes the place an actor.
	StandsFor string
	// Group marks a group standing for the entity ("NATO members", "European allies").
	Group  bool
	Entity string // node id, filled by the resolver ("" when unresolved)
	Why    string // how the resolver decided (for --explain)

	// Sector and Country (ISO2) describe a collective actor ("Malian rebels": rebels, ML).
	Sector, Country string
}

// CurrentRole reports whether the mention names an office its person holds: a role that is
// neither a counterpart nor a former one.
func (m *Mention) CurrentRole() bool {
	return m.Role != "" && m.Role != RoleCounterpart && !m.Former
}
