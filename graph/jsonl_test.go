package graph

import (
	"strings"
	"testing"
)

// Read's fast look at a record's kind accepts nothing the full decode would reject.
func TestReadKindFastPath(t *testing.T) {
	meta := `{"kind":"meta","contract":"` + ContractVersion + `"}` + "\n"
	art := `{"kind":"article","id":"a"}` + "\n"
	good := meta + art + `{"kind":"node","id":"person:p","label":"Person","name":"P","articles":["a"]}` + "\n"
	if _, err := Read(strings.NewReader(good), "in"); err != nil {
		t.Fatalf("valid input rejected: %v", err)
	}
	for name, line := range map[string]string{
		"data after the record": `{"kind":"node","id":"person:p","label":"Person","name":"P"} x`,
		"second kind":           `{"kind":"node","id":"person:p","label":"Person","name":"P","kind":"edge"}`,
		"unknown field":         `{"kind":"node","id":"person:p","label":"Person","name":"P","nope":1}`,
	} {
		if _, err := Read(strings.NewReader(meta+art+line+"\n"), "in"); err == nil {
			t.Errorf("%s: accepted %s", name, line)
		}
	}
}
