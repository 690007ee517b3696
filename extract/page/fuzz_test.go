package page

import (
	"io/fs"
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
