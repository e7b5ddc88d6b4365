// Command vulnsummary reads `govulncheck -format json` on stdin and prints one line per
// vulnerability that the code reaches (symbol level). It exits 1 when one of them is in
// a required module (fixed by upgrading it in go.mod); one in the standard library is a
// warning naming the Go release that fixes it, because the Go toolchain is the project's
// choice (see README, "Lint"). scripts/lint.sh runs it.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
)

type frame struct {
	Module   string `json:"module"`
	Version  string `json:"version"`
	Package  string `json:"package"`
	Function string `json:"function"`
	Receiver string `json:"receiver"`
	Position *struct {
		Filename string `json:"filename"`
		Line     int    `json:"line"`
	} `json:"position"`
}

type message struct {
	Config *struct {
		DB         string `json:"db"`
		GoVersion  string `json:"go_version"`
		ScanLevel  string `json:"scan_level"`
		VulnsCheck string `json:"scanner_version"`
	} `json:"config"`
	OSV *struct {
		ID      string `json:"id"`
		Summary string `json:"summary"`
	} `json:"osv"`
	Finding *struct {
		OSV          string  `json:"osv"`
		FixedVersion string  `json:"fixed_version"`
		Trace        []frame `json:"trace"`
	} `json:"finding"`
}

type vuln struct {
	id, module, version, fixed, summary, where string
}

func main() {
	code, err := run(os.Stdin, os.Stdout)
	if err != nil {
		fmt.Fprintln(os.Stderr, "vulnsummary:", err)
		os.Exit(2)
	}
	os.Exit(code)
}

func run(in io.Reader, out io.Writer) (int, error) {
	dec := json.NewDecoder(in)
	summaries := map[string]string{}
	called := map[string]*vuln{}
	goVersion, db := "", ""
	for {
		var m message
		if err := dec.Decode(&m); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			return 0, fmt.Errorf("reading govulncheck's JSON: %w", err)
		}
		switch {
		case m.Config != nil:
			goVersion, db = m.Config.GoVersion, m.Config.DB
		case m.OSV != nil:
			summaries[m.OSV.ID] = m.OSV.Summary
		case m.Finding != nil && len(m.Finding.Trace) > 0 && m.Finding.Trace[0].Function != "":
			f := m.Finding
			if _, seen := called[f.OSV]; seen {
				continue
			}
			top := f.Trace[0]
			v := &vuln{id: f.OSV, module: top.Module, version: top.Version, fixed: f.FixedVersion}
			v.where = entry(f.Trace)
			called[f.OSV] = v
		}
	}
	ids := make([]string, 0, len(called))
	for id := range called {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	failed, std := 0, 0
	for _, id := range ids {
		v := called[id]
		fixed := v.fixed
		if fixed == "" {
			fixed = "no fixed version yet"
		}
		kind := "FAIL"
		if v.module == "stdlib" {
			kind, std = "warn", std+1
		} else {
			failed++
		}
		fmt.Fprintf(out, "%s  %s  %s@%s (fixed in %s), reached from %s: %s\n", kind, v.id, v.module, v.version, fixed, v.where, summaries[id])
	}
	fmt.Fprintf(out, "govulncheck (%s, database %s): %d reached in required modules, %d in the standard library\n", goVersion, db, failed, std)
	if std > 0 {
		fmt.Fprintf(out, "the standard library ones are fixed by a newer Go release than %s (a project decision, see README \"Lint\")\n", goVersion)
	}
	if failed > 0 {
		fmt.Fprintln(out, "upgrade those modules: go get MODULE@FIXED && go mod tidy")
		return 1, nil
	}
	return 0, nil
}

// entry names the caller farthest from the vulnerable symbol: the code's entry point.
func entry(trace []frame) string {
	for i := len(trace) - 1; i >= 0; i-- {
		if p := trace[i].Position; p != nil && p.Filename != "" {
			return fmt.Sprintf("%s.%s (%s:%d)", trace[i].Package, trace[i].Function, p.Filename, p.Line)
		}
	}
	return trace[len(trace)-1].Package + "." + trace[len(trace)-1].Function
}
