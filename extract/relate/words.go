package relate

import (
	_ "embed"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/internal/tsv"
)

//go:embed data/words.tsv
var wordsTSV string

// wordClassDocs names every word class of data/words.tsv and what it does; a row of another
// class, or a class without rows, is an error.
var wordClassDocs = map[string]string{
	"determiner":       "before a cue word makes it a noun (the meeting, his visit)",
	"article":          "articles (the, a, an), skipped before names and titles",
	"adverbial":        "phrases that may stand between a verb and its object (condemned in the strongest terms X)",
	"participleopener": "words before an -ing cue whose subject is the sentence's (before flying to Helsinki)",
	"placeprep":        "prepositions that make the place after them where something happened (in, at)",
	"auxadverb":        "auxiliaries, adverbs and control verbs that may stand between a subject and its verb",
	"pronoun":          "personal pronouns resolved to people (he, she, him, his, her)",
	"possessive":       "possessive pronouns (owner of a noun cue)",
	"locative":         "prepositions before a place that keep it a place (not its country)",
	"preposition":      "prepositions: an actor after one is not the subject",
	"boundary":         "tokens that end a clause for subject and object search",
	"relational":       "nouns after a possessive that name someone else (Carney's predecessor)",
	"subordinator":     "conjunctions after which an actor may open a clause (after Zelensky was berated)",
	"clauseverb":       "verbs and auxiliaries that show an actor after a subordinator is a subject",
	"parenthetical":    "first words of a comma phrase that cannot hold the subject (who, according, however)",
	"relative":         "relative pronouns (who, whom, which, whose, where)",
	"listfiller":       "words that may stand inside a list of coordinated actors (the, of, his, former, counterpart)",
	"coordinator":      "conjunctions joining actors (and, or)",
	"clausebreak":      "conjunctions that start another clause before any object (and, but, while)",
	"subjpronoun":      "subject pronouns and who: a verb form after one is a verb",
	"ingopener":        "words before an -ing form that make it a verb (while meeting, without meeting)",
	"reducedrel":       "prepositions after a past participle that make it a reduced relative clause (accused of)",
	"passiveaux":       "auxiliaries of the passive (was, been, got)",
	"callword":         "words that make a meeting verb a call (phone, video)",
	"callmention":      "words that show a sentence speaks of a call",
	"modifier":         "modifiers that may stand before a nominal cue (first, private, two, official)",
	"intensifier":      "adjectives before a 'from' noun (growing pressure, sharp criticism)",
	"fromgov":          "verbs governing 'NOUN from X' whose subject is the target (faced pressure from)",
	"fromprev":         "of those, verbs whose non-actor subject stands for the previous sentence's subject (drew a rebuke)",
	"ownermod":         "adjectives before an owned noun cue (fresh criticism, blistering attack)",
	"ownerverb":        "verbs that make their subject the owner of pressure or criticism (voiced criticism of, imposed sanctions on); lemmas, irregular forms after = (keep=kept), value past for the past forms only",
	"ownerparticle":    "words other than verbs that claim pressure or criticism for the clause's subject as ownerverb does: a verb's particle (stepped up pressure on), the noun's case (opened the summit with an attack on)",
	"letterverb":       "verbs of sending a letter (sent letters to)",
	"demandgov":        "words before a possessor's demand (comply with X's demand, met X's demands)",
	"along":            "words that add attendees (along with, together with, alongside)",
	"travelprep":       "prepositions before the event travelled to (for, to)",
	"holdverb":         "verbs of holding a meeting together (held talks)",
	"relativethat":     "relative words between a subject and a noun cue (which, who, that)",
	"negation":         "words that make a relationship negated",
	"hypothetical":     "words that make a relationship hypothetical",
	"planned":          "words that make a relationship planned",
	"nounhypo":         "verbs after a nominal cue that make it hypothetical (a call could take place)",
	"nounplanned":      "words after a nominal cue that make it planned",
	"nounnegated":      "words after a nominal cue that make it negated (the summit was cancelled)",
	"setplace":         "words before 'take place' that make it planned (set to take place)",
	"conditional":      "conjunctions anywhere earlier in a clause that make it hypothetical (if, unless)",
	"topicgroup":       "words after an object that still belong to it before a topic (allies, members)",
	"topiclead":        "words that open a topic (to, for, over, about)",
	"sourceverb":       "verbs of saying whose subject is the source of a report",
	"meetingnoun":      "nouns that open a follow-up sentence about an earlier meeting (The meeting took place ...)",
	"heldword":         "words of a follow-up sentence that place or date the meeting (took place, was held)",
	"futureword":       "words that put an event in the future when dating it",
	"membergap":        "phrases between an organisation and a country that make the country a member (NATO ally Canada)",
	"talklemma":        "meeting lemmas that become a call in a sentence about a call (speak, talk)",
	"threatlemma":      "lemmas whose target may stand in what is threatened (threatened to pull out of NATO)",
	"barelemma":        "attend lemmas that may take the last event when the object is left out (did not attend)",
	"complementlemma":  "pressure lemmas whose target may be the subject of their complement clause (demanded that Spain withdraw)",
	"subjunctivegov":   "verbs of demand after which a complement verb in the bare form is a subjunctive, whatever tense the tagger gave it (insisted that Hungary lift its veto)",
	"irregularpast":    "irregular past-tense forms that are no bare form (withdrew, took): a complement verb in one is no subjunctive",
	"deonticmodal":     "modals of obligation: a complement clause with one states a demand (that Israel should allow), with another modal a prediction (that Britain could suspend)",
	"relpronoun":       "relative pronouns that stand for the noun a relative clause modifies (who, which, that)",
	"reportpronoun":    "pronoun subjects of a reported clause that stand for the reporter (The EU said it would ...)",
	"firstperson":      "first-person pronouns that stand for the speaker of a quotation (I, me, my)",
	"giveverb":         "verbs of giving whose object is the recipient of an aid noun (provided Iraq with support); lemmas, irregular forms after = (give=gave|given)",
	"datelinedash":     "dashes after a place opening a sentence that make it a dateline (WASHINGTON — ...)",
	"month":            "month names and abbreviations (value: month number)",
	"weekday":          "weekday names (value: weekday, Sunday 0)",
	"dayword":          "words naming a day by its offset from publication (value: days; yesterday -1)",
	"datestep":         "words before week, month, year or a weekday that shift a date (last, next, this, earlier, later)",
}

