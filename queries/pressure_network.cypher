// name: pressure_network
// summary: Who presses whom, about what topic, how often and in how many articles
// params: actor string = "", topic string = "", include_negated bool = false, limit int(0..) = 50
// example: topic=defense
// description: PRESSURED relationships (pressed, urged, demanded, threatened) grouped by the two
// description: actors, the topic and the status; actor matches either side, topic is a substring.

// The groups are kept by the loader (:PressureGroup, one per presser, pressed, topic and status,
// with its counts and a sort key in this report's order; see graph/neo4j/derived_pressure.go).
// With no filter the groups are read in sort-key order (an index) up to the limit; with a topic,
// those a text index finds; with an actor, the groups of the actors it matches.
CALL () {
  // No actor, no topic: the groups in sort-key order, up to the limit.
  WITH 1 AS one WHERE $actor = '' AND $topic = ''
  MATCH (g:PressureGroup)
  WHERE g.sort IS NOT NULL AND ($include_negated OR coalesce(g.status, '') <> 'negated')
  WITH g ORDER BY g.sort LIMIT $limit
  RETURN g
  UNION
  // A topic, no actor: the groups whose topic contains it (a text index).
  WITH 1 AS one WHERE $actor = '' AND $topic <> ''
  MATCH (g:PressureGroup)
  WHERE g.topic_lc CONTAINS toLower($topic) AND ($include_negated OR coalesce(g.status, '') <> 'negated')
  RETURN g
  UNION
  // An actor: the groups of the actors it matches, either side (the actors of some group).
  WITH 1 AS one WHERE $actor <> ''
  MATCH (g0:PressureGroup) WHERE g0.sort IS NOT NULL
  UNWIND [g0.a, g0.b] AS id
  WITH DISTINCT id
  CALL (id) {
    MATCH (x:Person|Country|Organization|Place {id: id}) RETURN x
  }
  WITH x WHERE x.id = $actor OR toLower(x.name) CONTAINS toLower($actor)
         OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) CONTAINS toLower($actor))
  CALL (x) {
    MATCH (g:PressureGroup {a: x.id}) RETURN g
    UNION
    MATCH (g:PressureGroup {b: x.id}) RETURN g
  }
  WITH DISTINCT g
  WHERE ($topic = '' OR g.topic_lc CONTAINS toLower($topic))
    AND ($include_negated OR coalesce(g.status, '') <> 'negated')
  RETURN g
}
WITH g ORDER BY g.sort LIMIT $limit
CALL (g) {
  MATCH (a)-[r:PRESSURED]->(b) WHERE elementId(r) = g.sample[0]
  RETURN a, b
}
// The drawing: the two actors and at most 10 of the group's relationships (those of its newest
// articles, kept by the loader: the groups at the top grow with the graph).
CALL (g) {
  MATCH ()-[r:PRESSURED]->() WHERE elementId(r) IN g.sample
  RETURN collect(r) AS rels
}
RETURN a.name AS presser, b.name AS pressed, g.topic AS topic, g.status AS status, g.times AS times,
       g.articles AS articles, g.first AS first, g.last AS last, [a, b] AS _nodes, rels AS _rels
ORDER BY times DESC, presser, pressed, topic, status
LIMIT $limit
