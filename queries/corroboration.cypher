// name: corroboration
// summary: Facts by the number of articles that state them; single-source facts stand out
// params: min_articles int = 1, single_source_only bool = false, type string = "", limit int(0..) = 100
// description: A fact is a relationship type between the same two nodes (either order for MET and
// description: SPOKE_WITH), with the same status, role title and month (facts dated 2025-06-24 and
// description: 2025-06-25 are one fact; 2024-11 and 2025-06 are two). MENTIONS are left out.
// description: type filters by relationship type (e.g. MET).

// One relationship-type scan per type (the types but MENTIONS), not an expansion of every node.
CALL {
  MATCH (a)-[r:MET]->(b) WHERE $type = '' OR toUpper($type) = 'MET' RETURN r, 'MET' AS t, a, b
  UNION ALL
  MATCH (a)-[r:SPOKE_WITH]->(b) WHERE $type = '' OR toUpper($type) = 'SPOKE_WITH' RETURN r, 'SPOKE_WITH' AS t, a, b
  UNION ALL
  MATCH (a)-[r:PRESSURED]->(b) WHERE $type = '' OR toUpper($type) = 'PRESSURED' RETURN r, 'PRESSURED' AS t, a, b
  UNION ALL
  MATCH (a)-[r:CRITICIZED]->(b) WHERE $type = '' OR toUpper($type) = 'CRITICIZED' RETURN r, 'CRITICIZED' AS t, a, b
  UNION ALL
  MATCH (a)-[r:SUPPORTED]->(b) WHERE $type = '' OR toUpper($type) = 'SUPPORTED' RETURN r, 'SUPPORTED' AS t, a, b
  UNION ALL
  MATCH (a)-[r:VISITED]->(b) WHERE $type = '' OR toUpper($type) = 'VISITED' RETURN r, 'VISITED' AS t, a, b
  UNION ALL
  MATCH (a)-[r:ATTENDED]->(b) WHERE $type = '' OR toUpper($type) = 'ATTENDED' RETURN r, 'ATTENDED' AS t, a, b
  UNION ALL
  MATCH (a)-[r:HOSTED]->(b) WHERE $type = '' OR toUpper($type) = 'HOSTED' RETURN r, 'HOSTED' AS t, a, b
  UNION ALL
  MATCH (a)-[r:HOLDS_ROLE]->(b) WHERE $type = '' OR toUpper($type) = 'HOLDS_ROLE' RETURN r, 'HOLDS_ROLE' AS t, a, b
  UNION ALL
  MATCH (a)-[r:MEMBER_OF]->(b) WHERE $type = '' OR toUpper($type) = 'MEMBER_OF' RETURN r, 'MEMBER_OF' AS t, a, b
  UNION ALL
  MATCH (a)-[r:LOCATED_IN]->(b) WHERE $type = '' OR toUpper($type) = 'LOCATED_IN' RETURN r, 'LOCATED_IN' AS t, a, b
  UNION ALL
  MATCH (a)-[r:HELD_IN]->(b) WHERE $type = '' OR toUpper($type) = 'HELD_IN' RETURN r, 'HELD_IN' AS t, a, b
}
WITH r, t, t IN ['MET', 'SPOKE_WITH'] AND b.id < a.id AS swap, a, b
WITH r, t, CASE WHEN swap THEN b ELSE a END AS x, CASE WHEN swap THEN a ELSE b END AS y
// Each fact keeps its relationships (references, not their properties): the rows kept read their
// article ids and paths from them instead of matching the two nodes again.
WITH x, t, y, r.status AS status, r.title AS title, left(coalesce(r.date, ''), 7) AS month,
     count(DISTINCT r.article) AS articles, collect(r) AS rs
WHERE articles >= $min_articles AND (NOT $single_source_only OR articles = 1)
WITH x, t, y, status, title, month, articles, rs, x.name AS subject, y.name AS object,
     t + CASE WHEN title IS NULL THEN '' ELSE ' (' + title + ')' END AS relation
ORDER BY articles DESC, relation, subject, object, month, status
LIMIT $limit
CALL (rs) {
  UNWIND rs AS r
  WITH DISTINCT r.article AS a WHERE a IS NOT NULL
  ORDER BY a
  RETURN reduce(s = '', a IN collect(a) | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS article_ids
}
// The drawing's graph values: the fact's relationships and its two nodes (a path per relationship
// repeated both nodes in every one of them).
RETURN subject, relation, object, status, CASE month WHEN '' THEN null ELSE month END AS month, articles,
       CASE WHEN articles = 1 THEN 'single source' ELSE 'corroborated' END AS support, article_ids,
       [x, y] AS _nodes, rs AS _rels
ORDER BY articles DESC, relation, subject, object, month, status
