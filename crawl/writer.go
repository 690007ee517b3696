package crawl

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/nlnwa/gowarc/v3"
)

// The writer is the one goroutine that appends to the archive and writes the
// frontier while hosts are crawled (group commit). Host workers hand it jobs;
// it takes every job waiting, up to maxBatch, and commits them together:
// first the records of the whole batch are written to the WARC file in one
// write, then one frontier transaction records every job and the new
// committed end of the file. A worker that archived a page waits for that
// commit before it goes on, so, as with a transaction per page, at most one
// fetch per host worker is ever archived but not committed: a run killed
// at any moment re-sends at most those requests on resume, and the bytes of
// their records, past the committed end, are cut off then (archive.recover),
// so nothing is archived twice. Batches form by themselves (while one is
// committed, the next one waits in the channel) and by a short linger.

// maxBatch bounds the jobs of one transaction.
const maxBatch = 256

// linger is how long the writer waits for more jobs while requests are in
// flight (their pages are about to be committed) before it commits a batch.
// At high rates fewer, larger commits save more CPU time than the wait
// costs; with nothing in flight (one host, or hosts paced by their delays)
// it never waits.
const linger = time.Millisecond

type jobKind int

const (
	jobArchive jobKind = iota // commitArchived
	jobState                  // commitState
	jobFailed                 // commitFailed
	jobFault                  // a fault
)

// job is one frontier change. Faults are not waited for (done is nil): they
// are committed with their worker's next commit at the latest.
type job struct {
	kind jobKind
	url  string

	// jobArchive
	h      *hostState
	it     *item
	ex     *exchange
	robots *robotsEntry
	links  *ListLinks
	enc    *encoder            // the encoded records
	infoID string              // the warcinfo record enc's records name
	recs   []gowarc.WarcRecord // or the records built, not yet encoded (neither: the writer builds them)
	respID string
	digest string

	// jobState, jobFailed, jobFault
	state, detail string
	attempts      int
	host, fault   string
	at            time.Time

	done  chan struct{}
	ok    bool
	dup   bool    // the response was written as a revisit of an identical payload
	push  []*item // URLs the commit made pending
	notes []noted // faults found while committing
}

type noted struct{ u, host, kind, detail string }

// release gives the job's encoder back and closes its records.
func (j *job) release(c *crawler) {
	if j.enc != nil {
		c.putEncoder(j.enc)
		j.enc = nil
	}
	for _, r := range j.recs {
		r.Close()
	}
	j.recs = nil
}

// getEncoder takes an encoder from the run's spares (about one per fetch
// running at a time) or makes one.
func (c *crawler) getEncoder() *encoder {
	select {
	case e := <-c.encs:
		return e
	default:
		return newEncoder()
	}
}

func (c *crawler) putEncoder(e *encoder) {
	if e.buf.Cap() > 4<<20 || e.raw.Cap() > 4<<20 {
		return // a large attachment's buffers are not kept
	}
	select {
	case c.encs <- e:
	default:
	}
}

type writer struct {
	c      *crawler
	ch     chan *job
	exited chan struct{}
	failed bool
	buf    bytes.Buffer
}

func (c *crawler) startWriter() {
	c.w = &writer{c: c, ch: make(chan *job, 4*maxBatch), exited: make(chan struct{})}
	c.encs = make(chan *encoder, c.cfg.Parallel+2)
	go c.w.run()
}

// submit hands over a job without waiting for its commit.
func (w *writer) submit(j *job) { w.ch <- j }

// wait hands over a job and waits for its commit; false means it failed
// (the run is stopped).
func (w *writer) wait(j *job) bool {
	j.done = make(chan struct{})
	w.ch <- j
	<-j.done
	return j.ok
}

// stop commits what is left and waits for the writer to end. No job may be
// submitted after it.
func (w *writer) stop() {
	close(w.ch)
	<-w.exited
}

