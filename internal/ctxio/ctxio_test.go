package ctxio

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"testing"
)

// A copy through NewReader gives the whole input while the context lives, and stops with
// the context's error at the first read after it is cancelled.
func TestReaderStopsWhenCancelled(t *testing.T) {
	in := strings.Repeat("x", 10)
	var out bytes.Buffer
	if n, err := io.Copy(&out, NewReader(context.Background(), strings.NewReader(in))); err != nil || n != 10 || out.String() != in {
		t.Fatalf("copy: %d bytes, %v; want all 10", n, err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	r := NewReader(ctx, io.MultiReader(strings.NewReader("ab"), strings.NewReader("cd")))
	p := make([]byte, 2)
	if n, err := r.Read(p); n != 2 || err != nil {
		t.Fatalf("first read: %d, %v", n, err)
	}
	cancel()
	if n, err := r.Read(p); n != 0 || !errors.Is(err, context.Canceled) {
		t.Fatalf("read after cancel: %d, %v; want 0, context.Canceled", n, err)
	}
	if _, err := NewReaderAt(ctx, strings.NewReader("ab")).ReadAt(p, 0); !errors.Is(err, context.Canceled) {
		t.Fatalf("ReadAt after cancel: %v; want context.Canceled", err)
	}
}
