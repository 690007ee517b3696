package crawl

import (
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/klauspost/compress/gzip"
)

// BenchmarkEncodeRecords builds and compresses the request and response
// records of the fixture pages (fixtures/pages, site, heldout, heldout-web,
// gold) at the records' gzip level and at BestSpeed, and reports the
// compressed size against the raw bodies (what BestSpeed would cost).
func BenchmarkEncodeRecords(b *testing.B) {
	var bodies [][]byte
	raw := 0
	for _, d := range []string{"pages", "site", "heldout-web", "heldout", "gold"} {
		filepath.WalkDir(filepath.Join("..", "fixtures", d), func(p string, e fs.DirEntry, err error) error {
			if err == nil && !e.IsDir() && (strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm")) {
				if body, err := os.ReadFile(p); err == nil {
					bodies = append(bodies, body)
					raw += len(body)
				}
			}
			return nil
		})
	}
	if len(bodies) == 0 {
		b.Skip("no fixture pages")
	}
	c := &crawler{}
	for _, lvl := range []int{recordLevel, gzip.BestSpeed} {
		b.Run(fmt.Sprintf("level=%d", lvl), func(b *testing.B) {
			e := newEncoder()
			e.gz, _ = gzip.NewWriterLevel(nil, lvl)
			total, pages := 0, 0
			for b.Loop() {
				for i, body := range bodies {
					ex := &exchange{url: fmt.Sprintf("http://www.example.gov.cn/a/%d.html", i),
						reqRaw:   []byte("GET /a.html HTTP/1.1\r\nHost: www.example.gov.cn\r\nUser-Agent: govfig/0.1\r\n\r\n"),
						resp:     &http.Response{StatusCode: http.StatusOK},
						respHead: []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"),
						body:     body, start: time.Now()}
					req, resp, _, err := c.buildRecords(ex, kindArticle, "", nil, nil)
					if err != nil {
						b.Fatal(err)
					}
					e.buf.Reset()
					if err := e.encode("<urn:uuid:11111111-2222-3333-4444-555555555555>", req, resp); err != nil {
						b.Fatal(err)
					}
					total += e.buf.Len()
					pages++
				}
			}
			b.ReportMetric(float64(total)/float64(pages/len(bodies))/float64(raw), "gz/raw")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(pages), "µs/page")
		})
	}
}
