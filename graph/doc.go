// Package graph holds newsgraph's domain model: the closed sets of node labels and
// relationship types, deterministic ids, and the records of the extraction output
// contract (JSON Lines) that `newsgraph extract` writes and `newsgraph load` reads.
//
// It imports no database driver: the Neo4j store lives in graph/neo4j.
package graph
