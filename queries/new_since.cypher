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
MATCH (art:Article)
WHERE art.published >= since
WITH since, collect(art) AS recent
CALL (recent, since) {
  // Facts: each relationship type's index on article, one seek per recent article and type.
  UNWIND recent AS art
  CALL (art) {
    MATCH path = (a)-[r:MET]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:SPOKE_WITH]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:PRESSURED]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:CRITICIZED]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:SUPPORTED]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:VISITED]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:ATTENDED]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:HOSTED]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:HOLDS_ROLE]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:MEMBER_OF]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:LOCATED_IN]->(b) WHERE r.article = art.id RETURN path, a, r, b
    UNION ALL
    MATCH path = (a)-[r:HELD_IN]->(b) WHERE r.article = art.id RETURN path, a, r, b
  }
  RETURN 'fact' AS kind, art.published AS published, a.name AS subject, type(r) AS relation, b.name AS object,
         r.status AS status, r.date AS date, art.id AS article, r.sentence AS sentence, path
  UNION ALL
  // Entities mentioned by a recent article and by no article published before since.
  UNWIND recent AS art
  MATCH (art)-[:MENTIONS]->(e)
  WITH DISTINCT e
  WHERE NOT EXISTS { MATCH (old:Article)-[:MENTIONS]->(e) WHERE old.published < since }
  MATCH path = (first:Article)-[:MENTIONS]->(e)
  WITH e, first, path
  ORDER BY first.published, first.id
  WITH e, collect(first)[0] AS first, collect(path)[0] AS path
  RETURN 'entity' AS kind, first.published AS published, e.name AS subject, 'first mentioned' AS relation,
         head(labels(e)) AS object, null AS status, null AS date, first.id AS article, null AS sentence, path
}
RETURN kind, published, subject, relation, object, status, date, article, sentence, path AS _path
ORDER BY published DESC, kind DESC, subject, relation, object, article
LIMIT $limit
