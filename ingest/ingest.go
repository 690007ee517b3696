// Package ingest is the extract pipeline: it reads archives, folders and files
// (package archive), extracts every page on all cores (package extract) and
// stores the results in the database (package schema), incrementally.
//
// The model: one walker goroutine streams the inputs and numbers every event
// (a page, a skipped record, a problem, a finished file); a pool of workers
// hashes each page, asks the store whether that content was already extracted
// by this extractor version, and extracts it only if not; one writer goroutine
// takes the results back in input order and writes them in batched
// transactions. Because results are written in input order, a run numbers its
// documents the same way however its work was scheduled, and a run interrupted
// at any point (even by SIGKILL) and then run again ends with the same
// database as an uninterrupted one: every committed batch is whole, and the
// next run skips what is already stored.
//
// A page is keyed by its URL (or, for a loose file, its cleaned path). It is
// extracted again when its content's sha256 or the extractor version differs
// from the stored one, replacing its rows in one transaction; an older copy of
// a URL (earlier WARC-Date than the stored one) never replaces a newer. A run
// that finds nothing new writes nothing at all, not even a runs row.
package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/govfig/govfig/archive"
	"github.com/govfig/govfig/schema"
)

// ReadFunc reads one input into a document with its figures: extract.Read,
// which the command wires in (ingest does not import extract, so it builds and
// tests on its own).
type ReadFunc func(name string, body []byte, contentType string) (*schema.Document, error)

// Options tune a run. Read and ExtractorVersion are required.
type Options struct {
	Workers          int           // extracting goroutines; 0 = number of CPUs
	ExtractorVersion string        // stored with each document (extract.Version)
	Read             ReadFunc      // the extractor (extract.Read)
	ReadList         ReadFunc      // reads a page the crawler fetched as a list (extract.ReadList); nil = Read
	Version          string        // govfig version recorded in runs
	Command          string        // recorded in runs; "" = "extract"
	BatchSize        int           // documents per transaction; 0 = 200
	FlushEvery       time.Duration // longest a transaction stays open; 0 = 2s
	MaxBody          int64         // largest page read; 0 = archive.DefaultMaxBody
	InflightBytes    int64         // input bytes of the pages in flight at most; 0 = DefaultInflightBytes
	MaxProblems      int           // problems kept in Stats.ProblemList; 0 = 100
	Progress         func(Stats)   // called by the writer after every event
	// Warm, when set, is started once in the background just before the
	// first input is read (extract.Warm: the dictionary loads while the
	// first page is parsed); an unchanged re-run never calls it.
	Warm func()
	// Mapper, when set, maps every figure onto the indicator catalogue in
	// the workers (schema.Figure.Mapped); the caller stores the same
	// catalogue first (Store.Remap), so that the figures of the run need no
	// remap after it. Nil leaves them unmapped (indicator NULL).
	Mapper schema.Mapper
	Now    func() time.Time
}

// Stats counts what a run did.
type Stats struct {
	Pages       int // pages read
	New         int // documents stored for the first time
	Changed     int // documents extracted again (new content or new extractor)
	Unchanged   int // documents already stored with this content and extractor
	Skipped     int // records passed over (not a page, not HTTP 200, an older copy…)
	Figures     int // figures written
	Mapped      int // figures written with an indicator (Options.Mapper)
	Problems    int // inputs that could not be read, extracted or stored
	ProblemList []schema.Problem
	Elapsed     time.Duration
	// Reindexed: the secondary indexes of figures were dropped during the
	// run and built once at its end (a bulk load; see upkeepShare).
	Reindexed bool
}

// event kinds
const (
	evPage = iota
	evSkip
	evProblem
	evDone
)

type job struct {
	seq    int
	item   archive.Item
	weight int64 // its place in flight (see flight)
}

