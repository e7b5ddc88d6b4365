package resolve

import "github.com/newsgraph/newsgraph/extract/article"

// Portable is a Result with every field exported, for extract's temporary file (its codec,
// extract/spillcodec.go, writes every field; TestSpillCodecEveryField): a pipeline that does
// not hold every article keeps its results in a temporary file between the phases of Cross.
type Portable struct {
	Doc         *article.Doc
	Merges      []Merge
	Events      []EventInfo
	Aliases     map[string][]string
	RoleAliases []PortableRoleAlias
}

// PortableRoleAlias is a role description of a person mention (Result.roleAliases).
type PortableRoleAlias struct {
	Mention int
	Phrase  string
}

// Portable returns r as a Portable (sharing its slices and maps).
func (r *Result) Portable() Portable {
	p := Portable{Doc: r.Doc, Merges: r.Merges, Events: r.Events, Aliases: r.Aliases}
	for _, ra := range r.roleAliases {
		p.RoleAliases = append(p.RoleAliases, PortableRoleAlias{ra.mention, ra.phrase})
	}
	return p
}

// Result returns the Result p holds (sharing its slices and maps).
func (p Portable) Result() *Result {
	r := &Result{Doc: p.Doc, Merges: p.Merges, Events: p.Events, Aliases: p.Aliases}
	for _, ra := range p.RoleAliases {
		r.roleAliases = append(r.roleAliases, roleAlias{ra.Mention, ra.Phrase})
	}
	return r
}
