package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

type doctorOptions struct {
	Config *config.Config
	Out    io.Writer
	// Connect opens the store with the given password (doctor tries even without one, to
	// tell an unreachable server from a rejected login).
	Connect func(ctx context.Context, password string) (*neo4j.Store, error)
}

func doctorCommand(e *env) *cli.Command {
	return &cli.Command{
		Name:  "doctor",
		Usage: "check the configuration, the password, the connection and the schema",
		Description: `Prints one line per check — ok, FAIL or skip — with a hint for each failure:
config file, password (where it was found, never the value), connectivity,
authentication, server version and edition, schema (a constraint for every label),
and what the graph holds. Exits 4 when Neo4j is unreachable or rejects the login,
1 when another check fails.

Examples:
   newsgraph doctor
   newsgraph --neo4j-uri bolt://db.example:7687 doctor`,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usagef("doctor", "unexpected argument %q", c.Args().First())
			}
			if err := e.setup(c); err != nil {
				return err
			}
			return runDoctor(c.Context, doctorOptions{Config: e.cfg, Out: e.stdout,
				Connect: func(ctx context.Context, pw string) (*neo4j.Store, error) {
					n := e.cfg.Neo4j
					return neo4j.Open(ctx, neo4j.Config{URI: n.URI, User: n.User, Password: pw, Database: n.Database,
						UserAgent: "newsgraph/" + buildVersion().Version, Logger: e.log})
				}})
		},
	}
}

// doctorFailed is the error of a doctor run with failed checks; it wraps the database
// error, if any, so that exit.go maps it to 4.
type doctorFailed struct {
	failed []string
	db     error
}

func (d *doctorFailed) Error() string {
	return fmt.Sprintf("doctor: %d check%s failed: %s", len(d.failed), plural(len(d.failed)), strings.Join(d.failed, ", "))
}

func (d *doctorFailed) Unwrap() error { return d.db }

func runDoctor(ctx context.Context, o doctorOptions) error {
	res := &doctorFailed{}
	line := func(status, check, detail, hint string) {
		fmt.Fprintf(o.Out, "%-4s  %-13s %s\n", status, check, detail)
		if hint != "" {
			fmt.Fprintf(o.Out, "%-4s  %-13s hint: %s\n", "", "", hint)
		}
		if status == "FAIL" {
			res.failed = append(res.failed, check)
		}
	}
	cfg := o.Config
	n := cfg.Neo4j

	if cfg.File != "" {
		line("ok", "config", "read "+cfg.File, "")
	} else {
		line("ok", "config", "no newsgraph.yaml (defaults, NEWSGRAPH_* environment and flags only)", "")
	}

	pw, src, pwErr := n.Password()
	if pwErr != nil {
		line("FAIL", "password", strings.TrimPrefix(pwErr.Error(), config.ErrNoPassword.Error()+": "),
			fmt.Sprintf("set %s, or %s to a file holding it; `make neo4j-up` writes %s for the local server", config.PasswordEnv, config.EnvVar(config.KeyNeo4jPasswordFile), config.LocalPasswordFile))
	} else {
		line("ok", "password", "from "+src, "")
	}

	line("ok", "tls", tlsDetail(n.URI), "")

	target := fmt.Sprintf("%s (user %s, database %s)", n.URI, n.User, n.Database)
	store, err := o.Connect(ctx, pw)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	switch {
	case errors.Is(err, neo4j.ErrUnreachable):
		res.db = err
		line("FAIL", "connectivity", err.Error(), "is Neo4j running? `tools/neo4j/neo4j.sh status`, start it with `make neo4j-up`, or set --neo4j-uri / NEWSGRAPH_NEO4J_URI")
		line("skip", "auth", "needs a connection", "")
	case errors.Is(err, neo4j.ErrAuth):
		res.db = err
		line("ok", "connectivity", n.URI+" answers", "")
		hint := "check the password and --neo4j-user / NEWSGRAPH_NEO4J_USER"
		if pwErr != nil {
			hint = "no password was found (see above)"
		}
		line("FAIL", "auth", err.Error(), hint)
	case errors.Is(err, neo4j.ErrNoDatabase):
		line("ok", "connectivity", n.URI+" answers", "")
		line("ok", "auth", "logged in as "+n.User, "")
		line("FAIL", "database", err.Error(), "set --neo4j-database / NEWSGRAPH_NEO4J_DATABASE; Community edition has only \"neo4j\" (and \"system\")")
	case err != nil:
		line("FAIL", "connectivity", err.Error(), "check --neo4j-uri / NEWSGRAPH_NEO4J_URI")
	default:
		line("ok", "connectivity", target, "")
		line("ok", "auth", "logged in as "+n.User, "")
	}
	if store == nil {
		line("skip", "server", "needs a connection", "")
		line("skip", "schema", "needs a connection", "")
		return res
	}
	defer store.Close(context.WithoutCancel(ctx))

	if si, err := store.ServerInfo(ctx); err != nil {
		line("FAIL", "server", err.Error(), "")
	} else {
		line("ok", "server", fmt.Sprintf("%s %s, %s edition, Bolt %s at %s", si.Name, si.Version, si.Edition, si.Protocol, si.Address), "")
	}

	if st, err := store.SchemaStatus(ctx); err != nil {
		line("FAIL", "schema", err.Error(), "")
	} else {
		var missing, notOnline []string
		cons := 0
		for _, x := range st {
			switch {
			case !x.Present:
				missing = append(missing, x.Item.String())
			case x.State != "" && x.State != "ONLINE":
				notOnline = append(notOnline, x.Item.String()+" "+x.State)
			}
			if x.Item.Kind == "constraint" && x.Item.Prop == "id" && x.Present { // the derived nodes' unique keys count as indexes
				cons++
			}
		}
		switch {
		case len(missing) > 0:
			line("FAIL", "schema", fmt.Sprintf("%d of %d items missing: %s", len(missing), len(st), strings.Join(missing, "; ")), "run `newsgraph schema apply` (load also applies it)")
		case len(notOnline) > 0:
			line("FAIL", "schema", "not online: "+strings.Join(notOnline, "; "), "indexes may still be populating; a FAILED index needs dropping and `newsgraph schema apply`")
		default:
			line("ok", "schema", fmt.Sprintf("%d id constraints (one per label) and %d indexes present", cons, len(st)-cons), "")
		}
	}

	if c, err := store.Counts(ctx); err != nil {
		line("FAIL", "graph", err.Error(), "")
	} else {
		detail := fmt.Sprintf("%d articles, %d nodes, %d relationships", c.Nodes[graph.LabelArticle], c.TotalNodes, c.TotalRels)
		hint := ""
		if c.TotalNodes == 0 {
			detail = "empty"
			hint = "load an extraction: `newsgraph load FILE`"
		}
		line("ok", "graph", detail, hint)
	}
	if len(res.failed) > 0 {
		return res
	}
	return nil
}

// tlsDetail says whether the URI's scheme encrypts the connection.
func tlsDetail(uri string) string {
	scheme, _, _ := strings.Cut(uri, "://")
	scheme = strings.ToLower(scheme)
	switch {
	case strings.HasSuffix(scheme, "+ssc"):
		return "encrypted (" + scheme + "://: TLS, self-signed certificates accepted)"
	case config.URIUsesTLS(uri):
		return "encrypted (" + scheme + "://: TLS, certificate checked against the system's CAs)"
	}
	return "not encrypted (" + scheme + "://); use " + scheme + "+s:// for a server beyond this machine"
}
