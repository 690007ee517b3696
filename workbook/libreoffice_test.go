package workbook

import (
	"archive/zip"
	"context"
	"encoding/csv"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// csvFilter converts every sheet (-1, LibreOffice ≥ 7.2) to UTF-8 CSV: comma,
// double quote, UTF-8 (76), from line 1; token 9 says whether cells are
// saved as shown (formatted) or as stored.
func csvFilter(asShown bool) string {
	shown := "false"
	if asShown {
		shown = "true"
	}
	return "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true," + shown + ",false,false,-1"
}

// soffice finds LibreOffice. Absent, the test skips on a developer machine
// and fails under CI (CI=true), where the script installs libreoffice-calc-nogui.
func soffice(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"soffice", "libreoffice"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("LibreOffice (soffice) is not installed; CI must run: apt-get install -y libreoffice-calc-nogui")
	}
	t.Skip("LibreOffice (soffice) not found: skipping the LibreOffice acceptance test (apt-get install -y libreoffice-calc-nogui to run it)")
	return ""
}

// convertSheets converts every sheet of book to CSV and returns the records by sheet name.
func convertSheets(t *testing.T, bin, book string, asShown bool) map[string][][]string {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	profile := "file://" + filepath.ToSlash(filepath.Join(dir, "profile")) // a fresh profile per run
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", csvFilter(asShown), book, "--outdir", out)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	base := strings.TrimSuffix(filepath.Base(book), filepath.Ext(book))
	sheets := map[string][][]string{}
	files, _ := filepath.Glob(filepath.Join(out, base+"-*.csv"))
	for _, p := range files {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(strings.NewReader(string(b)))
		r.FieldsPerRecord = -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		sheets[strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), base+"-"), ".csv")] = recs
	}
	if len(sheets) == 0 {
		t.Fatalf("soffice wrote no CSV files:\n%s", msg)
	}
	return sheets
}

// TestLibreOffice opens the workbook in LibreOffice and checks every sheet's
// headers and a sample of values, as stored and as shown.
func TestLibreOffice(t *testing.T) {
	bin := soffice(t)
	book, _ := writeSample(t, sampleSource(), Options{Version: "v0.1.0"})

	raw := convertSheets(t, bin, book, false)
	for _, sh := range []string{"说明", "文档", "数据", "指标", "未归类", "汇总"} {
		if len(raw[sh]) == 0 {
			t.Fatalf("sheet %s missing from LibreOffice's output (got %d sheets)", sh, len(raw))
		}
	}
	header := func(sh string) string { return strings.Join(raw[sh][0], ",") }
	for sh, want := range map[string]string{
		"文档": "地区,标题,发布单位,发布日期,网址,数字数量（个）,问题,站点,抓取时间,文档编号,附件所属文章,所属文章网址",
		"数据": "地区,文档标题,发布日期,章节,指标,对象,类型,数值,单位,标准值,基本单位,限定,角色,方向,年份,原文,句子,文档编号,序号,所属文章",
		"汇总": "地区,文档数（篇）,数字数量（个）,百分比（个）,金额（个）,人数（个）,学校数（个）,数量（个）,指数（个）,度量（个）,其他（个）",
	} {
		if got := header(sh); got != want {
			t.Errorf("%s header:\n got %s\nwant %s", sh, got, want)
		}
	}
	if !strings.HasPrefix(header("未归类"), "指标,类型,基本单位,文档数（篇）,") || !strings.Contains(header("未归类"), jinghai) {
		t.Errorf("未归类 header: %s", header("未归类"))
	}
	if header("指标") != "指标,单位,年份,领域,指标代码,地区数（个）" {
		t.Errorf("指标 header (no figure of the sample is mapped): %s", header("指标"))
	}
	if raw["说明"][0][0] != "govfig 数据工作簿：区县政府报告中的数字" {
		t.Errorf("说明 A1 = %q", raw["说明"][0][0])
	}

	// 数据: values as stored; text starting with = + - @ stays text.
	data := raw["数据"]
	if len(data) != 1+9 {
		t.Fatalf("数据 has %d rows, want 10", len(data))
	}
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{2, 0, jinghai}, {2, 2, "2024-08-29"}, {2, 4, "学前三年毛入园率"}, {2, 6, "百分比"}, {2, 7, "96.34"},
		{2, 9, "96.34"}, {2, 12, "现值"}, {4, 9, "1902740000"}, {7, 15, "=1+1"}, {7, 16, "=1+1"}, {7, 11, "约"}, {2, 13, ""}, {5, 13, "上升"},
		{8, 4, "-小学差异系数"}, {8, 15, "@0.4175"}, {8, 7, "0.4175"},
	} {
		if got := data[c.row][c.col]; got != c.want {
			t.Errorf("数据 row %d col %s = %q, want %q", c.row+1, data[0][c.col], got, c.want)
		}
	}
	docs := raw["文档"]
	if got := docs[1][1]; got != `=HYPERLINK("http://evil","x")` {
		t.Errorf("文档 title = %q, want the literal text", got)
	}
	if got := docs[3][3]; got != "2024-08-29" {
		t.Errorf("文档 date = %q", got)
	}

	// As shown: percent with %, money with separators.
	shown := convertSheets(t, bin, book, true)
	wide := shown["未归类"]
	col := -1
	for i, h := range wide[0] {
		if h == jinghai {
			col = i
		}
	}
	found := false
	for _, r := range wide[1:] {
		if r[0] == "学前三年毛入园率" {
			found = true
			if r[col] != "96.34%" {
				t.Errorf("未归类 学前三年毛入园率 / %s shown as %q, want 96.34%%", jinghai, r[col])
			}
		}
		if r[0] == "一般公共预算教育经费支出预算" && r[col] != "1,902,740,000" {
			t.Errorf("未归类 money shown as %q, want 1,902,740,000", r[col])
		}
	}
	if !found {
		t.Error("未归类 has no row 学前三年毛入园率")
	}
	if got := shown["数据"][4][9]; got != "1,902,740,000" {
		t.Errorf("数据 money shown as %q", got)
	}
}

// TestLibreOfficeFiltersAndChart converts the workbook to ODS and checks that
// LibreOffice sees an auto-filter on every table sheet and the chart's ranges on 汇总.
func TestLibreOfficeFiltersAndChart(t *testing.T) {
	bin := soffice(t)
	book, _ := writeSample(t, sampleSource(), Options{})
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "profile")),
		"--headless", "--norestore", "--convert-to", "ods", book, "--outdir", dir)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "govfig.ods"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	read := func(name string) string {
		for _, f := range zr.File {
			if f.Name == name {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				rc.Close()
				return string(b)
			}
		}
		t.Fatalf("%s not in the ODS file", name)
		return ""
	}
	content := read("content.xml")
	for _, want := range []string{"文档.A1:文档.L5", "数据.A1:数据.T10", "未归类.A1:未归类.G5", "汇总.A1:汇总.K4"} {
		if !strings.Contains(content, `table:target-range-address="`+want+`" table:display-filter-buttons="true"`) {
			t.Errorf("LibreOffice sees no auto-filter %s", want)
		}
	}
	chart := read("Object 1/content.xml")
	for _, want := range []string{`chart:values-cell-range-address="汇总.D2:汇总.D4"`, `chart:label-cell-address="汇总.D1:汇总.D1"`} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
}
