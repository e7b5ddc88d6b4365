package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"
	"time"
)

// recordMakers make a fresh value of each record type.
var recordMakers = []func() any{
	func() any { return &Edge{} }, func() any { return &Node{} }, func() any { return &Article{} }, func() any { return &Meta{} },
}

// decodeBoth decodes raw into a fresh value of each record type with encoding/json and
// with DecodeValidated and fails when encoding/json accepts it and the two disagree.
func decodeBoth(t *testing.T, raw []byte) {
	t.Helper()
	for _, mk := range recordMakers {
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
		forLines(t, name, func(raw []byte) { decodeBoth(t, raw) })
	}
}

// forLines calls fn with each line of the file name and fails when it has none.
func forLines(t *testing.T, name string, fn func([]byte)) {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<24)
	n := 0
	for ; sc.Scan(); n++ {
		fn(sc.Bytes())
	}
	if sc.Err() != nil || n == 0 {
		t.Fatalf("%s: %d records read, %v", name, n, sc.Err())
	}
}

func FuzzDecodeValidated(f *testing.F) {
	for _, c := range rereadCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { decodeBoth(t, raw) })
}

// decodeStrictBoth fails when DecodeRecord (go-json for plain records) and encoding/json's
// strict decoder disagree on raw: acceptance, the problem's words, or the value.
func decodeStrictBoth(t *testing.T, raw []byte) {
	t.Helper()
	if problem := strictDisagreement(raw); problem != "" {
		t.Fatal(problem)
	}
}

// strictDisagreement says how DecodeRecord and encoding/json's strict decoder disagree on
// raw, or "" (it calls no testing function: the fuzz target runs it on a goroutine of its own).
func strictDisagreement(raw []byte) string {
	for _, mk := range recordMakers {
		want, got := mk(), mk()
		wantMsg := strictStd(raw, want)
		if msg := DecodeRecord(raw, got, "x"); msg != wantMsg {
			return fmt.Sprintf("DecodeRecord(%q, %T) = %q, encoding/json gives %q", raw, got, msg, wantMsg)
		}
		if wantMsg == "" && !reflect.DeepEqual(want, got) {
			return fmt.Sprintf("DecodeRecord(%q) = %+v, encoding/json gives %+v", raw, got, want)
		}
	}
	return ""
}

// strictStd is DecodeRecord with encoding/json alone.
func strictStd(raw []byte, into any) string {
	dd := json.NewDecoder(bytes.NewReader(raw))
	dd.DisallowUnknownFields()
	if err := dd.Decode(into); err != nil {
		return fmt.Sprintf("bad x record: %v", err)
	}
	if dd.InputOffset() != int64(len(raw)) {
		return "not a JSON object: data after the record"
	}
	return ""
}

var strictCases = append([]string{
	`{"kind":"edge","unknown":1}`,
	`{"kind":"edge","evidence":{"sentence":"s","extra":true}}`,
	`{"kind":"edge"} `,
	`{"kind":"edge"}{"kind":"edge"}`,
	`{"kind":"edge","start":1.5}`,
	`{"kind":"edge","evidence":{"start":1.5}}`,
	`{"kind":"edge","evidence":{"start":"1"}}`,
	`{"kind":"node","articles":"a"}`,
	`{"kind":"node","articles":["a",1]}`,
	`{"kind":"edge","confidence":1e400}`,
	`{"kind":"edge",}`,
	`{"kind":"edge" "from":"a"}`,
	`{"kind":"edge","from":"a\tb"}`,
}, rereadCases...)

func TestDecodeRecordAgreesWithEncodingJSON(t *testing.T) {
	for _, c := range strictCases {
		decodeStrictBoth(t, []byte(c))
	}
	for _, name := range []string{"../extract/testdata/seeds.golden.jsonl", "../testdata/fixture.jsonl"} {
		forLines(t, name, func(raw []byte) { decodeStrictBoth(t, raw) })
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, c := range strictCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		done := make(chan string, 1)
		go func() { done <- strictDisagreement(raw) }()
		select {
		case problem := <-done:
			if problem != "" {
				t.Fatal(problem)
			}
		case <-time.After(3 * time.Second):
			t.Fatalf("DecodeRecord(%q) still running after 3 s", raw)
		}
	})
}
