package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/viper"
)

// EnvPrefix is the prefix of every environment variable newsgraph reads: the key
// "neo4j.uri" is read from NEWSGRAPH_NEO4J_URI.
const EnvPrefix = "NEWSGRAPH"

// PasswordEnv holds the Neo4j password when it is not read from a file. There is no
// password flag and no password key in the config file: a password on a command line ends
// up in shell history and process lists.
const PasswordEnv = "NEWSGRAPH_NEO4J_PASSWORD"

// ConfigEnv names a config file, like --config.
const ConfigEnv = "NEWSGRAPH_CONFIG"

// FileName is the config file newsgraph looks for in the working directory and then in
// $XDG_CONFIG_HOME/newsgraph/.
const FileName = "newsgraph.yaml"

// LocalPasswordFile is where the local server started by the Makefile keeps its
// password, relative to the repository root.
var LocalPasswordFile = filepath.Join(".neo4j", "password")

// The configuration keys.
const (
	KeyNeo4jURI          = "neo4j.uri"
	KeyNeo4jUser         = "neo4j.user"
	KeyNeo4jPasswordFile = "neo4j.password_file"
	KeyNeo4jDatabase     = "neo4j.database"
	KeyNeo4jQueryTimeout = "neo4j.query_timeout"
	KeyLoadBatchSize     = "load.batch_size"
	KeyLogLevel          = "log.level"
	KeyLogFormat         = "log.format"
	KeyExtractWorkers    = "extract.workers"
	KeyExtractMaxBytes   = "extract.max_file_bytes"
	KeyExtractLexicons   = "extract.lexicon_dir"
	KeyExtractParser     = "extract.parser"
	KeyExtractBeam       = "extract.beam"
	KeyQueriesDir        = "queries.dir"
)

// Key describes one configuration key.
type Key struct {
	Name    string
	Default any  // the built-in default (a string or an int)
	Path    bool // a file or directory: relative values in a config file are relative to that file
	Dir     bool // a directory that must exist when set
	Help    string
}

// Keys lists every configuration key, in the order `newsgraph config` prints them.
// Every key has a default: viper ignores an environment variable for a key it knows
// nothing about.
var Keys = []Key{
	{Name: KeyNeo4jURI, Default: "bolt://127.0.0.1:7687", Help: "Bolt URI of the Neo4j server (bolt://, neo4j://, +s/+ssc variants)"},
	{Name: KeyNeo4jUser, Default: "neo4j", Help: "Neo4j user"},
	{Name: KeyNeo4jPasswordFile, Default: "", Path: true, Help: "file holding the Neo4j password (default: the first .neo4j/password found walking up from the working directory)"},
	{Name: KeyNeo4jDatabase, Default: "neo4j", Help: "Neo4j database"},
	{Name: KeyNeo4jQueryTimeout, Default: "60s", Help: "longest a query or report may run (the server stops its transaction): 90s, 5m, or seconds; 0 leaves it to the server"},
	{Name: KeyLoadBatchSize, Default: 5000, Help: "records (nodes + relationships) per write transaction; whole articles are never split"},
	{Name: KeyLogLevel, Default: "info", Help: "debug, info, warn or error"},
	{Name: KeyLogFormat, Default: "text", Help: "text or json"},
	{Name: KeyExtractWorkers, Default: 0, Help: "parallel extraction workers (0: one per CPU)"},
	{Name: KeyExtractMaxBytes, Default: 8 << 20, Help: "largest input file extract reads, in bytes"},
	{Name: KeyExtractLexicons, Default: "", Path: true, Dir: true, Help: "directory of lexicon files overriding the embedded ones (empty: embedded only)"},
	{Name: KeyExtractParser, Default: "ensemble", Help: "dependency parsing: ensemble (three parsers vote, the most accurate), single (the first parser alone: faster, less accurate) or fast (a small greedy model: fastest, least accurate; docs/syntax.md, The fast model)"},
	{Name: KeyExtractBeam, Default: 0, Help: "parser beam width, 0 to " + fmt.Sprint(MaxBeam) + ": 0 keeps the model's (4; the fast model's 1); 1 parses greedily (fastest, least accurate); wider is slower (docs/syntax.md, Beam width)"},
	{Name: KeyQueriesDir, Default: "", Path: true, Dir: true, Help: "directory of extra *.cypher report templates (empty: embedded only)"},
}

