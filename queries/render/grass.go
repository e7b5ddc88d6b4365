package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Captions per label in Neo4j Browser.
var labelCaption = map[string]string{
	"Article": "{title}", "Person": "{name}", "Country": "{name}", "Organization": "{name}",
	"Place": "{name}", "Event": "{name}",
}

var labelSize = map[string]int{"Article": 40, "Person": 60, "Country": 65, "Organization": 60, "Place": 50, "Event": 55}

// Grass writes the Neo4j Browser style sheet (GraSS) of the model: a colour, size and
// caption per label (the colours of the HTML drawing) and a colour and caption per
// relationship type (HOLDS_ROLE shows its title). browser/newsgraph.grass is its output.
func Grass(w io.Writer) error {
	var b strings.Builder
	// No comment in the file: Browser's style parser does not skip them.
	b.WriteString(`node {
  diameter: 50px;
  color: #A5ABB6;
  border-color: #9AA1AC;
  border-width: 2px;
  text-color-internal: #FFFFFF;
  font-size: 10px;
}
relationship {
  color: #A5ABB6;
  shaft-width: 1px;
  font-size: 8px;
  padding: 3px;
  text-color-external: #000000;
  text-color-internal: #FFFFFF;
  caption: "<type>";
}
`)
	for _, l := range graph.AllLabels {
		c := labelColor[string(l)]
		fmt.Fprintf(&b, "node.%s {\n  color: %s;\n  border-color: %s;\n  diameter: %dpx;\n  text-color-internal: #FFFFFF;\n  caption: \"%s\";\n}\n",
			l, c, darker(c), labelSize[string(l)], labelCaption[string(l)])
	}
	for _, r := range graph.Relations {
		caption := "<type>"
		width := "2px"
		switch r.Type {
		case graph.RelHoldsRole:
			caption = "{title}"
		case graph.RelMentions:
			width = "1px"
		}
		fmt.Fprintf(&b, "relationship.%s {\n  color: %s;\n  shaft-width: %s;\n  caption: \"%s\";\n}\n", r.Type, relColor(string(r.Type)), width, caption)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// darker returns #RRGGBB with each channel at 75%.
func darker(c string) string {
	var r, g, bl int
	if _, err := fmt.Sscanf(c, "#%02x%02x%02x", &r, &g, &bl); err != nil {
		return c
	}
	return fmt.Sprintf("#%02X%02X%02X", r*3/4, g*3/4, bl*3/4)
}
