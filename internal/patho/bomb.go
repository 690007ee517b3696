package patho

import (
	"bytes"
	"compress/gzip"
	"fmt"
)

// BombWARC returns a .warc.gz of three records, each its own gzip member: a
// page, a gzip bomb (a response whose block of expanded bytes, nearly all
// zeros, compresses to about a thousandth of that) and another page. It
// also returns the bomb's member offset. The pages are
// http://a.gov.cn/before.html and …/after.html; the bomb is …/bomb.html.
func BombWARC(expanded int64) ([]byte, int64) {
	var out bytes.Buffer
	member := func(write func(zw *gzip.Writer)) {
		zw, _ := gzip.NewWriterLevel(&out, gzip.BestCompression)
		write(zw)
		zw.Close() // writes to a bytes.Buffer do not fail
	}
	n := 0
	header := func(zw *gzip.Writer, uri string, length int64) {
		n++
		fmt.Fprintf(zw, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:6f1c2d4e-0000-4000-8000-%012d>\r\n"+
			"WARC-Date: 2024-08-29T08:16:38Z\r\nWARC-Target-URI: %s\r\n"+
			"Content-Type: application/http;msgtype=response\r\nContent-Length: %d\r\n\r\n", n, uri, length)
	}
	page := func(uri string) func(zw *gzip.Writer) {
		return func(zw *gzip.Writer) {
			block := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" +
				"<html><body><p>全区共有中小学校52所。</p></body></html>"
			header(zw, uri, int64(len(block)))
			zw.Write([]byte(block + "\r\n\r\n"))
		}
	}
	member(page("http://a.gov.cn/before.html"))
	offset := int64(out.Len())
	member(func(zw *gzip.Writer) {
		head := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
		header(zw, "http://a.gov.cn/bomb.html", expanded)
		zw.Write([]byte(head))
		zeros := make([]byte, 1<<20)
		for n := expanded - int64(len(head)); n > 0; n -= int64(len(zeros)) {
			zw.Write(zeros[:min(n, int64(len(zeros)))])
		}
		zw.Write([]byte("\r\n\r\n"))
	})
	member(page("http://a.gov.cn/after.html"))
	return out.Bytes(), offset
}
