package graph

import (
	"bufio"
	"bytes"
	_ "embed"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

//go:embed contract.schema.json
var contractSchema []byte

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(contractSchema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("contract.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("contract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestSchemaMatchesWriter: every line the writer produces for the seeds' golden extraction
// (and a document built here) validates against the published JSON Schema.
func TestSchemaMatchesWriter(t *testing.T) {
	s := compileSchema(t)
	var buf bytes.Buffer
	w := NewWriter(&buf)
	d := &Document{
		Articles: []Article{{ID: "a1", Title: "T", Published: "2024-11-23", Words: 10}},
		Nodes:    []Node{{ID: "person:mark-rutte", Label: LabelPerson, Name: "Mark Rutte", Aliases: []string{"Rutte"}, Articles: []string{"a1"}}},
		Edges: []Edge{{Type: RelMentions, From: "a1", To: "person:mark-rutte", Article: "a1", Confidence: 1,
			Evidence: Evidence{Sentence: "Rutte spoke.", Start: 0, End: 12}, Props: map[string]any{"count": 1.0}}},
	}
	if err := w.WriteDocument(d); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	lines := [][]byte{}
	sc := bufio.NewScanner(&buf)
	for sc.Scan() {
		lines = append(lines, append([]byte{}, sc.Bytes()...))
	}
	if golden, err := os.ReadFile(filepath.Join("..", "extract", "testdata", "seeds.golden.jsonl")); err == nil {
		sc := bufio.NewScanner(bytes.NewReader(golden))
		sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
		for sc.Scan() {
			lines = append(lines, append([]byte{}, sc.Bytes()...))
		}
	}
	for i, l := range lines {
		var v any
		if err := json.Unmarshal(l, &v); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("line %d does not match the schema: %v\n%s", i+1, err, l)
		}
	}
}

// TestSchemaRejects: the schema is not vacuous.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	for _, bad := range []string{
		`{"kind":"node","id":"mark-rutte","label":"Person","name":"Mark Rutte"}`,
		`{"kind":"edge","type":"LIKED","from":"a","to":"b","article":"a","evidence":{"sentence":"","start":0,"end":0}}`,
		`{"kind":"article"}`,
		`{"kind":"meta","contract":"newsgraph-extract/9"}`,
	} {
		var v any
		if err := json.Unmarshal([]byte(bad), &v); err != nil {
			t.Fatal(err)
		}
		if s.Validate(v) == nil {
			t.Errorf("schema accepts %s", bad)
		}
	}
}
