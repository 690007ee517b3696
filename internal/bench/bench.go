// Package bench measures govfig's stages against their own baselines, side by
// side in one process, and prints one table (cmd/govfig-bench, scripts/bench.sh).
//
// Each stage is measured together with a baseline that does the same work with
// the bare library underneath, and the two alternate within every run
// (stage, baseline, next stage…, then the next run), so a busy shared machine
// slows both alike and the ratio stays meaningful even when the absolute
// numbers move. The table shows each stage's median, minimum and maximum over
// the runs and the median ratio (with its range) of stage over baseline:
//
//   - extract N: `govfig extract` end to end (WARC → page.Read → figures →
//     SQLite) into a fresh database, against page.Read alone over the same
//     pages with the same number of goroutines; the dictionary is loaded first.
//   - re-extract N: the same archive extracted again into that database under
//     a new extractor version (every page replaced: what a user upgrading
//     govfig does), against the extract into a fresh database of the same run.
//   - writer: schema's writer (Batch.Put: documents, sections, tables,
//     figures, search index) against a bare prepared-statement loop inserting
//     the same document and figure rows into index-free tables, same batches;
//     and against a bare loop writing every row the writer writes (sections,
//     tables and search entries too).
//   - text→figures: the figure rules against gse Cut over the same texts
//     (one goroutine): the synthetic pages' texts, and the seed report.
//   - export: workbook.Write of the 1k-page database against a bare excelize
//     StreamWriter writing as many cells (documents × 10, figures × 27).
//   - crawl: crawl.Run over loopback (50 hosts, zero delay) against plain GETs
//     of the same URLs with the same parallelism.
//
// Under the table, the first extract stage's CPU a page is split into its
// parts measured alone in the same runs (Parts).
package bench

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"syscall"
	"text/tabwriter"
	"time"

	"github.com/govfig/govfig/archive"
	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/figures"
	"github.com/govfig/govfig/extract/page"
	"github.com/govfig/govfig/extract/textdoc"
	"github.com/govfig/govfig/fixtures"
	"github.com/govfig/govfig/indicator"
	"github.com/govfig/govfig/ingest"
	"github.com/govfig/govfig/internal/synth"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// Options say what to measure.
type Options struct {
	Pages     []int  // page counts for the extract stage (e.g. 1000, 10000)
	Runs      int    // interleaved runs per stage; 0 = 3
	Dir       string // work folder (archives, databases); a temporary one when ""
	Texts     int    // documents for text→figures; 0 = 200
	Crawl     bool   // measure the crawler
	Export    bool   // measure the export
	Reextract bool   // measure extracting each archive again, new extractor version
	Workers   int    // extract goroutines; 0 = number of CPUs
	Progress  io.Writer
}

// Stage is one measured line of the table.
type Stage struct {
	Name, Unit   string
	Base         string    // the baseline's name
	Values       []float64 // per run, in Unit (higher is better)
	BaseValues   []float64
	Note         string
	PerPageMilli []float64 // extract stages: wall milliseconds per page
	// CPUValues and CPUBase are the same work per CPU second of the whole
	// process (user + system), less sensitive to other load on the machine
	// (for the crawl, the loopback server's share is in both); empty for
	// stages measured in one call.
	CPUValues, CPUBase []float64
	CPUPerPageMilli    []float64
}

// Result is a whole measurement.
type Result struct {
	Cores   int
	CPU     string
	Go      string
	Runs    int
	Workers int
	Stages  []*Stage
	Parts   *Parts
}

// Parts splits the CPU a page of the first extract stage into what its
// parts cost alone in the same run, in milliseconds a page: page.Read (the
// extract stage's baseline), the figure rules (the text → figures stage),
// the writer (the writer stage) and reading the archive (archive.Walk); the
// rest is mapping figures to indicators, looking each page up in the
// database and handing pages between goroutines.
type Parts struct {
	Extract                             string
	Total, Read, Rules, Writer, Archive []float64
}

func (p *Parts) add(total, read, rules, writer float64) {
	p.Total = append(p.Total, total)
	p.Read = append(p.Read, read)
	p.Rules = append(p.Rules, rules)
	p.Writer = append(p.Writer, writer)
}

