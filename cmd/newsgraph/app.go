package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// commands lists newsgraph's commands in the order --help shows them. A new command is
// one file beside this one (an options struct, a run function, a *cli.Command) and one
// line here.
func commands(e *env) []*cli.Command {
	return []*cli.Command{
		extractCommand(e),
		parseCommand(e),
		buildCommand(e),
		watchCommand(e),
		loadCommand(e),
		retractCommand(e),
		queryCommand(e),
		reportCommand(e),
		exportCommand(e),
		schemaCommand(e),
		doctorCommand(e),
		configCommand(e),
		versionCommand(e),
	}
}

// run is the whole CLI: main passes the process's arguments and streams, tests call it
// in-process. It returns the exit code (see exit.go).
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return runContext(ctx, args, stdin, stdout, stderr)
}

// runContext is run with the context that Ctrl-C cancels (tests cancel it themselves).
func runContext(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	e := &env{stdin: stdin, stdout: stdout, stderr: stderr}
	app := newApp(e)
	err := app.RunContext(ctx, intersperse(app, args))
	code := exitCode(ctx, err)
	if code != exitOK {
		report(stderr, err, code)
	}
	return code
}

const appDescription = `newsgraph turns news articles into a knowledge graph in Neo4j: people, countries,
organizations, places and events become nodes; who met, pressured, criticized or supported
whom become relationships, each backed by the sentence that says it.

Start here:
   make neo4j-up                     # the local Neo4j (or point --neo4j-uri at your own)
   newsgraph doctor                  # is everything in place?
   newsgraph build articles/         # extract and load in one run
   newsgraph extract articles/ -o out/graph.jsonl && newsgraph load out/graph.jsonl
   newsgraph report run who_met_whom --param person=Rutte
   newsgraph query 'MATCH (p:Person)-[m:MET]->(q) RETURN p.name, q.name, m.date'

Settings come from defaults < newsgraph.yaml (./ or $XDG_CONFIG_HOME/newsgraph/, or
--config) < NEWSGRAPH_* environment < flags; ` + "`newsgraph config`" + ` shows each value and its
source. The Neo4j password is read from NEWSGRAPH_NEO4J_PASSWORD or the file named by
NEWSGRAPH_NEO4J_PASSWORD_FILE (default: .neo4j/password, found walking up from the
working directory) — never from a flag.`

const exitCodesHelp = `
EXIT CODES:
   0    ok
   1    error (bad input data, failed query, failed check; a query refused as not
        read-only or stopped at neo4j.query_timeout)
   2    usage (unknown command or flag, bad argument, bad configuration)
   3    partial (some input files unreadable and skipped, or a load stopped after committing
        some batches; rerun it, loading is idempotent)
   4    Neo4j unreachable or authentication failed (no password found included)
   130  interrupted (Ctrl-C)
`

func newApp(e *env) *cli.App {
	return &cli.App{
		Name:                      "newsgraph",
		Usage:                     "turn news articles into a knowledge graph in Neo4j",
		Description:               appDescription,
		Version:                   buildVersion().Version,
		HideVersion:               true, // `newsgraph version` says more
		Reader:                    e.stdin,
		Writer:                    e.stdout,
		ErrWriter:                 e.stderr,
		DisableSliceFlagSeparator: true, // --param k=a,b keeps its comma
		CustomAppHelpTemplate:     cli.AppHelpTemplate + exitCodesHelp,
		Flags:                     globalFlags(),
		Commands:                  usageErrors(commands(e)),
		ExitErrHandler:            func(*cli.Context, error) {}, // run maps errors to exit codes; never os.Exit here
		OnUsageError: func(_ *cli.Context, err error, _ bool) error {
			return usageError{err: err}
		},
		Action: func(c *cli.Context) error {
			if c.Args().Present() {
				return usageError{err: fmt.Errorf("unknown command %q (commands: %s)", c.Args().First(), strings.Join(commandNames(c.App.Commands), ", "))}
			}
			return cli.ShowAppHelp(c)
		},
	}
}

