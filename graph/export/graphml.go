package export

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"sort"
	"strings"
)

// GraphML writes the snapshot as one directed GraphML graph: node ids are the id
// properties, every property a <data> element declared by a <key> (long, double,
// boolean or string; lists as JSON text), plus "labels" (joined with ":") and "label"
// (the name or title, which Gephi shows) on nodes and "type" on edges.
func GraphML(w io.Writer, s *Snapshot) error {
	type key struct{ id, forWhat, name, typ string }
	collect := func(props []map[string]any, prefix, forWhat string, fixed []key) ([]key, map[string]string) {
		kinds := map[string]map[string]bool{}
		for _, p := range props {
			for k, v := range p {
				if v == nil {
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
		sort.Strings(names)
		keys := append([]key{}, fixed...)
		ids := map[string]string{}
		for i, n := range names {
			typ := "string"
			switch importType(kinds[n]) {
			case "int", "long":
				typ = "long"
			case "double":
				typ = "double"
			case "boolean":
				typ = "boolean"
			}
			id := fmt.Sprintf("%s%d", prefix, i)
			ids[n] = id
			keys = append(keys, key{id: id, forWhat: forWhat, name: n, typ: typ})
		}
		return keys, ids
	}
	nodeProps := make([]map[string]any, len(s.Nodes))
	for i, n := range s.Nodes {
		nodeProps[i] = n.Props
	}
	relProps := make([]map[string]any, len(s.Rels))
	for i, r := range s.Rels {
		relProps[i] = r.Props
	}
	nkeys, nids := collect(nodeProps, "n", "node", []key{{"labels", "node", "labels", "string"}, {"label", "node", "label", "string"}})
	ekeys, eids := collect(relProps, "e", "edge", []key{{"type", "edge", "type", "string"}})

	bw := bufio.NewWriter(w)
	esc := func(s string) string {
		var b strings.Builder
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	attr := func(s string) string { return strings.ReplaceAll(esc(s), `"`, "&quot;") }
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
`)
	for _, k := range append(nkeys, ekeys...) {
		fmt.Fprintf(bw, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", k.id, k.forWhat, attr(k.name), k.typ)
	}
	bw.WriteString("  <graph id=\"newsgraph\" edgedefault=\"directed\">\n")
	data := func(id string, v any) {
		text, _ := cellText(v, "")
		if _, isList := v.([]any); !isList {
			text = scalarText(v)
		}
		fmt.Fprintf(bw, "      <data key=\"%s\">%s</data>\n", id, esc(text))
	}
	for _, n := range s.Nodes {
		fmt.Fprintf(bw, "    <node id=\"%s\">\n", attr(n.ID))
		fmt.Fprintf(bw, "      <data key=\"labels\">%s</data>\n", esc(":"+strings.Join(n.Labels, ":")))
		label := str(n.Props["name"])
		if label == "" {
			label = str(n.Props["title"])
		}
		if label == "" {
			label = n.ID
		}
		fmt.Fprintf(bw, "      <data key=\"label\">%s</data>\n", esc(label))
		for _, k := range sortedKeys(n.Props) {
			if v := n.Props[k]; v != nil {
				data(nids[k], v)
			}
		}
		bw.WriteString("    </node>\n")
	}
	for i, r := range s.Rels {
		fmt.Fprintf(bw, "    <edge id=\"e%d\" source=\"%s\" target=\"%s\">\n", i, attr(r.From), attr(r.To))
		fmt.Fprintf(bw, "      <data key=\"type\">%s</data>\n", esc(r.Type))
		for _, k := range sortedKeys(r.Props) {
			if v := r.Props[k]; v != nil {
				data(eids[k], v)
			}
		}
		bw.WriteString("    </edge>\n")
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}
