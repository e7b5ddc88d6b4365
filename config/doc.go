// Package config loads newsgraph's typed configuration: defaults < newsgraph.yaml < NEWSGRAPH_* environment < flags. It is the only importer of viper.
package config
