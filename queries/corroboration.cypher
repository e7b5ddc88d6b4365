// name: corroboration
// summary: Facts by the number of articles that state them; single-source facts stand out
// params: min_articles int = 1, single_source_only bool = false, type string = "", limit int(0..) = 100
// description: A fact is a relationship type between the same two nodes (either order for MET and
// description: SPOKE_WITH), with the same status, role title and month (facts dated 2025-06-24 and
// description: 2025-06-25 are one fact; 2024-11 and 2025-06 are two). MENTIONS are left out.
// description: type filters by relationship type (e.g. MET).
MATCH ()-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|HELD_IN]->()
WHERE $type = '' OR type(r) = toUpper($type)
WITH r, type(r) AS t, startNode(r) AS a, endNode(r) AS b
WITH r, t, t IN ['MET', 'SPOKE_WITH'] AND b.id < a.id AS swap, a, b
WITH r, t, CASE WHEN swap THEN b ELSE a END AS x, CASE WHEN swap THEN a ELSE b END AS y
// Only counts here: the article lists and the relationships are read again for the rows kept.
WITH x, t, y, r.status AS status, r.title AS title, left(coalesce(r.date, ''), 7) AS month,
     count(DISTINCT r.article) AS articles
WHERE articles >= $min_articles AND (NOT $single_source_only OR articles = 1)
WITH x, t, y, status, title, month, articles, x.name AS subject, y.name AS object,
     t + CASE WHEN title IS NULL THEN '' ELSE ' (' + title + ')' END AS relation
ORDER BY articles DESC, relation, subject, object, month, status
LIMIT $limit
CALL (x, t, y, status, title, month) {
  MATCH (x)-[r]-(y)
  WHERE type(r) = t AND (startNode(r) = x OR t IN ['MET', 'SPOKE_WITH'])
    AND (r.status = status OR (r.status IS NULL AND status IS NULL))
    AND (r.title = title OR (r.title IS NULL AND title IS NULL))
    AND left(coalesce(r.date, ''), 7) = month
  WITH DISTINCT r
  MATCH p = ()-[r]->()
  RETURN collect(p) AS paths, collect(DISTINCT r.article) AS unsorted
}
CALL (unsorted) {
  UNWIND unsorted AS a
  WITH a ORDER BY a
  RETURN reduce(s = '', a IN collect(a) | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS article_ids
}
RETURN subject, relation, object, status, CASE month WHEN '' THEN null ELSE month END AS month, articles,
       CASE WHEN articles = 1 THEN 'single source' ELSE 'corroborated' END AS support, article_ids, paths AS _paths
ORDER BY articles DESC, relation, subject, object, month, status
