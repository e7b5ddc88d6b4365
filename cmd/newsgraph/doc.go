// Command newsgraph turns news articles into a knowledge graph in Neo4j. Run
// `newsgraph --help` for the commands and the exit codes.
//
// Layout: main.go is one line around run (app.go), so tests drive the whole CLI
// in-process; app.go builds the urfave/cli app from commands() and the global flags;
// one file per command, each an options struct plus a plain run function; exit.go is
// the only place that maps errors to exit codes. This package is the only importer of
// urfave/cli.
package main
