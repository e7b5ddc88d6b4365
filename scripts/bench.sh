#!/usr/bin/env bash
# make bench: one run that prints a summary and writes out/bench.json (see docs/performance.md).
#   1. a scale corpus of BENCH_ARTICLES articles (tools/scalecorpus, seed BENCH_SEED) from the
#      seed corpus, corpus/sample and the re3d documents (those found);
#   2. extraction with --workers 1 and 2 (words/s, sentences/s, MB/s, speed-up, peak memory),
#      and with one worker in the faster parser settings (--parser single, and with --beam 1;
#      --parser fast on 1 and 2 workers in BENCH_PAIRS interleaved pairs (default 5; the median
#      pair's speed-up, the median words per CPU-second; each pair with a one-worker run on one
#      core, GOMAXPROCS=1, before it: two cores against one), on this corpus and on
#      BENCH_SCALE_ARTICLES articles, default 10000);
#   3. per-stage words/s (go test -bench Stages on the same corpus, one goroutine);
#   4. on the TEST Neo4j (started like make test, wiped, stopped after if this script started it):
#      the naive loader (one MERGE per transaction, BENCH_NAIVE_ROWS records) against the batched
#      `newsgraph load` of the same extraction, both warm (a first batched load, reported as the
#      cold figure, then the 10k extraction of step 2 (the scale figure), and a naive warm-up on a tenth of the
#      records run before them, and BENCH_LOAD_WARMUP untimed batched loads, default 6; the batched figure is the median of BENCH_LOAD_RUNS, default 5); reloads of that file (found by its load
#      manifest: not validated again, every article skipped by its load hash); `newsgraph build` end to end; p50/p95 of every
#      saved report over BENCH_REPORT_RUNS runs on the loaded graph;
#   5. the machine's speed at the start, before the loads and at the end (benchdb probe: the
#      same fixed task each time; the shared machine's speed moves within minutes);
#   6. process start of `newsgraph version`, `--help` and `query --help` (median of 21 runs) and
#      the bytes package init allocates. The graph is deleted (in batches) at the end.
# NEWSGRAPH_NEO4J_URI set: that server is used (and WIPED), nothing is started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
N=${BENCH_ARTICLES:-1000}
SEED=${BENCH_SEED:-1}
NAIVE_ROWS=${BENCH_NAIVE_ROWS:-2000}
RUNS=${BENCH_REPORT_RUNS:-5}
GO=${GO:-go}
OUT=out/bench
mkdir -p "$OUT"
say() { printf 'bench: %s\n' "$*" >&2; }

