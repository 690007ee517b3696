package sniff

import (
	"strings"
	"testing"
)

func TestBinary(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // phrase of the error; "" for text
	}{
		{"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"%PDF-1.4\n%\xe2\xe3\xcf\xd3", "PDF document"},
		{"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"},
		{"\x1f\x8b\x08\x00", "gzip"},
		{"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2"},
		{"BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00\x28\x00", "BMP image"},
		{"BMW车辆购置补贴发放情况：全区共发放补贴126万元。", ""},
		{"MZ-区间统计。", ""},
		{"<p>全区共有中小学校52所\x00\x00\x00。</p>" + strings.Repeat("教育", 200), ""},
		{"<p>\x00\x01\x02\x03</p>", "control bytes"},
		{"全区\x1b[2J共有学校52所。" + strings.Repeat("教育", 200), ""},
	} {
		err := Binary([]byte(c.in))
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("Binary(%q) = %v, want %q", c.in, err, c.want)
		}
	}
}

func TestClean(t *testing.T) {
	out, n, problem := Clean([]byte("ab\x00c\x00\x00d"))
	if string(out) != "abcd" || n != 3 || problem != "3 NUL bytes removed (first at byte offset 2)" {
		t.Errorf("Clean = %q %d %q", out, n, problem)
	}
	if out, n, problem := Clean([]byte("abcd")); string(out) != "abcd" || n != 0 || problem != "" {
		t.Errorf("Clean(no NUL) = %q %d %q", out, n, problem)
	}
}
