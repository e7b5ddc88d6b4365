package graph

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
)

// ContractVersion is the version of the JSON Lines extraction contract. The first line of
// an extraction is a meta record naming it; load refuses a version it does not know.
const ContractVersion = "newsgraph-extract/1"

// Record kinds, the "kind" field of every JSON line.
const (
	KindMeta    = "meta"
	KindArticle = "article"
	KindNode    = "node"
	KindEdge    = "edge"
)

// Meta is the optional first record of an extraction.
type Meta struct {
	Kind      string `json:"kind"`
	Contract  string `json:"contract"`
	Generator string `json:"generator,omitempty"`
}

// Article is one source document.
type Article struct {
	Kind      string `json:"kind"`
	ID        string `json:"id"`
	Source    string `json:"source,omitempty"`
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"` // ISO date (YYYY-MM-DD) or ""
	// PublishedSource says where Published came from: metadata, dateline, html, none.
	PublishedSource string `json:"published_source,omitempty"`
	Words           int    `json:"words,omitempty"`
	// Hash of the article's text (its id, when it brings none of its own, is made from it).
	Hash string `json:"hash,omitempty"`
	// DocKey names the document across edits: the absolute path of a file ("" for
	// standard input and .jsonl records, whose ids are stable already). Loading an
	// article removes what the stored articles with the same DocKey and another id
	// supported: an edited file replaces its previous version.
	DocKey string `json:"doc_key,omitempty"`

	Line int `json:"-"` // line in the input it was read from (0 when built in memory)
}

// Node is one resolved entity.
type Node struct {
	Kind     string         `json:"kind"`
	ID       string         `json:"id"`
	Label    Label          `json:"label"`
	Name     string         `json:"name"`
	Aliases  []string       `json:"aliases,omitempty"`
	Articles []string       `json:"articles,omitempty"`
	Props    map[string]any `json:"props,omitempty"`

	Line int `json:"-"`
}

// Evidence ties a fact to the sentence that states it. Start and End are byte offsets of
// the sentence in the article's original text.
type Evidence struct {
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// Edge is one relationship, stated by one sentence of one article.
type Edge struct {
	Kind          string         `json:"kind"`
	Type          RelType        `json:"type"`
	From          string         `json:"from"`
	To            string         `json:"to"`
	Article       string         `json:"article"`
	Status        Status         `json:"status,omitempty"`
	Date          string         `json:"date,omitempty"`           // ISO date of the fact
	DatePrecision string         `json:"date_precision,omitempty"` // day, week, month, year
	DateSource    string         `json:"date_source,omitempty"`    // the phrase or "published"
	Place         string         `json:"place,omitempty"`          // node id of the place
	Topic         string         `json:"topic,omitempty"`
	Cameo         string         `json:"cameo,omitempty"`
	Confidence    float64        `json:"confidence,omitempty"`
	Rule          string         `json:"rule,omitempty"`
	Title         string         `json:"title,omitempty"`  // HOLDS_ROLE: the office
	Source        string         `json:"source,omitempty"` // reported speech: node id of who said it
	Evidence      Evidence       `json:"evidence"`
	Props         map[string]any `json:"props,omitempty"`

	Line int `json:"-"`
}

// Key identifies the fact an edge states within its article: one relationship per fact
// per article, so a reload merges instead of duplicating.
func (e *Edge) Key() string {
	h := sha1.New()
	for _, s := range []string{e.Article, string(e.Type), e.From, e.To, string(e.Status), e.Title} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:20]
}

// Document is a whole extraction: the articles, the entities and the relationships.
type Document struct {
	Meta     Meta
	Articles []Article
	Nodes    []Node
	Edges    []Edge
}

// MarshalLine renders any record as one JSON line (no trailing newline), HTML not escaped.
func MarshalLine(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return b, nil
}
