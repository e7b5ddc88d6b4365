package graph

import (
	"bufio"
	"encoding/json"
	"os"
	"reflect"
	"testing"
)

// decodeBoth decodes raw into a fresh value of each record type with encoding/json and
// with DecodeValidated and fails when encoding/json accepts it and the two disagree.
func decodeBoth(t *testing.T, raw []byte) {
	t.Helper()
	for _, mk := range []func() any{
		func() any { return &Edge{} }, func() any { return &Node{} }, func() any { return &Article{} },
	} {
		want, got := mk(), mk()
		if json.Unmarshal(raw, want) != nil {
			continue
		}
		if err := DecodeValidated(raw, got); err != nil {
			t.Fatalf("DecodeValidated(%q): %v; encoding/json accepts it", raw, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("DecodeValidated(%q) = %+v, encoding/json gives %+v", raw, got, want)
		}
	}
}

var rereadCases = []string{
	`{"kind":"edge","type":"MET","from":"person:a","to":"person:b","article":"x","confidence":0.9,"evidence":{"sentence":"A met B.","start":0,"end":8},"props":{"n":1,"l":["a",2,true,null],"m":{"k":1.5e3}}}`,
	`{"kind":"edge","type":"MENTIONS","from":"x","to":"place:nadiad","article":"x","confidence":1,"evidence":{"sentence":"Nadiād \"quoted\" \t tab / slash","start":0,"end":12},"props":{"aliases":["Nadiād"],"count":1}}`,
	`{"kind":"node","id":"country:af","label":"Country","name":"Afghanistan","articles":["a","b"],"props":{"iso2":"AF"}}`,
	`{"kind":"article","id":"a1","title":"T","published":"2024-01-02","text":"Line one.\nLine two ☃."}`,
	`{"kind":"edge","evidence":{"sentence":"\u00e9\ud83d\ude00 \ud800 lone"},"props":{"big":12345678901234567890,"neg":-0.0,"e":1E-7}}`,
	`{"kind":"edge","Type":"MET","FROM":"case-insensitive names","props":null}`,
	"{\"kind\":\"edge\",\"evidence\":{\"sentence\":\"bad \xff utf8\"}}",
	`{"kind":"edge","props":{"dup":1,"dup":2},"type":"A","type":"B"}`,
	`{"kind":"edge","confidence":"not a number"}`,
	`{"kind":"edge"} trailing`,
	`[1,2,3]`,
}

func TestDecodeValidatedAgreesWithEncodingJSON(t *testing.T) {
	for _, c := range rereadCases {
		decodeBoth(t, []byte(c))
	}
	// Every record of two committed extractions: the seeds' golden and the fixture.
	for _, name := range []string{"../extract/testdata/seeds.golden.jsonl", "../testdata/fixture.jsonl"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		n := 0
		for ; sc.Scan(); n++ {
			decodeBoth(t, sc.Bytes())
		}
		f.Close()
		if sc.Err() != nil || n == 0 {
			t.Fatalf("%s: %d records read, %v", name, n, sc.Err())
		}
	}
}

func FuzzDecodeValidated(f *testing.F) {
	for _, c := range rereadCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { decodeBoth(t, raw) })
}
