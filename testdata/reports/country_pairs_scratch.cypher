// The country_pairs report computed from scratch, by its meaning (docs/reports.md): every actor
// relationship lifted to the countries its own article gives its two ends. The report reads the
// groups the loader keeps (graph/neo4j/derived_country_pairs.go);
// queries/country_pairs_integration_test.go compares its rows with these.
// name: country_pairs
// summary: Country-to-country relations, from scratch (a test's reference)
// params: country string = "", include_negated bool = false, limit int(0..) = 100

MATCH (a)-[r:MET|SPOKE_WITH|SUPPORTED|VISITED|HOSTED|PRESSURED|CRITICIZED]->(b)
WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
// An end's countries in the relationship's article: itself when a Country; else those of its
// roles and locations stated there; else, when the article states no role of it (of a country or
// an organisation), the country of its role on the article's date (the MENTIONS' country) when
// the article names that country.
CALL (a, b, r) {
  UNWIND [0, 1] AS i
  WITH i, CASE i WHEN 0 THEN a ELSE b END AS x, r
  CALL (x, r) {
    WITH x WHERE x:Country
    RETURN [x] AS cs
    UNION
    WITH x, r WHERE NOT x:Country
    OPTIONAL MATCH (x)-[h:HOLDS_ROLE|LOCATED_IN]->(k:Country) WHERE h.article = r.article
    WITH x, r, collect(DISTINCT k) AS ks
    OPTIONAL MATCH (:Article {id: r.article})-[m:MENTIONS]->(x)
    WHERE m.country IS NOT NULL AND NOT EXISTS { (x)-[h:HOLDS_ROLE]->() WHERE h.article = r.article }
    OPTIONAL MATCH (:Article {id: r.article})-[:MENTIONS]->(d:Country) WHERE d.iso2 = m.country
    WITH ks, collect(DISTINCT d) AS ds
    RETURN CASE WHEN size(ks) > 0 THEN ks ELSE ds END AS cs
  }
  WITH i, cs ORDER BY i
  RETURN collect(cs) AS both
}
UNWIND both[0] AS ca
UNWIND both[1] AS cb
WITH ca, cb, r WHERE ca <> cb
WITH CASE WHEN type(r) IN ['MET', 'SPOKE_WITH'] AND cb.name < ca.name THEN [cb, ca] ELSE [ca, cb] END AS p, r
WITH p[0] AS ca, p[1] AS cb, r, type(r) AS t,
     coalesce(left(r.cameo, 2), {MET: '04', SPOKE_WITH: '04', VISITED: '04', HOSTED: '04', SUPPORTED: '05',
                                 PRESSURED: '10', CRITICIZED: '11'}[type(r)]) AS fam
WHERE any(x IN [ca, cb] WHERE $country = '' OR x.id = $country OR toLower(x.name) STARTS WITH toLower($country)
          OR toLower(coalesce(x.iso2, '')) = toLower($country)
          OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) = toLower($country)))
WITH ca, cb, r, t, CASE WHEN t IN ['PRESSURED', 'CRITICIZED'] THEN 'conflict' ELSE 'cooperation' END AS relation,
     fam + ' ' + coalesce({`01`: 'make public statement', `02`: 'appeal', `03`: 'express intent to cooperate',
                           `04`: 'consult', `05`: 'engage in diplomatic cooperation', `06`: 'engage in material cooperation',
                           `07`: 'provide aid', `08`: 'yield', `09`: 'investigate', `10`: 'demand', `11`: 'disapprove',
                           `12`: 'reject', `13`: 'threaten', `14`: 'protest', `15`: 'exhibit force posture',
                           `16`: 'reduce relations', `17`: 'coerce', `18`: 'assault', `19`: 'fight',
                           `20`: 'use unconventional mass violence'}[fam], '?') AS cameo_family
ORDER BY coalesce(r.date, '') DESC, r.article, r.key
WITH ca.name AS country_a, cb.name AS country_b, relation, cameo_family, collect(DISTINCT t) AS ts,
     collect(DISTINCT r.status) AS sts, count(r) AS facts, count(DISTINCT r.article) AS articles, collect(r) AS rels
ORDER BY country_a, country_b, relation, cameo_family
LIMIT $limit
WITH country_a, country_b, relation, cameo_family,
     [x IN ['MET', 'SPOKE_WITH', 'SUPPORTED', 'VISITED', 'HOSTED', 'PRESSURED', 'CRITICIZED'] WHERE x IN ts] AS types, facts, articles,
     [x IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE x IN sts] AS statuses, rels[..10] AS rels
CALL (rels) {
  UNWIND rels AS r
  UNWIND [startNode(r), endNode(r)] AS n
  RETURN collect(DISTINCT n) AS nodes
}
RETURN country_a, country_b, relation, cameo_family, types, facts, articles, statuses, nodes AS _nodes, rels AS _rels
ORDER BY country_a, country_b, relation, cameo_family
