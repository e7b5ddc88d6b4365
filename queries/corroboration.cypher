// name: corroboration
// summary: Facts by the number of articles that state them; single-source facts stand out
// params: min_articles int = 1, single_source_only bool = false, type string = "", limit int(0..) = 100
// description: A fact is a relationship type between the same two nodes (either order for MET and
// description: SPOKE_WITH), with the same status, role title and month (facts dated 2025-06-24 and
// description: 2025-06-25 are one fact; 2024-11 and 2025-06 are two). MENTIONS are left out.
// description: type filters by relationship type (e.g. MET).
MATCH p = (a)-[r]->(b)
WHERE NOT r:MENTIONS AND ($type = '' OR type(r) = toUpper($type))
WITH p, r, type(r) AS t, a, b
WITH p, r, t, t IN ['MET', 'SPOKE_WITH'] AND b.id < a.id AS swap, a, b
WITH p, r, t, CASE WHEN swap THEN b ELSE a END AS x, CASE WHEN swap THEN a ELSE b END AS y
WITH x, t, y, r.status AS status, r.title AS title, left(coalesce(r.date, ''), 7) AS month,
     collect(DISTINCT r.article) AS unsorted, collect(p) AS paths
WITH x, t, y, status, title, month, paths, size(unsorted) AS articles,
     reduce(acc = [], a IN unsorted | [v IN acc WHERE v < a] + a + [v IN acc WHERE v >= a]) AS arts
WHERE articles >= $min_articles AND (NOT $single_source_only OR articles = 1)
RETURN x.name AS subject, t + CASE WHEN title IS NULL THEN '' ELSE ' (' + title + ')' END AS relation, y.name AS object,
       status, CASE month WHEN '' THEN null ELSE month END AS month, articles,
       CASE WHEN articles = 1 THEN 'single source' ELSE 'corroborated' END AS support,
       reduce(s = '', a IN arts | s + CASE s WHEN '' THEN '' ELSE ', ' END + a) AS article_ids, paths AS _paths
ORDER BY articles DESC, relation, subject, object, month, status
LIMIT $limit
