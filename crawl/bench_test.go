package crawl_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
	"github.com/govfig/govfig/internal/bench"
)

// BenchmarkCrawl50Hosts crawls 50 hosts over loopback with no delay and
// reports pages (list pages and articles) per second and the CPU time
// (user + system, of the whole process: the test server's too) per page.
func BenchmarkCrawl50Hosts(b *testing.B) {
	fsys, _ := bench.CrawlFS(50)
	s := startSite(b, siteserver.Options{FS: fsys})
	sites, err := crawl.ParseSites(strings.NewReader(s.Text))
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	var elapsed, cpu time.Duration
	for b.Loop() {
		dir := b.TempDir()
		start, cpu0 := time.Now(), cpuTime()
		st, err := crawl.Run(context.Background(), crawl.Config{Sites: sites, ArchiveDir: dir, Delay: -1, Parallel: 50})
		elapsed += time.Since(start)
		cpu += cpuTime() - cpu0
		if err != nil {
			b.Fatal(err)
		}
		if st.ListPages != 100 || st.Articles != 1000 {
			b.Fatalf("crawled %d list pages and %d articles, want 100 and 1000", st.ListPages, st.Articles)
		}
		pages += st.ListPages + st.Articles
	}
	b.ReportMetric(float64(pages)/elapsed.Seconds(), "pages/s")
	b.ReportMetric(float64(cpu.Microseconds())/float64(pages), "cpu-µs/page")
}

// BenchmarkGET50Hosts GETs the pages BenchmarkCrawl50Hosts crawls, one
// goroutine per host, with nothing else: the baseline the crawler's
// overhead is measured against. "keepalive" reuses connections, as the
// crawler (one per host) and govfig-bench's plain GETs do; "close" opens one
// per request, as the crawler did before it kept connections alive.
func BenchmarkGET50Hosts(b *testing.B) {
	fsys, paths := bench.CrawlFS(50)
	s := startSite(b, siteserver.Options{FS: fsys})
	for _, keepAlive := range []bool{true, false} {
		name := "close"
		if keepAlive {
			name = "keepalive"
		}
		b.Run(name, func(b *testing.B) {
			tr := &http.Transport{MaxIdleConnsPerHost: 2, DisableKeepAlives: !keepAlive}
			defer tr.CloseIdleConnections()
			client := &http.Client{Transport: tr}
			pages := 0
			var elapsed, cpu time.Duration
			for b.Loop() {
				start, cpu0 := time.Now(), cpuTime()
				var wg sync.WaitGroup
				for _, h := range s.Hosts {
					urls := paths[h.Name]
					pages += len(urls)
					wg.Go(func() {
						for _, p := range urls {
							resp, err := client.Get(h.URL + p)
							if err != nil {
								b.Error(err)
								return
							}
							io.Copy(io.Discard, resp.Body)
							resp.Body.Close()
						}
					})
				}
				wg.Wait()
				elapsed += time.Since(start)
				cpu += cpuTime() - cpu0
			}
			b.ReportMetric(float64(pages)/elapsed.Seconds(), "pages/s")
			b.ReportMetric(float64(cpu.Microseconds())/float64(pages), "cpu-µs/page")
		})
	}
}
