// name: corroboration
// summary: Facts by the number of articles that state them; single-source facts stand out
// params: min_articles int = 1, single_source_only bool = false, type string = "", limit int(0..) = 100
// description: A fact is a relationship type between the same two nodes (either order for MET and
// description: SPOKE_WITH), with the same status, role title and month (facts dated 2025-06-24 and
// description: 2025-06-25 are one fact; 2024-11 and 2025-06 are two). MENTIONS are left out.
// description: type filters by relationship type (e.g. MET).
MATCH (a)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|HELD_IN]->(b)
WHERE $type = '' OR type(r) = toUpper($type)
WITH r, type(r) AS t, a, b
WITH r, t, t IN ['MET', 'SPOKE_WITH'] AND b.id < a.id AS swap, a, b
WITH r, t, CASE WHEN swap THEN b ELSE a END AS x, CASE WHEN swap THEN a ELSE b END AS y
WITH x, t, y, r.status AS status, r.title AS title, left(coalesce(r.date, ''), 7) AS month,
     collect(DISTINCT r.article) AS unsorted, collect(r) AS rels
WITH x, t, y, status, title, month, rels, size(unsorted) AS articles,
     reduce(acc = [], a IN unsorted | [v IN acc WHERE v < a] + a + [v IN acc WHERE v >= a]) AS arts
WHERE articles >= $min_articles AND (NOT $single_source_only OR articles = 1)
WITH x.name AS subject, t + CASE WHEN title IS NULL THEN '' ELSE ' (' + title + ')' END AS relation, y.name AS object,
     status, CASE month WHEN '' THEN null ELSE month END AS month, articles,
     CASE WHEN articles = 1 THEN 'single source' ELSE 'corroborated' END AS support,
     reduce(s = '', a IN arts | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS article_ids, rels
ORDER BY articles DESC, relation, subject, object, month, status
LIMIT $limit
CALL (rels) {
  UNWIND rels AS r
  MATCH p = ()-[r]->()
  RETURN collect(p) AS paths
}
RETURN subject, relation, object, status, month, articles, support, article_ids, paths AS _paths
ORDER BY articles DESC, relation, subject, object, month, status
