package ingest

import (
	"context"

	"github.com/govfig/govfig/archive"

	"golang.org/x/sync/semaphore"
)

// DefaultInflightBytes bounds the input held by the pages between the walker
// and the writer (read, being extracted, or extracted and waiting for their
// turn): as much as the largest page read (archive.DefaultMaxBody). Reading
// a 32 MB page takes some 700 MB, and issue 11's budget is 1 GiB for any
// page: with this bound a page that large is extracted alone, not beside
// another, and ordinary pages (tens of KB) never meet it.
const DefaultInflightBytes = archive.DefaultMaxBody

// flight bounds what is between the walker and the writer: at most n events,
// and pages holding at most maxBytes of input between them. A page larger
// than maxBytes counts as maxBytes: it goes alone. Places are taken in input
// order by the walker alone and given back in the same order by the writer,
// so no event waits for a place held by a later one.
type flight struct {
	count    chan struct{}
	bytes    *semaphore.Weighted
	maxBytes int64
}

func newFlight(n int, maxBytes int64) *flight {
	return &flight{count: make(chan struct{}, n), bytes: semaphore.NewWeighted(maxBytes), maxBytes: maxBytes}
}

// acquire takes a place for an event holding size bytes of input and returns
// the weight to give back; ok is false when ctx ended first (nothing is held).
func (f *flight) acquire(ctx context.Context, size int) (weight int64, ok bool) {
	select {
	case f.count <- struct{}{}:
	case <-ctx.Done():
		return 0, false
	}
	weight = min(int64(size), f.maxBytes)
	if weight > 0 {
		if err := f.bytes.Acquire(ctx, weight); err != nil {
			<-f.count
			return 0, false
		}
	}
	return weight, true
}

// release gives back the place of an event acquired with weight.
func (f *flight) release(weight int64) {
	if weight > 0 {
		f.bytes.Release(weight)
	}
	<-f.count
}
