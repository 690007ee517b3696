package crawl

import (
	"bytes"
	"compress/gzip"
	"errors"
	"strings"
	"testing"
)

func TestDecodeBody(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	page := "<html><body><p>全县共资助学生3216人次。</p></body></html>"
	bomb := gz(strings.Repeat("\x00", 1<<20)) // 1 KB that expands to 1 MB
	for _, c := range []struct {
		name, enc string
		body      []byte
		want      string // decoded body; "" when an error is expected
		err       error
	}{
		{"plain", "", []byte(page), page, nil},
		{"gzip said", "gzip", gz(page), page, nil},
		{"x-gzip said", "x-gzip", gz(page), page, nil},
		{"gzip unsaid", "", gz(page), page, nil},
		{"gzip said, plain sent", "gzip", []byte(page), page, nil},
		{"bomb", "gzip", bomb, "", errTooLarge},
	} {
		got, err := decodeBody(c.body, c.enc, 64<<10)
		if c.err != nil {
			if !errors.Is(err, c.err) || got != nil {
				t.Errorf("%s: %d bytes, error %v, want %v", c.name, len(got), err, c.err)
			}
			continue
		}
		if err != nil || string(got) != c.want {
			t.Errorf("%s: %q, %v, want %q", c.name, got, err, c.want)
		}
	}
}
