package graph

import (
	"strings"
	"unicode"

	"github.com/mozillazg/go-unidecode"
)

// idPrefix maps each entity label to the prefix of its ids ("person:mark-rutte").
var idPrefix = map[Label]string{
	LabelPerson:       "person",
	LabelCountry:      "country",
	LabelOrganization: "org",
	LabelPlace:        "place",
	LabelEvent:        "event",
}

// Fold turns s into lower-case ASCII: accents and other marks dropped, other scripts
// transliterated ("Zelenskyy" stays, "Łukasz" -> "lukasz", "Türkiye" -> "turkiye").
func Fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if !ascii {
		s = unidecode.Unidecode(s)
	}
	return strings.ToLower(s)
}

// Slug folds s and joins its letter and digit runs with hyphens: "Volodymyr Zelenskiy" ->
// "volodymyr-zelenskiy", "NATO summit in The Hague" -> "nato-summit-in-the-hague".
func Slug(s string) string {
	s = Fold(s)
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		if r == '\'' || r == '\u2019' { // "People's" -> "peoples"
			continue
		}
		dash = true
	}
	return b.String()
}

// NodeID is the deterministic id of an entity: the label's prefix and the slug of its
// canonical name. It returns "" for Article (whose id is the article id itself) or an
// unknown label.
func NodeID(l Label, name string) string {
	p, ok := idPrefix[l]
	if !ok {
		return ""
	}
	return p + ":" + Slug(name)
}

// LabelOfID returns the label encoded in an entity id's prefix, or false when the id has
// no known prefix (article ids have none).
func LabelOfID(id string) (Label, bool) {
	i := strings.IndexByte(id, ':')
	if i <= 0 {
		return "", false
	}
	p := id[:i]
	for l, x := range idPrefix {
		if x == p {
			return l, i+1 < len(id)
		}
	}
	return "", false
}
