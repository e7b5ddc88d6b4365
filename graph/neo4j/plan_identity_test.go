package neo4j

import (
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// mentionAliases returns, per "article>node", the aliases the plan credits a MENTIONS row.
func mentionAliases(t *testing.T, p *Plan) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, b := range built(t, p) {
		for g, rows := range b.Edges {
			if g != graph.RelMentions {
				continue
			}
			for _, r := range rows {
				al, ok := stringList(r["props"].(map[string]any)["aliases"])
				if !ok {
					t.Fatalf("MENTIONS row without a list of aliases: %v", r)
				}
				sort.Strings(al)
				out[r["from"].(string)+">"+r["to"].(string)] = strings.Join(al, "|")
			}
		}
	}
	return out
}

// TestPlanCreditsAliases: a MENTIONS keeps the spellings its article credits; a node's
// aliases no MENTIONS credits (an older extraction) are credited to each of its articles,
// so that none is lost when the store recomputes aliases from MENTIONS.
func TestPlanCreditsAliases(t *testing.T) {
	// The fixture predates per-article aliases: Rutte's go to both of his articles.
	p, err := NewPlan(readFixture(t), "fixture.jsonl", 500)
	if err != nil {
		t.Fatal(err)
	}
	got := mentionAliases(t, p)
	for _, k := range []string{"001_nato_summit>person:mark-rutte", "002_palm_beach>person:mark-rutte"} {
		if got[k] != "NATO chief|Rutte" {
			t.Errorf("%s credits %q, want both of Rutte's aliases", k, got[k])
		}
	}
	// An extraction that credits them: each MENTIONS keeps its own.
	d, err := graph.Read(strings.NewReader(`{"kind":"meta","contract":"newsgraph-extract/1"}
{"kind":"article","id":"a"}
{"kind":"article","id":"b"}
{"kind":"node","id":"person:mark-rutte","label":"Person","name":"Mark Rutte","aliases":["Mr. Rutte","Rutte"],"articles":["a","b"]}
{"kind":"edge","type":"MENTIONS","from":"a","to":"person:mark-rutte","article":"a","evidence":{"sentence":"Rutte.","start":0,"end":6},"props":{"aliases":["Rutte"]}}
{"kind":"edge","type":"MENTIONS","from":"b","to":"person:mark-rutte","article":"b","evidence":{"sentence":"Mr. Rutte.","start":0,"end":10},"props":{"aliases":["Mr. Rutte"]}}
`), "t.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if p, err = NewPlan(d, "t.jsonl", 500); err != nil {
		t.Fatal(err)
	}
	got = mentionAliases(t, p)
	if got["a>person:mark-rutte"] != "Rutte" || got["b>person:mark-rutte"] != "Mr. Rutte" {
		t.Errorf("credited aliases %v, want each article's own", got)
	}
	d.Edges[0].Props["aliases"] = "Rutte"
	if _, err := NewPlan(d, "t.jsonl", 500); err == nil || !strings.Contains(err.Error(), "t.jsonl:5: MENTIONS edge") {
		t.Errorf("aliases not a list: err = %v, want t.jsonl:5 named", err)
	}
}
