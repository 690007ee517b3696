package crawl_test

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/govfig/govfig/archive"
	"github.com/govfig/govfig/crawl"
)

// TestArticleAttachments: a column page → two articles → their attachments
// (附件: a relative link, an /uploadfiles/ path outside the site's path
// prefix, a file on the site's file. host, one linked from both articles,
// one on another site). Each same-site attachment is fetched once, after
// robots.txt of its host; the off-site one is recorded, never fetched; the
// archive names each attachment's article.
func TestArticleAttachments(t *testing.T) {
	pages := map[string]string{
		"www.jh.test/zwgk/list.html": `<html><head><meta charset="utf-8"><title>财政预决算_静海区</title></head><body><ul class="list">
<li><a href="202401/t20240125_1.html">静海区2024年部门预算公开</a><span>2024-01-25</span></li>
<li><a href="202401/t20240126_2.html">静海区2024年政府预算公开</a><span>2024-01-26</span></li>
<li><a href="202312/t20231220_3.html">静海区2023年财政预算执行情况</a><span>2023-12-20</span></li>
</ul></body></html>`,
		"www.jh.test/zwgk/202401/t20240125_1.html": `<html><head><meta charset="utf-8"><title>静海区2024年部门预算公开</title></head><body>
<div class="TRS_Editor"><p>现将静海区教育局2024年部门预算公开如下，全年支出预算186420万元。</p>
<p>附件：<a href="./P020240125_1.xlsx">1.2024年部门预算公开表.xlsx</a></p>
<p><a href="/uploadfiles/2024/01/budget-notes.docx">2.预算编制说明.docx</a></p>
<p><a href="http://file.jh.test/upload/2024/scan.pdf">3.预算批复.pdf</a></p>
<p><a href="http://www.other.test/files/x.xls">4.参考表.xls</a></p>
<p><a href="/download.jsp?fileid=7">5.绩效目标表</a></p></div></body></html>`,
		"www.jh.test/zwgk/202401/t20240126_2.html": `<html><head><meta charset="utf-8"><title>静海区2024年政府预算公开</title></head><body>
<div class="TRS_Editor"><p>静海区2024年一般公共预算支出安排285180万元。</p>
<p>附件：<a href="P020240125_1.xlsx">2024年部门预算公开表.xlsx</a></p></div></body></html>`,
		"www.jh.test/zwgk/202312/t20231220_3.html": `<html><head><meta charset="utf-8"><title>静海区2023年财政预算执行情况</title></head><body>
<div class="TRS_Editor"><p>全年一般公共预算支出完成280590万元。</p></div></body></html>`,
		"www.jh.test/zwgk/202401/P020240125_1.xlsx":         "PK-xlsx",
		"www.jh.test/uploadfiles/2024/01/budget-notes.docx": "PK-docx",
		"file.jh.test/upload/2024/scan.pdf":                 "%PDF-1.4 scan",
		"file.jh.test/upload/2024/goals.xlsx":               "PK-goals",
	}
	var mu sync.Mutex
	hits := map[string]int{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Host + r.URL.Path
		mu.Lock()
		hits[key]++
		mu.Unlock()
		if key == "www.jh.test/download.jsp" {
			http.Redirect(w, r, "http://file.jh.test/upload/2024/goals.xlsx", http.StatusFound)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/robots.txt") {
			http.NotFound(w, r)
			return
		}
		body, ok := pages[key]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(key, ".html"):
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		case strings.HasSuffix(key, ".pdf"):
			w.Header().Set("Content-Type", "application/pdf")
		default:
			w.Header().Set("Content-Type", "application/octet-stream")
		}
		w.Write([]byte(body))
	}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")
	dir := t.TempDir()
	cfg := crawl.Config{
		Sites:      []crawl.Site{{Name: "天津市静海区", Seeds: []string{"http://www.jh.test/zwgk/list.html"}, Prefixes: []string{"/zwgk/"}}},
		ArchiveDir: dir,
		Delay:      -1,
		RetryBase:  10 * time.Millisecond,
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, network, addr) // every host is this server
		},
	}
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{
		"www.jh.test/zwgk/202401/P020240125_1.xlsx",         // relative, linked twice
		"www.jh.test/uploadfiles/2024/01/budget-notes.docx", // outside /zwgk/
		"file.jh.test/upload/2024/scan.pdf",                 // the site's file host
		"file.jh.test/robots.txt",                           // asked first, like any host
		"www.jh.test/download.jsp",                          // a download link that redirects …
		"file.jh.test/upload/2024/goals.xlsx",               // … to the file host
	} {
		if hits[p] != 1 {
			t.Errorf("%s fetched %d times, want 1", p, hits[p])
		}
	}
	if n := hits["www.other.test/files/x.xls"] + hits["www.other.test/robots.txt"]; n != 0 {
		t.Errorf("the off-site attachment was requested %d times", n)
	}
	if st.Attachments != 4 {
		t.Errorf("%d attachments archived, want 4 (one reached through a redirect)", st.Attachments)
	}
	if st.OffSite < 1 {
		t.Errorf("off-site links %d: the other site's attachment is recorded", st.OffSite)
	}
	parents := map[string]string{}
	err = archive.Walk(context.Background(), []string{dir}, archive.Visitor{Item: func(it archive.Item) error {
		parents[it.URL] = it.Parent
		return nil
	}}, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	art := "http://www.jh.test/zwgk/202401/t20240125_1.html"
	for u, want := range map[string]string{
		"http://www.jh.test/zwgk/202401/P020240125_1.xlsx":         art,
		"http://www.jh.test/uploadfiles/2024/01/budget-notes.docx": art,
		"http://file.jh.test/upload/2024/scan.pdf":                 art,
		"http://file.jh.test/upload/2024/goals.xlsx":               art,
		art: "",
	} {
		if got, ok := parents[u]; !ok || got != want {
			t.Errorf("%s: archived %v with parent %q, want %q", u, ok, got, want)
		}
	}
}