// usageErrors makes flag parse errors of every command (and subcommand) usage errors.
func usageErrors(cmds []*cli.Command) []*cli.Command {
	for _, c := range cmds {
		path := c.Name
		c.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
			return usageError{err: err, command: path}
		}
		for _, s := range c.Subcommands {
			sub := path + " " + s.Name
			s.OnUsageError = func(_ *cli.Context, err error, _ bool) error {
				return usageError{err: err, command: sub}
			}
		}
	}
	return cmds
}

func commandNames(cmds []*cli.Command) []string {
	var out []string
	for _, c := range cmds {
		if !c.Hidden && c.Name != "help" {
			out = append(out, c.Name)
		}
	}
	return out
}

// Flags bound to configuration keys: set on the command line, they win over the config
// file and the environment.
var flagKeys = map[string]string{
	"neo4j-uri":      config.KeyNeo4jURI,
	"neo4j-user":     config.KeyNeo4jUser,
	"neo4j-database": config.KeyNeo4jDatabase,
	"log-level":      config.KeyLogLevel,
	"log-format":     config.KeyLogFormat,
	"batch-size":     config.KeyLoadBatchSize,
	"interval":       config.KeyWatchInterval,
	"parser":         config.KeyExtractParser,
	"beam":           config.KeyExtractBeam,
}

// parserFlag chooses the dependency parsing of extract, build, watch and parse.
func parserFlag() cli.Flag {
	return keyFlag("parser", "dependency `PARSING`: ensemble (three parsers vote, most accurate), single (first parser alone: faster, less accurate) or fast (small greedy model: fastest, least accurate)")
}

// beamFlag sets the parser's beam width for extract, build, watch and parse.
func beamFlag() cli.Flag {
	return keyFlag("beam", "parser beam `WIDTH`: 0 keeps the model's (4; --parser fast: 1), 1 is greedy (about 1.8x faster extract with --parser single, less accurate), 2-3 in between")
}

func keyFlag(name, usage string) *cli.StringFlag {
	key := flagKeys[name]
	def := ""
	for _, k := range config.Keys {
		if k.Name == key {
			def = fmt.Sprint(k.Default)
		}
	}
	return &cli.StringFlag{Name: name, Usage: fmt.Sprintf("%s (env %s, config %s)", usage, config.EnvVar(key), key), DefaultText: def}
}

func globalFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "config", Usage: "read settings from `FILE` instead of ./newsgraph.yaml or $XDG_CONFIG_HOME/newsgraph/newsgraph.yaml (env " + config.ConfigEnv + ")"},
		keyFlag("neo4j-uri", "Neo4j Bolt `URI`"),
		keyFlag("neo4j-user", "log in to Neo4j as `USER`"),
		keyFlag("neo4j-database", "Neo4j `DATABASE` to use"),
		keyFlag("log-level", "log `LEVEL` on stderr: debug, info, warn, error"),
		keyFlag("log-format", "log `FORMAT` on stderr: text or json"),
	}
}

// env holds what every command needs, built in one place: the streams, and — once a
// command calls setup — the configuration and the logger.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	cfg            *config.Config
	log            *slog.Logger
}

// setup loads the configuration, binding the flags the user set (of the command and of
// every parent), and builds the logger.
func (e *env) setup(c *cli.Context) error {
	var flags []config.Flag
	for name, key := range flagKeys {
		if c.IsSet(name) {
			flags = append(flags, config.Flag{Key: key, Name: name, Value: fmt.Sprint(c.Value(name))})
		}
	}
	cfg, err := config.Load(config.Options{ConfigFile: c.String("config"), Flags: flags})
	if err != nil {
		return err
	}
	e.cfg = cfg
	level := map[string]slog.Level{"debug": slog.LevelDebug, "info": slog.LevelInfo, "warn": slog.LevelWarn, "error": slog.LevelError}[cfg.Log.Level]
	opts := &slog.HandlerOptions{Level: level}
	if cfg.Log.Format == "json" {
		e.log = slog.New(slog.NewJSONHandler(e.stderr, opts))
	} else {
		e.log = slog.New(slog.NewTextHandler(e.stderr, opts))
	}
	e.log.Debug("config loaded", "file", cfg.File)
	return nil
}