func (o Options) withDefaults() Options {
	if o.Runs <= 0 {
		o.Runs = 3
	}
	if o.Texts <= 0 {
		o.Texts = 200
	}
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if len(o.Pages) == 0 {
		o.Pages = []int{1000, 10000}
	}
	if o.Progress == nil {
		o.Progress = io.Discard
	}
	return o
}

// Run measures every stage and returns the result (print it with Print).
func Run(ctx context.Context, opt Options) (*Result, error) {
	opt = opt.withDefaults()
	dir := opt.Dir
	if dir == "" {
		d, err := os.MkdirTemp("", "govfig-bench-")
		if err != nil {
			return nil, err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	res := &Result{Cores: runtime.NumCPU(), CPU: cpuModel(), Go: runtime.Version(), Runs: opt.Runs, Workers: opt.Workers}
	logf := func(format string, a ...any) { fmt.Fprintf(opt.Progress, format+"\n", a...) }

	logf("loading the dictionary")
	extract.Warm()
	indicator.Default()

	type extractSet struct {
		n     int
		arch  string
		gen   *synth.Generator
		stage *Stage
		re    *Stage // nil unless opt.Reextract
	}
	var sets []*extractSet
	for _, n := range opt.Pages {
		g, err := synth.New(synth.Options{Pages: n, Seed: 1, HTML: true})
		if err != nil {
			return nil, err
		}
		arch := filepath.Join(dir, fmt.Sprintf("archive-%d", n))
		if _, err := os.Stat(arch); err != nil {
			logf("writing %d synthetic pages", n)
			if _, err := g.WriteWARC(arch); err != nil {
				return nil, err
			}
		}
		s := &Stage{Name: fmt.Sprintf("extract %d pages → SQLite", n), Unit: "pages/s", Base: "page.Read alone, same pages"}
		sets = append(sets, &extractSet{n: n, arch: arch, gen: g, stage: s})
		res.Stages = append(res.Stages, s)
	}
	if opt.Reextract {
		for _, set := range sets {
			set.re = &Stage{Name: fmt.Sprintf("re-extract %d pages, new extractor", set.n), Unit: "pages/s",
				Base: "extract into a fresh database"}
			res.Stages = append(res.Stages, set.re)
		}
	}

	// Documents for the writer and text→figures stages: the first set's pages.
	var docs []*schema.Document
	{
		src := pagesOf(sets[0].gen, sets[0].n)
		for i := range src {
			d, err := extract.Read(src[i].URL, src[i].Body, src[i].ContentType)
			if err != nil {
				return nil, fmt.Errorf("bench: read %s: %w", src[i].URL, err)
			}
			docs = append(docs, d)
		}
	}
	writer := &Stage{Name: fmt.Sprintf("SQLite writer (%d documents)", len(docs)), Unit: "figures/s", Base: "bare prepared INSERT loop, same rows"}
	writerAll := &Stage{Name: writer.Name, Unit: "figures/s", Base: "bare INSERT loop, every row it writes"}
	text := &Stage{Name: fmt.Sprintf("text → figures (%d texts)", min(opt.Texts, len(docs))), Unit: "MB/s", Base: "gse Cut, same texts"}
	seed, err := seedDoc()
	if err != nil {
		return nil, err
	}
	seedText := &Stage{Name: "text → figures (the seed report)", Unit: "MB/s", Base: "gse Cut, same text"}
	res.Stages = append(res.Stages, writer, writerAll, text, seedText)
	texts := docs[:min(opt.Texts, len(docs))]
	textMB := 0.0
	for _, d := range texts {
		textMB += float64(len(d.Text)) / (1 << 20)
	}
	res.Parts = &Parts{Extract: sets[0].stage.Name}
	var export, crawlSt *Stage
	if opt.Export {
		export = &Stage{Name: "export " + fmt.Sprint(sets[0].n) + "-page database", Unit: "figures/s", Base: "bare excelize StreamWriter, same cells"}
		res.Stages = append(res.Stages, export)
	}
	var site *crawlSite
	if opt.Crawl {
		var err error
		if site, err = startCrawlSite(); err != nil {
			return nil, err
		}
		defer site.close()
		crawlSt = &Stage{Name: "crawl 50 hosts, zero delay", Unit: "pages/s", Base: "plain GETs, same URLs and parallelism"}
		res.Stages = append(res.Stages, crawlSt)
	}

	for run := 0; run < opt.Runs; run++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		for _, s := range sets {
			logf("run %d: extract %d pages", run+1, s.n)
			db := filepath.Join(dir, fmt.Sprintf("extract-%d-%d.db", s.n, run))
			settle()
			c0 := cpuTime()
			rate, err := extractRun(ctx, s.arch, db, opt.Workers, s.n)
			if err != nil {
				return nil, err
			}
			c1 := cpuTime()
			if s.re != nil {
				logf("run %d: re-extract %d pages", run+1, s.n)
				settle()
				e0 := cpuTime()
				re, err := reextractRun(ctx, s.arch, db, opt.Workers, s.n)
				if err != nil {
					return nil, err
				}
				e1 := cpuTime()
				s.re.Values = append(s.re.Values, re)
				s.re.BaseValues = append(s.re.BaseValues, rate)
				s.re.CPUValues = append(s.re.CPUValues, float64(s.n)/(e1-e0))
				s.re.CPUBase = append(s.re.CPUBase, float64(s.n)/(c1-c0))
				s.re.CPUPerPageMilli = append(s.re.CPUPerPageMilli, 1000*(e1-e0)/float64(s.n))
				s.re.PerPageMilli = append(s.re.PerPageMilli, 1000/re)
			}
			if run > 0 || !opt.Export || s != sets[0] {
				removeDB(db)
			}
			logf("run %d: page.Read %d pages", run+1, s.n)
			pages := pagesOf(s.gen, s.n) // made for this run only: see settle
			settle()
			r0 := cpuTime()
			base, err := readRun(pages, opt.Workers)
			if err != nil {
				return nil, err
			}
			c2 := cpuTime()
			if s == sets[0] {
				settle()
				w0 := cpuTime()
				if err := walkRun(ctx, s.arch, s.n); err != nil {
					return nil, err
				}
				res.Parts.Archive = append(res.Parts.Archive, 1000*(cpuTime()-w0)/float64(s.n))
			}
			s.stage.CPUValues = append(s.stage.CPUValues, float64(s.n)/(c1-c0))
			s.stage.CPUBase = append(s.stage.CPUBase, float64(s.n)/(c2-r0))
			s.stage.CPUPerPageMilli = append(s.stage.CPUPerPageMilli, 1000*(c1-c0)/float64(s.n))
			s.stage.Values = append(s.stage.Values, rate)
			s.stage.BaseValues = append(s.stage.BaseValues, base)
			s.stage.PerPageMilli = append(s.stage.PerPageMilli, 1000/rate)
		}

		logf("run %d: writer", run+1)
		settle()
		c0 := cpuTime()
		w, err := writerRun(ctx, docs, filepath.Join(dir, fmt.Sprintf("writer-%d.db", run)))
		if err != nil {
			return nil, err
		}
		c1 := cpuTime()
		settle()
		b0 := cpuTime()
		b, err := bareRun(docs, filepath.Join(dir, fmt.Sprintf("bare-%d.db", run)))
		if err != nil {
			return nil, err
		}
		c2 := cpuTime()
		settle()
		a0 := cpuTime()
		ball, err := bareAllRun(docs, filepath.Join(dir, fmt.Sprintf("bare-all-%d.db", run)))
		if err != nil {
			return nil, err
		}
		c3 := cpuTime()
		nf := float64(countFigures(docs))
		writer.CPUValues = append(writer.CPUValues, nf/(c1-c0))
		writer.CPUBase = append(writer.CPUBase, nf/(c2-b0))
		writer.Values = append(writer.Values, w)
		writer.BaseValues = append(writer.BaseValues, b)
		writerAll.CPUValues = append(writerAll.CPUValues, nf/(c1-c0))
		writerAll.CPUBase = append(writerAll.CPUBase, nf/(c3-a0))
		writerAll.Values = append(writerAll.Values, w)
		writerAll.BaseValues = append(writerAll.BaseValues, ball)

		logf("run %d: text → figures", run+1)
		f, c, fc, cc := textRun(texts)
		text.CPUValues = append(text.CPUValues, fc)
		text.CPUBase = append(text.CPUBase, cc)
		text.Values = append(text.Values, f)
		text.BaseValues = append(text.BaseValues, c)
		first := sets[0].stage
		res.Parts.add(first.CPUPerPageMilli[run], 1000/first.CPUBase[run], 1000*textMB/fc/float64(len(texts)), 1000*(c1-c0)/float64(len(docs)))
		// The seed is short (6,139 characters): read seedRepeat times over.
		rep := make([]*schema.Document, seedRepeat)
		for i := range rep {
			rep[i] = seed
		}
		f, c, fc, cc = textRun(rep)
		seedText.CPUValues = append(seedText.CPUValues, fc)
		seedText.CPUBase = append(seedText.CPUBase, cc)
		seedText.Values = append(seedText.Values, f)
		seedText.BaseValues = append(seedText.BaseValues, c)

		if export != nil {
			logf("run %d: export", run+1)
			settle()
			db := filepath.Join(dir, fmt.Sprintf("extract-%d-0.db", sets[0].n))
			e, b, err := exportRun(ctx, db, dir)
			if err != nil {
				return nil, err
			}
			export.Values = append(export.Values, e)
			export.BaseValues = append(export.BaseValues, b)
		}
		if crawlSt != nil {
			logf("run %d: crawl", run+1)
			settle()
			c, err := site.run(ctx, dir)
			if err != nil {
				return nil, err
			}
			crawlSt.Values = append(crawlSt.Values, c.crawled)
			crawlSt.BaseValues = append(crawlSt.BaseValues, c.bare)
			crawlSt.CPUValues = append(crawlSt.CPUValues, c.crawledCPU)
			crawlSt.CPUBase = append(crawlSt.CPUBase, c.bareCPU)
			crawlSt.CPUPerPageMilli = append(crawlSt.CPUPerPageMilli, 1000/c.crawledCPU)
		}
	}
	if opt.Export {
		removeDB(filepath.Join(dir, fmt.Sprintf("extract-%d-0.db", sets[0].n)))
	}
	return res, nil
}

func removeDB(path string) {
	for _, s := range []string{"", "-wal", "-shm"} {
		os.Remove(path + s)
	}
}

// extractRun is `govfig extract` into a fresh database (ingest.Run, then
// the indicator mapping): pages/s of wall time, opening the database
// excluded.
func extractRun(ctx context.Context, arch, db string, workers, want int) (float64, error) {
	removeDB(db)
	return extractInto(ctx, arch, db, workers, want, extract.Version)
}

// reextractRun is `govfig extract` of the same archive again into the
// database extractRun made, by a newer extractor: every page is extracted
// again and replaces its rows. Pages/s of wall time.
func reextractRun(ctx context.Context, arch, db string, workers, want int) (float64, error) {
	return extractInto(ctx, arch, db, workers, want, extract.Version+"+bench")
}

// extractInto extracts arch into db under the extractor version given, and
// checks that it stored want documents, new (into a fresh database) or
// changed (into one that held them under another version).
func extractInto(ctx context.Context, arch, db string, workers, want int, version string) (float64, error) {
	st, err := schema.Open(db)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	start := time.Now()
	// As `govfig extract` does: the catalogue stored first, each figure
	// mapped in the workers, a remap after for any figure left unmapped.
	cat := indicator.Default()
	if _, err := st.Remap(ctx, cat, false); err != nil {
		return 0, fmt.Errorf("bench: extract: %w", err)
	}
	stats, err := ingest.Run(ctx, st, []string{arch}, ingest.Options{Read: extract.Read, ReadList: extract.ReadList,
		ExtractorVersion: version, Workers: workers, Version: "bench", Mapper: cat})
	if err != nil {
		return 0, fmt.Errorf("bench: extract: %w", err)
	}
	if stats.New+stats.Changed != want {
		return 0, fmt.Errorf("bench: extract stored %d new and %d changed documents of %d (%d problems)", stats.New, stats.Changed, want, stats.Problems)
	}
	if _, err := st.Remap(ctx, cat, false); err != nil {
		return 0, fmt.Errorf("bench: extract: %w", err)
	}
	return float64(want) / time.Since(start).Seconds(), nil
}

// settle collects the heap before a timed part, so that no part pays for
// the garbage of the one before it. The bench keeps its live heap small for
// the same reason: the synthetic pages that page.Read reads are made for
// each run and dropped after it, not held for the whole bench (with ten
// thousand pages held, every collection marked hundreds of megabytes, and
// one landing in a short part — the figure rules over 200 texts take a
// tenth of a second — weighed on that part alone).
func settle() { runtime.GC() }

// pagesOf makes the generator's first n pages.
func pagesOf(g *synth.Generator, n int) []synth.Page {
	pages := make([]synth.Page, n)
	for i := range pages {
		pages[i] = g.Page(i)
	}
	return pages
}

// walkRun reads every record of the archive (archive.Walk: gzip, WARC
// headers, HTTP payloads), as extract does before page.Read.
func walkRun(ctx context.Context, arch string, want int) error {
	n := 0
	err := archive.Walk(ctx, []string{arch}, archive.Visitor{Item: func(archive.Item) error { n++; return nil }}, archive.Options{})
	if err == nil && n < want {
		err = fmt.Errorf("bench: read %d records of %s, want %d", n, arch, want)
	}
	return err
}

// readRun is page.Read over the pages with workers goroutines: pages/s.
func readRun(pages []synth.Page, workers int) (float64, error) {
	var next int
	var mu sync.Mutex
	var first error
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				mu.Unlock()
				if i >= len(pages) {
					return
				}
				if _, err := page.Read(pages[i].Body, pages[i].URL, pages[i].ContentType); err != nil {
					mu.Lock()
					first = err
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return float64(len(pages)) / time.Since(start).Seconds(), first
}

const batchSize = 200 // ingest's default documents per transaction

func countFigures(docs []*schema.Document) int {
	n := 0
	for _, d := range docs {
		n += len(d.Figures)
	}
	return n
}

// writerRun stores docs through schema's writer in batches, as ingest.Run
// does into an empty database (indexes deferred and built at the end):
// figures/s.
func writerRun(ctx context.Context, docs []*schema.Document, db string) (float64, error) {
	removeDB(db)
	defer removeDB(db)
	st, err := schema.Open(db)
	if err != nil {
		return 0, err
	}
	defer st.Close()
	start := time.Now()
	deferred, err := st.DeferIndexes(ctx) // as ingest.Run does into an empty database
	if err != nil {
		return 0, err
	}
	var b *schema.Batch
	for i, d := range docs {
		if i%batchSize == 0 {
			if b != nil {
				if err := b.Commit(); err != nil {
					return 0, err
				}
			}
			if b, err = st.Begin(ctx); err != nil {
				return 0, err
			}
		}
		if _, _, err := b.Put(d, d.URL, schema.DocMeta{ExtractorVersion: "bench", SHA256: fmt.Sprint(i)}); err != nil {
			b.Rollback()
			return 0, err
		}
	}
	if err := b.Commit(); err != nil {
		return 0, err
	}
	if deferred {
		if err := st.BuildIndexes(ctx); err != nil {
			return 0, err
		}
	}
	return float64(countFigures(docs)) / time.Since(start).Seconds(), nil
}

// The bare loops' tables (no index but the row id) and statements.
const (
	bareTables = `CREATE TABLE documents (id INTEGER PRIMARY KEY, url TEXT, site TEXT, region TEXT, site_column TEXT,
		title TEXT, publisher TEXT, published_at TEXT, charset TEXT, page_type TEXT, content_sha256 TEXT, body TEXT, extractor_version TEXT);
		CREATE TABLE figures (id INTEGER PRIMARY KEY, document_id INTEGER, seq INTEGER, kind TEXT, value REAL, unit TEXT,
		normalized REAL, base_unit TEXT, qualifier TEXT, role TEXT, label TEXT, subject TEXT, year INTEGER, text TEXT,
		start INTEGER, "end" INTEGER, sentence_start INTEGER, sentence_end INTEGER, sentence_text TEXT, section_id INTEGER,
		section_text TEXT, cell_table INTEGER, cell_row INTEGER, cell_col INTEGER, direction TEXT)`
	bareInsertDocument = `INSERT INTO documents (url, site, region, site_column, title, publisher, published_at,
		charset, page_type, content_sha256, body, extractor_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	bareInsertFigure = `INSERT INTO figures (document_id, seq, kind, value, unit, normalized, base_unit, qualifier,
		role, label, subject, year, text, start, "end", sentence_start, sentence_end, sentence_text,
		section_id, section_text, cell_table, cell_row, cell_col, direction)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
)

// bareRun inserts the same document and figure rows with two prepared
// statements into tables without indexes: figures/s.
func bareRun(docs []*schema.Document, db string) (float64, error) { return bareLoop(docs, db, false) }

// bareAllRun inserts every row the writer writes — documents, sections,
// tables, figures and each document's search entry (its title's and text's
// terms, as schema.FTSText gives them, into an FTS4 table like the
// writer's) — with one prepared single-row statement each into tables
// without indexes, in the same batches: figures/s. The rows are made before
// the clock starts (table cells as JSON, search terms), so the difference
// from the writer is the writer's own work: its Go code, its statements'
// shapes, its indexes.
func bareAllRun(docs []*schema.Document, db string) (float64, error) { return bareLoop(docs, db, true) }

// bareLoop is bareRun, or bareAllRun when every is set.
func bareLoop(docs []*schema.Document, db string, every bool) (float64, error) {
	removeDB(db)
	defer removeDB(db)
	h, err := sql.Open("sqlite3", db+"?_journal_mode=WAL&_synchronous=NORMAL&_txlock=immediate")
	if err != nil {
		return 0, err
	}
	defer h.Close()
	h.SetMaxOpenConns(1)
	ddl := bareTables
	if every {
		ddl += `;
		CREATE TABLE sections (id INTEGER PRIMARY KEY, document_id INTEGER, seq INTEGER, path TEXT, title TEXT, level INTEGER,
			start INTEGER, "end" INTEGER);
		CREATE TABLE doc_tables (id INTEGER PRIMARY KEY, document_id INTEGER, seq INTEGER, caption TEXT, header_rows INTEGER,
			header_cols INTEGER, start INTEGER, "end" INTEGER, rows_json TEXT);
		CREATE VIRTUAL TABLE documents_fts USING fts4(title, body, tokenize=simple)`
	}
	if _, err := h.Exec(ddl); err != nil {
		return 0, err
	}
	type prepared struct{ title, body string }
	var terms []prepared
	var cells [][]string
	if every {
		terms, cells = make([]prepared, len(docs)), make([][]string, len(docs))
		for i, d := range docs {
			terms[i] = prepared{schema.FTSText(d.Title), schema.FTSText(d.Text)}
			for _, t := range d.Tables {
				j, err := json.Marshal(t.Rows)
				if err != nil {
					return 0, err
				}
				cells[i] = append(cells[i], string(j))
			}
		}
	}
	type statement struct {
		st **sql.Stmt
		q  string
	}
	var insDoc, insSec, insTab, insFig, insFTS *sql.Stmt
	statements := []statement{{&insDoc, bareInsertDocument}, {&insFig, bareInsertFigure}}
	if every {
		statements = append(statements,
			statement{&insSec, `INSERT INTO sections (document_id, seq, path, title, level, start, "end") VALUES (?, ?, ?, ?, ?, ?, ?)`},
			statement{&insTab, `INSERT INTO doc_tables (document_id, seq, caption, header_rows, header_cols, start, "end", rows_json)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)`},
			statement{&insFTS, `INSERT INTO documents_fts (docid, title, body) VALUES (?, ?, ?)`})
	}
	start := time.Now()
	var tx *sql.Tx
	for i, d := range docs {
		if i%batchSize == 0 {
			if tx != nil {
				if err := tx.Commit(); err != nil {
					return 0, err
				}
			}
			if tx, err = h.Begin(); err != nil {
				return 0, err
			}
			for _, p := range statements {
				if *p.st, err = tx.Prepare(p.q); err != nil {
					return 0, err
				}
			}
		}
		r, err := insDoc.Exec(d.URL, d.Site, d.Region, d.Column, d.Title, d.Publisher, d.Published, d.Charset, d.PageType,
			fmt.Sprint(i), d.Text, "bench")
		if err != nil {
			return 0, err
		}
		id, _ := r.LastInsertId()
		if every {
			for j, s := range d.Sections {
				if _, err := insSec.Exec(id, j, s.Path, s.Title, s.Level, s.Start, s.End); err != nil {
					return 0, err
				}
			}
			for j, t := range d.Tables {
				if _, err := insTab.Exec(id, j, t.Caption, t.HeaderRows, t.HeaderCols, t.Start, t.End, cells[i][j]); err != nil {
					return 0, err
				}
			}
		}
		for j := range d.Figures {
			f := &d.Figures[j]
			if _, err := insFig.Exec(id, j, string(f.Kind), f.Value, f.Unit, f.Normalized, f.BaseUnit, string(f.Qualifier),
				string(f.Role), f.Label, f.Subject, f.Year, f.Text, f.Start, f.End, f.Start, f.End, nil,
				nil, f.Section, nil, nil, nil, string(f.Direction)); err != nil {
				return 0, err
			}
		}
		if every {
			if _, err := insFTS.Exec(id, terms[i].title, terms[i].body); err != nil {
				return 0, err
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, err
	}
	return float64(countFigures(docs)) / time.Since(start).Seconds(), nil
}

// seedRepeat is how many times over the seed is read in one run.
const seedRepeat = 60

// seedName is the client's document the project was created from, in
// fixtures/docs: a real report, with one figure every 92 characters
// against one every 27 in the synthetic pages and the texts composed for
// the tests.
const seedName = "docs/jinghai-2023-selfreport.txt"

func seedDoc() (*schema.Document, error) {
	body, err := fixtures.Docs.ReadFile(seedName)
	if err != nil {
		return nil, err
	}
	d, err := textdoc.Read(seedName, body)
	if err != nil {
		return nil, fmt.Errorf("bench: %s: %w", seedName, err)
	}
	return d, nil
}

// textRun times the figure rules and gse Cut over the same texts: MB/s of
// text for both, by wall time and by CPU time.
func textRun(docs []*schema.Document) (figs, cut, figsCPU, cutCPU float64) {
	ex := figures.Default()
	seg := segment.Default()
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	mb := float64(size) / (1 << 20)
	settle() // each side starts from a collected heap (see settle)
	start, c0 := time.Now(), cpuTime()
	for _, d := range docs {
		c := *d
		c.Figures = nil
		ex.Run(&c)
	}
	figs, figsCPU = mb/time.Since(start).Seconds(), mb/(cpuTime()-c0)
	settle()
	start, c0 = time.Now(), cpuTime()
	for _, d := range docs {
		seg.Cut(d.Text)
	}
	cut, cutCPU = mb/time.Since(start).Seconds(), mb/(cpuTime()-c0)
	return figs, cut, figsCPU, cutCPU
}

// cpuTime is the process's user and system CPU seconds so far.
func cpuTime() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// cpuModel is the first "model name" of /proc/cpuinfo.
func cpuModel() string {
	f, err := os.Open("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if k, v, ok := strings.Cut(sc.Text(), ":"); ok && strings.TrimSpace(k) == "model name" {
			return strings.TrimSpace(v)
		}
	}
	return runtime.GOARCH
}

func median(xs []float64) float64 {
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

func minmax(xs []float64) (lo, hi float64) {
	for i, x := range xs {
		if i == 0 || x < lo {
			lo = x
		}
		if i == 0 || x > hi {
			hi = x
		}
	}
	return lo, hi
}

func ratios(s *Stage) []float64 {
	r := make([]float64, len(s.Values))
	for i := range s.Values {
		r[i] = s.Values[i] / s.BaseValues[i]
	}
	return r
}

func num(x float64) string {
	switch {
	case x >= 100:
		return fmt.Sprintf("%.0f", x)
	case x >= 10:
		return fmt.Sprintf("%.1f", x)
	default:
		return fmt.Sprintf("%.2f", x)
	}
}

// Print writes the table (Markdown, so the README can hold it as is).
func (r *Result) Print(w io.Writer) {
	fmt.Fprintf(w, "Machine: %d cores, %s, %s; %d interleaved runs, %d extract goroutines.\n\n", r.Cores, r.CPU, r.Go, r.Runs, r.Workers)
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', tabwriter.Debug)
	fmt.Fprintln(tw, "| stage\t unit\t median\t min\t max\t baseline (same run)\t baseline median\t ratio median\t ratio min–max\t ratio by CPU time\t")
	fmt.Fprintln(tw, "|---\t---\t---\t---\t---\t---\t---\t---\t---\t---\t")
	for _, s := range r.Stages {
		lo, hi := minmax(s.Values)
		rs := ratios(s)
		rlo, rhi := minmax(rs)
		cpu := "—"
		if len(s.CPUValues) > 0 {
			cr := make([]float64, len(s.CPUValues))
			for i := range cr {
				cr[i] = s.CPUValues[i] / s.CPUBase[i]
			}
			cpu = fmt.Sprintf("%.2f", median(cr))
		}
		fmt.Fprintf(tw, "| %s\t %s\t %s\t %s\t %s\t %s\t %s\t %.2f\t %.2f–%.2f\t %s\t\n", s.Name, s.Unit, num(median(s.Values)), num(lo), num(hi),
			s.Base, num(median(s.BaseValues)), median(rs), rlo, rhi, cpu)
	}
	tw.Flush()
	var ex []*Stage
	for _, s := range r.Stages {
		if s.PerPageMilli != nil {
			ex = append(ex, s)
		}
	}
	for _, s := range r.Stages {
		if s.PerPageMilli == nil && s.CPUPerPageMilli != nil {
			c := median(s.CPUPerPageMilli)
			fmt.Fprintf(w, "\n%s: %.2f ms of CPU a page (median; the process's user + system time, loopback server included): %d idle cores allow at most %.0f pages/s.\n",
				s.Name, c, r.Cores, float64(r.Cores)*1000/c)
		}
	}
	if p := r.Parts; p != nil && len(p.Total) > 0 {
		t, rd, ru, wr, ar := median(p.Total), median(p.Read), median(p.Rules), median(p.Writer), median(p.Archive)
		rest := t - rd - ru - wr - ar
		fmt.Fprintf(w, "\nWhere a page's CPU goes in %s (medians, ms of CPU a page, each part measured alone in the same runs): "+
			"%.2f = page.Read %.2f (%.0f%%) + figure rules %.2f (%.0f%%) + writer %.2f (%.0f%%) + reading the archive %.2f (%.0f%%) + the rest %.2f (%.0f%%: indicator mapping, look-ups, hand-offs).\n",
			p.Extract, t, rd, 100*rd/t, ru, 100*ru/t, wr, 100*wr/t, ar, 100*ar/t, rest, 100*rest/t)
	}
	if len(ex) > 0 {
		fmt.Fprintln(w)
		fmt.Fprintln(w, "Per-page cost of extract and re-extract (medians over runs; flat = no growth with the database):")
		first, firstCPU := median(ex[0].PerPageMilli), median(ex[0].CPUPerPageMilli)
		for _, s := range ex {
			m, c := median(s.PerPageMilli), median(s.CPUPerPageMilli)
			fmt.Fprintf(w, "- %s: %.2f ms/page wall (%.2f× the first), %.2f ms/page CPU (%.2f× the first)\n", s.Name, m, m/first, c, c/firstCPU)
		}
	}
}
