//go:build integration

// The country_pairs groups the loader keeps, against a real Neo4j. WIPES THE DATABASE IT IS
// POINTED AT (see store_integration_test.go).
package neo4j

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// storedPairs is every group the loader kept, one line each (the drawn relationships by key).
func storedCountryPairs(t *testing.T, s *Store) string {
	t.Helper()
	return groupLines(t, s, `MATCH (g:CountryPair) WHERE g.id <> $state
RETURN g.a, g.b, g.an, g.bn, g.rel, g.fam, g.sort = g.an + '\u0000' + g.bn + '\u0000' + g.rel + '\u0000' + g.fam,
       g.all_n, g.nn_n, g.all_ty, g.nn_ty, g.all_st, g.nn_st, g.all_arts, g.nn_arts, g.all_na, g.nn_na,
       [x IN g.all_eids | [()-[r]->() WHERE elementId(r) = x | r.key][0]],
       [x IN g.nn_eids | [()-[r]->() WHERE elementId(r) = x | r.key][0]]`,
		map[string]any{"state": pairStateID})
}

// scratchPairs computes the same lines from the graph: every actor relationship lifted to the
// countries its article gives its ends (as testdata/reports/country_pairs_scratch.cypher), then
// grouped; the newest relationships by Cypher's ORDER BY (date descending, then article and key).
const scratchPairsStmt = `MATCH (a)-[r:MET|SPOKE_WITH|SUPPORTED|VISITED|HOSTED|PRESSURED|CRITICIZED]->(b)
CALL (a, b, r) {
  UNWIND [0, 1] AS i
  WITH i, CASE i WHEN 0 THEN a ELSE b END AS x, r
  CALL (x, r) {
    WITH x WHERE x:Country
    RETURN [x] AS cs
    UNION
    WITH x, r WHERE NOT x:Country
    OPTIONAL MATCH (x)-[h:HOLDS_ROLE|LOCATED_IN]->(k:Country) WHERE h.article = r.article
    WITH x, r, collect(DISTINCT k) AS ks
    OPTIONAL MATCH (:Article {id: r.article})-[m:MENTIONS]->(x)
    WHERE m.country IS NOT NULL AND NOT EXISTS { (x)-[h:HOLDS_ROLE]->() WHERE h.article = r.article }
    OPTIONAL MATCH (:Article {id: r.article})-[:MENTIONS]->(d:Country) WHERE d.iso2 = m.country
    WITH ks, collect(DISTINCT d) AS ds
    RETURN CASE WHEN size(ks) > 0 THEN ks ELSE ds END AS cs
  }
  WITH i, cs ORDER BY i
  RETURN collect(cs) AS both
}
UNWIND both[0] AS ca
UNWIND both[1] AS cb
WITH ca, cb, r WHERE ca <> cb
WITH CASE WHEN type(r) IN ['MET', 'SPOKE_WITH'] AND cb.name < ca.name THEN [cb, ca] ELSE [ca, cb] END AS p, r
WITH p[0] AS ca, p[1] AS cb, r, type(r) AS t,
     CASE WHEN type(r) IN ['PRESSURED', 'CRITICIZED'] THEN 'conflict' ELSE 'cooperation' END AS rel,
     coalesce(left(r.cameo, 2), {MET: '04', SPOKE_WITH: '04', VISITED: '04', HOSTED: '04', SUPPORTED: '05',
                                 PRESSURED: '10', CRITICIZED: '11'}[type(r)]) AS fam
ORDER BY coalesce(r.date, '') DESC, r.article, r.key
WITH ca, cb, rel, fam, collect(r) AS rs, [x IN collect(r) WHERE coalesce(x.status, '') <> 'negated'] AS nn
RETURN ca.id, cb.id, ca.name, cb.name, rel, fam, true, size(rs), size(nn),
       [x IN ['MET', 'SPOKE_WITH', 'SUPPORTED', 'VISITED', 'HOSTED', 'PRESSURED', 'CRITICIZED'] WHERE x IN [y IN rs | type(y)]],
       [x IN ['MET', 'SPOKE_WITH', 'SUPPORTED', 'VISITED', 'HOSTED', 'PRESSURED', 'CRITICIZED'] WHERE x IN [y IN nn | type(y)]],
       [x IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE x IN [y IN rs | y.status]],
       [x IN ['reported', 'planned', 'hypothetical', 'negated'] WHERE x IN [y IN nn | y.status]],
       COLLECT { UNWIND rs AS x WITH DISTINCT x.article AS v WHERE v IS NOT NULL RETURN v ORDER BY v },
       COLLECT { UNWIND nn AS x WITH DISTINCT x.article AS v WHERE v IS NOT NULL RETURN v ORDER BY v },
       size(COLLECT { UNWIND rs AS x RETURN DISTINCT x.article }), size(COLLECT { UNWIND nn AS x RETURN DISTINCT x.article }),
       [x IN rs[..10] | x.key], [x IN nn[..10] | x.key]`

