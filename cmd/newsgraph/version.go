package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// Set at build time: go build -ldflags "-X main.version=v0.3.0 -X main.commit=$(git rev-parse HEAD)".
var (
	version = ""
	commit  = ""
)

type versionInfo struct {
	Version, Commit, Date string
	Modified              bool
	Go, Platform, Driver  string
}

// buildVersion combines the ldflags with what the Go toolchain recorded in the binary.
func buildVersion() versionInfo {
	v := versionInfo{Version: version, Commit: commit, Go: runtime.Version(), Platform: runtime.GOOS + "/" + runtime.GOARCH,
		Driver: neo4j.DriverVersion}
	if bi, ok := debug.ReadBuildInfo(); ok {
		if v.Version == "" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				if v.Commit == "" {
					v.Commit = s.Value
				}
			case "vcs.time":
				v.Date = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
	}
	if v.Version == "" {
		v.Version = "dev"
	}
	return v
}

func versionCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:        "version",
		Usage:       "print the version, commit, Go and Neo4j driver versions",
		Description: "Needs no configuration and no server.\n\nExample:\n   newsgraph version",
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("version", "unexpected argument %q", c.Args().First())
			}
			return runVersion(e.stdout, buildVersion())
		},
	}
}

func runVersion(w io.Writer, v versionInfo) error {
	c := v.Commit
	if c == "" {
		c = "unknown"
	}
	if v.Modified {
		c += " (modified)"
	}
	if v.Date != "" {
		c += ", " + v.Date
	}
	_, err := fmt.Fprintf(w, "newsgraph %s\ncommit    %s\ngo        %s %s\ndriver    neo4j-go-driver %s\n", v.Version, c, v.Go, v.Platform, v.Driver)
	return err
}
