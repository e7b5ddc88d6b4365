// name: summit_attendance
// summary: Summits and other events: where, when, who attended and who hosted
// params: event string = "", kind string = "summit", since date = null, include_negated bool = false, limit int(0..) = 50
// description: One row per Event of the given kind ("" for every kind), newest first. Attendees
// description: and hosts whose only statements are not "reported" carry their status, e.g.
// description: "Mark Rutte (planned)".

// The events event names come from the search text index of Event (lower-cased name and aliases)
// and the id constraint, and are checked as before. Each event's date (its own, else its first
// attendance or hosting) is worked out first, and the attendees, hosts, place and articles only
// for the limit newest.
UNWIND CASE $event WHEN '' THEN [true] ELSE [false] END AS every
CALL (every) {
  WITH every WHERE every
  CALL () { MATCH (e:Event) RETURN e }
  RETURN e
  UNION
  WITH every WHERE NOT every
  CALL () {
    MATCH (e:Event) WHERE e.search CONTAINS toLower($event) RETURN e
    UNION MATCH (e:Event {id: $event}) RETURN e
  }
  RETURN e
}
WITH e WHERE ($kind = '' OR e.kind = $kind)
  AND ($event = '' OR e.id = $event OR toLower(e.name) CONTAINS toLower($event)
       OR any(al IN coalesce(e.aliases, []) WHERE toLower(al) CONTAINS toLower($event)))
CALL (e) {
  OPTIONAL MATCH (x)-[r:ATTENDED|HOSTED]->(e)
  WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
  RETURN min(r.date) AS first_date
}
WITH e, coalesce(e.date, first_date) AS date
WHERE $since IS NULL OR (date IS NOT NULL AND left(date, size($since)) >= left($since, size(date)))
WITH e ORDER BY coalesce(date, '') DESC, e.name LIMIT $limit
OPTIONAL MATCH (e)-[:HELD_IN]->(pl)
WITH e, min(pl.name) AS held_in
OPTIONAL MATCH p = (x)-[r:ATTENDED|HOSTED]->(e)
WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
WITH e, held_in, x, type(r) AS role, collect(DISTINCT r.status) AS sts,
     collect(DISTINCT r.article) AS arts, min(r.date) AS d, collect(p) AS ps
WITH e, held_in, x, role, arts, d, ps, [st IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE st IN sts] AS statuses
WITH e, held_in, role, arts, d, ps,
     x.name + CASE WHEN 'reported' IN statuses OR size(statuses) = 0 THEN ''
                   ELSE ' (' + reduce(s = '', t IN statuses | s + CASE s WHEN '' THEN '' ELSE ', ' END + t) + ')' END AS who
WITH e, held_in,
     reduce(acc = [], w IN collect(CASE role WHEN 'ATTENDED' THEN who END) | [v IN acc WHERE v < w] + w + [v IN acc WHERE v >= w]) AS attendees,
     reduce(acc = [], w IN collect(CASE role WHEN 'HOSTED' THEN who END) | [v IN acc WHERE v < w] + w + [v IN acc WHERE v >= w]) AS hosts,
     min(d) AS first_date,
     reduce(acc = [], l IN collect(arts) | acc + [a IN l WHERE NOT a IN acc]) AS articles,
     reduce(acc = [], l IN collect(ps) | acc + l) AS paths
WITH e, coalesce(e.date, first_date) AS date, coalesce(e.place_name, held_in) AS place, attendees, hosts, articles, paths
RETURN e.name AS event, e.kind AS kind, date, place, attendees, hosts, size(articles) AS articles, paths AS _paths
ORDER BY coalesce(date, '') DESC, event
