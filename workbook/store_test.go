package workbook

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/schema"
)

// *schema.Store is the Source the command uses.
var _ Source = (*schema.Store)(nil)

// TestFromStore exports a real SQLite store and checks the figures come back.
func TestFromStore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := schema.Open(filepath.Join(dir, "govfig.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()

	text := sentence1 + "\n" + sentence2
	figure := func(span string, kind schema.Kind, label string, v float64, unit string, norm float64, base string, role schema.Role, sentence string) schema.Figure {
		i := strings.Index(text, span)
		start := len([]rune(text[:i]))
		return schema.Figure{Kind: kind, Value: v, Unit: unit, Normalized: norm, BaseUnit: base, Role: role,
			Label: label, Year: 2023, Text: span, Start: start, End: start + len([]rune(span)), Sentence: sentence}
	}
	doc := &schema.Document{URL: seedURL, Title: seedTitle, Publisher: "天津市静海区人民政府",
		Published: "2024-08-29T16:16:38+08:00", Region: jinghai, Site: jinghai, Charset: "utf-8", PageType: schema.PageArticle,
		Text: text,
		Figures: []schema.Figure{
			figure("96.34%", schema.KindPercent, "学前三年毛入园率", 96.34, "%", 96.34, "%", schema.RoleLevel, sentence1),
			figure("190274万元", schema.KindMoney, "一般公共预算教育经费支出预算", 190274, "万元", 1902740000, "元", schema.RoleLevel, sentence2),
			figure("3286万元", schema.KindMoney, "一般公共预算教育经费支出预算", 3286, "万元", 32860000, "元", schema.RoleChange, sentence2),
		}}
	b, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	runID, err := b.StartRun(schema.RunRecord{Command: "extract", Version: "test", ExtractorVersion: "x1", Started: time.Now()})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Put(doc, doc.URL, schema.DocMeta{FetchedAt: "2026-11-27T09:00:00Z", ExtractorVersion: "x1"}); err != nil {
		t.Fatal(err)
	}
	if err := b.FinishRun(runID, time.Now(), schema.RunCounts{New: 1, Figures: 3}); err != nil {
		t.Fatal(err)
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(dir, "govfig.xlsx")
	ws, err := Write(ctx, st, path, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	if ws.Documents != 1 || ws.Figures != 3 || ws.Links != 1 {
		t.Errorf("stats %+v", ws)
	}
	f := openBook(t, path)
	var want []schema.FigureRow
	if err := st.EachFigure(ctx, func(fr *schema.FigureRow) error { want = append(want, *fr); return nil }); err != nil {
		t.Fatal(err)
	}
	checkFigures(t, f, []string{"数据"}, want)
	if v, _ := f.GetCellValue("指标", "E2"); v != "96.34%" {
		t.Errorf("指标!E2 = %q, want 96.34%%", v)
	}
	if v, _ := f.GetCellValue("文档", "D2"); v != "2024-08-29" {
		t.Errorf("文档!D2 = %q", v)
	}
	if v, _ := f.GetCellValue("数据", "Q2"); v != sentence1 {
		t.Errorf("sentence = %q", v)
	}
}
