package page

import (
	"bytes"
	"github.com/govfig/govfig/extract/sniff"
	"os"
	"path/filepath"
	"unicode/utf8"

	"golang.org/x/net/html"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// refText is builder.text written rune by rune, as it was before the runs
// were copied whole: the fast path must write exactly what it writes.
func refText(b *builder, s string) {
	var noEsc []rune
	for i := 0; i < len(s); {
		if s[i] == 0x1b {
			i += sniff.EscapeLen(s[i:], sniff.MaxEscape)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		noEsc = append(noEsc, r)
		i += n
	}
	for _, r := range noEsc {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' {
			b.pendingSpace = true
			if r == '\n' || r == '\r' {
				b.spaceHadNL = true
			}
			continue
		}
		if r == '\uFEFF' || r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f && r != 0x85 {
			continue
		}
		if b.pendingNL && b.runes > 0 {
			if b.last != '\n' {
				b.raw("\n")
			}
		} else if b.pendingSpace && !b.atLineStart() && !(b.spaceHadNL && wide(b.last) && wide(r)) {
			b.raw(" ")
		}
		b.pendingNL, b.pendingSpace, b.spaceHadNL = false, false, false
		b.sb.WriteRune(r)
		b.runes++
		b.last = r
		if b.limit > 0 && b.runes > b.limit {
			b.over = true
			return
		}
	}
}

// randomText mixes the runes the fast path treats apart: Chinese
// characters, ASCII, every kind of white space, BOM, NUL, invalid bytes.
func randomText(rng *rand.Rand) string {
	pieces := []string{"学", "前", "三年", "毛入园率", "96.34%", "a", "Z", " ", "\t", "\n", "\r\n", "\u00a0", "\u3000",
		"\u200b", "\u2003", "\u0085", "\uFEFF", "\x00", "\x1b[2J", "\x1b]8;;http://x/\x07", "\x1b]8;;\x1b\\", "\x1b", "\x07", "\x7f", "\u009b", "\u0085", "\xff", "\xe5\xad", "\xed\xa0\x80", "，", "。", "“", "𠀋", "é", "\u4e00", "\ucfff", "\ud7a3"}
	var sb strings.Builder
	for range rng.IntN(40) {
		sb.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return sb.String()
}

func TestTextFastPathMatchesRuneByRune(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 20000 {
		parts := []string{randomText(rng), randomText(rng), randomText(rng)}
		limit := 0
		if i%3 == 0 {
			limit = rng.IntN(30) + 1
		}
		fast, ref := builder{limit: limit}, builder{limit: limit}
		for _, p := range parts {
			fast.text(p)
			refText(&ref, p)
			if i%2 == 0 {
				fast.block()
				ref.block()
			}
		}
		if fast.String() != ref.String() || fast.runes != ref.runes || fast.last != ref.last || fast.over != ref.over {
			t.Fatalf("text(%q):\n fast %q (%d runes, over %v)\n  ref %q (%d runes, over %v)",
				parts, fast.String(), fast.runes, fast.over, ref.String(), ref.runes, ref.over)
		}
	}
}

func TestIsSpaceMatchesUnicode(t *testing.T) {
	for r := rune(0); r < 0x30000; r++ {
		want := unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b'
		if isSpace(r) != want {
			t.Fatalf("isSpace(%U) = %v, want %v", r, !want, want)
		}
	}
}

func TestCountNonSpace(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		s := randomText(rng)
		want := 0
		for _, r := range s {
			if !isSpace(r) {
				want++
			}
		}
		if got := countNonSpace(s); got != want {
			t.Fatalf("countNonSpace(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestChromeLiteralScan: one pass finds exactly the literals that
// strings.Contains finds.
func TestChromeLiteralScan(t *testing.T) {
	texts := []string{"", "打印 | 关闭", "【打印】【关闭】", "责任编辑：王某", "发布时间：2024-03-15 来源：区教育局",
		"您所在的位置：首页 > 公告公示", "今天是：2024年3月20日 星期三", "全年新增城镇就业1.2万人。", "分享到：微信 微博"}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 2000 {
		var sb strings.Builder
		for range rng.IntN(6) {
			l := chromeLits.lits[rng.IntN(len(chromeLits.lits))]
			sb.WriteString(randomText(rng))
			sb.WriteString(l[:len(l)-rng.IntN(2)*(len(l)-len(string([]rune(l)[0])))])
		}
		texts = append(texts, sb.String())
	}
	for _, s := range texts {
		got := chromeLits.scan(s)
		for id, l := range chromeLits.lits {
			if got.has(id) != strings.Contains(s, l) {
				t.Fatalf("scan(%q): literal %q found %v, strings.Contains says %v", s, l, got.has(id), !got.has(id))
			}
		}
	}
}

// TestShortLinesRender: readMeta's render of short lines only keeps every
// line of at most maxInfoLine runes of the full render, in order, and marks
// each longer one.
func TestShortLinesRender(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/pages/*.html")
	if len(files) == 0 {
		t.Fatal("no fixture pages")
	}
	long := strings.Repeat("全区共有中小学校144所，在校生9万余人。", 40)
	at := strings.Repeat("学", maxInfoLine-3) + " a\u00a0b" // maxInfoLine runes with its spaces
	pages := []string{"<p>短行一</p><p>" + long + "</p><div>短行二<span>" + long + "</span>尾</div><p>短行三</p>",
		"<p>" + at + "</p><p>" + at + "c</p><p>" + at[:len(at)-1] + "</p><p>x</p>"}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, string(b))
	}
	for i, p := range pages {
		doc, err := html.Parse(strings.NewReader(p))
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, l := range strings.Split(renderText(doc), "\n") {
			if utf8.RuneCountInString(l) <= maxInfoLine {
				want = append(want, l)
			}
		}
		cut := builder{maxLine: maxInfoLine}
		cut.walk(doc, 0)
		var got []string
		for _, l := range strings.Split(cut.String(), "\n") {
			if !strings.Contains(l, "\x00") {
				got = append(got, l)
			}
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("page %d: short lines differ:\n got %q\nwant %q", i, got, want)
		}
	}
}

// TestMayLinkAttachment: the crawler's byte scan never says no to a page
// whose attachments page.Read finds (every fixture page and sample-site
// page), and says no to a page without any attachment mark.
func TestMayLinkAttachment(t *testing.T) {
	var files []string
	for _, root := range []string{"../../fixtures/pages", "../../fixtures/site", "../../fixtures/heldout-web"} {
		filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
				files = append(files, p)
			}
			return nil
		})
	}
	with := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := Read(b, "http://a.gov.cn/x/"+filepath.Base(f), "")
		if err != nil {
			continue
		}
		if len(doc.Attachments) > 0 {
			with++
			if !MayLinkAttachment(b) {
				t.Errorf("%s: %d attachments, but MayLinkAttachment says none", f, len(doc.Attachments))
			}
		}
	}
	if with < 3 {
		t.Fatalf("%d pages with attachments among %d files, want the sample site's and the fixtures'", with, len(files))
	}
	t.Logf("%d pages, %d with attachments", len(files), with)
	if MayLinkAttachment([]byte(`<html><body><p>全区共有学校63所。</p><a href="/a.html">通知</a></body></html>`)) {
		t.Error("a page without any attachment mark: want false")
	}
	b := []byte(`<a href="/U/2024/预算.XLSX">附件</a>`)
	if !MayLinkAttachment(b) {
		t.Error("an upper-case extension: want true")
	}
	// İ lower-cases to i in attachmentOf's strings.ToLower: a .Zİp link is
	// an attachment there, so the pre-scan must not rule it out.
	site, err := os.ReadFile("../../fixtures/site/wuqing/zwgk/tzgg/202403/t20240318_690112.html")
	if err != nil {
		t.Fatal(err)
	}
	b = bytes.ReplaceAll(site, []byte(`.pdf`), []byte(`.Z`+"\u0130"+`P`)) // its one attachment mark
	if bytes.Equal(b, site) {
		t.Fatal("the sample-site page no longer links W020240318_2.pdf: update the test")
	}
	if doc, err := Read(b, "http://a.gov.cn/x/a.html", ""); err != nil || len(doc.Attachments) == 0 {
		t.Fatalf("page.Read finds no .Zİp attachment (%v): the case this checks is gone", err)
	}
	if !MayLinkAttachment(b) {
		t.Error("a .Zİp link is an attachment to page.Read, but MayLinkAttachment says none")
	}
}
