// The country_pairs template of main at 268ef6b, before the loader kept :ActorTie nodes: it lifts
// every actor relationship to countries from scratch. queries/country_pairs_integration_test.go
// compares the report's rows with it.
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

// Countries in name order: with no country given, each with its own pairs; with one given, the
// countries it matches with their own pairs, and the others with their pairs with a matching
// country, found from the matching country's side (else every country would read all its
// relationships to keep a few).
CALL () {
  MATCH (c:Country)
  WHERE $country = '' OR (c.id = $country OR toLower(c.name) STARTS WITH toLower($country)
     OR toLower(coalesce(c.iso2, '')) = toLower($country)
     OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
  RETURN c, true AS own, [] AS given
  UNION ALL
  MATCH (m:Country)
  WHERE $country <> '' AND (m.id = $country OR toLower(m.name) STARTS WITH toLower($country)
     OR toLower(coalesce(m.iso2, '')) = toLower($country)
     OR any(al IN coalesce(m.aliases, []) WHERE toLower(al) = toLower($country)))
  CALL (m) {
    CALL (m) {
      RETURN m AS b
      UNION
      MATCH (b)-[:HOLDS_ROLE|LOCATED_IN]->(m) WHERE NOT b:Country
      RETURN b
    }
    MATCH (a)-[r:MET|SPOKE_WITH|SUPPORTED|VISITED|HOSTED|PRESSURED|CRITICIZED]->(b)
    WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
    WITH m, a, collect(r) AS rs
    CALL (a) {
      OPTIONAL MATCH (a)-[:HOLDS_ROLE|LOCATED_IN]->(k:Country)
      WITH a, collect(DISTINCT k) AS ks
      UNWIND CASE WHEN a:Country THEN [a] ELSE ks END AS c
      RETURN c
    }
    UNWIND rs AS r
    WITH m, c, r WHERE c <> m AND NOT (type(r) IN ['MET', 'SPOKE_WITH'] AND m.name < c.name)
    RETURN c, r
    UNION ALL
    CALL (m) {
      RETURN m AS a
      UNION
      MATCH (a)-[:HOLDS_ROLE|LOCATED_IN]->(m) WHERE NOT a:Country
      RETURN a
    }
    MATCH (a)-[r:MET|SPOKE_WITH]->(b)
    WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
    WITH m, b, collect(r) AS rs
    CALL (b) {
      OPTIONAL MATCH (b)-[:HOLDS_ROLE|LOCATED_IN]->(k:Country)
      WITH b, collect(DISTINCT k) AS ks
      UNWIND CASE WHEN b:Country THEN [b] ELSE ks END AS c
      RETURN c
    }
    UNWIND rs AS r
    WITH m, c, r WHERE c <> m AND c.name < m.name
    RETURN c, r
  }
  WITH c, collect({c2: m, r: r}) AS given
  WHERE NOT (c.id = $country OR toLower(c.name) STARTS WITH toLower($country)
     OR toLower(coalesce(c.iso2, '')) = toLower($country)
     OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
  RETURN c, false AS own, given
}
WITH c, own, given
ORDER BY c.name
CALL (c, own, given) {
  CALL (c, own, given) {
    UNWIND given AS x
    RETURN x.c2 AS c2, x.r AS r
    UNION ALL
    WITH c WHERE own
    CALL (c) {
      RETURN c AS a
      UNION
      MATCH (a)-[:HOLDS_ROLE|LOCATED_IN]->(c) WHERE NOT a:Country
      RETURN a
    }
    MATCH (a)-[r:MET|SPOKE_WITH|SUPPORTED|VISITED|HOSTED|PRESSURED|CRITICIZED]->(b)
    WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
    // Each partner is lifted to its countries once, not once per relationship.
    WITH c, b, collect(r) AS rs
    CALL (b) {
      OPTIONAL MATCH (b)-[:HOLDS_ROLE|LOCATED_IN]->(k:Country)
      WITH b, collect(DISTINCT k) AS found
      UNWIND CASE WHEN b:Country THEN [b] ELSE found END AS c2
      RETURN c2
    }
    UNWIND rs AS r
    WITH c, c2, r WHERE c2 <> c AND NOT (type(r) IN ['MET', 'SPOKE_WITH'] AND c2.name < c.name)
    RETURN c2, r
    UNION ALL
    WITH c WHERE own
    CALL (c) {
      RETURN c AS b
      UNION
      MATCH (b)-[:HOLDS_ROLE|LOCATED_IN]->(c) WHERE NOT b:Country
      RETURN b
    }
    MATCH (a)-[r:MET|SPOKE_WITH]->(b)
    WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
    WITH c, a, collect(r) AS rs
    CALL (a) {
      OPTIONAL MATCH (a)-[:HOLDS_ROLE|LOCATED_IN]->(k:Country)
      WITH a, collect(DISTINCT k) AS found
      UNWIND CASE WHEN a:Country THEN [a] ELSE found END AS c2
      RETURN c2
    }
    UNWIND rs AS r
    WITH c, c2, r WHERE c2 <> c AND c.name < c2.name
    RETURN c2, r
  }
  WITH c, c2, r, type(r) AS t, coalesce(left(r.cameo, 2), {MET: '04', SPOKE_WITH: '04', VISITED: '04', HOSTED: '04',
                                                         SUPPORTED: '05', PRESSURED: '10', CRITICIZED: '11'}[type(r)]) AS fam
  WHERE any(x IN [c, c2] WHERE $country = '' OR x.id = $country OR toLower(x.name) STARTS WITH toLower($country)
               OR toLower(coalesce(x.iso2, '')) = toLower($country)
               OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) = toLower($country)))
  WITH c2, r, t, CASE WHEN t IN ['PRESSURED', 'CRITICIZED'] THEN 'conflict' ELSE 'cooperation' END AS relation,
       fam + ' ' + coalesce({`01`: 'make public statement', `02`: 'appeal', `03`: 'express intent to cooperate',
                           `04`: 'consult', `05`: 'engage in diplomatic cooperation', `06`: 'engage in material cooperation',
                           `07`: 'provide aid', `08`: 'yield', `09`: 'investigate', `10`: 'demand', `11`: 'disapprove',
                           `12`: 'reject', `13`: 'threaten', `14`: 'protest', `15`: 'exhibit force posture',
                           `16`: 'reduce relations', `17`: 'coerce', `18`: 'assault', `19`: 'fight',
                           `20`: 'use unconventional mass violence'}[fam], '?') AS cameo_family
  WITH c2, relation, cameo_family, collect(DISTINCT t) AS ts, collect(DISTINCT r.status) AS sts,
       count(DISTINCT r) AS facts, count(DISTINCT r.article) AS articles, collect(DISTINCT r) AS rels
  RETURN c2.name AS country_b, relation, cameo_family, ts, sts, facts, articles, rels
  ORDER BY country_b, relation, cameo_family
}
WITH c.name AS country_a, country_b, relation, cameo_family,
     [x IN ['MET', 'SPOKE_WITH', 'SUPPORTED', 'VISITED', 'HOSTED', 'PRESSURED', 'CRITICIZED'] WHERE x IN ts] AS types, facts, articles,
     [x IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE x IN sts] AS statuses, rels
LIMIT $limit
// The drawing's graph values: the relationships and, once each, the nodes at their ends (a path
// per relationship repeated both nodes in every one of them).
CALL (rels) {
  UNWIND rels AS r
  UNWIND [startNode(r), endNode(r)] AS n
  RETURN collect(DISTINCT n) AS nodes
}
RETURN country_a, country_b, relation, cameo_family, types, facts, articles, statuses, nodes AS _nodes, rels AS _rels
ORDER BY country_a, country_b, relation, cameo_family
