package neo4j

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// A load manifest remembers that a file was loaded: after a load that wrote or skipped
// every article of a valid file, `newsgraph load` stores one node
//
//	(:LoadManifest {id, sha256, format, input, loaded_at, article_ids, load_hashes, nodes, relationships})
//
// keyed by the SHA-256 of the file's bytes and manifestFormat. A later load of the same
// bytes finds it and, instead of validating and planning the file again, checks in one
// read statement that every article it lists is stored with the load hash it lists: then
// the load would write nothing (every article skipped by its hash), and it is done. If an
// article differs (replaced by another file's version, retracted, deleted) the load falls
// back to the full path. What a manifest holds is a function of the file's bytes and the
// binary's validation and hashing (manifestFormat), never of the graph, so a stale or
// duplicated manifest (two loads of one file at once) cannot make a load skip what it
// should write. The node is bookkeeping: no relationship, not in Counts' totals, exports
// or the summary report.

// ManifestLabel labels the bookkeeping node of a loaded file.
const ManifestLabel = "LoadManifest"

// manifestFormat is part of every manifest's key: a binary whose validation, planning or
// load hash (loadFormat) differs must change it, so that it never trusts a manifest of
// another. A variable so that the tests can play a newer binary.
var manifestFormat = loadFormat + "+manifest/1"

// FileDigest returns the SHA-256 (hex) of the size bytes of src, read in order.
func FileDigest(src io.ReaderAt, size int64) (string, error) {
	h := sha256.New()
	if _, err := io.CopyBuffer(h, io.NewSectionReader(src, 0, size), make([]byte, 1<<20)); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

func manifestID(digest string) string { return manifestFormat + ":" + digest }

// Unchanged is what a manifest found for a file says.
type Unchanged struct {
	Found       bool   // a manifest of these bytes and this binary's format exists
	Articles    int    // articles it lists
	Same        int    // of them, stored with the load hash it lists
	Nodes, Rels int    // records the file has (for the unchanged counts a load prints)
	LoadedAt    string // when the manifest was saved (ISO 8601)
}

// Skip says whether the file's load would write nothing: every article it lists is stored
// with the same load hash.
func (u Unchanged) Skip() bool { return u.Found && u.Articles > 0 && u.Same == u.Articles }

// checkManifestStmt finds the manifest (any one, should two loads of the file at once
// have made two: they are equal) and counts its articles stored with its load hashes. The
// lists are read into variables once: indexing the node's list property per row decodes
// the whole list each time (10,000 articles: 8 s instead of 0.2 s).
var checkManifestStmt = `MATCH (m:` + ident(ManifestLabel) + ` {id: $id})
WITH m LIMIT 1
WITH m.article_ids AS ids, m.load_hashes AS hashes, m.nodes AS nodes, m.relationships AS rels, toString(m.loaded_at) AS at
UNWIND range(0, size(ids) - 1) AS i
OPTIONAL MATCH (a:Article {id: ids[i]})
WITH nodes, rels, at, count(*) AS articles, count(CASE WHEN a.` + LoadHashProperty + ` = hashes[i] THEN 1 END) AS same
RETURN articles, same, nodes, rels, at`

// CheckManifest looks up the manifest of the file whose bytes have digest (FileDigest) and
// checks its articles against the graph, in one read statement. Errors are connection
// errors; no manifest is Found false.
func (s *Store) CheckManifest(ctx context.Context, digest string) (Unchanged, error) {
	if err := manifestHook("checking the load manifest"); err != nil {
		return Unchanged{}, err
	}
	recs, err := s.read(ctx, checkManifestStmt, map[string]any{"id": manifestID(digest)})
	if err != nil || len(recs) == 0 {
		return Unchanged{}, err
	}
	m := recs[0].AsMap()
	u := Unchanged{Found: true}
	u.Articles, u.Same = intOf(m["articles"]), intOf(m["same"])
	u.Nodes, u.Rels = intOf(m["nodes"]), intOf(m["rels"])
	u.LoadedAt, _ = m["at"].(string)
	return u, nil
}

func intOf(v any) int {
	n, _ := v.(int64)
	return int(n)
}

// keepManifests is how many manifests of this format are kept: those of the files loaded
// most recently. Removing a manifest only costs its file a validation on its next load.
// A variable so that the tests can lower it.
var keepManifests = 50

// saveManifestStmts store a file's manifest, then remove the manifests of other formats
// (no binary of this format reads them) and all but the keepManifests latest of this one.
var saveManifestStmts = []string{
	`MERGE (m:` + ident(ManifestLabel) + ` {id: $id})
SET m.sha256 = $sha256, m.format = $format, m.input = $input, m.loaded_at = datetime(),
    m.article_ids = $ids, m.load_hashes = $hashes, m.nodes = $nodes, m.relationships = $rels`,
	`MATCH (old:` + ident(ManifestLabel) + `) WHERE old.format <> $format DETACH DELETE old`,
	`MATCH (old:` + ident(ManifestLabel) + ` {format: $format})
WITH old ORDER BY old.loaded_at DESC, old.id SKIP $keep
DETACH DELETE old`,
}

// SaveManifest stores the manifest of a file (bytes with digest, named input in messages)
// whose plan was fully loaded: call it only after LoadPlan succeeded. A plan with nodes no
// article references (their reload would merge them again) or with no article gets no
// manifest: saved is false. Errors are connection errors; nothing of the load depends on
// the manifest being saved.
func (s *Store) SaveManifest(ctx context.Context, digest, input string, plan *Plan) (saved bool, err error) {
	ids, hashes := plan.articleHashes()
	if len(ids) == 0 || plan.hasLoose() {
		return false, nil
	}
	if err := manifestHook("saving the load manifest"); err != nil {
		return false, err
	}
	nodes, rels := plan.Records()
	params := map[string]any{"id": manifestID(digest), "sha256": digest, "format": manifestFormat, "input": input,
		"ids": ids, "hashes": hashes, "nodes": int64(nodes), "rels": int64(rels), "keep": int64(keepManifests)}
	sess := s.session(ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(ctx))
	_, err = sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		for _, stmt := range saveManifestStmts {
			res, err := tx.Run(ctx, stmt, params)
			if err != nil {
				return nil, err
			}
			if _, err := res.Consume(ctx); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	if err != nil {
		return false, fmt.Errorf("saving the load manifest: %w", s.classify(ctx, err))
	}
	return true, nil
}

// manifestHook passes the manifest statements to failStatement (the tests' statement
// recorder and fault injector).
func manifestHook(what string) error {
	if failStatement != nil {
		return failStatement(what)
	}
	return nil
}

// articleHashes lists the plan's articles and their load hashes, in input order.
func (p *Plan) articleHashes() (ids, hashes []any) {
	n := p.Articles()
	ids, hashes = make([]any, 0, n), make([]any, 0, n)
	for i := range p.Batches {
		for _, ai := range p.Batches[i].arts {
			ids = append(ids, p.src.articles[ai].ID)
			hashes = append(hashes, p.src.loadHash(ai))
		}
	}
	return ids, hashes
}

// hasLoose says whether the plan has nodes no article references.
func (p *Plan) hasLoose() bool {
	for i := range p.Batches {
		if len(p.Batches[i].loose) > 0 {
			return true
		}
	}
	return false
}
