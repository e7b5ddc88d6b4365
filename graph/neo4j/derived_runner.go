package neo4j

import (
	"context"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// derivedRunner catches up a load's pending markers (derived_pending.go) on a session of its
// own, one write transaction at a time, while the load writes its next batches. It starts a
// catch-up once the markers waiting name catchUpMin articles (or when the load waits for it:
// before a batch of stored articles, and at the end), and takes every marker waiting then, up
// to derivedChunk articles: a hub's rank or fact is written once for all of them.
type derivedRunner struct {
	s      *Store
	ctx    context.Context
	stop   context.CancelFunc
	wg     sync.WaitGroup // one per marker handed over and not yet caught up (or given up)
	done   chan struct{}  // closed when the goroutine has returned
	mu     sync.Mutex
	cond   *sync.Cond
	queue  []pendingRef
	queued int  // articles in queue
	min    int  // catchUpMin of the load
	flush  bool // the load waits: catch up whatever is queued
	closed bool
	err    error
	times  map[string]time.Duration // the catch-up statements' times (read after done)
}

// pendingRef is a marker handed to the runner: its id, number of articles, and the fact
// relationships its batch created, by article (every article of the batch has an entry).
type pendingRef struct {
	id   string
	arts int
	rows batchRows
}

// derivedChunk is how many articles one catch-up transaction takes at most; add waits while
// that many are queued (the catch-up lags the batches), so that the fact relationships held for
// the queued batches stay bounded whatever the file's size: those of at most twice this many
// articles (queued, and being caught up). 5,000 took a 100k load to 311 MB, 2,500 (with
// derivedMin 1,000) to 262 MB in the same time (docs/performance.md, *Load memory at 100k*).
// NEWSGRAPH_DERIVED_CHUNK overrides it (for measurements).
var derivedChunk = envInt("NEWSGRAPH_DERIVED_CHUNK", 2500)

// derivedMin is how many articles wait before a catch-up starts on its own (measured:
// docs/performance.md, *Load: the derived data caught up beside the batches*), or half the
// load's articles when that is fewer (catchUpMin). NEWSGRAPH_DERIVED_MIN sets it whatever the
// load's size (for measurements).
var derivedMin = envInt("NEWSGRAPH_DERIVED_MIN", 1000)

// catchUpMin is how many articles wait before a catch-up starts on its own in a load of
// articles: derivedMin, or half the load when that is fewer, so that a small load does not
// catch up all its articles after its last batch, with one of the machine's two cores idle: a
// load of 1,000 articles catches up its first three batches beside the last two, and only
// those two at the end (docs/performance.md, *Load: index seeks by hint, the load's collector,
// and a catch-up at half the load*).
func catchUpMin(articles int) int {
	if _, set := os.LookupEnv("NEWSGRAPH_DERIVED_MIN"); set {
		return derivedMin
	}
	return max(1, min(derivedMin, articles/2))
}

// envInt is the positive integer in environment variable name, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// Names of the runner's times in the load's debug log.
const (
	derivedTotal = "(derived) catch-up transactions, commits included"
	derivedWait  = "(derived) waiting for the catch-up before a batch of stored articles or the end"
)

// startDerived starts the runner of a load of articles.
func (s *Store) startDerived(ctx context.Context, articles int) *derivedRunner {
	rctx, stop := context.WithCancel(ctx)
	r := &derivedRunner{s: s, ctx: rctx, stop: stop, done: make(chan struct{}), times: map[string]time.Duration{}, min: catchUpMin(articles)}
	r.cond = sync.NewCond(&r.mu)
	go r.run()
	return r
}

// add hands over a committed marker; it waits while derivedChunk articles are queued.
func (r *derivedRunner) add(p pendingRef) {
	r.wg.Add(1)
	r.mu.Lock()
	for r.queued >= derivedChunk && r.err == nil && !r.closed {
		r.cond.Wait()
	}
	r.queue = append(r.queue, p)
	r.queued += p.arts
	r.mu.Unlock()
	r.cond.Broadcast()
}

// wait returns once every marker handed over is caught up (or the runner failed), with the
// runner's error.
func (r *derivedRunner) wait() error {
	r.mu.Lock()
	r.flush = true
	r.mu.Unlock()
	r.cond.Broadcast()
	r.wg.Wait()
	r.mu.Lock()
	r.flush = false
	r.mu.Unlock()
	return r.failed()
}

func (r *derivedRunner) failed() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.err
}

// close stops the runner (a transaction in flight is cancelled: its markers stay for the next
// ApplySchema) and waits for its goroutine.
func (r *derivedRunner) close() {
	r.stop()
	r.mu.Lock()
	r.closed = true
	r.mu.Unlock()
	r.cond.Broadcast()
	<-r.done
}

// next waits for markers to catch up and takes them (nil once closed).
func (r *derivedRunner) next() []pendingRef {
	r.mu.Lock()
	defer r.mu.Unlock()
	for !r.closed && (len(r.queue) == 0 || r.queued < r.min && !r.flush) {
		r.cond.Wait()
	}
	if r.closed {
		return r.queue // given up: their markers stay
	}
	n, k := 0, 0
	for k < len(r.queue) && (k == 0 || n+r.queue[k].arts <= derivedChunk) {
		n += r.queue[k].arts
		k++
	}
	batch := r.queue[:k:k]
	r.queue, r.queued = r.queue[k:], r.queued-n
	r.cond.Broadcast() // an add may wait for room
	return batch
}

func (r *derivedRunner) run() {
	defer close(r.done)
	sess := r.s.session(r.ctx, neo4j.AccessModeWrite)
	defer sess.Close(context.WithoutCancel(r.ctx))
	for {
		batch := r.next()
		r.mu.Lock()
		closed := r.closed
		r.mu.Unlock()
		if closed {
			r.wg.Add(-len(batch))
			return
		}
		if r.failed() == nil {
			if err := r.catchUp(sess, batch); err != nil {
				r.mu.Lock()
				r.err = err
				r.mu.Unlock()
				r.cond.Broadcast()
			}
		}
		r.wg.Add(-len(batch))
	}
}

// catchUp catches up the markers of batch in one write transaction.
func (r *derivedRunner) catchUp(sess neo4j.SessionWithContext, batch []pendingRef) error {
	ids := make([]string, len(batch))
	rows := batchRows{facts: map[string][]factRec{}, lifts: map[string][]liftRow{}}
	for i, p := range batch {
		ids[i] = p.id
		rows.add(p.rows)
	}
	start := time.Now()
	_, err := retryGone(func() (any, error) {
		return sess.ExecuteWrite(r.ctx, func(tx neo4j.ManagedTransaction) (any, error) {
			w := newTxWriter(r.ctx, tx)
			w.times = map[string]time.Duration{}
			err := w.catchUpMarkers(ids, rows)
			if err == nil {
				for k, v := range w.times { // only the try that commits counts
					r.times[k] += v
				}
			}
			return nil, err
		})
	})
	r.times[derivedTotal] += time.Since(start)
	if err != nil {
		return r.s.classify(r.ctx, err)
	}
	return nil
}

// mergeTimes adds the runner's times to a load's, the statements' names prefixed (after close).
func (r *derivedRunner) mergeTimes(times map[string]time.Duration) {
	for k, v := range r.times {
		if k == derivedTotal || k == derivedWait {
			times[k] += v
		} else {
			times["(derived) "+k] += v
		}
	}
}
