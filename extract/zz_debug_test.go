package extract

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("NG_DEBUG")
	if f == "" {
		t.Skip()
	}
	p, err := New(Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.Run(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Docs {
		for si, s := range d.Sentences {
			fmt.Printf("\n[%d] %s\n", si, strings.ReplaceAll(d.Text[s.Start:s.End], "\n", " "))
			for _, m := range d.Mentions {
				if m.Sentence == si {
					fmt.Printf("    %-8s %-8s %-30q -> %s role=%q org=%s mod=%v grp=%v why=%q\n", m.Label, m.Kind, m.Text, m.Entity, m.Role, m.RoleOrg, m.Modifier, m.Group, m.Why)
				}
			}
			for _, e := range res.Document.Edges {
				if e.Article == d.Meta.ID && e.Evidence.Start == s.Start && e.Type != "MENTIONS" {
					fmt.Printf("    >> %s %s -> %s [%s] %s %s rule=%s topic=%q\n", e.Type, e.From, e.To, e.Status, e.Date, e.DatePrecision, e.Rule, e.Topic)
				}
			}
		}
	}
}
