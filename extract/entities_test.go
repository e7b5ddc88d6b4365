package extract

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// nodeSet renders nodes as "Label:Name".
func nodeSet(nodes []graph.Node) []string {
	var out []string
	for _, n := range nodes {
		out = append(out, string(n.Label)+":"+n.Name)
	}
	sort.Strings(out)
	return out
}

// TestEntities: recognition and resolution within one article.
func TestEntities(t *testing.T) {
	cases := []struct {
		name, text string
		want, not  []string
	}{
		{"title stripped, role kept", "British Prime Minister Keir Starmer spoke in London.",
			[]string{"Person:Keir Starmer", "Country:United Kingdom", "Place:London"}, []string{"Person:British Prime Minister Keir Starmer"}},
		{"demonyms are countries", "The Dutch and German governments agreed.",
			[]string{"Country:Netherlands", "Country:Germany"}, nil},
		{"country aliases", "The U.S. and the UK signed the deal with Holland.",
			[]string{"Country:United States", "Country:United Kingdom", "Country:Netherlands"}, nil},
		{"organizations", "NATO and the European Union met Reuters reporters at the State Department.",
			[]string{"Organization:NATO", "Organization:European Union", "Organization:Reuters"}, nil},
		{"buildings and heads", "The talks took place at Trump Tower and later at the Ramstein Air Base.",
			[]string{"Place:Trump Tower"}, []string{"Person:Trump"}},
		{"surname resolves to full name", "Volodymyr Zelenskiy arrived in Kyiv. Zelensky said the talks went well.",
			[]string{"Person:Volodymyr Zelenskyy"}, []string{"Person:Zelensky"}},
		{"similar surnames stay apart", "Olaf Scholz met Martin Schulz. Scholz spoke first and Schulz answered.",
			[]string{"Person:Olaf Scholz", "Person:Martin Schulz"}, nil},
		{"month name inside a name", "Theresa May met Donald Trump in May.",
			[]string{"Person:Theresa May", "Person:Donald Trump"}, []string{"Person:May"}},
		{"city that is a first name", "Vladimir Putin met Xi Jinping in Moscow.",
			[]string{"Person:Vladimir Putin", "Place:Moscow"}, []string{"Place:Vladimir"}},
		{"sentence-initial common word", "Speaking in Brussels, Mark Rutte warned Russia.",
			[]string{"Person:Mark Rutte", "Place:Brussels", "Country:Russia"}, []string{"Person:Speaking"}},
		{"role phrase resolved by the article", "NATO Secretary General Mark Rutte arrived. The NATO chief said allies must spend more.",
			[]string{"Person:Mark Rutte"}, []string{"Person:NATO chief"}},
		{"role phrase resolved by the offices table", "The US president signed the bill on Friday.",
			[]string{"Person:Joe Biden"}, nil},
		{"known as", "The Contact Group for the Defence of Ukraine, known as the Ramstein Group, met again.",
			[]string{"Organization:Ukraine Defense Contact Group"}, []string{"Organization:Ramstein Group", "Organization:Contact Group for the Defence of Ukraine"}},
		{"event with place", "Leaders gathered for the NATO summit in Vilnius. The summit ended on Wednesday.",
			[]string{"Event:NATO summit", "Place:Vilnius"}, nil},
		{"initials", "His running mate, JD Vance, spoke in Ohio.",
			[]string{"Person:JD Vance"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, nodes, _ := extractText(t, c.text, "2023-06-15")
			got := nodeSet(nodes)
			for _, w := range c.want {
				if !contains(got, w) {
					t.Errorf("missing %q\n  got %q", w, got)
				}
			}
			for _, n := range c.not {
				if contains(got, n) {
					t.Errorf("unexpected %q", n)
				}
			}
		})
	}
}

// TestAcrossArticles: one node for transliteration variants and surname-only mentions in
// other articles; every merge is explained.
func TestAcrossArticles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.txt", "Ukrainian President Volodymyr Zelenskiy met Polish President Andrzej Duda in Warsaw on Tuesday to discuss new weapons deliveries for the coming winter.\n")
	write("b.txt", "Volodymyr Zelensky travelled to Berlin on Friday, where he asked German officials for more air defence systems and ammunition for the front.\n")
	write("c.txt", "Zelensky told reporters in Kyiv on Monday that the talks in Berlin and Warsaw had been useful and that he expected more help soon.\n")
	res, err := pipeline(t).Run(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	var zel []graph.Node
	for _, n := range res.Document.Nodes {
		if n.Label == graph.LabelPerson && strings.Contains(strings.ToLower(n.Name), "zelensk") {
			zel = append(zel, n)
		}
	}
	if len(zel) != 1 {
		t.Fatalf("want one node for Zelensky/Zelenskiy, got %d: %+v", len(zel), zel)
	}
	if got := zel[0].Articles; len(got) != 3 {
		t.Errorf("Zelensky node articles = %v, want a, b and c", got)
	}
	explained := 0
	for _, m := range res.Merges {
		if m.Entity == zel[0].ID && m.Reason != "" {
			explained++
		}
	}
	if explained == 0 {
		t.Error("no merge into the Zelensky node is explained")
	}
}

// TestSurnameOfficeHolderByDate: a bare surname is completed from the offices table only
// when that holder was in office on the article's date.
func TestSurnameOfficeHolderByDate(t *testing.T) {
	dir := t.TempDir()
	rec := `{"id":"%s","title":"t","published":"%s","text":"Johnson said on Tuesday that the deal was dead and the talks were over for now."}` + "\n"
	body := fmt.Sprintf(rec, "in2021", "2021-06-10") + fmt.Sprintf(rec, "in2024", "2024-06-10")
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := pipeline(t).Run(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, n := range res.Document.Nodes {
		if n.Label == graph.LabelPerson {
			for _, a := range n.Articles {
				got[a] = n.Name
			}
		}
	}
	if got["in2021"] != "Boris Johnson" || got["in2024"] != "Johnson" {
		t.Errorf("got %v; want Boris Johnson in 2021 (in office) and a plain Johnson in 2024", got)
	}
}
