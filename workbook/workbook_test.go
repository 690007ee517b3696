package workbook

import (
	"archive/zip"
	"context"
	"errors"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

const (
	jinghai   = "天津市静海区"
	seedTitle = "天津市静海区人民政府2023年履行教育职责情况自评报告"
	seedURL   = "https://www.tjjh.gov.cn/zwgk/gggs/202408/t20240829_1.html"
	sentence1 = "学前三年毛入园率96.34%,普惠性幼儿园覆盖率80.87%,公办园在园幼儿占比67.74%。"
	sentence2 = "2023年一般公共预算教育经费支出预算安排190274万元,比上年的186988万元增加3286万元、增长1.76%。"
)

var testNow = time.Date(2026, 11, 28, 13, 45, 0, 0, time.UTC)

// fig builds a figure row of document doc.
func fig(doc int64, seq int, region string, kind schema.Kind, label string, value float64, unit string,
	norm float64, base string, role schema.Role, text, sentence string) schema.FigureRow {
	fr := schema.FigureRow{ID: doc*1000 + int64(seq), DocumentID: doc, Seq: seq, Region: region,
		DocTitle: "报告" + strconv.FormatInt(doc, 10), Published: "2024-08-29T16:16:00+08:00"}
	fr.Kind, fr.Label, fr.Value, fr.Unit, fr.Normalized, fr.BaseUnit, fr.Role = kind, label, value, unit, norm, base, role
	fr.Year, fr.Text, fr.Sentence = 2023, text, sentence
	fr.Section = "一、做法与成效 > (四)强化教育条件保障"
	return fr
}

// sampleSource: 静海区 with one report; 和平区 with two; hostile text in places.
func sampleSource() *fakeSource {
	long := strings.Repeat("教育经费", 10000) // 40,000 characters
	s := &fakeSource{
		info: schema.RunInfo{Version: "v0.1.0", ExtractorVersion: "x1", LastRun: time.Date(2026, 11, 27, 9, 30, 0, 0, time.UTC),
			Documents: 3, Figures: 9, Problems: 1, Sites: []string{"和平区", jinghai}},
		docs: []schema.DocRow{
			{ID: 2, URL: "javascript:alert(1)", Region: "天津市和平区", Title: "=HYPERLINK(\"http://evil\",\"x\")",
				Publisher: "+和平区教育局", Published: "2023-05-06", FigureCount: 2, Problem: "@SUM(A1)"},
			{ID: 3, URL: "https://www.tjhp.gov.cn/a/3.html", Region: "天津市和平区", Title: "和平区2024年报告",
				Published: "2024-03-01T10:00:00+08:00", FigureCount: 1},
			{ID: 1, URL: seedURL, Site: jinghai, Region: jinghai, Title: seedTitle, Publisher: "天津市静海区人民政府",
				Published: "2024-08-29T16:16:38+08:00", FetchedAt: "2026-11-27T09:00:00Z", FigureCount: 6},
			{ID: 4, URL: "file:///etc/passwd", Region: "天津市河西区", Title: "-1+1", Published: "", FigureCount: 0},
		},
	}
	s.figs = []schema.FigureRow{
		// document 1 (静海): a change-role figure of the label first, then the level, then a repeat.
		fig(1, 0, jinghai, schema.KindPercent, "学前三年毛入园率", 1.2, "个百分点", 1.2, "个百分点", schema.RoleChange, "1.2个百分点", "学前三年毛入园率下降1.2个百分点。"),
		fig(1, 1, jinghai, schema.KindPercent, "学前三年毛入园率", 96.34, "%", 96.34, "%", schema.RoleLevel, "96.34%", sentence1),
		fig(1, 2, jinghai, schema.KindPercent, "普惠性幼儿园覆盖率", 80.87, "%", 80.87, "%", schema.RoleLevel, "80.87%", sentence1),
		fig(1, 3, jinghai, schema.KindMoney, "一般公共预算教育经费支出预算", 190274, "万元", 1902740000, "元", schema.RoleLevel, "190274万元", sentence2),
		fig(1, 4, jinghai, schema.KindMoney, "一般公共预算教育经费支出预算", 3286, "万元", 32860000, "元", schema.RoleChange, "3286万元", sentence2),
		fig(1, 5, jinghai, schema.KindPercent, "学前三年毛入园率", 97, "%", 97, "%", schema.RoleLevel, "97%", long),
		// document 2 (和平, first report): hostile text.
		fig(2, 0, "天津市和平区", schema.KindPercent, "学前三年毛入园率", 95.5, "%", 95.5, "%", schema.RoleLevel, "=1+1", "=1+1"),
		fig(2, 1, "天津市和平区", schema.KindIndex, "-小学差异系数", 0.4175, "", 0.4175, "", schema.RoleLevel, "@0.4175", "+cmd|' /C calc'!A0"),
		// document 3 (和平, second report).
		fig(3, 0, "天津市和平区", schema.KindPercent, "学前三年毛入园率", 96.1, "%", 96.1, "%", schema.RoleLevel, "96.1%", "学前三年毛入园率96.1%。"),
	}
	s.figs[0].Direction = schema.DirDown
	s.figs[4].Direction = schema.DirUp
	s.figs[6].Qualifier = schema.QualApprox
	s.figs[7].Sentence += "\x00\x07bad\xffbyte"
	return s
}

func writeSample(t *testing.T, src Source, opts Options) (string, Stats) {
	t.Helper()
	if opts.Now == nil {
		opts.Now = func() time.Time { return testNow }
	}
	path := filepath.Join(t.TempDir(), "govfig.xlsx")
	st, err := Write(context.Background(), src, path, opts)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	return path, st
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

func TestSheetsAndHeaders(t *testing.T) {
	path, st := writeSample(t, sampleSource(), Options{})
	f := openBook(t, path)
	want := []string{"说明", "文档", "数据", "指标", "未归类", "汇总"}
	if got := f.GetSheetList(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	for _, name := range want {
		if err := checkSheetName(name); err != nil {
			t.Errorf("sheet %s: %v", name, err)
		}
	}
	rows, _ := f.GetRows("数据")
	if got := strings.Join(rows[0], ","); !strings.HasPrefix(got, "地区,文档标题,发布日期,章节,指标,对象,类型,数值,单位,标准值,基本单位,限定,角色,方向,年份,原文,句子") {
		t.Errorf("数据 header = %s", got)
	}
	rows, _ = f.GetRows("文档")
	if got := strings.Join(rows[0], ","); !strings.HasPrefix(got, "地区,标题,发布单位,发布日期,网址,数字数量（个）,问题") {
		t.Errorf("文档 header = %s", got)
	}
	if st.Documents != 4 || st.Figures != 9 || len(st.DataSheets) != 1 {
		t.Errorf("stats = %+v", st)
	}
	if idx := f.GetActiveSheetIndex(); idx != 0 {
		t.Errorf("active sheet %d, want 说明 (0)", idx)
	}
}

// TestListPagesLeftOff: list (column) pages the crawler walked are stored as
// documents but are no rows of 文档.
func TestListPagesLeftOff(t *testing.T) {
	src := sampleSource()
	src.docs = append(src.docs, schema.DocRow{ID: 99, URL: "http://a.gov.cn/zwgk/index.html", Region: "天津市静海区",
		Title: "公告公示", PageType: schema.PageList})
	path, st := writeSample(t, src, Options{})
	if st.Documents != len(src.docs)-1 || st.ListPages != 1 {
		t.Errorf("stats = %+v, want %d documents and 1 list page", st, len(src.docs)-1)
	}
	rows, _ := openBook(t, path).GetRows("文档")
	for _, r := range rows {
		if len(r) > 4 && r[4] == "http://a.gov.cn/zwgk/index.html" {
			t.Errorf("list page on 文档: %v", r)
		}
	}
}

// TestRoundTrip: every figure appears exactly once on 数据 with equal values.
func TestRoundTrip(t *testing.T) {
	src := sampleSource()
	path, _ := writeSample(t, src, Options{})
	f := openBook(t, path)
	checkFigures(t, f, []string{"数据"}, src.figs)
}

// checkFigures reads the data sheets back and compares them with figs.
func checkFigures(t *testing.T, f *excelize.File, sheets []string, figs []schema.FigureRow) {
	t.Helper()
	type key struct {
		doc int64
		seq int
	}
	seen := map[key]int{}
	for _, sh := range sheets {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("rows of %s: %v", sh, err)
		}
		if len(rows) == 0 || rows[0][0] != "地区" {
			t.Fatalf("%s has no header", sh)
		}
		for _, r := range rows[1:] {
			for len(r) < len(dataColumns) {
				r = append(r, "")
			}
			doc, _ := strconv.ParseInt(r[17], 10, 64)
			seq, _ := strconv.Atoi(r[18])
			seen[key{doc, seq}]++
			var want *schema.FigureRow
			for i := range figs {
				if figs[i].DocumentID == doc && figs[i].Seq == seq {
					want = &figs[i]
				}
			}
			if want == nil {
				t.Errorf("%s: row for unknown figure %d/%d", sh, doc, seq)
				continue
			}
			num := func(s string) float64 {
				v, err := strconv.ParseFloat(s, 64)
				if err != nil {
					t.Errorf("figure %d/%d: %q is not a number", doc, seq, s)
				}
				return v
			}
			if v := num(r[7]); v != want.Value {
				t.Errorf("figure %d/%d: 数值 %v, want %v", doc, seq, v, want.Value)
			}
			if v := num(r[9]); v != want.Normalized {
				t.Errorf("figure %d/%d: 标准值 %v, want %v", doc, seq, v, want.Normalized)
			}
			if r[0] != want.Region || r[4] != want.Label || r[8] != want.Unit || r[10] != want.BaseUnit {
				t.Errorf("figure %d/%d: text fields %q", doc, seq, r[:11])
			}
			if r[6] != kindName(want.Kind) || r[12] != roleName(want.Role) || r[11] != qualifierName(want.Qualifier) {
				t.Errorf("figure %d/%d: kind/role/qualifier %q %q %q", doc, seq, r[6], r[12], r[11])
			}
			if r[13] != directionName(want.Direction) {
				t.Errorf("figure %d/%d: 方向 %q, want %q", doc, seq, r[13], directionName(want.Direction))
			}
			if r[14] != strconv.Itoa(want.Year) {
				t.Errorf("figure %d/%d: 年份 %q", doc, seq, r[14])
			}
			if wantText, _ := cleanText(want.Text); r[15] != wantText {
				t.Errorf("figure %d/%d: 原文 %q, want %q", doc, seq, r[15], wantText)
			}
		}
	}
	for _, fr := range figs {
		if n := seen[key{fr.DocumentID, fr.Seq}]; n != 1 {
			t.Errorf("figure %d/%d appears %d times", fr.DocumentID, fr.Seq, n)
		}
	}
}

func TestSplitDataSheets(t *testing.T) {
	src := sampleSource()
	path, st := writeSample(t, src, Options{MaxRows: 4}) // header + 3 figures per sheet
	if want := []string{"数据", "数据2", "数据3"}; strings.Join(st.DataSheets, ",") != strings.Join(want, ",") {
		t.Fatalf("data sheets = %v, want %v", st.DataSheets, want)
	}
	f := openBook(t, path)
	// 未归类 does not continue: what does not fit is dropped and counted.
	want := "说明,文档,文档2,数据,数据2,数据3,指标,未归类,汇总"
	if got := strings.Join(f.GetSheetList(), ","); got != want {
		t.Errorf("sheets = %s, want %s", got, want)
	}
	checkFigures(t, f, st.DataSheets, src.figs)
	if st.Indicators != 3 || st.DroppedIndicators != 1 {
		t.Errorf("indicators %d, dropped %d; want 3 and 1", st.Indicators, st.DroppedIndicators)
	}
	v, _ := f.GetCellValue("说明", "A1")
	if v == "" {
		t.Error("说明 is empty")
	}
	if !sheetContains(t, f, "说明", "数据、数据2、数据3") {
		t.Error("说明 does not say where the figures continue")
	}
}

func sheetContains(t *testing.T, f *excelize.File, sheet, s string) bool {
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		for _, c := range r {
			if strings.Contains(c, s) {
				return true
			}
		}
	}
	return false
}

// TestWideView: 未归类 (figures that map to no indicator; none of the sample
// does) shows 学前三年毛入园率 96.34% in the column of 天津市静海区: the first
// level-role figure, not the earlier change nor the later repeat.
func TestWideView(t *testing.T) {
	path, st := writeSample(t, sampleSource(), Options{})
	f := openBook(t, path)
	rows, _ := f.GetRows("未归类")
	header := rows[0]
	col := map[string]int{}
	for i, h := range header {
		col[h] = i
	}
	jc, ok := col[jinghai]
	if !ok {
		t.Fatalf("no column %s in %q", jinghai, header)
	}
	// 和平区 has two reports: one column each, named with date and title.
	for _, h := range []string{"天津市和平区（2023-05-06 =HYPERLINK(\"http://evil\"…）", "天津市和平区（2024-03-01 和平区2024年报告）"} {
		if _, ok := col[h]; !ok {
			t.Errorf("no column %q in %q", h, header)
		}
	}
	if _, ok := col["天津市河西区"]; ok {
		t.Error("a region without figures got a column")
	}
	var line int
	for i, r := range rows {
		if r[0] == "学前三年毛入园率" && r[2] == "%" {
			line = i + 1
		}
	}
	if line == 0 {
		t.Fatal("no row 学前三年毛入园率 (%)")
	}
	cell, _ := excelize.CoordinatesToCellName(jc+1, line)
	shown, _ := f.GetCellValue("未归类", cell)
	raw, _ := f.GetCellValue("未归类", cell, excelize.Options{RawCellValue: true})
	if shown != "96.34%" || raw != "96.34" {
		t.Errorf("未归类 %s = %q (raw %q), want 96.34%% (raw 96.34)", cell, shown, raw)
	}
	if docs, _ := f.GetCellValue("未归类", "D"+strconv.Itoa(line)); docs != "3" {
		t.Errorf("文档数 = %q, want 3", docs)
	}
	// Percent rows come first (grouped by kind); the change figure in 个百分点 is not there.
	if rows[1][1] != "百分比" {
		t.Errorf("first row kind %q, want 百分比", rows[1][1])
	}
	for _, r := range rows[1:] {
		if r[2] == "个百分点" {
			t.Errorf("a change-only label reached 未归类: %q", r)
		}
	}
	// Money shows thousands separators.
	for i, r := range rows {
		if r[0] == "一般公共预算教育经费支出预算" {
			cell, _ := excelize.CoordinatesToCellName(jc+1, i+1)
			if v, _ := f.GetCellValue("未归类", cell); v != "1,902,740,000" {
				t.Errorf("money cell = %q, want 1,902,740,000", v)
			}
		}
	}
	if st.Indicators != 4 || st.IndicatorColumns != 3 {
		t.Errorf("indicators %d × %d, want 4 × 3", st.Indicators, st.IndicatorColumns)
	}
}

func TestTypesAndFormats(t *testing.T) {
	path, _ := writeSample(t, sampleSource(), Options{})
	f := openBook(t, path)
	cases := []struct {
		sheet, cell, shown, raw string
	}{
		{"文档", "D4", "2024-08-29", "45533"},         // a date, not text
		{"文档", "F4", "6", "6"},                      // a number
		{"文档", "I4", "2026-11-27 09:00", ""},        // a date-time
		{"数据", "C2", "2024-08-29", "45533"},         // date
		{"数据", "H5", "190,274", "190274"},           // value with thousands separator
		{"数据", "J5", "1,902,740,000", "1902740000"}, // money, normalized
		{"数据", "J3", "96.34%", "96.34"},             // percent shown as percent
		{"数据", "J9", "0.4175", "0.4175"},            // an index keeps its digits
		{"数据", "N2", "下降", "下降"},                    // a change's direction in Chinese
		{"数据", "O2", "2023", "2023"},                // a year has no separator
		{"汇总", "A1", "地区", "地区"},
	}
	for _, c := range cases {
		shown, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if shown != c.shown || (c.raw != "" && raw != c.raw) {
			t.Errorf("%s!%s = %q (raw %q), want %q (raw %q)", c.sheet, c.cell, shown, raw, c.shown, c.raw)
		}
	}
	// Frozen header and auto-filter on every table sheet.
	xml := sheetXML(t, path)
	for _, sh := range []string{"文档", "数据", "指标", "汇总"} {
		x := xml[sh]
		if !strings.Contains(x, `state="frozen"`) {
			t.Errorf("%s: header not frozen", sh)
		}
		if !regexp.MustCompile(`<autoFilter ref="\$?A\$?1:\$?[A-Z]+\$?\d+"`).MatchString(x) {
			t.Errorf("%s: no auto-filter", sh)
		}
		if !strings.Contains(x, `<col `) {
			t.Errorf("%s: no column widths", sh)
		}
	}
	if !strings.Contains(xml["数据"], `<autoFilter ref="$A$1:$T$10"`) {
		t.Errorf("数据 auto-filter does not cover the rows")
	}
}

// sheetXML returns the worksheet XML of each sheet, by sheet name.
func sheetXML(t *testing.T, path string) map[string]string {
	t.Helper()
	f := openBook(t, path)
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	files := map[string]string{}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		files[zf.Name] = string(b)
	}
	out := map[string]string{}
	for i, name := range f.GetSheetList() {
		_ = i
		p := f.GetSheetMap()
		for id, n := range p {
			if n == name {
				out[name] = files["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"]
			}
		}
	}
	if len(out) != len(f.GetSheetList()) {
		t.Fatalf("found %d sheet XMLs for %d sheets", len(out), len(f.GetSheetList()))
	}
	return out
}

