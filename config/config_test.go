package config

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// isolate clears every NEWSGRAPH_* variable and points XDG_CONFIG_HOME at an empty dir,
// so the developer's environment cannot leak into a test.
func isolate(t *testing.T) string {
	t.Helper()
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, EnvPrefix+"_") {
			t.Setenv(k, "")
		}
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	return t.TempDir()
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestPrecedence(t *testing.T) {
	const fileYAML = "neo4j:\n  uri: bolt://file:7687\n  database: filedb\nload:\n  batch_size: 50\n"
	tests := []struct {
		name     string
		file     string            // newsgraph.yaml in the working dir, "" for none
		env      map[string]string // NEWSGRAPH_* variables
		flags    []Flag
		key      string
		want     any
		wantFrom SourceKind
	}{
		{name: "default", key: KeyNeo4jURI, want: "bolt://127.0.0.1:7687", wantFrom: FromDefault},
		{name: "default int", key: KeyLoadBatchSize, want: 5000, wantFrom: FromDefault},
		{name: "file beats default", file: fileYAML, key: KeyNeo4jURI, want: "bolt://file:7687", wantFrom: FromFile},
		{name: "file int", file: fileYAML, key: KeyLoadBatchSize, want: 50, wantFrom: FromFile},
		{name: "env beats file", file: fileYAML, env: map[string]string{"NEWSGRAPH_NEO4J_URI": "bolt://env:7687"}, key: KeyNeo4jURI, want: "bolt://env:7687", wantFrom: FromEnv},
		{name: "env-only key without file", env: map[string]string{"NEWSGRAPH_EXTRACT_WORKERS": "3"}, key: KeyExtractWorkers, want: 3, wantFrom: FromEnv},
		{name: "env int beats file int", file: fileYAML, env: map[string]string{"NEWSGRAPH_LOAD_BATCH_SIZE": "7"}, key: KeyLoadBatchSize, want: 7, wantFrom: FromEnv},
		{name: "empty env is ignored", file: fileYAML, env: map[string]string{"NEWSGRAPH_NEO4J_URI": ""}, key: KeyNeo4jURI, want: "bolt://file:7687", wantFrom: FromFile},
		{name: "flag beats env", file: fileYAML, env: map[string]string{"NEWSGRAPH_NEO4J_URI": "bolt://env:7687"},
			flags: []Flag{{Key: KeyNeo4jURI, Name: "neo4j-uri", Value: "neo4j://flag:7687"}}, key: KeyNeo4jURI, want: "neo4j://flag:7687", wantFrom: FromFlag},
		{name: "flag int", flags: []Flag{{Key: KeyLoadBatchSize, Name: "batch-size", Value: "9"}}, key: KeyLoadBatchSize, want: 9, wantFrom: FromFlag},
		{name: "other keys keep their layer", file: fileYAML, flags: []Flag{{Key: KeyNeo4jURI, Name: "neo4j-uri", Value: "bolt://flag:1"}},
			key: KeyNeo4jDatabase, want: "filedb", wantFrom: FromFile},
		{name: "beam from file", file: "extract:\n  beam: 2\n", key: KeyExtractBeam, want: 2, wantFrom: FromFile},
		{name: "beam flag", flags: []Flag{{Key: KeyExtractBeam, Name: "beam", Value: "1"}}, key: KeyExtractBeam, want: 1, wantFrom: FromFlag},
		{name: "parser default", key: KeyExtractParser, want: "ensemble", wantFrom: FromDefault},
		{name: "parser fast from file", file: "extract:\n  parser: fast\n", key: KeyExtractParser, want: "fast", wantFrom: FromFile},
		{name: "parser fast flag", flags: []Flag{{Key: KeyExtractParser, Name: "parser", Value: "fast"}}, key: KeyExtractParser, want: "fast", wantFrom: FromFlag},
		{name: "parser single from env", env: map[string]string{"NEWSGRAPH_EXTRACT_PARSER": "single"}, key: KeyExtractParser, want: "single", wantFrom: FromEnv},
		{name: "log level lower-cased", env: map[string]string{"NEWSGRAPH_LOG_LEVEL": "DEBUG"}, key: KeyLogLevel, want: "debug", wantFrom: FromEnv},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wd := isolate(t)
			if tt.file != "" {
				write(t, filepath.Join(wd, FileName), tt.file)
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			c, err := Load(Options{WorkDir: wd, Flags: tt.flags})
			if err != nil {
				t.Fatal(err)
			}
			got := c.Value(tt.key)
			if tt.key == KeyLogLevel {
				got = c.Log.Level
			}
			if got != tt.want {
				t.Errorf("%s = %v (%T), want %v", tt.key, got, got, tt.want)
			}
			if src := c.Source(tt.key); src.Kind != tt.wantFrom {
				t.Errorf("source of %s = %s, want %s", tt.key, src, tt.wantFrom)
			}
		})
	}
}

