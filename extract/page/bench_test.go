package page

import (
	"github.com/govfig/govfig/internal/patho"
	"io/fs"
	"strings"
	"testing"

	"github.com/govfig/govfig/fixtures"
)

// BenchmarkRead reads every fixture page once per iteration and reports
// pages per second along with bytes per second.
func BenchmarkRead(b *testing.B) {
	names, err := fs.Glob(fixtures.Pages, "pages/*.html")
	if err != nil {
		b.Fatal(err)
	}
	var pages [][]byte
	total := 0
	for _, n := range names {
		body, err := fs.ReadFile(fixtures.Pages, n)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, body)
		total += len(body)
	}
	b.SetBytes(int64(total))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := Read(p, "http://www.example.gov.cn/zwgk/index.html", ""); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkReadLarge reads a 4 MB article (a long body and a big table), for
// throughput and memory per byte on large inputs.
func BenchmarkReadLarge(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`<html><head><meta charset="utf-8"><title>大页面_天津市静海区人民政府</title></head><body><div class="TRS_Editor">`)
	for sb.Len() < 2<<20 {
		sb.WriteString("<p>全区共有中小学校144所，在校生9万余人，专任教师6000余名，教育经费支出190274万元。</p>\n")
	}
	sb.WriteString("<table>")
	for sb.Len() < 4<<20 {
		sb.WriteString("<tr><td>小学</td><td>45</td><td>38712</td><td>18033</td><td>2315</td></tr>\n")
	}
	sb.WriteString("</table></div></body></html>")
	page := []byte(sb.String())
	b.SetBytes(int64(len(page)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(page, "", ""); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadPatho reads the 16 MB pathological pages of issue 11 with
// page.Read alone: the HTML share of a page's budget.
func BenchmarkReadPatho(b *testing.B) {
	for _, s := range patho.Shapes {
		page := patho.Page(s, 16<<20)
		b.Run(string(s), func(b *testing.B) {
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Read(page, "", ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
