// name: summary
// summary: How many nodes per label and relationships per type (with their statuses) the graph holds
// params:
CALL {
  // Node counts from the count store for the design's labels; a label outside them (db.labels)
  // is counted by a scan, which a graph newsgraph loaded never needs.
  CALL {
    MATCH (n:Article) WITH count(n) AS count RETURN 'Article' AS name, count
    UNION ALL
    MATCH (n:Country) WITH count(n) AS count RETURN 'Country' AS name, count
    UNION ALL
    MATCH (n:Event) WITH count(n) AS count RETURN 'Event' AS name, count
    UNION ALL
    MATCH (n:Organization) WITH count(n) AS count RETURN 'Organization' AS name, count
    UNION ALL
    MATCH (n:Person) WITH count(n) AS count RETURN 'Person' AS name, count
    UNION ALL
    MATCH (n:Place) WITH count(n) AS count RETURN 'Place' AS name, count
    UNION ALL
    CALL db.labels() YIELD label
    // LoadManifest is load's bookkeeping (one node per file loaded), CorroborationFact, ActorRank
    // and ActorPair the corroboration and most_connected reports', PressureGroup pressure_network's, CountryPair country_pairs' (ActorTie its former ties, until the backfill removes them; kept by the loader),
    // DerivedPending the batches whose derived data a running or stopped load has not caught up yet: not part
    // of the graph.
    WITH label WHERE NOT label IN ['Article', 'Country', 'Event', 'Organization', 'Person', 'Place', 'LoadManifest',
                                   'CorroborationFact', 'ActorRank', 'ActorPair', 'PressureGroup', 'CountryPair', 'ActorTie', 'DerivedPending']
    CALL (label) {
      MATCH (n) WHERE label IN labels(n)
      RETURN count(n) AS count
    }
    RETURN label AS name, count
  }
  WITH name, count WHERE count > 0
  RETURN 'node' AS kind, name, count,
         null AS reported, null AS planned, null AS hypothetical, null AS negated
  UNION ALL
  // Relationships per type from the count store, the planned, hypothetical and negated ones
  // counted from the type's status index (no property read; they are the few), and `reported`
  // the rest: every relationship of the type that is none of those three. extract writes a
  // status on every fact, so that is the reported ones; an edge a hand-written file left
  // without a status counts as reported here (docs/reports.md). Counting the reported ones
  // from the index instead read every entry of it: 356k db hits, ~125 ms at 100k. MENTIONS
  // carry no status: theirs are counted from the index (none). A type outside the model's
  // (db.relationshipTypes) is counted by a scan, which a graph newsgraph loaded never needs.
  CALL {
    MATCH ()-[r:ATTENDED]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:ATTENDED]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:ATTENDED]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:ATTENDED]->() WHERE r.status = 'negated' } AS negated
    RETURN 'ATTENDED' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:CRITICIZED]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:CRITICIZED]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:CRITICIZED]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:CRITICIZED]->() WHERE r.status = 'negated' } AS negated
    RETURN 'CRITICIZED' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:HELD_IN]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:HELD_IN]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:HELD_IN]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:HELD_IN]->() WHERE r.status = 'negated' } AS negated
    RETURN 'HELD_IN' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:HOLDS_ROLE]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:HOLDS_ROLE]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:HOLDS_ROLE]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:HOLDS_ROLE]->() WHERE r.status = 'negated' } AS negated
    RETURN 'HOLDS_ROLE' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:HOSTED]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:HOSTED]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:HOSTED]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:HOSTED]->() WHERE r.status = 'negated' } AS negated
    RETURN 'HOSTED' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:LOCATED_IN]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:LOCATED_IN]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:LOCATED_IN]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:LOCATED_IN]->() WHERE r.status = 'negated' } AS negated
    RETURN 'LOCATED_IN' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:MEMBER_OF]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:MEMBER_OF]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:MEMBER_OF]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:MEMBER_OF]->() WHERE r.status = 'negated' } AS negated
    RETURN 'MEMBER_OF' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:MENTIONS]->() WITH count(r) AS count
    RETURN 'MENTIONS' AS name, count,
           COUNT { MATCH ()-[r:MENTIONS]->() WHERE r.status = 'reported' } AS reported,
           COUNT { MATCH ()-[r:MENTIONS]->() WHERE r.status = 'planned' } AS planned,
           COUNT { MATCH ()-[r:MENTIONS]->() WHERE r.status = 'hypothetical' } AS hypothetical,
           COUNT { MATCH ()-[r:MENTIONS]->() WHERE r.status = 'negated' } AS negated
    UNION ALL
    MATCH ()-[r:MET]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:MET]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:MET]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:MET]->() WHERE r.status = 'negated' } AS negated
    RETURN 'MET' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:PRESSURED]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:PRESSURED]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:PRESSURED]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:PRESSURED]->() WHERE r.status = 'negated' } AS negated
    RETURN 'PRESSURED' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:SPOKE_WITH]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:SPOKE_WITH]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:SPOKE_WITH]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:SPOKE_WITH]->() WHERE r.status = 'negated' } AS negated
    RETURN 'SPOKE_WITH' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:SUPPORTED]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:SUPPORTED]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:SUPPORTED]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:SUPPORTED]->() WHERE r.status = 'negated' } AS negated
    RETURN 'SUPPORTED' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    MATCH ()-[r:VISITED]->() WITH count(r) AS count
    WITH count, COUNT { MATCH ()-[r:VISITED]->() WHERE r.status = 'planned' } AS planned,
         COUNT { MATCH ()-[r:VISITED]->() WHERE r.status = 'hypothetical' } AS hypothetical,
         COUNT { MATCH ()-[r:VISITED]->() WHERE r.status = 'negated' } AS negated
    RETURN 'VISITED' AS name, count, count - planned - hypothetical - negated AS reported, planned, hypothetical, negated
    UNION ALL
    CALL db.relationshipTypes() YIELD relationshipType AS type
    WITH type WHERE NOT type IN ['ATTENDED', 'CRITICIZED', 'HELD_IN', 'HOLDS_ROLE', 'HOSTED', 'LOCATED_IN', 'MEMBER_OF', 'MENTIONS', 'MET', 'PRESSURED', 'SPOKE_WITH', 'SUPPORTED', 'VISITED']
    CALL (type) {
      MATCH ()-[r]->() WHERE type(r) = type
      RETURN count(r) AS count,
             count(CASE r.status WHEN 'reported' THEN 1 END) AS reported,
             count(CASE r.status WHEN 'planned' THEN 1 END) AS planned,
             count(CASE r.status WHEN 'hypothetical' THEN 1 END) AS hypothetical,
             count(CASE r.status WHEN 'negated' THEN 1 END) AS negated
    }
    RETURN type AS name, count, reported, planned, hypothetical, negated
  }
  WITH name, count, reported, planned, hypothetical, negated WHERE count > 0
  RETURN 'relationship' AS kind, name, count, reported, planned, hypothetical, negated
}
RETURN kind, name, count, reported, planned, hypothetical, negated
ORDER BY kind, name
