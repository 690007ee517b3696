package workbook

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govfig/govfig/indicator"
	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
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
	if _, err := st.Remap(ctx, indicator.Default(), false); err != nil {
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
	// 指标: the catalogue's rows mapped from the store (学前三年毛入园率 is
	// the catalogue's first indicator), the region's column after the six
	// fixed ones, the source in the cell's comment.
	if v, _ := f.GetCellValue("指标", "A2"); v != "学前三年毛入园率" {
		t.Errorf("指标!A2 = %q", v)
	}
	if v, _ := f.GetCellValue("指标", "G1"); v != jinghai {
		t.Errorf("指标!G1 = %q, want %s", v, jinghai)
	}
	if v, _ := f.GetCellValue("指标", "G2"); v != "96.34%" {
		t.Errorf("指标!G2 = %q, want 96.34%%", v)
	}
	if cs, _ := f.GetComments("指标"); len(cs) != 2 || cs[0].Cell != "G2" || !strings.Contains(cs[0].Text, seedTitle) {
		t.Errorf("指标 comments %+v", cs)
	}
	if v, _ := f.GetCellValue("未归类", "A2"); v != "" {
		t.Errorf("未归类!A2 = %q: every figure of the seed sample maps", v)
	}
	if v, _ := f.GetCellValue("文档", "D2"); v != "2024-08-29" {
		t.Errorf("文档!D2 = %q", v)
	}
	if v, _ := f.GetCellValue("数据", "Q2"); v != sentence1 {
		t.Errorf("sentence = %q", v)
	}
}

// hookedStore calls hook once, after the first document row was read, in
// whichever reader Write uses: the store itself or the snapshot it pins.
type hookedStore struct {
	*schema.Store
	hook func()
}

func (h *hookedStore) EachDocument(ctx context.Context, fn func(*schema.DocRow) error) error {
	return hookDocs(ctx, h.Store, h.hook, fn)
}

func (h *hookedStore) View(ctx context.Context, fn func(schema.Reader) error) error {
	return h.Store.View(ctx, func(r schema.Reader) error { return fn(hookedReader{r, h.hook}) })
}

type hookedReader struct {
	schema.Reader
	hook func()
}

func (h hookedReader) EachDocument(ctx context.Context, fn func(*schema.DocRow) error) error {
	return hookDocs(ctx, h.Reader, h.hook, fn)
}

func hookDocs(ctx context.Context, r schema.Reader, hook func(), fn func(*schema.DocRow) error) error {
	first := true
	return r.EachDocument(ctx, func(d *schema.DocRow) error {
		if err := fn(d); err != nil {
			return err
		}
		if first {
			first = false
			hook()
		}
		return nil
	})
}

// putDocs stores n documents (numbered from first) with one figure each.
func putDocs(t *testing.T, st *schema.Store, first, n int) {
	t.Helper()
	ctx := context.Background()
	b, err := st.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i := first; i < first+n; i++ {
		text := fmt.Sprintf("全区第%d批中小学校舍改造项目共%d所。", i, i+10)
		span := fmt.Sprintf("%d所", i+10)
		start := len([]rune(text[:strings.Index(text, span)]))
		doc := &schema.Document{URL: fmt.Sprintf("https://www.tjjh.gov.cn/zwgk/%d.html", i), Title: fmt.Sprintf("校舍改造通报%d", i),
			Region: jinghai, PageType: schema.PageArticle, Published: "2024-05-06", Text: text,
			Figures: []schema.Figure{{Kind: schema.KindSchools, Value: float64(i + 10), Unit: "所", Normalized: float64(i + 10),
				BaseUnit: "所", Role: schema.RoleLevel, Label: "校舍改造项目", Text: span, Start: start,
				End: start + len([]rune(span)), Sentence: text}}}
		if _, _, err := b.Put(doc, doc.URL, schema.DocMeta{FetchedAt: "2026-11-27T09:00:00Z", ExtractorVersion: "x1"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := b.Commit(); err != nil {
		t.Fatal(err)
	}
}

// columnValues returns the values of the column headed header on sheet.
func columnValues(t *testing.T, f *excelize.File, sheet, header string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", sheet, err)
	}
	col := -1
	for i, h := range rows[0] {
		if h == header {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%s has no column %s", sheet, header)
	}
	var vs []string
	for _, r := range rows[1:] {
		if col < len(r) {
			vs = append(vs, r[col])
		}
	}
	return vs
}

// TestExportReadsOneSnapshot: documents committed by another writer while the
// workbook is being written (after 文档 was read, before 数据) must not show
// on 数据 without their row on 文档 (issue 11, item 12).
func TestExportReadsOneSnapshot(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "govfig.db")
	st, err := schema.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	putDocs(t, st, 0, 5)
	writer, err := schema.Open(path) // another process: its own connections
	if err != nil {
		t.Fatal(err)
	}
	defer writer.Close()
	hooked := &hookedStore{Store: st, hook: func() { putDocs(t, writer, 100, 20) }}

	xlsx := filepath.Join(dir, "govfig.xlsx")
	ws, err := Write(context.Background(), hooked, xlsx, Options{Now: func() time.Time { return testNow }})
	if err != nil {
		t.Fatal(err)
	}
	f := openBook(t, xlsx)
	onDocs := map[string]bool{}
	for _, id := range columnValues(t, f, "文档", "文档编号") {
		onDocs[id] = true
	}
	missing := map[string]bool{}
	for _, id := range columnValues(t, f, "数据", "文档编号") {
		if !onDocs[id] {
			missing[id] = true
		}
	}
	if len(missing) > 0 || ws.Documents != 5 || ws.Figures != 5 {
		t.Errorf("sheets disagree: %d documents, %d figures; 数据 names %d documents missing from 文档", ws.Documents, ws.Figures, len(missing))
	}
}
