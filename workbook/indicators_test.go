package workbook

import (
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

// indicatorSource: three districts report 学前三年毛入园率 (under different
// labels, mapped to one code) and GRP; 河西区 twice for 2023 (the later
// report wins), 和平区 for two years; one unmapped label.
func indicatorSource() *fakeSource {
	s := &fakeSource{
		info: schema.RunInfo{Version: "v0.1.0"},
		indicators: []schema.IndicatorRow{
			{Code: "edu.pre.ger3", Name: "学前三年毛入园率", Kind: "percent", Unit: "%", Domain: "教育"},
			{Code: "stat.gdp", Name: "地区生产总值", Kind: "money", Unit: "元", Domain: "统计"},
			{Code: "stat.gdp_growth", Name: "地区生产总值增速", Kind: "percent", Unit: "%", Domain: "统计", Of: "growth:stat.gdp"},
		},
		docs: []schema.DocRow{
			{ID: 1, Region: "天津市和平区", Title: "和平区2022年工作总结", Published: "2023-02-01"},
			{ID: 2, Region: "天津市和平区", Title: "和平区2023年工作总结", Published: "2024-02-01"},
			{ID: 3, Region: "天津市河西区", Title: "河西区2023年统计公报", Published: "2024-03-01"},
			{ID: 4, Region: "天津市河西区", Title: "河西区2023年教育工作总结", Published: "2024-01-10"},
			{ID: 5, Region: "天津市红桥区", Title: "红桥区政府工作报告", Published: "2024-01-09"},
		},
	}
	f := func(doc int64, region, label, code string, kind schema.Kind, v float64, base string, role schema.Role, year int) schema.FigureRow {
		fr := fig(doc, 0, region, kind, label, v, base, v, base, role, label, label)
		fr.Indicator, fr.IndicatorConfidence, fr.Year = code, 1, year
		return fr
	}
	s.figs = []schema.FigureRow{
		f(1, "天津市和平区", "学前三年毛入园率", "edu.pre.ger3", schema.KindPercent, 93.1, "%", schema.RoleLevel, 2022),
		f(2, "天津市和平区", "学前教育三年毛入园率", "edu.pre.ger3", schema.KindPercent, 95.2, "%", schema.RoleLevel, 2023),
		f(2, "天津市和平区", "地区生产总值", "stat.gdp", schema.KindMoney, 1.2e10, "元", schema.RoleLevel, 2023),
		f(2, "天津市和平区", "地区生产总值", "stat.gdp_growth", schema.KindPercent, 4.1, "%", schema.RoleChange, 2023),
		f(3, "天津市河西区", "学前三年入园率", "edu.pre.ger3", schema.KindPercent, 97.5, "%", schema.RoleLevel, 2023),
		f(4, "天津市河西区", "学前三年毛入园率", "edu.pre.ger3", schema.KindPercent, 97.0, "%", schema.RoleLevel, 2023),
		f(4, "天津市河西区", "学前三年毛入园率", "edu.pre.ger3", schema.KindPercent, 98.0, "%", schema.RoleTarget, 2024),
		f(5, "天津市红桥区", "学前三年毛入园率", "edu.pre.ger3", schema.KindPercent, 91.8, "%", schema.RoleLevel, 2023),
		f(5, "天津市红桥区", "独流镇", "", schema.KindCount, 3, "个", schema.RoleLevel, 2023),
	}
	return s
}

// TestIndicatorSheet: 指标 is canonical indicators × regions × years: the
// canonical name first, the unit in its own column, one column per region,
// the level value formatted, a comment naming the source; the later report
// wins; targets and changes stay off; unmapped labels go to 未归类.
func TestIndicatorSheet(t *testing.T) {
	path, st := writeSample(t, indicatorSource(), Options{})
	f := openBook(t, path)
	rows, _ := f.GetRows("指标")
	want := [][]string{
		{"指标", "单位", "年份", "领域", "指标代码", "地区数（个）", "天津市和平区", "天津市河西区", "天津市红桥区"},
		{"学前三年毛入园率", "%", "2022", "教育", "edu.pre.ger3", "1", "93.10%"},
		{"学前三年毛入园率", "%", "2023", "教育", "edu.pre.ger3", "3", "95.20%", "97.50%", "91.80%"},
		{"地区生产总值", "元", "2023", "统计", "stat.gdp", "1", "12,000,000,000"},
	}
	if len(rows) != len(want) {
		t.Fatalf("指标 has %d rows, want %d: %q", len(rows), len(want), rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("指标 row %d:\n got %q\nwant %q", i+1, rows[i], want[i])
		}
	}
	if raw, _ := f.GetCellValue("指标", "H3", excelize.Options{RawCellValue: true}); raw != "97.5" {
		t.Errorf("指标!H3 stored %q, want the number 97.5", raw)
	}
	cs, _ := f.GetComments("指标")
	var h3 string
	for _, c := range cs {
		if c.Cell == "H3" {
			h3 = c.Text
		}
	}
	if !strings.Contains(h3, "河西区2023年统计公报") || !strings.Contains(h3, "2024-03-01") {
		t.Errorf("指标!H3 comment %q, want the source document and date", h3)
	}
	if st.IndicatorRows != 3 || st.IndicatorRegions != 3 || st.Comments != 5 {
		t.Errorf("stats rows %d regions %d comments %d, want 3 3 5", st.IndicatorRows, st.IndicatorRegions, st.Comments)
	}
	un, _ := f.GetRows("未归类")
	if len(un) != 2 || un[1][0] != "独流镇" {
		t.Errorf("未归类 = %q, want the one unmapped label", un)
	}
	if !sheetContains(t, f, "说明", "共 3 个指标") {
		t.Error("说明 does not describe the catalogue")
	}
}

// TestIndicatorSheetLibreOffice: LibreOffice shows the same row of 指标,
// numbers formatted.
func TestIndicatorSheetLibreOffice(t *testing.T) {
	bin := soffice(t)
	book, _ := writeSample(t, indicatorSource(), Options{})
	shown := convertSheets(t, bin, book, true)
	got := shown["指标"]
	if len(got) < 3 || strings.Join(got[2], ",") != "学前三年毛入园率,%,2023,教育,edu.pre.ger3,3,95.20%,97.50%,91.80%" {
		t.Errorf("指标 as shown by LibreOffice: %q", got)
	}
	if len(got) < 4 || got[3][6] != "12,000,000,000" {
		t.Errorf("指标 money as shown: %q", got)
	}
}
