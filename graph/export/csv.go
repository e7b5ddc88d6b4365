package export

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ArrayDelimiter separates the items of array columns (aliases:string[]); it is
// neo4j-admin's default. An item containing it is an error.
const ArrayDelimiter = ";"

// CSV writes the snapshot into dir (created if needed) in the format `neo4j-admin
// database import full` reads: nodes-LABEL.csv with id:ID, :LABEL and one typed column
// per property, and rels-TYPE.csv with :START_ID, :END_ID, :TYPE and typed columns.
// Integers become int (long when one does not fit in 32 bits), floats double (float
// would round 0.9 to 0.8999999761581421), booleans boolean, lists string[], long[] or
// double[]; other values are written as JSON strings. It returns the files written,
// nodes first; scripts/bulk-import.sh passes them to neo4j-admin.
func CSV(dir string, s *Snapshot) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	var files []string

	byLabel := map[string][]Node{}
	var labels []string
	for _, n := range s.Nodes {
		l := n.label()
		if _, ok := byLabel[l]; !ok {
			labels = append(labels, l)
		}
		byLabel[l] = append(byLabel[l], n)
	}
	sort.Strings(labels)
	for _, l := range labels {
		nodes := byLabel[l]
		props := make([]map[string]any, len(nodes))
		for i, n := range nodes {
			props[i] = n.Props
		}
		cols := columns(props, map[string]bool{"id": true})
		path := filepath.Join(dir, "nodes-"+safe(l)+".csv")
		err := writeCSV(path, append([]string{"id:ID", ":LABEL"}, headers(cols)...), len(nodes), func(i int) ([]string, error) {
			rec := []string{nodes[i].ID, strings.Join(nodes[i].Labels, ArrayDelimiter)}
			return appendCells(rec, cols, nodes[i].Props)
		})
		if err != nil {
			return files, err
		}
		files = append(files, path)
	}

	byType := map[string][]Rel{}
	var types []string
	for _, r := range s.Rels {
		if _, ok := byType[r.Type]; !ok {
			types = append(types, r.Type)
		}
		byType[r.Type] = append(byType[r.Type], r)
	}
	sort.Strings(types)
	for _, t := range types {
		rels := byType[t]
		props := make([]map[string]any, len(rels))
		for i, r := range rels {
			props[i] = r.Props
		}
		cols := columns(props, nil)
		path := filepath.Join(dir, "rels-"+safe(t)+".csv")
		err := writeCSV(path, append([]string{":START_ID", ":END_ID", ":TYPE"}, headers(cols)...), len(rels), func(i int) ([]string, error) {
			return appendCells([]string{rels[i].From, rels[i].To, t}, cols, rels[i].Props)
		})
		if err != nil {
			return files, err
		}
		files = append(files, path)
	}
	return files, nil
}

type column struct {
	name, typ string // typ "" is string
}

func headers(cols []column) []string {
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.name
		if c.typ != "" {
			out[i] += ":" + c.typ
		}
	}
	return out
}

// columns returns the properties present in any of props (name first, then sorted),
// each with the import type that holds all its values.
func columns(props []map[string]any, skip map[string]bool) []column {
	kinds := map[string]map[string]bool{}
	for _, p := range props {
		for k, v := range p {
			if skip[k] || v == nil {
				continue
			}
			if kinds[k] == nil {
				kinds[k] = map[string]bool{}
			}
			kinds[k][kindOf(v)] = true
		}
	}
	names := make([]string, 0, len(kinds))
	for k := range kinds {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if (names[i] == "name") != (names[j] == "name") {
			return names[i] == "name"
		}
		return names[i] < names[j]
	})
	out := make([]column, len(names))
	for i, n := range names {
		out[i] = column{name: n, typ: importType(kinds[n])}
	}
	return out
}

// kindOf classifies a property value: int, long, double, boolean, string, and lists
// of them as "list:KIND"; anything else "json".
func kindOf(v any) string {
	switch x := v.(type) {
	case string:
		return "string"
	case bool:
		return "boolean"
	case int64:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			return "int"
		}
		return "long"
	case float64:
		return "double"
	case []any:
		kind := ""
		for _, y := range x {
			k := kindOf(y)
			if k == "int" {
				k = "long"
			}
			if kind != "" && k != kind {
				return "json"
			}
			kind = k
		}
		if kind == "" {
			kind = "string"
		}
		if strings.HasPrefix(kind, "list:") || kind == "json" {
			return "json"
		}
		return "list:" + kind
	}
	return "json"
}

func importType(kinds map[string]bool) string {
	if len(kinds) == 1 {
		for k := range kinds {
			switch {
			case k == "string", k == "json":
				return ""
			case strings.HasPrefix(k, "list:"):
				return strings.TrimPrefix(k, "list:") + "[]"
			}
			return k
		}
	}
	numeric := true
	for k := range kinds {
		if k != "int" && k != "long" && k != "double" {
			numeric = false
		}
	}
	switch {
	case numeric && kinds["double"]:
		return "double"
	case numeric:
		return "long"
	}
	return "" // mixed: strings (JSON for non-strings)
}

// appendCells renders the values of cols; absent and null values are empty fields
// (neo4j-admin sets no property for them).
func appendCells(rec []string, cols []column, props map[string]any) ([]string, error) {
	for _, c := range cols {
		v, ok := props[c.name]
		if !ok || v == nil {
			rec = append(rec, "")
			continue
		}
		cell, err := cellText(v, c.typ)
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", c.name, err)
		}
		rec = append(rec, cell)
	}
	return rec, nil
}

func cellText(v any, typ string) (string, error) {
	if strings.HasSuffix(typ, "[]") {
		items := v.([]any)
		parts := make([]string, len(items))
		for i, it := range items {
			s := scalarText(it)
			if strings.Contains(s, ArrayDelimiter) {
				return "", fmt.Errorf("list item %q contains the array delimiter %q", s, ArrayDelimiter)
			}
			parts[i] = s
		}
		return strings.Join(parts, ArrayDelimiter), nil
	}
	switch typ {
	case "":
		if s, ok := v.(string); ok {
			return s, nil
		}
		b, err := json.Marshal(v)
		return string(b), err
	}
	return scalarText(v), nil
}

func scalarText(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

func writeCSV(path string, header []string, n int, row func(i int) ([]string, error)) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("creating %s: %w", path, err)
	}
	w := csv.NewWriter(f)
	err = w.Write(header)
	for i := 0; i < n && err == nil; i++ {
		var rec []string
		if rec, err = row(i); err == nil {
			err = w.Write(rec)
		}
	}
	if err == nil {
		w.Flush()
		err = w.Error()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// safe keeps letters, digits and _ of a label or type for a file name.
func safe(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	return b.String()
}
