// name: new_since
// summary: What is new since a date: facts from articles published since, entities first seen since
// params: since date = null, limit int(0..) = 200
// example: since=2025-06-01
// description: since defaults to 30 days before the newest article's publication date. Facts are
// description: the relationships (but MENTIONS) stated by articles published on or after since;
// description: entities are those whose first mentioning article was published on or after since.
MATCH (latest:Article)
WITH max(latest.published) AS newest
WITH coalesce($since, CASE WHEN newest IS NULL THEN null ELSE toString(date(newest) - duration({days: 30})) END) AS since
CALL {
  WITH since
  MATCH (art:Article)
  WHERE art.published >= since
  MATCH path = (a)-[r]->(b)
  WHERE r.article = art.id AND NOT r:MENTIONS
  RETURN 'fact' AS kind, art.published AS published, a.name AS subject, type(r) AS relation, b.name AS object,
         r.status AS status, r.date AS date, art.id AS article, r.sentence AS sentence, path
  UNION ALL
  WITH since
  MATCH path = (art:Article)-[:MENTIONS]->(e)
  WITH since, e, art, path
  ORDER BY art.published, art.id
  WITH since, e, collect(art)[0] AS first, collect(path)[0] AS path
  WHERE first.published >= since
  RETURN 'entity' AS kind, first.published AS published, e.name AS subject, 'first mentioned' AS relation,
         head(labels(e)) AS object, null AS status, null AS date, first.id AS article, null AS sentence, path
}
RETURN kind, published, subject, relation, object, status, date, article, sentence, path AS _path
ORDER BY published DESC, kind DESC, subject, relation, object, article
LIMIT $limit
