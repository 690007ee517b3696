package ingest

import (
	"compress/gzip"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/govfig/govfig/archive"
)

type warcRecord struct {
	url  string
	date time.Time
	body string
	// pageType, when set, is written in archive.PageTypeField, as govfig's
	// crawler marks the list pages it was told to walk.
	pageType string
}

// writeTestWARC writes text/plain response records, gzip per record.
func writeTestWARC(t *testing.T, path string, recs ...warcRecord) string {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := gowarc.NewMarshaler()
	for i, r := range recs {
		b := gowarc.NewRecordBuilder(gowarc.Response, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingContentLength(true))
		fmt.Fprintf(b, "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s", r.body)
		b.AddWarcHeader(gowarc.WarcRecordID, fmt.Sprintf("<urn:test:%d>", i))
		b.AddWarcHeader(gowarc.WarcDate, r.date.Format(time.RFC3339))
		b.AddWarcHeader(gowarc.ContentType, "application/http;msgtype=response")
		b.AddWarcHeader(gowarc.WarcTargetURI, r.url)
		if r.pageType != "" {
			b.AddWarcHeader(archive.PageTypeField, r.pageType)
		}
		rec, _, err := b.Build()
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		if _, _, err := m.Marshal(zw, rec, 0); err != nil {
			t.Fatal(err)
		}
		zw.Close()
	}
	return path
}
