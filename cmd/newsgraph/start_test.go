package main

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// startArgsEnv carries the command line for TestStartHelper in a child process.
const startArgsEnv = "NEWSGRAPH_TEST_START_ARGS"

// TestStartHelper is not a test of its own: run by TestStartAllocations in a fresh process,
// it runs one command and prints how many bytes the whole process allocated (package init
// included).
func TestStartHelper(t *testing.T) {
	args := os.Getenv(startArgsEnv)
	if args == "" {
		t.Skip("helper process of TestStartAllocations")
	}
	run(append([]string{"newsgraph"}, strings.Fields(args)...), strings.NewReader(""), io.Discard, io.Discard)
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("total-alloc %d\n", ms.TotalAlloc)
}

// TestStartAllocations: commands that need no model allocate little in all, from process
// start to exit. Go runs the init of every linked package, so a package that builds large
// tables in init (go-dateparser's 200+ languages: 95 MB, before it was replaced by
// third_party/dateparser-en) is paid by `newsgraph version`; so would be an eager load of the
// syntax model (20 MB file) or the lexicons. The time this saves is measured by `make bench`.
func TestStartAllocations(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	const limit = 16 << 20
	for _, args := range []string{"version", "--help", "query --help", "report --help", "load --help"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestStartHelper$", "-test.count=1")
		cmd.Env = append(os.Environ(), startArgsEnv+"="+args)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", args, err, out)
		}
		_, after, ok := strings.Cut(string(out), "total-alloc ")
		if !ok {
			t.Fatalf("%s: no total-alloc line in\n%s", args, out)
		}
		n, err := strconv.ParseUint(strings.Fields(after)[0], 10, 64)
		if err != nil {
			t.Fatal(err)
		}
		if n > limit {
			t.Errorf("newsgraph %s: the process allocated %.1f MB, want at most %d MB", args, float64(n)/(1<<20), limit>>20)
		}
		t.Logf("newsgraph %s: %.1f MB allocated", args, float64(n)/(1<<20))
	}
}
