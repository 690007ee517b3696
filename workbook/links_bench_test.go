package workbook

import (
	"context"
	"path/filepath"
	"testing"
)

// BenchmarkLinks10k: 10,000 documents, each URL a hyperlink (the default cap);
// excelize adds each link in time linear in the links already there.
func BenchmarkLinks10k(b *testing.B) {
	src := &genSource{n: 10_000, docs: 10_000, regions: 300}
	path := filepath.Join(b.TempDir(), "links.xlsx")
	for b.Loop() {
		st, err := Write(context.Background(), src, path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if st.Links != DefaultMaxLinks {
			b.Fatalf("%d links, want %d", st.Links, DefaultMaxLinks)
		}
	}
}