// TestNoFormulas: scraped text never becomes a formula; text starting with
// = + - @ stays literal text.
func TestNoFormulas(t *testing.T) {
	path, _ := writeSample(t, sampleSource(), Options{})
	for name, x := range sheetXML(t, path) {
		if strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
			t.Errorf("sheet %s holds a formula", name)
		}
	}
	f := openBook(t, path)
	for _, c := range []struct{ sheet, cell, want string }{
		{"文档", "B2", `=HYPERLINK("http://evil","x")`},
		{"文档", "C2", "+和平区教育局"},
		{"文档", "G2", "@SUM(A1)"},
		{"文档", "B5", "-1+1"},
		{"数据", "P8", "=1+1"},
		{"数据", "E9", "-小学差异系数"},
		{"数据", "P9", "@0.4175"},
	} {
		got, _ := f.GetCellValue(c.sheet, c.cell)
		typ, _ := f.GetCellType(c.sheet, c.cell)
		if got != c.want || typ == excelize.CellTypeFormula {
			t.Errorf("%s!%s = %q (type %v), want literal %q", c.sheet, c.cell, got, typ, c.want)
		}
		if formula, _ := f.GetCellFormula(c.sheet, c.cell); formula != "" {
			t.Errorf("%s!%s has formula %q", c.sheet, c.cell, formula)
		}
	}
}