# peak KB and wall seconds of a command, from /usr/bin/time -v (stdout discarded)
timed() { # timed NAME CMD... -> writes $OUT/NAME.time
	local name=$1
	shift
	/usr/bin/time -v "$@" >/dev/null 2>"$OUT/$name.time.tmp" || { tail -20 "$OUT/$name.time.tmp" >&2; exit 1; }
	mv "$OUT/$name.time.tmp" "$OUT/$name.time"
}
wall() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }
cpu() { awk -F': ' '/(User|System) time \(seconds\)/ {s += $2} END {print s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$1"; }
div() { awk -v a="$1" -v b="$2" -v d="${3:-1}" 'BEGIN { if (b > 0) printf "%." d "f", a / b; else print 0 }'; } # div A B [DECIMALS]
# mid N: of N lines "value tag" on stdin, the tag of the median value
mid() { sort -n | sed -n "$((($1 + 1) / 2))p" | cut -d' ' -f2; }

say "building"
"$GO" build -o bin/newsgraph ./cmd/newsgraph
"$GO" build -o bin/scalecorpus ./tools/scalecorpus
"$GO" build -o bin/benchdb ./tools/benchdb

# the machine's speed at three moments (benchdb probe: ms of a fixed task, lower is faster)
probe_start=$(bin/benchdb probe)
sources=()
for s in ../shared/corpus/seeds corpus/sample ../shared/eval/re3d/docs.jsonl; do [[ -e $s ]] && sources+=("$s"); done
say "scale corpus: $N articles from ${sources[*]}"
bin/scalecorpus -n "$N" -seed "$SEED" -o "$OUT/corpus.jsonl" "${sources[@]}"
corpus_mb=$(awk -v b="$(stat -c %s "$OUT/corpus.jsonl")" 'BEGIN { printf "%.2f", b / 1e6 }')

say "per-stage timing (go test -bench Stages)"
NEWSGRAPH_BENCH_CORPUS=$PWD/$OUT/corpus.jsonl "$GO" test -run '^$' -bench '^BenchmarkStages$' -benchtime 1x ./extract/ >"$OUT/stages.txt"
say "per-stage timing with --parser fast"
NEWSGRAPH_BENCH_PARSER=fast NEWSGRAPH_BENCH_CORPUS=$PWD/$OUT/corpus.jsonl "$GO" test -run '^$' -bench '^BenchmarkStages$' -benchtime 1x ./extract/ >"$OUT/stages-fast.txt"
metric() { awk -v m="$1" '/^BenchmarkStages/ { for (i = 2; i < NF; i++) if ($(i + 1) == m) print $i }' "$OUT/stages.txt"; }
words=$(metric words) sentences=$(metric sentences)

for w in 1 2; do
	say "extract --workers $w"
	timed "extract$w" bin/newsgraph extract --workers "$w" "$OUT/corpus.jsonl" -o "$OUT/graph.jsonl"
done
# the faster parser settings (docs/syntax.md, Beam width), one worker each
say "extract --workers 1 --parser single"
timed extract_single bin/newsgraph extract --workers 1 --parser single "$OUT/corpus.jsonl" -o "$OUT/graph-single.jsonl"
say "extract --workers 1 --parser single --beam 1"
timed extract_greedy bin/newsgraph extract --workers 1 --parser single --beam 1 "$OUT/corpus.jsonl" -o "$OUT/graph-greedy.jsonl"
# The fast setting on 1 and 2 workers runs in BENCH_PAIRS interleaved pairs (default 5): the
# machine's speed moves by up to 2x within minutes (docs/performance.md), so the ratio of two
# single runs measures the machine as much as the code. The speed-up is the median of the
# pairs' ratios, and that pair's time files are NAME1.time and NAME2.time; words per CPU-second
# is the median over the one-worker runs (NAME1cpu). Each pair starts with one worker on one
# core (GOMAXPROCS=1, NAME0): --workers 1 keeps 1.2 cores busy (the collector, the reader, the
# temporary file's decoding run beside the worker), so two cores against one is a second figure.
# Each pair ends with the machine's own ceiling (NAMEh): two one-core processes, each on half
# of the corpus, at once, against the one-core run on the whole; no sharing inside a process
# limits it, only what the two cores lose when both are busy (docs/performance.md).
PAIRS=${BENCH_PAIRS:-5}
fast_pairs() { # fast_pairs NAME CORPUS OUTPUT
	local name=$1 corpus=$2 output=$3 i best half
	half=$((($(wc -l <"$corpus") + 1) / 2))
	head -n "$half" "$corpus" >"$OUT/$name-half1.jsonl"
	tail -n "+$((half + 1))" "$corpus" >"$OUT/$name-half2.jsonl"
	for i in $(seq "$PAIRS"); do
		say "extract --parser fast on $(basename "$corpus"), pair $i of $PAIRS: 1 worker on one core, 1 worker, 2 workers, two one-core processes on halves"
		timed "${name}0_$i" env GOMAXPROCS=1 bin/newsgraph extract --workers 1 --parser fast "$corpus" -o "$output"
		timed "${name}1_$i" bin/newsgraph extract --workers 1 --parser fast "$corpus" -o "$output"
		timed "${name}2_$i" bin/newsgraph extract --workers 2 --parser fast "$corpus" -o "$output"
		timed "${name}h_$i" bash -c 'GOMAXPROCS=1 bin/newsgraph extract --workers 1 --parser fast "$1" -o "$1.out" & p=$!
			GOMAXPROCS=1 bin/newsgraph extract --workers 1 --parser fast "$2" -o "$2.out" && wait "$p"' _ "$OUT/$name-half1.jsonl" "$OUT/$name-half2.jsonl"
	done
	rm -f "$OUT/$name"-half[12].jsonl*
	best=$(for i in $(seq "$PAIRS"); do
		echo "$(div "$(wall "$OUT/${name}1_$i.time")" "$(wall "$OUT/${name}2_$i.time")" 3) $i"
	done | mid "$PAIRS")
	cp "$OUT/${name}1_$best.time" "$OUT/${name}1.time"
	cp "$OUT/${name}2_$best.time" "$OUT/${name}2.time"
	best=$(for i in $(seq "$PAIRS"); do echo "$(cpu "$OUT/${name}1_$i.time") $i"; done | mid "$PAIRS")
	cp "$OUT/${name}1_$best.time" "$OUT/${name}1cpu.time"
}
# pairs_json NAME [FROM [TO]]: every pair's ratio of run FROM (default 1: one worker) to run TO
# (default 2: two workers), in the order run
pairs_json() { for i in $(seq "$PAIRS"); do div "$(wall "$OUT/${1}${2:-1}_$i.time")" "$(wall "$OUT/${1}${3:-2}_$i.time")" 3; echo; done | jq -s .; }
# ratios_json NAME FROM TO: pairs_json NAME FROM TO and its median
ratios_json() { pairs_json "$1" "$2" "$3" | jq '{pairs: ., median: (sort | .[(length - 1) / 2 | floor])}'; }
fast_pairs extract_fast "$OUT/corpus.jsonl" "$OUT/graph-fast.jsonl"
# the fast setting's speed-up again on a corpus BENCH_SCALE_ARTICLES long (0 skips it): on 1k,
# process start and the one-goroutine cross-article phases weigh (docs/performance.md)
SCALE_N=${BENCH_SCALE_ARTICLES:-10000}
rm -f "$OUT/graph-scale.jsonl"
if ((SCALE_N > 0)); then
	say "scale corpus: $SCALE_N articles; extract --parser fast on 1 and 2 workers"
	bin/scalecorpus -n "$SCALE_N" -seed "$SEED" -o "$OUT/corpus-scale.jsonl" "${sources[@]}"
	fast_pairs extract_fast_scale "$OUT/corpus-scale.jsonl" "$OUT/graph-scale.jsonl"
	rm -f "$OUT/corpus-scale.jsonl"
fi
# the words an extract run reports on stderr ("extracted N articles (W words)")
words_of() { sed -n 's/^extracted [0-9]* articles (\([0-9]*\) words).*/\1/p' "$1"; }
# fast_json NAME WORDS: the figures of fast_pairs NAME on a corpus of WORDS words (its median
# pair's runs, words per CPU-second from the median one-worker run, the speed-ups)
fast_json() {
	local a=$OUT/${1}1.time b=$OUT/${1}2.time c=$OUT/${1}1cpu.time
	jq -n --argjson w "$2" --argjson s1 "$(wall "$a")" --argjson s2 "$(wall "$b")" \
		--argjson c1 "$(cpu "$c")" --argjson r1 "$(rss_mb "$a")" --argjson r2 "$(rss_mb "$b")" --argjson pairs "$(pairs_json "$1")" \
		--argjson pc1 "$(cpu "$a")" --argjson pc2 "$(cpu "$b")" --argjson cores "$(ratios_json "$1" 0 2)" --argjson halves "$(ratios_json "$1" 0 h)" --argjson vs "$(ratios_json "$1" h 2)" \
		'{words: $w, workers1: {seconds: $s1, words_per_s: ($w / $s1 | floor), cpu_seconds: $c1, words_per_cpu_s: ($w / $c1 | floor), peak_mb: $r1, cores_busy: ($pc1 / $s1)},
		  workers2: {seconds: $s2, words_per_s: ($w / $s2 | floor), peak_mb: $r2, cpu_seconds: $pc2, cores_busy: ($pc2 / $s2)}, speedup: ($s1 / $s2), pair_speedups: $pairs,
		  one_core_speedup: $cores.median, one_core_pair_speedups: $cores.pairs,
		  two_process_speedup: $halves.median, two_process_pair_speedups: $halves.pairs,
		  workers2_vs_two_processes: $vs.median, workers2_vs_two_processes_pairs: $vs.pairs}'
}
scale_json() {
	if ((SCALE_N == 0)); then echo null; return; fi
	fast_json extract_fast_scale "$(words_of "$OUT/extract_fast_scale1.time")" | jq --argjson n "$SCALE_N" '{articles: $n} + .'
}
rm -f "$OUT/graph-single.jsonl" "$OUT/graph-greedy.jsonl" "$OUT/graph-fast.jsonl"
e1=$(wall "$OUT/extract1.time") e2=$(wall "$OUT/extract2.time")
es=$(wall "$OUT/extract_single.time") eg=$(wall "$OUT/extract_greedy.time")
egc=$(cpu "$OUT/extract_greedy.time")
rows=$(($(wc -l <"$OUT/graph.jsonl") - 1))

