package crawl_test

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/govfig/govfig/archive"
	"github.com/govfig/govfig/crawl"
	"github.com/govfig/govfig/fixtures/siteserver"
)

// TestIdenticalPagesAreDocuments: two article URLs that serve the same
// bytes are archived once and a revisit (identical payload digest); reading
// the archive gives both URLs with that payload, so each is a document.
func TestIdenticalPagesAreDocuments(t *testing.T) {
	same := article("河阳县2024年秋季学期学生资助资金发放公示")
	site := fstest.MapFS{
		"heyang/_site.txt":                  {Data: []byte("湖南省河阳县 /xszz/index.html\n")},
		"heyang/xszz/index.html":            {Data: []byte(columnPage)},
		"heyang/xszz/2024/t20240920_1.html": same,
		"heyang/xszz/2024/t20240615_2.html": same,
		"heyang/xszz/2024/t20240305_3.html": article("河阳县2024年学生资助政策问答汇编"),
		"heyang/xszz/index_1.html":          {Data: []byte(emptyPage)},
	}
	s := startSite(t, siteserver.Options{FS: site})
	cfg := config(t, s, t.TempDir())
	cfg.Delay = -1
	if _, err := crawl.Run(context.Background(), cfg); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]string{}
	var skipped []string
	err := archive.Walk(context.Background(), []string{cfg.ArchiveDir}, archive.Visitor{
		Item: func(it archive.Item) error { bodies[it.URL] = string(it.Body); return nil },
		Skip: func(src, url, reason string) { skipped = append(skipped, url+": "+reason) },
	}, archive.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var one, two string
	for u, b := range bodies {
		switch {
		case strings.HasSuffix(u, "/2024/t20240920_1.html"):
			one = b
		case strings.HasSuffix(u, "/2024/t20240615_2.html"):
			two = b
		}
	}
	if one == "" || two == "" || one != two {
		t.Errorf("identical pages: read %d and %d bytes (want both, equal); items %d, skipped %v", len(one), len(two), len(bodies), skipped)
	}
}
