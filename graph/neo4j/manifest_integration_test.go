//go:build integration

// Load manifests against a real Neo4j. WIPES THE DATABASE IT IS POINTED AT (see
// store_integration_test.go).
package neo4j

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

// loadFile loads jsonl as `newsgraph load` does a file: ScanPlan, LoadPlan, then the
// manifest. It returns the file's digest.
func loadFile(t *testing.T, s *Store, jsonl string) (string, *Plan) {
	t.Helper()
	ctx := context.Background()
	src := strings.NewReader(jsonl)
	plan, err := ScanPlan(src, src.Size(), "test.jsonl", 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadPlan(ctx, plan, nil); err != nil {
		t.Fatal(err)
	}
	digest, err := FileDigest(src, src.Size())
	if err != nil {
		t.Fatal(err)
	}
	if saved, err := s.SaveManifest(ctx, digest, "test.jsonl", plan); err != nil || !saved {
		t.Fatalf("manifest saved %v, err %v", saved, err)
	}
	return digest, plan
}

func manifests(t *testing.T, s *Store) []string {
	t.Helper()
	recs, err := s.read(context.Background(), "MATCH (m:LoadManifest) RETURN m.id ORDER BY m.id", nil)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range recs {
		out = append(out, r.Values[0].(string))
	}
	return out
}

func checkManifest(t *testing.T, s *Store, digest string) Unchanged {
	t.Helper()
	u, err := s.CheckManifest(context.Background(), digest)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestManifestOfUnchangedFile: after a load, the file's manifest is found by one read
// statement and says every article is stored with its load hash, with the file's record
// counts; the manifest is not counted in the totals nor exported.
func TestManifestOfUnchangedFile(t *testing.T) {
	s := openClean(t)
	digest, plan := loadFile(t, s, bothAB)
	var ran []string
	failStatement = func(what string) error {
		ran = append(ran, what)
		return nil
	}
	defer func() { failStatement = nil }()
	u := checkManifest(t, s, digest)
	nodes, rels := plan.Records()
	if !u.Skip() || u.Articles != 2 || u.Same != 2 || u.Nodes != nodes || u.Rels != rels {
		t.Errorf("manifest check: %+v, want 2 of 2 articles the same, %d nodes, %d relationships", u, nodes, rels)
	}
	if want := []string{"checking the load manifest"}; !reflect.DeepEqual(ran, want) {
		t.Errorf("statements: %v, want %v", ran, want)
	}
	if c := counts(t, s); c.TotalNodes != int64(nodes) {
		t.Errorf("total nodes %d, want the %d of the file (the manifest is bookkeeping)", c.TotalNodes, nodes)
	}
	if snap := snapshot(t, s); strings.Contains(snap, "LoadManifest") || strings.Contains(snap, digest) {
		t.Errorf("the export holds the manifest:\n%s", snap)
	}
	if other := checkManifest(t, s, strings.Repeat("0", 64)); other.Found {
		t.Errorf("a file never loaded has a manifest: %+v", other)
	}
}

// TestManifestSeesGraphChange: once another file replaces one of its articles (another
// load hash), the manifest still exists but no longer says the file is unchanged.
func TestManifestSeesGraphChange(t *testing.T) {
	s := openClean(t)
	digest, _ := loadFile(t, s, bothAB)
	load(t, s, strings.Replace(bothAB, `"hash":"2222"`, `"hash":"2229"`, 1))
	if u := checkManifest(t, s, digest); !u.Found || u.Skip() || u.Articles != 2 || u.Same != 1 {
		t.Errorf("after article b was replaced: %+v, want found, 1 of 2 the same, not skipped", u)
	}
	if _, err := s.Retract(context.Background(), []string{"a-1111"}, false); err != nil {
		t.Fatal(err)
	}
	if u := checkManifest(t, s, digest); u.Skip() || u.Same != 0 {
		t.Errorf("after article a was retracted: %+v, want 0 of 2 the same", u)
	}
}

// TestManifestOfOtherFormatIgnored: a binary with another manifest format does not trust
// the manifests of this one, and its own save removes them.
func TestManifestOfOtherFormatIgnored(t *testing.T) {
	s := openClean(t)
	digest, _ := loadFile(t, s, bothAB)
	defer func(f string) { manifestFormat = f }(manifestFormat)
	manifestFormat = "newsgraph-load/test-newer"
	if u := checkManifest(t, s, digest); u.Found {
		t.Errorf("a newer binary found the manifest of an older one: %+v", u)
	}
	loadFile(t, s, bothAB)
	if got, want := manifests(t, s), []string{"newsgraph-load/test-newer:" + digest}; !reflect.DeepEqual(got, want) {
		t.Errorf("manifests: %v, want %v", got, want)
	}
}

// TestNoManifestForLooseNodes: a file with a node no article references gets no manifest
// (reloading it merges that node again, so it is never a load that writes nothing).
func TestNoManifestForLooseNodes(t *testing.T) {
	s := openClean(t)
	jsonl := bothAB + `{"kind":"node","id":"person:nobody","label":"Person","name":"Nobody"}` + "\n"
	src := strings.NewReader(jsonl)
	plan, err := ScanPlan(src, src.Size(), "test.jsonl", 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadPlan(context.Background(), plan, nil); err != nil {
		t.Fatal(err)
	}
	saved, err := s.SaveManifest(context.Background(), "d1", "test.jsonl", plan)
	if err != nil || saved {
		t.Errorf("saved %v, err %v; want no manifest", saved, err)
	}
	if got := manifests(t, s); len(got) != 0 {
		t.Errorf("manifests: %v", got)
	}
}

// TestManifestsKeptAreTheLatest: only the manifests of the files loaded last are kept.
func TestManifestsKeptAreTheLatest(t *testing.T) {
	s := openClean(t)
	defer func(k int) { keepManifests = k }(keepManifests)
	keepManifests = 2
	_, plan := loadFile(t, s, bothAB)
	for _, d := range []string{"d1", "d2", "d3"} {
		if saved, err := s.SaveManifest(context.Background(), d, "test.jsonl", plan); err != nil || !saved {
			t.Fatalf("save %s: %v, %v", d, saved, err)
		}
	}
	want := []string{manifestID("d2"), manifestID("d3")}
	if got := manifests(t, s); !reflect.DeepEqual(got, want) {
		t.Errorf("manifests kept: %v, want %v", got, want)
	}
}
