package render

import (
	"html/template"
	"io"
	"strings"
)

var page = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="newsgraph">
<title>newsgraph report: {{.Name}}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2430; margin: 24px auto; max-width: 1200px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
p.summary { margin: 0 0 8px; color: #3a4150; }
p.desc { margin: 0 0 8px; color: #5a6170; white-space: pre-line; }
code, pre { font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
p.params code { background: #f1f3f6; padding: 2px 4px; border-radius: 3px; }
figure { margin: 0; border: 1px solid #d9dde3; border-radius: 6px; background: #fbfcfd; overflow-x: auto; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 12px; color: #5a6170; padding: 4px 8px; border-top: 1px solid #e4e7eb; }
svg text.node { font: 11px system-ui, sans-serif; text-anchor: middle; fill: #1d2430; }
svg text.rel { font: 10px system-ui, sans-serif; text-anchor: middle; }
svg text.legend { font: 11px system-ui, sans-serif; fill: #1d2430; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { border: 1px solid #d9dde3; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f6; position: sticky; top: 0; }
tr:nth-child(even) td { background: #fafbfc; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.null { color: #a0a6b0; }
.status-negated { color: #b03a2e; }
.status-planned, .status-hypothetical { color: #8a6d0b; }
details pre { background: #f6f8fa; padding: 8px; overflow-x: auto; border-radius: 4px; }
footer { margin-top: 24px; font-size: 12px; color: #5a6170; }
</style>
</head>
<body>
<header>
<h1>{{.Name}}</h1>
<p class="summary">{{.Summary}}</p>
{{- if .Description}}
<p class="desc">{{.Description}}</p>
{{- end}}
{{- if .Params}}
<p class="params">Parameters: <code>{{.Params}}</code></p>
{{- end}}
</header>
<section>
<h2>Graph</h2>
{{- if .SVG}}
<figure>
{{.SVG}}<figcaption>{{.Caption}}</figcaption>
</figure>
{{- else}}
<p>The rows hold no nodes, relationships or entity ids to draw.</p>
{{- end}}
</section>
<section>
<h2>Rows ({{.Count}})</h2>
<table>
<thead><tr>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{- range .Rows}}
<tr>{{range .}}<td{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</td>{{end}}</tr>
{{- end}}
</tbody>
</table>
</section>
<footer>
<details><summary>Cypher ({{.File}})</summary>
<pre>{{.Cypher}}</pre>
</details>
<p>Written by <code>newsgraph report run {{.Name}} --format html</code>; status other than reported is drawn dashed (planned), dotted (hypothetical) or finely dashed (negated).</p>
</footer>
</body>
</html>
`))

type htmlCell struct {
	Text  string
	Class string
}

// HTML writes a self-contained page (inline CSS, no scripts, no external assets): the
// template's name, summary and params, an SVG drawing of r.Graph, and the visible rows.
func HTML(w io.Writer, r *Report) error {
	rows := Visible(r.Rows)
	data := struct {
		Name, Summary, Description, Params, File, Cypher, Caption string
		SVG                                                       template.HTML
		Count                                                     int
		Columns                                                   []string
		Rows                                                      [][]htmlCell
	}{
		Name: r.Template.Name, Summary: r.Template.Summary, Description: r.Template.Description,
		File: r.Template.File, Cypher: r.Template.Source, Count: len(rows.Rows), Columns: rows.Columns,
	}
	if len(r.Template.Params) > 0 {
		data.Params = ParamText(r.Template, r.Params)
	}
	if r.Graph != nil && len(r.Graph.Nodes) > 0 {
		var b strings.Builder
		if err := SVG(&b, r.Graph); err != nil {
			return err
		}
		data.SVG = template.HTML(b.String()) // built from escaped text only
		data.Caption = captionOf(r.Graph)
	}
	for _, row := range rows.Rows {
		cells := make([]htmlCell, len(row))
		for i, v := range row {
			c := htmlCell{Text: Text(v)}
			switch x := v.(type) {
			case nil:
				c.Class = "null"
			case int64, float64, int:
				c.Class = "num"
			case string:
				if i < len(rows.Columns) && rows.Columns[i] == "status" && x != "" {
					c.Class = "status-" + x
				}
			}
			cells[i] = c
		}
		data.Rows = append(data.Rows, cells)
	}
	return page.Execute(w, data)
}

func captionOf(g *Graph) string {
	rels := 0
	for _, e := range g.Edges {
		rels += e.Count
	}
	s := plural(len(g.Nodes))
	out := itoa(len(g.Nodes)) + " node" + s + ", " + itoa(rels) + " relationship" + plural(rels)
	if g.Omitted > 0 {
		out += " (" + itoa(g.Omitted) + " less connected nodes left out)"
	}
	return out
}

func itoa(n int) string { return Text(int64(n)) }
