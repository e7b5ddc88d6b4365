package render

import (
	"fmt"
	"html"
	"io"
	"math"
	"strings"
)

// Colours per label: the same as browser/newsgraph.grass.
var labelColor = map[string]string{
	"Article":      "#A5ABB6",
	"Person":       "#4C8EDA",
	"Country":      "#F79767",
	"Organization": "#57C7E3",
	"Place":        "#8DCC93",
	"Event":        "#C990C0",
}

// Relationship colours: conflict red, cooperation green, events blue, structure grey.
func relColor(t string) string {
	switch t {
	case "PRESSURED", "CRITICIZED":
		return "#C0392B"
	case "MET", "SPOKE_WITH", "SUPPORTED", "VISITED", "HOSTED":
		return "#2E7D32"
	case "ATTENDED":
		return "#1F5F99"
	}
	return "#8A8F98"
}

const (
	svgW, svgH, svgMargin = 960.0, 560.0, 70.0
	nodeR                 = 18.0
)

// SVG writes a drawing of g: nodes coloured by label, relationships as arrows labelled
// with their type (×N when several), status other than reported drawn dashed and named.
func SVG(w io.Writer, g *Graph) error {
	pos := Layout(g, svgW, svgH, svgMargin)
	at := map[string]int{}
	for i, n := range g.Nodes {
		at[n.Key] = i
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %g %g" width="%g" height="%g" role="img" aria-label="graph of the report's rows">`+"\n",
		svgW, svgH+30, svgW, svgH+30)
	b.WriteString(`<defs>`)
	colors := []string{}
	seenColor := map[string]bool{}
	for _, e := range g.Edges {
		if c := relColor(e.Type); !seenColor[c] {
			seenColor[c] = true
			colors = append(colors, c)
		}
	}
	for _, c := range colors {
		fmt.Fprintf(&b, `<marker id="arrow%s" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="%s"/></marker>`,
			c[1:], c)
	}
	b.WriteString("</defs>\n")

	// Several edges between the same two nodes bend apart.
	type pairKey struct{ a, b string }
	pairOf := func(e Edge) pairKey {
		if e.From < e.To {
			return pairKey{e.From, e.To}
		}
		return pairKey{e.To, e.From}
	}
	total := map[pairKey]int{}
	for _, e := range g.Edges {
		total[pairOf(e)]++
	}
	done := map[pairKey]int{}
	b.WriteString(`<g class="edges">` + "\n")
	for _, e := range g.Edges {
		i, ok1 := at[e.From]
		j, ok2 := at[e.To]
		if !ok1 || !ok2 {
			continue
		}
		pk := pairOf(e)
		idx := done[pk]
		done[pk]++
		p0, p2 := pos[i], pos[j]
		// Bend: offset from the straight line, perpendicular, by slot; the sign follows
		// the canonical pair direction so opposite edges do not overlap.
		slot := float64(idx) - float64(total[pk]-1)/2
		dx, dy := p2.X-p0.X, p2.Y-p0.Y
		d := math.Max(math.Hypot(dx, dy), 0.01)
		nx, ny := -dy/d, dx/d
		if e.From != pk.a {
			nx, ny = -nx, -ny
		}
		bend := slot * 64
		mx, my := (p0.X+p2.X)/2, (p0.Y+p2.Y)/2
		c := Point{round1(mx + nx*bend), round1(my + ny*bend)}
		if i == j { // a loop
			c = Point{p0.X + 40, p0.Y - 60}
		}
		s := shorten(p0, c, nodeR)
		t := shorten(p2, c, nodeR+2)
		color := relColor(e.Type)
		dash := ""
		switch e.Status {
		case "negated":
			dash = ` stroke-dasharray="2 3"`
		case "planned":
			dash = ` stroke-dasharray="7 4"`
		case "hypothetical":
			dash = ` stroke-dasharray="1 4"`
		}
		label := e.Type
		if e.Count > 1 {
			label += fmt.Sprintf(" ×%d", e.Count)
		}
		if e.Status != "" && e.Status != "reported" {
			label += " (" + e.Status + ")"
		}
		fmt.Fprintf(&b, `<path d="M%g,%g Q%g,%g %g,%g" fill="none" stroke="%s" stroke-width="1.6"%s marker-end="url(#arrow%s)"><title>%s</title></path>`+"\n",
			s.X, s.Y, c.X, c.Y, t.X, t.Y, color, dash, color[1:], esc(label))
		// The label sits on the curve's middle (t = 0.5 of the quadratic Bézier).
		lx, ly := round1(0.25*s.X+0.5*c.X+0.25*t.X), round1(0.25*s.Y+0.5*c.Y+0.25*t.Y)
		fmt.Fprintf(&b, `<text x="%g" y="%g" class="rel" fill="%s">%s</text>`+"\n", lx, ly-3, color, esc(label))
	}
	b.WriteString("</g>\n")

	b.WriteString(`<g class="nodes">` + "\n")
	for i, n := range g.Nodes {
		p := pos[i]
		fill := labelColor[n.Label]
		if fill == "" {
			fill = "#C4C4C4"
		}
		fmt.Fprintf(&b, `<g><title>%s (%s) %s</title><circle cx="%g" cy="%g" r="%g" fill="%s" stroke="#333" stroke-width="1"/><text x="%g" y="%g" class="node">%s</text></g>`+"\n",
			esc(n.Name), esc(n.Label), esc(n.Key), p.X, p.Y, nodeR, fill, p.X, p.Y+nodeR+13, esc(short(n.Name, 28)))
	}
	b.WriteString("</g>\n")

	// Legend: the labels present.
	x := 10.0
	present := map[string]bool{}
	for _, n := range g.Nodes {
		present[n.Label] = true
	}
	b.WriteString(`<g class="legend">`)
	for _, l := range []string{"Article", "Person", "Country", "Organization", "Place", "Event"} {
		if !present[l] {
			continue
		}
		fmt.Fprintf(&b, `<circle cx="%g" cy="%g" r="7" fill="%s" stroke="#333" stroke-width="1"/><text x="%g" y="%g" class="legend">%s</text>`,
			x+7, svgH+15, labelColor[l], x+19, svgH+19, l)
		x += 30 + float64(7*len(l))
	}
	b.WriteString("</g>\n</svg>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// shorten moves p towards q by r (so arrows stop at the node's rim).
func shorten(p, q Point, r float64) Point {
	dx, dy := q.X-p.X, q.Y-p.Y
	d := math.Hypot(dx, dy)
	if d < r {
		return p
	}
	return Point{round1(p.X + dx/d*r), round1(p.Y + dy/d*r)}
}

func short(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func esc(s string) string { return html.EscapeString(s) }
