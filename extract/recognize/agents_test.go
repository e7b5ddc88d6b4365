package recognize

import "testing"

// TestAgentTables: the agent tables load, every row's sector is in the closed list, and the
// collective nouns the docs name are there with their sector.
func TestAgentTables(t *testing.T) {
	a, err := parseAgents()
	if err != nil {
		t.Fatal(err)
	}
	for form, want := range map[string]string{"authorities": "government", "officials": "government", "rebels": "rebels",
		"protesters": "opposition", "troops": "military", "police": "police", "government": "government"} {
		if a.sector[form] != want || !a.collective[form] {
			t.Errorf("%q: sector %q collective %v, want %q collective", form, a.sector[form], a.collective[form], want)
		}
	}
	if a.collective["police chief"] {
		t.Error(`"police chief" is one person, not a collective`)
	}
}
