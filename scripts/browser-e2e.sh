#!/usr/bin/env bash
# scripts/browser-e2e.sh [--load FILE] [--query NAME]
#
# End-to-end check of Neo4j Browser with newsgraph's reports: headless Chromium opens
# http://127.0.0.1:$NEO4J_HTTP_PORT/browser/, connects over Bolt with the password, loads
# browser/newsgraph.grass (:style) and browser/guide.html (:guide) from a small HTTP
# server with CORS, runs one report (who_met_whom by default) with its :param values,
# waits for the graph view and saves a screenshot to out/browser-e2e.png (and the guide
# drawer to out/browser-e2e-guide.png).
#
# Needs a running Neo4j (make neo4j-up) whose graph has something the report finds, e.g.
# the one `make run` builds; --load FILE loads an extraction first (`bin/newsgraph load
# FILE`, idempotent), e.g. --load testdata/reports/graph.jsonl. Before starting Chromium
# it runs the report with bin/newsgraph: with the example params of the guide when they
# find rows, else with the defaults (a guide made by `report guide --defaults`; the
# example, say since=2025, may find nothing in another corpus), else it stops and says
# the graph has nothing for that report. Installs what is missing: chromium (apt-get) and
# playwright-core (npm, into out/.browser-e2e, git-ignored).
#
# Environment: NEO4J_HTTP_PORT (7474), NEO4J_BOLT_PORT (7687), NEWSGRAPH_NEO4J_USER (neo4j),
# NEWSGRAPH_NEO4J_PASSWORD or NEWSGRAPH_NEO4J_PASSWORD_FILE (default .neo4j/password),
# CHROMIUM (/usr/bin/chromium), PLAYWRIGHT_CORE_VERSION (1.65.1), E2E_TIMEOUT_MS (60000).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD

say() { printf 'browser-e2e: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}

load= query=who_met_whom
while (($#)); do
	case $1 in
	--load) load=${2:?--load FILE}; shift ;;
	--query) query=${2:?--query NAME}; shift ;;
	-h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
	*) die "unknown argument $1 (see --help)" ;;
	esac
	shift
done

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $CHROMIUM ]]; then
	say "installing chromium (apt-get)"
	if ((EUID == 0)); then
		apt-get update -qq && apt-get install -y -qq chromium >/dev/null
	else
		sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null
	fi
	[[ -x $CHROMIUM ]] || die "no chromium at $CHROMIUM after apt-get install chromium; set CHROMIUM=/path/to/chromium"
fi
command -v node >/dev/null || die "node is needed (apt-get install -y nodejs npm)"

E2E_DIR=$ROOT/out/.browser-e2e
PW_VERSION=${PLAYWRIGHT_CORE_VERSION:-1.65.1}
if [[ ! -f $E2E_DIR/node_modules/playwright-core/package.json ]] ||
	! grep -q "\"version\": \"$PW_VERSION\"" "$E2E_DIR/node_modules/playwright-core/package.json"; then
	say "installing playwright-core@$PW_VERSION into out/.browser-e2e (npm)"
	mkdir -p "$E2E_DIR"
	[[ -f $E2E_DIR/package.json ]] || printf '{"private": true}\n' >"$E2E_DIR/package.json"
	(cd "$E2E_DIR" && npm install --no-audit --no-fund --loglevel=error "playwright-core@$PW_VERSION" >&2)
fi

if [[ -z ${NEWSGRAPH_NEO4J_PASSWORD:-} ]]; then
	pwfile=${NEWSGRAPH_NEO4J_PASSWORD_FILE:-$ROOT/.neo4j/password}
	[[ -r $pwfile ]] || die "no password: set NEWSGRAPH_NEO4J_PASSWORD or NEWSGRAPH_NEO4J_PASSWORD_FILE, or start the local server (make neo4j-up)"
	NEWSGRAPH_NEO4J_PASSWORD=$(<"$pwfile")
fi
export NEWSGRAPH_NEO4J_PASSWORD
HTTP_PORT=${NEO4J_HTTP_PORT:-7474}
BOLT_PORT=${NEO4J_BOLT_PORT:-7687}

export NEWSGRAPH_NEO4J_URI=${NEWSGRAPH_NEO4J_URI:-bolt://127.0.0.1:$BOLT_PORT}
NEWSGRAPH=${NEWSGRAPH:-$ROOT/bin/newsgraph}
[[ -x $NEWSGRAPH ]] || go build -o "$NEWSGRAPH" ./cmd/newsgraph
if [[ -n $load ]]; then
	say "loading $load"
	"$NEWSGRAPH" load "$load" >&2
fi

# Which params: the example's (as in browser/guide.html) if they find rows, else the defaults.
rows() { # rows ARGS...: how many rows the report finds (CSV lines but the header)
	local n
	n=$("$NEWSGRAPH" report run "$query" --format csv "$@" | wc -l) || return 1
	echo $((n > 0 ? n - 1 : 0))
}
example=()
while IFS= read -r kv; do
	kv=${kv#"${kv%%[![:space:]]*}"}
	[[ -n $kv ]] && example+=(--param "$kv")
done < <("$NEWSGRAPH" report show "$query" | sed -n 's|^// example:||p' | tr ';' '\n')
guide=$ROOT/browser/guide.html
n=$(rows ${example[@]+"${example[@]}"}) || die "bin/newsgraph report run $query failed (see above)"
if ((n > 0)); then
	say "report $query finds $n rows with its example params (${example[*]:-none})"
elif n=$(rows) && ((n > 0)); then
	say "report $query finds nothing with its example params (${example[*]:-none}) in $NEWSGRAPH_NEO4J_URI; using its defaults ($n rows)"
	mkdir -p "$E2E_DIR"
	guide=$E2E_DIR/guide-defaults.html
	"$NEWSGRAPH" report guide --defaults -o "$guide"
else
	die "report $query finds nothing in the graph at $NEWSGRAPH_NEO4J_URI: build one first (make run), or pass --load testdata/reports/graph.jsonl"
fi

mkdir -p out
rm -rf "$E2E_DIR/profile"
export NODE_PATH=$E2E_DIR/node_modules
exec node "$ROOT/scripts/browser-e2e.mjs" \
	--browser-url "http://127.0.0.1:$HTTP_PORT/browser/" \
	--bolt "neo4j://127.0.0.1:$BOLT_PORT" \
	--user "${NEWSGRAPH_NEO4J_USER:-neo4j}" \
	--chromium "$CHROMIUM" \
	--profile "$E2E_DIR/profile" \
	--guide "$guide" \
	--grass "$ROOT/browser/newsgraph.grass" \
	--report "$query" \
	--out "$ROOT/out/browser-e2e.png"
