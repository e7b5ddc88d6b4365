// name: summit_attendance
// summary: Summits and other events: where, when, who attended and who hosted
// params: event string = "", kind string = "summit", since date = null, include_negated bool = false, limit int(0..) = 50
// description: One row per Event of the given kind ("" for every kind), newest first. Attendees
// description: and hosts whose only statements are not "reported" carry their status, e.g.
// description: "Mark Rutte (planned)".

// Each Event carries the date this report sorts it by (its own, else its first attendance or
// hosting: when_all, or when_reported without the negated ones), kept by the loader with an index
// each. Without an event name the dated events are read newest first from that index, stopping at
// limit, and the undated ones only when fewer than limit are dated; a name's events come from the
// search text index of Event (lower-cased id, name and aliases), checked as before. The
// attendees, hosts, place and articles are worked out for the limit events only.
CALL () {
  UNWIND CASE $event WHEN '' THEN [] ELSE [toLower($event)] END AS q
  CALL (q) {
    MATCH (e:Event) WHERE e.search CONTAINS q RETURN e
  }
  WITH e WHERE ($kind = '' OR e.kind = $kind)
    AND (e.id = $event OR toLower(e.name) CONTAINS toLower($event)
         OR any(al IN coalesce(e.aliases, []) WHERE toLower(al) CONTAINS toLower($event)))
  RETURN e
  UNION ALL
  UNWIND CASE WHEN $event = '' AND NOT $include_negated THEN [true] ELSE [] END AS go
  CALL (go) {
    MATCH (e:Event)
    WHERE e.when_reported >= coalesce(left($since, 4), '\u0000') AND ($kind = '' OR e.kind = $kind)
      AND ($since IS NULL OR left(e.when_reported, size($since)) >= left($since, size(e.when_reported)))
    WITH e ORDER BY e.when_reported DESC, e.name, e.id LIMIT $limit
    RETURN e
  }
  RETURN e
  UNION ALL
  UNWIND CASE WHEN $event = '' AND $include_negated THEN [true] ELSE [] END AS go
  CALL (go) {
    MATCH (e:Event)
    WHERE e.when_all >= coalesce(left($since, 4), '\u0000') AND ($kind = '' OR e.kind = $kind)
      AND ($since IS NULL OR left(e.when_all, size($since)) >= left($since, size(e.when_all)))
    WITH e ORDER BY e.when_all DESC, e.name, e.id LIMIT $limit
    RETURN e
  }
  RETURN e
}
WITH collect(e) AS es
CALL (es) {
  UNWIND es AS e
  RETURN e
  UNION ALL
  UNWIND CASE WHEN $event = '' AND $since IS NULL AND size(es) < $limit THEN [true] ELSE [] END AS go
  CALL (go) {
    MATCH (e:Event)
    WHERE coalesce(CASE WHEN $include_negated THEN e.when_all ELSE e.when_reported END, '') = ''
      AND ($kind = '' OR e.kind = $kind)
    RETURN e
  }
  RETURN e
}
WITH e, CASE WHEN $include_negated THEN e.when_all ELSE e.when_reported END AS date
WHERE $since IS NULL OR (date IS NOT NULL AND left(date, size($since)) >= left($since, size(date)))
WITH e ORDER BY coalesce(date, '') DESC, e.name, e.id LIMIT $limit
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
ORDER BY coalesce(date, '') DESC, event, e.id