// TestLinks: only http(s) URLs become hyperlinks.
func TestLinks(t *testing.T) {
	path, st := writeSample(t, sampleSource(), Options{})
	f := openBook(t, path)
	for _, c := range []struct {
		cell, text string
		link       bool
	}{
		{"E2", "javascript:alert(1)", false},
		{"E3", "https://www.tjhp.gov.cn/a/3.html", true},
		{"E4", seedURL, true},
		{"E5", "file:///etc/passwd", false},
	} {
		text, _ := f.GetCellValue("文档", c.cell)
		ok, target, _ := f.GetCellHyperLink("文档", c.cell)
		if text != c.text || ok != c.link || (ok && target != c.text) {
			t.Errorf("文档!%s = %q link=%v %q, want %q link=%v", c.cell, text, ok, target, c.text, c.link)
		}
	}
	if st.Links != 2 || st.PlainURLs != 2 {
		t.Errorf("links %d plain %d, want 2 and 2", st.Links, st.PlainURLs)
	}
	// The cap turns further links into text.
	path, st = writeSample(t, sampleSource(), Options{MaxLinks: 1})
	f = openBook(t, path)
	if ok, _, _ := f.GetCellHyperLink("文档", "E4"); ok || st.Links != 1 {
		t.Errorf("MaxLinks 1: E4 still a link (links %d)", st.Links)
	}
}