// checkPairs: the groups kept equal a recomputation from scratch; wantSome says the graph must
// lift something (a step that should leave groups).
func checkPairs(t *testing.T, s *Store, step string, wantSome bool) {
	t.Helper()
	got, want := storedCountryPairs(t, s), groupLines(t, s, scratchPairsStmt, nil)
	if got != want {
		t.Errorf("%s: the country pairs kept differ from a recomputation:\n got:\n%s\nwant:\n%s", step, got, want)
	}
	if wantSome && want == "" {
		t.Fatalf("%s: no country pairs: the test graph is wrong", step)
	}
}

// TestPairsFollowTheGraph: after a fresh load in batches of two, a reload of changed articles
// (statuses to and from negated, CAMEO codes and dates changed, a relationship dropped, in
// batches of one), an edited article (same doc_key, new id) and a retraction that deletes
// orphans, the groups kept equal a recomputation from the relationships.
func TestPairsFollowTheGraph(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readReportsGraph(t), graph.LoadOptions{BatchSize: 2}); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "fresh load", true)

	d := readReportsGraph(t)
	dropped, i := false, -1
	graphtest.EditEdges(d, func(e *graph.Edge) (bool, bool) {
		i++ // the edge's index in the document
		switch {
		case e.Type == graph.RelMet && e.Status == "reported":
			e.Status = "negated"
		case e.Type == graph.RelMet && e.Status == "negated":
			e.Status = "planned"
		case e.Type == graph.RelCriticized || e.Type == graph.RelPressured:
			e.Cameo, e.Date = "1711", "2030-02-0"+string(rune('1'+i%9))
		case e.Type == graph.RelSupported && !dropped:
			dropped = true
			return false, true
		default:
			return true, false
		}
		return true, true
	})
	if _, err := s.Load(ctx, d, graph.LoadOptions{BatchSize: 1}); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "changed reload", true)

	load(t, s, bothAB)
	load(t, s, editedA)
	checkPairs(t, s, "edited article", true)

	if _, err := s.Retract(ctx, []string{d.Articles[0].ID}, false); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "retraction", true)
}

// pairCountries are the test's countries: id -> name, ISO code.
var pairCountries = map[string][2]string{"country:fr": {"France", "FR"}, "country:de": {"Germany", "DE"},
	"country:it": {"Italy", "IT"}, "country:es": {"Spain", "ES"}}

