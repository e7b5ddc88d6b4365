package extract

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// personIDs extracts each text in a run of its own (or all of them in one run) and
// returns the person ids by the lower-cased surname they contain.
func personIDs(t *testing.T, texts []string, together bool) map[string][]string {
	t.Helper()
	dir := t.TempDir()
	var paths []string
	for i, text := range texts {
		p := filepath.Join(dir, string(rune('a'+i))+".txt")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	runs := [][]string{paths}
	if !together {
		runs = nil
		for _, p := range paths {
			runs = append(runs, []string{p})
		}
	}
	ids := map[string][]string{}
	for _, run := range runs {
		res, err := pipeline(t).Run(context.Background(), run...)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range res.Document.Nodes {
			if n.Label == graph.LabelPerson {
				f := strings.Fields(strings.ToLower(n.Name))
				ids[f[len(f)-1]] = append(ids[f[len(f)-1]], n.ID)
			}
		}
	}
	return ids
}

// TestEntityIDsAcrossRuns: separate runs give a person the same id whatever the
// spelling — the lexicon's holder when the offices table knows the person, else the
// folded first name and the transliteration-insensitive surname — and the same id one
// run over both articles gives.
func TestEntityIDsAcrossRuns(t *testing.T) {
	texts := []string{
		"Ukrainian commander Oleksandr Syrskyi met Volodymyr Zelensky in Kyiv on Monday.\n",
		"Oleksandr Syrsky visited Kharkiv on Thursday, where he met Volodymyr Zelenskiy.\n",
		"Volodymyr Zelenskyy thanked Oleksandr Syrskyi in a speech in Kyiv on Friday.\n",
	}
	apart, together := personIDs(t, texts, false), personIDs(t, texts, true)
	for _, who := range [][2]string{{"person:volodymyr-zelenskyy", "zelensky"}, {"person:oleksandr-syrsky", "syrsky"}} {
		var got []string
		for surname, ids := range apart {
			if strings.HasPrefix(surname, who[1][:5]) {
				got = append(got, ids...)
			}
		}
		sort.Strings(got)
		if len(got) < 2 || got[0] != who[0] || got[len(got)-1] != who[0] {
			t.Errorf("%s in separate runs: ids %v, want every one %s", who[1], got, who[0])
		}
		for surname, ids := range together {
			if strings.HasPrefix(surname, who[1][:5]) && (len(ids) != 1 || ids[0] != who[0]) {
				t.Errorf("%s in one run: ids %v, want %s", who[1], ids, who[0])
			}
		}
	}
}

// TestMentionsCreditAliases: each node's aliases are exactly the union of the spellings
// its MENTIONS relationships credit to their articles, without its name — what the store
// recomputes when an article is retracted or edited.
func TestMentionsCreditAliases(t *testing.T) {
	res, err := pipeline(t).Run(context.Background(), seedsDir(t), filepath.Join("..", "corpus", "sample"))
	if err != nil {
		t.Fatal(err)
	}
	credited := map[string]map[string]bool{}
	mentions := map[string]int{}
	for _, e := range res.Document.Edges {
		if e.Type != graph.RelMentions {
			continue
		}
		mentions[e.To]++
		al, ok := e.Props["aliases"].([]any)
		if !ok {
			t.Fatalf("MENTIONS %s -> %s without an aliases list: %v", e.From, e.To, e.Props)
		}
		if credited[e.To] == nil {
			credited[e.To] = map[string]bool{}
		}
		for _, a := range al {
			credited[e.To][a.(string)] = true
		}
	}
	for _, n := range res.Document.Nodes {
		if mentions[n.ID] != len(n.Articles) {
			t.Errorf("%s: %d MENTIONS for %d articles", n.ID, mentions[n.ID], len(n.Articles))
		}
		var want []string
		for a := range credited[n.ID] {
			if !strings.EqualFold(a, n.Name) {
				want = append(want, a)
			}
		}
		sort.Strings(want)
		if strings.Join(want, "|") != strings.Join(n.Aliases, "|") {
			t.Errorf("%s: aliases %q, MENTIONS credit %q", n.ID, n.Aliases, want)
		}
	}
}
