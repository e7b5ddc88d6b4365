package resolve

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/article"
)

func TestNameKeys(t *testing.T) {
	same := [][2]string{{"Zelensky", "Zelenskiy"}, {"Zelenskyy", "Zelensky"}, {"Zelenskij", "Zelenskyi"}}
	for _, p := range same {
		if article.NameKey(p[0]) != article.NameKey(p[1]) {
			t.Errorf("%s and %s should share a key", p[0], p[1])
		}
	}
	apart := [][2]string{{"Scholz", "Schulz"}, {"Niger", "Nigeria"}, {"Johnson", "Johnston"}}
	for _, p := range apart {
		if article.NameKey(p[0]) == article.NameKey(p[1]) {
			t.Errorf("%s and %s must not share a key", p[0], p[1])
		}
	}
}

func TestSplitName(t *testing.T) {
	cases := []struct{ in, first, last string }{
		{"Mark Rutte", "Mark", "Rutte"},
		{"J. D. Vance", "JD", "Vance"},
		{"JD Vance", "JD", "Vance"},
		{"Donald J. Trump", "Donald", "Trump"},
		{"Ferdinand Marcos Jr.", "Ferdinand", "Marcos"},
		{"Rutte", "", "Rutte"},
	}
	for _, c := range cases {
		f, l := splitName(c.in)
		if f != c.first || l != c.last {
			t.Errorf("splitName(%q) = %q, %q; want %q, %q", c.in, f, l, c.first, c.last)
		}
	}
}
