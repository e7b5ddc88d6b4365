package lexicon

import "testing"

// BenchmarkParseActors: reading the embedded actor table (once per process).
func BenchmarkParseActors(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := ParseActors(actorsTSV); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkActorsAt: one dated look-up of a person.
func BenchmarkActorsAt(b *testing.B) {
	a, err := DefaultActors()
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < b.N; i++ {
		a.At("Sergei Lavrov", "2010-01-01")
	}
}
