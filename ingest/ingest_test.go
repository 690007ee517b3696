package ingest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/govfig/govfig/schema"
)

// TestSecondRunChangesNothing extracts the fixtures (text documents and the
// wget archive) twice into one database: the second run finds everything
// unchanged and leaves every table as it was — runs included, since a run
// that changes nothing writes no row. (cmd/govfig repeats this with the real
// extractor.)
func TestSecondRunChangesNothing(t *testing.T) {
	docs := writeFixtureDocs(t)
	inputs := []string{docs, "../archive/testdata/wget.warc.gz"}
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	opt := Options{Version: "test", Read: testRead, ExtractorVersion: "t1"}
	first := run(t, s, opt, inputs...)
	nDocs, _ := filepathGlobCount(docs)
	if first.New != nDocs+4 || first.Problems != 0 || first.Figures == 0 {
		t.Fatalf("first run: %+v, want the %d text documents and 4 pages of the archive new", first, nDocs)
	}
	before := dump(t, s.DB(), nil, nil)
	second := run(t, s, opt, inputs...)
	if second.New != 0 || second.Changed != 0 || second.Unchanged != first.New {
		t.Errorf("second run: %d new, %d changed, %d unchanged; want 0, 0, %d", second.New, second.Changed, second.Unchanged, first.New)
	}
	if second.Problems != first.Problems {
		t.Errorf("second run found %d problems, first %d", second.Problems, first.Problems)
	}
	if after := dump(t, s.DB(), nil, nil); after != before {
		t.Errorf("second run changed the database: %s", firstDiff(before, after))
	}
	if n := count(t, s.DB(), "SELECT count(*) FROM runs"); n != 1 {
		t.Errorf("%d runs rows, want 1", n)
	}
}

func filepathGlobCount(dir string) (int, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	return len(m), err
}

func TestNewExtractorVersionReextracts(t *testing.T) {
	docs := writeFixtureDocs(t)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	a := run(t, s, Options{Read: testRead, ExtractorVersion: "a"}, docs)
	var before []int64
	s.EachDocument(context.Background(), func(r *schema.DocRow) error { before = append(before, r.ID); return nil })
	b := run(t, s, Options{Read: testRead, ExtractorVersion: "b"}, docs)
	if b.Changed != a.New || b.New != 0 || b.Unchanged != 0 {
		t.Errorf("run under version b: %+v; want all %d changed", b, a.New)
	}
	if n := count(t, s.DB(), "SELECT count(*) FROM documents WHERE extractor_version <> 'b'"); n != 0 {
		t.Errorf("%d documents not under version b", n)
	}
	var after []int64
	s.EachDocument(context.Background(), func(r *schema.DocRow) error { after = append(after, r.ID); return nil })
	if len(after) != len(before) || len(after) == 0 {
		t.Errorf("documents before %v, after %v", before, after)
	}
	if c := run(t, s, Options{Read: testRead, ExtractorVersion: "b"}, docs); c.Unchanged != a.New || c.Changed != 0 {
		t.Errorf("third run: %+v", c)
	}
}

func TestChangedFileReplacesItsRows(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("天津市静海区报告\n入园率达到90%。巩固率为99.5%。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("天津市西青区报告\n普及率为80%。\n"), 0o644)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, dir)
	if n := count(t, s.DB(), "SELECT count(*) FROM figures"); n != 3 {
		t.Fatalf("%d figures, want 3", n)
	}
	os.WriteFile(p, []byte("天津市静海区报告\n入园率达到91%。\n"), 0o644)
	st := run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, dir)
	if st.Changed != 1 || st.Unchanged != 1 || st.Figures != 1 {
		t.Errorf("after edit: %+v", st)
	}
	var got []string
	s.EachFigure(context.Background(), func(r *schema.FigureRow) error {
		got = append(got, r.Text+" "+r.Sentence+" "+r.Region)
		return nil
	})
	want := []string{"91% 入园率达到91%。 静海区", "80% 普及率为80%。 西青区"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("figures = %q, want %q", got, want)
	}
	if hits, _ := s.Search(context.Background(), "巩固率", 5); len(hits) != 0 {
		t.Errorf("search still finds the replaced text: %+v", hits)
	}
}

