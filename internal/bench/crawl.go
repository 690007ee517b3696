package bench

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing/fstest"
	"time"

	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

const crawlHosts = 50

// crawlSite is crawlHosts loopback hosts, each with two list pages of ten
// articles (crawl's BenchmarkCrawl50Hosts site).
type crawlSite struct {
	s     *siteserver.Sites
	sites []crawl.Site
	urls  [][]string // per host: its list pages and articles
}

// CrawlFS is a fixture site of hosts districts (h00, h01…), each with two
// list pages of ten articles, for siteserver; paths lists each host's list
// pages and articles. crawl's BenchmarkCrawl50Hosts crawls it too.
func CrawlFS(hosts int) (fsys fstest.MapFS, paths map[string][]string) {
	fsys = fstest.MapFS{}
	paths = map[string][]string{}
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
			paths[d] = append(paths[d], name)
			for a := 0; a < 10; a++ {
				art := fmt.Sprintf("/list/a%d_%d.html", p, a)
				fsys[d+art] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
					"<html><head><meta charset=\"utf-8\"><title>%s第%d篇</title></head><body><div class=\"TRS_Editor\">%s</div></body></html>", d, p*10+a, para))}
				paths[d] = append(paths[d], art)
			}
		}
	}
	return fsys, paths
}

func startCrawlSite() (*crawlSite, error) {
	fsys, paths := CrawlFS(crawlHosts)
	s, err := siteserver.Start(siteserver.Options{FS: fsys})
	if err != nil {
		return nil, err
	}
	sites, err := crawl.ParseSites(strings.NewReader(s.Text))
	if err != nil {
		s.Close()
		return nil, err
	}
	c := &crawlSite{s: s, sites: sites}
	for _, h := range s.Hosts {
		var u []string
		for _, p := range paths[h.Name] {
			u = append(u, h.URL+p)
		}
		c.urls = append(c.urls, u)
	}
	return c, nil
}

func (c *crawlSite) close() { c.s.Close() }

// crawlResult is one run of the crawl stage: pages/s of the crawler and of
// plain GETs, and the same pages per CPU second of the whole process (the
// loopback server's share included, on both sides).
type crawlResult struct {
	crawled, bare       float64
	crawledCPU, bareCPU float64
}

// run crawls every host into a fresh archive, then GETs the same pages with
// one goroutine per host: pages/s for both, by wall and by CPU time.
func (c *crawlSite) run(ctx context.Context, dir string) (r crawlResult, err error) {
	arch := filepath.Join(dir, "crawl")
	os.RemoveAll(arch)
	defer os.RemoveAll(arch)
	start, c0 := time.Now(), cpuTime()
	st, err := crawl.Run(ctx, crawl.Config{Sites: c.sites, ArchiveDir: arch, Delay: -1, Parallel: crawlHosts})
	if err != nil {
		return r, fmt.Errorf("bench: crawl: %w", err)
	}
	pages := st.ListPages + st.Articles
	if want := crawlHosts * 22; pages != want {
		return r, fmt.Errorf("bench: crawled %d pages, want %d", pages, want)
	}
	r.crawled, r.crawledCPU = float64(pages)/time.Since(start).Seconds(), float64(pages)/(cpuTime()-c0)

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2}}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	errs := make(chan error, len(c.urls))
	n := 0
	start, c0 = time.Now(), cpuTime()
	for _, urls := range c.urls {
		n += len(urls)
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, u := range urls {
				req, _ := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
				resp, err := client.Do(req)
				if err != nil {
					errs <- err
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	close(errs)
	if err := <-errs; err != nil {
		return r, err
	}
	r.bare, r.bareCPU = float64(n)/time.Since(start).Seconds(), float64(n)/(cpuTime()-c0)
	return r, nil
}
