package figures

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/govfig/govfig/extract/textdoc"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

func seedDoc(b *testing.B) (string, *schema.Document) {
	b.Helper()
	path := filepath.Join("..", "..", "fixtures", "docs", "jinghai-2023-selfreport.txt")
	body, err := os.ReadFile(path)
	if err != nil {
		b.Skipf("seed fixture absent: %v", err)
	}
	doc, err := textdoc.Read(path, body)
	if err != nil {
		b.Fatal(err)
	}
	return doc.Text, doc
}

// BenchmarkExtractSeed is figure extraction over the seed (MB/s of text);
// compare with BenchmarkGseCutSeed in the same run.
func BenchmarkExtractSeed(b *testing.B) {
	text, doc := seedDoc(b)
	ex := Default()
	ex.Extract(doc) // warm: dictionary loaded outside the timing
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(ex.Extract(doc)) == 0 {
			b.Fatal("no figures")
		}
	}
}

// BenchmarkGseCutSeed is gse's Cut (with HMM) over the same whole text: the
// yardstick extraction must beat by 3×.
func BenchmarkGseCutSeed(b *testing.B) {
	text, _ := seedDoc(b)
	seg := segment.Default()
	seg.Cut(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(seg.Cut(text)) == 0 {
			b.Fatal("no words")
		}
	}
}