// TestProblemsAreRecordedAndCleared: a bad input is a problem (the run goes
// on), the same problem found again writes nothing, and once the input reads
// cleanly its problem is gone.
func TestProblemsAreRecordedAndCleared(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("binary\x00\x01"), 0o644)
	os.WriteFile(filepath.Join(dir, "panic.txt"), []byte("PANIC"), 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("天津市静海区\n达到90%。\n"), 0o644)
	missing := filepath.Join(dir, "missing.txt")
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	st := run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, dir, missing)
	if st.New != 1 || st.Problems != 3 || len(st.ProblemList) != 3 {
		t.Fatalf("first run: %+v", st)
	}
	ps, _ := s.Problems(context.Background())
	if len(ps) != 3 || !strings.Contains(ps[0].Message, "binary content") || ps[0].Stage != "extract" ||
		!strings.Contains(ps[2].Message, "panic") {
		t.Errorf("problems = %+v", ps)
	}
	before := dump(t, s.DB(), nil, nil)
	if st := run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, dir, missing); st.Problems != 3 || st.Unchanged != 1 {
		t.Errorf("second run: %+v", st)
	}
	if after := dump(t, s.DB(), nil, nil); after != before {
		t.Errorf("known problems were written again: %s", firstDiff(before, after))
	}
	os.WriteFile(bad, []byte("天津市静海区\n已修复。\n"), 0o644)
	os.WriteFile(missing, []byte("天津市西青区\n找到了。\n"), 0o644)
	st = run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, dir, missing)
	ps, _ = s.Problems(context.Background())
	if st.New != 2 || len(ps) != 1 || !strings.HasSuffix(ps[0].Path, "panic.txt") {
		t.Errorf("after fixing: %+v, problems %+v", st, ps)
	}
	if n := count(t, s.DB(), "SELECT count(*) FROM runs WHERE finished_at IS NOT NULL"); n != 2 {
		t.Errorf("%d finished runs, want 2 (the unchanged run writes none)", n)
	}
}

// TestOlderCopyNeverReplacesNewer: one URL twice in an archive, in either
// order — the copy with the later WARC-Date is kept, and a second run
// changes nothing.
func TestOlderCopyNeverReplacesNewer(t *testing.T) {
	for _, newerFirst := range []bool{false, true} {
		dir := t.TempDir()
		old := warcRecord{url: "http://a.gov.cn/1.txt", date: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), body: "天津市静海区\n旧版90%。\n"}
		cur := warcRecord{url: "http://a.gov.cn/1.txt", date: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), body: "天津市静海区\n新版95%。\n"}
		recs := []warcRecord{old, cur}
		if newerFirst {
			recs = []warcRecord{cur, old}
		}
		path := writeTestWARC(t, filepath.Join(dir, "a.warc.gz"), recs...)
		s := openStore(t, filepath.Join(dir, "g.db"))
		st := run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, path)
		var text string
		s.EachFigure(context.Background(), func(r *schema.FigureRow) error { text += r.Text; return nil })
		if text != "95%" || st.New != 1 {
			t.Errorf("newerFirst=%v: figures %q, stats %+v", newerFirst, text, st)
		}
		before := dump(t, s.DB(), nil, nil)
		st = run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, path)
		if st.New != 0 || st.Changed != 0 {
			t.Errorf("newerFirst=%v: second run %+v", newerFirst, st)
		}
		if after := dump(t, s.DB(), nil, nil); after != before {
			t.Errorf("second run changed the database: %s", firstDiff(before, after))
		}
	}
}

func TestCancelledRunKeepsCompleteWork(t *testing.T) {
	docs := writeFixtureDocs(t)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := Run(ctx, s, []string{docs}, Options{Read: testRead, ExtractorVersion: "t1", BatchSize: 1, Progress: func(st Stats) {
		n++
		if st.New == 2 {
			cancel()
		}
	}})
	if err == nil {
		t.Fatal("cancelled run returned no error")
	}
	if got := count(t, s.DB(), "SELECT count(*) FROM documents"); got < 2 {
		t.Errorf("%d documents kept, want the 2 done before the cancel", got)
	}
	if got := count(t, s.DB(), "SELECT count(*) FROM runs WHERE finished_at IS NULL"); got != 1 {
		t.Errorf("%d unfinished runs, want 1", got)
	}
	st := run(t, s, Options{Read: testRead, ExtractorVersion: "t1"}, docs)
	if st.New+st.Unchanged == 0 || st.Problems != 0 {
		t.Errorf("run after cancel: %+v", st)
	}
}