// result is one numbered event on its way to the writer.
type result struct {
	seq     int
	weight  int64 // its place in flight, given back by the writer (see flight)
	kind    int
	item    archive.Item // Body dropped; Source, URL, Offset, Date kept
	sha     string
	doc     *schema.Document // nil: unchanged or superseded (see same)
	same    bool             // stored with this content and extractor already
	older   bool             // an older copy of a stored URL
	problem schema.Problem
	source  string // evDone
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Command == "" {
		o.Command = "extract"
	}
	if o.BatchSize <= 0 {
		o.BatchSize = 200
	}
	if o.InflightBytes <= 0 {
		o.InflightBytes = DefaultInflightBytes
	}
	if o.FlushEvery <= 0 {
		o.FlushEvery = 2 * time.Second
	}
	if o.MaxProblems <= 0 {
		o.MaxProblems = 100
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return o
}

// Run extracts everything under paths into st and returns what it did. Inputs
// that fail are counted in Stats.Problems, recorded in the problems table and
// do not stop the run; an error is returned only when the run itself failed
// (the database, or ctx cancelled — then what was done so far is kept).
// Into a database without figures, the indexes of figures are dropped for the
// run and built once at its end (schema.Store.DeferIndexes); into one with
// figures, once the run has written enough rows (see upkeepShare).
func Run(ctx context.Context, st *schema.Store, paths []string, opt Options) (_ Stats, runErr error) {
	if opt.Read == nil || opt.ExtractorVersion == "" {
		return Stats{}, errors.New("ingest: Options.Read and Options.ExtractorVersion are required")
	}
	opt = opt.withDefaults()
	if warm := opt.Warm; warm != nil {
		var once sync.Once
		opt.Warm = func() { once.Do(func() { go warm() }) }
	}
	start := opt.Now()
	known, err := st.Problems(ctx)
	if err != nil {
		return Stats{}, err
	}
	// Into a database without figures (a bulk load), the indexes of figures
	// are built once at the end; an interrupted run leaves that to the next
	// Open.
	deferred, err := st.DeferIndexes(ctx)
	if err != nil {
		return Stats{}, err
	}
	// Into a database without documents, no page can be stored already: the
	// workers skip their look-up (a URL twice in one run is still caught by
	// the writer's, inside its batch).
	had, err := st.HasDocuments(ctx)
	if err != nil {
		return Stats{}, err
	}
	var w *writer
	outer := ctx // ctx is replaced by a cancellable one below
	defer func() {
		if w == nil || !w.deferred || outer.Err() != nil || runErr != nil {
			return
		}
		if err := st.BuildIndexes(outer); err != nil {
			runErr = err
		}
	}()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)

	inflight := opt.Workers * 8
	fl := newFlight(inflight, opt.InflightBytes)
	jobs := make(chan job, opt.Workers)
	results := make(chan result, inflight)

	// Walker: numbers every event in input order.
	walkDone := make(chan error, 1)
	go func() {
		defer close(jobs)
		seq := 0
		send := func(r result) {
			if _, ok := fl.acquire(ctx, 0); !ok {
				return
			}
			r.seq = seq
			seq++
			select {
			case results <- r:
			case <-ctx.Done():
			}
		}
		walkDone <- archive.Walk(ctx, paths, archive.Visitor{
			Item: func(it archive.Item) error {
				weight, ok := fl.acquire(ctx, len(it.Body))
				if !ok {
					return context.Cause(ctx)
				}
				j := job{seq: seq, item: it, weight: weight}
				seq++
				select {
				case jobs <- j:
					return nil
				case <-ctx.Done():
					return context.Cause(ctx)
				}
			},
			Skip: func(source, url, reason string) {
				send(result{kind: evSkip, item: archive.Item{Source: source, URL: url}})
			},
			Problem: func(p schema.Problem) { send(result{kind: evProblem, problem: p}) },
			Done:    func(source string) { send(result{kind: evDone, source: source}) },
		}, archive.Options{MaxBody: opt.MaxBody})
	}()

	// Workers: hash, look up, extract.
	workersDone := make(chan struct{})
	go func() {
		defer close(workersDone)
		done := make(chan struct{})
		for range opt.Workers {
			go func() {
				defer func() { done <- struct{}{} }()
				for j := range jobs {
					r := process(ctx, st, j, opt, had)
					r.weight = j.weight
					select {
					case results <- r:
					case <-ctx.Done():
					}
				}
			}()
		}
		for range opt.Workers {
			<-done
		}
	}()
	go func() {
		<-workersDone
		close(results)
	}()

	w = &writer{st: st, opt: opt, paths: paths, start: start, known: map[[2]string]schema.Problem{},
		ctx: context.WithoutCancel(ctx), deferred: deferred}
	for _, p := range known {
		w.known[[2]string{p.Path, p.URL}] = p
	}
	werr := w.loop(ctx, results, fl)
	if werr != nil {
		cancel(werr)
	}
	var walkErr error
	if ctx.Err() == nil {
		for r := range results { // let the walker and workers finish
			fl.release(r.weight)
		}
		walkErr = <-walkDone
	} else {
		// Interrupted (SIGTERM, Ctrl-C) or failed: what is complete is kept
		// below without waiting for a worker deep in one long page; it gives
		// up its result at its next look at ctx, or ends with the process.
		select {
		case walkErr = <-walkDone:
		case <-time.After(time.Second):
		}
	}
	w.stats.Elapsed = opt.Now().Sub(start)
	switch {
	case werr != nil:
		w.rollback()
		return w.stats, werr
	case ctx.Err() != nil || walkErr != nil:
		// Interrupted: keep what is complete, leave the run unfinished.
		if err := w.commit(); err != nil {
			return w.stats, err
		}
		if walkErr == nil {
			walkErr = context.Cause(ctx)
		}
		return w.stats, walkErr
	}
	w.stats.Reindexed = w.deferred
	return w.stats, w.finish()
}