// open connects to Neo4j as configured. Errors: config.ErrNoPassword, or Open's
// (neo4j.ErrUnreachable, neo4j.ErrAuth, neo4j.ErrNoDatabase).
func (e *env) open(ctx context.Context) (*neo4j.Store, error) {
	pw, src, err := e.cfg.Neo4j.Password()
	if err != nil {
		return nil, err
	}
	e.log.Debug("connecting", "uri", e.cfg.Neo4j.URI, "user", e.cfg.Neo4j.User, "database", e.cfg.Neo4j.Database, "password_from", src)
	return neo4j.Open(ctx, neo4j.Config{
		URI: e.cfg.Neo4j.URI, User: e.cfg.Neo4j.User, Password: pw, Database: e.cfg.Neo4j.Database,
		UserAgent: "newsgraph/" + buildVersion().Version, Logger: e.log, QueryTimeout: e.cfg.Neo4j.QueryTimeout,
	})
}

// intersperse lets flags follow positional arguments (`newsgraph query 'MATCH ...' --param
// k=v`, `newsgraph load x.jsonl --neo4j-uri ...`), which urfave/cli v2 does not parse: it
// moves the flags of the command being run in front of its arguments, and global flags in
// front of the command. Everything after "--" stays where it is.
func intersperse(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	takesValue := func(flags []cli.Flag, name string) (known, value bool) {
		if name == "help" || name == "h" {
			return true, false
		}
		for _, f := range flags {
			for _, n := range f.Names() {
				if n == name {
					_, isBool := f.(*cli.BoolFlag)
					return true, !isBool
				}
			}
		}
		return false, false
	}
	flagName := func(a string) (name string, inline bool) {
		n := strings.TrimLeft(a, "-")
		if i := strings.IndexByte(n, '='); i >= 0 {
			return n[:i], true
		}
		return n, false
	}
	isFlag := func(a string) bool { return len(a) > 1 && a[0] == '-' && a != "--" }

	global := []string{}
	rest := args[1:]
	// Global flags before the command.
	for len(rest) > 0 && isFlag(rest[0]) {
		name, inline := flagName(rest[0])
		_, value := takesValue(app.Flags, name)
		global = append(global, rest[0])
		rest = rest[1:]
		if value && !inline && len(rest) > 0 {
			global = append(global, rest[0])
			rest = rest[1:]
		}
	}
	// The command path: schema apply, query, ...
	var path []string
	cmds := app.Commands
	var leaf *cli.Command
	for len(rest) > 0 && !isFlag(rest[0]) {
		var found *cli.Command
		for _, c := range cmds {
			if c.HasName(rest[0]) {
				found = c
			}
		}
		if found == nil {
			break
		}
		path = append(path, rest[0])
		rest = rest[1:]
		leaf = found
		cmds = found.Subcommands
		if len(cmds) == 0 {
			break
		}
	}
	if leaf == nil {
		return args
	}
	var flags, positional, after []string
	dashdash := false
	for len(rest) > 0 {
		a := rest[0]
		rest = rest[1:]
		if a == "--" {
			dashdash, after = true, rest
			break
		}
		if !isFlag(a) {
			positional = append(positional, a)
			continue
		}
		name, inline := flagName(a)
		dst := &flags
		known, value := takesValue(leaf.Flags, name)
		if !known {
			if gk, gv := takesValue(app.Flags, name); gk {
				dst, value = &global, gv
			}
		}
		*dst = append(*dst, a)
		if value && !inline && len(rest) > 0 {
			*dst = append(*dst, rest[0])
			rest = rest[1:]
		}
	}
	out := append([]string{args[0]}, global...)
	out = append(out, path...)
	out = append(out, flags...)
	if dashdash {
		out = append(out, "--")
	}
	out = append(out, positional...)
	return append(out, after...)
}
