package archive

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/govfig/govfig/schema"
)

// FuzzWARC feeds arbitrary bytes to the WARC reader, as a .warc.gz and as a
// .warc: it must report problems, never panic or hang.
func FuzzWARC(f *testing.F) {
	data, err := os.ReadFile("testdata/wget.warc.gz")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add(data[:len(data)/3])
	zr, _ := gzip.NewReader(bytes.NewReader(data))
	var plain bytes.Buffer
	plain.ReadFrom(zr)
	f.Add(plain.Bytes())
	f.Add(plain.Bytes()[:plain.Len()/2])
	f.Add([]byte("WARC/1.1\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("WARC/1.1\r\nWARC-Type: response\r\nContent-Type: application/http;msgtype=response\r\n" +
		"WARC-Target-URI: <http://a/>\r\nContent-Length: 30\r\n\r\nHTTP/1.1 200 OK\r\n\r\n"))
	f.Add([]byte{0x1f, 0x8b, 0x08, 0x00})
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		for _, name := range []string{"f.warc.gz", "f.warc"} {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			err := Walk(context.Background(), []string{p}, Visitor{
				Item:    func(Item) error { return nil },
				Problem: func(schema.Problem) {},
			}, Options{MaxBody: 1 << 20})
			if err != nil {
				t.Fatalf("Walk returned %v; damaged input must be a problem", err)
			}
		}
	})
}