func TestTypedFields(t *testing.T) {
	wd := isolate(t)
	write(t, filepath.Join(wd, FileName), "log:\n  format: json\nextract:\n  max_file_bytes: 1024\n  lexicon_dir: lex\n")
	if err := os.Mkdir(filepath.Join(wd, "lex"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("NEWSGRAPH_NEO4J_USER", "alice")
	c, err := Load(Options{WorkDir: wd, Flags: []Flag{{Key: KeyNeo4jDatabase, Name: "neo4j-database", Value: "news"}}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Neo4j.User != "alice" || c.Neo4j.Database != "news" || c.Log.Format != "json" || c.Extract.MaxFileBytes != 1024 {
		t.Errorf("unexpected config %+v", c)
	}
	if want := filepath.Join(wd, "lex"); c.Extract.LexiconDir != want {
		t.Errorf("lexicon_dir = %q, want %q (relative to the config file)", c.Extract.LexiconDir, want)
	}
	if c.File != filepath.Join(wd, FileName) {
		t.Errorf("File = %q", c.File)
	}
	src := c.Sources()
	if len(src) != len(Keys) {
		t.Errorf("Sources has %d keys, want %d", len(src), len(Keys))
	}
	if got := src[KeyNeo4jUser].String(); got != "env NEWSGRAPH_NEO4J_USER" {
		t.Errorf("source of user = %q", got)
	}
	if got := src[KeyNeo4jDatabase].String(); got != "flag --neo4j-database" {
		t.Errorf("source of database = %q", got)
	}
	if got := src[KeyLogFormat].String(); got != "file "+filepath.Join(wd, FileName) {
		t.Errorf("source of log.format = %q", got)
	}
}

func TestConfigFileSearch(t *testing.T) {
	t.Run("xdg", func(t *testing.T) {
		wd := isolate(t)
		xdg := t.TempDir()
		t.Setenv("XDG_CONFIG_HOME", xdg)
		write(t, filepath.Join(xdg, "newsgraph", FileName), "neo4j:\n  user: xdg\n")
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		if c.Neo4j.User != "xdg" {
			t.Errorf("user = %q, want xdg", c.Neo4j.User)
		}
	})
	t.Run("working dir before xdg", func(t *testing.T) {
		wd := isolate(t)
		xdg := t.TempDir()
		t.Setenv("XDG_CONFIG_HOME", xdg)
		write(t, filepath.Join(xdg, "newsgraph", FileName), "neo4j:\n  user: xdg\n")
		write(t, filepath.Join(wd, FileName), "neo4j:\n  user: local\n")
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		if c.Neo4j.User != "local" {
			t.Errorf("user = %q, want local", c.Neo4j.User)
		}
	})
	t.Run("--config wins and must exist", func(t *testing.T) {
		wd := isolate(t)
		write(t, filepath.Join(wd, FileName), "neo4j:\n  user: local\n")
		write(t, filepath.Join(wd, "other.yaml"), "neo4j:\n  user: other\n")
		c, err := Load(Options{WorkDir: wd, ConfigFile: "other.yaml"})
		if err != nil {
			t.Fatal(err)
		}
		if c.Neo4j.User != "other" {
			t.Errorf("user = %q, want other", c.Neo4j.User)
		}
		_, err = Load(Options{WorkDir: wd, ConfigFile: "missing.yaml"})
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("missing --config: err = %v, want *config.Error", err)
		}
	})
	t.Run("NEWSGRAPH_CONFIG", func(t *testing.T) {
		wd := isolate(t)
		p := filepath.Join(t.TempDir(), "c.yaml")
		write(t, p, "neo4j:\n  user: fromenv\n")
		t.Setenv(ConfigEnv, p)
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		if c.Neo4j.User != "fromenv" {
			t.Errorf("user = %q", c.Neo4j.User)
		}
	})
}

func TestBadValues(t *testing.T) {
	tests := []struct {
		name string
		file string
		env  map[string]string
		want string
	}{
		{name: "unknown key", file: "neo4j:\n  url: bolt://x\n", want: "unknown key(s) neo4j.url"},
		{name: "password in file", file: "neo4j:\n  password: secret\n", want: "never read from the config file"},
		{name: "bad int env", env: map[string]string{"NEWSGRAPH_LOAD_BATCH_SIZE": "lots"}, want: `load.batch_size: "lots" (from env NEWSGRAPH_LOAD_BATCH_SIZE) is not an integer`},
		{name: "zero batch", file: "load:\n  batch_size: 0\n", want: "load.batch_size"},
		{name: "negative beam", env: map[string]string{"NEWSGRAPH_EXTRACT_BEAM": "-1"}, want: "extract.beam: -1 (from env NEWSGRAPH_EXTRACT_BEAM) must not be negative"},
		{name: "beam too wide", file: "extract:\n  beam: 17\n", want: "extract.beam"},
		{name: "bad parser", env: map[string]string{"NEWSGRAPH_EXTRACT_PARSER": "quick"},
			want: `extract.parser: "quick" (from env NEWSGRAPH_EXTRACT_PARSER) is not ensemble, single or fast`},
		{name: "bad parser in file", file: "extract:\n  parser: greedy\n", want: "ensemble, single or fast"},
		{name: "bad level", env: map[string]string{"NEWSGRAPH_LOG_LEVEL": "loud"}, want: "log.level"},
		{name: "bad format", file: "log:\n  format: xml\n", want: "log.format"},
		{name: "bad uri", env: map[string]string{"NEWSGRAPH_NEO4J_URI": "http://localhost:7474"}, want: "neo4j.uri"},
		{name: "bad yaml", file: "neo4j: [\n", want: "reading config file"},
		{name: "missing lexicon dir", env: map[string]string{"NEWSGRAPH_EXTRACT_LEXICON_DIR": "/nonexistent/lexicons"},
			want: `extract.lexicon_dir: "/nonexistent/lexicons" (from env NEWSGRAPH_EXTRACT_LEXICON_DIR) is not an existing directory`},
		{name: "lexicon dir in file", file: "extract:\n  lexicon_dir: nolex\n", want: "extract.lexicon_dir"},
		{name: "missing queries dir", env: map[string]string{"NEWSGRAPH_QUERIES_DIR": "/nonexistent/q"}, want: "queries.dir"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wd := isolate(t)
			if tt.file != "" {
				write(t, filepath.Join(wd, FileName), tt.file)
			}
			for k, v := range tt.env {
				t.Setenv(k, v)
			}
			_, err := Load(Options{WorkDir: wd})
			var ce *Error
			if !errors.As(err, &ce) {
				t.Fatalf("err = %v, want *config.Error", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestPassword(t *testing.T) {
	t.Run("found walking up", func(t *testing.T) {
		root := isolate(t)
		write(t, filepath.Join(root, ".neo4j", "password"), "s3cret\n")
		wd := filepath.Join(root, "a", "b")
		if err := os.MkdirAll(wd, 0o755); err != nil {
			t.Fatal(err)
		}
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		pw, src, err := c.Neo4j.Password()
		if err != nil || pw != "s3cret" {
			t.Fatalf("Password() = %q, %v", pw, err)
		}
		if want := "file " + filepath.Join(root, ".neo4j", "password"); src != want {
			t.Errorf("source = %q, want %q", src, want)
		}
		if s := c.Source(KeyNeo4jPasswordFile); s.Kind != FromDefault || !strings.Contains(s.Where, "walking up") {
			t.Errorf("source of password_file = %s", s)
		}
	})
	t.Run("env wins over file", func(t *testing.T) {
		wd := isolate(t)
		write(t, filepath.Join(wd, ".neo4j", "password"), "fromfile")
		t.Setenv(PasswordEnv, "fromenv")
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		pw, src, err := c.Neo4j.Password()
		if err != nil || pw != "fromenv" || src != "env "+PasswordEnv {
			t.Errorf("Password() = %q, %q, %v", pw, src, err)
		}
	})
	t.Run("_FILE env", func(t *testing.T) {
		wd := isolate(t)
		p := filepath.Join(t.TempDir(), "pw")
		write(t, p, "filepw\r\n")
		t.Setenv("NEWSGRAPH_NEO4J_PASSWORD_FILE", p)
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		pw, _, err := c.Neo4j.Password()
		if err != nil || pw != "filepw" {
			t.Errorf("Password() = %q, %v", pw, err)
		}
	})
	t.Run("missing", func(t *testing.T) {
		wd := isolate(t)
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		_, _, err = c.Neo4j.Password()
		if !errors.Is(err, ErrNoPassword) {
			t.Errorf("err = %v, want ErrNoPassword", err)
		}
	})
	t.Run("empty file", func(t *testing.T) {
		wd := isolate(t)
		write(t, filepath.Join(wd, "pw"), "\n")
		t.Setenv("NEWSGRAPH_NEO4J_PASSWORD_FILE", "pw")
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err = c.Neo4j.Password(); !errors.Is(err, ErrNoPassword) || !strings.Contains(err.Error(), "empty") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestEnvVar(t *testing.T) {
	if got := EnvVar(KeyExtractMaxBytes); got != "NEWSGRAPH_EXTRACT_MAX_FILE_BYTES" {
		t.Errorf("EnvVar = %q", got)
	}
}

func TestURIValidation(t *testing.T) {
	for _, uri := range []string{
		"bolt://127.0.0.1:7687", "bolt+s://db.example.com:7687", "bolt+ssc://db.example.com",
		"neo4j://db.example.com", "neo4j+s://abcd1234.databases.neo4j.io", "neo4j+ssc://10.0.0.1:7687",
		"neo4j://db.example.com:7687?policy=europe", "BOLT+S://db.example.com",
	} {
		if err := checkURI(uri); err != nil {
			t.Errorf("%s refused: %v", uri, err)
		}
	}
	for _, uri := range []string{
		"http://localhost:7474", "bolt://", "bolt:///x", "bolt+tls://x", "localhost:7687", "bolt://host:99999",
	} {
		if err := checkURI(uri); err == nil {
			t.Errorf("%s accepted", uri)
		}
	}
	for _, tc := range []struct {
		uri string
		tls bool
	}{{"bolt://x", false}, {"neo4j://x", false}, {"bolt+s://x", true}, {"neo4j+s://x", true}, {"neo4j+ssc://x", true}} {
		if URIUsesTLS(tc.uri) != tc.tls {
			t.Errorf("URIUsesTLS(%s) = %v", tc.uri, !tc.tls)
		}
	}
}

func TestURIWithCredentialsRefused(t *testing.T) {
	for _, uri := range []string{"bolt://neo4j:s3cretpw@127.0.0.1:7687", "neo4j+s://s3cretpw@db.example.com", "bolt://neo4j:s3cretpw@[::1]:7687/x"} {
		wd := isolate(t)
		t.Setenv("NEWSGRAPH_NEO4J_URI", uri)
		_, err := Load(Options{WorkDir: wd})
		var ce *Error
		if !errors.As(err, &ce) {
			t.Fatalf("%s: err = %v, want *config.Error", uri, err)
		}
		if strings.Contains(err.Error(), "s3cretpw") {
			t.Errorf("%s: the message shows the secret: %s", uri, err)
		}
		for _, want := range []string{"neo4j.uri", "user or password", PasswordEnv, "NEWSGRAPH_NEO4J_PASSWORD_FILE", "REDACTED@"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: message %q lacks %q", uri, err, want)
			}
		}
	}
}

func TestQueryTimeout(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want time.Duration
	}{{"", 60 * time.Second}, {"5s", 5 * time.Second}, {"2m", 2 * time.Minute}, {"30", 30 * time.Second}, {"0", 0}, {"250ms", 250 * time.Millisecond}} {
		wd := isolate(t)
		t.Setenv("NEWSGRAPH_NEO4J_QUERY_TIMEOUT", tc.env)
		c, err := Load(Options{WorkDir: wd})
		if err != nil {
			t.Fatalf("%q: %v", tc.env, err)
		}
		if c.Neo4j.QueryTimeout != tc.want {
			t.Errorf("%q: timeout %v, want %v", tc.env, c.Neo4j.QueryTimeout, tc.want)
		}
	}
	for _, bad := range []string{"soon", "-5s", "-1"} {
		wd := isolate(t)
		t.Setenv("NEWSGRAPH_NEO4J_QUERY_TIMEOUT", bad)
		_, err := Load(Options{WorkDir: wd})
		var ce *Error
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), "neo4j.query_timeout") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}
