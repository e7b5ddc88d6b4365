// name: country_pairs
// summary: Country-to-country relations, cooperation against conflict, by CAMEO family
// params: country string = "", include_negated bool = false, limit int(0..) = 100
// description: Each actor relationship is lifted to countries by what its own article says of its
// description: two ends: a Country is itself; a person counts for the countries of the roles
// description: (HOLDS_ROLE) the same article gives them, a place or organisation for the country
// description: it is located in (LOCATED_IN) in that article; a person the article gives no role
// description: (of a country or an organisation) counts for the country of their role on the
// description: article's date (offices table, Phoenix dictionaries) when the article names that
// description: country. Cooperation: MET, SPOKE_WITH, SUPPORTED, VISITED, HOSTED; conflict:
// description: PRESSURED, CRITICIZED. The CAMEO family is the first two digits of the
// description: relationship's cameo code (or the type's root code when it has none). MET and
// description: SPOKE_WITH pairs are listed once, in name order; other pairs go from actor to
// description: target. country matches either side by id, ISO code (us), alias (American) or the
// description: start of the name (united). The drawing shows, per row, its 10 newest
// description: relationships (by date, then article and key) and their ends.

// The loader keeps one :CountryPair per row (country_a, country_b, relation, CAMEO family) with
// its counts, statuses, types, articles and newest relationships, with and without the negated
// ones, and two sort keys in this report's order (graph/neo4j/derived_country_pairs.go). With no
// country the groups are read in sort-key order (an index) up to the limit; with one, for each
// matching country the first `limit` groups where it is country_a (the sort key starts with its
// name) and those where it is country_b (the second sort key starts with its name).
CALL () {
  WITH 1 AS one WHERE $country = ''
  MATCH (g:CountryPair)
  WHERE g.sort IS NOT NULL AND CASE WHEN $include_negated THEN g.all_n ELSE g.nn_n END > 0
  WITH g ORDER BY g.sort LIMIT $limit
  RETURN g
  UNION
  WITH 1 AS one WHERE $country <> ''
  MATCH (m:Country)
  WHERE m.id = $country OR toLower(m.name) STARTS WITH toLower($country)
     OR toLower(coalesce(m.iso2, '')) = toLower($country)
     OR any(al IN coalesce(m.aliases, []) WHERE toLower(al) = toLower($country))
  CALL (m) {
    MATCH (g:CountryPair)
    WHERE g.sort STARTS WITH m.name + '\u0000' AND g.a = m.id
      AND CASE WHEN $include_negated THEN g.all_n ELSE g.nn_n END > 0
    WITH g ORDER BY g.sort LIMIT $limit
    RETURN g
    UNION
    MATCH (g:CountryPair)
    WHERE g.sortb STARTS WITH m.name + '\u0000' AND g.b = m.id
      AND CASE WHEN $include_negated THEN g.all_n ELSE g.nn_n END > 0
    WITH g ORDER BY g.sortb LIMIT $limit
    RETURN g
  }
  RETURN g
}
WITH DISTINCT g ORDER BY g.sort LIMIT $limit
// The drawing's graph values: the row's newest relationships and, once each, their ends.
CALL (g) {
  UNWIND CASE WHEN $include_negated THEN g.all_eids ELSE g.nn_eids END AS e
  MATCH ()-[r]->() WHERE elementId(r) = e
  WITH collect(r) AS rels
  CALL (rels) {
    UNWIND rels AS r
    UNWIND [startNode(r), endNode(r)] AS n
    RETURN collect(DISTINCT n) AS nodes
  }
  RETURN rels, nodes
}
RETURN g.an AS country_a, g.bn AS country_b, g.rel AS relation,
       g.fam + ' ' + coalesce({`01`: 'make public statement', `02`: 'appeal', `03`: 'express intent to cooperate',
                               `04`: 'consult', `05`: 'engage in diplomatic cooperation', `06`: 'engage in material cooperation',
                               `07`: 'provide aid', `08`: 'yield', `09`: 'investigate', `10`: 'demand', `11`: 'disapprove',
                               `12`: 'reject', `13`: 'threaten', `14`: 'protest', `15`: 'exhibit force posture',
                               `16`: 'reduce relations', `17`: 'coerce', `18`: 'assault', `19`: 'fight',
                               `20`: 'use unconventional mass violence'}[g.fam], '?') AS cameo_family,
       CASE WHEN $include_negated THEN g.all_ty ELSE g.nn_ty END AS types,
       CASE WHEN $include_negated THEN g.all_n ELSE g.nn_n END AS facts,
       CASE WHEN $include_negated THEN g.all_na ELSE g.nn_na END AS articles,
       CASE WHEN $include_negated THEN g.all_st ELSE g.nn_st END AS statuses, nodes AS _nodes, rels AS _rels
ORDER BY country_a, country_b, relation, cameo_family