// pairDoc is an extraction of articles given as id -> lines: "TYPE from to date status" (an
// actor relationship), "ROLE person country" (HOLDS_ROLE), "LOC place country" (LOCATED_IN),
// "DICT person ISO" (the article's MENTIONS of person has that role country), "NAME node" (a
// MENTIONS only). Every node an
// article names has its MENTIONS. names renames countries (id -> name).
func pairDoc(arts map[string][]string, names map[string]string) string {
	var b strings.Builder
	b.WriteString(meta)
	nodes := map[string][]string{}
	var edges []string
	edge := func(t, from, to, art, extra string, i int) {
		edges = append(edges, fmt.Sprintf(`{"kind":"edge","type":%q,"from":%q,"to":%q,"article":%q,"rule":"r%d","evidence":{"sentence":"s%d","start":0,"end":2}%s}`,
			t, from, to, art, i, i, extra))
	}
	for _, id := range sortedKeys(arts) {
		fmt.Fprintf(&b, `{"kind":"article","id":%q,"source":"c/%s.txt","hash":%q}`+"\n", id, id, "h"+id)
		dict := map[string]string{}
		named := map[string]bool{}
		for i, l := range arts[id] {
			f := strings.Fields(l)
			switch f[0] {
			case "ROLE":
				edge("HOLDS_ROLE", f[1], f[2], id, "", i)
			case "LOC":
				edge("LOCATED_IN", f[1], f[2], id, "", i)
			case "DICT":
				dict[f[1]] = f[2]
				named[f[1]] = true
				continue
			case "NAME":
				named[f[1]] = true
				continue
			default:
				edge(f[0], f[1], f[2], id, fmt.Sprintf(`,"date":%q,"status":%q`, f[3], f[4]), i)
			}
			named[f[1]], named[f[2]] = true, true
		}
		for _, n := range sortedKeys(named) {
			nodes[n] = append(nodes[n], id)
			props := `"aliases":[],"count":1`
			if dict[n] != "" {
				props += fmt.Sprintf(`,"country":%q,"role_source":"phoenix"`, dict[n])
			}
			edges = append(edges, fmt.Sprintf(`{"kind":"edge","type":"MENTIONS","from":%q,"to":%q,"article":%q,"rule":"MENTIONS","evidence":{"sentence":"s","start":0,"end":1},"props":{%s}}`, id, n, id, props))
		}
	}
	for _, n := range sortedKeys(nodes) {
		label, name, props := "Person", strings.TrimPrefix(n, "person:"), ""
		switch {
		case strings.HasPrefix(n, "country:"):
			c := pairCountries[n]
			label, name, props = "Country", c[0], fmt.Sprintf(`,"props":{"iso2":%q}`, c[1])
			if names[n] != "" {
				name = names[n]
			}
		case strings.HasPrefix(n, "place:"):
			label, name = "Place", strings.TrimPrefix(n, "place:")
		case strings.HasPrefix(n, "org:"):
			label, name = "Organization", strings.TrimPrefix(n, "org:")
		}
		fmt.Fprintf(&b, `{"kind":"node","id":%q,"label":%q,"name":%q,"articles":["%s"]%s}`+"\n", n, label, name, strings.Join(nodes[n], `","`), props)
	}
	for _, e := range edges {
		b.WriteString(e + "\n")
	}
	return b.String()
}

// TestPairsLiftByTheArticle: a person's role lifts only the relationships of its own article;
// a person without a stated role lifts by its dictionary role when the article names that
// country (not otherwise, nor over a stated role of a country or an organisation); a place by
// its location. Then a country is
// renamed by a later article (MET pairs change order: every group of it is lifted again), a
// stated role is retracted, and the groups follow each step.
func TestPairsLiftByTheArticle(t *testing.T) {
	s := openClean(t)
	arts := map[string][]string{
		"a1": {"ROLE person:anna country:fr", "MET person:anna person:bert 2024-01-01 reported", "ROLE person:bert country:de",
			"PRESSURED person:bert country:it 2024-01-02 reported"},
		"a2": {"MET person:anna person:bert 2024-02-01 reported", "ROLE person:anna country:es", "DICT person:bert DE",
			"MET country:de country:fr 2024-02-02 negated"},
		"a3": {"SUPPORTED person:carl place:rome 2024-03-01 planned", "DICT person:carl FR", "LOC place:rome country:it",
			"NAME country:fr", "CRITICIZED person:dora country:es 2024-03-02 reported", "DICT person:dora DE"},
		"a4": {"VISITED person:bert country:es 2024-04-01 reported", "ROLE person:bert country:it", "DICT person:bert DE",
			"MET person:anna person:bert 2024-04-02 reported", "DICT person:anna FR",
			"ROLE person:fay org:nato", "DICT person:fay FR", "NAME country:fr", "MET person:fay country:de 2024-04-03 reported"},
	}
	load(t, s, pairDoc(arts, nil))
	checkPairs(t, s, "fresh load", true)
	got := storedCountryPairs(t, s)
	for _, want := range []string{"[country:fr country:de France Germany cooperation 04",
		"[country:de country:es Germany Spain cooperation 04", // a2: anna's role Spain, bert's dictionary role Germany
		"[country:fr country:it France Italy cooperation 05",  // a3: carl by dictionary (France named), Rome in Italy
		"[country:it country:es Italy Spain cooperation 04"} { // a4: bert's stated role Italy over Germany
		if !strings.Contains(got, want) {
			t.Errorf("no group %s in:\n%s", want, got)
		}
	}
	for _, not := range []string{"[country:it country:es Italy Spain conflict", "[country:de country:es Germany Spain cooperation 04 true 2", " a4] "} {
		if strings.Contains(got, not) {
			t.Errorf("%q: dora's dictionary country is not named by a3, bert's role in a1 is not a4's, fay holds a role of NATO in a4:\n%s", not, got)
		}
	}
	load(t, s, pairDoc(map[string][]string{"a5": {"ROLE person:eve country:fr", "MET person:eve country:de 2024-05-01 reported"}},
		map[string]string{"country:fr": "Zfrance", "country:de": "Germany"}))
	checkPairs(t, s, "France renamed", true)
	if _, err := s.Retract(context.Background(), []string{"a1", "a4"}, false); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "retraction", true)
}

