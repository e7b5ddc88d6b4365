// name: summary
// summary: How many nodes per label and relationships per type (with their statuses) the graph holds
// params:
CALL {
  MATCH (n)
  UNWIND labels(n) AS name
  RETURN 'node' AS kind, name, count(*) AS count,
         null AS reported, null AS planned, null AS hypothetical, null AS negated
  UNION ALL
  MATCH ()-[r]->()
  RETURN 'relationship' AS kind, type(r) AS name, count(*) AS count,
         sum(CASE r.status WHEN 'reported' THEN 1 ELSE 0 END) AS reported,
         sum(CASE r.status WHEN 'planned' THEN 1 ELSE 0 END) AS planned,
         sum(CASE r.status WHEN 'hypothetical' THEN 1 ELSE 0 END) AS hypothetical,
         sum(CASE r.status WHEN 'negated' THEN 1 ELSE 0 END) AS negated
}
RETURN kind, name, count, reported, planned, hypothetical, negated
ORDER BY kind, name
