package neo4j

import (
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// dateSchema is a range index on date for every relationship type of the model that has none
// in lookupSchema (MET and CRITICIZED have theirs there): the evidence report reads the
// relationships between two hubs newest first, type by type, from them (queries/evidence.cypher).
// MENTIONS carries no date. Nothing to backfill: creating an index populates it.
func dateSchema() []SchemaItem {
	var out []SchemaItem
	for _, r := range graph.Relations {
		if r.Type == graph.RelMentions || r.Type == graph.RelMet || r.Type == graph.RelCriticized {
			continue
		}
		name := strings.ToLower(string(r.Type)) + "_date"
		out = append(out, SchemaItem{Name: name, Kind: "index", Entity: "RELATIONSHIP", On: string(r.Type), Prop: "date",
			Create: fmt.Sprintf("CREATE INDEX %s IF NOT EXISTS FOR ()-[r:%s]-() ON (r.date)", name, ident(string(r.Type)))})
	}
	return out
}
