// Package testpage renders the news article pages that the tests of the fetching and
// watching code serve from local HTTP servers.
package testpage

import "strings"

// Article renders an HTML article page: a title, an optional <link rel="canonical"> (when
// canonical is not empty), a fixed publication time (2025-06-20T10:00:00Z) and one <p> per
// paragraph inside <article>.
func Article(title, canonical string, paragraphs ...string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>` + title + `</title>`)
	if canonical != "" {
		b.WriteString(`<link rel="canonical" href="` + canonical + `">`)
	}
	b.WriteString(`
<meta property="article:published_time" content="2025-06-20T10:00:00Z"></head>
<body>
<article>
<h1>` + title + `</h1>
`)
	for _, p := range paragraphs {
		b.WriteString("<p>" + p + "</p>\n")
	}
	b.WriteString("</article>\n</body></html>")
	return b.String()
}
