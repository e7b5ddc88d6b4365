// name: who_met_whom
// summary: Meetings between two actors, with where, when and the sentence that says so
// params: person string = "", since date = null, until date = null, include_negated bool = false, limit int(0..) = 50
// example: person=Trump; since=2025
// description: One row per article that reports a meeting (MET), newest first. person matches
// description: either side by id, name or alias (case-insensitive substring). Dates compare at the
// description: coarser precision: a meeting dated 2025-06 counts for since=2025-06-15. Negated
// description: meetings ("did not meet") are left out unless include_negated=true.
MATCH p = (a)-[m:MET]->(b)
WHERE ($person = ''
       OR any(x IN [a, b] WHERE x.id = $person
              OR toLower(x.name) CONTAINS toLower($person)
              OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) CONTAINS toLower($person))))
  AND ($include_negated OR coalesce(m.status, '') <> 'negated')
  AND ($since IS NULL OR (m.date IS NOT NULL AND left(m.date, size($since)) >= left($since, size(m.date))))
  AND ($until IS NULL OR (m.date IS NOT NULL AND left(m.date, size($until)) <= left($until, size(m.date))))
OPTIONAL MATCH (pl:Place {id: m.place})
RETURN a.name AS actor, b.name AS met, m.date AS date, coalesce(pl.name, m.place) AS place,
       m.status AS status, m.topic AS topic, m.article AS article, m.sentence AS sentence, p AS _path
ORDER BY coalesce(date, '') DESC, actor, met, article
LIMIT $limit
