package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strings"
	"testing"
)

// TestLoadSpoolsStdin: load reads its input twice (validation, then each batch's
// relationships), so a stdin that cannot be read at an offset (a pipe) is spooled to a
// temporary file: the plan is the one of the file itself, and the spool is gone after.
func TestLoadSpoolsStdin(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	plan := func(path string, stdin io.Reader) string {
		var out bytes.Buffer
		if err := runLoad(context.Background(), loadOptions{Path: path, Name: "extraction", DryRun: true, Stdin: stdin, Out: &out}); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	fromFile := plan(fixture, nil)
	piped := plan("-", io.MultiReader(bytes.NewReader(b))) // no ReadAt: spooled
	if want := strings.ReplaceAll(fromFile, fixture, "extraction"); piped != want {
		t.Errorf("plan of the piped input:\n%s\nwant:\n%s", piped, want)
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Errorf("left in TMPDIR: %v", left)
	}
}
