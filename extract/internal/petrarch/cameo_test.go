package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParsePattern(t *testing.T) {
	cases := []struct {
		line            string
		before, after   []string
		code, rev, verb string
		frame           string
	}{
		{"- * (WITH)                                 [036:036]     # MEET", nil, []string{"(WITH)"}, "036", "036", "meet", "obl:with"},
		{"- * +   [051]   # SUPPORT", nil, []string{"+"}, "051", "", "support", "obj"},
		{"- * [130] # THREATEN", nil, nil, "130", "", "threaten", "obj"},
		{"- * CRITICISM                              [:111]        # FACE", nil, []string{"CRITICISM"}, "", "111", "face", ""},
		{"- * {ARMS SHIPMENT}    [072]  # EXPEDITE", nil, []string{"{ARMS SHIPMENT}"}, "072", "", "expedite", ""},
		{"- * (ON ALERT) (ALONG BORDER)   [152]   # PUT", nil, []string{"(ON ALERT)", "(ALONG BORDER)"}, "152", "", "put", ""},
		{"- &MILITARY *        [154]    # RUSH", []string{"&MILITARY"}, nil, "154", "", "rush", ""},
		{"- $ * (TO +)   [042]  # GO", []string{"$"}, []string{"(TO +)"}, "042", "", "go", "obl:to"},
		{"- *SCEPTICAL      [012]    # REMAIN", nil, []string{"SCEPTICAL"}, "012", "", "remain", ""},
		{"- * DOWN (FROM)   [080!]   # BACK", nil, []string{"DOWN", "(FROM)"}, "080", "", "back", ""},
		{"- * RUN-OFF   [---]   # FACE", nil, []string{"RUN-OFF"}, "", "", "face", ""},
		{"- * MEETING   [036]   # CALL , CALL", nil, []string{"MEETING"}, "036", "", "call", ""},
	}
	for _, c := range cases {
		p, err := ParsePattern(c.line)
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if strings.Join(p.Before, "|") != strings.Join(c.before, "|") || strings.Join(p.After, "|") != strings.Join(c.after, "|") || p.Code != c.code ||
			p.Rev != c.rev || p.Verb != c.verb || p.Frame() != c.frame {
			t.Errorf("%q:\n got before=%q after=%q code=%q rev=%q verb=%q frame=%q\nwant before=%q after=%q code=%q rev=%q verb=%q frame=%q",
				c.line, p.Before, p.After, p.Code, p.Rev, p.Verb, p.Frame(), c.before, c.after, c.code, c.rev, c.verb, c.frame)
		}
	}
	for _, bad := range []string{"- * (WITH [040]", "- WITH [040]", "- * (WITH)"} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("%q: want an error", bad)
		}
	}
}

func TestParseVerb(t *testing.T) {
	cases := []struct {
		line, block string
		want        Verb
	}{
		{"MEET {MEETS MET MEETING} ", "040", Verb{Lemma: "meet", Forms: []string{"meets", "met", "meeting"}, Code: "040"}},
		{"+MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }", "040",
			Verb{Lemma: "meet with", Forms: []string{"met with", "meets with", "meeting with"}, Code: "040"}},
		{"WANT [030]", "100", Verb{Lemma: "want", Code: "030"}},
		{"CONDEMN [111] ", "112", Verb{Lemma: "condemn", Code: "111"}},
		{"BASE  # shan   9/27/93", "", Verb{Lemma: "base"}},
		{"+CRACK_DOWN {+CRACKED_DOWN, +CRACKS_DOWN}", "170", Verb{Lemma: "crack down", Forms: []string{"cracked down", "cracks down"}, Code: "170"}},
		{"+ANGERED_BY {}", "", Verb{Lemma: "angered by"}},
	}
	for _, c := range cases {
		v, err := ParseVerb(c.line, c.block)
		if err != nil {
			t.Errorf("%q: %v", c.line, err)
			continue
		}
		if !reflect.DeepEqual(v, c.want) {
			t.Errorf("%q: got %+v, want %+v", c.line, v, c.want)
		}
	}
	if _, err := ParseVerb("TWO WORDS", ""); err == nil {
		t.Error("two verbs on one line: want an error")
	}
}

