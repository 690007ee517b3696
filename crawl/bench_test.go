package crawl_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
	"github.com/govfig/govfig/internal/bench"
)

// BenchmarkCrawl50Hosts crawls 50 hosts over loopback with no delay and
// reports pages (list pages and articles) per second.
func BenchmarkCrawl50Hosts(b *testing.B) {
	fsys, _ := bench.CrawlFS(50)
	s := startSite(b, siteserver.Options{FS: fsys})
	sites, err := crawl.ParseSites(strings.NewReader(s.Text))
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	var elapsed time.Duration
	for b.Loop() {
		dir := b.TempDir()
		start := time.Now()
		st, err := crawl.Run(context.Background(), crawl.Config{Sites: sites, ArchiveDir: dir, Delay: -1, Parallel: 50})
		elapsed += time.Since(start)
		if err != nil {
			b.Fatal(err)
		}
		if st.ListPages != 100 || st.Articles != 1000 {
			b.Fatalf("crawled %d list pages and %d articles, want 100 and 1000", st.ListPages, st.Articles)
		}
		pages += st.ListPages + st.Articles
	}
	b.ReportMetric(float64(pages)/elapsed.Seconds(), "pages/s")
}
