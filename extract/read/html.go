package read

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/newsgraph/newsgraph/extract/article"
)

// fromHTML extracts the main text, title and date of a page. Doc.Text is the main text
// rendered as paragraphs separated by blank lines (a <br> is a line break); offsets refer
// to it, not to the HTML.
func fromHTML(path, id string, data []byte) (*article.Doc, *FileError) {
	root, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fileErr(path, 0, fmt.Errorf("%w: %w", ErrNoText, err), "cannot parse HTML: %v", err)
	}
	if !hasBodyText(root) {
		return nil, fileErr(path, 0, ErrNoText, "no main text (HTML without body text)")
	}
	res, err := trafilatura.ExtractDocument(root, trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Fast, // metadata, JSON-LD, URL: cheap and reliable
	})
	if err != nil || res == nil || res.ContentNode == nil {
		reason := "no main text found"
		if err != nil {
			reason += ": " + err.Error()
		}
		return nil, fileErr(path, 0, ErrNoText, "%s", reason)
	}
	text := RenderText(res.ContentNode)
	if strings.TrimSpace(text) == "" {
		return nil, fileErr(path, 0, ErrNoText, "no main text found")
	}
	d := NewDoc(id, path, text)
	d.Meta.Title = strings.Join(strings.Fields(res.Metadata.Title), " ")
	d.Meta.URL = res.Metadata.URL
	if !res.Metadata.Date.IsZero() {
		d.Meta.Published, d.Meta.PublishedSource = res.Metadata.Date.Format("2006-01-02"), SourceMetadata
	} else if again, err := html.Parse(bytes.NewReader(data)); err == nil {
		// Extensive search (dates in the page text, go-dateparser) only when the
		// metadata had none: it is the slow part.
		r, err := htmldate.FromDocument(again, htmldate.Options{UseOriginalDate: true, URL: res.Metadata.URL})
		if err == nil && !r.DateTime.IsZero() {
			d.Meta.Published, d.Meta.PublishedSource = r.DateTime.Format("2006-01-02"), SourceHTML
		}
	}
	return d, nil
}

// hasBodyText reports whether the <body> holds any non-blank text outside script/style.
func hasBodyText(n *html.Node) bool {
	var body *html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if body != nil {
			return
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			body = n
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(n)
	if body == nil {
		return false
	}
	var has func(*html.Node) bool
	has = func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			return strings.TrimSpace(n.Data) != ""
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return false
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if has(c) {
				return true
			}
		}
		return false
	}
	return has(body)
}

var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Head: true,
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true,
	atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Section: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Figure: true, atom.Figcaption: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.Hr: true, atom.Main: true, atom.Aside: true, atom.Nav: true,
	atom.Address: true, atom.Form: true, atom.Fieldset: true, atom.Details: true,
	atom.Summary: true, atom.Caption: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Body: true,
}

// RenderText renders an HTML subtree as plain text: one paragraph per block element,
// paragraphs separated by a blank line, <br> as a line break, table cells separated by a
// tab, runs of white space collapsed.
func RenderText(n *html.Node) string {
	var out, para strings.Builder
	space := false // white space seen since the last character of para
	sep := ""      // separator to write before the next paragraph
	flush := func() {
		p := strings.TrimSpace(para.String())
		para.Reset()
		space = false
		if p == "" {
			return
		}
		if out.Len() > 0 {
			if sep == "" {
				sep = "\n\n"
			}
			out.WriteString(sep)
		}
		out.WriteString(p)
		sep = ""
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			for _, r := range n.Data {
				if r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\f' {
					space = para.Len() > 0
					continue
				}
				if space {
					para.WriteByte(' ')
				}
				space = false
				para.WriteRune(r)
			}
			return
		case html.ElementNode:
			if skipped[n.DataAtom] {
				return
			}
			switch {
			case n.DataAtom == atom.Br:
				flush()
				if sep != "\n\n" {
					sep = "\n"
				}
				return
			case n.DataAtom == atom.Td || n.DataAtom == atom.Th:
				if para.Len() > 0 {
					para.WriteByte('\t')
					space = false
				}
			case blocks[n.DataAtom]:
				flush()
				sep = "\n\n"
				defer func() { flush(); sep = "\n\n" }()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	flush()
	return out.String()
}