// process is a worker's part for one page; lookup says whether the page may
// be stored already.
func process(ctx context.Context, st *schema.Store, j job, opt Options, lookup bool) (r result) {
	it := j.item
	sum := sha256.Sum256(it.Body)
	r = result{seq: j.seq, kind: evPage, sha: hex.EncodeToString(sum[:])}
	body := it.Body
	it.Body = nil
	r.item = it
	key := it.Key()
	var (
		stored schema.DocState
		ok     bool
		err    error
	)
	if lookup {
		stored, ok, err = st.Lookup(ctx, key)
	}
	if err != nil {
		r.kind, r.problem = evProblem, schema.Problem{Path: it.Source, URL: it.URL, Stage: "store", Message: err.Error()}
		return r
	}
	if ok && stored.SHA256 == r.sha && stored.ExtractorVersion == opt.ExtractorVersion {
		r.same = true
		return r
	}
	if ok && it.Date != "" && stored.FetchedAt != "" && it.Date < stored.FetchedAt {
		r.older = true
		return r
	}
	read := opt.Read
	if it.PageType == schema.PageList && opt.ReadList != nil {
		read = opt.ReadList // the user named it a list page: no article, no figures
	}
	if opt.Warm != nil {
		opt.Warm()
	}
	doc, err := safeRead(read, key, body, it.ContentType)
	if err == nil {
		err = schema.Validate(doc)
	}
	if err != nil {
		r.kind, r.problem = evProblem, schema.Problem{Path: it.Source, URL: it.URL, Stage: "extract", Message: err.Error()}
		return r
	}
	if doc.Parent == "" && doc.PageType == schema.PageAttachment {
		doc.Parent = it.Parent // the article the crawler found it on
	}
	if opt.Mapper != nil {
		// Mapped here, on all cores, rather than read back and updated
		// one by one after the run on one.
		for i := range doc.Figures {
			f := &doc.Figures[i]
			f.Indicator, f.IndicatorConfidence = opt.Mapper.MapFigure(f)
			f.Mapped = true
		}
	}
	r.doc = doc
	return r
}

// safeRead calls read, turning a panic into an error so one bad page cannot
// stop a run.
func safeRead(read ReadFunc, name string, body []byte, contentType string) (doc *schema.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("extract %s: panic: %v", name, p)
		}
	}()
	doc, err = read(name, body, contentType)
	if err == nil && doc == nil {
		err = fmt.Errorf("extract %s: no document", name)
	}
	return doc, err
}

// writer applies results in input order, in batched transactions.
type writer struct {
	st     *schema.Store
	opt    Options
	paths  []string
	start  time.Time
	ctx    context.Context // not cancelled: a batch in hand is committed on interrupt
	known  map[[2]string]schema.Problem
	stats  Stats
	batch  *schema.Batch
	opened time.Time
	n      int   // documents in batch
	runID  int64 // 0 until something is written
	// deferred: the secondary indexes of figures are dropped, and Run
	// builds them at its end. upkept counts the figure rows written or
	// deleted while they were in place; table is the number of figure rows
	// stored when first counted (0 until then).
	deferred bool
	upkept   int
	table    int64
}

