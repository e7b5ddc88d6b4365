// name: corroboration
// summary: Facts by the number of articles that state them; single-source facts stand out
// params: min_articles int = 1, single_source_only bool = false, type string = "", limit int(0..) = 100
// description: A fact is a relationship type between the same two nodes (either order for MET and
// description: SPOKE_WITH), with the same status, role title and month (facts dated 2025-06-24 and
// description: 2025-06-25 are one fact; 2024-11 and 2025-06 are two). MENTIONS are left out.
// description: type filters by relationship type (e.g. MET).

// The loader keeps a CorroborationFact node per fact (graph/neo4j/derived_corroboration.go), with
// its number of articles and `sort`, a string whose order is the
// report's (articles descending as 9999999999 - articles in ten digits, relation, subject, object,
// month, status, joined by U+0001); `tsort` is the type and `sort`; and the fact's key on each of
// its relationships (`fact`). The report reads the first $limit facts of the range of the index the
// filters allow, in index order.
WITH toUpper($type) AS t,
     CASE WHEN $single_source_only THEN '9999999998' ELSE '' END AS lo,
     right('0000000000' + toString(CASE WHEN $min_articles > 9999999999 THEN 0
                                        WHEN $min_articles < 1 THEN 9999999999
                                        ELSE 9999999999 - ($min_articles - 1) END), 10) AS hi
CALL (t, lo, hi) {
  MATCH (f:CorroborationFact)
  WHERE f.sort >= CASE t WHEN '' THEN lo ELSE 'x' END AND f.sort < CASE t WHEN '' THEN hi ELSE 'x' END
  RETURN f ORDER BY f.sort LIMIT $limit
  UNION ALL
  MATCH (f:CorroborationFact)
  WHERE f.tsort >= CASE t WHEN '' THEN 'x' ELSE t + '\u0001' + lo END
    AND f.tsort < CASE t WHEN '' THEN 'x' ELSE t + '\u0001' + hi END
  RETURN f ORDER BY f.tsort LIMIT $limit
}
// The fact's relationships: a seek of its type's index on `fact` (hinted: a plan made on a small
// graph may scan the type instead; the other types seek null, which finds nothing); its article ids and the drawing's graph values come from them.
CALL (f) {
  MATCH ()-[r:MET]->() USING INDEX r:MET(fact) WHERE r.fact = CASE f.type WHEN 'MET' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:SPOKE_WITH]->() USING INDEX r:SPOKE_WITH(fact) WHERE r.fact = CASE f.type WHEN 'SPOKE_WITH' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:PRESSURED]->() USING INDEX r:PRESSURED(fact) WHERE r.fact = CASE f.type WHEN 'PRESSURED' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:CRITICIZED]->() USING INDEX r:CRITICIZED(fact) WHERE r.fact = CASE f.type WHEN 'CRITICIZED' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:SUPPORTED]->() USING INDEX r:SUPPORTED(fact) WHERE r.fact = CASE f.type WHEN 'SUPPORTED' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:VISITED]->() USING INDEX r:VISITED(fact) WHERE r.fact = CASE f.type WHEN 'VISITED' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:ATTENDED]->() USING INDEX r:ATTENDED(fact) WHERE r.fact = CASE f.type WHEN 'ATTENDED' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:HOSTED]->() USING INDEX r:HOSTED(fact) WHERE r.fact = CASE f.type WHEN 'HOSTED' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:HOLDS_ROLE]->() USING INDEX r:HOLDS_ROLE(fact) WHERE r.fact = CASE f.type WHEN 'HOLDS_ROLE' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:MEMBER_OF]->() USING INDEX r:MEMBER_OF(fact) WHERE r.fact = CASE f.type WHEN 'MEMBER_OF' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:LOCATED_IN]->() USING INDEX r:LOCATED_IN(fact) WHERE r.fact = CASE f.type WHEN 'LOCATED_IN' THEN f.key END RETURN r
  UNION ALL
  MATCH ()-[r:HELD_IN]->() USING INDEX r:HELD_IN(fact) WHERE r.fact = CASE f.type WHEN 'HELD_IN' THEN f.key END RETURN r
}
WITH f, collect(r) AS rs
// One pass over the relationships reads each one's article and date, for the article ids
// (joined a hundred at a time, one row per part, then those parts: joining thousands one by
// one copies the growing string each time, and the parts as a list comprehension took 150 ms
// for 100 facts of a few articles each) and the drawing: at most 10 relationships, those of the fact's
// newest articles (date descending, then article, then key; the key is read only for those
// tied with the tenth): the top facts grow with the graph (thousands of relationships at 100k).
CALL (rs) {
  UNWIND rs AS r
  WITH r, r.article AS a, coalesce(r.date, '') AS d
  ORDER BY d DESC, a
  WITH collect(a) AS as, collect({r: r, d: d, a: a}) AS xs
  WITH as, xs, xs[9] AS tenth
  CALL (xs, tenth) {
    UNWIND [x IN xs WHERE tenth IS NULL OR x.d > tenth.d OR (x.d = tenth.d AND x.a <= tenth.a)] AS x
    WITH x.r AS r ORDER BY x.d DESC, x.a, r.key LIMIT 10
    RETURN collect(r) AS drawn
  }
  CALL (as) {
    UNWIND as AS a
    WITH DISTINCT a WHERE a IS NOT NULL
    ORDER BY a
    WITH collect(a) AS ids
    UNWIND range(0, size(ids) - 1, 100) AS i
    WITH i, reduce(s = '', a IN ids[i..i + 100] | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS part
    ORDER BY i
    WITH collect(part) AS parts
    RETURN reduce(s = '', p IN parts | s + CASE s WHEN '' THEN '' ELSE ', ' END + p) AS article_ids
  }
  RETURN drawn, article_ids
}
WITH f, drawn, article_ids, startNode(head(rs)) AS s0, endNode(head(rs)) AS e0
RETURN f.subject AS subject, f.type + CASE WHEN f.title IS NULL THEN '' ELSE ' (' + f.title + ')' END AS relation,
       f.object AS object, f.status AS status, CASE f.month WHEN '' THEN null ELSE f.month END AS month,
       f.articles AS articles, CASE WHEN f.articles = 1 THEN 'single source' ELSE 'corroborated' END AS support,
       article_ids,
       CASE WHEN s0.id = f.x THEN [s0, e0] ELSE [e0, s0] END AS _nodes, drawn AS _rels
// The rows kept were chosen in `sort` order (an undated fact's month '' before every month); they
// are shown with the undated facts' month null, so after the dated ones of the same sort keys.
ORDER BY articles DESC, relation, subject, object, month, status, f.sort
