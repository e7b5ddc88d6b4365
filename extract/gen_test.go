package extract

import (
	"bufio"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/internal/shared"
)

// articleGen writes random article texts from the lexicons (people of the offices table,
// countries, demonyms, capitals, organisations, places, titles), the cue verbs of
// relate/data/cues.tsv and the sentences of the seed and sample corpora — whole, with their
// names swapped for other lexicon names, cut short, without their final stop — laid out
// in paragraphs, sometimes under a headline or after a dateline. Deterministic per seed.
type articleGen struct {
	r                                         *rand.Rand
	people, countries, demonyms, orgs, places []string
	titles, verbs, sentences                  []string
}

var capWord = regexp.MustCompile(`\b[A-Z][a-zA-Z'’.-]+(?: [A-Z][a-zA-Z'’.-]+)*`)

func newArticleGen(t testing.TB, seed uint64) *articleGen {
	t.Helper()
	g := &articleGen{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	lex := lexicon.Default()
	seen := map[string]bool{}
	for _, o := range lex.Offices() {
		if !seen[o.Holder] {
			seen[o.Holder] = true
			g.people = append(g.people, o.Holder)
		}
	}
	for _, c := range lex.Countries() {
		g.countries = append(g.countries, c.Name)
		if c.Capital != "" {
			g.places = append(g.places, c.Capital)
		}
	}
	g.orgs = column(t, "lexicon/data/organizations.tsv", 0)
	g.places = append(g.places, sample(column(t, "lexicon/data/places.tsv", 0), 400, g.r)...)
	g.demonyms = firstOf(column(t, "lexicon/data/countries.tsv", 4))
	g.titles = firstOf(column(t, "lexicon/data/titles.tsv", 0))
	g.verbs = cueVerbs(t)
	g.sentences = corpusSentences(t)
	return g
}

// column reads one tab-separated column of a data file (comments and the header skipped).
func column(t testing.TB, path string, col int) []string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		if first {
			first = false
			continue
		}
		if f := strings.Split(l, "\t"); col < len(f) && f[col] != "" {
			out = append(out, f[col])
		}
	}
	return out
}

func firstOf(ss []string) []string {
	out := make([]string, 0, len(ss))
	for _, s := range ss {
		out = append(out, strings.Split(s, "|")[0])
	}
	return out
}

func sample(ss []string, n int, r *rand.Rand) []string {
	if len(ss) <= n {
		return ss
	}
	out := make([]string, n)
	for i := range out {
		out[i] = ss[r.IntN(len(ss))]
	}
	return out
}

// cueVerbs turns the cue table's verb rows into phrases: "met", "met with", "criticized".
func cueVerbs(t testing.TB) []string {
	t.Helper()
	var out []string
	f, err := os.ReadFile("relate/data/cues.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(f), "\n") {
		c := strings.Split(l, "\t")
		if strings.HasPrefix(l, "#") || len(c) < 4 || (c[1] != "verb" && c[1] != "verbprep") {
			continue
		}
		lemma, forms, _ := strings.Cut(c[2], "=")
		v := lemma + "ed"
		if forms != "" {
			v = strings.Split(forms, "|")[0]
		} else if strings.HasSuffix(lemma, "e") {
			v = lemma + "d"
		}
		if p := strings.TrimSpace(c[3]); p != "" {
			v += " " + p
		}
		out = append(out, v)
	}
	return out
}

// corpusSentences splits the seed articles (when ../shared is there) and the sample corpus
// into rough sentences.
func corpusSentences(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, dir := range []string{shared.Seeds(), filepath.Join("..", "corpus", "sample")} {
		if dir == "" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*"))
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				continue
			}
			for _, para := range strings.Split(string(b), "\n") {
				for _, s := range strings.SplitAfter(para, ". ") {
					if s = strings.TrimSpace(s); len(s) > 12 {
						out = append(out, s)
					}
				}
			}
		}
	}
	if len(out) == 0 {
		t.Fatal("no corpus sentences found")
	}
	return out
}

func (g *articleGen) pick(ss []string) string { return ss[g.r.IntN(len(ss))] }

// actor is a random person (maybe with a title), country, demonym phrase or organisation.
func (g *articleGen) actor() string {
	switch g.r.IntN(6) {
	case 0, 1:
		return g.pick(g.people)
	case 2:
		return g.pick(g.titles) + " " + g.pick(g.people)
	case 3:
		return g.pick(g.demonyms) + " " + g.pick(g.titles) + " " + g.pick(g.people)
	case 4:
		return g.pick(g.countries)
	}
	return g.pick(g.orgs)
}

var genDays = []string{"on Monday", "on Tuesday", "last week", "on March 3", "next month", "in 2019", ""}

// sentence is one generated sentence.
func (g *articleGen) sentence() string {
	switch g.r.IntN(5) {
	case 0:
		return g.actor() + " " + g.pick(g.verbs) + " " + g.actor() + " in " + g.pick(g.places) + " " + g.pick(genDays) + "."
	case 1:
		return "The " + g.pick(g.titles) + " said " + g.actor() + " would " + strings.Fields(g.pick(g.verbs))[0] + " " + g.actor() + "."
	case 2: // a corpus sentence as it is
		return g.pick(g.sentences)
	}
	// a corpus sentence with its names swapped for other lexicon names
	return capWord.ReplaceAllStringFunc(g.pick(g.sentences), func(w string) string {
		switch g.r.IntN(5) {
		case 0:
			return g.actor()
		case 1:
			return g.pick(g.places)
		case 2:
			return "The " + g.pick(g.countries)
		}
		return w
	})
}

// article is one generated article text.
func (g *articleGen) article() string {
	var b strings.Builder
	if g.r.IntN(3) == 0 {
		b.WriteString(g.actor() + " and " + g.actor() + " " + g.pick(g.verbs) + " " + g.pick(g.places) + "\n\n")
	}
	if g.r.IntN(4) == 0 {
		b.WriteString(strings.ToUpper(g.pick(g.places)) + " (Reuters) - ")
	}
	n := 1 + g.r.IntN(12)
	for i := 0; i < n; i++ {
		s := g.sentence()
		switch g.r.IntN(12) {
		case 0:
			s = strings.TrimRight(s, ".") // no final stop
		case 1:
			s = s[:g.r.IntN(len(s)+1)] // cut short, maybe inside a name
		case 2:
			s += " (Reuters)"
		}
		b.WriteString(s)
		switch g.r.IntN(4) {
		case 0:
			b.WriteString("\n\n")
		case 1:
			b.WriteString("\n")
		default:
			b.WriteString(" ")
		}
	}
	return strings.ToValidUTF8(b.String(), "")
}