func (w *writer) run() {
	defer close(w.exited)
	batch := make([]*job, 0, maxBatch)
	for j := range w.ch {
		batch = append(batch[:0], j)
	more:
		for len(batch) < maxBatch {
			select {
			case j, ok := <-w.ch:
				if !ok {
					break more
				}
				batch = append(batch, j)
			default:
				break more
			}
		}
		if len(batch) < maxBatch && len(w.c.sem) > 0 {
			// Requests are in flight: their pages will want committing
			// within moments, so wait a little for them.
			t := time.NewTimer(linger)
		wait:
			for len(batch) < maxBatch && len(w.c.sem) > 0 {
				select {
				case j, ok := <-w.ch:
					if !ok {
						break wait
					}
					batch = append(batch, j)
				case <-t.C:
					break wait
				}
			}
			t.Stop()
		}
		w.commit(batch)
		clear(batch)
	}
}

// commit writes a batch: in one transaction, or in one per WARC file when
// the current file fills up on the way (a new file is registered in the
// frontier, outside the transaction, before anything is written to it).
func (w *writer) commit(batch []*job) {
	c := w.c
	for len(batch) > 0 && !w.failed {
		n, err := w.commitPart(batch)
		if err != nil {
			w.failed = true
			c.fatal(err)
			break
		}
		for _, j := range batch[:n] {
			for _, f := range j.notes {
				c.noteFault(f.u, f.kind, f.detail)
			}
			j.ok = true
			if j.done != nil {
				close(j.done)
			}
		}
		batch = batch[n:]
	}
	for _, j := range batch { // after a failure: nothing more is committed
		j.release(c)
		if j.done != nil {
			close(j.done)
		}
	}
}

// commitPart commits the jobs at the start of batch that go into the
// current WARC file (rolled first when full) and returns how many.
func (w *writer) commitPart(batch []*job) (int, error) {
	c, a := w.c, w.c.ar
	bg := context.Background()
	for _, j := range batch {
		if j.kind == jobArchive {
			if a.full(0) {
				if err := a.roll(bg); err != nil {
					return 0, err
				}
			}
			break
		}
	}
	w.buf.Reset()
	base := a.size
	n := 0
	err := c.fr.tx(bg, func(tx *sql.Tx) error {
		for ; n < len(batch); n++ {
			j := batch[n]
			if j.kind == jobArchive && w.buf.Len() > 0 && a.full(w.buf.Len()) {
				break // this fetch goes into a new file
			}
			if err := w.apply(tx, j, base); err != nil {
				return err
			}
		}
		if w.buf.Len() == 0 {
			return nil
		}
		end, err := a.writeBytes(w.buf.Bytes())
		if err != nil {
			return err
		}
		if testHookWritten != nil {
			testHookWritten()
		}
		if _, err := tx.Exec(`UPDATE warc_files SET committed=? WHERE name=?`, end, a.name); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("commit %s: %w", batch[min(n, len(batch)-1)].url, err)
	}
	return n, nil
}

func (w *writer) apply(tx *sql.Tx, j *job, base int64) error {
	c := w.c
	var err error
	switch j.kind {
	case jobArchive:
		err = c.applyArchived(tx, j, &w.buf, base)
	case jobState:
		_, err = tx.Exec(`UPDATE urls SET state=?, error=?, fetched_gen=? WHERE url=?`, j.state, j.detail, c.gen, j.url)
	case jobFailed:
		_, err = tx.Exec(`UPDATE urls SET state=?, error=?, attempts=attempts+?, fetched_gen=? WHERE url=?`,
			j.state, j.detail, j.attempts, c.gen, j.url)
	case jobFault:
		err = insertFault(tx, c.gen, j.url, j.host, j.fault, j.detail, j.at)
	}
	return err
}

// insertFault records a fault.
func insertFault(tx *sql.Tx, gen int, url, host, kind, detail string, at time.Time) error {
	_, err := tx.Exec(`INSERT INTO faults(gen, url, host, kind, detail, at) VALUES(?,?,?,?,?,?)`,
		gen, url, host, kind, detail, at.UTC().Format(timeFormat))
	if err != nil {
		return fmt.Errorf("frontier: record fault: %w", err)
	}
	return nil
}

// testHookWritten, when set (by tests), is called after a batch's records
// are written and before the batch is committed.
var testHookWritten func()
