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
CORPUS   ?= $(if $(wildcard ../shared/corpus/seeds),../shared/corpus/seeds,corpus/sample)
FUZZTIME ?= 20s
export GO FUZZTIME

.PHONY: help build run test lint bench fuzz clean clean-all \
        neo4j-install neo4j-up neo4j-down neo4j-status neo4j-logs

help: ## list the targets (default)
	@printf 'newsgraph — make TARGET\n\n'
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z0-9_-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@printf '\nvariables: CORPUS=%s FUZZTIME=%s; NEWSGRAPH_NEO4J_URI=... uses your own Neo4j\n' '$(CORPUS)' '$(FUZZTIME)'

build: ## build the CLI into bin/newsgraph
	$(GO) build -o $(BIN) ./cmd/newsgraph

# With NEWSGRAPH_NEO4J_URI set, your server is used and the local one is not started.
run: build ## build, start Neo4j, apply the schema, load CORPUS, print the summary report
	@if [ -z "$${NEWSGRAPH_NEO4J_URI:-}" ]; then \
	  $(NEO4J) up; \
	  export NEWSGRAPH_NEO4J_URI="$$($(NEO4J) uri)"; \
	  export NEWSGRAPH_NEO4J_USER="$${NEWSGRAPH_NEO4J_USER:-neo4j}"; \
	  export NEWSGRAPH_NEO4J_PASSWORD_FILE="$${NEWSGRAPH_NEO4J_PASSWORD_FILE:-$$($(NEO4J) password)}"; \
	fi; \
	set -x; \
	$(BIN) schema apply; \
	$(BIN) build '$(CORPUS)'; \
	$(BIN) report run summary

test: ## go vet + unit tests, then integration tests against Neo4j (started and stopped if needed)
	@scripts/test.sh

lint: ## go vet + gofmt check (lists unformatted files)
	@scripts/lint.sh

bench: ## run all benchmarks with allocation counts
	$(GO) test -run '^$$' -bench . -benchmem ./...

fuzz: ## run every Fuzz* function for FUZZTIME each (default 20s)
	@scripts/fuzz.sh

neo4j-install: ## download Neo4j from Maven Central (first time), write conf, set the password
	@$(NEO4J) install

neo4j-up: ## start the local Neo4j (Bolt 127.0.0.1:7687, Browser http://127.0.0.1:7474/browser/)
	@$(NEO4J) up

neo4j-down: ## stop the local Neo4j
	@$(NEO4J) down

neo4j-status: ## is the local Neo4j running? (pid, ports, version, paths)
	@$(NEO4J) status

neo4j-logs: ## show the local Neo4j log (follow with: tools/neo4j/neo4j.sh logs -f)
	@$(NEO4J) logs

clean: ## remove bin/, out/ and Go's test cache (keeps the Neo4j download and data)
	rm -rf bin out
	$(GO) clean -testcache

clean-all: clean ## clean, stop Neo4j and delete .neo4j (jars, data, password)
	@$(NEO4J) down
	rm -rf .neo4j
