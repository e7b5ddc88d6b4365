// name: entity_timeline
// summary: Everything dated about one entity (person, country, organization, place, event), in date order
// params: entity string, since date = null, until date = null, limit int(0..) = 200
// example: entity=Zelensky
// description: entity matches by id, name or alias (case-insensitive substring). Every dated
// description: relationship of a matching entity, oldest first, in either direction; MENTIONS
// description: are left out. Dates compare at the coarser precision (2025-06 counts for since=2025-06-15).

// The entities come from the search text index of each label (lower-cased id, name and aliases),
// and are checked as before. Relationship types outside the model are not read.
CALL () {
  MATCH (e:Person) WHERE e.search CONTAINS toLower($entity) RETURN e
  UNION MATCH (e:Country) WHERE e.search CONTAINS toLower($entity) RETURN e
  UNION MATCH (e:Organization) WHERE e.search CONTAINS toLower($entity) RETURN e
  UNION MATCH (e:Place) WHERE e.search CONTAINS toLower($entity) RETURN e
  UNION MATCH (e:Event) WHERE e.search CONTAINS toLower($entity) RETURN e
}
WITH e WHERE e.id = $entity OR toLower(e.name) CONTAINS toLower($entity)
             OR any(al IN coalesce(e.aliases, []) WHERE toLower(al) CONTAINS toLower($entity))
WITH collect(e) AS ents
// The entities' dated relationships (the model's types but MENTIONS) are read once, with their
// dates, keeping the first 2 * limit + 100 by date (firsts); the limit-th date is the cutoff.
// Every relationship up to the cutoff is in firsts unless firsts ends on the cutoff's date (more
// than limit + 100 ties): then they are read again, those up to the cutoff. (The grouping after
// drops the list from the rows: a row that carries it would weigh its size in the sort below.)
CALL (ents) {
  UNWIND CASE WHEN $limit > 0 THEN ents ELSE [] END AS e
  MATCH (e)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|HELD_IN]-(x)
  WITH e, r, x, r.date AS d
  WHERE d IS NOT NULL
    AND ($since IS NULL OR left(d, size($since)) >= left($since, size(d)))
    AND ($until IS NULL OR left(d, size($until)) <= left($until, size(d)))
  WITH e, r, x, d ORDER BY d LIMIT 2 * $limit + 100
  RETURN collect({e: e, r: r, x: x, d: d}) AS firsts
}
WITH ents, firsts, firsts[CASE WHEN size(firsts) < $limit THEN size(firsts) ELSE $limit END - 1].d AS cutoff
CALL (ents, firsts, cutoff) {
  WITH 1 AS one WHERE size(firsts) < 2 * $limit + 100 OR firsts[size(firsts) - 1].d > cutoff
  UNWIND [y IN firsts WHERE y.d <= cutoff] AS y
  RETURN y.e AS e, y.r AS r, y.x AS x
  UNION ALL
  WITH 1 AS one WHERE size(firsts) = 2 * $limit + 100 AND firsts[size(firsts) - 1].d = cutoff
  UNWIND ents AS e
  MATCH (e)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED|HOLDS_ROLE|MEMBER_OF|LOCATED_IN|HELD_IN]-(x)
  WHERE r.date <= cutoff
    AND ($since IS NULL OR left(r.date, size($since)) >= left($since, size(r.date)))
    AND ($until IS NULL OR left(r.date, size($until)) <= left($until, size(r.date)))
  RETURN e, r, x
}
WITH e, r, x, count(*) AS one
MATCH path = (e)-[r]-(x)
WITH e, r, x, path,
     CASE type(r) WHEN 'MET' THEN 'met' WHEN 'SPOKE_WITH' THEN 'spoke with'
          ELSE toLower(type(r)) + CASE WHEN startNode(r) = e THEN '' ELSE ' by' END END AS relation
WITH e, r, x, path, relation ORDER BY r.date, e.name, relation, x.name, r.article LIMIT $limit
OPTIONAL MATCH (pl:Place {id: r.place})
RETURN r.date AS date, e.name AS entity, relation, x.name AS other, r.status AS status,
       coalesce(pl.name, r.place) AS place, r.topic AS topic, r.article AS article, r.sentence AS sentence,
       path AS _path
ORDER BY date, entity, relation, other, article
