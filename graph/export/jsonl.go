package export

import (
	"fmt"
	"io"

	"github.com/newsgraph/newsgraph/graph"
)

// RuleNodeArticles is the rule the loader gives a MENTIONS relationship implied by a
// node record's "articles" list (graph/neo4j.RuleNodeArticles): such relationships go
// back into that list instead of becoming edge records.
const RuleNodeArticles = "node.articles"

// Stats counts what JSONL wrote and what it could not carry.
type Stats struct {
	Articles, Nodes, Edges int
	// Dropped lists properties the contract has no place for ("Article.x"), and
	// nodes or relationships outside the model, each once.
	Dropped []string
}

// Properties the contract carries in fields of its own.
var (
	articleFields = map[string]bool{"id": true, "title": true, "source": true, "url": true, "published": true,
		"published_source": true, "words": true, "hash": true, "doc_key": true,
		"etag": true, "last_modified": true, "load_hash": true} // load_hash: load's own, recomputed on load
	nodeFields = map[string]bool{"id": true, "name": true, "aliases": true}
	edgeFields = map[string]bool{"key": true, "article": true, "status": true, "date": true, "date_precision": true,
		"date_source": true, "place": true, "topic": true, "cameo": true, "confidence": true, "rule": true,
		"title": true, "source": true, "sentence": true, "start": true, "end": true}
)

// JSONL writes the snapshot as the extraction contract (meta, articles, nodes, edges), so
// that `newsgraph load` re-imports the same graph. MENTIONS relationships with rule
// node.articles become the nodes' "articles" lists; every other relationship is an edge.
func JSONL(w io.Writer, s *Snapshot) (Stats, error) {
	var st Stats
	dropped := map[string]bool{}
	drop := func(what string) {
		if !dropped[what] {
			dropped[what] = true
			st.Dropped = append(st.Dropped, what)
		}
	}
	labelOf := map[string]string{}
	for _, n := range s.Nodes {
		labelOf[n.ID] = n.label()
	}
	mentions := map[string][]string{} // node id -> article ids
	var edges []graph.Edge
	for _, r := range s.Rels {
		p := r.Props
		if r.Type == string(graph.RelMentions) && str(p["rule"]) == RuleNodeArticles {
			mentions[r.To] = append(mentions[r.To], r.From)
			continue
		}
		if !graph.RelType(r.Type).Valid() {
			drop("relationship type " + r.Type)
			continue
		}
		e := graph.Edge{Kind: graph.KindEdge, Type: graph.RelType(r.Type), From: r.From, To: r.To,
			Article: str(p["article"]), Status: graph.Status(str(p["status"])), Date: str(p["date"]),
			DatePrecision: str(p["date_precision"]), DateSource: str(p["date_source"]), Place: str(p["place"]),
			Topic: str(p["topic"]), Cameo: str(p["cameo"]), Confidence: num(p["confidence"]), Rule: str(p["rule"]),
			Title: str(p["title"]), Source: str(p["source"]),
			Evidence: graph.Evidence{Sentence: str(p["sentence"]), Start: int(num(p["start"])), End: int(num(p["end"]))}}
		for _, k := range sortedKeys(p) {
			if edgeFields[k] {
				continue
			}
			if e.Props == nil {
				e.Props = map[string]any{}
			}
			e.Props[k] = p[k]
		}
		edges = append(edges, e)
	}

	out := graph.NewWriter(w)
	if err := out.Write(graph.Meta{Kind: graph.KindMeta, Contract: graph.ContractVersion, Generator: "newsgraph export"}); err != nil {
		return st, err
	}
	for _, n := range s.Nodes {
		if n.label() != string(graph.LabelArticle) {
			continue
		}
		p := n.Props
		a := graph.Article{Kind: graph.KindArticle, ID: n.ID, Source: str(p["source"]), Title: str(p["title"]), URL: str(p["url"]),
			Published: str(p["published"]), PublishedSource: str(p["published_source"]), Words: int(num(p["words"])), Hash: str(p["hash"]),
			DocKey: str(p["doc_key"]), ETag: str(p["etag"]), LastModified: str(p["last_modified"])}
		for k := range p {
			if !articleFields[k] {
				drop("Article." + k)
			}
		}
		if err := out.Write(&a); err != nil {
			return st, err
		}
		st.Articles++
	}
	for _, n := range s.Nodes {
		l := n.label()
		if l == string(graph.LabelArticle) {
			continue
		}
		if !graph.Label(l).Valid() {
			drop("node label " + l)
			continue
		}
		rec := graph.Node{Kind: graph.KindNode, ID: n.ID, Label: graph.Label(l), Name: str(n.Props["name"]), Articles: mentions[n.ID]}
		if al, ok := n.Props["aliases"].([]any); ok {
			for _, a := range al {
				if s, ok := a.(string); ok {
					rec.Aliases = append(rec.Aliases, s)
				}
			}
		}
		for _, k := range sortedKeys(n.Props) {
			if nodeFields[k] {
				continue
			}
			if rec.Props == nil {
				rec.Props = map[string]any{}
			}
			rec.Props[k] = n.Props[k]
		}
		if err := out.Write(&rec); err != nil {
			return st, err
		}
		st.Nodes++
	}
	for i := range edges {
		if err := out.Write(&edges[i]); err != nil {
			return st, err
		}
		st.Edges++
	}
	if err := out.Flush(); err != nil {
		return st, fmt.Errorf("writing JSON Lines: %w", err)
	}
	return st, nil
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func num(v any) float64 {
	switch x := v.(type) {
	case int64:
		return float64(x)
	case float64:
		return x
	case int:
		return float64(x)
	}
	return 0
}
