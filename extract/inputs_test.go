package extract

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"

	"github.com/govfig/govfig/extract/textdoc"
)

// nulPage is a good article page (composed) whose body holds five NUL bytes
// deep in the page, where a CMS padded a field: the page is read, its figures
// kept, the NULs removed and a problem recorded.
func nulPage() string {
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"><title>东丽区2023年教育事业发展情况_天津市东丽区人民政府</title></head><body>
<div class="nav">首页 &gt; 政务公开 &gt; 部门信息</div>
<div class="TRS_Editor">`)
	for i := 0; i < 30; i++ {
		b.WriteString("<p>全区深化教育领域综合改革，推进集团化办学，教育教学质量稳步提升。</p>\n")
	}
	b.WriteString("<p>全区共有中小学校52所，在校生4.3万人\x00\x00\x00，专任教师3860名。</p>\n")
	b.WriteString("<p>全年教育经费支出18.6亿元\x00\x00，比上年增长3.2%。</p>\n")
	b.WriteString("</div></body></html>")
	return b.String()
}

func TestNULBytesAreNoBinary(t *testing.T) {
	page := nulPage()
	if i := strings.IndexByte(page, 0); i < 3000 {
		t.Fatalf("fixture: first NUL at %d, want it deep in the page", i)
	}
	text := "东丽区2023年教育事业发展情况\n\n全区共有中小学校52所，在校生4.3万人\x00\x00\x00，专任教师3860名。\n全年教育经费支出18.6亿元\x00\x00，比上年增长3.2%。\n" +
		strings.Repeat("全区深化教育领域综合改革，推进集团化办学，教育教学质量稳步提升。\n", 10)
	for _, c := range []struct{ name, body string }{{"nul.html", page}, {"nul.txt", text}} {
		doc, err := Read(c.name, []byte(c.body), "")
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if !strings.Contains(doc.Problem, "5 NUL bytes removed") {
			t.Errorf("%s: problem %q, want the NULs reported", c.name, doc.Problem)
		}
		if strings.ContainsRune(doc.Text, 0) || !strings.Contains(doc.Text, "在校生4.3万人，专任教师3860名") {
			t.Errorf("%s: text keeps NULs or lost the sentence: %q", c.name, doc.Text)
		}
		if len(doc.Figures) < 4 {
			t.Errorf("%s: %d figures, want at least 4", c.name, len(doc.Figures))
		}
		for _, f := range doc.Figures {
			if got := string([]rune(doc.Text)[f.Start:f.End]); got != f.Text {
				t.Errorf("%s: figure %q at [%d,%d) slices %q", c.name, f.Text, f.Start, f.End, got)
			}
		}
	}
}

// Binary inputs are still refused, by magic number or by the share of control
// bytes, as pages and as texts.
func TestBinaryRefused(t *testing.T) {
	for _, c := range []struct{ name, body, err string }{
		{"a.html", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"},
		{"a.html", "\xff\xd8\xff\xe0\x00\x10JFIF<html>", "JPEG image"},
		{"a.html", "GIF89a\x01\x00\x01\x00<p>", "GIF image"},
		{"a.html", "%PDF-1.7\n<html>全区共有中小学校52所</html>", "PDF document"},
		{"a.txt", "PK\x03\x04\x14\x00\x06\x00word/document.xml", "ZIP archive"},
		{"a.txt", "\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"},
		{"a.txt", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1全区共有中小学校52所", "OLE2"},
		{"a.html", "<html>" + strings.Repeat("\x00\x01\x02 全区", 40), "control bytes"},
		{"a.txt", "全区共有中小学校52所" + strings.Repeat("\x00", 20), "control bytes"},
	} {
		_, err := Read(c.name, []byte(c.body), "")
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("%s %q: error %v, want one containing %q", c.name, c.body, err, c.err)
		}
		if strings.HasSuffix(c.name, ".txt") && !errors.Is(err, textdoc.ErrBinary) {
			t.Errorf("%s: error %v is not ErrBinary", c.name, err)
		}
	}
}

// A UTF-16 .txt with a byte-order mark (little- and big-endian, Windows line
// ends) is read, and every figure's offsets slice the decoded text.
func TestUTF16Text(t *testing.T) {
	text := "宁河区2023年卫生健康工作总结\r\n\r\n一、基本情况\r\n全区共有医疗卫生机构286个，床位1920张。\r\n全年门急诊诊疗312.6万人次，比上年增长8.4%。\r\n"
	for _, c := range []struct {
		order   unicode.Endianness
		charset string
	}{{unicode.LittleEndian, "utf-16le"}, {unicode.BigEndian, "utf-16be"}} {
		body, err := unicode.UTF16(c.order, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read("summary.txt", body, "")
		if err != nil {
			t.Fatalf("%s: %v", c.charset, err)
		}
		if doc.Charset != c.charset || doc.Title != "宁河区2023年卫生健康工作总结" || doc.Problem != "" {
			t.Errorf("%s: charset %s title %q problem %q", c.charset, doc.Charset, doc.Title, doc.Problem)
		}
		if len(doc.Figures) < 4 {
			t.Errorf("%s: %d figures, want at least 4", c.charset, len(doc.Figures))
		}
		runes := []rune(doc.Text)
		for _, f := range doc.Figures {
			if got := string(runes[f.Start:f.End]); got != f.Text {
				t.Errorf("%s: figure %q at [%d,%d) slices %q", c.charset, f.Text, f.Start, f.End, got)
			}
		}
	}
}
