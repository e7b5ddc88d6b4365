// name: new_since
// summary: What is new since a date: facts from articles published since, entities first seen since
// params: since date = null, limit int(0..) = 200
// example: since=2025-06-01
// description: since defaults to 30 days before the newest article's publication date. Facts are
// description: the relationships (but MENTIONS) stated by articles published on or after since;
// description: entities are those whose first mentioning article was published on or after since.

// The newest publication date by the Article(published) index (its last entry), not a scan.
WITH COLLECT {
       MATCH (latest:Article) WHERE latest.published IS NOT NULL
       RETURN latest.published ORDER BY latest.published DESC LIMIT 1
     }[0] AS newest
WITH coalesce($since, CASE WHEN newest IS NULL THEN null ELSE toString(date(newest) - duration({days: 30})) END) AS since
// Articles newest first: every row of an article carries its publication date, so the rows come
// out in the report's first sort key and ORDER BY ... LIMIT stops reading articles once it has
// $limit rows and the date changes (a partial sort), instead of reading every recent article.
MATCH (art:Article)
WHERE art.published >= since
WITH art ORDER BY art.published DESC
CALL (art) {
  // Facts: each relationship type's index on article, one seek per article and type.
  MATCH path = (a)-[r:MET]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:SPOKE_WITH]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:PRESSURED]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:CRITICIZED]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:SUPPORTED]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:VISITED]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:ATTENDED]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:HOSTED]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:HOLDS_ROLE]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:MEMBER_OF]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:LOCATED_IN]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  MATCH path = (a)-[r:HELD_IN]->(b) WHERE r.article = art.id
  RETURN 'fact' AS kind, a.name AS subject, type(r) AS relation, b.name AS object, r.status AS status,
         r.date AS date, r.sentence AS sentence, path
  UNION ALL
  // Entities this article mentions first: no article before it in (published, id) order
  // mentions them (articles without a date sort last), so each entity has one row, from its
  // first article, whose date is on or after since.
  MATCH path = (art)-[:MENTIONS]->(e)
  WHERE NOT EXISTS {
    MATCH (old:Article)-[:MENTIONS]->(e)
    WHERE old.published < art.published OR (old.published = art.published AND old.id < art.id)
  }
  WITH e, collect(path)[0] AS path
  RETURN 'entity' AS kind, e.name AS subject, 'first mentioned' AS relation, head(labels(e)) AS object,
         null AS status, null AS date, null AS sentence, path
}
RETURN kind, art.published AS published, subject, relation, object, status, date, art.id AS article, sentence, path AS _path
ORDER BY published DESC, kind DESC, subject, relation, object, article
LIMIT $limit
