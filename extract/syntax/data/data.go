// Package data embeds data files of the syntax model that live beside the word lists.
// See SOURCES.md for each file's source and licence.
package data

import _ "embed"

// Clusters is clusters.tsv.gz: a gzipped table of word (lowercased) TAB hierarchical
// cluster id, after a "# levels TAB N" line, made by tools/clusters from GloVe 6B 100d
// vectors (`make clusters`).
//
//go:embed clusters.tsv.gz
var Clusters []byte
