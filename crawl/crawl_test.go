package crawl_test

import (
	"context"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

// The articles, list pages and attachments of the sample site, written out
// by hand from fixtures/site: each must be fetched exactly once.
var fixtureFetches = map[string][]string{
	"jinghai": {
		"/robots.txt",
		"/zwgk/gsgg/index.html", "/zwgk/gsgg/index_1.html", "/zwgk/gsgg/index_2.html",
		"/zwgk/gsgg/202408/t20240829_6712345.html",
		"/zwgk/gsgg/202407/t20240726_6698821.html", // also linked with ?utm_source=…#top
		"/zwgk/gsgg/202406/t20240612_6681234.html",
		"/zwgk/gsgg/202403/t20240322_6640210.html",
		"/zwgk/gsgg/202401/t20240130_6600345.html",
		"/old/gsgg/notice2023.html",                // 301 →
		"/zwgk/gsgg/202312/t20231220_6500001.html", // the redirect's target
		"/zwgk/gsgg/202310/t20231025_6452210.html",
		"/zwgk/gsgg/202309/t20230915_6420018.html",
	},
	"xiqing": {
		"/robots.txt",
		"/xxgk/tzgg/list.html", "/xxgk/tzgg/list_2.html", "/xxgk/tzgg/list_3.html",
		"/xxgk/tzgg/202408/t20240815_3387.html", // listed twice (pinned on list_3)
		"/xxgk/tzgg/202405/t20240510_3301.html",
		"/xxgk/tzgg/202404/t20240420_3268.html",
		"/xxgk/tzgg/202404/P020240420_3268.xlsx", // its attachments (附件)
		"/uploadfiles/2024/04/P020240420_3269.docx",
		"/xxgk/tzgg/202404/P020240420_3270.xls",
		"/xxgk/tzgg/202405/P020240510512345.xls",
		"/xxgk/tzgg/202403/t20240315_3221.html",
		"/xxgk/tzgg/202401/t20240112_3156.html",
		"/xxgk/tzgg/202312/t20231228_3102.html",
		"/xxgk/tzgg/202311/t20231130_3077.html",
	},
	"wuqing": {
		"/robots.txt",
		"/zwgk/tzgg/news.html", "/zwgk/tzgg/news.html?page=2", "/zwgk/tzgg/news.html?page=3",
		"/zwgk/tzgg/202412/t20241205_701234.html", // also linked with #comment
		"/zwgk/tzgg/202410/t20241010_698765.html",
		"/zwgk/tzgg/202403/t20240318_690112.html",
		"/zwgk/tzgg/202403/t20240320_690150.html",
		"/zwgk/tzgg/202403/W020240318390512.pdf",
		"/zwgk/tzgg/202403/W020240318_2.pdf", // the article's attachment
		"/zwgk/tzgg/202306/t20230620_681001.html",
		"/zwgk/tzgg/202211/t20221130_660120.html",
		"/zwgk/tzgg/202208/t20220816_655432.html",
	},
}

const disallowedPath = "/zwgk/nbgl/202311/t20231108_6470001.html"

func startSite(t testing.TB, opts siteserver.Options) *siteserver.Sites {
	t.Helper()
	s, err := siteserver.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

func config(t testing.TB, s *siteserver.Sites, dir string) crawl.Config {
	t.Helper()
	sites, err := crawl.ParseSites(strings.NewReader(s.Text))
	if err != nil {
		t.Fatal(err)
	}
	return crawl.Config{
		Sites:       sites,
		ArchiveDir:  dir,
		Delay:       30 * time.Millisecond,
		Contact:     "https://example.org/govfig",
		DialContext: s.DialContext,
		RetryBase:   20 * time.Millisecond,
		Log:         testLog{t},
	}
}

type testLog struct{ t testing.TB }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}

// hitCounts counts a host's requests per path?query.
func hitCounts(h *siteserver.Host) map[string]int {
	m := map[string]int{}
	for _, hit := range h.Hits() {
		m[hit.Path]++
	}
	return m
}

// checkGaps asserts that no two requests to a host started closer than min.
func checkGaps(t *testing.T, h *siteserver.Host, min time.Duration) {
	t.Helper()
	hits := h.Hits()
	for i := 1; i < len(hits); i++ {
		if gap := hits[i].Time.Sub(hits[i-1].Time); gap < min {
			t.Errorf("%s: %s then %s only %s apart (want ≥ %s)", h.Name, hits[i-1].Path, hits[i].Path, gap, min)
		}
	}
}

// eachRecord checks every WARC file of the archive (at least one) and calls
// fn with each of its records, read by gowarc; first is true for a file's
// first record.
func eachRecord(t *testing.T, dir string, fn func(file string, first bool, wr gowarc.WarcRecord)) {
	t.Helper()
	files, err := crawl.Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no WARC files")
	}
	for _, f := range files {
		if _, err := crawl.CheckWARC(f); err != nil {
			t.Fatal(err)
		}
		r, err := gowarc.NewWarcFileReader(f, 0)
		if err != nil {
			t.Fatal(err)
		}
		for first := true; ; first = false {
			rec, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			fn(f, first, rec.WarcRecord)
			rec.Close()
		}
	}
}

