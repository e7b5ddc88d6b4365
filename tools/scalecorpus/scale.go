package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/lexicon"
	"github.com/newsgraph/newsgraph/internal/tsv"
)

// kind of an entity mention that the generator swaps.
type kind int

const (
	kCountry kind = iota
	kPerson
	kOrg
	kPlace
	nKinds
)

// span is one entity mention in a source sentence (byte offsets).
type span struct {
	start, end int
	kind       kind
	name       string
}

// sentence is a source sentence with its entity mentions found once.
type sentence struct {
	text  string
	spans []span
}

// Corpus is the material the generator recombines: source documents split in sentences, and
// pools of replacement names per kind.
type Corpus struct {
	docs  [][]sentence
	pools [nKinds][]string
}

// Article is one generated JSON Lines record, in the shape `newsgraph extract` reads.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"`
	Text      string `json:"text"`
}

// NewCorpus splits the texts in sentences and finds their entities with the lexicon; the pools
// are every country name, office holder, and the organisation and place names of dataDir's
// organizations.tsv and places.tsv (first column), sorted so that a seed gives the same corpus.
func NewCorpus(texts []string, lex *lexicon.Lexicon, dataDir string) (*Corpus, error) {
	c := &Corpus{}
	for _, ct := range lex.Countries() {
		if ct.Independent {
			c.pools[kCountry] = append(c.pools[kCountry], ct.Name)
		}
	}
	people := map[string]bool{}
	for _, o := range lex.Offices() {
		people[o.Holder] = true
	}
	c.pools[kPerson] = sortedKeys(people)
	for k, file := range map[kind]string{kOrg: "organizations.tsv", kPlace: "places.tsv"} {
		names, err := firstColumn(filepath.Join(dataDir, file))
		if err != nil {
			return nil, err
		}
		c.pools[k] = names
	}
	for _, t := range texts {
		var doc []sentence
		for _, s := range splitSentences(t) {
			doc = append(doc, sentence{text: s, spans: findSpans(s, lex, people)})
		}
		if len(doc) > 0 {
			c.docs = append(c.docs, doc)
		}
	}
	if len(c.docs) == 0 {
		return nil, fmt.Errorf("scalecorpus: no sentences in the source texts")
	}
	return c, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// firstColumn reads the first tab-separated column of a lexicon table, skipping '#' lines and
// the header row.
func firstColumn(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	header := true
	for _, f := range tsv.Rows(string(data)) {
		if header {
			header = false
			continue
		}
		if f[0] != "" {
			out = append(out, f[0])
		}
	}
	return out, nil
}

// splitSentences splits a text at . ! ? followed by space and a capital letter or quote, and at
// blank lines; lines shorter than four words (datelines, bylines) are dropped.
func splitSentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		para = strings.TrimSpace(para)
		start := 0
		for i := 0; i < len(para)-2; i++ {
			if (para[i] == '.' || para[i] == '!' || para[i] == '?') && para[i+1] == ' ' {
				r := rune(para[i+2])
				if unicode.IsUpper(r) || r == '"' {
					out = appendSentence(out, para[start:i+1])
					start = i + 2
				}
			}
		}
		out = appendSentence(out, para[start:])
	}
	return out
}

func appendSentence(out []string, s string) []string {
	s = strings.TrimSpace(s)
	if len(strings.Fields(s)) < 4 {
		return out
	}
	return append(out, s)
}

// token is a word or a punctuation mark with its byte offsets.
type token struct {
	text       string
	start, end int
}

func tokenize(s string) []token {
	var out []token
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' }
	start := -1
	for i, r := range s {
		switch {
		case isWord(r):
			if start < 0 {
				start = i
			}
		default:
			if start >= 0 {
				out = append(out, token{s[start:i], start, i})
				start = -1
			}
			if !unicode.IsSpace(r) {
				out = append(out, token{s[i : i+len(string(r))], i, i + len(string(r))})
			}
		}
	}
	if start >= 0 {
		out = append(out, token{s[start:], start, len(s)})
	}
	return out
}

