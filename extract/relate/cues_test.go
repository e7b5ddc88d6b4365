package relate

import (
	"strings"
	"testing"
)

// TestCueTablesParse: every row of the embedded cue tables parses (cues.tsv with a frame
// that fits its pattern, cameo.tsv's position rows as verb or verbprep cues).
func TestCueTablesParse(t *testing.T) {
	tb, err := parseCues(cuesTSV)
	if err != nil {
		t.Fatal(err)
	}
	curated := len(tb.cues)
	if err := tb.addCAMEO(cameoTSV); err != nil {
		t.Fatal(err)
	}
	if curated < 100 || len(tb.cues)-curated < 100 {
		t.Errorf("curated cues %d, CAMEO cues %d: a table lost its rows", curated, len(tb.cues)-curated)
	}
	for _, c := range tb.cues {
		if c.POS == "" || c.Frame == "" || c.Lemma == "" {
			t.Errorf("line %d (%s): a cue without lemma, part of speech or frame: %+v", c.Line, c.Origin, c)
		}
	}
	rows, err := parseCAMEORows(cameoTSV)
	if err != nil {
		t.Fatal(err)
	}
	uses := map[string]int{}
	for _, r := range rows {
		uses[r.Use]++
	}
	if len(rows) < 6000 || uses["position"] == 0 || uses["tree"] == 0 || uses["drop"] == 0 {
		t.Errorf("cameo.tsv: %d rows, uses %v", len(rows), uses)
	}
}

func TestCueTableErrors(t *testing.T) {
	cases := map[string]string{
		"MET\tverb\tmeet\tVERB\tnsubj>obj\t \t040":           "want 8",
		"MEETS\tverb\tmeet\tVERB\tnsubj>obj\t \t040\t0.9":    "unknown relationship type",
		"MET\tsideways\tmeet\tVERB\tnsubj>obj\t \t040\t0.9":  "unknown pattern",
		"MET\tverb\tmeet\tNOUN\tnsubj>obj\t \t040\t0.9":      "frame",
		"MET\tnounwith\ttalks\tNOUN\tnsubj>obj\t \t040\t0.9": "frame",
		"MET\tverb\tmeet\tVERB\tnsubj>obj\t \t040\t1.5":      "confidence",
	}
	for row, want := range cases {
		_, err := parseCues("# header\n" + row + "\n")
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "data/cues.tsv:2:") {
			t.Errorf("%q: got %v, want data/cues.tsv:2: ... %s", row, err, want)
		}
	}
	for row, want := range map[string]string{
		"verb\tX\tmeet\tVERB\t-\t040\tMET\tnsubj\tposition\t-\t1\t-": "frame",
		"noun\tX\tmeet\tVERB\t-\t040\tMET\tobj\tposition\t-\t1\t-":   "kind",
		"verb\tX\tmeet\tVERB\t-\t040\tMEETS\tobj\tposition\t-\t1\t-": "relationship type",
		"verb\tX\tmeet\tVERB\t-\t045\t-\tobj\tposition\t-\t1\t-":     "needs a type",
		"verb\tX\tmeet\tVERB\t-\t040\tMET\tobj\tsometimes\t-\t1\t-":  "use",
		"verb\tX\tmeet\tVERB\t-\t040\tMET\tobj\tposition\t-\t1":      "want 12",
	} {
		if _, err := parseCAMEORows(row + "\n"); err == nil || !strings.Contains(err.Error(), "data/cameo.tsv:1:") ||
			!strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want data/cameo.tsv:1: ... %s", row, err, want)
		}
	}
}

// TestWordTable: data/words.tsv loads (every documented class has rows, numbers parse), and
// a bad row is reported with its line.
func TestWordTable(t *testing.T) {
	if wordsErr != nil {
		t.Fatal(wordsErr)
	}
	if months["july"] != 7 || weekdays["sunday"] != 0 || weekdays["friday"] != 5 || dayWords["yesterday"] != -1 {
		t.Errorf("calendar words: july=%d sunday=%d friday=%d yesterday=%d", months["july"], weekdays["sunday"], weekdays["friday"], dayWords["yesterday"])
	}
	if !preps["between"] || !determiners["his"] || !negations["n't"] || !boundaries["—"] {
		t.Error("a word class lost a word")
	}
	for row, want := range map[string]string{
		"nosuchclass\tword":         "data/words.tsv:1: unknown word class",
		"month\tjuly\tseven":        "data/words.tsv:1: \"seven\" is not a number",
		"month\tjuly":               "data/words.tsv:1: class month needs a number",
		"preposition":               "data/words.tsv:1: want class",
		"ownerverb\tapply\tpresent": "data/words.tsv:1: \"present\" is not a verb form",
	} {
		if _, err := parseWords(row + "\n"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want %s", row, err, want)
		}
	}
	if _, err := parseWords("preposition\tin\n"); err == nil || !strings.Contains(err.Error(), "no rows for word classes") {
		t.Errorf("a table missing classes: got %v", err)
	}
}

// TestVerbClassForms: a verb class of words.tsv lists lemmas (irregular forms after "=")
// and matches every inflected form, as the cue verbs do.
func TestVerbClassForms(t *testing.T) {
	for _, w := range []string{"provide", "provides", "provided", "providing", "give", "gave", "given",
		"giving", "sent", "sends", "supplies", "supplied", "supplying", "offered", "granting", "extended"} {
		if !giveVerbs[w] {
			t.Errorf("giveverb lacks %q", w)
		}
	}
	for _, w := range []string{"give=gave|given", "gaves", "provider"} {
		if giveVerbs[w] {
			t.Errorf("giveverb holds %q", w)
		}
	}
}

// TestVerbClassesHoldLemmas: the verb classes of words.tsv list lemmas only, no form of one
// lemma beside it, and the lemmas' forms are the owner words: every form the class listed by
// hand before (and its particles, now class ownerparticle), a lemma marked past in its past
// forms only.
func TestVerbClassesHoldLemmas(t *testing.T) {
	for name := range verbClasses {
		for entry := range class(name) {
			lemma, _, _ := strings.Cut(entry, "=")
			for _, inf := range inflect(lemma) {
				if inf.s != lemma && class(name)[inf.s] {
					t.Errorf("%s lists %q, a form of %q", name, inf.s, lemma)
				}
			}
		}
	}
	for _, w := range strings.Fields(`voiced voice expressed express up increased intensified launched
		made make put keep kept maintained applied heaped exerted renewed with piled levelled leveled
		impose imposed imposes imposing reimpose reimposed reimposes reimposing announce announced
		announces announcing unveil unveiled unveils slap slapped slaps levy levied levies adopt
		adopted adopts tighten tightened tightens`) {
		if !ownerVerbs[w] {
			t.Errorf("ownerverb lacks %q", w)
		}
	}
	for _, w := range []string{"voices", "increasing", "keeps", "unveiling"} {
		if !ownerVerbs[w] {
			t.Errorf("ownerverb lacks %q, a form of one of its lemmas", w)
		}
	}
	for _, w := range []string{"apply", "applies", "applying", "make=made", "ups"} {
		if ownerVerbs[w] {
			t.Errorf("ownerverb holds %q", w)
		}
	}
}
