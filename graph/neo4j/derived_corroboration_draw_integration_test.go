//go:build integration

package neo4j

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// TestFactsRedrawWhenANewestGoes WIPES THE DATABASE: one fact (a PRESSURED b, January 2024)
// stated by 12 articles, one relationship each: after the load its node keeps all 12 articles
// and draws the 10 newest; retracting the newest leaves 11, of which the node knew only 9 drawn,
// so the fact is read again (the 11th newest is drawn now); a reload moving the newest article
// to another month moves it to another fact. After each step the fact nodes must equal a
// from-scratch grouping (checkFacts: articles, article ids and drawing).
func TestFactsRedrawWhenANewestGoes(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	arts := map[string][2]any{}
	for i := 1; i <= 12; i++ {
		arts[fmt.Sprintf("p%02d", i)] = [2]any{fmt.Sprintf("k%02d", i), []string{fmt.Sprintf("person:a>person:b||reported|2024-01-%02d", i)}}
	}
	load(t, s, pressureDoc(arts, nil))
	checkFacts(t, s, "fresh load")
	if _, err := s.Retract(ctx, []string{"p12"}, false); err != nil {
		t.Fatal(err)
	}
	checkFacts(t, s, "newest retracted")
	delete(arts, "p12")
	arts["p11"] = [2]any{"k11", []string{"person:a>person:b||reported|2023-12-31"}}
	load(t, s, strings.Replace(pressureDoc(arts, nil), `"hash":"hp11"`, `"hash":"hp11-2"`, 1))
	checkFacts(t, s, "newest moved to another month")
	recs, err := s.read(ctx, "MATCH (f:"+ident(FactLabel)+") WHERE f.type = 'PRESSURED' RETURN f.articles, size(f.new), f.rels ORDER BY f.articles", nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range recs {
		got = append(got, fmt.Sprint(r.Values...))
	}
	if strings.Join(got, "; ") != "1 1 1; 10 10 10" {
		t.Fatalf("facts (articles, drawn, relationships): %q, want 1 1 1; 10 10 10: the graph is not the one tested", got)
	}
}
