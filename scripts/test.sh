#!/usr/bin/env bash
# make test: (a) go vet + unit tests, (b) integration tests (-tags integration) against a real
# Neo4j, (c) stop that Neo4j again if this run started it. Runs every stage, exits 1 if any failed.
#
# The integration tests WIPE the database they connect to (MATCH (n) DETACH DELETE n), so they
# never use the main local server (.neo4j/home, :7687, the graph `make run` builds): they use
# the `test` instance of tools/neo4j/neo4j.sh (.neo4j/test, :17687 or the next free pair, its
# own data and password), started if it is not running, and get
#   NEWSGRAPH_NEO4J_URI, NEWSGRAPH_NEO4J_USER=neo4j, NEWSGRAPH_NEO4J_PASSWORD_FILE
# for it (NEWSGRAPH_NEO4J_PASSWORD is unset, NEWSGRAPH_NEO4J_DATABASE=neo4j). This script never
# runs neo4j.sh for the main instance.
# If NEWSGRAPH_NEO4J_URI is set, that server is used instead (and wiped!), nothing is started,
# and newsgraph's credentials come from the environment as usual.
# Concurrent `make test` runs in one tree share the test server: each holds a lease, and the last
# one out stops a server that a test run started; one started by hand (make neo4j-test-up) is
# left running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
STATE_DIR=${NEWSGRAPH_NEO4J_DIR:-$ROOT/.neo4j}
# Only ever the test instance, whatever NEO4J_INSTANCE says in the caller's environment.
export NEO4J_INSTANCE=test
NEO4J=$ROOT/tools/neo4j/neo4j.sh
LEASES=$STATE_DIR/test/test-leases
STARTED_MARKER=$STATE_DIR/test/started-by-test
GO=${GO:-go}

section() { printf '\n==== %s ====\n' "$*" >&2; }
say() { printf 'newsgraph: %s\n' "$*" >&2; }
failed=()
t_start=$SECONDS

live_lease() { # live_lease PID: that test run is still going
	[[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'test\.sh'
}

leased=0
release() {
	[[ -z ${up_log:-} ]] || rm -f "$up_log"
	((leased)) || return 0
	rm -f "$LEASES/$$"
	[[ -f $STARTED_MARKER ]] || return 0
	local f pid others=()
	for f in "$LEASES"/*; do
		[[ -e $f ]] || continue
		pid=${f##*/}
		if live_lease "$pid"; then others+=("$pid"); else rm -f "$f"; fi
	done
	if ((${#others[@]})); then
		say "leaving the test Neo4j running: another make test (pid ${others[*]}) is using it"
	else
		section "stopping the test Neo4j (a test run started it)"
		"$NEO4J" down || true
	fi
}
trap release EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The test server starts in the background while vet and the unit tests run (its output is
# shown afterwards); nothing is started when NEWSGRAPH_NEO4J_URI names a server.
up_pid= up_log=
if [[ -z ${NEWSGRAPH_NEO4J_URI:-} ]]; then
	mkdir -p "$LEASES"
	touch "$LEASES/$$"
	leased=1
	up_log=$(mktemp)
	say "starting the test Neo4j (NEO4J_INSTANCE=test) in the background; log: $up_log"
	# Ports: 17687/17474, or the next free pair if another process holds them (neo4j.sh picks).
	"$NEO4J" up --for-test >"$up_log" 2>&1 &
	up_pid=$!
fi

# ---- (a) static checks and unit tests -------------------------------------------------------
section "go vet ./..."
"$GO" vet ./... || failed+=("go vet")

section "unit tests: go test -count=1 ./..."
"$GO" test -count=1 ./... || failed+=("unit tests")
# Modules of their own in the tree (./... stops at their go.mod): the English date parser that
# replaces go-dateparser (see third_party/dateparser-en/README.md).
for m in third_party/*/go.mod; do
	[[ -e $m ]] || continue
	section "vet + unit tests: ${m%/go.mod}"
	(cd "${m%/go.mod}" && "$GO" vet ./... && "$GO" test -count=1 ./...) || failed+=("unit tests ${m%/go.mod}")
done

# ---- (b) integration tests against Neo4j ----------------------------------------------------
section "Neo4j for the integration tests"
neo4j_ok=1
if [[ -n ${NEWSGRAPH_NEO4J_URI:-} ]]; then
	say "NEWSGRAPH_NEO4J_URI is set: the integration tests use YOUR server $NEWSGRAPH_NEO4J_URI"
	say "WARNING: they DELETE EVERYTHING in its database (${NEWSGRAPH_NEO4J_DATABASE:-neo4j}); unset NEWSGRAPH_NEO4J_URI to use the throwaway test instance"
else
	up_rc=0
	wait "$up_pid" || up_rc=$?
	cat "$up_log" >&2
	rm -f "$up_log"
	if ((up_rc == 0)); then
		NEWSGRAPH_NEO4J_URI=$("$NEO4J" uri)
		export NEWSGRAPH_NEO4J_URI
		export NEWSGRAPH_NEO4J_USER=neo4j
		NEWSGRAPH_NEO4J_PASSWORD_FILE=$("$NEO4J" password)
		export NEWSGRAPH_NEO4J_PASSWORD_FILE
		export NEWSGRAPH_NEO4J_DATABASE=neo4j
		# A password in the environment would win over the file (and belong to another server).
		unset NEWSGRAPH_NEO4J_PASSWORD
		say "the integration tests use the TEST instance: $NEWSGRAPH_NEO4J_URI (${STATE_DIR#"$ROOT"/}/test, password file $NEWSGRAPH_NEO4J_PASSWORD_FILE)"
		say "they wipe that instance's database; your main graph (${STATE_DIR#"$ROOT"/}/home, make run / make neo4j-up) is not touched"
	else
		neo4j_ok=0
		failed+=("starting the test Neo4j")
	fi
fi

if ((neo4j_ok)); then
	section "integration tests against $NEWSGRAPH_NEO4J_URI: go test -count=1 -p 1 -tags integration -v ./..."
	log=$(mktemp)
	set +e
	"$GO" test -count=1 -p 1 -tags integration -v ./... 2>&1 | tee "$log"
	rc=${PIPESTATUS[0]}
	set -e
	((rc == 0)) || failed+=("integration tests")
	passed=$(grep -cE '^[[:space:]]*--- PASS' "$log" || true)
	nfail=$(grep -cE '^[[:space:]]*--- FAIL' "$log" || true)
	skipped=$(grep -cE '^[[:space:]]*--- SKIP' "$log" || true)
	rm -f "$log"
else
	say "skipping the integration tests: no Neo4j"
fi

# ---- summary ------------------------------------------------------------------------------
section "summary ($((SECONDS - t_start))s)"
if ((neo4j_ok)); then
	echo "tests: ${passed} passed, ${nfail} failed, ${skipped} skipped (integration run, against $NEWSGRAPH_NEO4J_URI)"
fi
if ((${#failed[@]})); then
	say "FAILED: ${failed[*]}"
	exit 1
fi
say "all stages passed"
