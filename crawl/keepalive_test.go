package crawl_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nlnwa/gowarc/v3"

	"github.com/govfig/govfig/crawl"
)

// keepAliveSite is one loopback host: robots.txt, a list page /list.html
// linking /a/0.html … /a/N-1.html, and those articles, each with an ETag.
// It counts the requests on each connection and records when each path was
// asked for, and what bytes each connection received.
type keepAliveSite struct {
	srv      *httptest.Server
	articles int
	// closeOn, when set, is a path whose first request arriving on a
	// reused connection is answered by closing the connection without a
	// byte (a server that closed its idle connection as the request came,
	// or died on it).
	closeOn string

	mu     sync.Mutex
	hits   map[string][]time.Time
	conns  []*recordingConn
	closed int
}

type connKey struct{}

// recordingConn keeps every byte the server read from the client.
type recordingConn struct {
	net.Conn
	mu       sync.Mutex
	in       bytes.Buffer
	requests atomic.Int32
}

func (c *recordingConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.in.Write(p[:n])
	c.mu.Unlock()
	return n, err
}

type recordingListener struct {
	net.Listener
	s *keepAliveSite
}

func (l recordingListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	rc := &recordingConn{Conn: c}
	l.s.mu.Lock()
	l.s.conns = append(l.s.conns, rc)
	l.s.mu.Unlock()
	return rc, nil
}

func startKeepAliveSite(t *testing.T, articles int, closeOn string) *keepAliveSite {
	t.Helper()
	s := &keepAliveSite{articles: articles, closeOn: closeOn, hits: map[string][]time.Time{}}
	s.srv = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.srv.Listener = recordingListener{s.srv.Listener, s}
	s.srv.Config.ConnContext = func(ctx context.Context, c net.Conn) context.Context {
		return context.WithValue(ctx, connKey{}, c)
	}
	s.srv.Start()
	t.Cleanup(s.srv.Close)
	return s
}

func (s *keepAliveSite) serve(w http.ResponseWriter, r *http.Request) {
	rc := r.Context().Value(connKey{}).(*recordingConn)
	n := rc.requests.Add(1)
	s.mu.Lock()
	s.hits[r.URL.Path] = append(s.hits[r.URL.Path], time.Now())
	first := len(s.hits[r.URL.Path]) == 1
	s.mu.Unlock()
	if r.URL.Path == s.closeOn && first && n > 1 {
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
			s.mu.Lock()
			s.closed++
			s.mu.Unlock()
			return
		}
	}
	etag := `"` + strings.ReplaceAll(r.URL.Path, "/", "-") + `"`
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	switch {
	case r.URL.Path == "/robots.txt":
		io.WriteString(w, "User-agent: *\nAllow: /\n")
	case r.URL.Path == "/list.html" || strings.HasPrefix(r.URL.Path, "/a/"):
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<html><body><p>%s</p></body></html>", r.URL.Path)
	default:
		http.NotFound(w, r)
	}
}

// config crawls the site's list page; the list reader links every article.
func (s *keepAliveSite) config(dir string) crawl.Config {
	return crawl.Config{
		Sites:      []crawl.Site{{Name: "ka", Seeds: []string{s.srv.URL + "/list.html"}}},
		ArchiveDir: dir,
		Delay:      20 * time.Millisecond,
		Jitter:     -1,
		RetryBase:  50 * time.Millisecond,
		ReadList: func(body []byte, u, contentType string) (*crawl.ListLinks, error) {
			l := &crawl.ListLinks{}
			for i := range s.articles {
				l.Articles = append(l.Articles, crawl.ListArticle{URL: fmt.Sprintf("/a/%d.html", i), Date: "2024-01-02"})
			}
			return l, nil
		},
		ReadArticle: func([]byte, string, string) ([]string, error) { return nil, nil },
	}
}

func (s *keepAliveSite) totalHits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, h := range s.hits {
		n += len(h)
	}
	return n
}

// wireRequests splits the bytes every connection received into requests
// (GETs: no bodies).
func (s *keepAliveSite) wireRequests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, c := range s.conns {
		c.mu.Lock()
		for _, r := range strings.SplitAfter(c.in.String(), "\r\n\r\n") {
			if r != "" {
				out = append(out, r)
			}
		}
		c.mu.Unlock()
	}
	sort.Strings(out)
	return out
}

