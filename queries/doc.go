// Package queries embeds the saved Cypher report templates of this folder and parses their checked headers.
package queries