# ---- Neo4j ------------------------------------------------------------------------------------
started=0
if [[ -z ${NEWSGRAPH_NEO4J_URI:-} ]]; then
	export NEO4J_INSTANCE=test
	if ! tools/neo4j/neo4j.sh status >/dev/null 2>&1; then
		say "starting the test Neo4j"
		tools/neo4j/neo4j.sh up --for-test >&2
		started=1
	fi
	NEWSGRAPH_NEO4J_URI=$(tools/neo4j/neo4j.sh uri)
	export NEWSGRAPH_NEO4J_URI NEWSGRAPH_NEO4J_USER=neo4j NEWSGRAPH_NEO4J_DATABASE=neo4j
	export NEWSGRAPH_NEO4J_PASSWORD_FILE=$PWD/.neo4j/test/password
	unset NEWSGRAPH_NEO4J_PASSWORD
fi
# (an if, not ((started)) && ...: as the EXIT trap's last command a false test would make the
# script exit 1 when the server was already running)
stop() { if ((started)); then say "stopping the test Neo4j"; tools/neo4j/neo4j.sh down >&2 || true; fi; }
trap stop EXIT

fresh() { bin/benchdb wipe && bin/newsgraph schema apply >/dev/null 2>&1; }
# Both loaders are measured warm: the first loads on a server pay for planning their
# statements and for the JIT compiling their code paths (a fresh server loads the 1k
# extraction 3-5x slower than one that has loaded a few hundred thousand rows), which a
# naive run of one small MERGE per record hardly does. So the batched load runs once first
# (the "cold" figure, also reported), then the 10k extraction of the scale step is loaded
# (the "scale" figure; it also warms the server), the naive loader warms up on a tenth of
# its records; then the timed naive run and BENCH_LOAD_RUNS timed batched loads (median),
# each from an emptied database.
LOAD_RUNS=${BENCH_LOAD_RUNS:-5}
probe_loads=$(bin/benchdb probe)
say "batched load, cold (the first on this server if the bench started it): $rows records"
fresh
timed load_cold bin/newsgraph load "$OUT/graph.jsonl"
scale_rows=0
if [[ -s $OUT/graph-scale.jsonl ]]; then
	scale_rows=$(($(wc -l <"$OUT/graph-scale.jsonl") - 1))
	say "batched load at scale: the $SCALE_N-article extraction, $scale_rows records"
	fresh
	timed load_scale bin/newsgraph load "$OUT/graph-scale.jsonl"
	rm -f "$OUT/graph-scale.jsonl"