// TestPairsBackfill: a graph without groups (loaded by an earlier build), or with stale ones,
// ActorTie nodes of the build before and no marker, gets them from ApplySchema, equal to a
// recomputation; the ties are gone and the groups stay out of Counts.
func TestPairsBackfill(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	if _, err := s.Load(ctx, readReportsGraph(t), graph.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	write(t, s, "MATCH (g:CountryPair) DELETE g")
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "backfill", true)
	write(t, s, "MATCH (g:CountryPair) DELETE g")
	write(t, s, "CREATE (:CountryPair {id: 'stale', sort: 'a', nn_n: 3}), (:ActorTie {id: 'old', pair: 'a\u0000b'})")
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "backfill over stale groups", true)
	if n := groupLines(t, s, "MATCH (g:ActorTie) RETURN count(g)", nil); n != "[0]" {
		t.Errorf("ActorTie nodes left: %s", n)
	}
	c := counts(t, s)
	if c.TotalNodes != c.Nodes[graph.LabelArticle]+c.Nodes[graph.LabelPerson]+c.Nodes[graph.LabelCountry]+
		c.Nodes[graph.LabelOrganization]+c.Nodes[graph.LabelPlace]+c.Nodes[graph.LabelEvent] {
		t.Errorf("Counts' total %d includes the groups: %+v", c.TotalNodes, c.Nodes)
	}
}

// TestPairsRedrawWhenANewestGoes: a group of 12 relationships (one article each, 12 dates)
// keeps its 10 newest; when the newest article is retracted, or an article's date moves (a
// changed reload), the group's 11th relationship (not in the batch, not among those kept) must
// take a place: the group is lifted again from its articles.
func TestPairsRedrawWhenANewestGoes(t *testing.T) {
	s := openClean(t)
	ctx := context.Background()
	arts := map[string][]string{}
	for i := 1; i <= 12; i++ {
		arts[fmt.Sprintf("p%02d", i)] = []string{fmt.Sprintf("PRESSURED person:a country:de 2024-01-%02d reported", i), "ROLE person:a country:fr"}
	}
	load(t, s, pairDoc(arts, nil))
	checkPairs(t, s, "fresh load", true)
	if _, err := s.Retract(ctx, []string{"p12"}, false); err != nil {
		t.Fatal(err)
	}
	checkPairs(t, s, "newest retracted", true)
	delete(arts, "p12")
	arts["p11"] = []string{"PRESSURED person:a country:de 2023-12-31 reported", "ROLE person:a country:fr"}
	doc := strings.Replace(pairDoc(arts, nil), `"hash":"hp11"`, `"hash":"hp11-2"`, 1)
	load(t, s, doc)
	checkPairs(t, s, "newest moved back", true)
	if got := storedCountryPairs(t, s); !strings.Contains(got, " 11 11 ") {
		t.Fatalf("the group is not the one tested:\n%s", got)
	}
}
