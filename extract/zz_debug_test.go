package extract

import (
	"context"
	"fmt"
	"os"
	"testing"
)

func TestZZDebug(t *testing.T) {
	f := os.Getenv("NG_DEBUG")
	if f == "" {
		t.Skip()
	}
	p, _ := New(Options{Workers: 1})
	res, _ := p.Run(context.Background(), f)
	for _, d := range res.Docs {
		for _, m := range d.Mentions {
			fmt.Printf("%d %-8s %-8s %-30q -> %s role=%q org=%s mod=%v\n", m.Sentence, m.Label, m.Kind, m.Text, m.Entity, m.Role, m.RoleOrg, m.Modifier)
		}
	}
}
