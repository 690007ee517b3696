package crawl

import (
	"errors"
	"net/url"
	"reflect"
	"strings"
	"testing"
)

func TestParseSites(t *testing.T) {
	in := "\uFEFF# district sites\n" +
		"天津市静海区 http://www.tjjh.gov.cn/zwgk/gsgg/index.html   # 公告公示\n" +
		"\n" +
		"天津市西青区 https://www.xq.gov.cn/xxgk/tzgg/list.html /xxgk/ HTTP://WWW.XQ.GOV.CN:80/xxgk/zcwj/?utm_source=x#top\n"
	got, err := ParseSites(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	want := []Site{
		{Name: "天津市静海区", Seeds: []string{"http://www.tjjh.gov.cn/zwgk/gsgg/index.html"}},
		{Name: "天津市西青区", Seeds: []string{"https://www.xq.gov.cn/xxgk/tzgg/list.html", "http://www.xq.gov.cn/xxgk/zcwj/"},
			Prefixes: []string{"/xxgk/"}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
}

func TestParseSitesErrors(t *testing.T) {
	for _, tc := range []struct {
		in   string
		line int
		msg  string
	}{
		{"天津市静海区\n", 1, "has no URL"},
		{"# c\nhttp://a.gov.cn/ http://b.gov.cn/\n", 2, "starts with a URL"},
		{"甲 http://a.gov.cn/\n乙 ftp://b.gov.cn/x\n", 2, "not an absolute http(s) URL"},
		{"甲 /relative/index.html\n", 1, "path prefixes but no URL"},
		{"甲 http://a.gov.cn/\n甲 http://b.gov.cn/\n", 2, "already given on line 1"},
		{"甲 http://a.gov.cn/%zz\n", 1, "bad URL"},
	} {
		_, err := ParseSites(strings.NewReader(tc.in))
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Line != tc.line || !strings.Contains(err.Error(), tc.msg) {
			t.Errorf("ParseSites(%q) = %v; want line %d %q", tc.in, err, tc.line, tc.msg)
		}
	}
	if _, err := ParseSites(strings.NewReader("# nothing\n\n")); err == nil {
		t.Error("empty sites file accepted")
	}
	// A binary file is refused briefly, not echoed back as escaped bytes.
	png := "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + strings.Repeat("\x00\x10\xff\x7f 甲 http://a.gov.cn/\n", 150)
	for _, in := range []string{png, "甲 http://a.gov.cn/\n乙\x00 http://b.gov.cn/\n", strings.Repeat("\x01\x02\x03\x04", 900)} {
		_, err := ParseSites(strings.NewReader(in))
		if err == nil || !strings.Contains(err.Error(), "not a text file") || len(err.Error()) > 100 {
			t.Errorf("ParseSites(%d binary bytes) = %.200v, want a short \"not a text file\"", len(in), err)
		}
	}
}

func TestCanonicalize(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://www.tjjh.gov.cn/zwgk/gsgg/index.html", "http://www.tjjh.gov.cn/zwgk/gsgg/index.html"},
		{"HTTP://WWW.TJJH.GOV.CN:80/zwgk/", "http://www.tjjh.gov.cn/zwgk/"},
		{"https://a.gov.cn:443", "https://a.gov.cn/"},
		{"http://a.gov.cn:8080/x", "http://a.gov.cn:8080/x"},
		{"http://a.gov.cn/a/./b/../c.html#top", "http://a.gov.cn/a/c.html"},
		{"http://a.gov.cn/a.html?utm_source=wechat&utm_medium=share", "http://a.gov.cn/a.html"},
		{"http://a.gov.cn/a.html?id=3&spm=1.2&from=timeline", "http://a.gov.cn/a.html?id=3"},
		{"http://a.gov.cn/list.html?page=2&col=7", "http://a.gov.cn/list.html?col=7&page=2"},
		{"http://a.gov.cn/list.html?b=2&a=1&a=0", "http://a.gov.cn/list.html?a=1&a=0&b=2"},
		{"http://a.gov.cn/s.html?q=%E6%95%99%E8%82%B2", "http://a.gov.cn/s.html?q=%E6%95%99%E8%82%B2"},
		{"http://a.gov.cn/a.html?", "http://a.gov.cn/a.html"},
		{"http://user:pw@a.gov.cn/", "http://a.gov.cn/"},
		{"http://a.gov.cn/../../etc/passwd", "http://a.gov.cn/etc/passwd"},
	} {
		u, err := url.Parse(tc.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := Canonicalize(u); got != tc.want {
			t.Errorf("Canonicalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestResolve(t *testing.T) {
	base, _ := url.Parse("http://a.gov.cn/zwgk/gsgg/index_1.html")
	for _, tc := range []struct {
		ref, want string
		ok        bool
	}{
		{"./202407/t1.html?utm_source=x#top", "http://a.gov.cn/zwgk/gsgg/202407/t1.html", true},
		{"../../old/a.html", "http://a.gov.cn/old/a.html", true},
		{"?page=2", "http://a.gov.cn/zwgk/gsgg/index_1.html?page=2", true},
		{"javascript:void(0)", "", false},
		{"mailto:office@a.gov.cn", "", false},
		{"  ", "", false},
		{"//b.gov.cn/x.html", "http://b.gov.cn/x.html", true},
	} {
		got, _, ok := resolve(base, tc.ref)
		if got != tc.want || ok != tc.ok {
			t.Errorf("resolve(%q) = %q, %v; want %q, %v", tc.ref, got, ok, tc.want, tc.ok)
		}
	}
}
