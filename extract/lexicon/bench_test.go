package lexicon

import (
	"strings"
	"testing"
	"unicode"
)

// benchText is written for the benchmark in the style of wire copy; it is not a seed article.
const benchText = `WASHINGTON (Reuters) - U.S. Secretary of State Marco Rubio met his Ukrainian counterpart
in Brussels on Thursday as NATO foreign ministers gathered ahead of the summit in The Hague,
the State Department said. The North Atlantic Treaty Organization's Secretary-General urged
European allies to raise defence spending, while the Kremlin accused Britain and France of
prolonging the war. Russian President Vladimir Putin's spokesman told TASS that Moscow was
ready for talks. In Kyiv, officials said drones struck Kharkiv and Odesa overnight. The
White House declined to comment; a Pentagon spokeswoman said Defense Secretary Pete Hegseth
would travel to Germany and Poland next week. China and India abstained at the UN Security
Council, and the European Commission President said the EU would keep its sanctions on the
Russian Federation until a ceasefire. Turkey's foreign minister spoke by phone with Iranian
and Israeli officials about the Gaza Strip and the Middle East, Al Jazeera reported.`

// splitWords is a simple stand-in for uax29 word segmentation: letters/digits with inner
// periods and apostrophes form words, other non-space characters are single tokens.
func splitWords(s string) []string {
	var out []string
	rs := []rune(s)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) ||
				((rs[j] == '.' || rs[j] == '\'' || rs[j] == '’') && j+1 < len(rs) && unicode.IsLetter(rs[j+1]))) {
				j++
			}
			out = append(out, string(rs[i:j]))
			i = j
		default:
			out = append(out, string(r))
			i++
		}
	}
	return out
}

func benchTokens() []string {
	t := splitWords(strings.Repeat(benchText+"\n", 20))
	return t
}

// BenchmarkLookup runs Lookup at every token position, as a recogniser scanning text does.
// ns/op divided by tokens/op is the cost per token (reported as ns/token).
func BenchmarkLookup(b *testing.B) {
	l := Default()
	toks := benchTokens()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range toks {
			l.Lookup(toks[j:])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(toks)), "ns/token")
}

// BenchmarkScan is Lookup, Title and the word predicates at every position.
func BenchmarkScan(b *testing.B) {
	l := Default()
	toks := benchTokens()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for j := range toks {
			l.Lookup(toks[j:])
			l.Title(toks[j:])
			l.IsFirstName(toks[j])
			l.IsStopWord(toks[j])
			l.Demonym(toks[j])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(toks)), "ns/token")
}

func BenchmarkDefaultLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Load(""); err != nil {
			b.Fatal(err)
		}
	}
}
