package page

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/govfig/govfig/schema"
)

func TestFindDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339, "" for none
	}{
		{"发布时间：2024-08-29", "2024-08-29T00:00:00+08:00"},
		{"更新时间:2024/08/29 16:16:38", "2024-08-29T16:16:38+08:00"},
		{"2024年8月29日", "2024-08-29T00:00:00+08:00"},
		{"2024年3月15日 10时05分", "2024-03-15T10:05:00+08:00"},
		{"2024.06.18 09:00", "2024-06-18T09:00:00+08:00"},
		{"2024-06-18T09:00:00+08:00", "2024-06-18T09:00:00+08:00"},
		{"2024/03/28 10:05", "2024-03-28T10:05:00+08:00"},
		{"2024-02-30", ""},  // no such day
		{"2024-13-01", ""},  // no such month
		{"2024829", ""},     // the seed's damaged signature: not a date
		{"1530+3", ""},      //
		{"共2024所 8 29", ""}, // numbers, not a date
		{"2024-08-29 25:61", "2024-08-29T00:00:00+08:00"}, // a bad time keeps the day
	}
	for _, tt := range tests {
		d, ok := findDate(tt.in)
		got := ""
		if ok {
			got = d.rfc3339()
		}
		if got != tt.want {
			t.Errorf("findDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitTitle(t *testing.T) {
	tests := []struct {
		in   string
		want string // the parts joined by "|", "" when no tail
	}{
		{"公告公示_政务公开_天津市静海区人民政府", "公告公示|政务公开|天津市静海区人民政府"},
		{"安福县2024年春季学期学生资助资金发放情况公示 | 安福县人民政府", "安福县2024年春季学期学生资助资金发放情况公示|安福县人民政府"},
		{"通报 - 教育动态 - 成都市新都区人民政府", "通报|教育动态|成都市新都区人民政府"},
		{"清平县营养改善计划报告-河北省清平县人民政府", "清平县营养改善计划报告|河北省清平县人民政府"},
		{"三年行动方案（2024-2026）", ""}, // a hyphen inside the title is no separator
		// The site first: 站点-标题, 站点-栏目-标题.
		{"南屏区人民政府门户网站-南屏区2024年中小学食堂提质改造工作进展情况", "南屏区2024年中小学食堂提质改造工作进展情况|南屏区人民政府门户网站"},
		{"河阳县人民政府网_通知公告_河阳县2024年秋季学期资助公示", "河阳县2024年秋季学期资助公示|通知公告|河阳县人民政府网"},
		{"静海区2024年工作要点", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(splitTitle(tt.in), "|"); got != tt.want {
			t.Errorf("splitTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// render parses an HTML fragment's body and renders it as the body walk does.
func render(t *testing.T, src string) *builder {
	t.Helper()
	root, err := html.Parse(strings.NewReader("<html><body>" + src))
	if err != nil {
		t.Fatal(err)
	}
	b := &builder{wantMeta: true}
	b.walk(root, 0)
	return b
}

func TestText(t *testing.T) {
	tests := []struct{ in, want string }{
		// Cells never glue: <td>12</td><td>3</td> is not "123".
		{"<table><tr><td>学校</td><td>12</td><td>3</td></tr><tr><td>合计</td><td>1</td><td>2</td></tr></table>", "学校\t12\t3\n合计\t1\t2"},
		{"<p>第一段</p><p>第二段</p>", "第一段\n第二段"},
		{"<div>甲<br>乙<br/><br>丙</div>", "甲\n乙\n丙"},
		{"<p>　　全区共有学校<span>144</span>所。</p>", "全区共有学校144所。"},
		{"<p>区委区政府\n      坚持教育优先</p>", "区委区政府坚持教育优先"}, // a source line break between Chinese is no space
		{"<p>2024-08-29\n 16:16</p>", "2024-08-29 16:16"},
		// White space between two elements separates them, line break or not.
		{"<div><span>来源:南屏区教育局</span>\n <span>阅读量:<em></em></span></div>", "来源:南屏区教育局 阅读量:"},
		{"<div><span>来源:南屏区教育局</span><span>阅读量:</span></div>", "来源:南屏区教育局阅读量:"},
		{"<p>增长&nbsp;1.76%</p>", "增长 1.76%"},
		{"<p>文字<script>var x = 1;</script><style>p{}</style>继续</p>", "文字继续"},
		{"<p>可见</p><p style=\"display: none\">隐藏</p>", "可见"},
		{"<p>标点，：（）“”保持</p>", "标点，：（）“”保持"},
		// A layout table (one column) is blocks, not a data table.
		{"<table><tr><td><p>标题</p></td></tr><tr><td><p>正文</p></td></tr></table>", "标题\n正文"},
		// Cell content with blocks stays on the row.
		{"<table><tr><td><p>学校数</p><p>（所）</p></td><td>在校生</td></tr><tr><td>5</td><td>6</td></tr></table>", "学校数 （所）\t在校生\n5\t6"},
	}
	for _, tt := range tests {
		b := render(t, tt.in)
		if got := strings.TrimRight(b.String(), "\n"); got != tt.want {
			t.Errorf("text of %q =\n%q, want\n%q", tt.in, got, tt.want)
		}
	}
}

func TestTableSpans(t *testing.T) {
	b := render(t, `<table>
<tr><th rowspan="2">学段</th><th colspan="2">在校生（人）</th></tr>
<tr><th>合计</th><th>女生</th></tr>
<tr><td>小学</td><td>38712</td><td>18033</td></tr>
</table>`)
	if len(b.tables) != 1 {
		t.Fatalf("%d tables", len(b.tables))
	}
	tb := b.tables[0]
	want := [][]string{{"学段", "在校生（人）", "在校生（人）"}, {"学段", "合计", "女生"}, {"小学", "38712", "18033"}}
	for r, row := range want {
		for c, w := range row {
			if got := tb.Rows[r][c].Text; got != w {
				t.Errorf("cell (%d,%d) = %q, want %q", r, c, got, w)
			}
		}
	}
	if tb.Rows[0][1].Start != tb.Rows[0][2].Start || tb.Rows[0][0].Start != tb.Rows[1][0].Start {
		t.Error("a merged cell's copies must share its offsets")
	}
	if tb.HeaderRows != 2 || tb.HeaderCols != 1 {
		t.Errorf("headers %d rows %d cols, want 2 and 1", tb.HeaderRows, tb.HeaderCols)
	}
	if got := b.String(); !strings.HasPrefix(got, "学段\t在校生（人）\t\n\t合计\t女生\n小学\t38712\t18033") {
		t.Errorf("text %q", got)
	}
}

func TestHeaders(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		hr, hc int
	}{
		{"th row", "<tr><th>项目</th><th>金额</th></tr><tr><td>经费</td><td>12</td></tr>", 1, 1},
		{"thead", "<thead><tr><td>项目</td><td>金额</td></tr></thead><tr><td>经费</td><td>12</td></tr>", 1, 1},
		{"bold row", "<tr><td><b>项目</b></td><td><strong>金额</strong></td></tr><tr><td>经费</td><td>12</td></tr>", 1, 1},
		{"words over numbers", "<tr><td>项目</td><td>2023年</td></tr><tr><td>经费</td><td>1,200.5</td></tr>", 1, 1},
		{"no numbers: no header", "<tr><td>姓名</td><td>单位</td></tr><tr><td>张三</td><td>一中</td></tr>", 0, 0},
		{"numbers in first column", "<tr><td>序号</td><td>学校</td></tr><tr><td>1</td><td>一中</td></tr><tr><td>2</td><td>二中</td></tr>", 1, 0},
	}
	for _, tt := range tests {
		b := render(t, "<table>"+tt.in+"</table>")
		if len(b.tables) != 1 {
			t.Errorf("%s: %d tables", tt.name, len(b.tables))
			continue
		}
		if tb := b.tables[0]; tb.HeaderRows != tt.hr || tb.HeaderCols != tt.hc {
			t.Errorf("%s: headers %d rows %d cols, want %d and %d", tt.name, tb.HeaderRows, tb.HeaderCols, tt.hr, tt.hc)
		}
	}
}

func TestNextPages(t *testing.T) {
	const base = "http://www.example.gov.cn/zwgk/tzgg/"
	tests := []struct {
		name string
		url  string
		html string
		want string // next pages joined by " ", relative to base
	}{
		{"createPageHTML literal", base + "index.html",
			`<script>createPageHTML(4, 0, "index", "html");</script>`, "index_1.html index_2.html index_3.html"},
		{"createPageHTML on page 2", base + "index_2.html",
			`<script>createPageHTML(4, 2, "index", "html");</script>`, "index_3.html"},
		{"createPageHTML last page", base + "index_3.html",
			`<script>createPageHTML(4, 3, "index", "html");</script>`, ""},
		{"createPageHTML variables", base + "index.html",
			`<script>var countPage = 3;//共多少页
var currentPage = 0;//当前页
createPageHTML(countPage, currentPage, "index", "html");</script>`, "index_1.html index_2.html"},
		{"createPageHTML with div id", base + "index.html",
			`<script>createPageHTML('page_div', 3, 0, 'index', 'shtml', 60);</script>`, "index_1.shtml index_2.shtml"},
		{"下一页 link", base + "list.jsp?page=1",
			`<div class="pager"><a href="list.jsp?page=2">下一页</a><a href="list.jsp?page=9">尾页</a></div>`, "list.jsp?page=2"},
		{"noscript fallback", base + "index.html",
			`<script>createPageHTML(countPage, currentPage)</script><noscript><a href="index_1.html">下一页</a><a href="index_5.html">尾页</a></noscript>`,
			"index_1.html index_5.html"},
		{"next by class", base + "list.jsp?page=1",
			`<div class="pager"><a href="list.jsp?page=1">1</a><a href="list.jsp?page=2">2</a><a class="next" href="list.jsp?page=2">›</a></div>`, "list.jsp?page=2"},
		{"javascript next is no page", base + "index.html", `<a href="javascript:next()">下一页</a>`, ""},
		{"earlier pages are not next", base + "index_3.html",
			`<a href="index_2.html">上一页</a><a href="index.html">首页</a><a href="index_4.html">4</a>`, "index_4.html"},
	}
	for _, tt := range tests {
		root, err := html.ParseWithOptions(strings.NewReader("<html><body>"+tt.html), html.ParseOptionEnableScripting(false))
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(newResolver(tt.url, root).nextPages(root), " ")
		got = strings.ReplaceAll(got, base, "")
		if got != tt.want {
			t.Errorf("%s: next = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestListOrArticle(t *testing.T) {
	items := func(n int, dated bool) string {
		var sb strings.Builder
		sb.WriteString("<ul>")
		for i := 0; i < n; i++ {
			sb.WriteString(`<li><a href="./t2024082` + string(rune('0'+i%10)) + `_` + strings.Repeat("1", i+1) + `.html">静海区教育系统第` + string(rune('一'+0)) + `批工作通知公告</a>`)
			if dated {
				sb.WriteString("<span>2024-08-2" + string(rune('0'+i%10)) + "</span>")
			}
			sb.WriteString("</li>")
		}
		sb.WriteString("</ul>")
		return sb.String()
	}
	long := "<div class=\"TRS_Editor\"><p>" + strings.Repeat("全区共有中小学校144所，在校生9万余人，专任教师6000余名。", 20) + "</p></div>"
	tests := []struct {
		name, html, want string
	}{
		{"list", items(10, true), "list"},
		{"short list with pager", items(3, true) + `<a href="index_1.html">下一页</a>`, "list"},
		{"article with related links", long + `<div class="related">` + items(5, false) + `</div>`, "article"},
		{"article with a list after", long + items(5, true), "article"},
		{"menu is not a list", `<div class="menu">` + items(10, false) + `</div>` + long, "article"},
		{"short article with a sidebar", `<div class="TRS_Editor"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div><div class="side">` + items(6, true) + `</div>`, "article"},
		// A list is a repeated block of dated links, not a link count.
		{"short article with a directory of county sites", `<div class="zw-con"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div><div class="wzqh">` + items(60, false) + `</div>`, "article"},
		{"short article in a CMS container with a dated sidebar", `<div class="TRS_Editor"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div><div class="side">` + items(6, true) + `</div>`, "article"},
		{"legacy article address with a dated sidebar", `<div class="zw"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div><div class="side">` + items(5, true) + `</div>`, "article"},
		{"three dated entries beside a 专题 block", items(3, true) + `<div class="zt">` + strings.ReplaceAll(items(8, false), "./t2024", "/zt/t2024") + `</div>`, "list"},
	}
	for _, tt := range tests {
		u := "http://www.example.gov.cn/zwgk/index.html"
		if strings.HasPrefix(tt.name, "short article with a sidebar") {
			u = "http://www.example.gov.cn/zwgk/202408/t20240829_6712345.html"
		}
		if strings.HasPrefix(tt.name, "legacy article address") {
			u = "http://www.example.gov.cn/Article/ShowArticle.asp?ArticleID=3417"
		}
		doc, err := Read([]byte("<html><body>"+tt.html+"</body></html>"), u, "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.PageType != tt.want {
			t.Errorf("%s: page type %q, want %q", tt.name, doc.PageType, tt.want)
		}
		if doc.List != nil {
			for _, l := range doc.List.Articles {
				if strings.Contains(l.URL, "/zt/") || l.Date == "" {
					t.Errorf("%s: entry %s is not from the dated block", tt.name, l.URL)
					break
				}
			}
		}
	}
}

func TestChromeText(t *testing.T) {
	tests := []struct {
		in     string
		chrome bool
	}{
		{"今天是：2024年3月20日 星期三", true},
		{"今天是：", true},
		{"今天是2019年10月31日 星期三 农历十月初七", true},
		{"您所在的位置:政务公开 > 公告公示", true},
		{"当前位置：首页 >> 教育信息", true},
		{"【字体：大 中 小】", true},
		{"字号：[ 大 中 小 ]", true},
		{"【打印本页】【关闭窗口】", true},
		{"分享到：微信 微博", true},
		{"扫一扫在手机打开当前页", true},
		{"上一篇：清平县召开2024年教育工作会议", true},
		{"网站标识码：1200000000 津ICP备00000000号", true},
		{"发布时间：2024-05-20 来源：宝坻区教育局", true},
		{"文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38", true},
		{"您的位置：首页 >> 政务公开 >> 教育动态", true},
		{"打印 | 关闭", true},
		{"【打印】 【关闭】", true},
		{"责任编辑：周敏", true},
		{"（编辑：李明）", true},
		{"图文来源：兰溪县教育局 责任编辑：周敏", true},
		{"相关附件>>", true},
		{"相关链接：", true},
		{"分享：微信 微博 QQ空间", true},
		{"今天是:2024年3月20日 星期三", true},
		{"编辑部共收到来稿320篇。", false},
		{"分享经验做法12条，打印材料500份。", false},
		{"相关附件中的学校名单以教育局公布为准。", false},
		// Body text that looks a little like chrome stays.
		{"今天是第40个教师节，全区举行庆祝活动。", false},
		{"主办单位：静海区教育局", false},
		{"请扫码报名参加培训。", false},
		{"报名时间：2024年9月1日至9月10日", false},
		{"下一步，我县将继续加大投入。", false},
		{"学校位置：静海镇东方红路1号", false},
	}
	for _, tt := range tests {
		if got := isChromeText(tt.in); got != tt.chrome {
			t.Errorf("isChromeText(%q) = %v, want %v", tt.in, got, tt.chrome)
		}
	}
}

// TestChromeRules checks chrome.tsv: unique keys, and each example matches
// its own pattern.
func TestChromeRules(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range chromeRules {
		k := r.kind + "\t" + r.pattern
		if seen[k] {
			t.Errorf("duplicate chrome rule %q", k)
		}
		seen[k] = true
		ok := false
		switch r.kind {
		case "phrase", "footer":
			ok = strings.Contains(r.example, r.pattern)
		case "line":
			ok = r.re.MatchString(r.example)
			held := false
			for _, lit := range r.needs {
				held = held || strings.Contains(r.example, lit)
			}
			ok = ok && held
		}
		if !ok || r.note == "" {
			t.Errorf("chrome rule %s %q: example %q does not match (or no note)", r.kind, r.pattern, r.example)
		}
	}
}

func TestDropChromeLines(t *testing.T) {
	text := "第一段。\n责任编辑：周敏\n学段\t学校\n小学\t12\n打印 | 关闭\n末段。"
	tables := []schema.Table{{Start: 13, End: 24, Rows: [][]schema.Cell{{{Text: "学段", Start: 13, End: 15}}}}}
	heads := []heading{{level: 1, title: "末段。", start: 33, end: 36}}
	got, tb, hs := dropChromeLines(text, tables, heads)
	want := "第一段。\n学段\t学校\n小学\t12\n末段。"
	if got != want {
		t.Fatalf("text %q, want %q", got, want)
	}
	r := []rune(got)
	if s := string(r[tb[0].Rows[0][0].Start:tb[0].Rows[0][0].End]); s != "学段" || tb[0].Start != 5 || tb[0].End != 16 {
		t.Errorf("table moved to %d-%d, cell %q", tb[0].Start, tb[0].End, s)
	}
	if len(hs) != 1 || string(r[hs[0].start:hs[0].end]) != "末段。" {
		t.Errorf("headings %+v", hs)
	}
}

func TestMergeSections(t *testing.T) {
	text := "一、基本情况\n正文甲\n概述\n正文乙\n二、主要做法\n正文丙"
	fromText := []schema.Section{
		{Title: "一、基本情况", Level: 1, Start: 0, End: 18, Path: "一、基本情况"},
		{Title: "二、主要做法", Level: 1, Start: 18, End: 28, Path: "二、主要做法"},
	}
	heads := []heading{
		{level: 1, title: "一、基本情况", start: 0, end: 6}, // the same line as <h2>: kept once
		{level: 2, title: "概述", start: 11, end: 13},   // an <h3> under it
	}
	got := mergeSections(text, fromText, heads)
	want := []string{"一、基本情况 0-18", "一、基本情况 > 概述 11-18", "二、主要做法 18-28"}
	var gs []string
	for _, s := range got {
		gs = append(gs, fmt.Sprintf("%s %d-%d", s.Path, s.Start, s.End))
	}
	if strings.Join(gs, "|") != strings.Join(want, "|") {
		t.Errorf("sections\n%q\nwant\n%q", gs, want)
	}
}

func TestBodyChrome(t *testing.T) {
	body := `<html><head><title>静海区2024年教育工作要点_通知公告_天津市静海区人民政府</title></head><body>
<div class="content">
  <h1>静海区2024年教育工作要点</h1>
  <div>发布时间：2024-03-01　来源：静海区教育局</div>
  <p>2024年，全区教育系统坚持立德树人，全区共有中小学校144所。</p>
  <p>今天是第40个教师节，全区举行庆祝活动。主办单位为区教育局。</p>
  <div><h3>相关链接</h3><ul>
    <li><a href="/a/1.html">静海区2023年教育工作总结</a></li>
    <li><a href="/a/2.html">静海区2023年教育经费执行情况</a></li>
    <li><a href="/a/3.html">静海区2024年招生工作方案</a></li>
  </ul></div>
</div></body></html>`
	doc, err := Read([]byte(body), "http://www.tjjh.gov.cn/zwgk/tzgg/202403/t20240301_1.html", "")
	if err != nil {
		t.Fatal(err)
	}
	want := "2024年，全区教育系统坚持立德树人，全区共有中小学校144所。\n今天是第40个教师节，全区举行庆祝活动。主办单位为区教育局。"
	if doc.Text != want {
		t.Errorf("text\n%q\nwant\n%q", doc.Text, want)
	}
	if doc.Published != "2024-03-01T00:00:00+08:00" || doc.Region != "天津市静海区" || doc.Title != "静海区2024年教育工作要点" || doc.Publisher != "静海区教育局" {
		t.Errorf("published %q region %q title %q", doc.Published, doc.Region, doc.Title)
	}
}

func TestTitle(t *testing.T) {
	tests := []struct {
		name, head, body, want string
	}{
		{"meta wins", `<meta name="ArticleTitle" content="甲乙丙丁通知"><title>别的_栏目_静海区人民政府</title>`, `<h1>标题块的标题</h1>`, "甲乙丙丁通知"},
		{"empty meta is skipped", `<meta name="ArticleTitle" content="null"><title>静海区教育工作要点_通知公告_天津市静海区人民政府</title>`, ``, "静海区教育工作要点"},
		{"title block fuller than a cut <title>", `<title>静海区2024年秋季学期义务教育...</title>`, `<h1>静海区2024年秋季学期义务教育招生工作方案</h1>`, "静海区2024年秋季学期义务教育招生工作方案"},
		{"<title> is only the site", `<title>天津市静海区人民政府</title>`, `<div class="left-title">政务公开</div><h1>静海区关于做好2024年防汛工作的通知</h1>`, "静海区关于做好2024年防汛工作的通知"},
		{"no title block", `<title>静海区2024年工作要点 - 天津市静海区人民政府</title>`, ``, "静海区2024年工作要点"},
	}
	for _, tt := range tests {
		doc, err := Read([]byte("<html><head><meta charset=utf-8>"+tt.head+"</head><body>"+tt.body+"<div class=\"TRS_Editor\"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div></body></html>"), "", "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Title != tt.want {
			t.Errorf("%s: title %q, want %q", tt.name, doc.Title, tt.want)
		}
	}
}

func TestPublisher(t *testing.T) {
	const text = `<div class="TRS_Editor"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div>`
	tests := []struct{ name, head, info, want string }{
		{"发布机构 wins over 来源", ``, `<table><tr><td>发布机构：</td><td>兰溪县教育局</td></tr><tr><td>来源：</td><td>兰溪县融媒体中心</td></tr></table>`, "兰溪县教育局"},
		{"发布机构 wins over the ContentSource tag", `<meta name="ContentSource" content="兰溪县融媒体中心">`, `<div>发布机构：兰溪县教育局</div>`, "兰溪县教育局"},
		{"keys as column headers", ``, `<table><tr><td>索引号</td><td>发布机构</td><td>发布日期</td></tr><tr><td>LX-1</td><td>兰溪县教育局</td><td>2024-03-18</td></tr></table>`, "兰溪县教育局"},
		{"a column header is no value", ``, `<table><tr><td>来源</td><td>发布日期</td></tr></table>`, "兰溪县人民政府"},
		{"inline elements stay apart", ``, "<div><span>来源:南屏区教育局</span>\n<span>阅读量:<em></em></span></div>", "南屏区教育局"},
		{"文章来源 with a space", ``, `<div>文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38</div>`, "天津市静海区人民政府"},
	}
	for _, tt := range tests {
		body := "<html><head><meta charset=utf-8><title>某某通知_兰溪县人民政府</title>" + tt.head + "</head><body>" + tt.info + text + "</body></html>"
		doc, err := Read([]byte(body), "http://www.example.gov.cn/a.html", "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Publisher != tt.want {
			t.Errorf("%s: publisher %q, want %q", tt.name, doc.Publisher, tt.want)
		}
	}
}

func TestListItems(t *testing.T) {
	tests := []struct {
		name, item string
		want       schema.Link
	}{
		{"date beside", `<a href="a.html">静海区2024年招生工作方案</a><span>2024-06-12</span>`,
			schema.Link{URL: "a.html", Title: "静海区2024年招生工作方案", Date: "2024-06-12"}},
		{"date inside the link", `<a href="a.html"><span>静海区2024年招生工作方案</span><span>2024-06-12</span></a>`,
			schema.Link{URL: "a.html", Title: "静海区2024年招生工作方案", Date: "2024-06-12"}},
		{"date in brackets", `<a href="a.html">静海区2024年招生工作方案</a> [2024/6/12]`,
			schema.Link{URL: "a.html", Title: "静海区2024年招生工作方案", Date: "2024-06-12"}},
		{"a date in the title is not the item's", `<a href="a.html">关于2024年8月29日停电检修的通知</a><span>2024-08-26</span>`,
			schema.Link{URL: "a.html", Title: "关于2024年8月29日停电检修的通知", Date: "2024-08-26"}},
		{"no date", `<a href="a.html">关于2024年8月29日停电检修的通知</a>`,
			schema.Link{URL: "a.html", Title: "关于2024年8月29日停电检修的通知"}},
		{"cut title, full title attribute", `<a href="a.html" title="静海区2024年秋季学期义务教育阶段学校招生入学工作实施方案">静海区2024年秋季学期义务教育...</a>`,
			schema.Link{URL: "a.html", Title: "静海区2024年秋季学期义务教育阶段学校招生入学工作实施方案"}},
	}
	const base = "http://www.example.gov.cn/zwgk/"
	for _, tt := range tests {
		root, err := html.Parse(strings.NewReader("<ul><li>" + tt.item + "</li></ul>"))
		if err != nil {
			t.Fatal(err)
		}
		var li *html.Node
		forEachElement(root, func(n *html.Node) bool {
			if n.Data == "li" {
				li = n
			}
			return li == nil
		})
		got, ok := newResolver(base+"index.html", root).itemLink(li)
		tt.want.URL = base + tt.want.URL
		if !ok || got != tt.want {
			t.Errorf("%s: %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestPublished(t *testing.T) {
	const text = `<div class="TRS_Editor"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p><p>静海区教育局<br>2024年8月30日</p></div>`
	tests := []struct {
		name, head, info, want string
	}{
		{"meta PubDate", `<meta name="PubDate" content="2024-08-29 16:16">`, `发布时间：2024-08-28`, "2024-08-29T16:16:00+08:00"},
		{"null meta, info line", `<meta name="PubDate" content="null">`, `发布时间：2024-08-28 09:30`, "2024-08-28T09:30:00+08:00"},
		{"发布日期 before 更新时间", ``, `更新时间：2024-09-01 发布日期：2024年8月28日`, "2024-08-28T00:00:00+08:00"},
		{"更新时间", ``, `文章来源: 天津市静海区人民政府 更新时间:2024/08/29 16:16:38`, "2024-08-29T16:16:38+08:00"},
		{"unlabelled date on the info line", ``, `<span>2024-08-27</span> <span>来源：静海区教育局</span>`, "2024-08-27T00:00:00+08:00"},
		{"banner and signature are not dates", ``, `今天是：2019年10月31日 星期三`, ""},
	}
	// 来源：本站 is the site.
	doc, err := Read([]byte(`<html><head><meta charset=utf-8><title>静海区教育工作要点_天津市静海区人民政府</title></head><body><div class="info">来源：本站</div>`+text), "", "")
	if err != nil || doc.Publisher != "天津市静海区人民政府" || doc.Region != "天津市静海区" {
		t.Errorf("来源：本站: publisher %q region %q (%v)", doc.Publisher, doc.Region, err)
	}
	for _, tt := range tests {
		body := "<html><head><meta charset=utf-8>" + tt.head + "</head><body><div class=\"info\">" + tt.info + "</div>" + text + "</body></html>"
		doc, err := Read([]byte(body), "http://www.example.gov.cn/a.html", "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Published != tt.want {
			t.Errorf("%s: published %q, want %q", tt.name, doc.Published, tt.want)
		}
	}
}

func TestBodyChoice(t *testing.T) {
	const para = "<p>全区纳入改造范围的中小学食堂共27所，计划总投资1860万元。</p><p>截至5月15日，已完工食堂16所，完工率59.3%。</p>"
	const text = "全区纳入改造范围的中小学食堂共27所，计划总投资1860万元。\n截至5月15日，已完工食堂16所，完工率59.3%。"
	const footer = `<div class="wb"><p>主办单位：河阳县人民政府办公室　承办单位：河阳县数据资源中心</p><p>地址：河阳县城关镇解放路8号　联系电话：0730-0000000</p><p>网站标识码：4300000099　湘ICP备00000099号</p></div>`
	tests := []struct {
		name, body, want, problem string
	}{
		{"desktop and mobile copies: one", `<div class="content"><div class="pc"><h1>标题甲乙丙丁</h1><div>` + para + `</div></div><div class="m"><h2>标题甲乙丙丁</h2><div class="m-info"><span>2024-05-20</span></div><div>` + para + `</div></div></div>`, text, ""},
		{"a print copy beside the article", `<div class="content"><div class="article">` + para + `</div><div class="print-copy">` + para + `</div></div>`, text, ""},
		{"an info line classed as the body is passed over", `<div class="article-content">发布时间：2024-05-20 09:30 <span>来源:南屏区教育局</span> <span>阅读量:</span></div><div class="text">` + para + `</div>`, text, ""},
		{"a legacy layout cell in a table named after its background image", `<table class="bg_top"><tr><td width="200"><a href="/a">政府文件</a></td><td class="NewsContent" id="ArticleContent"><table><tr><td><font size="3">` + strings.ReplaceAll(strings.ReplaceAll(para, "<p>", ""), "</p>", "<br>") + `</font></td></tr></table></td></tr></table>`, text, ""},
		{"the footer is no body", `<div id="zoom"></div>` + footer, "", "no article body: body looks like site chrome"},
		{"nothing at all", `<div id="zoom"></div>`, "", "no article body found"},
		{"repeated paragraphs are no copies", `<div class="TRS_Editor"><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p><p>全区共有中小学校144所，在校生9万余人，专任教师6000余名。</p></div>`, strings.Repeat("全区共有中小学校144所，在校生9万余人，专任教师6000余名。\n", 3) + "全区共有中小学校144所，在校生9万余人，专任教师6000余名。", ""},
	}
	for _, tt := range tests {
		doc, err := Read([]byte("<html><head><meta charset=utf-8><title>标题甲乙丙丁_河阳县人民政府</title></head><body>"+tt.body+"</body></html>"), "http://www.example.gov.cn/a/t20240520_1.html", "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Text != tt.want || doc.Problem != tt.problem {
			t.Errorf("%s: text\n%q\nproblem %q; want\n%q\nproblem %q", tt.name, doc.Text, doc.Problem, tt.want, tt.problem)
		}
	}
}

// TestRegionFromLogo: the header logo's alt text names the site in full
// where <title> and the publisher do not; it completes the region.
func TestRegionFromLogo(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<html><head><title>柳溪区人民政府-柳溪区2022年工作总结</title></head><body><div class="logo"><img src="/l.png" alt="江州市柳溪区人民政府"></div>
<div class="info">发布机构：柳溪区人民政府办公室</div><div class="content"><p>全区地区生产总值达到486.7亿元，比上年增长4.2%。全年新增城镇就业5230人。</p></div></body></html>`, "江州市柳溪区"},
		// A logo of another place (the city's portal) does not complete it.
		{`<html><head><title>柳溪区人民政府-柳溪区2022年工作总结</title></head><body><img src="/l.png" alt="江州市人民政府">
<div class="info">发布机构：柳溪区人民政府办公室</div><div class="content"><p>全区地区生产总值达到486.7亿元，比上年增长4.2%。全年新增城镇就业5230人。</p></div></body></html>`, "柳溪区"},
	} {
		doc, err := Read([]byte(c.html), "http://www.liuxi.gov.cn/a.html", "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Region != c.want {
			t.Errorf("region %q, want %q", doc.Region, c.want)
		}
	}
}

// TestRegionFromTitleOrBody: a page without publisher or site name takes
// its region from its title, else from the opening of its body (the
// congress a work report is delivered to).
func TestRegionFromTitleOrBody(t *testing.T) {
	body := `<p>全区地区生产总值达到486.7亿元，比上年增长4.2%。全年新增城镇就业5230人，城镇登记失业率控制在3.5%以内。</p>`
	for _, c := range []struct{ html, want string }{
		{`<html><head><title>河西区2023年工作总结</title></head><body><div class="content">` + body + `</div></body></html>`, "河西区"},
		{`<html><head><title>政府工作报告</title></head><body><div class="content"><p>——2024年1月9日在红桥区第十八届人民代表大会第三次会议上</p>` + body + `</div></body></html>`, "红桥区"},
		{`<html><head><title>政府工作报告</title></head><body><div class="content">` + body + `</div></body></html>`, ""},
	} {
		doc, err := Read([]byte(c.html), "http://www.example.gov.cn/a.html", "")
		if err != nil {
			t.Fatal(err)
		}
		if doc.Region != c.want {
			t.Errorf("region %q, want %q (%q)", doc.Region, c.want, doc.Title)
		}
	}
}

// TestTableTitleRow: a first row of one cell spanning the table is its
// caption, a line of the text of its own; the header row below it heads
// the columns, so cells are labelled by 指标 and 绝对值, not the title.
func TestTableTitleRow(t *testing.T) {
	html := `<html><body><div class="content"><p>主要经济指标完成情况见下表。全年经济运行总体平稳，主要指标好于预期，实现了稳中有进的目标任务。</p>
<table border="1"><tr><td colspan="3"><b>2022年主要经济指标</b></td></tr>
<tr><td>指标</td><td>单位</td><td>绝对值</td></tr>
<tr><td>地区生产总值</td><td>亿元</td><td>486.7</td></tr>
<tr><td>一般公共预算收入</td><td>亿元</td><td>32.65</td></tr></table></div></body></html>`
	doc, err := Read([]byte(html), "http://www.liuxi.gov.cn/a.html", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Tables) != 1 {
		t.Fatalf("%d tables", len(doc.Tables))
	}
	tb := doc.Tables[0]
	if tb.Caption != "2022年主要经济指标" || len(tb.Rows) != 3 || tb.HeaderRows != 1 || tb.Rows[0][2].Text != "绝对值" {
		t.Errorf("caption %q, %d rows, %d header rows, first row %v", tb.Caption, len(tb.Rows), tb.HeaderRows, tb.Rows[0])
	}
	if !strings.Contains(doc.Text, "2022年主要经济指标\n指标\t单位\t绝对值\n") {
		t.Errorf("text %q", doc.Text)
	}
	// A one-cell row that does not span the table is a row like the others.
	html = strings.Replace(html, `colspan="3"`, ``, 1)
	if doc, _ = Read([]byte(html), "http://www.liuxi.gov.cn/a.html", ""); len(doc.Tables) != 1 || len(doc.Tables[0].Rows) != 4 {
		t.Errorf("a narrow first row was taken as a title: %+v", doc.Tables)
	}
}
