package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

func TestTermSafe(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"静海区教育经费执行情况", "静海区教育经费执行情况"},
		{"\x1b]8;;http://evil.example/\x1b\\点此查看\x1b]8;;\x1b\\通知", "点此查看通知"},
		{"\x1b]8;;http://evil.example/\a链接\x1b]8;;\a", "链接"},
		{"标题\x1b[2J\x1b[H清屏", "标题清屏"},
		{"响铃\a退格\b回车\r换行\n制表\t", "响铃退格回车换行\n制表\t"},
		{"C1\u009b2J控制", "C12J控制"},
		{"右到左\u202e覆盖\u2066隔离", "右到左覆盖隔离"},
		{"替换\ufffd字符", "替换\ufffd字符"},
		{"坏字节\xff\xfe", "坏字节\ufffd\ufffd"},
		{"末尾\x1b[", "末尾"},
		{"\x1bc重置", "重置"},
	} {
		if got := termSafe(c.in); got != c.want {
			t.Errorf("termSafe(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if got := termLine("第一行\n第二行\t完", 5); got != "第一行 第… (10 more bytes)" {
		t.Errorf("termLine = %q", got)
	}
}

// hasControl reports a control character other than line feed.
func hasControl(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r != '\n' && (unicode.IsControl(r) || r == '\u202e') })
}

// TestSearchPrintsNoEscapes: a scraped title with an OSC 8 hyperlink and a
// clear-screen sequence is printed without them, and an error echoing a
// 20,000-word query is cut to a line.
func TestSearchPrintsNoEscapes(t *testing.T) {
	dir := t.TempDir()
	page := "<html><head><meta charset=\"utf-8\"><title>\x1b]8;;http://evil.example/\x1b\\武清区2023年教育经费\x1b]8;;\x1b\\执行情况\x1b[2J\u202e</title></head><body>" +
		"<div class=\"TRS_Editor\"><p>2023年全区教育经费支出21.4亿元，比上年增长4.1%。\x1b[31m全区共有中小学校96所。\a</p>" +
		strings.Repeat("<p>全区持续推进义务教育优质均衡发展，加强教师队伍建设，改善办学条件，提升教育教学质量。</p>", 8) + "</div></body></html>"
	if err := os.WriteFile(filepath.Join(dir, "wuqing.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "govfig.db")
	if _, _, err := runCmd(t, "extract", "-q", "--db", db, dir); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := runCmd(t, "search", "教育经费", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if hasControl(out) || hasControl(errOut) || !strings.Contains(out, "武清区2023年教育经费执行情况") || !strings.Contains(out, "全区共有中小学校96所") {
		t.Errorf("search printed escapes or lost the text:\n%q\n%q", out, errOut)
	}

	query := strings.TrimSpace(strings.Repeat("教育经费 ", 20000))
	_, _, err = runCmd(t, append([]string{"search", "--db", db}, strings.Fields(query)...)...)
	var msg bytes.Buffer
	exitCode(err, &msg)
	if err == nil || msg.Len() > 4000 || hasControl(msg.String()) {
		t.Errorf("error printed as %d bytes: %.200q…", msg.Len(), msg.String())
	}
	exitCode(errors.New("bad\x1b[2J"+strings.Repeat("长", 50000)), &msg)
	if msg.Len() > 4000 || hasControl(msg.String()) {
		t.Errorf("error printed as %d bytes", msg.Len())
	}
}
