package model

import (
	"bytes"
	"testing"
)

// TestDevAccuracy parses EWT dev with gold words; it fails below UAS 0.85 (and UPOS 0.945,
// LAS 0.81), the floor the embedded model must keep.
func TestDevAccuracy(t *testing.T) {
	dev := readShared(t, "en_ewt-ud-dev.conllu", 1<<30)
	sc := Evaluate(testModel(t), dev, false)
	t.Logf("EWT dev: %s", sc)
	if sc.UAS < 0.85 || sc.UPOS < 0.945 || sc.LAS < 0.81 {
		t.Fatalf("EWT dev %s below the floor (UPOS 0.945, UAS 0.85, LAS 0.81)", sc)
	}
}

// TestTrainingDeterministic trains twice on a small part of EWT train (an ensemble of
// three parsers, trained at the same time) and compares the model bytes.
func TestTrainingDeterministic(t *testing.T) {
	if testing.Short() {
		t.Skip("trains two small models")
	}
	train := readShared(t, "en_ewt-ud-train.conllu", 300)
	dev := readShared(t, "en_ewt-ud-dev.conllu", 50)
	cfg := TrainConfig{Seed: 7, TagEpochs: 2, ParseEpochs: 2, Folds: 2, SecondPass: true, Explore: 0.9,
		Beam: 3, BeamEpochs: 1, Projectivize: true, Log: &bytes.Buffer{}, Parsers: []ParserSpec{{}, {Reverse: true}, {Beam: 2, BeamEpochs: 2}}}
	var out [2]bytes.Buffer
	for i := range out {
		m, _, err := Train(train, dev, cfg)
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(&out[i], []string{"x"}); err != nil {
			t.Fatal(err)
		}
	}
	if out[0].Len() == 0 || !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Fatalf("two trainings gave different models (%d and %d bytes)", out[0].Len(), out[1].Len())
	}
}
