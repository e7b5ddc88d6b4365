package extract

import (
	"errors"
	"fmt"
	"runtime"
	"strings"

	"github.com/newsgraph/newsgraph/extract/article"
)

// ArticleError names an article left out of a run: a stage panicked on it, or what it
// gave would not pass the contract's validation (graph.Read, what `load` runs). The rest
// of the run is unaffected.
type ArticleError struct {
	ID, Source string
	Stage      string // "local" (clean to resolve), "resolve", "relate" or "validate"
	Reason     string
}

func (e *ArticleError) Error() string {
	return fmt.Sprintf("%s: article %s left out (%s): %s", e.Source, e.ID, e.Stage, e.Reason)
}

// panicReason turns a recovered panic into a one-line reason with the innermost frame of
// newsgraph code that raised it.
func panicReason(v any) string {
	pcs := make([]uintptr, 32)
	n := runtime.Callers(3, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	for {
		f, more := frames.Next()
		if strings.Contains(f.Function, "newsgraph/") && !strings.HasSuffix(f.File, "safety.go") {
			file := f.File
			if i := strings.Index(file, "/extract/"); i >= 0 {
				file = file[i+1:]
			}
			return fmt.Sprintf("panic: %v (at %s:%d)", v, file, f.Line)
		}
		if !more {
			break
		}
	}
	return fmt.Sprintf("panic: %v", v)
}

// guard runs f, turning a panic into an error.
func guard(f func()) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = errors.New(panicReason(v))
		}
	}()
	f()
	return nil
}

// leaveOut records an article as left out.
func leaveOut(d *article.Doc, stage, reason string) *ArticleError {
	return &ArticleError{ID: d.Meta.ID, Source: d.Meta.Source, Stage: stage, Reason: reason}
}
