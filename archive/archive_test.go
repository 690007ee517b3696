package archive

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
	"github.com/nlnwa/gowarc/v3"
)

// collected is everything a walk reported.
type collected struct {
	items    []Item
	skips    []string
	problems []schema.Problem
	done     []string
}

func walk(t *testing.T, opt Options, paths ...string) *collected {
	t.Helper()
	c := &collected{}
	err := Walk(context.Background(), paths, Visitor{
		Item:    func(it Item) error { c.items = append(c.items, it); return nil },
		Skip:    func(src, url, reason string) { c.skips = append(c.skips, url+" "+reason) },
		Problem: func(p schema.Problem) { c.problems = append(c.problems, p) },
		Done:    func(src string) { c.done = append(c.done, src) },
	}, opt)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (c *collected) keys() []string {
	var ks []string
	for _, it := range c.items {
		ks = append(ks, it.Key())
	}
	return ks
}

const wgetBase = "http://127.0.0.1:18765/"

func TestWgetWARC(t *testing.T) {
	c := walk(t, Options{}, "testdata/wget.warc.gz")
	want := []string{wgetBase + "index.html", wgetBase + "notice.html", wgetBase + "report.txt", wgetBase + "chunked.html"}
	if !reflect.DeepEqual(c.keys(), want) {
		t.Fatalf("items = %v\nwant %v", c.keys(), want)
	}
	if len(c.problems) != 0 || !reflect.DeepEqual(c.done, []string{"testdata/wget.warc.gz"}) {
		t.Errorf("problems = %v, done = %v", c.problems, c.done)
	}
	notice := c.items[1]
	if notice.ContentType != "text/html; charset=gbk" {
		t.Errorf("notice content type = %q", notice.ContentType)
	}
	gbk := []byte{0xd1, 0xa7, 0xc7, 0xb0} // 学前 in GBK: the body is passed on undecoded
	if !bytes.Contains(notice.Body, gbk) || notice.Offset <= 0 || !strings.HasPrefix(notice.Date, "2026-") {
		t.Errorf("notice item: offset %d date %q body %q", notice.Offset, notice.Date, notice.Body[:60])
	}
	chunked := string(c.items[3].Body)
	if !strings.Contains(chunked, "全区现有专任教师3012名") || !strings.HasSuffix(strings.TrimSpace(chunked), "</html>") {
		t.Errorf("chunked body not decoded: %q", chunked)
	}
	for _, want := range []string{"robots.txt robots.txt", "missing.html HTTP status 404", "logo.png content type image/png",
		"wget.log not a web page record", "index.html request record"} {
		found := false
		for _, s := range c.skips {
			if strings.HasSuffix(s, want) || strings.Contains(s, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("no skip %q in %q", want, c.skips)
		}
	}
}

func TestTruncatedAndCorruptWARC(t *testing.T) {
	data, err := os.ReadFile("testdata/wget.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// Cut the file inside the record of its third page.
	third := walk(t, Options{}, "testdata/wget.warc.gz").items[2].Offset
	truncated := filepath.Join(dir, "truncated.warc.gz")
	os.WriteFile(truncated, data[:third+100], 0o644)
	corrupt := filepath.Join(dir, "corrupt.warc.gz")
	bad := bytes.Clone(data)
	for i := len(bad) / 2; i < len(bad)/2+40; i++ {
		bad[i] ^= 0x5a
	}
	os.WriteFile(corrupt, bad, 0o644)
	for _, p := range []string{truncated, corrupt} {
		c := walk(t, Options{}, p)
		if len(c.problems) != 1 || c.problems[0].Path != filepath.ToSlash(p) || c.problems[0].Stage != "read" {
			t.Errorf("%s: problems = %+v, want one read problem", p, c.problems)
		}
		if len(c.done) != 0 {
			t.Errorf("%s: reported done", p)
		}
		if len(c.items) != 2 {
			t.Errorf("%s: %d items, want the ones before the damage", p, len(c.items))
		}
	}
}

// writeWARC writes records built by build into an uncompressed WARC file.
func writeWARC(t *testing.T, path string, recs ...gowarc.WarcRecord) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m := gowarc.NewMarshaler()
	for _, r := range recs {
		if _, _, err := m.Marshal(f, r, 0); err != nil {
			t.Fatal(err)
		}
	}
}

func record(t *testing.T, typ gowarc.RecordType, uri, contentType, block string) gowarc.WarcRecord {
	t.Helper()
	b := gowarc.NewRecordBuilder(typ, gowarc.WithAddMissingDigest(true), gowarc.WithAddMissingRecordId(true),
		gowarc.WithAddMissingContentLength(true))
	b.WriteString(block)
	b.AddWarcHeader(gowarc.WarcTargetURI, uri)
	b.AddWarcHeader(gowarc.WarcDate, "2024-08-29T08:16:38Z")
	b.AddWarcHeader(gowarc.ContentType, contentType)
	r, _, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEncodedResponseAndResource(t *testing.T) {
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><body><p>全年教育经费3286万元。</p></body></html>"))
	zw.Close()
	path := filepath.Join(t.TempDir(), "x.warc")
	writeWARC(t, path,
		record(t, gowarc.Response, "http://a.gov.cn/gz.html", "application/http;msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n\r\n"+gz.String()),
		record(t, gowarc.Resource, "https://a.gov.cn/r.txt", "text/plain; charset=utf-8", "招聘教师618名"),
		record(t, gowarc.Response, "http://a.gov.cn/br.html", "application/http;msgtype=response",
			"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: br\r\n\r\nxxxx"),
	)
	c := walk(t, Options{}, path)
	if len(c.items) != 2 {
		t.Fatalf("items = %v", c.keys())
	}
	if got := string(c.items[0].Body); !strings.Contains(got, "全年教育经费3286万元") {
		t.Errorf("gzip body = %q", got)
	}
	if c.items[0].Date != "2024-08-29T08:16:38Z" {
		t.Errorf("date = %q", c.items[0].Date)
	}
	if it := c.items[1]; string(it.Body) != "招聘教师618名" || it.ContentType != "text/plain; charset=utf-8" {
		t.Errorf("resource item = %+v", it)
	}
	if len(c.problems) != 1 || c.problems[0].URL != "http://a.gov.cn/br.html" ||
		!strings.Contains(c.problems[0].Message, `unsupported content encoding "br"`) {
		t.Errorf("problems = %+v", c.problems)
	}
}

func TestFoldersAndFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write("b.html", "<p>页面</p>")
	write("sub/a.TXT", "文本")
	write("sub/c.pdf", "%PDF") // an attachment: read, and extract judges it
	write("sub/e.png", "\x89PNG")
	write("sub/d.htm", "<p>d</p>")
	write("big.txt", strings.Repeat("x", 6000))
	write("big.xlsx", "PK\x03\x04"+strings.Repeat("x", 6000)) // an attachment over the limit
	data, _ := os.ReadFile("testdata/wget.warc.gz")
	write("arch/w.warc.gz", string(data))
	missing := filepath.Join(dir, "missing.txt")

	c := walk(t, Options{MaxBody: 5000}, dir, filepath.Join(dir, "sub/a.TXT"), missing)
	slash := filepath.ToSlash(dir)
	var loose []string
	for _, k := range c.keys() {
		if !strings.HasPrefix(k, "http") {
			loose = append(loose, strings.TrimPrefix(k, slash+"/"))
		}
	}
	want := []string{"b.html", "sub/a.TXT", "sub/c.pdf", "sub/d.htm", "sub/a.TXT"}
	if !reflect.DeepEqual(loose, want) {
		t.Errorf("loose files = %v, want %v", loose, want)
	}
	if len(c.items) != len(want)+4 {
		t.Errorf("%d items, want %d (the WARC's four pages too)", len(c.items), len(want)+4)
	}
	var probs []string
	for _, p := range c.problems {
		probs = append(probs, filepath.Base(p.Path)+": "+p.Message)
	}
	if len(probs) != 3 || !strings.Contains(probs[0], "big.txt: file is 6000 bytes") || !strings.Contains(probs[1], "big.xlsx: file is 6004 bytes") || !strings.Contains(probs[2], "missing.txt") {
		t.Errorf("problems = %q", probs)
	}
}

func TestWalkStopsOnItemErrorAndCancel(t *testing.T) {
	stop := os.ErrClosed
	n := 0
	err := Walk(context.Background(), []string{"testdata/wget.warc.gz"}, Visitor{
		Item: func(Item) error { n++; return stop },
	}, Options{})
	if err != stop || n != 1 {
		t.Errorf("Walk = %v after %d items, want the visitor's error after 1", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Walk(ctx, []string{"testdata/wget.warc.gz"}, Visitor{}, Options{}); err != context.Canceled {
		t.Errorf("cancelled Walk = %v", err)
	}
}

func TestUncompressedWARC(t *testing.T) {
	f, err := os.Open("testdata/wget.warc.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f) // multistream: all members, one plain stream
	if err != nil {
		t.Fatal(err)
	}
	var plain bytes.Buffer
	if _, err := plain.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	whole := filepath.Join(dir, "wget.warc")
	os.WriteFile(whole, plain.Bytes(), 0o644)
	c := walk(t, Options{}, whole)
	if len(c.items) != 4 || len(c.problems) != 0 || c.items[1].Key() != wgetBase+"notice.html" {
		t.Fatalf("plain WARC: items %v problems %v", c.keys(), c.problems)
	}
	if c.items[1].Offset <= c.items[0].Offset || !bytes.HasPrefix(plain.Bytes()[c.items[1].Offset:], []byte("WARC/1.0")) {
		t.Errorf("offset %d does not point at a record", c.items[1].Offset)
	}
	// Cut inside the second page's payload: one problem, the first page kept.
	cut := filepath.Join(dir, "cut.warc")
	os.WriteFile(cut, plain.Bytes()[:c.items[1].Offset+700], 0o644)
	c = walk(t, Options{}, cut)
	if len(c.items) != 1 || len(c.problems) != 1 || !strings.Contains(c.problems[0].Message, "content length mismatch") {
		t.Errorf("cut plain WARC: items %v problems %+v done %v", c.keys(), c.problems, c.done)
	}
}
