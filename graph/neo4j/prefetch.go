package neo4j

import (
	"context"
	"time"
)

// builtBatch is batch i of a plan with its rows, built by a batchBuilder (b nil for a
// batch with nothing to write: every article skipped, no loose node).
type builtBatch struct {
	i    int
	b    *Batch
	took time.Duration // reading the records back and building the rows
	err  error
}

// buildAhead is how many built batches wait for the writer beside the one being built:
// with one, the client reads and builds batch n+1 while the server writes batch n, and at
// most three batches' rows are in memory (written, waiting, being built).
const buildAhead = 1

// buildBatches builds the batches of plan in order on a goroutine, each once, and sends
// them on the returned channel (closed after the last, or when ctx is done: the
// consumer cancels ctx when it stops early). Building reads only the plan and its
// source, never what a write changes; the lookup was made before any write.
func buildBatches(ctx context.Context, plan *Plan, look *lookup) <-chan builtBatch {
	out := make(chan builtBatch, buildAhead)
	go func() {
		defer close(out)
		for i := range plan.Batches {
			if ctx.Err() != nil {
				return
			}
			bb := builtBatch{i: i}
			if !unchanged(plan, i, look) {
				start := time.Now()
				bb.b, bb.err = plan.buildFor(i, look)
				bb.took = time.Since(start)
			}
			select {
			case out <- bb:
			case <-ctx.Done():
				return
			}
			if bb.err != nil {
				return
			}
		}
	}()
	return out
}

// buildFor builds batch i without the articles the lookup skips.
func (p *Plan) buildFor(i int, look *lookup) (*Batch, error) {
	edges, err := p.batchEdges(i, look.skip)
	if err != nil {
		return nil, err
	}
	return p.build(i, look.skip, edges, p.hashes(i))
}
