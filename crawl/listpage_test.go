package crawl_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/govfig/govfig/archive"
	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

// columnPage is a plain column page: an introduction longer than its list,
// three dated entries, a 专题 block and a next page. The page-type decision
// reads it as an article; named in the sites file, it is a list.
const columnPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>学生资助_河阳县人民政府</title></head><body>
<div class="col-intro"><p>学生资助栏目公开河阳县各学段学生资助政策、资助资金发放情况和资助工作动态。全县建立了覆盖学前教育到高中阶段的学生资助体系，确保不让一个学生因家庭经济困难而失学。家长和学生对资助工作有疑问的，可向县学生资助管理中心咨询。</p>
<p>资助项目包括学前教育幼儿资助、义务教育家庭经济困难学生生活补助、普通高中国家助学金和免学费、中等职业学校国家助学金和免学费、生源地信用助学贷款等。各学校设立学生资助工作领导小组，负责本校资助对象的认定、公示和资金发放，接受社会和家长监督。</p></div>
<ul class="news-ul">
<li><a href="2024/t20240920_1.html">河阳县2024年秋季学期学生资助资金发放公示</a><span>2024-09-20</span></li>
<li><a href="2024/t20240615_2.html">河阳县2024年春季学期学生资助资金发放公示</a><span>2024-06-15</span></li>
<li><a href="2024/t20240305_3.html">河阳县2024年学生资助政策问答汇编</a><span>2024-03-05</span></li>
</ul>
<div class="zt"><ul>
<li><a href="/zt/a/">深入学习贯彻党的二十届三中全会精神</a></li>
<li><a href="/zt/b/">河阳县持续优化营商环境专题</a></li>
<li><a href="/zt/c/">全面推进乡村振兴工作专题</a></li>
<li><a href="/zt/d/">河阳县2024年防汛抗旱工作专题</a></li>
</ul></div>
<a href="index_1.html">下一页</a>
</body></html>`

// emptyPage is a list page of the sites file that holds no entries.
const emptyPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>通知公告_河阳县人民政府</title></head><body>
<div class="col-intro"><p>本栏目暂无信息。</p></div>
</body></html>`

const secondPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>学生资助_河阳县人民政府</title></head><body>
<ul class="news-ul">
<li><a href="2023/t20230918_4.html">河阳县2023年秋季学期学生资助资金发放公示</a><span>2023-09-18</span></li>
<li><a href="2023/t20230612_5.html">河阳县2023年春季学期学生资助资金发放公示</a><span>2023-06-12</span></li>
<li><a href="2023/t20230301_6.html">河阳县2023年学生资助工作要点</a><span>2023-03-01</span></li>
</ul>
</body></html>`

func article(title string) *fstest.MapFile {
	return &fstest.MapFile{Data: []byte(`<html><head><meta charset="utf-8"><title>` + title + `</title></head><body><div class="TRS_Editor"><p>` +
		title + `。全县共资助学生3216人次，发放资助资金412.6万元。</p></div></body></html>`)}
}

// TestListPageByUsersWord: a column page of the sites file is walked as a
// list (with its next page) though it reads as an article, and a list page
// without entries is recorded as a fault.
func TestListPageByUsersWord(t *testing.T) {
	site := fstest.MapFS{
		"heyang/_site.txt":                  {Data: []byte("湖南省河阳县 /xszz/index.html /tzgg/index.html\n")},
		"heyang/xszz/index.html":            {Data: []byte(columnPage)},
		"heyang/xszz/index_1.html":          {Data: []byte(secondPage)},
		"heyang/tzgg/index.html":            {Data: []byte(emptyPage)},
		"heyang/xszz/2024/t20240920_1.html": article("河阳县2024年秋季学期学生资助资金发放公示"),
		"heyang/xszz/2024/t20240615_2.html": article("河阳县2024年春季学期学生资助资金发放公示"),
		"heyang/xszz/2024/t20240305_3.html": article("河阳县2024年学生资助政策问答汇编"),
		"heyang/xszz/2023/t20230918_4.html": article("河阳县2023年秋季学期学生资助资金发放公示"),
		"heyang/xszz/2023/t20230612_5.html": article("河阳县2023年春季学期学生资助资金发放公示"),
		"heyang/xszz/2023/t20230301_6.html": article("河阳县2023年学生资助工作要点"),
	}
	s := startSite(t, siteserver.Options{FS: site})
	cfg := config(t, s, t.TempDir())
	cfg.Delay = -1
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	got := hitCounts(s.Host("heyang"))
	for _, p := range []string{"/xszz/index.html", "/xszz/index_1.html", "/tzgg/index.html",
		"/xszz/2024/t20240920_1.html", "/xszz/2024/t20240615_2.html", "/xszz/2024/t20240305_3.html",
		"/xszz/2023/t20230918_4.html", "/xszz/2023/t20230612_5.html", "/xszz/2023/t20230301_6.html"} {
		if got[p] != 1 {
			t.Errorf("%s fetched %d times, want 1", p, got[p])
		}
	}
	for p := range got {
		if strings.HasPrefix(p, "/zt/") {
			t.Errorf("%s (a 专题 link) fetched as an article", p)
		}
	}
	if st.Faults[crawl.FaultList] != 1 {
		t.Errorf("faults %v: want one list fault, for the list page without entries", st.Faults)
	}
	// The user's word is kept in the archive, for extract: the list pages'
	// responses are marked, the articles' are not.
	marked := map[string]string{}
	err = archive.Walk(context.Background(), []string{cfg.ArchiveDir}, archive.Visitor{Item: func(it archive.Item) error {
		marked[it.URL[strings.Index(it.URL[len("http://"):], "/")+len("http://"):]] = it.PageType
		return nil
	}}, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{"/xszz/index.html": "list", "/xszz/index_1.html": "list", "/tzgg/index.html": "list",
		"/xszz/2024/t20240920_1.html": ""} {
		if got, ok := marked[p]; !ok || got != want {
			t.Errorf("%s: archived with page type %q (found %v), want %q", p, got, ok, want)
		}
	}
}

// TestListPageGzipUnasked: the crawler never asks for compression, but a
// server sends a list page gzip-compressed anyway, once saying so
// (Content-Encoding: gzip) and once not (the header lies, the bytes are
// gzip): both lists are read and their entries fetched, and the archive
// (which keeps the bytes as sent) gives extract the decoded pages.
func TestListPageGzipUnasked(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	site := fstest.MapFS{
		"heyang/_site.txt":                  {Data: []byte("湖南省河阳县 /xszz/index.html /old/index.html\n")},
		"heyang/xszz/index.html.gz":         {Data: gz(columnPage)},    // sent with Content-Encoding: gzip
		"heyang/xszz/index_1.html":          {Data: []byte(emptyPage)}, // its next page
		"heyang/old/index.html":             {Data: gz(oldSecondPage)}, // gzip bytes, no Content-Encoding
		"heyang/xszz/2024/t20240920_1.html": article("河阳县2024年秋季学期学生资助资金发放公示"),
		"heyang/xszz/2024/t20240615_2.html": article("河阳县2024年春季学期学生资助资金发放公示"),
		"heyang/xszz/2024/t20240305_3.html": article("河阳县2024年学生资助政策问答汇编"),
		"heyang/old/2023/t20230918_4.html":  article("河阳县2023年秋季学期学生资助资金发放公示"),
		"heyang/old/2023/t20230612_5.html":  article("河阳县2023年春季学期学生资助资金发放公示"),
		"heyang/old/2023/t20230301_6.html":  article("河阳县2023年学生资助工作要点"),
	}
	s := startSite(t, siteserver.Options{FS: site})
	cfg := config(t, s, t.TempDir())
	cfg.Delay = -1
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	got := hitCounts(s.Host("heyang"))
	for _, p := range []string{"/xszz/2024/t20240920_1.html", "/xszz/2024/t20240615_2.html", "/xszz/2024/t20240305_3.html",
		"/old/2023/t20230918_4.html", "/old/2023/t20230612_5.html", "/old/2023/t20230301_6.html"} {
		if got[p] != 1 {
			t.Errorf("%s fetched %d times, want 1 (hits %v)", p, got[p], got)
		}
	}
	bodies := map[string]string{}
	err := archive.Walk(context.Background(), []string{cfg.ArchiveDir}, archive.Visitor{Item: func(it archive.Item) error {
		bodies[it.URL[strings.Index(it.URL[len("http://"):], "/")+len("http://"):]] = string(it.Body)
		return nil
	}}, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/xszz/index.html", "/old/index.html"} {
		if !strings.HasPrefix(bodies[p], "<!DOCTYPE html>") {
			t.Errorf("%s: archive gives %q…, want the decoded page", p, bodies[p][:min(len(bodies[p]), 20)])
		}
	}
}

// oldSecondPage is secondPage under /old/.
const oldSecondPage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>学生资助_河阳县人民政府</title></head><body>
<ul class="news-ul">
<li><a href="2023/t20230918_4.html">河阳县2023年秋季学期学生资助资金发放公示</a><span>2023-09-18</span></li>
<li><a href="2023/t20230612_5.html">河阳县2023年春季学期学生资助资金发放公示</a><span>2023-06-12</span></li>
<li><a href="2023/t20230301_6.html">河阳县2023年学生资助工作要点</a><span>2023-03-01</span></li>
</ul>
</body></html>`
