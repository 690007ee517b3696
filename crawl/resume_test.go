package crawl_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

// TestHelperProcess is the crawler run as a child process by
// TestKillAndResume; it does nothing in a normal test run.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("GOVFIG_CRAWL_HELPER") != "1" {
		t.Skip("helper process only")
	}
	sites, err := crawl.ParseSites(strings.NewReader(os.Getenv("GOVFIG_SITES")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	_, err = crawl.Run(context.Background(), crawl.Config{Sites: sites, ArchiveDir: os.Getenv("GOVFIG_ARCHIVE"), Delay: 15 * time.Millisecond})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(0)
}

// allFixtureURLs lists every URL of fixtureFetches on the running site.
func allFixtureURLs(s *siteserver.Sites) []string {
	var out []string
	for name, paths := range fixtureFetches {
		for _, p := range paths {
			out = append(out, s.Host(name).URL+p)
		}
	}
	return out
}

func totalHits(s *siteserver.Sites) int {
	n := 0
	for _, h := range s.Hosts {
		n += len(h.Hits())
	}
	return n
}

// TestKillAndResume kills crawler processes with SIGKILL at random moments
// and then lets a last run finish: the archive must hold every page once and
// read fully.
func TestKillAndResume(t *testing.T) {
	s := startSite(t, siteserver.Options{})
	dir := t.TempDir()
	kills := 0
	for i := 0; i < 4; i++ {
		before := totalHits(s)
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
		cmd.Env = append(os.Environ(), "GOVFIG_CRAWL_HELPER=1", "GOVFIG_SITES="+s.Text, "GOVFIG_ARCHIVE="+dir)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill after a few more requests, at a random moment.
		deadline := time.Now().Add(10 * time.Second)
		want := before + 2 + rand.IntN(6)
		for totalHits(s) < want && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(time.Duration(rand.IntN(8000)) * time.Microsecond)
		cmd.Process.Signal(syscall.SIGKILL)
		err := cmd.Wait()
		if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			kills++
		} else if err != nil {
			t.Fatalf("helper failed: %v\n%s", err, stderr.String())
		}
	}
	t.Logf("%d runs killed after %d requests", kills, totalHits(s))
	cfg := config(t, s, dir)
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if kills > 0 && !st.Resumed {
		t.Errorf("last run did not resume the killed crawl: %+v", st)
	}
	responses, _, _ := warcResponses(t, dir)
	for _, u := range allFixtureURLs(s) {
		if responses[u] != 1 {
			t.Errorf("archive holds %d responses for %s, want 1", responses[u], u)
		}
	}
	// Only a request in flight when a run was killed may be sent again.
	extra := totalHits(s) - len(allFixtureURLs(s))
	if extra > kills*len(s.Hosts) {
		t.Errorf("%d requests more than pages after %d kills", extra, kills)
	}
}

// TestRecoverTail cuts and pads the last WARC file the way a crash can and
// checks that the next run repairs it and refetches what was lost.
func TestRecoverTail(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"jinghai"}})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	files, _ := crawl.Files(dir)
	last := files[len(files)-1]
	st, _ := os.Stat(last)
	// A record lost (the file is shorter than committed) and half a gzip
	// member written after it.
	if err := os.Truncate(last, st.Size()-200); err != nil {
		t.Fatal(err)
	}
	f, _ := os.OpenFile(last, os.O_APPEND|os.O_WRONLY, 0)
	f.Write([]byte{0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0x0b, 0x77})
	f.Close()
	if _, err := crawl.CheckWARC(last); err == nil {
		t.Fatal("damaged file reads fine; the test damages nothing")
	}
	before := hitCounts(s.Host("jinghai"))
	st2, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("second run: %+v", st2)
	responses, _, _ := warcResponses(t, dir) // checks every file reads fully
	for _, p := range fixtureFetches["jinghai"] {
		u := s.Host("jinghai").URL + p
		if responses[u] != 1 {
			t.Errorf("archive holds %d responses for %s, want 1", responses[u], u)
		}
	}
	after := hitCounts(s.Host("jinghai"))
	refetched := 0
	for p, n := range after {
		if n > before[p] && p != "/zwgk/gsgg/index.html" && p != "/robots.txt" {
			refetched++
		}
	}
	if refetched != 1 || st2.Articles+st2.ListPages < 1 {
		t.Errorf("%d pages fetched again after losing the last record, want 1 (stats %+v)", refetched, st2)
	}
}