func lookupKey(name string) (Key, bool) {
	for _, k := range Keys {
		if k.Name == name {
			return k, true
		}
	}
	return Key{}, false
}

// EnvVar returns the environment variable read for a key: "neo4j.uri" -> NEWSGRAPH_NEO4J_URI.
func EnvVar(key string) string {
	return EnvPrefix + "_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Config is newsgraph's effective configuration.
type Config struct {
	// File is the config file that was read, "" when none was found.
	File string

	Neo4j   Neo4j
	Load    LoadSettings
	Log     Log
	Extract Extract
	Queries Queries
	Fetch   Fetch // fetch.go
	Watch   Watch

	sources map[string]Source
	values  map[string]any
}

// Neo4j says where the graph database is and how to log in.
type Neo4j struct {
	URI          string
	User         string
	PasswordFile string
	Database     string
	// QueryTimeout bounds each query and report transaction (0: the server's limit).
	QueryTimeout time.Duration

	envPassword string // from PasswordEnv, read once at Load; never printed
}

// LoadSettings tunes `newsgraph load`.
type LoadSettings struct {
	BatchSize int
}

// Log configures the log/slog logger (stderr).
type Log struct {
	Level  string // debug, info, warn, error
	Format string // text, json
}

// Extract tunes `newsgraph extract`.
type Extract struct {
	Workers      int
	MaxFileBytes int
	LexiconDir   string
	Parser       string // ensemble, single or fast
	Beam         int    // parser beam width; 0: the model's own
}

// MaxBeam is the widest beam extract.beam accepts (the model was trained with 8).
const MaxBeam = 16

// Queries configures the report templates.
type Queries struct {
	Dir string
}

// SourceKind says which layer a value came from.
type SourceKind string

// The layers, lowest precedence first.
const (
	FromDefault SourceKind = "default"
	FromFile    SourceKind = "file"
	FromEnv     SourceKind = "env"
	FromFlag    SourceKind = "flag"
)

// Source tells where one key's value came from.
type Source struct {
	Kind  SourceKind
	Where string // the file path, the variable name, the flag ("--neo4j-uri"), or a note for defaults
}

func (s Source) String() string {
	if s.Where == "" {
		return string(s.Kind)
	}
	return string(s.Kind) + " " + s.Where
}

// Flag is one command-line flag the user actually set, bound to a configuration key.
// Flags the user did not set must not be passed: their defaults would hide the config
// file and the environment.
type Flag struct {
	Key   string // configuration key, e.g. "neo4j.uri"
	Name  string // flag name without dashes, e.g. "neo4j-uri"
	Value string
}

// Options says where Load looks.
type Options struct {
	// ConfigFile is the --config flag: a file that must exist. "" means NEWSGRAPH_CONFIG,
	// then ./newsgraph.yaml, then $XDG_CONFIG_HOME/newsgraph/newsgraph.yaml, each only if present.
	ConfigFile string
	// Flags the user set on the command line.
	Flags []Flag
	// WorkDir is where relative paths and the config file search start; "" is the
	// process's working directory.
	WorkDir string
}

// Error is a configuration problem the user must fix (a bad value, an unknown key, a
// missing --config file). The CLI reports it as a usage error.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

func errorf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// flagValue adapts a Flag to viper.FlagValue, so viper's own precedence (flag > env >
// file > default) applies.
type flagValue struct{ f Flag }

func (f flagValue) HasChanged() bool    { return true }
func (f flagValue) Name() string        { return f.f.Name }
func (f flagValue) ValueString() string { return f.f.Value }
func (f flagValue) ValueType() string   { return "string" }

// Load builds the effective configuration: defaults < config file < NEWSGRAPH_* env < flags.
func Load(opts Options) (*Config, error) {
	wd := opts.WorkDir
	if wd == "" {
		var err error
		if wd, err = os.Getwd(); err != nil {
			return nil, fmt.Errorf("working directory: %w", err)
		}
	}
	v := viper.New()
	v.SetConfigType("yaml")
	defaultNotes := map[string]string{}
	for _, k := range Keys {
		def := k.Default
		if k.Name == KeyNeo4jPasswordFile {
			if p := findUp(wd, LocalPasswordFile); p != "" {
				def = p
				defaultNotes[k.Name] = "(found walking up from " + wd + ")"
			}
		}
		v.SetDefault(k.Name, def)
		if err := v.BindEnv(k.Name, EnvVar(k.Name)); err != nil {
			return nil, err
		}
	}

	file, err := configFile(opts.ConfigFile, wd)
	if err != nil {
		return nil, err
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return nil, errorf("reading config file %s: %v", file, err)
		}
		var unknown []string
		for _, k := range v.AllKeys() {
			if _, ok := lookupKey(k); !ok {
				unknown = append(unknown, k)
			}
		}
		if len(unknown) > 0 {
			sort.Strings(unknown)
			hint := ""
			for _, u := range unknown {
				if strings.Contains(u, "password") && u != KeyNeo4jPasswordFile {
					hint = fmt.Sprintf(" (the password is never read from the config file: use %s or %s)", KeyNeo4jPasswordFile, PasswordEnv)
				}
			}
			return nil, errorf("%s: unknown key(s) %s%s; known keys: %s", file, strings.Join(unknown, ", "), hint, strings.Join(KeyNames(), ", "))
		}
	}

	flagged := map[string]Flag{}
	for _, f := range opts.Flags {
		if _, ok := lookupKey(f.Key); !ok {
			return nil, fmt.Errorf("flag --%s bound to unknown config key %q", f.Name, f.Key)
		}
		flagged[f.Key] = f
		if err := v.BindFlagValue(f.Key, flagValue{f}); err != nil {
			return nil, err
		}
	}

	c := &Config{File: file, sources: map[string]Source{}, values: map[string]any{}}
	for _, k := range Keys {
		var src Source
		switch {
		case flagged[k.Name] != (Flag{}):
			src = Source{FromFlag, "--" + flagged[k.Name].Name}
		case os.Getenv(EnvVar(k.Name)) != "":
			src = Source{FromEnv, EnvVar(k.Name)}
		case file != "" && v.InConfig(k.Name):
			src = Source{FromFile, file}
		default:
			src = Source{FromDefault, defaultNotes[k.Name]}
		}
		c.sources[k.Name] = src

		raw := v.Get(k.Name)
		var val any
		switch k.Default.(type) {
		case int:
			n, err := toInt(raw)
			if err != nil {
				return nil, errorf("%s: %q (from %s) is not an integer", k.Name, fmt.Sprint(raw), src)
			}
			if n < 0 {
				return nil, errorf("%s: %d (from %s) must not be negative", k.Name, n, src)
			}
			val = n
		default:
			s := strings.TrimSpace(fmt.Sprint(raw))
			if raw == nil {
				s = ""
			} else if list, ok := raw.([]any); ok { // a YAML list (watch.feeds)
				parts := make([]string, len(list))
				for i, x := range list {
					parts[i] = fmt.Sprint(x)
				}
				s = strings.Join(parts, ",")
			}
			if k.Path && s != "" {
				s = expandHome(s)
				if !filepath.IsAbs(s) {
					base := wd
					if src.Kind == FromFile {
						base = filepath.Dir(file)
					}
					s = filepath.Join(base, s)
				}
			}
			val = s
		}
		c.values[k.Name] = val
	}

	c.Neo4j = Neo4j{
		URI:          c.values[KeyNeo4jURI].(string),
		User:         c.values[KeyNeo4jUser].(string),
		PasswordFile: c.values[KeyNeo4jPasswordFile].(string),
		Database:     c.values[KeyNeo4jDatabase].(string),
		envPassword:  os.Getenv(PasswordEnv),
	}
	timeout, err := parseTimeout(c.values[KeyNeo4jQueryTimeout].(string))
	if err != nil {
		return nil, errorf("%s: %q (from %s) %v", KeyNeo4jQueryTimeout, c.values[KeyNeo4jQueryTimeout], c.sources[KeyNeo4jQueryTimeout], err)
	}
	c.Neo4j.QueryTimeout = timeout
	c.Load = LoadSettings{BatchSize: c.values[KeyLoadBatchSize].(int)}
	c.Log = Log{Level: strings.ToLower(c.values[KeyLogLevel].(string)), Format: strings.ToLower(c.values[KeyLogFormat].(string))}
	c.Extract = Extract{
		Workers:      c.values[KeyExtractWorkers].(int),
		MaxFileBytes: c.values[KeyExtractMaxBytes].(int),
		LexiconDir:   c.values[KeyExtractLexicons].(string),
		Parser:       strings.ToLower(c.values[KeyExtractParser].(string)),
		Beam:         c.values[KeyExtractBeam].(int),
	}
	c.Queries = Queries{Dir: c.values[KeyQueriesDir].(string)}
	if err := c.loadFetch(); err != nil {
		return nil, err
	}
	if err := c.validate(); err != nil {
		return nil, err
	}
	return c, nil
}

