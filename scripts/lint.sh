#!/usr/bin/env bash
# make lint: go vet, a gofmt check that lists unformatted files (testdata is skipped),
# go.mod/go.sum tidy, and govulncheck against a local vulnerability database
# (scripts/vulncheck.sh; VULNCHECK=0 skips it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GO=${GO:-go}
status=0

echo "==== go vet ./... ====" >&2
"$GO" vet ./... || status=1

echo "==== gofmt -l ====" >&2
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
	mapfile -t files < <(git ls-files -co --exclude-standard -- '*.go' | grep -v '/testdata/' || true)
else
	mapfile -t files < <(find . -name '*.go' -not -path '*/testdata/*' -not -path './.neo4j/*' | sort)
fi
existing=()
for f in ${files[@]+"${files[@]}"}; do [[ -f $f ]] && existing+=("$f"); done
if ((${#existing[@]})); then
	unformatted=$(gofmt -l "${existing[@]}")
	if [[ -n $unformatted ]]; then
		echo "these files need gofmt (run: gofmt -w FILE):" >&2
		printf '  %s\n' $unformatted >&2
		status=1
	fi
fi
echo "==== go mod tidy -diff ====" >&2
if ! "$GO" mod tidy -diff; then
	echo "go.mod/go.sum are not tidy: run go mod tidy" >&2
	status=1
fi

echo "==== govulncheck ./... (local database) ====" >&2
scripts/vulncheck.sh || status=1

((status == 0)) && echo "lint: ok" >&2
exit "$status"
