// Command petrarch converts the PETRARCH-2 coding dictionaries (MIT; see
// extract/relate/data/SOURCES.md) into newsgraph's embedded data files: the CAMEO verb
// dictionary into extract/relate/data/cameo.tsv (cues mapped to newsgraph relationship
// types), and the agents dictionary into extract/recognize/data/agents.tsv (nouns that make
// a collective actor from a country word), and the people of the actor dictionaries with
// their dated roles into extract/lexicon/data/actors.tsv. The output is deterministic: re-running it on the
// same input rewrites the same bytes.
//
//	go generate ./extract/relate ./extract/recognize
//	go run ./extract/internal/petrarch -src ../shared/data/petrarch2-dictionaries -cameo-out ... -agents-out ...
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "petrarch:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("petrarch", flag.ContinueOnError)
	def := "../../../shared/data/petrarch2-dictionaries" // from extract/relate or extract/recognize
	if env := os.Getenv("PETRARCH"); env != "" {
		def = env
	}
	src := fs.String("src", def, "folder holding CAMEO.2.0.txt and Phoenix.agents.txt (default $PETRARCH)")
	review := fs.String("review", "", "curated review list of CAMEO verbs (lemma <TAB> reason)")
	cameoOut := fs.String("cameo-out", "", "where to write cameo.tsv (empty: skip)")
	agentsOut := fs.String("agents-out", "", "where to write agents.tsv (empty: skip)")
	actorsOut := fs.String("actors-out", "", "where to write actors.tsv (empty: skip)")
	firstNames := fs.String("first-names", "data/firstnames.txt", "given names (one a line) that mark a hand-written actor entry as a person")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *cameoOut != "" {
		if err := genCAMEO(filepath.Join(*src, "CAMEO.2.0.txt"), *review, *cameoOut); err != nil {
			return err
		}
	}
	if *agentsOut != "" {
		if err := genAgents(filepath.Join(*src, "Phoenix.agents.txt"), *agentsOut); err != nil {
			return err
		}
	}
	if *actorsOut != "" {
		var paths []string
		for _, f := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"} {
			paths = append(paths, filepath.Join(*src, f))
		}
		if err := genActors(paths, *firstNames, *actorsOut); err != nil {
			return err
		}
	}
	return nil
}

func genCAMEO(path, reviewPath, out string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	blocks, err := ParseCAMEO(f)
	if err != nil {
		return err
	}
	rv := Review{}
	if reviewPath != "" {
		rf, err := os.Open(reviewPath)
		if err != nil {
			return err
		}
		defer rf.Close()
		if rv, err = ParseReview(rf, filepath.Base(reviewPath)); err != nil {
			return err
		}
	}
	rows := Rows(blocks, rv)
	if stale := UnusedReview(rows, rv); len(stale) > 0 {
		return fmt.Errorf("%s: entries match no CAMEO verb: %v", reviewPath, stale)
	}
	var buf bytes.Buffer
	if err := WriteRows(&buf, rows); err != nil {
		return err
	}
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	c := Counts(rows)
	keys := make([]string, 0, len(c))
	for k := range c {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(os.Stderr, "%s: %d rows from %d blocks;", out, len(rows), len(blocks))
	for _, k := range keys {
		fmt.Fprintf(os.Stderr, " %s=%d", k, c[k])
	}
	fmt.Fprintln(os.Stderr)
	return nil
}
