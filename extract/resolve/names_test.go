package resolve

import "testing"

// TestSurnameKey: a hyphenated article prefix and apostrophes do not make another surname;
// other differences still do.
func TestSurnameKey(t *testing.T) {
	same := [][2]string{{"al-Abadi", "Abadi"}, {"Al-Abadi", "abadi"}, {"Ja'afari", "Jaafari"}, {"Ja’afari", "al-Jaafari"},
		{"el-Sisi", "Sisi"}, {"Zelenskiy", "Zelensky"}}
	for _, p := range same {
		if surnameKey(p[0]) != surnameKey(p[1]) {
			t.Errorf("%s and %s should share a key (%q, %q)", p[0], p[1], surnameKey(p[0]), surnameKey(p[1]))
		}
	}
	apart := [][2]string{{"Alabadi", "Abadi"}, {"Abadi", "Abbadi"}, {"Al-Abadi", "Al-Amiri"}, {"Dalai", "Lai"}}
	for _, p := range apart {
		if surnameKey(p[0]) == surnameKey(p[1]) {
			t.Errorf("%s and %s must not share a key", p[0], p[1])
		}
	}
}
