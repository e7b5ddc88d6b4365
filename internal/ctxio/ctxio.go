// Package ctxio makes reads stop once a context is done, so that copying or scanning a
// large input (an extraction being written out, a file being loaded, standard input)
// stops on Ctrl-C. extract and cmd/newsgraph both use it.
package ctxio

import (
	"context"
	"io"
)

// NewReader returns a reader that reads from r until ctx is done; then every Read returns
// ctx.Err() without reading. io.Copy(w, NewReader(ctx, r)) is a copy that stops on ctx.
func NewReader(ctx context.Context, r io.Reader) io.Reader { return reader{ctx, r} }

// NewReaderAt is NewReader for reads at an offset.
func NewReaderAt(ctx context.Context, r io.ReaderAt) io.ReaderAt { return readerAt{ctx, r} }

type reader struct {
	ctx context.Context
	r   io.Reader
}

func (c reader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

type readerAt struct {
	ctx context.Context
	r   io.ReaderAt
}

func (c readerAt) ReadAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.ReadAt(p, off)
}