// Index upkeep. Each figure row written or deleted adds or takes an entry in
// the four secondary indexes of figures, at a random place in B-trees as
// large as the table; building them again is one sorted pass over the table.
// Measured on the synthetic archives, re-extracting every page with a new
// extractor version cost 40 µs (1,000 pages) to 63 µs (10,000) of CPU a
// figure replaced (a row deleted and one written) with the indexes kept up,
// and dropping and building them 7 µs a figure stored. So a run into a
// database that holds figures keeps the indexes until the rows it has written
// or deleted reach a quarter of the table, then drops them and builds them
// at its end, as a load into an empty database does from the start: having
// paid about one rebuild's worth of upkeep, it pays one rebuild more at most
// (the rent-or-buy rule), and a small run into a large database never drops
// them. The table is counted once, when the run has written upkeepMin rows.
const upkeepShare = 4

// upkeepMin is a variable for the tests.
var upkeepMin = 8192

// upkeep adds the figure rows of a committed batch and drops the indexes
// when they reach their share of the table.
func (w *writer) upkeep(rows int) error {
	if w.deferred {
		return nil
	}
	w.upkept += rows
	if w.upkept < upkeepMin {
		return nil
	}
	if w.table == 0 {
		n, err := w.st.FigureCount(w.ctx)
		if err != nil {
			return err
		}
		w.table = max(n, 1)
	}
	if int64(w.upkept)*upkeepShare < w.table {
		return nil
	}
	if err := w.st.DropIndexes(w.ctx); err != nil {
		return err
	}
	w.deferred = true
	return nil
}

func (w *writer) loop(ctx context.Context, results <-chan result, fl *flight) error {
	pending := map[int]result{}
	next := 0
	tick := time.NewTicker(w.opt.FlushEvery / 2)
	defer tick.Stop()
	for {
		select {
		case r, ok := <-results:
			if !ok {
				return nil
			}
			pending[r.seq] = r
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				if ctx.Err() != nil {
					return nil // interrupted: results may be artefacts of the cancellation
				}
				if err := w.apply(r); err != nil {
					return err
				}
				// Given back once stored: the next large page is not read
				// while this one is still being written.
				fl.release(r.weight)
				if w.opt.Progress != nil {
					w.opt.Progress(w.stats)
				}
			}
			if w.batch != nil && (w.n >= w.opt.BatchSize || time.Since(w.opened) >= w.opt.FlushEvery) {
				if err := w.flush(); err != nil {
					return err
				}
			}
		case <-tick.C:
			if w.batch != nil && time.Since(w.opened) >= w.opt.FlushEvery {
				if err := w.flush(); err != nil {
					return err
				}
			}
		case <-ctx.Done():
			return nil
		}
	}
}

