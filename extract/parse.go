package extract

import (
	"context"
	"sync/atomic"

	"github.com/newsgraph/newsgraph/extract/article"
	"github.com/newsgraph/newsgraph/extract/read"
)

// SyntaxOptions configure Pipeline.Syntax.
type SyntaxOptions struct {
	// Clean parses only the text the cleaner keeps (what extract analyses); otherwise every
	// line of the article is parsed.
	Clean bool
}

// Syntax runs read -> [clean] -> segment -> parse on every article under paths on the
// pipeline's workers and calls fn with each parsed article, in input order (from one
// goroutine). It stops at fn's first error and returns it. Unreadable inputs are returned
// as FileErrors; the rest is processed. The error is ctx's when the run was cancelled.
func (p *Pipeline) Syntax(ctx context.Context, o SyntaxOptions, fn func(*article.Doc) error, paths ...string) ([]*read.FileError, error) {
	if err := p.loadParser(); err != nil {
		return nil, err
	}
	rd := read.New(read.Options{MaxBytes: p.opts.MaxBytes, Stdin: p.opts.Stdin, Notify: p.opts.Notify})
	jobs := make(chan job)
	queue := make(chan chan *article.Doc, 2*p.opts.Workers) // results in input order
	for w := 0; w < p.opts.Workers; w++ {
		go func() {
			for j := range jobs {
				if o.Clean {
					p.cl.Clean(j.doc)
				}
				p.seg.Segment(j.doc)
				p.syn.Parse(j.doc)
				j.done <- j.doc
			}
		}()
	}
	errc := make(chan error, 1)
	var failed atomic.Bool
	go func() {
		var err error
		for c := range queue {
			d := <-c
			if err == nil {
				err = fn(d)
				failed.Store(err != nil)
			}
		}
		errc <- err
	}()
	var runErr error
	for d, err := range rd.Docs(paths...) {
		if runErr = ctx.Err(); runErr != nil {
			break
		}
		if failed.Load() {
			break
		}
		if err != nil {
			continue // recorded by the reader
		}
		c := make(chan *article.Doc, 1)
		queue <- c
		jobs <- job{doc: d, done: c}
	}
	close(jobs)
	close(queue)
	if err := <-errc; err != nil && runErr == nil {
		runErr = err
	}
	return rd.Errors(), runErr
}

type job struct {
	doc  *article.Doc
	done chan *article.Doc
}
