#!/usr/bin/env bash
# scripts/bulk-import.sh [--yes] [--stop] DIR
#
# Imports the CSV files that `newsgraph export --format csv -o DIR` wrote (nodes-*.csv,
# rels-*.csv) into the local Neo4j of tools/neo4j with
#   neo4j-admin database import full neo4j --overwrite-destination=true ...
# This REPLACES THE WHOLE `neo4j` DATABASE (the password, kept in `system`, stays).
#
# neo4j-admin needs the server stopped. By default the script refuses to run while it is
# up; with --stop it stops it first and starts it again afterwards. --yes skips the
# confirmation (needed when stdin is not a terminal). The schema (constraints, indexes) is
# not part of the CSV: run `newsgraph schema apply` afterwards (load does it by itself).
#
# What comes back differs in one way from the graph that was exported: a property holding an
# empty list (e.g. aliases: [] on a MENTIONS) is absent after the import, because neo4j-admin
# reads an empty array cell as no value. Everything else — every node, relationship, label and
# property — comes back as it was (TestBulkImportRoundTrip in queries/ checks it on the seeds).
#
# The environment of tools/neo4j/neo4j.sh applies: NEWSGRAPH_NEO4J_DIR, NEO4J_BOLT_PORT,
# NEO4J_HTTP_PORT (another instance), HEAP_SIZE (import heap, e.g. 2g).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
NEO4J=$PWD/tools/neo4j/neo4j.sh

say() { printf 'bulk-import: %s\n' "$*" >&2; }
die() {
	say "$*"
	exit 1
}
usage() {
	sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2
	exit 2
}

yes=0 stop=0 dir=
while (($#)); do
	case $1 in
	--yes | -y) yes=1 ;;
	--stop) stop=1 ;;
	-h | --help) usage ;;
	-*) say "unknown option $1" && usage ;;
	*)
		[[ -z $dir ]] || { say "one DIR only" && usage; }
		dir=$1
		;;
	esac
	shift
done
[[ -n $dir ]] || usage
[[ -d $dir ]] || die "$dir is not a folder (write it with: newsgraph export --format csv -o $dir)"
dir=$(cd "$dir" && pwd)

shopt -s nullglob
nodes=("$dir"/nodes-*.csv)
rels=("$dir"/rels-*.csv)
((${#nodes[@]})) || die "no nodes-*.csv in $dir (write them with: newsgraph export --format csv -o $dir)"

args=()
for f in "${nodes[@]}"; do args+=("--nodes=$f"); done
for f in "${rels[@]}"; do args+=("--relationships=$f"); done

if ((!yes)); then
	[[ -t 0 ]] || die "this replaces the whole neo4j database; pass --yes to confirm"
	read -r -p "bulk-import: replace the whole neo4j database with $dir (${#nodes[@]} node files, ${#rels[@]} relationship files)? [y/N] " answer
	[[ $answer == [yY]* ]] || die "nothing done"
fi

restart=0
if "$NEO4J" status >/dev/null 2>&1; then
	((stop)) || die "Neo4j is running; neo4j-admin import needs it stopped: tools/neo4j/neo4j.sh down (or pass --stop)"
	say "stopping Neo4j for the import"
	"$NEO4J" down
	restart=1
fi

say "importing ${#nodes[@]} node files and ${#rels[@]} relationship files from $dir"
"$NEO4J" admin database import full neo4j --overwrite-destination=true --multiline-fields=true \
	--array-delimiter=';' --threads=2 --report-file="$dir/import.report" "${args[@]}"

if ((restart)); then
	say "starting Neo4j again"
	"$NEO4J" up
fi
say "done (neo4j-admin's report: $dir/import.report); apply the schema (constraints and indexes are not imported): newsgraph schema apply"
