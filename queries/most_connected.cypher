// name: most_connected
// summary: The most connected actors: distinct partners (degree), facts, and articles mentioning them
// params: label string = "", include_negated bool = false, limit int(0..) = 20
// description: Actors are Person, Country and Organization nodes (label narrows to one of them).
// description: degree counts distinct partners over actor relationships (MET, SPOKE_WITH,
// description: PRESSURED, CRITICIZED, SUPPORTED, VISITED, ATTENDED, HOSTED) in either direction;
// description: facts counts those relationships, as subject (outgoing) and object (incoming).

// The loader keeps an ActorRank node per actor (graph/neo4j/derived_most_connected.go) with its
// counts with (_all) and without (_nn) the negated relationships, and sort strings in the
// report's order (degree, facts, articles descending as 9999999999 - n in ten digits, then the
// name), lsort_* after the lower-case label. The report reads the first $limit of the one index
// its parameters choose, in index order; the other three ranges are empty.
WITH toLower($label) AS l, $include_negated AS neg
CALL (l, neg) {
  MATCH (s:ActorRank)
  WHERE s.sort_all >= CASE WHEN l = '' AND neg THEN '' ELSE 'x' END AND s.sort_all < CASE WHEN l = '' AND neg THEN ':' ELSE 'x' END
  RETURN s ORDER BY s.sort_all LIMIT $limit
  UNION ALL
  MATCH (s:ActorRank)
  WHERE s.sort_nn >= CASE WHEN l = '' AND NOT neg THEN '' ELSE 'x' END AND s.sort_nn < CASE WHEN l = '' AND NOT neg THEN ':' ELSE 'x' END
  RETURN s ORDER BY s.sort_nn LIMIT $limit
  UNION ALL
  MATCH (s:ActorRank)
  WHERE s.lsort_all >= CASE WHEN l <> '' AND neg THEN l + '\u0001' ELSE 'x' END
    AND s.lsort_all < CASE WHEN l <> '' AND neg THEN l + '\u0001:' ELSE 'x' END
  RETURN s ORDER BY s.lsort_all LIMIT $limit
  UNION ALL
  MATCH (s:ActorRank)
  WHERE s.lsort_nn >= CASE WHEN l <> '' AND NOT neg THEN l + '\u0001' ELSE 'x' END
    AND s.lsort_nn < CASE WHEN l <> '' AND NOT neg THEN l + '\u0001:' ELSE 'x' END
  RETURN s ORDER BY s.lsort_nn LIMIT $limit
}
CALL (s) {
  MATCH (n:Person {id: s.actor}) RETURN n
  UNION ALL
  MATCH (n:Country {id: s.actor}) RETURN n
  UNION ALL
  MATCH (n:Organization {id: s.actor}) RETURN n
}
WITH s, n, CASE WHEN neg THEN '_all' ELSE '_nn' END AS v
RETURN s.actor_name AS actor, s.label AS label, s['degree' + v] AS degree, s['facts' + v] AS facts,
       s['out' + v] AS outgoing, s['in' + v] AS incoming, s.articles AS articles, n AS _node
ORDER BY degree DESC, facts DESC, articles DESC, actor, s.actor
