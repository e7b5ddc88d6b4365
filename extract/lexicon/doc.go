// Package lexicon holds newsgraph's gazetteers and word lists and answers the questions the
// recogniser and resolver ask about single words and short phrases:
//
//   - Lookup / LookupAll: the longest known name (country, organisation, place) at the start
//     of a token slice — "North Atlantic Treaty Organization", "U.S.", "the Hague" (from
//     "Hague"), "Secretary"-"-"-"General" style hyphen splits, "Trump’s"-style possessives;
//   - Demonym: "German", "Germans", "Dutch" -> the country;
//   - Country / CountryByISO: country records with aliases, demonyms and capital;
//   - Title: the longest role phrase ("US Secretary of State", "NATO chief", "spokeswoman");
//   - IsFirstName, IsCommonWord, IsStopWord: word lists;
//   - Holder / Offices: who held a well-known office on a date.
//
// # Data
//
// The tables live in data/ and are embedded with go:embed; each file begins with '#' lines
// naming its source and licence (summarised in data/SOURCES.md). countries.tsv, places.tsv,
// firstnames.txt and commonwords.txt are generated from public datasets by internal/gen
// (`go generate`, see gen.go); the other files are curated by hand.
//
// TSV files: lines starting with '#' are comments, the first other line is the header naming
// the columns, fields are tab-separated, lists inside a field are separated by '|'.
// Word lists (.txt): one entry a line, '#' comments.
//
// # User data
//
// Load(dir) reads the embedded tables and then, for every file of the same name found in
// dir, merges it: a row whose key (ISO2 for countries.tsv, canonical name for
// organizations.tsv, name+kind+country for places, first phrase for titles.tsv,
// office+holder+start for offices.tsv, the word for word lists) already exists replaces the
// existing row; a new key is appended; a key written with a leading '-' ("-Nice" in a
// places file, with its kind and country; "-may" in firstnames.txt) removes the entry.
// countries_extra.tsv rows are always merged into the country (lists appended). Errors are
// reported as "file:line: message"; duplicate keys inside one file are errors.
//
// # Matching rules
//
// Lookup is case-sensitive as the data is written, except that each word also matches in
// ALL CAPS and with its first letter upper-cased (headlines, sentence starts): "US" matches
// "US" but never "us"; "Nato" matches only because the data lists it. Periods are not part
// of the match key ("U.S." = "U.S" = "US"); a lone "." token is skipped only where the data
// word ends with a period ("St" "." "Petersburg"). A hyphen token is skipped only where the
// data has a hyphen ("Secretary" "-" "General"), and the hyphenated form also matches as one
// token. Diacritics are optional ("Elysee" = "Élysée"). Whitespace tokens between words are
// skipped. A final token with a possessive ("Russia's", "Trump’s") matches its base.
//
// Title is the same without case sensitivity.
//
// Entry.Ambiguous is true when the data marks the surface form as often meaning something
// else ("Georgia" the US state, "Nice", "Reading", "Jordan"), or when the form names two
// different entities (an organisation and the building it sits in, like "Kremlin", does not
// count). LookupAll returns all candidates, the preferred one first: countries before
// organisations before places; among places city, territory, region, continent, building.
//
// A *Lexicon is immutable after loading and safe for concurrent use. Lookup, Title and the
// Is* predicates do not allocate for ASCII input.
package lexicon
