// name: person_profile
// summary: Everything about one person: roles, meetings, pressure, criticism, support, events, articles
// params: person string, limit int(0..) = 200
// example: person=Rutte
// description: person matches by id, name or alias (case-insensitive substring); every matching
// description: person gets a profile. Roles are listed once per title and organization or country
// description: (with the first article that states them); every other fact is one row per article,
// description: in either direction ("pressured" / "pressured by"), with its status.

// The persons come from the search text index of Person (lower-cased id, name and aliases), and
// are checked as before; taken in name order, so that the rows, sorted by person first, stop at
// limit. A person's sections come in order (roles, then the facts, then the articles): a section
// is read only when those before it have fewer than $limit rows (each fact is a row), and only
// its first $limit rows (in the report's order) are read in full.
CALL () {
  MATCH (p:Person) WHERE p.search CONTAINS toLower($person) RETURN p
}
WITH p WHERE $limit > 0 AND (p.id = $person OR toLower(p.name) CONTAINS toLower($person)
   OR any(al IN coalesce(p.aliases, []) WHERE toLower(al) CONTAINS toLower($person)))
WITH p ORDER BY p.name, p.id
WITH p, COUNT { (p)-[:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED]-() } AS facts
// The roles: one per title and organization or country, with the first article (by id) that
// states it.
CALL (p) {
  MATCH path = (p)-[r:HOLDS_ROLE]->(x)
  WITH x, r, path
  ORDER BY r.article
  WITH x, r.title AS title, collect(r)[0] AS first, collect(path)[0] AS path
  RETURN collect({x: x, title: title, first: first, path: path}) AS roles
}
CALL (p, roles, facts) {
  UNWIND roles AS role
  WITH role, role.x.name AS other, role.first.article AS article ORDER BY role.title, other, article LIMIT $limit
  RETURN 1 AS ord, 'role' AS section, role.title AS relation, other, null AS date, null AS status,
         null AS topic, article, role.first.sentence AS sentence, role.path AS path
  UNION ALL
  WITH 1 AS one WHERE size(roles) < $limit
  MATCH (p)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED]-(x)
  WITH r, x, type(r) AS t, startNode(r) = p AS out
  WITH r, x, t,
       CASE t WHEN 'MET' THEN 2 WHEN 'SPOKE_WITH' THEN 2 WHEN 'PRESSURED' THEN 3 WHEN 'CRITICIZED' THEN 4
              WHEN 'SUPPORTED' THEN 5 ELSE 6 END AS ord,
       CASE t WHEN 'MET' THEN 'met' WHEN 'SPOKE_WITH' THEN 'spoke with'
              ELSE toLower(t) + CASE WHEN out THEN '' ELSE ' by' END END AS relation,
       x.name AS other, r.date AS date, r.article AS article
  ORDER BY ord, coalesce(date, '') DESC, relation, other, article, r.sentence, r.status, r.topic
  LIMIT $limit
  MATCH path = (p)-[r]-(x)
  RETURN ord,
         CASE t WHEN 'MET' THEN 'meetings' WHEN 'SPOKE_WITH' THEN 'meetings' WHEN 'PRESSURED' THEN 'pressure'
                WHEN 'CRITICIZED' THEN 'criticism' WHEN 'SUPPORTED' THEN 'support' ELSE 'travel and events' END AS section,
         relation, other, date, r.status AS status, r.topic AS topic, article, r.sentence AS sentence, path
  UNION ALL
  WITH 1 AS one WHERE size(roles) + facts < $limit
  MATCH (art:Article)-[m:MENTIONS]->(p)
  WITH art, m, art.title AS other, art.published AS date, art.id AS article
  ORDER BY coalesce(date, '') DESC, other, article
  LIMIT $limit
  MATCH path = (art)-[m]->(p)
  RETURN 7 AS ord, 'articles' AS section, 'mentioned in' AS relation, other, date,
         null AS status, null AS topic, article, null AS sentence, path
}
RETURN p.name AS person, section, relation, other, date, status, topic, article, sentence, path AS _path
ORDER BY person, p.id, ord, coalesce(date, '') DESC, relation, other, article, sentence, status, topic
LIMIT $limit
