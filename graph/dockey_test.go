package graph

import (
	"errors"
	"strings"
	"testing"
)

// Two articles of one input may not claim to be versions of one document.
func TestReadRejectsSharedDocKey(t *testing.T) {
	in := `{"kind":"meta","contract":"newsgraph-extract/1"}
{"kind":"article","id":"a-1","doc_key":"/c/a.txt"}
{"kind":"article","id":"a-2","doc_key":"/c/a.txt"}
{"kind":"article","id":"b-1","doc_key":"/c/b.txt"}
`
	_, err := Read(strings.NewReader(in), "x.jsonl")
	var ve *ValidationError
	if !errors.As(err, &ve) || len(ve.Problems) != 1 || !strings.HasPrefix(ve.Problems[0], "x.jsonl:3: article a-2: doc_key") {
		t.Fatalf("err = %v, want one problem at x.jsonl:3", err)
	}
}
