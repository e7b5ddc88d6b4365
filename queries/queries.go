package queries

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

//go:embed *.cypher
var embedded embed.FS

// EmbeddedDir is how embedded templates are named in messages: "queries/NAME.cypher".
const EmbeddedDir = "queries"

// Catalog is a set of templates by name.
type Catalog struct {
	byName map[string]*Template
	// broken: the problems of each template file that did not parse, by the file's name
	// without ".cypher" (a broken file hides an embedded template of that name).
	broken map[string][]Problem
}

// Embedded returns the templates built into newsgraph. They are checked by the tests,
// so an error here is a bug.
func Embedded() (*Catalog, error) { return Load("") }

// Load reads the embedded templates and then, when dir is not "", every *.cypher file
// of dir (not recursive), which adds templates or replaces embedded ones of the same
// name. Every file is parsed; on problems the error is an *Error listing all of them
// ("file:line: message") and the catalog holds every template that parsed (a bad file
// does not make the others unusable; Broken names it); on an I/O error naming the folder
// or a file the catalog is nil.
func Load(dir string) (*Catalog, error) {
	c := &Catalog{byName: map[string]*Template{}, broken: map[string][]Problem{}}
	var probs []Problem
	add := func(file string, src []byte, emb bool) {
		t, err := Parse(file, src)
		if err != nil {
			var pe *Error
			var these []Problem
			if errors.As(err, &pe) {
				these = pe.Problems
			} else {
				these = []Problem{{File: file, Line: 1, Msg: err.Error()}}
			}
			probs = append(probs, these...)
			stem := strings.TrimSuffix(filepath.Base(file), ".cypher")
			c.broken[stem] = these
			delete(c.byName, stem)
			return
		}
		t.Embedded = emb
		c.byName[t.Name] = t
		delete(c.broken, t.Name)
	}
	names, err := fs.Glob(embedded, "*.cypher")
	if err != nil {
		return nil, err
	}
	for _, n := range names {
		src, err := embedded.ReadFile(n)
		if err != nil {
			return nil, err
		}
		add(EmbeddedDir+"/"+n, src, true)
	}
	if dir != "" {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("reading the templates folder (queries.dir): %w", err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".cypher") {
				continue
			}
			file := filepath.Join(dir, e.Name())
			src, err := os.ReadFile(file)
			if err != nil {
				return nil, fmt.Errorf("reading template: %w", err)
			}
			add(file, src, false)
		}
	}
	if len(probs) > 0 {
		return c, &Error{Problems: probs}
	}
	return c, nil
}

// Broken returns the problems of the template file called name (NAME.cypher) when it
// did not parse.
func (c *Catalog) Broken(name string) ([]Problem, bool) {
	p, ok := c.broken[name]
	return p, ok
}

// Get returns the template called name.
func (c *Catalog) Get(name string) (*Template, bool) {
	t, ok := c.byName[name]
	return t, ok
}

// All returns every template, sorted by name.
func (c *Catalog) All() []*Template {
	out := make([]*Template, 0, len(c.byName))
	for _, t := range c.byName {
		out = append(out, t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Names returns the template names, sorted.
func (c *Catalog) Names() []string {
	all := c.All()
	out := make([]string, len(all))
	for i, t := range all {
		out[i] = t.Name
	}
	return out
}