fi
say "naive loader: warm-up ($((NAIVE_ROWS / 10)) records), then $NAIVE_ROWS records, one MERGE per transaction"
fresh
bin/benchdb naive -rows "$((NAIVE_ROWS / 10))" "$OUT/graph.jsonl" >/dev/null
fresh
bin/benchdb naive -rows "$NAIVE_ROWS" "$OUT/graph.jsonl" >"$OUT/naive.json"
naive_rps=$(jq -r '.rows_per_s | floor' "$OUT/naive.json")
# median NAME: of the runs NAME1..NAME$LOAD_RUNS, the median's time file becomes NAME.time
median() {
	local i best
	best=$(for i in $(seq "$LOAD_RUNS"); do echo "$(wall "$OUT/$1$i.time") $i"; done | mid "$LOAD_RUNS")
	cp "$OUT/$1$best.time" "$OUT/$1.time"
}
# BENCH_LOAD_WARMUP untimed loads of this extraction first (default 6; 2 until the eighth
# session of 2026-12-01): after the 10k load a freshly started server still compiles and plans
# for the 1k's statements and list sizes; twelve 1k loads after it took 3.08, 2.99, 3.01, 2.56,
# 2.52, 2.18, 2.51, 2.33, 2.29, 2.09, 1.91, 2.18 s (docs/performance.md)
WARMUP=${BENCH_LOAD_WARMUP:-6}
for i in $(seq "$WARMUP"); do
	say "batched load, warm-up ($i of $WARMUP, not timed): $rows records"
	fresh
	bin/newsgraph load "$OUT/graph.jsonl" >/dev/null 2>&1
done
for i in $(seq "$LOAD_RUNS"); do
	say "batched load, warm ($i of $LOAD_RUNS): $rows records"
	fresh
	timed "load$i" bin/newsgraph load "$OUT/graph.jsonl"
