package ingest

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/govfig/govfig/internal/synth"
)

// BenchmarkRun extracts a 2,000-page synthetic archive into an empty
// database per iteration with testRead (so it measures the pipeline and the
// store, not the extraction rules): pages/s and figures/s.
func BenchmarkRun(b *testing.B) {
	const pages = 2000
	dir := b.TempDir()
	g, err := synth.New(synth.Options{Pages: pages, Seed: 3})
	if err != nil {
		b.Fatal(err)
	}
	in := filepath.Join(dir, "archive")
	if _, err := g.WriteWARC(in); err != nil {
		b.Fatal(err)
	}
	var figures int
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		s := openStore(b, filepath.Join(dir, fmt.Sprintf("b%d.db", i)))
		st := run(b, s, Options{Read: testRead, ExtractorVersion: "t1"}, in)
		if st.New != pages {
			b.Fatalf("%+v", st)
		}
		figures += st.Figures
	}
	secs := b.Elapsed().Seconds()
	b.ReportMetric(float64(pages*b.N)/secs, "pages/s")
	b.ReportMetric(float64(figures)/secs, "figures/s")
}