// begin opens a batch (and the run's row with the first one) if none is open.
func (w *writer) begin() error {
	if w.batch != nil {
		return nil
	}
	b, err := w.st.Begin(w.ctx)
	if err != nil {
		return err
	}
	w.batch, w.opened, w.n = b, time.Now(), 0
	if w.runID == 0 {
		w.runID, err = b.StartRun(schema.RunRecord{Command: w.opt.Command, Version: w.opt.Version,
			ExtractorVersion: w.opt.ExtractorVersion, Inputs: w.paths, Started: w.start})
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *writer) commit() error {
	if w.batch == nil {
		return nil
	}
	err := w.batch.Commit()
	w.batch = nil
	return err
}

// flush commits the batch in the middle of a run, then sees to the indexes.
func (w *writer) flush() error {
	if w.batch == nil {
		return nil
	}
	rows := w.batch.FigureRows()
	if err := w.commit(); err != nil {
		return err
	}
	return w.upkeep(rows)
}

func (w *writer) rollback() {
	if w.batch != nil {
		w.batch.Rollback()
		w.batch = nil
	}
}

// clear removes the recorded problem of an input that now reads cleanly.
func (w *writer) clear(path, url string) error {
	k := [2]string{path, url}
	if _, ok := w.known[k]; !ok {
		return nil
	}
	if err := w.begin(); err != nil {
		return err
	}
	delete(w.known, k)
	return w.batch.ClearProblem(path, url)
}

// noBodyProblem starts the message of a page stored without an article
// body; extract/page words its Document.Problem the same way.
const noBodyProblem = "no article body"

// tooManyFigures starts the problem of a document stored with only the
// first figures of a sentence or page that held too many
// (extract.TooManyFigures, extract.TooManyFiguresInPage).
const tooManyFigures = "too many figures in one"

// noBody reports a document stored without a body (an article page whose
// body could not be found, or was the site's chrome): it is stored, and
// also a problem, so that extract and run count it.
func noBody(doc *schema.Document) (string, bool) {
	if doc.PageType == schema.PageList || strings.TrimSpace(doc.Text) != "" {
		return "", false
	}
	if doc.PageType == schema.PageAttachment && doc.Problem != "" {
		return doc.Problem, true // scanned: no text layer, needs LibreOffice…
	}
	if strings.Contains(doc.Problem, noBodyProblem) {
		return doc.Problem, true
	}
	return join(doc.Problem, noBodyProblem+": the body is empty"), true
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// clearOrRecount is clear for an unchanged input, but an unchanged
// document stored without a body, or with its figures capped, stays a
// problem and is counted again.
func (w *writer) clearOrRecount(path, url string) error {
	if p, ok := w.known[[2]string{path, url}]; ok && p.Stage == "extract" && (strings.Contains(p.Message, noBodyProblem) || strings.Contains(p.Message, tooManyFigures)) {
		return w.problem(p)
	}
	return w.clear(path, url)
}

func (w *writer) problem(p schema.Problem) error {
	w.stats.Problems++
	if len(w.stats.ProblemList) < w.opt.MaxProblems {
		w.stats.ProblemList = append(w.stats.ProblemList, p)
	}
	k := [2]string{p.Path, p.URL}
	if old, ok := w.known[k]; ok && old == p {
		return nil // already recorded as it is
	}
	if err := w.begin(); err != nil {
		return err
	}
	w.known[k] = p
	return w.batch.SetProblem(w.runID, p)
}

func (w *writer) apply(r result) error {
	switch r.kind {
	case evSkip:
		w.stats.Skipped++
		return nil
	case evProblem:
		return w.problem(r.problem)
	case evDone:
		return w.clear(r.source, "")
	}
	w.stats.Pages++
	it := r.item
	switch {
	case r.same:
		w.stats.Unchanged++
		return w.clearOrRecount(it.Source, it.URL)
	case r.older:
		w.stats.Skipped++
		return w.clear(it.Source, it.URL)
	}
	if err := w.begin(); err != nil {
		return err
	}
	// The same URL may occur twice in one run: look again, inside the batch.
	key := it.Key()
	stored, ok, err := w.batch.Lookup(key)
	if err != nil {
		return err
	}
	switch {
	case ok && stored.SHA256 == r.sha && stored.ExtractorVersion == w.opt.ExtractorVersion:
		w.stats.Unchanged++
		return w.clearOrRecount(it.Source, it.URL)
	case ok && it.Date != "" && stored.FetchedAt != "" && it.Date < stored.FetchedAt:
		w.stats.Skipped++
		return w.clear(it.Source, it.URL)
	}
	_, created, err := w.batch.Put(r.doc, key, schema.DocMeta{Source: it.Source, Offset: it.Offset, FetchedAt: it.Date,
		SHA256: r.sha, ExtractorVersion: w.opt.ExtractorVersion})
	if errors.Is(err, schema.ErrInvalid) { // refused before anything was written
		return w.problem(schema.Problem{Path: it.Source, URL: it.URL, Stage: "store", Message: err.Error()})
	}
	if err != nil {
		return err
	}
	w.n++
	if created {
		w.stats.New++
	} else {
		w.stats.Changed++
	}
	w.stats.Figures += len(r.doc.Figures)
	for _, f := range r.doc.Figures {
		if f.Indicator != "" {
			w.stats.Mapped++
		}
	}
	if msg, ok := noBody(r.doc); ok {
		return w.problem(schema.Problem{Path: it.Source, URL: it.URL, Stage: "extract", Message: msg})
	}
	if strings.Contains(r.doc.Problem, tooManyFigures) {
		return w.problem(schema.Problem{Path: it.Source, URL: it.URL, Stage: "extract", Message: r.doc.Problem})
	}
	return w.clear(it.Source, it.URL)
}

// finish records the run's end and counts in its last transaction. A run
// that wrote nothing leaves no row.
func (w *writer) finish() error {
	if w.runID == 0 {
		return nil
	}
	if err := w.begin(); err != nil {
		return err
	}
	s := w.stats
	if err := w.batch.FinishRun(w.runID, w.opt.Now(), schema.RunCounts{New: s.New, Changed: s.Changed,
		Same: s.Unchanged, Skipped: s.Skipped, Figures: s.Figures, Problems: s.Problems}); err != nil {
		w.rollback()
		return err
	}
	return w.commit()
}
