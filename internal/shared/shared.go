// Package shared finds the project's shared folder (../shared beside the repository:
// the seed corpus, the gold files and the scorer) for tests that measure against it.
package shared

import (
	"os"
	"path/filepath"
)

// Dir returns the shared folder beside the repository root (the folder holding go.mod,
// found walking up from the working directory), or "" when there is none.
func Dir() string {
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	s := filepath.Join(filepath.Dir(dir), "shared")
	if _, err := os.Stat(s); err != nil {
		return ""
	}
	return s
}

// Seeds returns the seed corpus folder, or "" when it is absent.
func Seeds() string {
	d := Dir()
	if d == "" {
		return ""
	}
	s := filepath.Join(d, "corpus", "seeds")
	if _, err := os.Stat(s); err != nil {
		return ""
	}
	return s
}
