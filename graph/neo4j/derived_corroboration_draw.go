package neo4j

import (
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Besides its count, each fact node keeps what the report shows of its relationships, so that
// the report reads no relationship of a fact it does not draw (the top facts of a 100k graph
// have thousands each):
//
//	arts  the distinct articles stating it, sorted (the report's article_ids)
//	new   its 10 newest relationships (the drawing: date descending, then article and key),
//	      as newestKey strings, whose part after the last U+0000 is the element id
//	rels  how many relationships it has
//
// They are kept by difference as country_pairs' ties keep theirs (tieSide.update): the
// relationships of the articles the transaction replaced go out, those it wrote come in; the
// articles the transaction read or wrote are dropped from arts and those stating the fact
// now added back (exact because an article's relationships are all in one transaction). Only
// when a drawn relationship went while the fact has others that may take its place is the fact
// read again from the graph (factRecomputeStmt).

// factRecomputeStmt returns every relationship of the facts given by key, by the `fact` index
// of the key's type (the key starts with it; the other types seek null).
var factRecomputeStmt = func() string {
	var b strings.Builder
	b.WriteString(noReplan + "UNWIND $keys AS k\nCALL (k) {\n")
	for i, t := range factTypes() {
		if i > 0 {
			b.WriteString("  UNION ALL\n")
		}
		fmt.Fprintf(&b, "  MATCH ()-[r:%[1]s]->() USING INDEX r:%[1]s(%[2]s) WHERE r.%[2]s = CASE WHEN k STARTS WITH '%[3]s' THEN k END RETURN r\n",
			ident(string(t)), RelFactProperty, string(t)+factSep)
	}
	b.WriteString("}\nRETURN k, elementId(r) AS rid, r.date AS date, r.article AS art, r.key AS rkey, r.status AS status")
	return b.String()
}()

// tieRels makes the drawing's relationships of fact relationships.
func tieRels(rels []factRel) []tieRel {
	out := make([]tieRel, len(rels))
	for i, r := range rels {
		out[i] = tieRel{eid: r.rid, date: r.date, art: r.art, key: r.key, status: r.status}
	}
	return out
}

// factDraws brings the articles and drawing of every locked fact (recs: factLockStmt's
// records) up to date with the relationships the transaction replaced (w.facts.rels) and wrote
// (now), reading again from the graph the facts that lost a drawn relationship.
func (w *txWriter) factDraws(recs []*neo4j.Record, now map[string][]factRel) (map[string]*tieSide, error) {
	out := map[string]*tieSide{}
	var again []any
	for _, r := range recs {
		k, _ := r.Values[0].(string)
		s := &tieSide{sc: make([]int64, len(tieStatuses)), arts: map[string]bool{}, newest: strs(r.Values[11])}
		s.n, _ = r.Values[12].(int64)
		for _, a := range strs(r.Values[10]) {
			s.arts[a] = true
		}
		if !s.update(tieRels(w.facts.rels[k]), tieRels(now[k]), w.facts.arts) {
			again = append(again, k)
		}
		out[k] = s
	}
	if len(again) == 0 {
		return out, nil
	}
	got, err := w.all("reading the facts whose drawn relationship went", factRecomputeStmt, map[string]any{"keys": again})
	if err != nil {
		return nil, err
	}
	rels := map[string][]tieRel{}
	for _, r := range got {
		k, _ := r.Values[0].(string)
		rels[k] = append(rels[k], tieRel{eid: str(r.Values[1]), date: str(r.Values[2]), art: str(r.Values[3]), key: str(r.Values[4]), status: str(r.Values[5])})
	}
	for _, k := range again {
		s := sideOf(rels[k.(string)])
		out[k.(string)] = &s
	}
	return out, nil
}

// setOn puts the kept articles, drawing and count into a fact's row.
func (s *tieSide) setOn(row map[string]any) {
	arts := make([]string, 0, len(s.arts))
	for a := range s.arts {
		arts = append(arts, a)
	}
	sort.Strings(arts)
	row["arts"], row["new"], row["rels"] = anyList(arts), anyList(s.newest), s.n
}
