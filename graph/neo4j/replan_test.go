package neo4j

import (
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// seeksByProperty finds a read whose plan the statistics would choose: relationships matched by
// a property (r.article = ...) or nodes of a derived label by a non-unique property
// (f.x = ...), where the server may seek an index, scan one, or expand from either end.
var seeksByProperty = regexp.MustCompile(`WHERE (r\.article|f\.x|f\.y) = `)

// hintedSeek is such a read with the hint that makes it a seek of the index on that property.
var hintedSeek = regexp.MustCompile("USING INDEX SEEK (r|f):[A-Za-z_`]+\\((article|x|y)\\) WHERE (r\\.article|f\\.x|f\\.y) = ")

// TestKeptPlansSeekUniquely: a statement that keeps its first plan (noReplan) reads by a
// property the statistics would decide how to find only with an index hint (byArticle). A
// plan kept from a small graph without one made the country pairs' lifting 4-25 s per call
// at 40k articles; replanning instead cost up to a second per load (docs/performance.md,
// *Load: plans kept from a small graph* and *Load: index seeks by hint*).
func TestKeptPlansSeekUniquely(t *testing.T) {
	stmts := map[string]string{
		"pairLiftStmt": pairLiftStmt(), "factRelsStmt": factRelsStmt, "pressureBeforeStmt": pressureBeforeStmt,
		"factsOfStmt": factsOfStmt, "lookupStmt": lookupStmt, "nodesStmt": nodesStmt, "createStmt": createStmt,
		"setAliasesStmt": setAliasesStmt, "factLockStmt": factLockStmt, "factSetStmt": factSetStmt,
		"factRecomputeStmt": factRecomputeStmt, "pairLockStmt": pairLockStmt, "pairSetStmt": pairSetStmt,
		"pairRenameStmt": pairRenameStmt, "mentionedStmt": mentionedStmt, "pairStmt": pairStmt, "rankStmt": rankStmt,
		"rankSetStmt": rankSetStmt, "pendingLockStmt": pendingLockStmt, "pendingOfStmt": pendingOfStmt,
		"pendingDeleteStmt": pendingDeleteStmt, "pressureRecomputeStmt": pressureRecomputeStmt,
		"pressureSetStmt": pressureSetStmt, "pressureRenameStmt": pressureRenameStmt,
		"refreshEventWhenStmt": refreshEventWhenStmt, "refreshSearchStmt": refreshSearchStmt,
		"extendEventWhenStmt": extendEventWhenStmt,
	}
	for _, rt := range graph.Relations {
		stmts["mergeStmt "+string(rt.Type)] = mergeStmt(rt.Type)
		stmts["staleStmt "+string(rt.Type)] = staleStmt(rt.Type)
		stmts["removeStmt "+string(rt.Type)] = removeStmt(rt.Type)
	}
	hinted := 0
	for name, s := range stmts {
		if !strings.HasPrefix(s, noReplan) {
			continue
		}
		reads, hints := len(seeksByProperty.FindAllString(s, -1)), hintedSeek.FindAllStringSubmatch(s, -1)
		if reads != len(hints) {
			t.Errorf("%s keeps its first plan (noReplan) but %d of its %d reads by a property have no index hint", name, reads-len(hints), reads)
		}
		for _, h := range hints {
			if h[1]+"."+h[2] != h[3] {
				t.Errorf("%s: the hint on %s.%s does not match the read of %s", name, h[1], h[2], h[3])
			}
		}
		if len(hints) > 0 {
			hinted++
		}
	}
	if hinted < 4 {
		t.Errorf("%d kept statements read by article or fact end with a hint, want at least the four reads (lifting, facts, pressure, facts by end)", hinted)
	}
}
