// Package queries holds newsgraph's saved Cypher report templates (the *.cypher files of
// this folder, embedded with go:embed) and parses their checked headers.
//
// A template starts with a header of `// key: value` comment lines:
//
//	// name: who_met_whom
//	// summary: Meetings between two actors, with where, when and the sentence that says so
//	// params: person string = "", since date = null, limit int = 50
//	// example: person=Trump; since=2025
//	// description: optional longer text; the field may repeat, each line adds a line
//	MATCH (a)-[m:MET]->(b) WHERE ...
//
// name, summary and params are required (params may be empty: `// params:`); name must be
// the file's stem in snake_case. Each param is `name type` or `name type = default`
// (without a default the param is required). example gives `name=value` pairs (as --param
// takes them) separated by ";", one for every required param; the Browser guide and the
// golden tests run the template with them. Types:
//
//	string        a Cypher string; default "..." (JSON or single quotes) or null
//	int           a 64-bit integer; default 42 or null
//	float         a float; default 4.2, 42 or null
//	bool          true or false (no null)
//	date          an ISO date YYYY, YYYY-MM or YYYY-MM-DD, passed as a Cypher STRING
//	              (the graph stores dates as strings of varying precision); default
//	              "2024-11-22" or null
//	list<string>  a list of strings; default ["a", "b"], [] or null
//
// The body is plain Cypher whose parameters ($name) must all be declared, and every
// declared parameter must be used. Parse reports every problem as
// "queries/NAME.cypher:LINE: message". Load reads the embedded templates and, when
// given a folder (config key queries.dir), that folder's *.cypher files, which add
// templates or replace embedded ones of the same name.
//
// Columns whose name starts with "_" (such as _path) carry graph values for Neo4j Browser
// and the HTML drawing; the text renderings (table, CSV, JSON, Markdown) leave them out.
package queries
