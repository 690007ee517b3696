package bench

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract"
	"github.com/govfig/govfig/extract/figures"
	"github.com/govfig/govfig/extract/page"
	"github.com/govfig/govfig/internal/synth"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// TestTableHasEveryStage runs every stage once on a few pages and checks
// the table names each with a positive ratio against its baseline.
func TestTableHasEveryStage(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the dictionary")
	}
	res, err := Run(context.Background(), Options{Pages: []int{20, 40}, Runs: 1, Texts: 10, Crawl: true, Export: true, Reextract: true, Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	res.Print(&buf)
	out := buf.String()
	for _, want := range []string{"Machine:", "cores", "extract 20 pages", "extract 40 pages", "SQLite writer", "text → figures",
		"export", "crawl", "ms/page", "ms of CPU a page", "every row it writes", "Where a page's CPU goes", "the seed report", "re-extract 20 pages", "re-extract 40 pages"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	for _, s := range res.Stages {
		if strings.HasPrefix(s.Name, "crawl") && (len(s.CPUValues) != 1 || s.CPUValues[0] <= 0 || s.CPUBase[0] <= 0) {
			t.Errorf("%s: pages per CPU second %v against %v", s.Name, s.CPUValues, s.CPUBase)
		}
		for i, v := range s.Values {
			if v <= 0 || s.BaseValues[i] <= 0 {
				t.Errorf("%s: run %d: %v against %v", s.Name, i, v, s.BaseValues[i])
			}
		}
	}
}

// synthDocs reads n synthetic pages into documents (figures included).
func synthDocs(b *testing.B, n int) []*schema.Document {
	g, err := synth.New(synth.Options{Pages: n, Seed: 1, HTML: true})
	if err != nil {
		b.Fatal(err)
	}
	var docs []*schema.Document
	for i := 0; i < n; i++ {
		p := g.Page(i)
		d, err := extract.Read(p.URL, p.Body, p.ContentType)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// BenchmarkFiguresSynth is the figure rules over 100 synthetic pages'
// texts (profile with -cpuprofile); BenchmarkCutSynth is gse Cut over the same.
func BenchmarkFiguresSynth(b *testing.B) {
	docs := synthDocs(b, 100)
	ex := figures.Default()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			c := *d
			c.Figures = nil
			ex.Run(&c)
		}
	}
}

func BenchmarkCutSynth(b *testing.B) {
	docs := synthDocs(b, 100)
	seg := segment.Default()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			seg.Cut(d.Text)
		}
	}
}

// BenchmarkWriterSynth is schema's writer over 300 synthetic documents
// against the bare insert loop, interleaved.
func BenchmarkWriterSynth(b *testing.B) {
	docs := synthDocs(b, 300)
	dir := b.TempDir()
	b.ResetTimer()
	var w, bare []float64
	for i := 0; b.Loop(); i++ {
		c0 := cpuTime()
		if _, err := writerRun(context.Background(), docs, filepath.Join(dir, fmt.Sprintf("w%d.db", i))); err != nil {
			b.Fatal(err)
		}
		c1 := cpuTime()
		if _, err := bareRun(docs, filepath.Join(dir, fmt.Sprintf("b%d.db", i))); err != nil {
			b.Fatal(err)
		}
		c2 := cpuTime()
		w, bare = append(w, float64(countFigures(docs))/(c1-c0)), append(bare, float64(countFigures(docs))/(c2-c1))
	}
	b.ReportMetric(median(w), "figures/cpu-s")
	b.ReportMetric(median(bare), "bare-figures/cpu-s")
	b.ReportMetric(median(w)/median(bare), "ratio")
}

// BenchmarkWriterAloneSynth is schema's writer alone over the 300 synthetic
// documents of BenchmarkWriterSynth, for profiles (-cpuprofile) and for
// comparing two builds of the writer (old and new test binaries
// alternated); it reports the CPU time of one load (Open to Close).
func BenchmarkWriterAloneSynth(b *testing.B) {
	docs := synthDocs(b, 300)
	dir := b.TempDir()
	b.ResetTimer()
	c0 := cpuTime()
	for i := 0; b.Loop(); i++ {
		if _, err := writerRun(context.Background(), docs, filepath.Join(dir, fmt.Sprintf("w%d.db", i))); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-c0)*1000/float64(b.N), "cpu-ms/op")
}

// BenchmarkReadSynth is page.Read alone over 200 synthetic pages, the
// baseline of the extract stage, on one goroutine (profile with
// -cpuprofile).
func BenchmarkReadSynth(b *testing.B) {
	g, err := synth.New(synth.Options{Pages: 200, Seed: 1, HTML: true})
	if err != nil {
		b.Fatal(err)
	}
	pages := pagesOf(g, 200)
	b.ResetTimer()
	for b.Loop() {
		for _, p := range pages {
			if _, err := page.Read(p.Body, p.URL, p.ContentType); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}