// TestOriginalURLLinks: a loose file that names its page (原文链接) is
// linked to that page on 文档, not shown as its path.
func TestOriginalURLLinks(t *testing.T) {
	const page = "https://www.tjhb.gov.cn/zwgk/t20230208_1.html"
	src := &fakeSource{docs: []schema.DocRow{
		{ID: 1, URL: "docs/a.txt", OriginalURL: page, Region: "天津市河北区", Title: "甲", FigureCount: 1},
		{ID: 2, URL: "docs/b.txt", Region: "天津市河北区", Title: "乙", FigureCount: 1},
	}}
	path, _ := writeSample(t, src, Options{})
	f := openBook(t, path)
	for _, c := range []struct {
		cell, text string
		link       bool
	}{{"E2", page, true}, {"E3", "docs/b.txt", false}} {
		text, _ := f.GetCellValue("文档", c.cell)
		ok, target, _ := f.GetCellHyperLink("文档", c.cell)
		if text != c.text || ok != c.link || ok && target != c.text {
			t.Errorf("文档!%s = %q link=%v %q, want %q link=%v", c.cell, text, ok, target, c.text, c.link)
		}
	}
}

func TestLinkURL(t *testing.T) {
	for _, c := range []struct {
		in string
		ok bool
	}{
		{"https://www.tjjh.gov.cn/a.html", true},
		{"http://example.gov.cn/x?a=1&b=2", true},
		{"HTTPS://EXAMPLE.GOV.CN/", true},
		{"javascript:alert(1)", false},
		{"JavaScript://x.com/%0aalert(1)", false},
		{"file:///etc/passwd", false},
		{"data:text/html,<b>x</b>", false},
		{"mailto:a@b.cn", false},
		{"//example.gov.cn/a", false},
		{"/relative/path.html", false},
		{"http://", false},
		{"https://a.cn/" + strings.Repeat("x", 2100), false},
		{"", false},
		{"https://a.cn/\xff", false},
		{"https://a.cn/a\x00b", false},
	} {
		if _, ok := linkURL(c.in); ok != c.ok {
			t.Errorf("linkURL(%.40q) = %v, want %v", c.in, ok, c.ok)
		}
	}
}

