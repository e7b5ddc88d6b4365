package relate

// Regenerate data/cameo.tsv from the PETRARCH-2 CAMEO verb dictionary (data/SOURCES.md):
//
//	go generate ./extract/relate
//
//go:generate sh -c "go run ../internal/petrarch -src ${PETRARCH:-../../../shared/data/petrarch2-dictionaries} -review data/cameo_review.tsv -cameo-out data/cameo.tsv"
