package crawl

import (
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha1"
	"crypto/tls"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// exchange is one HTTP request and what came back.
type exchange struct {
	url      string
	reqRaw   []byte // the request as sent (request line and headers)
	resp     *http.Response
	respHead []byte // status line and headers as received
	body     []byte
	ip       string
	start    time.Time
	err      error // network error, time-out, or errTooLarge
}

// errTooLarge means the body was longer than MaxBodySize; nothing is stored.
var errTooLarge = errors.New("body too large")

func newTransport(c *Config) http.RoundTripper {
	if c.Client != nil && c.Client.Transport != nil {
		return c.Client.Transport
	}
	d := &net.Dialer{Timeout: c.ConnectTimeout, KeepAlive: 30 * time.Second}
	dial := d.DialContext
	if c.DialContext != nil {
		dial = c.DialContext
	}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dial,
		TLSHandshakeTimeout:   c.ConnectTimeout,
		ResponseHeaderTimeout: c.HeaderTimeout,
		MaxConnsPerHost:       1,
		MaxIdleConnsPerHost:   1,
		MaxIdleConns:          1000,
		IdleConnTimeout:       90 * time.Second,
		DisableCompression:    true, // archive the bytes the server sent
		// One request per connection: with keep-alive, net/http silently
		// re-sends a GET whose reused connection was closed, a request our
		// pacing and retry accounting would never see.
		DisableKeepAlives: true,
		// HTTP/1.1 only: the archive holds HTTP/1.1 messages.
		TLSNextProto: map[string]func(string, *tls.Conn) http.RoundTripper{},
	}
}

// fetch performs one GET, reading at most max bytes of body.
func fetch(ctx context.Context, client *http.Client, cfg *Config, it *item, conditional bool) *exchange {
	ex := &exchange{url: it.url, start: cfg.Clock()}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	trace := &httptrace.ClientTrace{GotConn: func(ci httptrace.GotConnInfo) {
		if a, ok := ci.Conn.RemoteAddr().(*net.TCPAddr); ok {
			ex.ip = a.IP.String()
		}
	}}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, it.url, nil)
	if err != nil {
		ex.err = fmt.Errorf("build request: %w", err)
		return ex
	}
	req.Close = true // one request per connection (see newTransport)
	req.Header.Set("User-Agent", cfg.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9")
	if conditional {
		if it.etag != "" {
			req.Header.Set("If-None-Match", it.etag)
		}
		if it.lastModified != "" {
			req.Header.Set("If-Modified-Since", it.lastModified)
		}
	}
	ex.reqRaw = rawRequest(req)
	resp, err := client.Do(req)
	if err != nil {
		ex.err = err
		return ex
	}
	defer resp.Body.Close()
	ex.resp = resp
	ex.respHead = rawResponseHead(resp)
	if resp.ContentLength > cfg.MaxBodySize {
		ex.err = fmt.Errorf("%w: Content-Length %d > %d", errTooLarge, resp.ContentLength, cfg.MaxBodySize)
		return ex
	}
	var buf bytes.Buffer
	if resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength))
	}
	n, err := io.Copy(&buf, io.LimitReader(resp.Body, cfg.MaxBodySize+1))
	if err != nil {
		ex.err = fmt.Errorf("read body: %w", err)
		return ex
	}
	if n > cfg.MaxBodySize {
		ex.err = fmt.Errorf("%w: more than %d bytes", errTooLarge, cfg.MaxBodySize)
		return ex
	}
	ex.body = buf.Bytes()
	return ex
}

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// decodeBody returns a body with its gzip content coding removed, for the
// crawler's own reading of list pages and robots.txt (the archive keeps the
// bytes as sent; archive.Walk decodes them the same way). The crawler never
// asks for compression, but some servers compress anyway: the body is
// decoded when Content-Encoding says gzip and also when it says nothing but
// the body starts with gzip's magic bytes. A header that says gzip over a
// body that is not gzip is ignored. The decoded body may not exceed max
// (errTooLarge): it is read through a limit, never expanded whole first.
func decodeBody(body []byte, contentEncoding string, max int64) ([]byte, error) {
	enc := strings.ToLower(strings.TrimSpace(contentEncoding))
	if !bytes.HasPrefix(body, gzipMagic) {
		return body, nil
	}
	switch enc {
	case "", "identity", "gzip", "x-gzip":
	default:
		return body, nil // another coding: left to the page reader
	}
	zr, err := gzip.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("gzip body: %w", err)
	}
	out, err := io.ReadAll(io.LimitReader(zr, max+1))
	if err != nil {
		return nil, fmt.Errorf("gzip body: %w", err)
	}
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: gzip body expands to more than %d bytes", errTooLarge, max)
	}
	return out, nil
}

// rawRequest renders the request as it goes on the wire (HTTP/1.1).
func rawRequest(req *http.Request) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "GET %s HTTP/1.1\r\nHost: %s\r\n", req.URL.RequestURI(), req.URL.Host)
	if req.Close {
		b.WriteString("Connection: close\r\n")
	}
	req.Header.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}

// rawResponseHead renders the status line and headers of a response. The
// transport has already removed chunked transfer coding from the body, so the
// Transfer-Encoding header is not repeated.
func rawResponseHead(resp *http.Response) []byte {
	var b bytes.Buffer
	status := resp.Status
	if !strings.HasPrefix(status, strconv.Itoa(resp.StatusCode)) {
		status = fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	fmt.Fprintf(&b, "HTTP/%d.%d %s\r\n", resp.ProtoMajor, resp.ProtoMinor, status)
	resp.Header.Write(&b)
	b.WriteString("\r\n")
	return b.Bytes()
}

// payloadDigest is the WARC payload digest of a body: SHA-1 in base32.
func payloadDigest(body []byte) string {
	sum := sha1.Sum(body)
	return "sha1:" + base32.StdEncoding.EncodeToString(sum[:])
}

// transient says whether an attempt is worth retrying, and a short reason.
func (ex *exchange) transient() (bool, string) {
	if ex.err != nil {
		if errors.Is(ex.err, errTooLarge) {
			return false, "too-large"
		}
		return true, classify(ex.err)
	}
	switch c := ex.resp.StatusCode; {
	case c == http.StatusRequestTimeout, c == http.StatusTooManyRequests, c >= 500 && c <= 599:
		return true, fmt.Sprintf("http %d", c)
	}
	return false, ""
}

// classify names a network error: "timeout", "reset" or "network".
func classify(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "reset"
	}
	return "network"
}

// retryAfter reads a Retry-After header (seconds or an HTTP date).
func retryAfter(resp *http.Response, now time.Time) time.Duration {
	if resp == nil {
		return 0
	}
	v := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0
		}
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}
