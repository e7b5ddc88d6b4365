package recognize

// Regenerate data/agents.tsv from the PETRARCH-2 agents dictionary (see
// extract/relate/data/SOURCES.md):
//
//	go generate ./extract/recognize
//
//go:generate go run ../internal/petrarch -agents-out data/agents.tsv
