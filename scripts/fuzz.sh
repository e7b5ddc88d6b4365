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
# A package that does not build is reported and makes the run fail, but the others still run.
list_failed=0
listing=$("$GO" test -list '^Fuzz' ./...) || list_failed=1
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

((list_failed)) && echo "fuzz: some packages did not build (above); fuzzing the rest" >&2
if ((${#targets[@]} == 0)); then
	echo "fuzz: no Fuzz* functions found" >&2
	exit "$list_failed"
fi
echo "fuzz: ${#targets[@]} target(s), $FUZZTIME each" >&2
failed=()
for t in "${targets[@]}"; do
	read -r pkg name <<<"$t"
	printf '\n==== %s %s ====\n' "$pkg" "$name" >&2
	"$GO" test -run '^$' -fuzz "^${name}\$" -fuzztime "$FUZZTIME" "$pkg" || failed+=("$pkg.$name")
done
((list_failed)) && failed+=("(packages that did not build)")
if ((${#failed[@]})); then
	echo "fuzz: FAILED: ${failed[*]} (failing inputs are saved under testdata/fuzz/)" >&2
	exit 1
fi
echo "fuzz: all ${#targets[@]} target(s) passed" >&2
