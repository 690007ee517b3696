package extract_test

import (
	"fmt"
	"os"
	"strconv"
	"testing"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/internal/patho"
)

// BenchmarkPathological reads generated pathological pages of 1, 4, 16 and
// 32 MB (issue 11): time per page should grow linearly with the size.
// Sizes above GOVFIG_BENCH_MB are skipped (go test -bench . -benchtime 1x
// runs each once).
func BenchmarkPathological(b *testing.B) {
	for _, s := range patho.Shapes {
		for _, mb := range benchSizes() {
			page := patho.Page(s, mb<<20)
			b.Run(fmt.Sprintf("%s/%dMB", s, mb), func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				for i := 0; i < b.N; i++ {
					if _, err := extract.Read("p.html", page, ""); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// benchSizes are the page sizes in MB: 1, 4, 16, 32 up to GOVFIG_BENCH_MB
// (default 32).
func benchSizes() []int {
	limit := 32
	if v, err := strconv.Atoi(os.Getenv("GOVFIG_BENCH_MB")); err == nil && v > 0 {
		limit = v
	}
	var out []int
	for _, mb := range []int{1, 4, 16, 32} {
		if mb <= limit {
			out = append(out, mb)
		}
	}
	return out
}
