// Package tsv reads the project's embedded tab-separated data files (cues, word classes,
// agents, ...): one record a line; blank lines and lines starting with # are skipped.
package tsv

import (
	"iter"
	"strings"
)

// Rows yields each record of src with its 1-based line number (for file:line messages),
// split on tabs. A trailing "\r" is dropped, as bufio.ScanLines does.
func Rows(src string) iter.Seq2[int, []string] {
	return func(yield func(int, []string) bool) {
		n := 0
		for line := range strings.Lines(src) {
			n++
			line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			if !yield(n, strings.Split(line, "\t")) {
				return
			}
		}
	}
}
