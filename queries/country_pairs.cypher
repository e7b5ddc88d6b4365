// name: country_pairs
// summary: Country-to-country relations, cooperation against conflict, by CAMEO family
// params: country string = "", include_negated bool = false, limit int(0..) = 100
// description: Each actor relationship is lifted to countries: a Country is itself, a Person counts
// description: for every country they hold a role in (HOLDS_ROLE), a Place for the country it is
// description: located in. Cooperation: MET, SPOKE_WITH, SUPPORTED, VISITED, HOSTED; conflict:
// description: PRESSURED, CRITICIZED. The CAMEO family is the first two digits of the relationship's
// description: cameo code (or the type's root code when it has none). MET and SPOKE_WITH pairs are
// description: listed once, in name order; other pairs go from actor to target. country matches
// description: either side by id, ISO code (us), alias (American) or the start of the name (united).
// description: The drawing shows, per row, its 10 newest relationships (by date, then article and
// description: key) and their ends.

// The loader keeps one :ActorTie per (start node, end node, type, CAMEO family) of the actor
// relationships, with their counts, statuses, articles and newest relationships, with and
// without the negated ones (graph/neo4j/derived_country_pairs.go). The report lifts the ties'
// ends to countries as they are now: countries in name order (own: every partner country; else
// only those matching $country), and for each its partner countries in name order, the ties
// between the two countries' actors found by their pair of ends. Rows come out in the report's
// order, so only the countries before the limit are read.
OPTIONAL MATCH (m:Country)
WHERE $country <> '' AND (m.id = $country OR toLower(m.name) STARTS WITH toLower($country)
   OR toLower(coalesce(m.iso2, '')) = toLower($country)
   OR any(al IN coalesce(m.aliases, []) WHERE toLower(al) = toLower($country)))
WITH collect(m) AS matching
MATCH (c:Country)
WITH c, matching, $country = '' OR c IN matching AS own
WHERE own OR size(matching) > 0
ORDER BY c.name
CALL (c, own, matching) {
  CALL (c, own, matching) {
    WITH c WHERE own
    MATCH (y:Country) WHERE y <> c
    RETURN y
    UNION
    UNWIND matching AS y
    WITH c, y WHERE y <> c
    RETURN y
  }
  WITH c, y
  ORDER BY y.name
  WITH c, collect(y) AS ys
  CALL (c) {
    OPTIONAL MATCH (x)-[:HOLDS_ROLE|LOCATED_IN]->(c) WHERE NOT x:Country
    WITH c, collect(DISTINCT x.id) AS xs
    RETURN [c.id] + xs AS ax
  }
  UNWIND ys AS y
  CALL (c, ax, y) {
    CALL (y) {
      OPTIONAL MATCH (x)-[:HOLDS_ROLE|LOCATED_IN]->(y) WHERE NOT x:Country
      WITH y, collect(DISTINCT x.id) AS xs
      RETURN [y.id] + xs AS ay
    }
    CALL (ax, ay) {
      UNWIND ax AS e1
      UNWIND ay AS e2
      WITH toString(e1) AS e1, toString(e2) AS e2
      RETURN DISTINCT CASE WHEN e1 < e2 THEN e1 + '\u0000' + e2 ELSE e2 + '\u0000' + e1 END AS pair
    }
    MATCH (l:ActorTie {pair: pair})
    WITH c, y, ax, ay, l, CASE WHEN $include_negated THEN l.all_n ELSE l.nn_n END AS n
    WHERE n > 0 AND ((l.a IN ax AND l.b IN ay AND NOT (l.type IN ['MET', 'SPOKE_WITH'] AND y.name < c.name))
       OR (l.type IN ['MET', 'SPOKE_WITH'] AND l.a IN ay AND l.b IN ax AND c.name < y.name))
    WITH y, CASE WHEN l.type IN ['PRESSURED', 'CRITICIZED'] THEN 'conflict' ELSE 'cooperation' END AS relation,
         l.fam + ' ' + coalesce({`01`: 'make public statement', `02`: 'appeal', `03`: 'express intent to cooperate',
                                            `04`: 'consult', `05`: 'engage in diplomatic cooperation', `06`: 'engage in material cooperation',
                                            `07`: 'provide aid', `08`: 'yield', `09`: 'investigate', `10`: 'demand', `11`: 'disapprove',
                                            `12`: 'reject', `13`: 'threaten', `14`: 'protest', `15`: 'exhibit force posture',
                                            `16`: 'reduce relations', `17`: 'coerce', `18`: 'assault', `19`: 'fight',
                                            `20`: 'use unconventional mass violence'}[l.fam], '?') AS cameo_family,
         l.type AS t, n,
         CASE WHEN $include_negated THEN l.all_st ELSE l.nn_st END AS st,
         CASE WHEN $include_negated THEN l.all_arts ELSE l.nn_arts END AS arts,
         CASE WHEN $include_negated THEN l.all_new ELSE l.nn_new END AS new
    WITH y, relation, cameo_family, collect(DISTINCT t) AS ts, sum(n) AS facts,
         reduce(s = [], x IN collect(st) | s + x) AS sts, collect(arts) AS artl, collect(new) AS newl
    CALL (artl) {
      UNWIND artl AS l
      UNWIND l AS x
      RETURN count(DISTINCT x) AS articles
    }
    CALL (newl) {
      UNWIND newl AS l
      UNWIND l AS x
      WITH x ORDER BY x LIMIT 10
      RETURN collect(split(x, '\u0000')[-1]) AS eids
    }
    RETURN y.name AS country_b, relation, cameo_family, ts, sts, facts, articles, eids
    ORDER BY relation, cameo_family
  }
  RETURN country_b, relation, cameo_family, ts, sts, facts, articles, eids
}
WITH c.name AS country_a, country_b, relation, cameo_family,
     [x IN ['MET', 'SPOKE_WITH', 'SUPPORTED', 'VISITED', 'HOSTED', 'PRESSURED', 'CRITICIZED'] WHERE x IN ts] AS types, facts, articles,
     [x IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE x IN sts] AS statuses, eids
LIMIT $limit
// The drawing's graph values: the row's newest relationships and, once each, their ends.
CALL (eids) {
  UNWIND eids AS e
  MATCH ()-[r]->() WHERE elementId(r) = e
  WITH collect(r) AS rels
  CALL (rels) {
    UNWIND rels AS r
    UNWIND [startNode(r), endNode(r)] AS n
    RETURN collect(DISTINCT n) AS nodes
  }
  RETURN rels, nodes
}
RETURN country_a, country_b, relation, cameo_family, types, facts, articles, statuses, nodes AS _nodes, rels AS _rels
ORDER BY country_a, country_b, relation, cameo_family