func TestCleanText(t *testing.T) {
	long := strings.Repeat("数", 40000)
	astral := strings.Repeat("𠀀", 20000) // 2 UTF-16 units each
	for _, c := range []struct {
		name, in string
		wantLen  int // UTF-16 units; 0 = unchanged
		cut      bool
	}{
		{"short", "学前三年毛入园率96.34%", 0, false},
		{"limit", strings.Repeat("a", maxCellChars), 0, false},
		{"long", long, maxCellChars, true},
		{"astral", "a" + astral, maxCellChars - 1, true}, // a surrogate pair is never split
	} {
		got, cut := cleanText(c.in)
		if cut != c.cut {
			t.Errorf("%s: cut = %v", c.name, cut)
		}
		if c.wantLen == 0 {
			if got != c.in {
				t.Errorf("%s: changed", c.name)
			}
			continue
		}
		if n := utf16Len(got); n != c.wantLen || !strings.HasSuffix(got, truncMarker) {
			t.Errorf("%s: %d units, suffix %q", c.name, n, got[len(got)-12:])
		}
	}
	if got, _ := cleanText("a\x00b\x07c\td\xffe\uFFFEf"); got != "abc\td\uFFFDef" {
		t.Errorf("control characters: %q", got)
	}
}

func TestLongTextInWorkbook(t *testing.T) {
	path, st := writeSample(t, sampleSource(), Options{})
	f := openBook(t, path)
	got, _ := f.GetCellValue("数据", "Q7")
	if utf16Len(got) != maxCellChars || !strings.HasSuffix(got, truncMarker) {
		t.Errorf("long sentence: %d units, want %d ending %q", utf16Len(got), maxCellChars, truncMarker)
	}
	if st.Truncated != 1 {
		t.Errorf("truncated = %d, want 1", st.Truncated)
	}
	if !sheetContains(t, f, "说明", "1 个超长文本被截断") {
		t.Error("说明 does not report the cut")
	}
}