// warcResponses reads every record of the archive with gowarc and counts
// response and revisit records per target URI.
func warcResponses(t *testing.T, dir string) (responses, revisits map[string]int, requests int) {
	t.Helper()
	responses, revisits = map[string]int{}, map[string]int{}
	eachRecord(t, dir, func(f string, first bool, wr gowarc.WarcRecord) {
		if first && wr.Type() != gowarc.Warcinfo {
			t.Errorf("%s starts with a %s record, want warcinfo", f, wr.Type())
		}
		u := wr.WarcHeader().Get(gowarc.WarcTargetURI)
		switch wr.Type() {
		case gowarc.Response:
			responses[u]++
			if wr.WarcHeader().Get(gowarc.WarcPayloadDigest) == "" {
				t.Errorf("response %s without payload digest", u)
			}
		case gowarc.Revisit:
			revisits[u]++
		case gowarc.Request:
			requests++
		}
	})
	return responses, revisits, requests
}

func TestCrawlFixtureSite(t *testing.T) {
	s := startSite(t, siteserver.Options{})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats: %+v", st)

	for name, want := range fixtureFetches {
		h := s.Host(name)
		got := hitCounts(h)
		for _, p := range want {
			if got[p] != 1 {
				t.Errorf("%s %s fetched %d times, want 1", name, p, got[p])
			}
			delete(got, p)
		}
		for p, n := range got {
			t.Errorf("%s %s fetched %d times, want never", name, p, n)
		}
		for _, hit := range h.Hits() {
			if !strings.HasPrefix(hit.UserAgent, "govfig/") || !strings.Contains(hit.UserAgent, "+https://example.org/govfig") {
				t.Errorf("User-Agent %q", hit.UserAgent)
				break
			}
		}
	}
	if n := len(s.Offsite.Hits()); n != 0 {
		t.Errorf("off-site server got %d requests", n)
	}
	checkGaps(t, s.Host("jinghai"), cfg.Delay)
	checkGaps(t, s.Host("wuqing"), cfg.Delay)
	checkGaps(t, s.Host("xiqing"), 100*time.Millisecond) // its robots.txt Crawl-delay
	if st.Disallowed != 1 || st.OffSite != 1 || st.Redirects != 1 || st.Attachments != 6 || st.Failed != 0 {
		t.Errorf("stats %+v: want 1 disallowed, 1 off-site, 1 redirect, 6 attachments (two linked from list pages, four from articles), 0 failed", st)
	}

	responses, _, requests := warcResponses(t, dir)
	n := 0
	for name, paths := range fixtureFetches {
		for _, p := range paths {
			u := s.Host(name).URL + p
			if responses[u] != 1 {
				t.Errorf("archive holds %d responses for %s, want 1", responses[u], u)
			}
			n++
		}
	}
	if len(responses) != n || requests != n {
		t.Errorf("archive holds %d responses for %d URLs and %d requests, want %d", len(responses), len(responses), requests, n)
	}

	// Nothing in the archive dir is named after a URL.
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if n := e.Name(); n != "frontier.db" && n != ".lock" && !(strings.HasPrefix(n, "govfig-") && strings.HasSuffix(n, ".warc.gz")) {
			t.Errorf("unexpected file %s in the archive dir", n)
		}
	}

	states, _, err := crawl.ReadFrontier(dir)
	if err != nil {
		t.Fatal(err)
	}
	byURL := map[string]crawl.URLState{}
	for _, u := range states {
		byURL[u.URL] = u
	}
	if got := byURL[s.Host("jinghai").URL+disallowedPath].State; got != "disallowed" {
		t.Errorf("disallowed article is %q in the frontier", got)
	}
	if got := byURL["http://www.tj.gov.cn/zwgk/szfwj/202409/t20240930_6800001.html"].State; got != "offsite" {
		t.Errorf("off-site link is %q in the frontier", got)
	}
	var pending []string
	for _, u := range states {
		if u.State == "pending" {
			pending = append(pending, u.URL)
		}
	}
	sort.Strings(pending)
	if len(pending) > 0 {
		t.Errorf("pending after a complete crawl: %v", pending)
	}
	_ = url.Parse
}

