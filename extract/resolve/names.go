package resolve

import (
	_ "embed"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
)

//go:embed data/surname_prefixes.txt
var surnamePrefixesTxt string

var surnamePrefixes = func() map[string]bool {
	m := map[string]bool{}
	for _, l := range strings.Split(surnamePrefixesTxt, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			m[l] = true
		}
	}
	return m
}()

var apostrophes = strings.NewReplacer("'", "", "’", "")

// surnameKey is the key of a surname for person ids and surname matching: article.NameKey
// (ASCII, lower case, -iy/-yy/-ij written -y) without apostrophes and without a hyphenated
// article prefix, so "al-Abadi", "Al Abadi" and "Abadi" agree, and "Ja'afari" is "Jaafari".
func surnameKey(last string) string {
	k := apostrophes.Replace(article.NameKey(last))
	if p, rest, ok := strings.Cut(k, "-"); ok && rest != "" && surnamePrefixes[p] {
		k = rest
	}
	return k
}