func TestSheetNames(t *testing.T) {
	for _, c := range []struct {
		name string
		ok   bool
	}{
		{"数据", true}, {"数据12", true}, {strings.Repeat("数", 31), true},
		{strings.Repeat("数", 32), false}, {"", false}, {"a/b", false}, {"a[1]", false},
		{"a:b", false}, {"a*", false}, {"a?", false}, {`a\b`, false}, {"'a", false},
	} {
		if err := checkSheetName(c.name); (err == nil) != c.ok {
			t.Errorf("checkSheetName(%q) = %v", c.name, err)
		}
	}
}

// TestFailureLeavesNoWorkbook: a source failing mid-way leaves the old file
// untouched and no temporary file behind.
func TestFailureLeavesNoWorkbook(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "govfig.xlsx")
	src := sampleSource()
	src.failAfter = 4
	if _, err := Write(context.Background(), src, path, Options{}); !errors.Is(err, errFake) {
		t.Fatalf("err = %v, want the source's error", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("a workbook was left at %s (%v)", path, err)
	}
	old := []byte("the previous workbook")
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(context.Background(), src, path, Options{}); err == nil {
		t.Fatal("no error")
	}
	if b, _ := os.ReadFile(path); string(b) != string(old) {
		t.Error("the old file was changed")
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("directory holds %d entries, want only the old file", len(ents))
	}
	// A good run replaces it.
	src.failAfter = 0
	if _, err := Write(context.Background(), src, path, Options{}); err != nil {
		t.Fatal(err)
	}
	openBook(t, path)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	path := filepath.Join(t.TempDir(), "x.xlsx")
	if _, err := Write(ctx, &genSource{n: 100, docs: 2, regions: 1}, path, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Error("file written")
	}
}

