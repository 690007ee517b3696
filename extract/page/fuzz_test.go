package page

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/govfig/govfig/fixtures"
)

// FuzzRead feeds Read arbitrary bytes, seeded with the fixture pages: it
// must return a document or an error, never panic, and every span of the
// document must point into its text.
func FuzzRead(f *testing.F) {
	names, err := fs.Glob(fixtures.Pages, "pages/*.html")
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(fixtures.Pages, n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte("<table><tr><td rowspan=99999 colspan=99999>x</td></tr><tr><td>1</td></tr></table>"), "text/html; charset=gbk")
	f.Add([]byte("<meta charset=utf-16><p>\xff\xfe</p>"), "")
	f.Add([]byte("<script>createPageHTML(99999999, -5, 'a', 'b')</script>"), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		doc, err := Read(body, "http://www.example.gov.cn/a/index.html", contentType)
		if err != nil {
			return
		}
		checkInvariants(t, doc)
	})
}

// FuzzReadList feeds the crawler's list reader (a sites-file URL is read as
// a list whatever it holds) arbitrary bytes: links and next pages must be
// absolute http(s) URLs, or the call an error; never a panic.
func FuzzReadList(f *testing.F) {
	names, err := fs.Glob(fixtures.Pages, "pages/*list*.html")
	if err != nil {
		f.Fatal(err)
	}
	for _, n := range names {
		b, err := fs.ReadFile(fixtures.Pages, n)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	f.Add([]byte(`<ul><li><a href="javascript:alert(1)">通知</a><span>2024-01-01</span></li><li><a href="//x/%zz">公告</a>2024-13-45</li></ul><a href="index_1.html">下一页</a>`), "")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		lp, err := ReadList(body, "http://www.example.gov.cn/zwgk/index.html", contentType)
		if err != nil {
			return
		}
		for _, l := range lp.Articles {
			if !strings.HasPrefix(l.URL, "http://") && !strings.HasPrefix(l.URL, "https://") {
				t.Errorf("article link %q is not an http(s) URL", l.URL)
			}
		}
		for _, u := range lp.Next {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Errorf("next page %q is not an http(s) URL", u)
			}
		}
	})
}
