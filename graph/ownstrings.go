package graph

import (
	"reflect"
	"strings"
)

// ownStrings gives every string reachable from v (a pointer to a record) bytes of its own.
// go-json's strings point into the buffer they were decoded from: a record's id kept in an
// index would hold the whole record's bytes in memory (TestScanPlanBytesPerArticle).
// The record types are done field by field (reflection took most of what go-json saves);
// any other type by reflection.
func ownStrings(v any) {
	c := strings.Clone
	switch r := v.(type) {
	case *Edge:
		r.Kind, r.Type, r.From, r.To, r.Article = c(r.Kind), RelType(c(string(r.Type))), c(r.From), c(r.To), c(r.Article)
		r.Status, r.Date, r.DatePrecision, r.DateSource = Status(c(string(r.Status))), c(r.Date), c(r.DatePrecision), c(r.DateSource)
		r.Place, r.Topic, r.Cameo, r.Rule, r.Title, r.Source = c(r.Place), c(r.Topic), c(r.Cameo), c(r.Rule), c(r.Title), c(r.Source)
		r.Evidence.Sentence = c(r.Evidence.Sentence)
		r.Props = ownMapAny(r.Props)
	case *Node:
		r.Kind, r.ID, r.Label, r.Name = c(r.Kind), c(r.ID), Label(c(string(r.Label))), c(r.Name)
		ownSlice(r.Aliases)
		ownSlice(r.Articles)
		r.Props = ownMapAny(r.Props)
	default:
		own(reflect.ValueOf(v))
	}
}

func ownSlice(s []string) {
	for i := range s {
		s[i] = strings.Clone(s[i])
	}
}

func ownMapAny(m map[string]any) map[string]any {
	if m == nil {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[strings.Clone(k)] = ownAny(v)
	}
	return out
}

func ownAny(v any) any {
	switch x := v.(type) {
	case string:
		return strings.Clone(x)
	case map[string]any:
		return ownMapAny(x)
	case []any:
		for i := range x {
			x[i] = ownAny(x[i])
		}
	}
	return v
}

func own(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			own(v.Elem())
		}
	case reflect.String:
		if v.CanSet() && v.Len() > 0 {
			v.SetString(strings.Clone(v.String()))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				own(v.Field(i))
			}
		}
	case reflect.Slice:
		for i := range v.Len() {
			own(v.Index(i))
		}
	case reflect.Map:
		ownMap(v)
	case reflect.Interface:
		if !v.IsNil() && v.CanSet() {
			e := reflect.New(v.Elem().Type()).Elem()
			e.Set(v.Elem())
			own(e)
			v.Set(e)
		}
	}
}

// ownMap replaces each key and value of the map v by one that owns its strings.
func ownMap(v reflect.Value) {
	if v.IsNil() {
		return
	}
	keys := v.MapKeys()
	for _, k := range keys {
		val := v.MapIndex(k)
		nk := reflect.New(k.Type()).Elem()
		nk.Set(k)
		own(nk)
		nv := reflect.New(val.Type()).Elem()
		nv.Set(val)
		own(nv)
		v.SetMapIndex(k, reflect.Value{})
		v.SetMapIndex(nk, nv)
	}
}
