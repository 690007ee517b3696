package crawl

import (
	"bytes"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestEncodeExchangeMatchesGowarc holds encodeExchange to the bytes of
// buildRecords (gowarc's record builder) and encode, given the same record
// IDs: every kind of URL, with and without an IP address and a warcinfo
// record, empty and large bodies, a body that looks like a header end.
func TestEncodeExchangeMatchesGowarc(t *testing.T) {
	defer func(f func() (string, error)) { recordID = f }(recordID)
	n := 0
	recordID = func() (string, error) {
		n++
		return fmt.Sprintf("urn:uuid:00000000-0000-4000-8000-%012d", n), nil
	}
	page := "<html><head><meta charset=utf-8><title>公告</title></head><body><p>全县共资助学生3216人次。</p></body></html>"
	bodies := map[string]string{
		"page":  page,
		"empty": "",
		"large": strings.Repeat(page+"\n", 1000), // past gowarc's 16 KiB block buffer
		"crlf":  "first\r\n\r\nHTTP/1.1 200 OK\r\n\r\nsecond",
	}
	c := &crawler{}
	for _, kind := range []string{kindList, kindArticle, kindAttachment, "robots"} {
		for name, body := range bodies {
			for _, ip := range []string{"", "127.0.0.1", "2001:db8::1"} {
				for _, info := range []string{"", "urn:uuid:11111111-2222-4333-8444-555555555555"} {
					for _, code := range []int{200, 404, 301} {
						ex := &exchange{
							url:      "http://www.example.gov.cn/zwgk/a.html?id=7&x=%E5%85%AC",
							reqRaw:   []byte("GET /zwgk/a.html?id=7&x=%E5%85%AC HTTP/1.1\r\nHost: www.example.gov.cn\r\nUser-Agent: govfig/0.1\r\nAccept: */*\r\nIf-None-Match: \"x\"\r\n\r\n"),
							resp:     &http.Response{StatusCode: code},
							respHead: []byte(fmt.Sprintf("HTTP/1.1 %d %s\r\nContent-Type: text/html\r\nEtag: \"x\"\r\n\r\n", code, http.StatusText(code))),
							body:     []byte(body),
							ip:       ip,
							start:    time.Date(2024, 5, 1, 8, 0, 0, 123456789, time.FixedZone("CST", 8*3600)),
						}
						parent := "http://www.example.gov.cn/zwgk/p.html"
						label := fmt.Sprintf("%s/%s/ip %q/info %q/%d", kind, name, ip, info, code)

						n = 0
						req, resp, wantDigest, err := c.buildRecords(ex, kind, parent, nil, nil)
						if err != nil {
							t.Fatal(err)
						}
						wantID := resp.RecordId()
						want := newEncoder()
						if err := want.encode(info, req, resp); err != nil {
							t.Fatal(err)
						}

						n = 0
						got := newEncoder()
						for round := 0; round < 2; round++ { // a reused encoder writes the same
							got.buf.Reset()
							n = 0
							id, digest, err := got.encodeExchange(info, ex, kind, parent)
							if err != nil {
								t.Fatal(err)
							}
							if id != wantID || digest != wantDigest {
								t.Errorf("%s: record ID %q, digest %q; want %q, %q", label, id, digest, wantID, wantDigest)
							}
							if !bytes.Equal(got.buf.Bytes(), want.buf.Bytes()) {
								t.Fatalf("%s: encodeExchange wrote\n%s\ngowarc and encode write\n%s", label, gunzipAll(t, got.buf.Bytes()), gunzipAll(t, want.buf.Bytes()))
							}
						}
					}
				}
			}
		}
	}
}

func gunzipAll(t *testing.T, b []byte) string {
	t.Helper()
	s, err := decodeBody(b, "gzip", 1<<30)
	if err != nil {
		t.Fatal(err)
	}
	if len(s) > 2000 {
		s = s[:2000]
	}
	return string(s)
}