// archivedRequests returns the blocks of the archive's request records and
// the number of response and revisit records per target URI. Every request,
// response and revisit record must name the loopback address it came from.
func archivedRequests(t *testing.T, dir string) (blocks []string, answers map[string]int) {
	t.Helper()
	answers = map[string]int{}
	eachRecord(t, dir, func(_ string, _ bool, wr gowarc.WarcRecord) {
		if wr.Type() != gowarc.Warcinfo {
			if ip := wr.WarcHeader().Get(gowarc.WarcIPAddress); ip != "127.0.0.1" {
				t.Errorf("%s record of %s: WARC-IP-Address %q, want 127.0.0.1", wr.Type(), wr.WarcHeader().Get(gowarc.WarcTargetURI), ip)
			}
		}
		switch wr.Type() {
		case gowarc.Request:
			rd, err := wr.Block().RawBytes()
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(rd)
			blocks = append(blocks, string(b))
		case gowarc.Response, gowarc.Revisit:
			answers[wr.WarcHeader().Get(gowarc.WarcTargetURI)]++
		}
	})
	sort.Strings(blocks)
	return blocks, answers
}

// TestKeepAlive: a host's requests share one connection, and the request
// records of the archive are the bytes the server received, byte for byte
// (no Connection: close), on a first crawl and on a conditional re-crawl.
func TestKeepAlive(t *testing.T) {
	s := startKeepAliveSite(t, 8, "")
	dir := t.TempDir()
	cfg := s.config(dir)
	for run := 1; run <= 2; run++ {
		st, err := crawl.Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		if st.Requests != s.totalHits() && run == 1 {
			t.Errorf("run 1: %d requests counted, the server got %d", st.Requests, s.totalHits())
		}
	}
	s.mu.Lock()
	conns := len(s.conns)
	s.mu.Unlock()
	// robots.txt, the list and 8 articles, then the list again: one
	// connection a run.
	if hits := s.totalHits(); hits != 11 || conns != 2 {
		t.Errorf("%d requests on %d connections, want 11 on 2", hits, conns)
	}
	wire := s.wireRequests()
	archived, answers := archivedRequests(t, dir)
	if strings.Join(wire, "") != strings.Join(archived, "") {
		t.Errorf("archived requests differ from the bytes sent:\nsent:\n%s\narchived:\n%s", strings.Join(wire, ""), strings.Join(archived, ""))
	}
	for _, r := range archived {
		if strings.Contains(strings.ToLower(r), "connection:") {
			t.Errorf("archived request with a Connection header:\n%s", r)
		}
	}
	if answers[s.srv.URL+"/list.html"] != 2 || answers[s.srv.URL+"/a/0.html"] != 1 {
		t.Errorf("answers archived: %v", answers)
	}
}

// TestKeepAliveClosedUnanswered: the server closes a kept-alive connection
// without answering a request. net/http would re-send it at once on a new
// connection, unseen; the crawler stops that, counts the failed attempt and
// retries it itself after its backoff. Every request the server got is
// counted, paced and archived once.
func TestKeepAliveClosedUnanswered(t *testing.T) {
	s := startKeepAliveSite(t, 6, "/a/3.html")
	dir := t.TempDir()
	cfg := s.config(dir)
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	s.mu.Lock()
	closed, hits := s.closed, append([]time.Time(nil), s.hits["/a/3.html"]...)
	var all []time.Time
	for _, h := range s.hits {
		all = append(all, h...)
	}
	s.mu.Unlock()
	if closed != 1 {
		t.Fatalf("the server closed %d connections unanswered, want 1", closed)
	}
	if st.Requests != s.totalHits() {
		t.Errorf("%d requests counted, the server got %d", st.Requests, s.totalHits())
	}
	if st.Faults[crawl.FaultRetry] != 1 || st.Resent != 0 || st.Articles != 6 {
		t.Errorf("stats %+v: want one retry, nothing re-sent by net/http, 6 articles", st)
	}
	if len(hits) != 2 {
		t.Fatalf("/a/3.html asked for %d times, want 2", len(hits))
	} else if gap := hits[1].Sub(hits[0]); gap < cfg.RetryBase {
		t.Errorf("/a/3.html asked for again after %s, want the retry backoff (≥ %s)", gap, cfg.RetryBase)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Before(all[j]) })
	for i := 1; i < len(all); i++ {
		if gap := all[i].Sub(all[i-1]); gap < cfg.Delay {
			t.Errorf("two requests %s apart (want ≥ %s)", gap, cfg.Delay)
		}
	}
	_, faults, err := crawl.ReadFrontier(dir)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range faults {
		if f.Kind == crawl.FaultRetry && strings.HasSuffix(f.URL, "/a/3.html") && strings.Contains(f.Detail, "without an answer") {
			found = true
		}
	}
	if !found {
		t.Errorf("no retry fault for /a/3.html: %+v", faults)
	}
	archived, answers := archivedRequests(t, dir)
	if len(archived) != 8 {
		t.Errorf("%d request records, want 8 (robots.txt, list, 6 articles)", len(archived))
	}
	for u, n := range answers {
		if n != 1 {
			t.Errorf("%s archived %d times", u, n)
		}
	}
	if answers[s.srv.URL+"/a/3.html"] != 1 {
		t.Errorf("/a/3.html archived %d times, want once", answers[s.srv.URL+"/a/3.html"])
	}
}