func (c *Config) validate() error {
	bad := func(key string, val any, want string) error {
		return errorf("%s: %q (from %s) is not %s", key, fmt.Sprint(val), c.sources[key], want)
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		return bad(KeyLogLevel, c.Log.Level, "debug, info, warn or error")
	}
	switch c.Log.Format {
	case "text", "json":
	default:
		return bad(KeyLogFormat, c.Log.Format, "text or json")
	}
	if err := CheckParser(c.Extract.Parser); err != nil {
		return bad(KeyExtractParser, c.Extract.Parser, "ensemble, single or fast")
	}
	if c.Extract.Beam < 0 || c.Extract.Beam > MaxBeam {
		return bad(KeyExtractBeam, c.Extract.Beam, fmt.Sprintf("a number from 0 (the model's beam) to %d", MaxBeam))
	}
	if c.Load.BatchSize < 1 {
		return bad(KeyLoadBatchSize, c.Load.BatchSize, "a positive number")
	}
	if err := checkURI(c.Neo4j.URI); err != nil {
		return errorf("%s (from %s): %v", KeyNeo4jURI, c.sources[KeyNeo4jURI], err)
	}
	for _, k := range Keys {
		if dir, _ := c.values[k.Name].(string); k.Dir && dir != "" {
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return bad(k.Name, dir, "an existing directory")
			}
		}
	}
	if c.Neo4j.User == "" {
		return bad(KeyNeo4jUser, "", "a user name")
	}
	if c.Neo4j.Database == "" {
		return bad(KeyNeo4jDatabase, "", "a database name")
	}
	return nil
}

