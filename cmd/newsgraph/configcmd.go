package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/config"
)

type configOptions struct {
	Config *config.Config
	Out    io.Writer
}

func configCommand(e *env) *cli.Command {
	var keys strings.Builder
	for _, k := range config.Keys {
		fmt.Fprintf(&keys, "   %-22s %s\n   %-22s env %s, default %q\n", k.Name, k.Help, "", config.EnvVar(k.Name), fmt.Sprint(k.Default))
	}
	return &cli.Command{
		Name:  "config",
		Usage: "print the effective configuration and where each value comes from",
		Description: `Prints every setting, its value and its source: default, file PATH, env VAR or
flag --x. Precedence: defaults < newsgraph.yaml < NEWSGRAPH_* environment < flags.
The password is never printed, only where it was found.

Keys (newsgraph.yaml uses sections: "neo4j:\n  uri: ..."):
` + keys.String() + `
Examples:
   newsgraph config
   NEWSGRAPH_NEO4J_URI=neo4j://db.example:7687 newsgraph config
   newsgraph --config ci.yaml config`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("config", "unexpected argument %q", c.Args().First())
			}
			if err := e.setup(c); err != nil {
				return err
			}
			return runConfig(configOptions{Config: e.cfg, Out: e.stdout})
		},
	}
}

func runConfig(o configOptions) error {
	c := o.Config
	if c.File != "" {
		fmt.Fprintf(o.Out, "config file: %s\n\n", c.File)
	} else {
		fmt.Fprintf(o.Out, "config file: none (looked for ./%s and $XDG_CONFIG_HOME/newsgraph/%s)\n\n", config.FileName, config.FileName)
	}
	tw := tabwriter.NewWriter(o.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
	for _, k := range config.Keys {
		v := fmt.Sprint(c.Value(k.Name))
		if v == "" {
			v = `""`
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", k.Name, v, c.Source(k.Name))
		if k.Name == config.KeyNeo4jPasswordFile {
			_, src, err := c.Neo4j.Password()
			if err != nil {
				fmt.Fprintf(tw, "neo4j.password\t(not found)\t%s\n", strings.TrimPrefix(err.Error(), config.ErrNoPassword.Error()+": "))
			} else {
				fmt.Fprintf(tw, "neo4j.password\t(redacted)\t%s\n", src)
			}
		}
	}
	return tw.Flush()
}
