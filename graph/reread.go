package graph

import (
	"encoding/json"
	"unicode/utf8"

	gojson "github.com/goccy/go-json"
)

// DecodeValidated decodes a record that already passed validation (Read, Stream) into v,
// for a second pass over the same bytes (a load's batches read their records back from
// the file). It gives what encoding/json's Unmarshal gives, faster: a record that is
// valid UTF-8, carries no \u escape and whose keys are all [a-z0-9_] (what Writer writes)
// takes go-json, whose results equal encoding/json's on such input
// (TestDecodeValidatedAgreesWithEncodingJSON, FuzzDecodeValidated: go-json matches keys
// by case only, encoding/json folds case); any other record takes encoding/json itself,
// as does one go-json refuses.
func DecodeValidated(raw []byte, v any) error {
	if plainRecord(raw) && utf8.Valid(raw) {
		if err := gojson.Unmarshal(raw, v); err == nil {
			return nil
		}
	}
	return json.Unmarshal(raw, v)
}

// plainRecord says whether raw has no \u escape in its strings and only [a-z0-9_] keys. It
// reads raw as JSON only as far as telling strings apart (a string followed by ':' is a
// key); malformed input just answers either way, and go-json or encoding/json then refuse it.
func plainRecord(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		if raw[i] != '"' {
			continue
		}
		plain := true
		for i++; i < len(raw) && raw[i] != '"'; i++ {
			c := raw[i]
			if c == '\\' {
				if i+1 < len(raw) && raw[i+1] == 'u' {
					return false
				}
				i++
				plain = false
				continue
			}
			if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
				plain = false
			}
		}
		if !plain && isKey(raw, i+1) {
			return false
		}
	}
	return true
}

// isKey says whether the first byte at or after i that is not JSON white space is ':'.
func isKey(raw []byte, i int) bool {
	for ; i < len(raw); i++ {
		switch raw[i] {
		case ' ', '\t', '\n', '\r':
		case ':':
			return true
		default:
			return false
		}
	}
	return false
}