// TestNoConnectionLeft: when Run returns, after a whole crawl or cancelled
// in the middle of one, the connections it kept alive are closed (no
// transport goroutines left).
func TestNoConnectionLeft(t *testing.T) {
	for _, cancelled := range []bool{false, true} {
		s := startKeepAliveSite(t, 6, "")
		cfg := s.config(t.TempDir())
		ctx, cancel := context.WithCancel(context.Background())
		if cancelled {
			cfg.ReadArticle = func(_ []byte, u, _ string) ([]string, error) {
				if strings.HasSuffix(u, "/a/2.html") {
					cancel()
				}
				return nil, nil
			}
		}
		st, err := crawl.Run(ctx, cfg)
		cancel()
		if cancelled != (err != nil) || cancelled && st.Articles >= 6 {
			t.Fatalf("cancelled %v: %d articles, error %v", cancelled, st.Articles, err)
		}
		var stacks string
		for range 100 {
			buf := make([]byte, 1<<20)
			stacks = string(buf[:runtime.Stack(buf, true)])
			if !strings.Contains(stacks, "net/http.(*persistConn)") {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
		if strings.Contains(stacks, "net/http.(*persistConn)") {
			t.Errorf("cancelled %v: connections left open after Run:\n%s", cancelled, stacks)
		}
	}
}

// resendingTransport answers every request, and for one path plays a
// re-send that got through: the request's trace sees a second connection
// asked for and obtained, as when net/http re-sends a request itself.
type resendingTransport struct {
	path string
	mu   sync.Mutex
	hits []time.Time // every request, re-sends counted twice
}

// loopbackConn is a connection that says it goes to 127.0.0.1.
type loopbackConn struct{ net.Conn }

func (loopbackConn) RemoteAddr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80} }

func (rt *resendingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	trace := httptrace.ContextClientTrace(req.Context())
	sends := 1
	if req.URL.Path == rt.path {
		sends = 2
	}
	c1, c2 := net.Pipe()
	defer c1.Close()
	defer c2.Close()
	for range sends {
		if trace != nil && trace.GetConn != nil {
			trace.GetConn(req.URL.Host)
		}
		if trace != nil && trace.GotConn != nil {
			trace.GotConn(httptrace.GotConnInfo{Conn: loopbackConn{c1}})
		}
		rt.mu.Lock()
		rt.hits = append(rt.hits, time.Now())
		rt.mu.Unlock()
	}
	body := "<html><body>" + req.URL.Path + "</body></html>"
	return &http.Response{
		Status: "200 OK", StatusCode: 200, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"text/html"}},
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
		Request:       req,
	}, nil
}

// TestResentCounted: a re-send net/http got onto the wire despite the
// crawler (a race inside net/http) is counted in Requests and Resent,
// recorded as a fault, followed by one more pause, and archived once.
func TestResentCounted(t *testing.T) {
	s := startKeepAliveSite(t, 4, "") // only for its config
	rt := &resendingTransport{path: "/a/1.html"}
	dir := t.TempDir()
	cfg := s.config(dir)
	cfg.Delay = 40 * time.Millisecond
	cfg.Client = &http.Client{Transport: rt}
	st, err := crawl.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	rt.mu.Lock()
	hits := rt.hits
	rt.mu.Unlock()
	if st.Resent != 1 || st.Requests != len(hits) || st.Requests != 7 || st.Faults[crawl.FaultResent] != 1 {
		t.Errorf("stats %+v: want 7 requests (robots.txt, list, 4 articles, 1 re-send), 1 resent, 1 resent fault", st)
	}
	// The request after the re-send waited two delays.
	if len(hits) == 7 {
		if gap := hits[5].Sub(hits[4]); gap < 2*cfg.Delay {
			t.Errorf("the request after a re-send came %s later, want ≥ %s", gap, 2*cfg.Delay)
		}
	}
	_, answers := archivedRequests(t, dir)
	for u, n := range answers {
		if n != 1 {
			t.Errorf("%s archived %d times", u, n)
		}
	}
}
