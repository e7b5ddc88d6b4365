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
MATCH p = (a)-[r:MET|SPOKE_WITH|SUPPORTED|VISITED|HOSTED|PRESSURED|CRITICIZED]->(b)
WHERE $include_negated OR coalesce(r.status, '') <> 'negated'
OPTIONAL MATCH (a)-[:HOLDS_ROLE|LOCATED_IN]->(ac:Country)
WITH p, r, a, b, collect(DISTINCT CASE WHEN a:Country THEN a ELSE ac END) AS cas
OPTIONAL MATCH (b)-[:HOLDS_ROLE|LOCATED_IN]->(bc:Country)
WITH p, r, cas, collect(DISTINCT CASE WHEN b:Country THEN b ELSE bc END) AS cbs
UNWIND cas AS ca
UNWIND cbs AS cb
WITH p, r, ca, cb, type(r) AS t
WHERE ca <> cb
WITH p, r, t, t IN ['MET', 'SPOKE_WITH'] AND cb.name < ca.name AS swap, ca, cb,
     coalesce(left(r.cameo, 2), {MET: '04', SPOKE_WITH: '04', VISITED: '04', HOSTED: '04', SUPPORTED: '05',
                                 PRESSURED: '10', CRITICIZED: '11'}[t]) AS fam
WITH CASE WHEN swap THEN cb ELSE ca END AS c1, CASE WHEN swap THEN ca ELSE cb END AS c2,
     CASE WHEN t IN ['PRESSURED', 'CRITICIZED'] THEN 'conflict' ELSE 'cooperation' END AS relation,
     fam + ' ' + coalesce({`01`: 'make public statement', `02`: 'appeal', `03`: 'express intent to cooperate',
                           `04`: 'consult', `05`: 'engage in diplomatic cooperation', `06`: 'engage in material cooperation',
                           `07`: 'provide aid', `08`: 'yield', `09`: 'investigate', `10`: 'demand', `11`: 'disapprove',
                           `12`: 'reject', `13`: 'threaten', `14`: 'protest', `15`: 'exhibit force posture',
                           `16`: 'reduce relations', `17`: 'coerce', `18`: 'assault', `19`: 'fight',
                           `20`: 'use unconventional mass violence'}[fam], '?') AS cameo_family,
     t, r, p
WHERE $country = ''
   OR any(c IN [c1, c2] WHERE c.id = $country OR toLower(c.name) STARTS WITH toLower($country)
          OR toLower(coalesce(c.iso2, '')) = toLower($country)
          OR any(al IN coalesce(c.aliases, []) WHERE toLower(al) = toLower($country)))
WITH c1, c2, relation, cameo_family, collect(DISTINCT t) AS ts, collect(DISTINCT r.status) AS sts,
     count(DISTINCT r) AS facts, count(DISTINCT r.article) AS articles, collect(DISTINCT p) AS paths
RETURN c1.name AS country_a, c2.name AS country_b, relation, cameo_family,
       [x IN ['MET', 'SPOKE_WITH', 'SUPPORTED', 'VISITED', 'HOSTED', 'PRESSURED', 'CRITICIZED'] WHERE x IN ts] AS types, facts, articles,
       [x IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE x IN sts] AS statuses, paths AS _paths
ORDER BY country_a, country_b, relation, cameo_family
LIMIT $limit