func TestBadNumbersLeftBlank(t *testing.T) {
	src := sampleSource()
	src.figs[2].Normalized = math.NaN()
	src.figs[3].Value = math.Inf(1)
	path, st := writeSample(t, src, Options{})
	if st.BadNumbers != 2 {
		t.Errorf("bad numbers = %d, want 2", st.BadNumbers)
	}
	f := openBook(t, path)
	if v, _ := f.GetCellValue("数据", "J4"); v != "" {
		t.Errorf("NaN written as %q", v)
	}
}

func TestSummary(t *testing.T) {
	path, st := writeSample(t, sampleSource(), Options{})
	f := openBook(t, path)
	rows, _ := f.GetRows("汇总", excelize.Options{RawCellValue: true})
	// 静海 has most figures: first row. Columns: 地区, 文档数, 数字数量, 百分比, 金额, ...
	if len(rows) != 4 || rows[1][0] != jinghai || rows[1][1] != "1" || rows[1][2] != "6" || rows[1][3] != "4" || rows[1][4] != "2" {
		t.Errorf("汇总 rows = %q", rows)
	}
	if st.Regions != 3 {
		t.Errorf("regions = %d", st.Regions)
	}
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d charts, want 1", charts)
	}
}

func TestReadme(t *testing.T) {
	path, _ := writeSample(t, sampleSource(), Options{Version: "v9.9", SourceName: "govfig.db"})
	f := openBook(t, path)
	for _, s := range []string{"govfig", "v9.9", "govfig.db", "2026-11-28 13:45", jinghai, "和平区",
		"96.34 表示 96.34%", "第一个角色为“现值”", "figure_count", "normalized", "base_unit", "学校数", "不超过",
		"direction", "上升", "下降", "数值和标准值仍是原文写出的幅度"} {
		if !sheetContains(t, f, "说明", s) {
			t.Errorf("说明 lacks %q", s)
		}
	}
	// Every column of every table sheet is in the dictionary.
	rows, _ := f.GetRows("说明")
	dict := map[string]bool{}
	for _, r := range rows {
		if len(r) >= 3 {
			dict[r[0]+"/"+r[1]] = true
		}
	}
	for _, c := range []struct {
		sheet string
		cols  []column
	}{{"文档", docColumns}, {"数据", dataColumns}, {"指标", indicatorFixed}, {"未归类", wideFixed}, {"汇总", summaryFixed}} {
		for _, col := range c.cols {
			if !dict[c.sheet+"/"+col.zh] {
				t.Errorf("dictionary lacks %s/%s", c.sheet, col.zh)
			}
		}
	}
}
