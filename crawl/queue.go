package crawl

import (
	"context"
	"sync"
)

// queue holds the URLs of a run waiting to be fetched, one FIFO per host. It
// knows how many are outstanding (queued or being fetched) so the run ends
// when there are none; a closed host takes no more work (its URLs stay
// pending in the frontier for the next run).
type queue struct {
	mu          sync.Mutex
	hosts       map[string]*hostQueue
	outstanding int
	done        chan struct{}
	finished    bool
}

type hostQueue struct {
	items  []*item
	wake   chan struct{}
	closed bool
}

func newQueue(hosts []string) *queue {
	q := &queue{hosts: map[string]*hostQueue{}, done: make(chan struct{})}
	for _, h := range hosts {
		q.hosts[h] = &hostQueue{wake: make(chan struct{}, 1)}
	}
	return q
}

// push queues an item; it reports false when its host takes no work.
func (q *queue) push(it *item) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	hq := q.hosts[it.host]
	if hq == nil || hq.closed || q.finished {
		return false
	}
	hq.items = append(hq.items, it)
	q.outstanding++
	select {
	case hq.wake <- struct{}{}:
	default:
	}
	return true
}

// next returns the host's next item, waiting for one; nil when the run is
// over for this host (all work done, host closed, or ctx cancelled).
func (q *queue) next(ctx context.Context, host string) *item {
	for {
		q.mu.Lock()
		hq := q.hosts[host]
		if hq.closed {
			q.mu.Unlock()
			return nil
		}
		if len(hq.items) > 0 {
			it := hq.items[0]
			hq.items[0] = nil
			hq.items = hq.items[1:]
			q.mu.Unlock()
			return it
		}
		q.mu.Unlock()
		select {
		case <-hq.wake:
		case <-q.done:
			return nil
		case <-ctx.Done():
			return nil
		}
	}
}

// finish marks one item handled.
func (q *queue) finish() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.outstanding--
	q.checkDone()
}

// close stops a host: its queued items are dropped (they stay pending).
func (q *queue) close(host string) int {
	q.mu.Lock()
	defer q.mu.Unlock()
	hq := q.hosts[host]
	n := len(hq.items)
	q.outstanding -= n
	hq.items = nil
	hq.closed = true
	q.checkDone()
	return n
}

func (q *queue) checkDone() {
	if q.outstanding <= 0 && !q.finished {
		q.finished = true
		close(q.done)
	}
}

// start ends the run at once when nothing was queued.
func (q *queue) start() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.checkDone()
}

func (q *queue) length() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.outstanding
}