done
median load # the figure; every run's time is in warm_seconds
warm_json=$(for i in $(seq "$LOAD_RUNS"); do wall "$OUT/load$i.time"; done | jq -s .)
load_s=$(wall "$OUT/load.time")
scale_load_json() {
	if ((scale_rows == 0)); then echo null; return; fi
	local t=$OUT/load_scale.time
	jq -n --argjson n "$SCALE_N" --argjson rows "$scale_rows" --argjson s "$(wall "$t")" --argjson r "$(rss_mb "$t")" \
		'{articles: $n, rows: $rows, seconds: $s, rows_per_s: ($rows / $s | floor), peak_mb: $r}'
}
# a reload takes about 0.1 s, process start and one lookup: single runs vary 0.07-0.5 s on
# this machine, so it runs BENCH_LOAD_RUNS times too and the median is the figure
for i in $(seq "$LOAD_RUNS"); do
	say "reload of the same file ($i of $LOAD_RUNS; its load manifest found: not validated again; every article skipped by its load hash)"
	timed "reload$i" bin/newsgraph load "$OUT/graph.jsonl"
done
median reload
reload_s=$(wall "$OUT/reload.time")
say "build (extract + load) end to end"
fresh
timed build bin/newsgraph build "$OUT/corpus.jsonl"
say "reports: $RUNS runs each"
bin/benchdb reports -runs "$RUNS" >"$OUT/reports.json"
# make test wipes the test database in one transaction, which a large bench graph would exceed.
say "emptying the test database (batched)"
bin/benchdb wipe

probe_end=$(bin/benchdb probe)

# process start: the median of 21 runs of each command that needs no model, and the bytes
# allocated by package init (GODEBUG=inittrace)
start_median() { # start_median ARGS... -> ms
	local t0 t1 runs=()
	for _ in $(seq 21); do
		t0=$(date +%s%N); bin/newsgraph "$@" >/dev/null; t1=$(date +%s%N)
		runs+=($(((t1 - t0) / 1000000)))
	done
	printf '%s\n' "${runs[@]}" | sort -n | sed -n 11p
}
start_json=$(jq -n --argjson version "$(start_median version)" --argjson help "$(start_median --help)" \
	--argjson query_help "$(start_median query --help)" \
	--argjson init_mb "$(GODEBUG=inittrace=1 bin/newsgraph version 2>&1 >/dev/null | awk '/^init / {b += $8} END {printf "%.1f", b / 1048576}')" \
	'{version: $version, help: $help, query_help: $query_help, init_alloc_mb: $init_mb}')

