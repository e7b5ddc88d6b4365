// name: most_connected
// summary: The most connected actors: distinct partners (degree), facts, and articles mentioning them
// params: label string = "", include_negated bool = false, limit int(0..) = 20
// description: Actors are Person, Country and Organization nodes (label narrows to one of them).
// description: degree counts distinct partners over actor relationships (MET, SPOKE_WITH,
// description: PRESSURED, CRITICIZED, SUPPORTED, VISITED, ATTENDED, HOSTED) in either direction;
// description: facts counts those relationships, as subject (outgoing) and object (incoming).
MATCH (n)
WHERE (n:Person OR n:Country OR n:Organization)
  AND ($label = '' OR any(l IN labels(n) WHERE toLower(l) = toLower($label)))
OPTIONAL MATCH (n)-[r:MET|SPOKE_WITH|PRESSURED|CRITICIZED|SUPPORTED|VISITED|ATTENDED|HOSTED]-(x)
WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
WITH n, count(DISTINCT x) AS degree, count(r) AS facts,
     sum(CASE WHEN startNode(r) = n THEN 1 ELSE 0 END) AS outgoing,
     sum(CASE WHEN endNode(r) = n THEN 1 ELSE 0 END) AS incoming
// Articles only break ties: count them for the actors whose (degree, facts) reaches the
// $limit-th actor's, not for every actor.
WITH n, degree, facts, outgoing, incoming
ORDER BY degree DESC, facts DESC
WITH collect({n: n, degree: degree, facts: facts, outgoing: outgoing, incoming: incoming}) AS ranked
WITH ranked, CASE WHEN $limit = 0 OR size(ranked) = 0 THEN null ELSE ranked[CASE WHEN size(ranked) < $limit THEN size(ranked) - 1 ELSE $limit - 1 END] END AS cut
UNWIND [x IN ranked WHERE cut IS NOT NULL AND (x.degree > cut.degree OR (x.degree = cut.degree AND x.facts >= cut.facts))] AS x
WITH x.n AS n, x.degree AS degree, x.facts AS facts, x.outgoing AS outgoing, x.incoming AS incoming
OPTIONAL MATCH (art:Article)-[:MENTIONS]->(n)
WITH n, degree, facts, outgoing, incoming, count(DISTINCT art) AS articles
RETURN n.name AS actor, head(labels(n)) AS label, degree, facts, outgoing, incoming, articles, n AS _node
ORDER BY degree DESC, facts DESC, articles DESC, actor
LIMIT $limit
