// name: who_met_whom
// summary: Meetings between two actors, with where, when and the sentence that says so
// params: person string = "", since date = null, until date = null, include_negated bool = false, limit int(0..) = 50
// example: person=Trump; since=2025
// description: One row per article that reports a meeting (MET), newest first. person matches
// description: either side by id, name or alias (case-insensitive substring). Dates compare at the
// description: coarser precision: a meeting dated 2025-06 counts for since=2025-06-15. Negated
// description: meetings ("did not meet") are left out unless include_negated=true.

// The actors person names come from the search text index of each actor label (their lower-cased
// id, name and aliases; 'NONE', upper case, is in no search text) and are checked as before. Dated meetings
// are read newest first from the MET(date) index, stopping at limit (dates are ISO, so since's year
// and until followed by U+FFFF bound the range); undated ones only when fewer than limit are dated.
// For a person with few meetings (deg² ≤ limit × all meetings: reading in date order would pass
// more than the person has) they are read from the person's nodes instead.
CALL () {
  CALL () {
    MATCH (n:Person) WHERE n.search CONTAINS CASE $person WHEN '' THEN 'NONE' ELSE toLower($person) END RETURN n
    UNION MATCH (n:Country) WHERE n.search CONTAINS CASE $person WHEN '' THEN 'NONE' ELSE toLower($person) END RETURN n
    UNION MATCH (n:Organization) WHERE n.search CONTAINS CASE $person WHEN '' THEN 'NONE' ELSE toLower($person) END RETURN n
  }
  WITH n WHERE n.id = $person OR toLower(n.name) CONTAINS toLower($person)
               OR any(al IN coalesce(n.aliases, []) WHERE toLower(al) CONTAINS toLower($person))
  RETURN collect(n) AS cands, sum(COUNT { (n)-[:MET]-() }) AS deg
}
WITH cands, deg, $person = '' OR deg * deg > $limit * COUNT { ()-[:MET]->() } AS ordered
CALL (cands, ordered) {
  CALL (cands, ordered) {
    WITH cands WHERE ordered
    CALL (cands) {
      MATCH (a)-[m:MET]->(b)
      WHERE m.date >= coalesce(left($since, 4), '\u0000') AND m.date <= coalesce($until + '\uffff', '\uffff')
        AND ($person = '' OR a IN cands OR b IN cands)
        AND ($include_negated OR coalesce(m.status, '') <> 'negated')
        AND ($since IS NULL OR left(m.date, size($since)) >= left($since, size(m.date)))
        AND ($until IS NULL OR left(m.date, size($until)) <= left($until, size(m.date)))
      WITH a, m, b ORDER BY m.date DESC, a.name, b.name, m.article LIMIT $limit
      RETURN m
    }
    RETURN m
    UNION ALL
    WITH cands WHERE NOT ordered
    UNWIND cands AS x
    MATCH (x)-[m:MET]-()
    WITH DISTINCT m
    WHERE ($include_negated OR coalesce(m.status, '') <> 'negated')
      AND ($since IS NULL OR (m.date IS NOT NULL AND left(m.date, size($since)) >= left($since, size(m.date))))
      AND ($until IS NULL OR (m.date IS NOT NULL AND left(m.date, size($until)) <= left($until, size(m.date))))
    RETURN m
  }
  RETURN collect(m) AS ms
}
CALL (cands, ordered, ms) {
  UNWIND ms AS m
  RETURN m
  UNION ALL
  WITH cands WHERE ordered AND size(ms) < $limit AND $since IS NULL AND $until IS NULL
  CALL (cands) {
    MATCH (a)-[m:MET]->(b)
    WHERE coalesce(m.date, '') = ''
      AND ($person = '' OR a IN cands OR b IN cands)
      AND ($include_negated OR coalesce(m.status, '') <> 'negated')
    RETURN m
  }
  RETURN m
}
MATCH p = (a)-[m]->(b)
WITH p, a, b, m ORDER BY coalesce(m.date, '') DESC, a.name, b.name, m.article LIMIT $limit
OPTIONAL MATCH (pl:Place {id: m.place})
RETURN a.name AS actor, b.name AS met, m.date AS date, coalesce(pl.name, m.place) AS place,
       m.status AS status, m.topic AS topic, m.article AS article, m.sentence AS sentence, p AS _path
ORDER BY coalesce(date, '') DESC, actor, met, article
