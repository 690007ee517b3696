package archive

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govfig/govfig/internal/patho"
	"github.com/govfig/govfig/schema"
)

// FuzzWARC feeds arbitrary bytes to the WARC reader, as a .warc.gz and as a
// .warc: it must report problems, never panic, hang or fail the walk; every
// item stays within MaxBody and every problem names the file.
func FuzzWARC(f *testing.F) {
	data, err := os.ReadFile("testdata/wget.warc.gz")
	if err != nil {
		f.Fatal(err)
	}
	bomb, _ := patho.BombWARC(4 << 10)
	for _, gz := range [][]byte{data, bomb} {
		f.Add(gz)
		f.Add(gz[:len(gz)/3])
		zr, _ := gzip.NewReader(bytes.NewReader(gz))
		var plain bytes.Buffer
		plain.ReadFrom(zr)
		f.Add(plain.Bytes())
		f.Add(plain.Bytes()[:plain.Len()/2])
	}
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http;msgtype=response\r\n" +
		"WARC-Target-URI: <http://a/>\r\nContent-Length: 30\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0x00})
	f.Add([]byte{})
	const maxBody = 1 << 20
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		for _, name := range []string{"f.warc.gz", "f.warc"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			err := Walk(context.Background(), []string{p}, Visitor{
				Item: func(it Item) error {
					if int64(len(it.Body)) > maxBody || it.Source == "" {
						t.Errorf("%s: item %q of %d bytes from %q: over MaxBody or without a source", name, it.URL, len(it.Body), it.Source)
					}
					return nil
				},
				Problem: func(pr schema.Problem) {
					if !strings.Contains(pr.Path+" "+pr.Message, name) {
						t.Errorf("%s: problem %+v does not name the file", name, pr)
					}
				},
			}, Options{MaxBody: maxBody})
			if err != nil {
				t.Fatalf("Walk returned %v; damaged input must be a problem", err)
			}
		}
	})
}
