package crawl_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

// benchSite makes hosts districts, each with two list pages of ten articles.
func benchSite(hosts int) fstest.MapFS {
	fsys := fstest.MapFS{}
	para := strings.Repeat("<p>全年完成固定资产投资12.5亿元，同比增长3.4%，新增就业1260人。</p>\n", 20)
	for h := 0; h < hosts; h++ {
		d := fmt.Sprintf("h%02d", h)
		fsys[d+"/_site.txt"] = &fstest.MapFile{Data: []byte(fmt.Sprintf("测试区%02d /list/index.html", h))}
		for p := 0; p < 2; p++ {
			var b strings.Builder
			b.WriteString("<html><head><meta charset=\"utf-8\"><title>通知公告</title></head><body><ul class=\"list\">\n")
			for a := 0; a < 10; a++ {
				fmt.Fprintf(&b, "<li><a href=\"a%d_%d.html\">测试区第%d页第%d篇通知公告标题</a><span>2024-05-%02d</span></li>\n", p, a, p, a, a+1)
			}
			b.WriteString("</ul>")
			if p == 0 {
				b.WriteString("<div class=\"page\"><a href=\"index_1.html\">下一页</a></div>")
			}
			b.WriteString("</body></html>")
			name := "/list/index.html"
			if p == 1 {
				name = "/list/index_1.html"
			}
			fsys[d+name] = &fstest.MapFile{Data: []byte(b.String())}
			for a := 0; a < 10; a++ {
				fsys[fmt.Sprintf("%s/list/a%d_%d.html", d, p, a)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
					"<html><head><meta charset=\"utf-8\"><title>%s第%d篇</title></head><body><div class=\"TRS_Editor\">%s</div></body></html>", d, p*10+a, para))}
			}
		}
	}
	return fsys
}

// BenchmarkCrawl50Hosts crawls 50 hosts over loopback with no delay and
// reports pages (list pages and articles) per second.
func BenchmarkCrawl50Hosts(b *testing.B) {
	s := startSite(b, siteserver.Options{FS: benchSite(50)})
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