func TestCrawlFaults(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"jinghai"}, Faults: true, Down: true, Trap: true, SlowStall: 5 * time.Second})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	cfg.Delay = 20 * time.Millisecond
	cfg.Timeout = 600 * time.Millisecond
	cfg.MaxBodySize = 4 << 20 // the 50 MB pages are cut off early even under -race
	cfg.MaxRetries = 2
	cfg.MaxPages = 8
	cfg.HostFailLimit = 3
	cfg.HostPause = 100 * time.Millisecond
	start := time.Now()
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("stats after %s: %+v", time.Since(start), st)
	_, faults, err := crawl.ReadFrontier(dir)
	if err != nil {
		t.Fatal(err)
	}
	faultsOf := map[string][]string{} // path → kinds
	for _, f := range faults {
		u, _ := url.Parse(f.URL)
		faultsOf[u.Host+u.Path] = append(faultsOf[u.Host+u.Path], f.Kind)
	}
	has := func(host, path, kind string) {
		t.Helper()
		h := s.Host(host)
		for _, k := range faultsOf[h.Addr()+path] {
			if k == kind {
				return
			}
		}
		t.Errorf("no %s fault recorded for %s%s (got %v)", kind, host, path, faultsOf[h.Addr()+path])
	}
	has("faults", "/a/retry503.html", crawl.FaultRetry)
	has("faults", "/a/retry429.html", crawl.FaultRetry)
	has("faults", "/a/reset.html", crawl.FaultRetry)
	has("faults", "/a/slow.html", crawl.FaultTimeout)
	has("faults", "/a/huge.html", crawl.FaultTooLarge)
	has("faults", "/a/huge-cl.html", crawl.FaultTooLarge)
	has("faults", "/loop/b.html", crawl.FaultRedirectLoop)
	has("faults", "/a/moved.html", crawl.FaultOffSiteRedir)
	has("trap", "/day/4.html", crawl.FaultTrap) // pages 2, 3 and 4 brought nothing new
	if st.Faults[crawl.FaultMaxPages] != 1 || st.Faults[crawl.FaultHostPaused] != 1 || st.Faults[crawl.FaultHostAbandoned] != 1 {
		t.Errorf("faults %v: want one max-pages, one host-paused, one host-abandoned", st.Faults)
	}

	f := hitCounts(s.Host("faults"))
	for p, want := range map[string]int{
		"/a/retry503.html": 2, "/a/retry429.html": 2, "/a/reset.html": 2, // one failure, then the page
		"/a/slow.html": 3,                       // three attempts, all timed out
		"/a/huge.html": 1, "/a/huge-cl.html": 1, // a size fault is not retried
		"/loop/a.html": 1, "/loop/b.html": 1, "/a/moved.html": 1, "/a/ok.html": 1,
	} {
		if f[p] != want {
			t.Errorf("faults %s fetched %d times, want %d", p, f[p], want)
		}
	}
	// Retry-After: 1 was honoured.
	var times []time.Time
	for _, h := range s.Host("faults").Hits() {
		if h.Path == "/a/retry503.html" {
			times = append(times, h.Time)
		}
	}
	if len(times) == 2 && times[1].Sub(times[0]) < time.Second {
		t.Errorf("retry after 503 with Retry-After: 1 came after %s", times[1].Sub(times[0]))
	}
	// The trap host: list pages bounded by MaxPages, the repeating walk by trap detection.
	lists := 0
	for p := range hitCounts(s.Host("trap")) {
		if strings.HasPrefix(p, "/cal/") || strings.HasPrefix(p, "/day/") {
			lists++
		}
	}
	if lists > cfg.MaxPages {
		t.Errorf("trap host: %d list pages fetched, want ≤ %d", lists, cfg.MaxPages)
	}
	// The down host: list page, then 3 failing URLs × 3 attempts, a pause,
	// 3 more, then left alone.
	down := s.Host("down").Hits()
	if len(down) > 2+6*3 {
		t.Errorf("down host got %d requests, want ≤ %d", len(down), 2+6*3)
	}
	if st.Pending != 12-6 {
		t.Errorf("%d URLs pending, want the down host's 6 untried ones", st.Pending)
	}
	if n := len(s.Offsite.Hits()); n != 0 {
		t.Errorf("off-site server got %d requests", n)
	}
	for _, h := range s.Hosts {
		checkGaps(t, h, cfg.Delay)
	}
	responses, _, _ := warcResponses(t, dir)
	for _, p := range []string{"/a/huge.html", "/a/huge-cl.html", "/a/slow.html"} {
		if n := responses[s.Host("faults").URL+p]; n != 0 {
			t.Errorf("archive holds %d responses for %s, want none", n, p)
		}
	}
	for _, p := range []string{"/a/retry503.html", "/a/retry429.html", "/a/reset.html", "/a/ok.html", "/loop/a.html", "/loop/b.html"} {
		if n := responses[s.Host("faults").URL+p]; n != 1 {
			t.Errorf("archive holds %d responses for %s, want 1", n, p)
		}
	}
}

