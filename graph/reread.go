package graph

import (
	"bytes"
	"encoding/json"
	"reflect"
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
// as does one go-json refuses and any value but the four record types (ownStrings).
func DecodeValidated(raw []byte, v any) error {
	if goJSONSafe(raw) && gojson.Unmarshal(raw, v) == nil && ownStrings(v) {
		return nil
	}
	resetRecord(v)
	return json.Unmarshal(raw, v)
}

// resetRecord zeroes what go-json left in *v of a record it did not finish, before
// encoding/json decodes it again (encoding/json fills a struct, it does not clear it).
func resetRecord(v any) {
	if p := reflect.ValueOf(v); p.Kind() == reflect.Pointer && !p.IsNil() {
		p.Elem().SetZero()
	}
}

// decodeStrictFast decodes raw into v as DecodeRecord does (unknown fields and data after
// the record refused) with go-json, when raw is plain (plainRecord) and valid UTF-8 and v
// is a record type (ownStrings). It says whether it did; false leaves v to be zeroed and
// decoded by encoding/json, which words the problem (FuzzDecodeRecord: go-json never
// accepts what encoding/json refuses).
func decodeStrictFast(raw []byte, v any) bool {
	if !goJSONSafe(raw) {
		return false
	}
	dd := gojson.NewDecoder(bytes.NewReader(raw))
	dd.DisallowUnknownFields()
	return dd.Decode(v) == nil && dd.InputOffset() == int64(len(raw)) && ownStrings(v)
}

// goJSONSafe says whether go-json decodes raw as encoding/json does: raw is plain
// (plainRecord) and valid UTF-8.
func goJSONSafe(raw []byte) bool { return plainRecord(raw) && utf8.Valid(raw) }

// plainRecord says whether raw has no \u escape and no control character in its strings,
// no control character but JSON white space between them, and only [a-z0-9_] keys. It
// reads raw as JSON only as far as telling strings apart (a string followed by ':' is a
// key); malformed input just answers either way, and go-json or encoding/json then refuse it.
func plainRecord(raw []byte) bool {
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '"':
			end, plain, ok := plainString(raw, i+1)
			if !ok || !plain && isKey(raw, end+1) {
				return false
			}
			i = end
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return false
		}
	}
	return true
}

// plainString reads the string whose content starts at raw[i]: where its closing quote is,
// whether it is a plain key ([a-z0-9_]*), and false when it holds a \u escape or a control
// character (or does not end).
func plainString(raw []byte, i int) (end int, plain, ok bool) {
	plain = true
	for ; i < len(raw); i++ {
		switch c := raw[i]; {
		case c == '"':
			return i, plain, true
		case c == '\\':
			if i+1 < len(raw) && raw[i+1] == 'u' {
				return i, false, false
			}
			i++
			plain = false
		case c < 0x20:
			return i, false, false
		case !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'):
			plain = false
		}
	}
	return i, false, false
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
