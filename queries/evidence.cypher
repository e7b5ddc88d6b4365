// name: evidence
// summary: The sentences behind the relationships between two named actors, with their articles
// params: from string, to string, type string = "", limit int(0..) = 100
// example: from=Trump; to=Spain
// description: from and to match by id, name or alias (case-insensitive substring); the
// description: relationship may go either way. type filters by relationship type (e.g. PRESSURED).
// description: start and end are the sentence's byte offsets in the article's text.
MATCH (a)-[r]-(b)
WHERE NOT r:MENTIONS AND ($type = '' OR type(r) = toUpper($type))
  AND (a.id = $from OR toLower(a.name) CONTAINS toLower($from)
       OR any(al IN coalesce(a.aliases, []) WHERE toLower(al) CONTAINS toLower($from)))
  AND (b.id = $to OR toLower(b.name) CONTAINS toLower($to)
       OR any(al IN coalesce(b.aliases, []) WHERE toLower(al) CONTAINS toLower($to)))
WITH DISTINCT r
MATCH p = (s)-[r]->(o)
OPTIONAL MATCH (art:Article {id: r.article})
RETURN s.name AS subject, type(r) AS relation, o.name AS object, r.status AS status, r.date AS date,
       r.article AS article, art.title AS title, art.published AS published, art.url AS url,
       r.sentence AS sentence, r.start AS start, r.end AS end, r.rule AS rule, r.confidence AS confidence, p AS _path
ORDER BY coalesce(date, '') DESC, relation, subject, object, article
LIMIT $limit