// TestPagesWithoutBodyAreProblems: an article page stored without a body
// (extract/page found none, or only the site's chrome) is counted as a
// problem and recorded in the problems table, on every run while it stays
// so, and cleared once the page has a body.
func TestPagesWithoutBodyAreProblems(t *testing.T) {
	read := func(name string, body []byte, ct string) (*schema.Document, error) {
		doc, err := testRead(name, body, ct)
		if err == nil && strings.HasPrefix(string(body), "<footer>") {
			doc.PageType, doc.Text, doc.Figures = schema.PageArticle, "", nil
			doc.Problem = "no article body: body looks like site chrome"
		}
		return doc, err
	}
	dir := t.TempDir()
	saved := filepath.Join(dir, "saved.html")
	os.WriteFile(saved, []byte("<footer>网站标识码：4300000099</footer>"), 0o644)
	os.WriteFile(filepath.Join(dir, "good.txt"), []byte("天津市静海区\n达到90%。\n"), 0o644)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	opt := Options{Read: read, ExtractorVersion: "t1"}
	st := run(t, s, opt, dir)
	ps, _ := s.Problems(context.Background())
	if st.New != 2 || st.Problems != 1 || len(ps) != 1 || ps[0].Stage != "extract" ||
		ps[0].Message != "no article body: body looks like site chrome" || !strings.HasSuffix(ps[0].Path, "saved.html") {
		t.Fatalf("first run: %+v, problems %+v", st, ps)
	}
	if st := run(t, s, opt, dir); st.Unchanged != 2 || st.Problems != 1 {
		t.Errorf("second run: %+v, want the page without body counted again", st)
	}
	os.WriteFile(saved, []byte("天津市静海区\n正文找到了。\n"), 0o644)
	st = run(t, s, opt, dir)
	ps, _ = s.Problems(context.Background())
	if st.Problems != 0 || len(ps) != 0 {
		t.Errorf("after the page got a body: %+v, problems %+v", st, ps)
	}
}

// TestListPagesByTheCrawlersWord: a response the crawler marked as a list
// page (a sites-file URL) is read with ReadList — stored as a list, without
// figures — whatever Read would have made of it; unmarked records are read
// with Read.
func TestListPagesByTheCrawlersWord(t *testing.T) {
	dir := t.TempDir()
	day := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
	path := writeTestWARC(t, filepath.Join(dir, "a.warc.gz"),
		warcRecord{url: "http://a.gov.cn/tzgg/index.txt", date: day, body: "天津市静海区通知公告\n入园率95%。\n", pageType: schema.PageList},
		warcRecord{url: "http://a.gov.cn/tzgg/1.txt", date: day, body: "天津市静海区\n入园率96%。\n"})
	readList := func(name string, body []byte, contentType string) (*schema.Document, error) {
		return &schema.Document{URL: name, Title: "通知公告", PageType: schema.PageList, Charset: "utf-8",
			List: &schema.ListPage{Articles: []schema.Link{}, Next: []string{}}}, nil
	}
	s := openStore(t, filepath.Join(dir, "g.db"))
	st := run(t, s, Options{Read: testRead, ReadList: readList, ExtractorVersion: "t1"}, path)
	if st.New != 2 {
		t.Fatalf("stats %+v, want 2 new documents", st)
	}
	var list, figs int
	s.DB().QueryRow(`SELECT count(*) FROM documents WHERE page_type = 'list' AND url LIKE '%/index.txt'`).Scan(&list)
	s.EachFigure(context.Background(), func(r *schema.FigureRow) error { figs++; return nil })
	if list != 1 || figs != 1 {
		t.Errorf("%d marked list pages stored as lists (want 1), %d figures (want 1, the article's)", list, figs)
	}
}

