package neo4j

import (
	"regexp"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// seeksByProperty finds a read whose plan the statistics choose: relationships matched by a
// property (r.article = ...) or nodes of a derived label by a non-unique property
// (f.x = ...), where the server may seek an index, scan one, or expand from either end.
var seeksByProperty = regexp.MustCompile(`WHERE (r\.article|f\.x|f\.y) = `)

// TestKeptPlansSeekUniquely: no statement that keeps its first plan (noReplan) reads by a
// property the statistics decide how to find; the four reads that do are replanned. A plan
// kept from a small graph made the country pairs' lifting 4-25 s per call at 40k articles
// (docs/performance.md, *Plans kept from a small graph*).
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
	replanned := 0
	for name, s := range stmts {
		kept := strings.HasPrefix(s, noReplan)
		if seeks := seeksByProperty.MatchString(s); seeks && kept {
			t.Errorf("%s keeps its first plan (noReplan) but reads by a property: %s", name, seeksByProperty.FindString(s))
		} else if seeks {
			replanned++
		}
	}
	if replanned < 4 {
		t.Errorf("%d statements read by article or fact end, want at least the four reads (lifting, facts, pressure, facts by end)", replanned)
	}
}
