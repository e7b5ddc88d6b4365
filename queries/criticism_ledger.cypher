// name: criticism_ledger
// summary: Who criticizes whom, when, about what, with the sentence that says so
// params: critic string = "", target string = "", since date = null, include_negated bool = false, limit int(0..) = 100
// description: CRITICIZED relationships (criticized, denounced, accused, rebuked), newest first.
// description: critic and target match by id, name or alias (case-insensitive substring).

// The nodes critic and target name come from the search text index of each label a critic or a
// target can have (lower-cased id, name and aliases; 'NONE', upper case, is in no search text)
// and are checked as before. Dated
// relationships are read newest first from the CRITICIZED(date) index, stopping at limit (dates are
// ISO: since's year bounds the range); undated ones only when fewer than limit are dated. When a
// named side has few relationships (deg² ≤ limit × all CRITICIZED) they are read from its nodes.
CALL () {
  CALL () {
    MATCH (n:Person) WHERE n.search CONTAINS CASE $critic WHEN '' THEN 'NONE' ELSE toLower($critic) END RETURN n
    UNION MATCH (n:Country) WHERE n.search CONTAINS CASE $critic WHEN '' THEN 'NONE' ELSE toLower($critic) END RETURN n
    UNION MATCH (n:Organization) WHERE n.search CONTAINS CASE $critic WHEN '' THEN 'NONE' ELSE toLower($critic) END RETURN n
  }
  WITH n WHERE n.id = $critic OR toLower(n.name) CONTAINS toLower($critic)
               OR any(al IN coalesce(n.aliases, []) WHERE toLower(al) CONTAINS toLower($critic))
  RETURN collect(n) AS critics, sum(COUNT { (n)-[:CRITICIZED]->() }) AS cdeg
}
CALL () {
  CALL () {
    MATCH (n:Person) WHERE n.search CONTAINS CASE $target WHEN '' THEN 'NONE' ELSE toLower($target) END RETURN n
    UNION MATCH (n:Country) WHERE n.search CONTAINS CASE $target WHEN '' THEN 'NONE' ELSE toLower($target) END RETURN n
    UNION MATCH (n:Organization) WHERE n.search CONTAINS CASE $target WHEN '' THEN 'NONE' ELSE toLower($target) END RETURN n
    UNION MATCH (n:Place) WHERE n.search CONTAINS CASE $target WHEN '' THEN 'NONE' ELSE toLower($target) END RETURN n
  }
  WITH n WHERE n.id = $target OR toLower(n.name) CONTAINS toLower($target)
               OR any(al IN coalesce(n.aliases, []) WHERE toLower(al) CONTAINS toLower($target))
  RETURN collect(n) AS targets, sum(COUNT { ()-[:CRITICIZED]->(n) }) AS tdeg
}
WITH critics, targets, COUNT { ()-[:CRITICIZED]->() } AS total,
     CASE WHEN $critic = '' THEN null ELSE cdeg END AS cdeg, CASE WHEN $target = '' THEN null ELSE tdeg END AS tdeg
// way: from the named side with fewer relationships, when that is few; else read in date order
WITH critics, targets,
     CASE WHEN cdeg IS NULL AND tdeg IS NULL THEN 'date'
          WHEN coalesce(cdeg, tdeg) <= coalesce(tdeg, cdeg) AND cdeg * cdeg <= $limit * total THEN 'critics'
          WHEN tdeg IS NOT NULL AND tdeg <= coalesce(cdeg, tdeg) AND tdeg * tdeg <= $limit * total THEN 'targets'
          ELSE 'date' END AS way
CALL (critics, targets, way) {
  CALL (critics, targets, way) {
    WITH critics, targets WHERE way = 'date'
    CALL (critics, targets) {
      MATCH (a)-[r:CRITICIZED]->(b)
      WHERE r.date >= coalesce(left($since, 4), '\u0000')
        AND ($critic = '' OR a IN critics) AND ($target = '' OR b IN targets)
        AND ($include_negated OR coalesce(r.status, '') <> 'negated')
        AND ($since IS NULL OR left(r.date, size($since)) >= left($since, size(r.date)))
      WITH a, r, b ORDER BY r.date DESC, a.name, b.name, r.article LIMIT $limit
      RETURN r
    }
    RETURN r
    UNION ALL
    WITH critics, targets WHERE way = 'critics'
    CALL (critics, targets) {
      UNWIND critics AS a
      MATCH (a)-[r:CRITICIZED]->(b)
      WHERE ($target = '' OR b IN targets)
      RETURN r
    }
    RETURN r
    UNION ALL
    WITH critics, targets WHERE way = 'targets'
    CALL (critics, targets) {
      UNWIND targets AS b
      MATCH (a)-[r:CRITICIZED]->(b)
      WHERE ($critic = '' OR a IN critics)
      RETURN r
    }
    RETURN r
  }
  RETURN collect(r) AS rs
}
CALL (critics, targets, way, rs) {
  UNWIND rs AS r
  RETURN r
  UNION ALL
  WITH critics, targets WHERE way = 'date' AND size(rs) < $limit AND $since IS NULL
  CALL (critics, targets) {
    MATCH (a)-[r:CRITICIZED]->(b)
    WHERE coalesce(r.date, '') = ''
      AND ($critic = '' OR a IN critics) AND ($target = '' OR b IN targets)
      AND ($include_negated OR coalesce(r.status, '') <> 'negated')
    RETURN r
  }
  RETURN r
}
WITH r
WHERE ($include_negated OR coalesce(r.status, '') <> 'negated')
  AND ($since IS NULL OR (r.date IS NOT NULL AND left(r.date, size($since)) >= left($since, size(r.date))))
MATCH p = (a)-[r]->(b)
RETURN a.name AS critic, b.name AS target, r.date AS date, r.status AS status, r.topic AS topic,
       r.article AS article, r.sentence AS sentence, p AS _path
ORDER BY coalesce(date, '') DESC, critic, target, article
LIMIT $limit
