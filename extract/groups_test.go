package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestCollectiveActors: a government sector stands for its country; other sectors make a
// group node {kind: group, country, sector} with a deterministic id; one person ("the
// police chief") is no group; a group no relationship touches is not written.
func TestCollectiveActors(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
		group      string // id of a group node the run must write, with its sector
		sector     string
	}{
		{"authorities stand for the country", "Iranian authorities condemned Israel on Monday.",
			[]string{"CRITICIZED Iran -> Israel (reported)"}, "", ""},
		{"the government stands for the country", "The Turkish government criticized Sweden.",
			[]string{"CRITICIZED Turkey -> Sweden (reported)"}, "", ""},
		{"officials (curated plural)", "Syrian officials accused Turkey of shelling villages.",
			[]string{"CRITICIZED Syria -> Turkey (reported)"}, "", ""},
		{"rebels make a group", "Malian rebels denounced France.",
			[]string{"CRITICIZED Mali rebels -> France (reported)"}, "org:mali-rebels", "rebels"},
		{"protesters in a city", "Protesters in Belgrade denounced Aleksandar Vucic.",
			[]string{"CRITICIZED Serbia opposition -> Aleksandar Vucic (reported)"}, "org:serbia-opposition", "opposition"},
		{"officials in a capital stand for the country", "Yesterday officials in Kyiv criticized Hungary.",
			[]string{"CRITICIZED Ukraine -> Hungary (reported)"}, "", ""},
		{"a country's military", "Ukraine's military praised Poland.",
			[]string{"SUPPORTED Ukraine military -> Poland (reported)"}, "org:ukraine-military", "military"},
		{"a country's government", "Iran's government criticized Israel.",
			[]string{"CRITICIZED Iran -> Israel (reported)"}, "", ""},
		{"forces make a military group", "Ukrainian forces praised Poland for its help.",
			[]string{"SUPPORTED Ukraine military -> Poland (reported)"}, "org:ukraine-military", "military"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := runText(t, c.text)
			got := facts(r.Document.Nodes, r.Document.Edges)
			for _, w := range c.want {
				if !slices.Contains(got, w) {
					t.Errorf("missing %q\n got %v", w, got)
				}
			}
			if c.group == "" {
				return
			}
			i := slices.IndexFunc(r.Document.Nodes, func(n graph.Node) bool { return n.ID == c.group })
			if i < 0 {
				t.Fatalf("no node %s", c.group)
			}
			n := r.Document.Nodes[i]
			if n.Label != graph.LabelOrganization || n.Props["kind"] != "group" || n.Props["sector"] != c.sector ||
				len(fmt.Sprint(n.Props["country"])) != 2 {
				t.Errorf("node %s: label %s props %v", n.ID, n.Label, n.Props)
			}
		})
	}
	for _, text := range []string{
		"The Malian police chief met Emmanuel Macron.", // one person, not the police
		"Ukrainian forces were seen near the border.",  // no relationship: no group node
	} {
		r := runText(t, text)
		for _, n := range r.Document.Nodes {
			if n.Props["kind"] == "group" {
				t.Errorf("%q: unexpected group node %s", text, n.ID)
			}
		}
	}
}

// runText runs the whole pipeline, assembly included, on one .txt article holding text
// under a headline.
func runText(t *testing.T, text string) *Result {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte("A headline\n\nPublished 2024-05-15\n\n"+text+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := pipeline(t).Run(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