// numericClasses carry an integer value per word.
var numericClasses = map[string]bool{"month": true, "weekday": true, "dayword": true}

// verbClasses list verb lemmas, read with verbClass; a lemma's value, if any, says which of
// its forms count: past, the past tense and participle only.
var verbClasses = map[string]bool{"giveverb": true, "ownerverb": true}

// wordTable holds the word classes of data/words.tsv, read once.
type wordTable struct {
	sets   map[string]map[string]bool
	values map[string]map[string]string
}

func parseWords(src string) (*wordTable, error) {
	t := &wordTable{sets: map[string]map[string]bool{}, values: map[string]map[string]string{}}
	for n, f := range tsv.Rows(src) {
		if len(f) < 2 || len(f) > 3 || f[1] == "" {
			return nil, fmt.Errorf("data/words.tsv:%d: want class <TAB> word [<TAB> value]", n)
		}
		if _, ok := wordClassDocs[f[0]]; !ok {
			return nil, fmt.Errorf("data/words.tsv:%d: unknown word class %q", n, f[0])
		}
		if t.sets[f[0]] == nil {
			t.sets[f[0]], t.values[f[0]] = map[string]bool{}, map[string]string{}
		}
		t.sets[f[0]][f[1]] = true
		if numericClasses[f[0]] {
			if len(f) != 3 {
				return nil, fmt.Errorf("data/words.tsv:%d: class %s needs a number", n, f[0])
			}
			if _, err := strconv.Atoi(f[2]); err != nil {
				return nil, fmt.Errorf("data/words.tsv:%d: %q is not a number", n, f[2])
			}
		}
		if verbClasses[f[0]] && len(f) == 3 && f[2] != "past" {
			return nil, fmt.Errorf("data/words.tsv:%d: %q is not a verb form (want past)", n, f[2])
		}
		if len(f) == 3 {
			t.values[f[0]][f[1]] = f[2]
		}
	}
	var missing []string
	for c := range wordClassDocs {
		if len(t.sets[c]) == 0 {
			missing = append(missing, c)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		return nil, fmt.Errorf("data/words.tsv: no rows for word classes %v", missing)
	}
	return t, nil
}

var wordData, wordsErr = parseWords(wordsTSV)

// class returns the set of one word class (empty when the table failed to load: New
// reports wordsErr).
func class(name string) map[string]bool {
	if wordData == nil {
		return map[string]bool{}
	}
	return wordData.sets[name]
}

// verbClass returns every form of the verbs of a words.tsv class, each listed as a lemma
// with its irregular forms after "=" ("give=gave|given"), inflected as the cue verbs are;
// only the past forms of a lemma whose value is past (the irregular ones are past forms).
func verbClass(name string) map[string]bool {
	out := map[string]bool{}
	forms := classValues(name)
	for entry := range class(name) {
		lemma, irregular, _ := strings.Cut(entry, "=")
		for _, inf := range inflect(lemma) {
			if forms[entry] != "past" || inf.past {
				out[inf.s] = true
			}
		}
		for _, s := range strings.Split(irregular, "|") {
			if s != "" {
				out[s] = true
			}
		}
	}
	return out
}

// union returns the words of all the sets.
func union(sets ...map[string]bool) map[string]bool {
	out := map[string]bool{}
	for _, set := range sets {
		for w := range set {
			out[w] = true
		}
	}
	return out
}

// classValues returns the values of one word class.
func classValues(name string) map[string]string {
	if wordData == nil {
		return map[string]string{}
	}
	return wordData.values[name]
}
