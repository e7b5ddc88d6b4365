package graph

import "strings"

// ownStrings gives every string of a record (*Edge, *Node, *Article, *Meta) bytes of its
// own and says whether v is one of them. go-json's strings point into the buffer they were
// decoded from: a record's id kept in an index would hold the whole record's bytes in memory
// (TestScanPlanBytesPerArticle). Field by field: reflection took most of what go-json saves.
func ownStrings(v any) bool {
	c := strings.Clone
	switch r := v.(type) {
	case *Edge:
		r.Kind, r.Type, r.From, r.To, r.Article = c(r.Kind), RelType(c(string(r.Type))), c(r.From), c(r.To), c(r.Article)
		r.Status, r.Date, r.DatePrecision, r.DateSource = Status(c(string(r.Status))), c(r.Date), c(r.DatePrecision), c(r.DateSource)
		r.Place, r.Topic, r.Cameo, r.Rule, r.Title, r.Source = c(r.Place), c(r.Topic), c(r.Cameo), c(r.Rule), c(r.Title), c(r.Source)
		r.Evidence.Sentence = c(r.Evidence.Sentence)
		r.Props = ownMapAny(r.Props)
	case *Node:
		r.Kind, r.ID, r.Label, r.Name = c(r.Kind), c(r.ID), Label(c(string(r.Label))), c(r.Name)
		ownSlice(r.Aliases)
		ownSlice(r.Articles)
		r.Props = ownMapAny(r.Props)
	case *Article:
		r.Kind, r.ID, r.Source, r.Title, r.URL = c(r.Kind), c(r.ID), c(r.Source), c(r.Title), c(r.URL)
		r.Published, r.PublishedSource, r.Hash, r.DocKey = c(r.Published), c(r.PublishedSource), c(r.Hash), c(r.DocKey)
		r.ETag, r.LastModified = c(r.ETag), c(r.LastModified)
	case *Meta:
		r.Kind, r.Contract, r.Generator = c(r.Kind), c(r.Contract), c(r.Generator)
	default:
		return false
	}
	return true
}

func ownSlice(s []string) {
	for i := range s {
		s[i] = strings.Clone(s[i])
	}
}

func ownMapAny(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.Clone(k)] = ownAny(v)
	}
	return out
}

func ownAny(v any) any {
	switch x := v.(type) {
	case string:
		return strings.Clone(x)
	case map[string]any:
		return ownMapAny(x)
	case []any:
		for i := range x {
			x[i] = ownAny(x[i])
		}
	}
	return v
}
