package neo4j

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph/graphtest"
)

// fixturePlan plans the reports' test graph one article a batch: more batches than the
// builder keeps ahead, so that it must wait for the writer.
func fixturePlan(t *testing.T) *Plan {
	t.Helper()
	d := graphtest.ReadFile(t, filepath.Join("..", "..", "testdata", "reports", "graph.jsonl"))
	p, err := NewPlan(d, "graph.jsonl", 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Batches) < buildAhead+4 {
		t.Fatalf("%d batches, want at least %d", len(p.Batches), buildAhead+4)
	}
	return p
}

func noLookup() *lookup { return &lookup{skip: map[string]bool{}, older: map[string][]string{}} }

// TestBuildBatchesInOrder: buildBatches sends every batch once, in order, built as Batch
// builds it, then closes the channel.
func TestBuildBatchesInOrder(t *testing.T) {
	p := fixturePlan(t)
	want := built(t, p)
	i := 0
	for bb := range buildBatches(context.Background(), p, noLookup()) {
		if bb.err != nil {
			t.Fatal(bb.err)
		}
		if bb.i != i || !reflect.DeepEqual(bb.b, want[i]) {
			t.Errorf("got batch %d (%+v), want batch %d (%+v)", bb.i, bb.b, i, want[i])
		}
		i++
	}
	if i != len(p.Batches) {
		t.Errorf("%d batches sent, want %d", i, len(p.Batches))
	}
}

// TestBuildBatchesAhead: once the writer has taken batch 0, batch 1 is built without being
// asked for (while the server would write batch 0).
func TestBuildBatchesAhead(t *testing.T) {
	p := fixturePlan(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ch := buildBatches(ctx, p, noLookup())
	if bb := <-ch; bb.i != 0 {
		t.Fatalf("first batch %d", bb.i)
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(ch) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("batch 1 not built ahead within 5 s")
		}
		time.Sleep(time.Millisecond)
	}
}

// TestBuildBatchesSkipsUnchanged: a batch whose articles the lookup found stored with the
// same load hash is sent without rows (nothing to write); the others are built.
func TestBuildBatchesSkipsUnchanged(t *testing.T) {
	p := fixturePlan(t)
	look := noLookup()
	first := p.src.articles[p.Batches[0].arts[0]].ID
	look.skip[first] = true
	for bb := range buildBatches(context.Background(), p, look) {
		if bb.err != nil {
			t.Fatal(bb.err)
		}
		if got := bb.b == nil; got != unchanged(p, bb.i, look) {
			t.Errorf("batch %d: sent without rows %v, unchanged %v", bb.i, got, unchanged(p, bb.i, look))
		}
		if bb.i == 0 && bb.b != nil {
			t.Errorf("batch 0 (only the skipped article) built: %+v", bb.b)
		}
	}
}

// TestBuildBatchesStopsWhenCancelled: once the writer's context is done the builder sends
// at most what it had built or was sending (buildAhead + 1 batches) and closes its channel,
// though batches are left.
func TestBuildBatchesStopsWhenCancelled(t *testing.T) {
	p := fixturePlan(t)
	ctx, cancel := context.WithCancel(context.Background())
	ch := buildBatches(ctx, p, noLookup())
	<-ch
	for len(ch) < buildAhead { // the builder waits to send the next
		time.Sleep(time.Millisecond)
	}
	time.Sleep(10 * time.Millisecond)
	cancel()
	deadline := time.After(5 * time.Second)
	for n := 0; ; n++ {
		select {
		case _, ok := <-ch:
			if !ok {
				return
			}
			if n >= buildAhead+1 {
				t.Fatalf("%d batches sent after the context was cancelled", n+1)
			}
		case <-deadline:
			t.Fatal("the builder did not stop")
		}
	}
}