func TestCrawlSince(t *testing.T) {
	for _, tc := range []struct {
		since   string
		fetched []string
		never   []string
		old     int
	}{
		// Two articles of page 3 are older: skipped, the walk goes on.
		{"2023-01-01", []string{"/zwgk/tzgg/news.html?page=3", "/zwgk/tzgg/202306/t20230620_681001.html"},
			[]string{"/zwgk/tzgg/202211/t20221130_660120.html", "/zwgk/tzgg/202208/t20220816_655432.html"}, 2},
		// Everything on page 2 is older: page 3 is never asked for.
		{"2024-06-01", []string{"/zwgk/tzgg/news.html?page=2", "/zwgk/tzgg/202410/t20241010_698765.html"},
			[]string{"/zwgk/tzgg/news.html?page=3", "/zwgk/tzgg/202403/t20240318_690112.html", "/zwgk/tzgg/202403/W020240318390512.pdf",
				"/zwgk/tzgg/202403/t20240320_690150.html"}, 4},
	} {
		t.Run(tc.since, func(t *testing.T) {
			s := startSite(t, siteserver.Options{Hosts: []string{"wuqing"}})
			cfg := config(t, s, t.TempDir())
			cfg.Since, _ = time.Parse("2006-01-02", tc.since)
			st, err := crawl.Run(context.Background(), cfg)
			if err != nil {
				t.Fatal(err)
			}
			got := hitCounts(s.Host("wuqing"))
			for _, p := range tc.fetched {
				if got[p] != 1 {
					t.Errorf("%s fetched %d times, want 1", p, got[p])
				}
			}
			for _, p := range tc.never {
				if got[p] != 0 {
					t.Errorf("%s fetched %d times, want never", p, got[p])
				}
			}
			if st.Old != tc.old {
				t.Errorf("%d articles skipped as old, want %d", st.Old, tc.old)
			}
		})
	}
}

func TestRobotsUnavailable(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"jinghai"}, RobotsDown: true})
	dir := t.TempDir()
	cfg := config(t, s, dir)
	cfg.MaxRetries = 1
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := hitCounts(s.Host("norobots"))
	if got["/robots.txt"] != 2 || len(got) != 1 {
		t.Errorf("host with failing robots.txt got %v, want two tries of robots.txt and nothing else", got)
	}
	if st.Faults[crawl.FaultRobots] != 1 || st.Faults[crawl.FaultHostAbandoned] != 1 || st.Pending != 1 {
		t.Errorf("stats %+v: want a robots fault, the host left, its seed pending", st)
	}
	if n := len(hitCounts(s.Host("jinghai"))); n != len(fixtureFetches["jinghai"]) {
		t.Errorf("the other host got %d distinct requests, want %d", n, len(fixtureFetches["jinghai"]))
	}
}

func TestProgress(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"jinghai"}})
	cfg := config(t, s, t.TempDir())
	var b strings.Builder
	cfg.Progress = &b
	cfg.ProgressEvery = 20 * time.Millisecond
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "crawl: 3 list pages, 8 articles, 0 errors, queue 0 | 天津市静海区 3/8\x1b[K\n") {
		t.Errorf("final progress line missing from %q", out)
	}
}

// TestPathPrefixes: a site limited to path prefixes walks its list pages and
// fetches only the articles under them; links elsewhere on its host are
// recorded like off-site ones, never fetched.
func TestPathPrefixes(t *testing.T) {
	s := startSite(t, siteserver.Options{Hosts: []string{"jinghai"}})
	cfg := config(t, s, t.TempDir())
	cfg.Delay = -1
	cfg.Sites[0].Prefixes = []string{"/zwgk/gsgg/index", "/zwgk/gsgg/2024"}
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var lists, in2024 int
	for p, n := range hitCounts(s.Host("jinghai")) {
		switch {
		case strings.HasPrefix(p, "/zwgk/gsgg/index"):
			lists += n
		case strings.HasPrefix(p, "/zwgk/gsgg/2024"):
			in2024 += n
		case p == "/robots.txt":
		default:
			t.Errorf("%s fetched outside the site's prefixes", p)
		}
	}
	if lists < 3 || in2024 == 0 {
		t.Errorf("%d list pages and %d articles of 2024 fetched; want the whole walk and some articles", lists, in2024)
	}
	if st.OffSite == 0 {
		t.Errorf("stats %+v: links outside the prefixes should be counted", st)
	}
}
