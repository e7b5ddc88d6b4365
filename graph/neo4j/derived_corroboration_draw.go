package neo4j

import (
	"fmt"
	"sort"

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
// read again from the graph (factRecomputeStmt: the relationships between its two nodes).

// factRecomputeStmt returns every relationship of the facts given (key, type, the ids and
// element ids of their ends x and y): those between the two nodes whose fact key
// (factKeyExpr) is the fact's.
var factRecomputeStmt = noReplan + `UNWIND $facts AS f
OPTIONAL MATCH (x) WHERE elementId(x) = f.xe AND x.id = f.x
OPTIONAL MATCH (y) WHERE elementId(y) = f.ye AND y.id = f.y
CALL (x, y, f) {
  OPTIONAL MATCH (x)-[r]-(y) WHERE type(r) = f.t
  WITH DISTINCT r WHERE r IS NOT NULL
  WITH r, type(r) AS t, startNode(r) AS a, endNode(r) AS b
  WHERE ` + factKeyExpr("t", "a", "b", "r") + ` = f.key
  RETURN collect([elementId(r), r.date, r.article, r.key, r.status]) AS rels
}
RETURN f.key AS k, rels`

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
	var again []string
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
	facts := make([]any, 0, len(again))
	for _, k := range again {
		ends, ok := w.facts.ends[k]
		if !ok { // again holds facts that lost a relationship the transaction read: never here
			return nil, fmt.Errorf("reading the facts whose drawn relationship went: no ends known for fact %q", k)
		}
		f := w.facts.touched[k]
		facts = append(facts, map[string]any{"key": k, "t": f.t, "x": f.x, "y": f.y, "xe": ends[0], "ye": ends[1]})
	}
	got, err := w.all("reading the facts whose drawn relationship went", factRecomputeStmt, map[string]any{"facts": facts})
	if err != nil {
		return nil, err
	}
	for _, r := range got {
		var rels []tieRel
		list, _ := r.Values[1].([]any)
		for _, x := range list {
			if v, _ := x.([]any); len(v) == 5 {
				rels = append(rels, tieRel{eid: str(v[0]), date: str(v[1]), art: str(v[2]), key: str(v[3]), status: str(v[4])})
			}
		}
		s := sideOf(rels)
		out[str(r.Values[0])] = &s
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