jq -n --argjson n "$N" --argjson words "$words" --argjson sentences "$sentences" --argjson mb "$corpus_mb" \
	--argjson e1 "$e1" --argjson e2 "$e2" --argjson rss1 "$(rss_mb "$OUT/extract1.time")" --argjson rss2 "$(rss_mb "$OUT/extract2.time")" \
	--argjson es "$es" --argjson eg "$eg" --argjson rss_s "$(rss_mb "$OUT/extract_single.time")" --argjson rss_g "$(rss_mb "$OUT/extract_greedy.time")" \
	--argjson egc "$egc" --argjson fast "$(fast_json extract_fast "$words")" --argjson fast_scale "$(scale_json)" \
	--argjson rows "$rows" --argjson load_s "$load_s" --argjson load_rss "$(rss_mb "$OUT/load.time")" \
	--argjson load_cold_s "$(wall "$OUT/load_cold.time")" --argjson warm_s "$warm_json" --argjson load_scale "$(scale_load_json)" \
	--argjson reload_s "$reload_s" --argjson reload_rss "$(rss_mb "$OUT/reload.time")" \
	--argjson naive "$(cat "$OUT/naive.json")" --argjson build_s "$(wall "$OUT/build.time")" \
	--argjson build_rss "$(rss_mb "$OUT/build.time")" --argjson reports "$(cat "$OUT/reports.json")" \
	--argjson start "$start_json" --argjson probe "{\"start\": $probe_start, \"loads\": $probe_loads, \"end\": $probe_end}" --arg load_avg "$(cut -d' ' -f1-3 /proc/loadavg)" --arg cpus "$(nproc)" \
	--argjson parse_fast "$(awk '/^BenchmarkStages/ { for (i = 2; i < NF; i++) if ($(i + 1) == "parse-words/s") printf "%.0f", $i }' "$OUT/stages-fast.txt")" \
	--argjson stages "$(awk '/^BenchmarkStages/ { printf "{"; sep = ""; for (i = 2; i < NF; i++) if ($(i + 1) ~ /-words\/s$/) { k = $(i + 1); sub(/-words\/s$/, "", k); printf "%s\"%s\": %.0f", sep, k, $i; sep = ", " } print "}" }' "$OUT/stages.txt")" \
	'{articles: $n, corpus_mb: $mb, words: $words, sentences: $sentences, cpus: $cpus, load_average: $load_avg,
	  extract: {workers1: {seconds: $e1, words_per_s: ($words / $e1 | floor), sentences_per_s: ($sentences / $e1 | floor), mb_per_s: ($mb / $e1), peak_mb: $rss1},
	            workers2: {seconds: $e2, words_per_s: ($words / $e2 | floor), sentences_per_s: ($sentences / $e2 | floor), mb_per_s: ($mb / $e2), peak_mb: $rss2},
	            speedup: ($e1 / $e2),
	            single_workers1: {seconds: $es, words_per_s: ($words / $es | floor), peak_mb: $rss_s},
	            single_greedy_workers1: {seconds: $eg, words_per_s: ($words / $eg | floor), cpu_seconds: $egc, words_per_cpu_s: ($words / $egc | floor), peak_mb: $rss_g},
	            fast_workers1: $fast.workers1,
	            fast_workers2: ($fast.workers2 + ($fast | {speedup, pair_speedups, one_core_speedup, one_core_pair_speedups, two_process_speedup, two_process_pair_speedups, workers2_vs_two_processes, workers2_vs_two_processes_pairs})),
	            fast_scale: $fast_scale},
	  stages_words_per_s: $stages, stages_fast_parse_words_per_s: $parse_fast,
	  load: {rows: $rows, seconds: $load_s, rows_per_s: ($rows / $load_s | floor), peak_mb: $load_rss, warm_seconds: $warm_s, scale: $load_scale,
	         naive_rows_per_s: $naive.rows_per_s, naive_rows: $naive.rows, ratio: (($rows / $load_s) / $naive.rows_per_s),
	         cold_seconds: $load_cold_s, cold_rows_per_s: ($rows / $load_cold_s | floor), cold_ratio: (($rows / $load_cold_s) / $naive.rows_per_s),
	         reload_seconds: $reload_s, reload_peak_mb: $reload_rss, reload_speedup: ($load_s / $reload_s)},
	  build: {seconds: $build_s, peak_mb: $build_rss},
	  reports_ms: $reports, process_start_ms: $start, machine_probe_ms: $probe}' >out/bench.json

