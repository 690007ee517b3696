package page

import (
	"io/fs"
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
