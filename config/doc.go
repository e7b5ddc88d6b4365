// Package config loads newsgraph's typed configuration: defaults < newsgraph.yaml <
// NEWSGRAPH_* environment < flags. It is the only importer of viper.
//
// The config file is --config FILE (or NEWSGRAPH_CONFIG), else ./newsgraph.yaml, else
// $XDG_CONFIG_HOME/newsgraph/newsgraph.yaml. Every key has a default (viper ignores an
// environment variable for a key without one) and Sources says where each effective value
// came from. The Neo4j password is read only from NEWSGRAPH_NEO4J_PASSWORD or the file
// named by neo4j.password_file (NEWSGRAPH_NEO4J_PASSWORD_FILE), whose default is the
// .neo4j/password the local server writes at the repository root.
//
// The command line is not parsed here: the CLI passes the flags the user set as []Flag.
package config
