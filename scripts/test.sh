#!/usr/bin/env bash
# make test: (a) go vet + unit tests, (b) integration tests (-tags integration) against a real
# Neo4j, (c) stop that Neo4j again if this run started it. Runs every stage, exits 1 if any failed.
#
# Neo4j: if NEWSGRAPH_NEO4J_URI is set, that server is used and nothing is started (give
# newsgraph its credentials the usual way). Otherwise the local server of tools/neo4j/neo4j.sh
# is used, started if it is not running, and the tests get
#   NEWSGRAPH_NEO4J_URI, NEWSGRAPH_NEO4J_USER, NEWSGRAPH_NEO4J_PASSWORD_FILE
# (values already set in the environment win for the last two). Concurrent `make test` runs in
# one tree share the server: each holds a lease, and the last one out stops a server that a
# test run started; a server started by hand (make neo4j-up) is left running.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
NEO4J=$ROOT/tools/neo4j/neo4j.sh
STATE_DIR=${NEWSGRAPH_NEO4J_DIR:-$ROOT/.neo4j}
LEASES=$STATE_DIR/test-leases
STARTED_MARKER=$STATE_DIR/started-by-test
GO=${GO:-go}

section() { printf '\n==== %s ====\n' "$*" >&2; }
say() { printf 'newsgraph: %s\n' "$*" >&2; }
failed=()
t_start=$SECONDS

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

live_lease() { # live_lease PID: that test run is still going
	[[ -r /proc/$1/cmdline ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q 'test\.sh'
}

leased=0
release() {
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
		say "leaving Neo4j running: another make test (pid ${others[*]}) is using it"
	else
		section "stopping Neo4j (a test run started it)"
		"$NEO4J" down || true
	fi
}
trap release EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- (a) static checks and unit tests -------------------------------------------------------
section "go vet ./..."
"$GO" vet ./... || failed+=("go vet")

section "unit tests: go test -count=1 ./..."
"$GO" test -count=1 ./... || failed+=("unit tests")

# ---- (b) integration tests against Neo4j ----------------------------------------------------
section "Neo4j for the integration tests"
neo4j_ok=1
if [[ -n ${NEWSGRAPH_NEO4J_URI:-} ]]; then
	say "using NEWSGRAPH_NEO4J_URI=$NEWSGRAPH_NEO4J_URI (not starting the local server)"
else
	mkdir -p "$LEASES"
	touch "$LEASES/$$"
	leased=1
	if ! "$NEO4J" status >/dev/null 2>&1; then
		# Ports held by something else (e.g. another checkout's server on this machine, as in
		# CI right after a session): run this tree's server on the next free pair instead.
		bolt=${NEO4J_BOLT_PORT:-7687} http=${NEO4J_HTTP_PORT:-7474}
		if port_open "$bolt" || port_open "$http"; then
			for i in 0 1 2 3 4 5 6 7 8 9; do
				b=$((17687 + i * 10)) h=$((17474 + i * 10))
				if ! port_open "$b" && ! port_open "$h"; then break; fi
			done
			say "ports $bolt/$http are taken by another process; this run's Neo4j uses $b/$h"
			export NEO4J_BOLT_PORT=$b NEO4J_HTTP_PORT=$h
		fi
	fi
	if "$NEO4J" up --for-test; then
		NEWSGRAPH_NEO4J_URI=$("$NEO4J" uri)
		export NEWSGRAPH_NEO4J_URI
		export NEWSGRAPH_NEO4J_USER=${NEWSGRAPH_NEO4J_USER:-neo4j}
		export NEWSGRAPH_NEO4J_PASSWORD_FILE=${NEWSGRAPH_NEO4J_PASSWORD_FILE:-$("$NEO4J" password)}
		say "NEWSGRAPH_NEO4J_URI=$NEWSGRAPH_NEO4J_URI NEWSGRAPH_NEO4J_USER=$NEWSGRAPH_NEO4J_USER NEWSGRAPH_NEO4J_PASSWORD_FILE=$NEWSGRAPH_NEO4J_PASSWORD_FILE"
	else
		neo4j_ok=0
		failed+=("starting Neo4j")
	fi
fi

if ((neo4j_ok)); then
	section "integration tests: go test -count=1 -p 1 -tags integration -v ./..."
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
	echo "tests: ${passed} passed, ${nfail} failed, ${skipped} skipped"
fi
if ((${#failed[@]})); then
	say "FAILED: ${failed[*]}"
	exit 1
fi
say "all stages passed"
