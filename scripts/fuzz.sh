#!/usr/bin/env bash
# make fuzz: run every Fuzz* function in the module for FUZZTIME (default 20s) each.
# Go fuzzes one target in one package at a time, so targets are listed first with
# `go test -list '^Fuzz' ./...` and then run one by one.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-20s}

# -list prints the matching names of a package, then "ok  <pkg> <time>" (or "?  <pkg> [no test
# files]"); pair each name with the package line that follows it.
listing=$("$GO" test -list '^Fuzz' ./...)
targets=()
names=()
while IFS= read -r line; do
	case $line in
	Fuzz*) names+=("$line") ;;
	ok* | \?*)
		pkg=$(awk '{print $2}' <<<"$line")
		for n in ${names[@]+"${names[@]}"}; do targets+=("$pkg $n"); done
		names=()
		;;
	esac
done <<<"$listing"

if ((${#targets[@]} == 0)); then
	echo "fuzz: no Fuzz* functions found" >&2
	exit 0
fi
echo "fuzz: ${#targets[@]} target(s), $FUZZTIME each" >&2
failed=()
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	printf '\n==== %s %s ====\n' "$pkg" "$name" >&2
	"$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$pkg" || failed+=("$pkg.$name")
done
if ((${#failed[@]})); then
	echo "fuzz: FAILED: ${failed[*]} (failing inputs are saved under testdata/fuzz/)" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} target(s) passed" >&2
