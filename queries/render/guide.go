package render

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/queries"
)

var guide = template.Must(template.New("guide").Parse(`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>newsgraph reports</title>
</head>
<body>
<!-- Neo4j Browser guide, written by ` + "`newsgraph report guide`" + ` from the report templates
     (queries/*.cypher). Serve it over HTTP with CORS (scripts/browser-e2e.sh does, or
     ` + "`newsgraph report guide --serve`" + `) and run :guide http://localhost:PORT/guide.html -->
<slide class="row-fluid">
<div class="col-sm-12">
<h3>newsgraph reports</h3>
<p>The saved reports of newsgraph, one per slide. Each slide has two blocks: click the first to put
the report's parameters into the editor (<code>:param name =&gt; value</code>, evaluated by the
server so integers stay integers) and run it; then click the second, the report itself, and run it.
Edit the values before running to ask something else.</p>
{{- if .StyleURL}}
<p>Colours and captions for the graph view:</p>
<pre class="runnable">:style {{.StyleURL}}</pre>
{{- end}}
<ol>
{{- range .Reports}}
<li><b>{{.Name}}</b> — {{.Summary}}</li>
{{- end}}
</ol>
<p>Columns whose names start with <code>_</code> carry the paths that the graph view draws.</p>
</div>
</slide>
{{- range .Reports}}
<slide class="row-fluid">
<div class="col-sm-12">
<h3>{{.Name}}</h3>
<p>{{.Summary}}</p>
{{- if .Description}}
<p>{{.Description}}</p>
{{- end}}
{{- if .Params}}
<p>Parameters ({{.Signature}}):</p>
<pre class="runnable">{{.Params}}</pre>
{{- end}}
<p>The report:</p>
<pre class="runnable">{{.Cypher}}</pre>
<p>CLI: <code>newsgraph report run {{.Name}}{{.Flags}}</code></p>
</div>
</slide>
{{- end}}
</body>
</html>
`))

// GuideOptions tunes Guide.
type GuideOptions struct {
	// StyleURL, when set, is offered as a ":style URL" block on the first slide.
	StyleURL string
	// Defaults sets each report's params to their defaults (the example values only for
	// required params) instead of the example values.
	Defaults bool
}

type guideReport struct {
	Name, Summary, Description, Signature, Params, Cypher, Flags string
}

// Guide writes a Neo4j Browser guide (HTML with one <slide> per template, queries in
// <pre class="runnable"> blocks) for :guide URL. Each report slide sets the template's
// params to its example values (defaults for the rest) with :param lines.
func Guide(w io.Writer, ts []*queries.Template, opts GuideOptions) error {
	data := struct {
		StyleURL string
		Reports  []guideReport
	}{StyleURL: opts.StyleURL}
	for _, t := range ts {
		given := t.Example
		if opts.Defaults {
			given = map[string]string{}
			for _, p := range t.Params {
				if v, ok := t.Example[p.Name]; ok && p.Required {
					given[p.Name] = v
				}
			}
		}
		params, err := t.Bind(given)
		if err != nil {
			return fmt.Errorf("%s: example params: %w", t.File, err)
		}
		var lines []string
		for _, p := range t.Params {
			lines = append(lines, fmt.Sprintf(":param %s => %s;", p.Name, Literal(params[p.Name])))
		}
		var flags strings.Builder
		for _, p := range t.Params {
			if v, ok := given[p.Name]; ok {
				fmt.Fprintf(&flags, " --param %s", shellQuote(p.Name+"="+v))
			}
		}
		data.Reports = append(data.Reports, guideReport{
			Name: t.Name, Summary: t.Summary, Description: strings.ReplaceAll(t.Description, "\n", " "),
			Signature: t.Signature(), Params: strings.Join(lines, "\n"),
			Cypher: strings.TrimSpace(t.Body), Flags: flags.String(),
		})
	}
	return guide.Execute(w, data)
}

func shellQuote(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("=-_.,:/@", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
