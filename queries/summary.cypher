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
    // LoadManifest is load's bookkeeping (one node per file loaded), not part of the graph.
    WITH label WHERE NOT label IN ['Article', 'Country', 'Event', 'Organization', 'Person', 'Place', 'LoadManifest']
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
  // One property read per relationship, grouped by type and status.
  MATCH ()-[r]->()
  WITH type(r) AS name, r.status AS status, count(*) AS n
  WITH name, collect([status, n]) AS byStatus
  RETURN 'relationship' AS kind, name, reduce(c = 0, x IN byStatus | c + x[1]) AS count,
         reduce(c = 0, x IN byStatus | c + CASE x[0] WHEN 'reported' THEN x[1] ELSE 0 END) AS reported,
         reduce(c = 0, x IN byStatus | c + CASE x[0] WHEN 'planned' THEN x[1] ELSE 0 END) AS planned,
         reduce(c = 0, x IN byStatus | c + CASE x[0] WHEN 'hypothetical' THEN x[1] ELSE 0 END) AS hypothetical,
         reduce(c = 0, x IN byStatus | c + CASE x[0] WHEN 'negated' THEN x[1] ELSE 0 END) AS negated
}
RETURN kind, name, count, reported, planned, hypothetical, negated
ORDER BY kind, name
