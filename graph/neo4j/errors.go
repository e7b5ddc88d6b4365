package neo4j

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Sentinel errors. Callers test them with errors.Is; the CLI maps ErrUnreachable and
// ErrAuth to exit code 4.
var (
	// ErrUnreachable: no Bolt connection to the server (refused, timed out, TLS failure,
	// no routing table, connection lost mid-way).
	ErrUnreachable = errors.New("neo4j unreachable")
	// ErrAuth: the server rejected the credentials (wrong user or password, expired
	// credentials, too many failed attempts).
	ErrAuth = errors.New("neo4j authentication failed")
	// ErrWriteQuery: Query was given a statement that would change the graph.
	ErrWriteQuery = errors.New("query writes to the graph")
	// ErrNoDatabase: the configured database does not exist on the server.
	ErrNoDatabase = errors.New("database not found")
	// ErrQueryTimeout: the server stopped a query at the configured transaction timeout.
	ErrQueryTimeout = errors.New("query timed out")
)

// TimeoutError says the server stopped a query's transaction at Config.QueryTimeout.
type TimeoutError struct {
	Timeout time.Duration // 0 when the server's own limit applied
	Msg     string        // the server's message
}

func (e *TimeoutError) Error() string {
	if e.Timeout > 0 {
		return fmt.Sprintf("query timed out: the server stopped it after the query timeout of %s", e.Timeout)
	}
	return "query timed out: " + e.Msg
}

// Is makes errors.Is(err, ErrQueryTimeout) work.
func (e *TimeoutError) Is(target error) bool { return target == ErrQueryTimeout }

// ConnError is a connection or authentication failure. errors.Is(err, ErrUnreachable)
// or errors.Is(err, ErrAuth) tells which.
type ConnError struct {
	Kind error // ErrUnreachable or ErrAuth
	URI  string
	User string
	Err  error // the driver's error
}

func (e *ConnError) Error() string {
	if e.Kind == ErrAuth {
		return fmt.Sprintf("authentication as %q failed at %s: %s", e.User, e.URI, cause(e.Err))
	}
	return fmt.Sprintf("cannot reach Neo4j at %s: %s", e.URI, cause(e.Err))
}

// Is makes errors.Is(err, ErrUnreachable) and errors.Is(err, ErrAuth) work.
func (e *ConnError) Is(target error) bool { return target == e.Kind }

func (e *ConnError) Unwrap() error { return e.Err }

// WriteQueryError refuses a query that would write.
type WriteQueryError struct {
	QueryType string // the query type EXPLAIN reported: "rw", "w" or "s"
}

func (e *WriteQueryError) Error() string {
	return fmt.Sprintf("query writes to the graph (query type: %s); `newsgraph query` runs read-only — use `newsgraph load` to change the graph", e.QueryType)
}

// Is makes errors.Is(err, ErrWriteQuery) work.
func (e *WriteQueryError) Is(target error) bool { return target == ErrWriteQuery }

// classify turns a driver error into a *ConnError when it is a connection or auth
// failure, and returns other errors unchanged. A cancelled context stays a context error.
func (s *Store) classify(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	if ctx.Err() != nil && (errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) || isConnectivity(err)) {
		return fmt.Errorf("%w (%v)", ctx.Err(), cause(err))
	}
	var ce *ConnError
	if errors.As(err, &ce) {
		return err
	}
	switch {
	case isAuth(err):
		return &ConnError{Kind: ErrAuth, URI: s.uri, User: s.user, Err: err}
	case isConnectivity(err):
		return &ConnError{Kind: ErrUnreachable, URI: s.uri, User: s.user, Err: err}
	}
	var ne *neo4j.Neo4jError
	if errors.As(err, &ne) && ne.Code == "Neo.ClientError.Database.DatabaseNotFound" {
		return fmt.Errorf("%w: %q on %s (%s)", ErrNoDatabase, s.db, s.uri, ne.Msg)
	}
	return err
}

// walk calls f on err and everything it wraps, including the attempts a
// TransactionExecutionLimit collects, until f returns true.
func walk(err error, f func(error) bool) bool {
	for err != nil {
		if f(err) {
			return true
		}
		switch e := err.(type) {
		case *neo4j.TransactionExecutionLimit:
			for _, inner := range e.Errors {
				if walk(inner, f) {
					return true
				}
			}
			return false
		case *neo4j.ConnectivityError:
			err = e.Inner
			continue
		case interface{ Unwrap() []error }:
			for _, inner := range e.Unwrap() {
				if walk(inner, f) {
					return true
				}
			}
			return false
		}
		err = errors.Unwrap(err)
	}
	return false
}

func isAuth(err error) bool {
	return walk(err, func(e error) bool {
		switch x := e.(type) {
		case *neo4j.InvalidAuthenticationError, *neo4j.TokenExpiredError:
			return true
		case *neo4j.Neo4jError:
			switch x.Code {
			case "Neo.ClientError.Security.Unauthorized", "Neo.ClientError.Security.AuthenticationRateLimit",
				"Neo.ClientError.Security.CredentialsExpired", "Neo.ClientError.Security.TokenExpired":
				return true
			}
		}
		return false
	})
}

func isConnectivity(err error) bool {
	return walk(err, func(e error) bool {
		switch e.(type) {
		case *neo4j.ConnectivityError:
			return true
		case *net.OpError, *net.DNSError:
			return true
		}
		if _, ok := e.(net.Error); ok {
			return true
		}
		msg := e.Error()
		return strings.Contains(msg, "connection refused") || strings.Contains(msg, "no route to host") ||
			strings.Contains(msg, "i/o timeout") || strings.Contains(msg, "server unavailable")
	})
}

// cause returns the most telling message of a driver error: the network error, or the
// server's message for a Neo4j error, without the driver's type prefixes.
func cause(err error) string {
	var msg string
	walk(err, func(e error) bool {
		switch x := e.(type) {
		case *net.OpError:
			msg = x.Error()
			return true
		case *net.DNSError:
			msg = x.Error()
			return true
		case *neo4j.Neo4jError:
			msg = strings.TrimSpace(x.Msg)
			if msg == "" {
				msg = x.Code
			}
			return true
		}
		return false
	})
	if msg != "" {
		return msg
	}
	s := err.Error()
	for _, p := range []string{"ConnectivityError: ", "InvalidAuthenticationError: "} {
		s = strings.TrimPrefix(s, p)
	}
	return s
}
