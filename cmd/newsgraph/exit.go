package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
)

// Exit codes, listed in the root --help (exitCodesHelp). This file is the only place that
// maps errors to them.
const (
	exitOK          = 0
	exitError       = 1
	exitUsage       = 2
	exitPartial     = 3
	exitDatabase    = 4
	exitInterrupted = 130
)

// usageError is a mistake on the command line: unknown command or flag, missing or extra
// argument, bad flag value.
type usageError struct {
	err     error
	command string // "load", "schema apply"; "" for the root
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

func usagef(command, format string, args ...any) error {
	return usageError{err: fmt.Errorf(format, args...), command: command}
}

// partial is implemented by a command's error that means "some of the work was done,
// some failed" (exit 3), besides *graph.PartialLoadError: give the error type a
// `Partial() bool` method returning true.
type partial interface{ Partial() bool }

// exitCode maps the error a command returned to the process's exit code. A database
// problem (4) wins over a partial load (3): either way rerunning is safe.
func exitCode(ctx context.Context, err error) int {
	var (
		ue usageError
		ce *config.Error
		pe *graph.PartialLoadError
		pi partial
	)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, context.Canceled) || ctx.Err() != nil:
		return exitInterrupted
	case errors.As(err, &ue), errors.As(err, &ce):
		return exitUsage
	case errors.Is(err, neo4j.ErrUnreachable), errors.Is(err, neo4j.ErrAuth), errors.Is(err, config.ErrNoPassword):
		return exitDatabase
	case errors.As(err, &pe), errors.As(err, &pi) && pi.Partial():
		return exitPartial
	}
	return exitError
}

// report prints err on stderr as "newsgraph: ..." with a hint for the common cases.
func report(w io.Writer, err error, code int) {
	if err == nil {
		return
	}
	msg := err.Error()
	if code == exitInterrupted {
		msg = "interrupted"
	}
	fmt.Fprintf(w, "newsgraph: %s\n", strings.TrimRight(msg, "\n"))
	var ue usageError
	var pe *graph.PartialLoadError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(w, "run '%s' for usage\n", strings.Join(strings.Fields("newsgraph "+ue.command+" --help"), " "))
	case errors.Is(err, neo4j.ErrUnreachable):
		fmt.Fprintln(w, "hint: is Neo4j running? `tools/neo4j/neo4j.sh status` (start it with `make neo4j-up`), or point --neo4j-uri / NEWSGRAPH_NEO4J_URI at your server; `newsgraph doctor` checks the whole setup")
	case errors.Is(err, neo4j.ErrAuth):
		fmt.Fprintln(w, "hint: check the password (NEWSGRAPH_NEO4J_PASSWORD, or the file named by neo4j.password_file / NEWSGRAPH_NEO4J_PASSWORD_FILE) and the user (--neo4j-user); `newsgraph config` shows where each comes from")
	case errors.Is(err, neo4j.ErrQueryTimeout):
		fmt.Fprintf(w, "hint: raise %s (env %s, e.g. 5m), or narrow the query (LIMIT, a more selective MATCH)\n", config.KeyNeo4jQueryTimeout, config.EnvVar(config.KeyNeo4jQueryTimeout))
	case code == exitPartial && errors.As(err, &pe):
		fmt.Fprintln(w, "hint: the committed batches hold whole articles; rerun the load — loading is idempotent")
	}
}