jq -r '"newsgraph bench: \(.articles) articles, \(.corpus_mb) MB, \(.words) words, \(.sentences) sentences (load average \(.load_average), \(.cpus) CPUs)",
  "extract   1 worker:  \(.extract.workers1.words_per_s) words/s, \(.extract.workers1.sentences_per_s) sentences/s, \(.extract.workers1.mb_per_s * 100 | floor / 100) MB/s, peak \(.extract.workers1.peak_mb) MB",
  "extract   2 workers: \(.extract.workers2.words_per_s) words/s, \(.extract.workers2.sentences_per_s) sentences/s, \(.extract.workers2.mb_per_s * 100 | floor / 100) MB/s, peak \(.extract.workers2.peak_mb) MB; speed-up \(.extract.speedup * 100 | floor / 100)x",
  "extract   1 worker, --parser single: \(.extract.single_workers1.words_per_s) words/s (peak \(.extract.single_workers1.peak_mb) MB); with --beam 1: \(.extract.single_greedy_workers1.words_per_s) words/s (peak \(.extract.single_greedy_workers1.peak_mb) MB)",
  "extract   1 worker, --parser fast: \(.extract.fast_workers1.words_per_s) words/s, \(.extract.fast_workers1.words_per_cpu_s) words/CPU-s (--parser single --beam 1: \(.extract.single_greedy_workers1.words_per_cpu_s) words/CPU-s), peak \(.extract.fast_workers1.peak_mb) MB",
  "extract   2 workers, --parser fast: \(.extract.fast_workers2.words_per_s) words/s, peak \(.extract.fast_workers2.peak_mb) MB; speed-up \(.extract.fast_workers2.speedup * 100 | floor / 100)x (median of \(.extract.fast_workers2.pair_speedups | map(. * 100 | floor / 100 | tostring) | join(", "))); cores busy \(.extract.fast_workers1.cores_busy * 100 | floor / 100) on 1 worker, \(.extract.fast_workers2.cores_busy * 100 | floor / 100) on 2; two cores against one (1 worker, GOMAXPROCS=1) \(.extract.fast_workers2.one_core_speedup * 100 | floor / 100)x (median of \(.extract.fast_workers2.one_core_pair_speedups | map(. * 100 | floor / 100 | tostring) | join(", "))); the machine'"'"'s ceiling, two one-core processes on halves against one \(.extract.fast_workers2.two_process_speedup * 100 | floor / 100)x (median of \(.extract.fast_workers2.two_process_pair_speedups | map(. * 100 | floor / 100 | tostring) | join(", "))); 2 workers against those two processes \(.extract.fast_workers2.workers2_vs_two_processes * 100 | floor / 100)x (median of \(.extract.fast_workers2.workers2_vs_two_processes_pairs | map(. * 100 | floor / 100 | tostring) | join(", ")))",
  (.extract.fast_scale // empty | "extract   --parser fast on \(.articles) articles (\(.words) words): 1 worker \(.workers1.words_per_cpu_s) words/CPU-s, peak \(.workers1.peak_mb) MB; 2 workers \(.workers2.words_per_s) words/s, peak \(.workers2.peak_mb) MB; speed-up \(.speedup * 100 | floor / 100)x (median of \(.pair_speedups | map(. * 100 | floor / 100 | tostring) | join(", "))); cores busy \(.workers1.cores_busy * 100 | floor / 100) on 1 worker, \(.workers2.cores_busy * 100 | floor / 100) on 2; two cores against one \(.one_core_speedup * 100 | floor / 100)x (median of \(.one_core_pair_speedups | map(. * 100 | floor / 100 | tostring) | join(", "))); the machine'"'"'s ceiling \(.two_process_speedup * 100 | floor / 100)x (median of \(.two_process_pair_speedups | map(. * 100 | floor / 100 | tostring) | join(", "))); 2 workers against the two processes \(.workers2_vs_two_processes * 100 | floor / 100)x (median of \(.workers2_vs_two_processes_pairs | map(. * 100 | floor / 100 | tostring) | join(", ")))"),
  "stages (words/s, one goroutine): " + ([.stages_words_per_s | to_entries[] | "\(.key) \(.value // "n/a")"] | join(", ")) + "; parse with --parser fast \(.stages_fast_parse_words_per_s)",
  "load      batched \(.load.rows_per_s) rows/s (\(.load.rows) rows in \(.load.seconds) s, median of \(.load.warm_seconds | map(tostring) | join(", ")) s; peak \(.load.peak_mb) MB); naive \(.load.naive_rows_per_s | floor) rows/s; ratio \(.load.ratio * 10 | floor / 10)x (both warm)",
  (if .load.scale then "load      at scale: \(.load.scale.articles) articles, \(.load.scale.rows) rows in \(.load.scale.seconds) s: \(.load.scale.rows_per_s) rows/s, peak \(.load.scale.peak_mb) MB (the second load on the server)" else empty end),
  "load      cold (first load on the server): \(.load.cold_rows_per_s) rows/s (\(.load.cold_seconds) s); ratio \(.load.cold_ratio * 10 | floor / 10)x",
  "reload    same file, all articles unchanged: \(.load.reload_seconds) s (\(.load.reload_speedup * 10 | floor / 10)x faster than the fresh load), peak \(.load.reload_peak_mb) MB",
  "build     \(.articles) articles extract + load: \(.build.seconds) s, peak \(.build.peak_mb) MB",
  "reports   p50 / p95 ms:",
  (.reports_ms | to_entries[] | "  \(.key | . + " " * (18 - length)) \(.value.p50_ms) / \(.value.p95_ms)\(if .value.error then "  ERROR " + .value.error else "" end)"),
  "start     median ms: version \(.process_start_ms.version), --help \(.process_start_ms.help), query --help \(.process_start_ms.query_help); package init allocates \(.process_start_ms.init_alloc_mb) MB",
  "machine   probe (ms of a fixed task, lower is faster): \(.machine_probe_ms.start) at the start, \(.machine_probe_ms.loads) before the loads, \(.machine_probe_ms.end) at the end",
  "written to out/bench.json"' out/bench.json
