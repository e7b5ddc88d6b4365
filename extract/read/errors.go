package read

import (
	"errors"
	"fmt"
)

// Sentinel errors, wrapped by FileError.Err so callers can tell reasons apart with
// errors.Is (for instance to map them to exit codes or counters).
var (
	ErrNotFound    = errors.New("cannot open")
	ErrUnsupported = errors.New("unsupported file type")
	ErrTooLarge    = errors.New("over the size cap")
	ErrEmpty       = errors.New("empty")
	ErrBinary      = errors.New("binary content")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrNoText      = errors.New("no main text")
	ErrMalformed   = errors.New("malformed record")
)

// FileError is one input the reader rejected: a whole file (Line 0) or one record of a
// .jsonl file (Line >= 1). Reading goes on with the next file or record.
type FileError struct {
	Path   string // the path as given (or as found under a given directory); "-" for stdin
	Line   int    // 1-based line of a .jsonl record, 0 for the whole file
	Reason string // lowercase human-readable reason, e.g. "binary content (NUL bytes)"
	Err    error  // one of the Err* sentinels, possibly wrapping the underlying error
}

// Error reads "path:line: reason" (or "path: reason" for a whole file).
func (e *FileError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, e.Reason)
	}
	return fmt.Sprintf("%s: %s", e.Path, e.Reason)
}

// Unwrap returns the sentinel (or the wrapped cause).
func (e *FileError) Unwrap() error { return e.Err }

func fileErr(path string, line int, err error, format string, args ...any) *FileError {
	return &FileError{Path: path, Line: line, Reason: fmt.Sprintf(format, args...), Err: err}
}
