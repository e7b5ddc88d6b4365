package model

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax/data"
)

// BenchmarkReadClusters reads the embedded cluster table, as every process that parses does
// once at start.
func BenchmarkReadClusters(b *testing.B) {
	b.ReportAllocs()
	for range b.N {
		if _, err := readClusters(data.Clusters); err != nil {
			b.Fatal(err)
		}
	}
}
