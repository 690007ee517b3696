package workbook

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// benchWrite exports n generated figures (100 per document, 300 regions).
// Peak memory is measured outside Go's allocator by bench.sh.
func benchWrite(b *testing.B, n int) {
	src := &genSource{n: n, docs: max(n/100, 1), regions: 300}
	dir := b.TempDir()
	path := filepath.Join(dir, "bench.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		st, err := Write(context.Background(), src, path, Options{TmpDir: dir})
		if err != nil {
			b.Fatal(err)
		}
		if st.Figures != n {
			b.Fatalf("wrote %d figures, want %d", st.Figures, n)
		}
		// Past Excel's 1,048,575 data rows, 数据 continues on 数据2.
		if want := (n + excelize.TotalRows - 2) / (excelize.TotalRows - 1); len(st.DataSheets) != want {
			b.Fatalf("figures on %v, want %d sheets", st.DataSheets, want)
		}
	}
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "MB-file")
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "figures/s")
}

func BenchmarkWrite1k(b *testing.B)   { benchWrite(b, 1_000) }
func BenchmarkWrite100k(b *testing.B) { benchWrite(b, 100_000) }
func BenchmarkWrite1M(b *testing.B)   { benchWrite(b, 1_000_000) }

// BenchmarkWrite1100k crosses Excel's row limit: 数据 and 数据2.
func BenchmarkWrite1100k(b *testing.B) { benchWrite(b, 1_100_000) }
