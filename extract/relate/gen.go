package relate

// Regenerate data/cameo.tsv from the PETRARCH-2 CAMEO verb dictionary (data/SOURCES.md):
//
//	go generate ./extract/relate   # PETRARCH=folder to read the dictionaries elsewhere
//
//go:generate go run ../internal/petrarch -review data/cameo_review.tsv -cameo-out data/cameo.tsv
