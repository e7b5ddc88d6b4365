#!/usr/bin/env bash
# scripts/vulncheck.sh: govulncheck ./... against a LOCAL Go vulnerability database
# (make lint runs it). The machines reach only the Go module proxy, so the database is
# built from the golang.org/x/vulndb module (its data/osv/*.json reports) by that
# module's own cmd/indexdb, once per VULNDB_VERSION, into out/vulndb/VERSION (git-ignored);
# govulncheck (golang.org/x/vuln) reads it with -db file://. First run: about 5 minutes
# (downloads and builds both tools); later runs: about 1 minute.
#
# Vulnerabilities the code reaches in a required module fail (upgrade the module);
# those in the standard library are warnings naming the Go release that fixes them
# (tools/vulnsummary).
#
# Environment: VULNDB_VERSION, GOVULNCHECK_VERSION (pinned below), VULNDB_DIR (a ready
# database instead of building one), VULNCHECK=0 skips the check.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
GO=${GO:-go}
VULNDB_VERSION=${VULNDB_VERSION:-v0.0.0-20261105234957-e22db6528018}
GOVULNCHECK_VERSION=${GOVULNCHECK_VERSION:-v1.9.0}
say() { printf 'vulncheck: %s\n' "$*" >&2; }

if [[ ${VULNCHECK:-1} == 0 ]]; then
	say "skipped (VULNCHECK=0)"
	exit 0
fi

db=${VULNDB_DIR:-$ROOT/out/vulndb/$VULNDB_VERSION}
if [[ ! -f $db/index/db.json ]]; then
	say "building the vulnerability database from golang.org/x/vulndb@$VULNDB_VERSION into ${db#"$ROOT"/} (once)"
	tmp=$(mktemp -d)
	trap 'rm -rf "$tmp"' EXIT
	src=$(cd "$tmp" && GOFLAGS=-mod=mod "$GO" mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" |
		sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
	[[ -d $src/data/osv ]] || { say "no data/osv in golang.org/x/vulndb@$VULNDB_VERSION ($src)"; exit 1; }
	(cd "$tmp" && "$GO" run "golang.org/x/vulndb/cmd/indexdb@$VULNDB_VERSION" -vulns "$src/data/osv" -out "$tmp/db")
	mkdir -p "$(dirname "$db")"
	rm -rf "$db"
	mv "$tmp/db" "$db"
	say "$(find "$db/ID" -name '*.json' | wc -l) reports in the database"
fi

say "govulncheck@$GOVULNCHECK_VERSION -db file://$db ./..."
json=$(mktemp)
"$GO" run "golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION" -db "file://$db" -format json ./... >"$json"
rc=0
"$GO" run ./tools/vulnsummary <"$json" || rc=$?
rm -f "$json"
exit "$rc"
