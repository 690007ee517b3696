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
	"sync/atomic"
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
	err      error // network error, time-out, errTooLarge or errUnanswered
	resent   int   // requests net/http sent again on its own (see fetch); normally 0
}

// errTooLarge means the body was longer than MaxBodySize; nothing is stored.
var errTooLarge = errors.New("body too large")

// errUnanswered means a kept-alive connection was closed (or failed) before
// any byte of an answer came back, and net/http's own re-send of the request
// on a new connection was stopped (see fetch): the crawler retries it
// itself, paced, like any reset.
var errUnanswered = errors.New("kept-alive connection closed without an answer")

// idleTimeout is how long a host's connection is kept open between two
// requests. It is below the keep-alive time-outs servers commonly use
// (Apache's is 5 s), so that the crawler, not the server, closes an idle
// connection and a request rarely meets a connection the server is closing.
// With a longer delay between requests every request opens a connection.
const idleTimeout = 4 * time.Second

func newTransport(c *Config) http.RoundTripper {
	if c.Client != nil && c.Client.Transport != nil {
		return c.Client.Transport
	}
	d := &net.Dialer{Timeout: c.ConnectTimeout, KeepAlive: 30 * time.Second}
	dial := d.DialContext
	if c.DialContext != nil {
		dial = c.DialContext
	}
	// One connection per host, kept alive between its requests (fewer TCP
	// and TLS handshakes for the server, and for us). net/http would
	// silently re-send a GET whose reused connection closed before an
	// answer; fetch stops that re-send and counts any that gets through.
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dial,
		TLSHandshakeTimeout:   c.ConnectTimeout,
		ResponseHeaderTimeout: c.HeaderTimeout,
		MaxConnsPerHost:       1,
		MaxIdleConnsPerHost:   1,
		MaxIdleConns:          1000,
		IdleConnTimeout:       idleTimeout,
		DisableCompression:    true, // archive the bytes the server sent
		// HTTP/1.1 only: the archive holds HTTP/1.1 messages.
		TLSNextProto: map[string]func(string, *tls.Conn) http.RoundTripper{},
	}
}

// fetch performs one GET, reading at most max bytes of body.
//
// Every request on the wire is one the crawler decided to send, paced and
// counted: when a kept-alive connection fails before any byte of an answer
// (the server closed it as the request went out, or died on it), net/http
// would re-send the GET at once on a new connection (Transport's automatic
// retry of idempotent requests), unseen by the crawler's pacing and retry
// accounting. The trace's GetConn hook sees a second connection wanted for
// the same request and cancels the request instead: fetch then fails with
// errUnanswered, a transient failure the crawler retries after its backoff.
// If the re-send still got a connection (a race inside net/http), the
// GotConn hook counts it in ex.resent, and the crawler counts and paces it.
func fetch(ctx context.Context, client *http.Client, cfg *Config, it *item, conditional bool) *exchange {
	ex := &exchange{url: it.url, start: cfg.Clock()}
	ctx, cancel := context.WithTimeout(ctx, cfg.Timeout)
	defer cancel()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	var wanted, got atomic.Int32 // connections asked for and obtained for this request
	trace := &httptrace.ClientTrace{
		GetConn: func(string) {
			if wanted.Add(1) > 1 {
				stop(errUnanswered)
			}
		},
		GotConn: func(ci httptrace.GotConnInfo) {
			got.Add(1)
			if a, ok := ci.Conn.RemoteAddr().(*net.TCPAddr); ok {
				ex.ip = a.IP.String()
			}
		},
	}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, it.url, nil)
	if err != nil {
		ex.err = fmt.Errorf("build request: %w", err)
		return ex
	}
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
	// GetConn and GotConn are called on this goroutine, before Do returns.
	if n := int(got.Load()); n > 1 {
		ex.resent = n - 1
	}
	if err != nil {
		ex.err = err
		if errors.Is(context.Cause(ctx), errUnanswered) {
			ex.err = fmt.Errorf("%w (net/http's re-send on a new connection stopped)", errUnanswered)
		}
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

// rawRequest renders the request as net/http writes it on the wire
// (HTTP/1.1): request line, Host, User-Agent, Connection: close when the
// request asks for it, then the other headers in sorted order.
func rawRequest(req *http.Request) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "GET %s HTTP/1.1\r\nHost: %s\r\n", req.URL.RequestURI(), req.URL.Host)
	if ua := req.Header.Get("User-Agent"); ua != "" {
		fmt.Fprintf(&b, "User-Agent: %s\r\n", ua)
	}
	if req.Close {
		b.WriteString("Connection: close\r\n")
	}
	req.Header.WriteSubset(&b, map[string]bool{"User-Agent": true})
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
	case errors.Is(err, errUnanswered), errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
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
