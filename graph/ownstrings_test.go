package graph

import (
	"reflect"
	"testing"
	"unsafe"
)

// TestOwnStringsLeavesNoAlias: after ownStrings no string of a record points into the
// buffer its strings were cut from, and the record is unchanged.
func TestOwnStringsLeavesNoAlias(t *testing.T) {
	buf := []byte("person:a|person:b|art-1|A met B.|Nadiad|k|country:x|Bob")
	cut := func(from, to int) string { return unsafe.String(&buf[from], to-from) }
	e := &Edge{Kind: "edge", From: cut(0, 8), To: cut(9, 17), Article: cut(18, 23),
		Evidence: Evidence{Sentence: cut(24, 32)},
		Props:    map[string]any{cut(40, 41): []any{cut(33, 39), 1.0, map[string]any{"x": cut(42, 51)}}}}
	n := &Node{ID: cut(42, 51), Name: cut(52, 55), Aliases: []string{cut(52, 55)}, Articles: []string{cut(18, 23)}}
	want := []any{clone(t, e), clone(t, n)}
	ownStrings(e)
	ownStrings(n)
	if got := []any{e, n}; !reflect.DeepEqual(got, want) {
		t.Fatalf("ownStrings changed the records: %+v, want %+v", got, want)
	}
	lo, hi := uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&buf[len(buf)-1]))
	walkStrings(reflect.ValueOf([]any{e, n}), func(s string) {
		if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= lo && p <= hi {
			t.Errorf("%q still points into the buffer", s)
		}
	})
}

// TestOwnStringsCoversEveryField: every string field of every record type, filled from one
// buffer, owns its bytes after ownStrings (a field added to a record and left out of
// ownStrings' list fails here).
func TestOwnStringsCoversEveryField(t *testing.T) {
	buf := []byte("abcdefghijklmnopqrstuvwxyz")
	next := func() string { return unsafe.String(&buf[3], 5) }
	lo, hi := uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&buf[len(buf)-1]))
	for _, v := range []any{&Edge{}, &Node{}, &Article{}, &Meta{}} {
		fillStrings(reflect.ValueOf(v).Elem(), next)
		ownStrings(v)
		walkStrings(reflect.ValueOf(v), func(s string) {
			if p := uintptr(unsafe.Pointer(unsafe.StringData(s))); p >= lo && p <= hi {
				t.Errorf("%T: a string still points into the buffer", v)
			}
		})
	}
}

// fillStrings sets every string v holds (struct fields, two-element string slices, a map
// with a string and a list) to next().
func fillStrings(v reflect.Value, next func() string) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(next())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillStrings(v.Field(i), next)
			}
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.String {
			v.Set(reflect.ValueOf([]string{next(), next()}).Convert(v.Type()))
		}
	case reflect.Map:
		v.Set(reflect.ValueOf(map[string]any{next(): next(), "l": []any{next(), map[string]any{"k": next()}}}))
	}
}

// clone copies a record and its maps (its strings are shared: DeepEqual compares their bytes).
func clone[T any](t *testing.T, v *T) *T {
	t.Helper()
	out := new(T)
	*out = *v
	e := reflect.ValueOf(out).Elem()
	for i := range e.NumField() {
		if f := e.Field(i); f.Kind() == reflect.Map && !f.IsNil() {
			m := reflect.MakeMap(f.Type())
			for _, k := range f.MapKeys() {
				m.SetMapIndex(k, f.MapIndex(k))
			}
			f.Set(m)
		}
	}
	return out
}

func walkStrings(v reflect.Value, fn func(string)) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), fn)
		}
	case reflect.String:
		fn(v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				walkStrings(v.Field(i), fn)
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkStrings(v.Index(i), fn)
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			walkStrings(k, fn)
			walkStrings(v.MapIndex(k), fn)
		}
	}
}
