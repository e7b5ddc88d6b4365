package graphtest

import (
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// ReadFile reads the extraction document at path (JSON Lines, validated as graph.Read
// does) and fails the test when it cannot.
func ReadFile(t testing.TB, path string) *graph.Document {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	d, err := graph.Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