func TestMap(t *testing.T) {
	cases := map[string]string{
		"040": "MET", "041": "SPOKE_WITH", "042": "VISITED", "043": "HOSTED", "044": "MET", "045": "", "046": "MET",
		"036": "", "010": "", "020": "",
		"050": "SUPPORTED", "051": "SUPPORTED", "0513": "SUPPORTED", "055": "", "056": "", "057": "SUPPORTED",
		"061": "SUPPORTED", "073": "SUPPORTED", "080": "", "090": "",
		"100": "PRESSURED", "1041": "PRESSURED", "110": "CRITICIZED", "112": "CRITICIZED", "120": "",
		"130": "PRESSURED", "141": "CRITICIZED", "150": "", "160": "", "163": "PRESSURED",
		"170": "PRESSURED", "171": "", "172": "PRESSURED", "1721": "PRESSURED", "173": "", "175": "",
		"180": "", "190": "", "202": "",
	}
	for code, want := range cases {
		if got, _ := Map(code); got != want {
			t.Errorf("Map(%q) = %q, want %q", code, got, want)
		}
	}
	// Every CAMEO root 01-20 has a row of its own: the table is whole.
	roots := map[string]bool{}
	for _, m := range Mappings {
		roots[m.Prefix[:2]] = true
		if len(m.Prefix) == 2 && m.Why == "" {
			t.Errorf("root %s has no reason", m.Prefix)
		}
	}
	for r := 1; r <= 20; r++ {
		k := string(rune('0'+r/10)) + string(rune('0'+r%10))
		if !roots[k] {
			t.Errorf("CAMEO root %s is not in the mapping table", k)
		}
	}
}

const sampleCAMEO = `# header
&SET
+A

####### VERB PATTERNS ####### 

---  CALL   [041:041]  ---
CALL
PHONE
- * (ON)                    [020]         # CALL
- * (WITH)                  [041]         # PHONE
- * CRITICISM               [:111]        # CALL

---  PRAISE   [051]  ---
PRAISE
CELEBRATE
- * (FOR)   [051]   # NOWHERE

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
`

func TestRows(t *testing.T) {
	blocks, err := ParseCAMEO(strings.NewReader(sampleCAMEO))
	if err != nil {
		t.Fatal(err)
	}
	rv := Review{"celebrate *": "the object is an event"}
	var got []string
	for _, r := range Rows(blocks, rv) {
		got = append(got, strings.Join([]string{r.Kind, r.Lemma, r.Cameo, r.Type, r.Frame, r.Use}, " "))
	}
	want := []string{
		"verb call 041 SPOKE_WITH obj position",
		"verb phone 041 SPOKE_WITH obj position",
		"pattern call 020  obl:on drop",
		"pattern phone 041 SPOKE_WITH obl:with position",
		"pattern call 111 CRITICIZED  reverse",
		"verb praise 051 SUPPORTED obj position",
		"verb celebrate 051 SUPPORTED obj review",
		"pattern * 051 SUPPORTED obl:for tree",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %q\nwant %q", got, want)
	}
	if _, err := ParseCAMEO(strings.NewReader("####### VERB PATTERNS\n- * [040]\n")); err == nil {
		t.Error("a pattern outside a block: want an error")
	}
}

// TestGeneratedCAMEO: the committed cameo.tsv is what the generator writes from the
// dictionary and the review list (skipped when ../shared is not there).
func TestGeneratedCAMEO(t *testing.T) {
	src := filepath.Join("..", "..", "..", "..", "shared", "data", "petrarch2-dictionaries", "CAMEO.2.0.txt")
	if _, err := os.Stat(src); err != nil {
		t.Skip("PETRARCH-2 dictionaries not found:", err)
	}
	out := filepath.Join(t.TempDir(), "cameo.tsv")
	if err := genCAMEO(src, filepath.Join("..", "..", "relate", "data", "cameo_review.tsv"), out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join("..", "..", "relate", "data", "cameo.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("extract/relate/data/cameo.tsv is stale: run go generate ./extract/relate")
	}
}
