// Command newsgraph turns news articles into a knowledge graph in Neo4j. Run
// `newsgraph --help` for the commands and exit codes.
package main

import "os"

func main() { os.Exit(run(os.Args, os.Stdin, os.Stdout, os.Stderr)) }