// TestCancelDoesNotWaitForALongPage: a run cancelled while a worker is deep
// in one page (a pathological page takes seconds) returns at once, with the
// pages done before it committed; it does not wait for that page.
func TestCancelDoesNotWaitForALongPage(t *testing.T) {
	docs := writeFixtureDocs(t)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	stuck := make(chan struct{})
	defer close(stuck)
	var reads atomic.Int32
	read := func(name string, body []byte, contentType string) (*schema.Document, error) {
		if reads.Add(1) > 2 {
			<-stuck // a page that takes longer than anyone waits
		}
		return testRead(name, body, contentType)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		// Cancelled once two pages are stored, while the third is stuck.
		_, err := Run(ctx, s, []string{docs}, Options{Read: read, ExtractorVersion: "t1", BatchSize: 1, Workers: 1,
			Progress: func(st Stats) {
				if st.New == 2 {
					cancel()
				}
			}})
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Error("cancelled run returned no error")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Run still waits for the stuck page 10 s after the cancel")
	}
	if got := count(t, s.DB(), "SELECT count(*) FROM documents"); got != 2 {
		t.Errorf("%d documents kept, want the 2 read before the stuck page", got)
	}
}

// A first run into an empty database loads without the indexes of figures
// (but figures_section, which replacing a document needs) and builds them
// at the end: they are all there afterwards.
func TestBulkLoadBuildsIndexes(t *testing.T) {
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	want := count(t, s.DB(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' AND sql IS NOT NULL")
	var dropped int
	opt := Options{Version: "test", ExtractorVersion: "t1", Read: func(name string, body []byte, ct string) (*schema.Document, error) {
		if dropped == 0 {
			dropped = 1 + count(t, s.DB(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' AND sql IS NOT NULL AND name <> 'figures_section'")
		}
		return testRead(name, body, ct)
	}, Workers: 1}
	st := run(t, s, opt, writeFixtureDocs(t))
	if st.Figures == 0 {
		t.Fatalf("%+v", st)
	}
	if dropped != 1 {
		t.Errorf("%d indexes on figures during the load, want none but figures_section", dropped-1)
	}
	if n := count(t, s.DB(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' AND sql IS NOT NULL"); n != want || n == 0 {
		t.Errorf("%d indexes on figures after the load, want %d", n, want)
	}
}

// figureRows renders every figure row with its document's URL, in URL and
// seq order: what two databases holding the same figures share, whatever
// the rows' ids.
func figureRows(t *testing.T, db *sql.DB) string {
	t.Helper()
	rows, err := db.Query(`SELECT d.url, f.seq, f.kind, f.value, f.unit, f.normalized, f.role, f.label, f.start, f."end",
		f.sentence_start, f.sentence_end FROM figures f JOIN documents d ON d.id = f.document_id ORDER BY d.url, f.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var url, kind, unit, role, label string
		var seq, start, end int
		var value, norm float64
		var ss, se sql.NullInt64
		if err := rows.Scan(&url, &seq, &kind, &value, &unit, &norm, &role, &label, &start, &end, &ss, &se); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, url, seq, kind, value, unit, norm, role, label, start, end, ss, se)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func figureIndexCount(t *testing.T, s *schema.Store) int {
	return count(t, s.DB(), "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'figures' AND sql IS NOT NULL")
}

// Re-extracting everything under a new extractor version writes and
// deletes as many figure rows as the table holds: the run drops the indexes
// of figures once their upkeep has cost a rebuild, and builds them at its
// end. The figures are those of a first load under the new version, and
// every index is back.
func TestReextractRebuildsIndexes(t *testing.T) {
	defer func(n int) { upkeepMin = n }(upkeepMin)
	upkeepMin = 1
	docs := writeFixtureDocs(t)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	all := figureIndexCount(t, s)
	if a := run(t, s, Options{Read: testRead, ExtractorVersion: "a", BatchSize: 1}, docs); !a.Reindexed || a.Figures == 0 {
		t.Fatalf("first load into an empty database: %+v, want reindexed", a)
	}
	least := all // indexes of figures seen by the writer between documents
	progress := func(Stats) {
		if n := figureIndexCount(t, s); n < least {
			least = n
		}
	}
	b := run(t, s, Options{Read: testRead, ExtractorVersion: "b", BatchSize: 1, Progress: progress}, docs)
	if !b.Reindexed || b.Changed == 0 || b.New != 0 {
		t.Fatalf("re-extraction: %+v, want every document changed and the indexes rebuilt", b)
	}
	if least != 1 {
		t.Errorf("at least %d indexes on figures during the re-extraction, want figures_section alone at some point", least)
	}
	if n := figureIndexCount(t, s); n != all {
		t.Errorf("%d indexes on figures after the run, want %d", n, all)
	}
	fresh := openStore(t, filepath.Join(t.TempDir(), "fresh.db"))
	run(t, fresh, Options{Read: testRead, ExtractorVersion: "b"}, docs)
	if got, want := figureRows(t, s.DB()), figureRows(t, fresh.DB()); got != want {
		t.Errorf("figures after re-extraction differ from a fresh load: %s", firstDiff(want, got))
	}
	if n := count(t, s.DB(), "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'"); n != 0 {
		t.Errorf("integrity_check: %d problems", n)
	}
}

// A run that writes few figure rows into a database holding many keeps the
// indexes: building them again would cost more than their upkeep.
func TestSmallRunKeepsIndexes(t *testing.T) {
	defer func(n int) { upkeepMin = n }(upkeepMin)
	upkeepMin = 1
	docs := writeFixtureDocs(t)
	s := openStore(t, filepath.Join(t.TempDir(), "g.db"))
	all := figureIndexCount(t, s)
	a := run(t, s, Options{Read: testRead, ExtractorVersion: "a"}, docs)
	// The document with the fewest figures, extracted again under "b".
	var name string
	least := -1
	names, _ := filepath.Glob(filepath.Join(docs, "*.txt"))
	for _, n := range names {
		body, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		doc, _ := testRead(n, body, "")
		if f := len(doc.Figures); f > 0 && (least < 0 || f < least) {
			name, least = n, f
		}
	}
	if least < 0 || 2*least*upkeepShare >= a.Figures {
		t.Fatalf("no document small enough: %d figures of %d", least, a.Figures)
	}
	b := run(t, s, Options{Read: testRead, ExtractorVersion: "b", BatchSize: 1}, name)
	if b.Changed != 1 || b.Reindexed {
		t.Errorf("one small document again: %+v, want it changed and the indexes kept", b)
	}
	if n := figureIndexCount(t, s); n != all {
		t.Errorf("%d indexes on figures after the run, want %d", n, all)
	}
}

// A re-extraction interrupted after it dropped the indexes of figures
// leaves them missing; the next opening of the database builds them, and a
// run to the end gives the figures of an uninterrupted one.
func TestInterruptedReextractionHeals(t *testing.T) {
	defer func(n int) { upkeepMin = n }(upkeepMin)
	upkeepMin = 1
	docs := writeFixtureDocs(t)
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := schema.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	all := figureIndexCount(t, s)
	run(t, s, Options{Read: testRead, ExtractorVersion: "a"}, docs)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	dropped := false
	progress := func(Stats) {
		if !dropped && figureIndexCount(t, s) < all {
			dropped = true
			cancel()
		}
	}
	st, err := Run(ctx, s, []string{docs}, Options{Read: testRead, ExtractorVersion: "b", BatchSize: 1, Workers: 1, Progress: progress})
	if !dropped || err == nil {
		t.Fatalf("run under b: dropped %v, err %v, %+v; want the indexes dropped and the run cancelled", dropped, err, st)
	}
	if n := figureIndexCount(t, s); n >= all {
		t.Fatalf("%d indexes on figures after the interrupted run, want some missing", n)
	}
	s.Close()
	s = openStore(t, path)
	if n := figureIndexCount(t, s); n != all {
		t.Errorf("%d indexes on figures after opening again, want %d", n, all)
	}
	run(t, s, Options{Read: testRead, ExtractorVersion: "b"}, docs)
	fresh := openStore(t, filepath.Join(t.TempDir(), "fresh.db"))
	run(t, fresh, Options{Read: testRead, ExtractorVersion: "b"}, docs)
	if got, want := figureRows(t, s.DB()), figureRows(t, fresh.DB()); got != want {
		t.Errorf("figures after the interrupted and completed re-extraction differ from a fresh load: %s", firstDiff(want, got))
	}
}