// findSpans finds office holders (two or three words, as the lexicon spells them) and the
// lexicon's countries, organisations and places in s.
func findSpans(s string, lex *lexicon.Lexicon, people map[string]bool) []span {
	toks := tokenize(s)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.text
	}
	var out []span
	for len(toks) > 0 {
		if n := personAt(toks, people); n > 0 {
			out = append(out, span{toks[0].start, toks[n-1].end, kPerson, s[toks[0].start:toks[n-1].end]})
			toks, words = toks[n:], words[n:]
			continue
		}
		e, n, ok := lex.Lookup(words)
		if ok && !e.Ambiguous && n <= len(toks) {
			if k, swap := entryKind(e); swap {
				out = append(out, span{toks[0].start, toks[n-1].end, k, s[toks[0].start:toks[n-1].end]})
			}
			toks, words = toks[n:], words[n:]
			continue
		}
		toks, words = toks[1:], words[1:]
	}
	return out
}

func personAt(toks []token, people map[string]bool) int {
	for n := 3; n >= 2; n-- {
		if len(toks) < n {
			continue
		}
		parts := make([]string, n)
		for i := range parts {
			parts[i] = toks[i].text
		}
		if people[strings.Join(parts, " ")] {
			return n
		}
	}
	return 0
}

func entryKind(e lexicon.Entry) (kind, bool) {
	switch string(e.Label) {
	case "Country":
		return kCountry, e.Kind == "country"
	case "Organization":
		return kOrg, true
	case "Place":
		return kPlace, e.Kind == "city"
	}
	return 0, false
}

// Generate writes n articles as JSON Lines. The same corpus, seed and n give the same bytes;
// article i does not depend on n, so a larger corpus extends a smaller one.
func (c *Corpus) Generate(w io.Writer, n int, seed uint64) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for i := 0; i < n; i++ {
		if err := enc.Encode(c.article(i, seed)); err != nil {
			return err
		}
	}
	return bw.Flush()
}

var epoch = time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)

// article builds article i: a run of sentences of one source document with a few sentences of
// others mixed in, every entity swapped (consistently within the article) for one of its pool
// with probability 3/4, a date in 2015–2026.
func (c *Corpus) article(i int, seed uint64) Article {
	rng := rand.New(rand.NewPCG(seed, uint64(i)))
	doc := c.docs[rng.IntN(len(c.docs))]
	n := 6 + rng.IntN(15)
	first := rng.IntN(len(doc))
	swaps := map[string]string{}
	var sb strings.Builder
	for j := 0; j < n; j++ {
		s := doc[(first+j)%len(doc)]
		if rng.IntN(5) == 0 {
			other := c.docs[rng.IntN(len(c.docs))]
			s = other[rng.IntN(len(other))]
		}
		if j > 0 {
			sb.WriteString(" ")
			if j%4 == 0 {
				sb.WriteString("\n\n")
			}
		}
		sb.WriteString(c.swap(s, swaps, rng))
	}
	text := sb.String()
	day := epoch.AddDate(0, 0, rng.IntN(12*365))
	id := fmt.Sprintf("scale-%07d", i)
	return Article{ID: id, Title: title(text), URL: "https://scale.newsgraph.example/" + id,
		Published: day.Format("2006-01-02"), Text: text}
}

func (c *Corpus) swap(s sentence, swaps map[string]string, rng *rand.Rand) string {
	var sb strings.Builder
	at := 0
	for _, sp := range s.spans {
		sb.WriteString(s.text[at:sp.start])
		repl, ok := swaps[sp.name]
		if !ok {
			repl = sp.name
			if pool := c.pools[sp.kind]; len(pool) > 0 && rng.IntN(4) > 0 {
				repl = pool[rng.IntN(len(pool))]
			}
			swaps[sp.name] = repl
		}
		sb.WriteString(repl)
		at = sp.end
	}
	sb.WriteString(s.text[at:])
	return sb.String()
}

func title(text string) string {
	words := strings.Fields(text)
	if len(words) > 12 {
		words = words[:12]
	}
	return strings.TrimRight(strings.Join(words, " "), ".,;:")
}
