package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/recognize"
)

func TestParseAgentLine(t *testing.T) {
	subst := map[string][]string{"!PERSON!": {"MAN", "MEN", "WOMAN"}}
	cases := []struct {
		line string
		want []string // form/number/sector
	}{
		{"REBEL [~REB]", []string{"rebel/sg/rebels", "rebels/pl/rebels"}},
		{"AUTHORITY [~GOV]", []string{"authority/sg/government", "authorities/pl/government"}},
		{"POLICE {} [~COP]", []string{"police/sg/police"}},
		{"CHAMBER_OF_COMMERCE {CHAMBERS_OF_COMMERCE} [~BUS]", []string{"chamber of commerce/sg/business", "chambers of commerce/pl/business"}},
		{"POLICE!PERSON!  [~COP]", []string{"policeman/sg/police", "policemen/pl/police", "policemen/sg/police", "policemen/pl/police", "policewoman/sg/police", "policewomen/pl/police"}},
		{"ARMY_INTELLIGENCE [~MILSPY]", []string{"army intelligence/sg/military", "army intelligences/pl/military"}},
		{"MINISTRY_  [~GOV]", []string{"ministry/sg/government"}},
		{"DEPARMENT_OF_ENVIRONMENT [~ENV}", []string{"deparment of environment/sg/environment", "deparment of environments/pl/environment"}},
	}
	for _, c := range cases {
		as, ok, err := ParseAgentLine(c.line, subst)
		if err != nil || !ok {
			t.Errorf("%q: ok=%v err=%v", c.line, ok, err)
			continue
		}
		var got []string
		for _, a := range as {
			n := "sg"
			if a.Plural {
				n = "pl"
			}
			got = append(got, a.Form+"/"+n+"/"+a.Sector)
		}
		if strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("%q:\n got %q\nwant %q", c.line, got, c.want)
		}
	}
	if _, ok, err := ParseAgentLine("TRUCE_MONITOR [IGO~]", subst); ok || err != nil {
		t.Errorf("an IGO agent is no country agent: ok=%v err=%v", ok, err)
	}
	if _, _, err := ParseAgentLine("WIZARD [~XYZ]", subst); err == nil {
		t.Error("a code outside the sector vocabulary: want an error")
	}
}

// TestSectorsClosed: every sector the generator writes is in the recognizer's closed list.
func TestSectorsClosed(t *testing.T) {
	for code, s := range Sectors {
		if !slices.Contains(recognize.Sectors, s) {
			t.Errorf("Phoenix code %s maps to sector %q, not in recognize.Sectors", code, s)
		}
	}
}

// TestGeneratedAgents: the committed agents.tsv is what the generator writes from
// Phoenix.agents.txt (skipped when ../shared is not there).
func TestGeneratedAgents(t *testing.T) {
	src := filepath.Join("..", "..", "..", "..", "shared", "data", "petrarch2-dictionaries", "Phoenix.agents.txt")
	if _, err := os.Stat(src); err != nil {
		t.Skip("PETRARCH-2 dictionaries not found:", err)
	}
	out := filepath.Join(t.TempDir(), "agents.tsv")
	if err := genAgents(src, out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	want, err := os.ReadFile(filepath.Join("..", "..", "recognize", "data", "agents.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("extract/recognize/data/agents.tsv is stale: run go generate ./extract/recognize")
	}
}