// TestRecrawl runs a finished crawl again: list pages are asked for with
// validators, 304 becomes a revisit record, walks end early and no article
// is fetched again.
func TestRecrawl(t *testing.T) {
	s := startSite(t, siteserver.Options{})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	first := totalHits(s)
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if st.Generation != 2 || st.Resumed {
		t.Errorf("second run: generation %d, resumed %v; want a new generation 2", st.Generation, st.Resumed)
	}
	if st.NotModified != 3 || st.Articles != 0 {
		t.Errorf("second run: %d not modified, %d articles; want the 3 seeds not modified and no article", st.NotModified, st.Articles)
	}
	// Only the three seeds were asked for again (robots.txt is cached for a day).
	if n := totalHits(s) - first; n != 3 {
		t.Errorf("second run sent %d requests, want 3", n)
	}
	for _, h := range s.Hosts {
		hits := h.Hits()
		last := hits[len(hits)-1]
		if last.Header.Get("If-None-Match") == "" || last.Header.Get("If-Modified-Since") == "" {
			t.Errorf("%s: re-crawl request without validators: %v", h.Name, last.Header)
		}
	}
	_, revisits, _ := warcResponses(t, dir)
	for _, h := range s.Hosts {
		u := h.URL + h.Seeds[0]
		if revisits[u] != 1 {
			t.Errorf("archive holds %d revisits for %s, want 1", revisits[u], u)
		}
	}
}

// TestIdenticalPayload archives a second URL with the same body as a revisit.
func TestIdenticalPayload(t *testing.T) {
	page := []byte("<html><body><h1>同一份通知</h1><p>全年完成投资1.5亿元。</p></body></html>")
	list := `<html><head><meta charset="utf-8"></head><body><ul>
<li><a href="a.html">关于同一份通知的转载之一</a><span>2024-01-02</span></li>
<li><a href="b.html">关于同一份通知的转载之二</a><span>2024-01-02</span></li>
<li><a href="c.html">关于另一份通知的正式发布</a><span>2024-01-01</span></li>
</ul></body></html>`
	fsys := fstest.MapFS{
		"dup/_site.txt":       {Data: []byte("重复测试区 /list/index.html")},
		"dup/list/index.html": {Data: []byte(list)},
		"dup/list/a.html":     {Data: page},
		"dup/list/b.html":     {Data: page},
		"dup/list/c.html":     {Data: []byte("<html><body><p>另一份</p></body></html>")},
	}
	s := startSite(t, siteserver.Options{FS: fsys})
	dir := t.TempDir()
	st, err := crawl.Run(context.Background(), config(t, s, dir))
	if err != nil {
		t.Fatal(err)
	}
	responses, revisits, _ := warcResponses(t, dir)
	base := s.Host("dup").URL + "/list/"
	if responses[base+"a.html"]+responses[base+"b.html"] != 1 || revisits[base+"a.html"]+revisits[base+"b.html"] != 1 || responses[base+"c.html"] != 1 {
		t.Errorf("responses %v revisits %v: want one of a/b a response and the other a revisit", responses, revisits)
	}
	if st.Duplicates != 1 {
		t.Errorf("%d duplicates, want 1", st.Duplicates)
	}
}

func TestOneCrawlPerArchive(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"jinghai"}})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	cfg.Delay = 300 * time.Millisecond
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { _, err := crawl.Run(ctx, cfg); done <- err }()
	for len(s.Host("jinghai").Hits()) == 0 {
		time.Sleep(time.Millisecond)
	}
	if _, err := crawl.Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), "in use") {
		t.Errorf("second crawl on the same archive: %v, want an in-use error", err)
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Errorf("cancelled crawl returned %v", err)
	}
	// The cancelled crawl left a consistent archive that the next run continues.
	cfg.Delay = 20 * time.Millisecond
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil || !st.Resumed {
		t.Fatalf("resume after cancel: %v, %+v", err, st)
	}
	responses, _, _ := warcResponses(t, dir)
	for _, p := range fixtureFetches["jinghai"] {
		if n := responses[s.Host("jinghai").URL+p]; n != 1 {
			t.Errorf("archive holds %d responses for %s, want 1", n, p)
		}
	}
}

// TestMaxPagesContinues stops a walk at MaxPages and checks that the next
// run continues the list where this one stopped.
func TestMaxPagesContinues(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"wuqing"}})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	cfg.MaxPages = 2
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	h := s.Host("wuqing")
	if n := hitCounts(h)["/zwgk/tzgg/news.html?page=3"]; n != 0 || st.Faults[crawl.FaultMaxPages] != 1 {
		t.Fatalf("page 3 fetched %d times with MaxPages 2 (faults %v)", n, st.Faults)
	}
	st, err = crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := hitCounts(h)
	for _, p := range fixtureFetches["wuqing"] {
		want := 1
		if p == "/zwgk/tzgg/news.html" {
			want = 2 // asked again (304) by the second run
		}
		if got[p] != want {
			t.Errorf("%s fetched %d times, want %d", p, got[p], want)
		}
	}
	if st.Generation != 2 || st.NotModified != 1 {
		t.Errorf("second run %+v: want generation 2 with the seed not modified", st)
	}
}
