package page

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// gbk encodes s as GBK bytes, as an old county site would serve it.
func gbk(t testing.TB, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode gbk: %v", err)
	}
	return b
}

const zhBody = "<p>全县共有农村义务教育学校86所，受益学生31542人，管理员李堃。</p>"

func TestCharset(t *testing.T) {
	longScript := "<script>" + strings.Repeat("var menu = new Array(); // 菜单\n", 80) + "</script>"
	if len(longScript) < 1024 {
		t.Fatal("script too short to test a late meta")
	}
	tests := []struct {
		name        string
		body        []byte
		contentType string
		charset     string
		problem     string // phrase of Problem, "" for none
	}{
		{"utf-8 meta", []byte(`<html><head><meta charset="utf-8"></head><body>` + zhBody), "", "utf-8", ""},
		{"utf-8 undeclared", []byte(`<html><body>` + zhBody), "", "utf-8", ""},
		{"gb2312 meta early", append([]byte(`<html><head><meta charset="gb2312"></head><body>`), gbk(t, zhBody)...), "", "gbk", ""},
		{"gb2312 http-equiv after long script",
			append([]byte(`<html><head>`+longScript+`<meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>`), gbk(t, zhBody)...), "", "gbk", ""},
		{"gbk header, no meta", append([]byte(`<html><body>`), gbk(t, zhBody)...), "text/html; charset=GBK", "gbk", ""},
		{"x-gbk label", append([]byte(`<html><head><meta charset="x-gbk"></head><body>`), gbk(t, zhBody)...), "", "gbk", ""},
		{"gb18030 label", append([]byte(`<html><head><meta charset="GB18030"></head><body>`), gbk(t, zhBody)...), "", "gb18030", ""},
		{"gbk undeclared", append([]byte(`<html><body>`), gbk(t, zhBody)...), "", "gb18030", ""},
		{"gbk declared utf-8 by meta", append([]byte(`<html><head><meta charset="utf-8"></head><body>`), gbk(t, zhBody)...), "", "gb18030", ""},
		{"gbk declared utf-8 by header", append([]byte(`<html><body>`), gbk(t, zhBody)...), "text/html; charset=utf-8", "gb18030", ""},
		{"header wins over meta", []byte(`<html><head><meta charset="gbk"></head><body>` + zhBody), "text/html;charset=utf-8", "utf-8", ""},
		{"declared gbk, written utf-8", []byte(`<html><head><meta charset="gbk"></head><body>` + zhBody), "", "utf-8", ""},
		{"utf-8 bom wins", []byte("\xef\xbb\xbf<html><head><meta charset=\"gbk\"></head><body>" + zhBody), "", "utf-8", ""},
		{"sloppy header", append([]byte(`<html><body>`), gbk(t, zhBody)...), "text/html;charset=gb2312;", "gbk", ""},
		{"windows-1252", []byte(`<html><head><meta charset="windows-1252"></head><body><p>caf\xe9</p>`), "", "windows-1252", ""},
		{"unknown label sniffs", []byte(`<html><head><meta charset="klingon"></head><body>` + zhBody), "", "utf-8", ""},
		// A UTF-8 page with two damaged bytes stays UTF-8 and says so.
		{"damaged utf-8", []byte(`<html><head><meta charset="utf-8"></head><body>` + zhBody + "\xe5\xad<p>受益学生31542人，资金到位率100%。</p>"), "", "utf-8", "invalid utf-8"},
		// Bytes that are neither UTF-8 nor GB18030 (0xFF never starts a GB18030 character).
		{"neither utf-8 nor gb18030", []byte("<html><head><meta charset=\"utf-8\"></head><body><p>\xff\xfe\xff abc \xff</p>"), "", "utf-8", "not gb18030 either"},
		{"gbk with a bad byte", append(append([]byte(`<html><head><meta charset="gbk"></head><body>`), gbk(t, zhBody)...), 0xff, '.'), "", "gbk", "invalid in gbk"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := decode(tt.body, tt.contentType)
			if err != nil {
				t.Fatalf("decode: %v", err)
			}
			if d.charset != tt.charset {
				t.Errorf("charset %q, want %q", d.charset, tt.charset)
			}
			if tt.problem == "" && d.problem != "" || !strings.Contains(d.problem, tt.problem) {
				t.Errorf("problem %q, want %q", d.problem, tt.problem)
			}
			if strings.Contains(string(tt.body), "31542") && tt.problem == "" && !strings.Contains(d.text, "受益学生31542人") {
				t.Errorf("text not decoded: %q", d.text)
			}
			if strings.Contains(string(tt.body), "31542") && tt.problem == "" && !strings.Contains(d.text, "李堃") {
				t.Errorf("a GBK character outside GB2312 was lost: %q", d.text)
			}
		})
	}
}

// The 1024-byte limit of x/net/html/charset is what this package works
// around: the fixture GBK page declares its charset after 2 KB of script.
func TestLateMetaFixture(t *testing.T) {
	g, body := loadGolden(t, "qingping-nutrition-gbk")
	i := strings.Index(string(body), "charset=gb2312")
	if i < 1024 {
		t.Fatalf("fixture's meta at byte %d: not late enough to test", i)
	}
	doc, err := Read(body, g.URL, "")
	if err != nil {
		t.Fatal(err)
	}
	if doc.Charset != "gbk" || !strings.Contains(doc.Title, "营养改善计划") {
		t.Errorf("charset %q, title %q", doc.Charset, doc.Title)
	}
}
