package crawl_test

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
	"github.com/govfig/govfig/internal/bench"
)

// TestHelperCrashMidBatch is the crawler run as a child process by
// TestKillMidBatch: it kills itself (SIGKILL) after the records of its
// GOVFIG_CRASH_BATCH-th batch are written and before the batch is committed.
// It does nothing in a normal test run.
func TestHelperCrashMidBatch(t *testing.T) {
	if os.Getenv("GOVFIG_CRAWL_CRASH_HELPER") != "1" {
		t.Skip("helper process only")
	}
	sites, err := crawl.ParseSites(strings.NewReader(os.Getenv("GOVFIG_SITES")))
	if err != nil {
		os.Exit(2)
	}
	n, _ := strconv.Atoi(os.Getenv("GOVFIG_CRASH_BATCH"))
	batches := 0
	crawl.SetHookWritten(func() {
		if batches++; batches == n {
			syscall.Kill(os.Getpid(), syscall.SIGKILL)
			select {}
		}
	})
	crawl.Run(context.Background(), crawl.Config{Sites: sites, ArchiveDir: os.Getenv("GOVFIG_ARCHIVE"), Delay: -1})
	os.Exit(3) // not killed: the batch never came
}

// committedTail returns the size of the archive's last WARC file and the
// end the frontier has committed for it.
func committedTail(t *testing.T, dir string) (size, committed int64) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+filepath.Join(dir, crawl.FrontierFile)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var name string
	if err := db.QueryRow(`SELECT name, committed FROM warc_files ORDER BY serial DESC LIMIT 1`).Scan(&name, &committed); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return st.Size(), committed
}

// TestKillMidBatch kills the crawler at the worst moment of a group commit:
// a batch's records are in the WARC file, the frontier does not know them.
// The next run must cut them off and fetch their pages again, archiving
// every page once, and re-send no more requests than hosts.
func TestKillMidBatch(t *testing.T) {
	fsys, paths := bench.CrawlFS(8)
	s := startSite(t, siteserver.Options{FS: fsys})
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperCrashMidBatch$")
	cmd.Env = append(os.Environ(), "GOVFIG_CRAWL_CRASH_HELPER=1", "GOVFIG_SITES="+s.Text, "GOVFIG_ARCHIVE="+dir, "GOVFIG_CRASH_BATCH=12")
	err := cmd.Run()
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
		t.Fatalf("helper was not killed: %v", err)
	}
	size, committed := committedTail(t, dir)
	if size <= committed {
		t.Fatalf("killed mid-batch, the WARC file holds %d bytes, %d committed: want an uncommitted tail", size, committed)
	}
	before := totalHits(s)

	st, err := crawl.Run(context.Background(), crawl.Config{Sites: mustSites(t, s), ArchiveDir: dir, Delay: -1})
	if err != nil {
		t.Fatal(err)
	}
	if !st.Resumed {
		t.Errorf("the run after the kill did not resume: %+v", st)
	}
	responses, revisits, _ := warcResponses(t, dir)
	pages := 0
	for _, h := range s.Hosts {
		for _, p := range append([]string{"/robots.txt"}, paths[h.Name]...) {
			pages++
			if n := responses[h.URL+p] + revisits[h.URL+p]; n != 1 {
				t.Errorf("archive holds %d responses and revisits for %s, want 1", n, h.URL+p)
			}
		}
	}
	again := totalHits(s) - pages
	t.Logf("killed with %d bytes past the committed end of %d; %d requests sent again", size-committed, committed, again)
	if again < 1 || again > len(s.Hosts) {
		t.Errorf("%d requests sent again after the kill (%d before, %d after), want 1 to %d (the uncommitted batch, at most one page per host)",
			again, before, totalHits(s), len(s.Hosts))
	}
	if size, committed := committedTail(t, dir); size != committed {
		t.Errorf("after a complete run the last WARC file holds %d bytes, %d committed", size, committed)
	}
}

// TestCancelCommitsEverything cancels a fast crawl of many hosts at once:
// everything archived is committed when Run returns, so the frontier and the
// WARC files agree, and the next run archives every page once.
func TestCancelCommitsEverything(t *testing.T) {
	fsys, paths := bench.CrawlFS(20)
	s := startSite(t, siteserver.Options{FS: fsys})
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for totalHits(s) < 150 {
			time.Sleep(100 * time.Microsecond)
		}
		cancel()
	}()
	st, err := crawl.Run(ctx, crawl.Config{Sites: mustSites(t, s), ArchiveDir: dir, Delay: -1, Parallel: 20})
	if err != context.Canceled {
		t.Fatalf("cancelled crawl: %v", err)
	}
	size, committed := committedTail(t, dir)
	if size != committed {
		t.Errorf("after a cancelled run the last WARC file holds %d bytes, %d committed", size, committed)
	}
	responses, revisits, _ := warcResponses(t, dir)
	urls, _, err := crawl.ReadFrontier(dir)
	if err != nil {
		t.Fatal(err)
	}
	done := 0
	for _, u := range urls {
		n := responses[u.URL] + revisits[u.URL]
		if u.State == "done" {
			done++
			if n != 1 {
				t.Errorf("%s is done in the frontier, %d responses and revisits archived", u.URL, n)
			}
		} else if n != 0 {
			t.Errorf("%s is %s in the frontier, %d responses and revisits archived", u.URL, u.State, n)
		}
	}
	if done == 0 || done != st.ListPages+st.Articles {
		t.Errorf("%d URLs done in the frontier, the run counted %d list pages and %d articles", done, st.ListPages, st.Articles)
	}
	if _, err := crawl.Run(context.Background(), crawl.Config{Sites: mustSites(t, s), ArchiveDir: dir, Delay: -1}); err != nil {
		t.Fatal(err)
	}
	responses, revisits, _ = warcResponses(t, dir)
	for _, h := range s.Hosts {
		for _, p := range paths[h.Name] {
			if n := responses[h.URL+p] + revisits[h.URL+p]; n != 1 {
				t.Errorf("archive holds %d responses and revisits for %s, want 1", n, h.URL+p)
			}
		}
	}
}

func mustSites(t *testing.T, s *siteserver.Sites) []crawl.Site {
	t.Helper()
	sites, err := crawl.ParseSites(strings.NewReader(s.Text))
	if err != nil {
		t.Fatal(err)
	}
	return sites
}
