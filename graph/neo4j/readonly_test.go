package neo4j

import (
	"errors"
	"strings"
	"testing"
)

func TestCheckReadOnlyRefuses(t *testing.T) {
	for _, tc := range []struct{ stmt, what string }{
		{"TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS"},
		{"terminate transaction $id", "TERMINATE TRANSACTION"},
		{"SHOW TRANSACTIONS YIELD transactionId AS id\nTERMINATE TRANSACTIONS id", "SHOW"},
		{"LOAD CSV FROM 'http://example.com/x.csv' AS row RETURN row", "LOAD CSV"},
		{"MATCH (n) WITH n LIMIT 1 LOAD /* hidden */ CSV WITH HEADERS FROM 'file:///etc/passwd' AS r RETURN r", "LOAD CSV"},
		{"load\n// a comment\ncsv from 'https://x' as r return r", "LOAD CSV"},
		{"CALL dbms.security.createUser('eve', 'pw', false)", "CALL dbms.security.createUser"},
		{"CALL dbms.listConfig() YIELD name RETURN name", "CALL dbms.listConfig"},
		{"CALL `dbms`.`killConnections`(['bolt-1'])", "CALL dbms.killConnections"},
		{"CALL dbms . listConnections", "CALL dbms.listConnections"},
		{"MATCH (n) CALL db.clearQueryCaches() RETURN n", "CALL db.clearQueryCaches"},
		{"CALL apoc.load.json('http://x') YIELD value RETURN value", "CALL apoc.load.json"},
		{"RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) DETACH DELETE n', {})", "function apoc.cypher.runFirstColumnSingle"},
		{"SHOW USERS", "SHOW"},
		{"EXPLAIN SHOW SETTINGS", "SHOW"},
		{"CYPHER runtime=slotted USE system SHOW DATABASES", "SHOW"},
		{"GRANT ROLE admin TO eve", "GRANT"},
		{"CREATE USER eve SET PASSWORD 'x'", "CREATE USER"},
		{"STOP DATABASE neo4j", "STOP DATABASE"},
	} {
		err := CheckReadOnly(tc.stmt)
		var ne *NotReadOnlyError
		if !errors.As(err, &ne) || !errors.Is(err, ErrNotReadOnly) {
			t.Errorf("%q: not refused (err %v)", tc.stmt, err)
			continue
		}
		if ne.What != tc.what && !strings.EqualFold(ne.What, tc.what) {
			t.Errorf("%q: refused %q, want %q", tc.stmt, ne.What, tc.what)
		}
		if ne.Reason == "" {
			t.Errorf("%q: no reason", tc.stmt)
		}
	}
}

func TestCheckReadOnlyPosition(t *testing.T) {
	err := CheckReadOnly("MATCH (n)\nWITH n\n  LOAD CSV FROM 'http://x' AS r RETURN r")
	var ne *NotReadOnlyError
	if !errors.As(err, &ne) || ne.Line != 3 || ne.Column != 3 {
		t.Fatalf("err = %#v, want line 3 column 3", err)
	}
	if !strings.Contains(ne.Error(), "LOAD CSV (line 3, column 3)") {
		t.Errorf("message %q", ne.Error())
	}
}

func TestCheckReadOnlyAllowsReads(t *testing.T) {
	for _, stmt := range []string{
		"MATCH (p:Person) RETURN p.name AS name ORDER BY name LIMIT 10",
		"RETURN 'LOAD CSV FROM http://x' AS s",
		`RETURN "TERMINATE TRANSACTIONS" AS s, 'it''s' AS t`,
		"// LOAD CSV FROM 'http://x'\nMATCH (n) RETURN n /* TERMINATE TRANSACTIONS */",
		"MATCH (load:Person) WHERE load.csv = 1 RETURN load.csv AS csv",
		"MATCH (n:`LOAD CSV`) RETURN n.`TERMINATE TRANSACTIONS`",
		"MATCH (show:Person) RETURN show.name AS show",
		"WITH {show: 1, load: 2, terminate: 3} AS m RETURN m.show, m.load",
		"CALL db.labels() YIELD label RETURN label",
		"CALL db.schema.visualization()",
		"MATCH (n) CALL { WITH n RETURN count(*) AS c } RETURN n, c",
		"MATCH (n) CALL (n) { RETURN n.id AS id } RETURN id",
		"MATCH (n) RETURN db.nameFromElementId(elementId(n))",
		"MATCH (n) WHERE n.name = $dbms RETURN n.dbms, n.call",
		"RETURN \"\\\" LOAD CSV\" AS escaped",
	} {
		if err := CheckReadOnly(stmt); err != nil {
			t.Errorf("%q refused: %v", stmt, err)
		}
	}
}

func TestReadOnlyRulesParse(t *testing.T) {
	rs, err := parseRules(readOnlyRules)
	if err != nil {
		t.Fatal(err)
	}
	if len(rs.anywhere) == 0 || len(rs.start) == 0 || len(rs.procs) == 0 || len(rs.funcs) == 0 {
		t.Errorf("rules missing: %+v", rs)
	}
	for _, r := range append(append([]seqRule{}, rs.anywhere...), rs.start...) {
		if r.reason == "" {
			t.Errorf("rule %v has no reason", r.words)
		}
	}
	for _, r := range append(append([]prefixRule{}, rs.procs...), rs.funcs...) {
		if !r.allow && r.reason == "" {
			t.Errorf("deny rule %s has no reason", r.prefix)
		}
	}
	if _, err := parseRules("anywhere\n"); err == nil {
		t.Error("a rule without words parsed")
	}
}

// The column counts runes, after other tokens and non-ASCII text on the same line, and starts
// again on each line (columns are carried from token to token along a line).
func TestCheckReadOnlyPositionAfterTokens(t *testing.T) {
	for _, tc := range []struct {
		stmt      string
		line, col int
	}{
		{"WITH 'ä€' AS a, 'ö' AS b LOAD CSV FROM 'x' AS r RETURN r", 1, 26},
		{"WITH 'ä€' AS a,\n  'ü' AS y LOAD CSV FROM 'x' AS r RETURN r", 2, 12},
		{"WITH 1 AS a /* é */ // ö\n\nWITH a LOAD CSV FROM 'x' AS r RETURN r", 3, 8},
	} {
		var ne *NotReadOnlyError
		if err := CheckReadOnly(tc.stmt); !errors.As(err, &ne) || ne.Line != tc.line || ne.Column != tc.col {
			t.Errorf("%q: err = %#v, want line %d column %d", tc.stmt, err, tc.line, tc.col)
		}
	}
}