// KeyNames returns the names of every key, in Keys order.
func KeyNames() []string {
	out := make([]string, len(Keys))
	for i, k := range Keys {
		out[i] = k.Name
	}
	return out
}

// Source tells where a key's effective value came from.
func (c *Config) Source(key string) Source { return c.sources[key] }

// Sources tells, for every key, where its effective value came from.
func (c *Config) Sources() map[string]Source {
	out := make(map[string]Source, len(c.sources))
	for k, s := range c.sources {
		out[k] = s
	}
	return out
}

// Value returns a key's effective value (a string or an int), for display.
func (c *Config) Value(key string) any { return c.values[key] }

// ErrNoPassword means neither PasswordEnv nor a password file is available.
var ErrNoPassword = errors.New("no Neo4j password")

// Password returns the Neo4j password and where it came from ("env NEWSGRAPH_NEO4J_PASSWORD"
// or "file PATH"). The environment variable wins over the file. The value must never be
// printed or logged; the source may be.
func (n Neo4j) Password() (password, source string, err error) {
	if n.envPassword != "" {
		return n.envPassword, "env " + PasswordEnv, nil
	}
	if n.PasswordFile == "" {
		return "", "", fmt.Errorf("%w: set %s, or %s (%s) to a file holding it, or start the local server with `make neo4j-up`, which writes %s",
			ErrNoPassword, PasswordEnv, KeyNeo4jPasswordFile, EnvVar(KeyNeo4jPasswordFile), LocalPasswordFile)
	}
	b, err := os.ReadFile(n.PasswordFile)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", "", fmt.Errorf("%w: password file %s does not exist", ErrNoPassword, n.PasswordFile)
		}
		return "", "", fmt.Errorf("%w: reading password file: %v", ErrNoPassword, err)
	}
	pw := strings.TrimRight(string(b), "\r\n")
	if pw == "" {
		return "", "", fmt.Errorf("%w: password file %s is empty", ErrNoPassword, n.PasswordFile)
	}
	return pw, "file " + n.PasswordFile, nil
}

// HasEnvPassword reports whether the password comes from the environment.
func (n Neo4j) HasEnvPassword() bool { return n.envPassword != "" }

func configFile(flag, wd string) (string, error) {
	if flag == "" {
		flag = os.Getenv(ConfigEnv)
	}
	if flag != "" {
		p := expandHome(flag)
		if !filepath.IsAbs(p) {
			p = filepath.Join(wd, p)
		}
		st, err := os.Stat(p)
		if err != nil {
			return "", errorf("config file %s: %v", flag, unwrapPathErr(err))
		}
		if st.IsDir() {
			return "", errorf("config file %s is a directory", flag)
		}
		return p, nil
	}
	cands := []string{filepath.Join(wd, FileName)}
	if dir, err := os.UserConfigDir(); err == nil {
		cands = append(cands, filepath.Join(dir, "newsgraph", FileName))
	}
	for _, p := range cands {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
	}
	return "", nil
}

func unwrapPathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// findUp returns the first dir/rel found walking up from dir, or "".
func findUp(dir, rel string) string {
	for {
		p := filepath.Join(dir, rel)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

func expandHome(p string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if h, err := os.UserHomeDir(); err == nil {
			return filepath.Join(h, strings.TrimPrefix(p, "~"))
		}
	}
	return p
}

func toInt(v any) (int, error) {
	switch x := v.(type) {
	case int:
		return x, nil
	case int64:
		return int(x), nil
	case uint64:
		return int(x), nil
	case float64:
		if x != float64(int(x)) {
			return 0, fmt.Errorf("not an integer")
		}
		return int(x), nil
	case string:
		return strconv.Atoi(strings.TrimSpace(x))
	}
	return 0, fmt.Errorf("not an integer")
}

// URISchemes are the Bolt URI schemes the driver accepts: +s verifies the server's
// certificate against the system's CAs, +ssc accepts a self-signed one.
var URISchemes = []string{"bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"}

// checkURI accepts scheme://host[:port][?routing context]. A user or password inside the
// URI is refused (and never echoed): the driver ignores it, and the URI is printed by
// `config`, `doctor` and error messages.
func checkURI(uri string) error {
	scheme, rest, found := strings.Cut(uri, "://")
	if !found || !slices.Contains(URISchemes, strings.ToLower(scheme)) {
		return fmt.Errorf("%q is not a bolt://, neo4j:// (or +s, +ssc) URI", RedactURI(uri))
	}
	host := rest
	if i := strings.IndexAny(host, "/?#"); i >= 0 {
		host = host[:i]
	}
	if strings.Contains(host, "@") {
		return fmt.Errorf("%q holds a user or password: put the user in %s (%s) and the password in %s or a file named by %s, never in the URI",
			RedactURI(uri), KeyNeo4jUser, EnvVar(KeyNeo4jUser), PasswordEnv, EnvVar(KeyNeo4jPasswordFile))
	}
	u, err := url.Parse(uri)
	if err != nil || u.Hostname() == "" {
		return fmt.Errorf("%q has no host (want e.g. bolt://127.0.0.1:7687)", uri)
	}
	if p := u.Port(); p != "" {
		if n, err := strconv.Atoi(p); err != nil || n < 1 || n > 65535 {
			return fmt.Errorf("%q: port %s is not 1-65535", uri, p)
		}
	}
	return nil
}

// RedactURI replaces what stands before "@" in a URI's authority by "REDACTED", so a
// URI with credentials can be named in a message.
func RedactURI(uri string) string {
	scheme, rest, found := strings.Cut(uri, "://")
	if !found {
		scheme, rest = "", uri
	}
	end := len(rest)
	if i := strings.IndexAny(rest, "/?#"); i >= 0 {
		end = i
	}
	at := strings.LastIndex(rest[:end], "@")
	if at < 0 {
		return uri
	}
	out := "REDACTED@" + rest[at+1:]
	if found {
		out = scheme + "://" + out
	}
	return out
}

// URIUsesTLS reports whether a URI's scheme encrypts the connection (+s or +ssc).
func URIUsesTLS(uri string) bool {
	scheme, _, _ := strings.Cut(uri, "://")
	return strings.HasSuffix(strings.ToLower(scheme), "+s") || strings.HasSuffix(strings.ToLower(scheme), "+ssc")
}

// parseTimeout reads a Go duration (90s, 5m) or a number of seconds.
func parseTimeout(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 {
			return 0, fmt.Errorf("must not be negative")
		}
		return time.Duration(n) * time.Second, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, fmt.Errorf("is not a duration (90s, 5m) or a number of seconds")
	}
	if d < 0 {
		return 0, fmt.Errorf("must not be negative")
	}
	return d, nil
}

// CheckParser accepts the values of extract.parser (and the --parser flags).
func CheckParser(v string) error {
	switch v {
	case "ensemble", "single", "fast":
		return nil
	}
	return fmt.Errorf("parser %q is not ensemble, single or fast", v)
}
