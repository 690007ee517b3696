package workbook

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

// builder holds the state of one Write.
type builder struct {
	ctx   context.Context
	f     *excelize.File
	opts  Options
	info  schema.RunInfo
	st    *styles
	stats Stats

	docs    []docInfo       // in source order
	docIdx  map[int64]int32 // document id → index in docs
	regions map[string]*regionCount
	wide    *wide
	ind     *indView
	// catalogue is the indicator catalogue the figures were mapped with.
	catalogue []schema.IndicatorRow
}

// docInfo is what the later sheets need of a document.
type docInfo struct {
	id        int64
	region    string
	title     string
	published string
}

// regionCount is one row of 汇总.
type regionCount struct {
	region  string
	docs    int
	figures int
	kinds   []int // per schema.Kinds, then 其他
}

func (b *builder) build(src Source) error {
	if err := b.f.SetSheetName("Sheet1", sheetReadme); err != nil {
		return fmt.Errorf("name sheet %s: %w", sheetReadme, err)
	}
	st, err := newStyles(b.f)
	if err != nil {
		return err
	}
	b.st = st
	b.docIdx = make(map[int64]int32)
	b.regions = make(map[string]*regionCount)
	b.wide = newWide()
	b.ind = newIndView()
	var cat []schema.IndicatorRow
	if l, ok := src.(indicatorLister); ok {
		var err error
		if cat, err = l.Indicators(b.ctx); err != nil {
			return err
		}
	}
	b.catalogue = cat

	if err := b.writeDocs(src); err != nil {
		return err
	}
	if err := b.writeData(src); err != nil {
		return err
	}
	if err := b.writeIndicators(cat); err != nil {
		return err
	}
	if err := b.writeWide(); err != nil {
		return err
	}
	if err := b.writeSummary(); err != nil {
		return err
	}
	if err := b.writeReadme(); err != nil {
		return err
	}
	// 说明 (the renamed first sheet) stays the active sheet. SetActiveSheet
	// is not called: it would re-read every sheet, streamed ones included.
	return nil
}

// text returns a string cell value for scraped text (nil when empty).
func (b *builder) text(s string) any {
	if s == "" {
		return nil
	}
	t, cut := cleanText(s)
	if cut {
		b.stats.Truncated++
	}
	return t
}

// num returns a numeric cell value, counting values that cannot be written.
func (b *builder) num(v float64, percent, money bool) any {
	c := b.st.number(v, percent, money)
	if c == nil {
		b.stats.BadNumbers++
	}
	return c
}

func (b *builder) region(name string) *regionCount {
	r := b.regions[name]
	if r == nil {
		r = &regionCount{region: name, kinds: make([]int, len(schema.Kinds)+1)}
		b.regions[name] = r
	}
	return r
}

// writeDocs streams 文档.
func (b *builder) writeDocs(src Source) error {
	t := &table{f: b.f, st: b.st, base: sheetDocs, cols: docColumns, maxRows: b.opts.MaxRows}
	row := make([]any, len(docColumns))
	err := src.EachDocument(b.ctx, func(d *schema.DocRow) error {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		// A list (column) page is navigation the crawler walked, not a
		// report: it has no figures and no place among the documents.
		if d.PageType == schema.PageList && d.FigureCount == 0 {
			b.stats.ListPages++
			return nil
		}
		b.docIdx[d.ID] = int32(len(b.docs))
		b.docs = append(b.docs, docInfo{id: d.ID, region: d.Region, title: d.Title, published: d.Published})
		b.region(d.Region).docs++

		addr := d.URL
		if d.OriginalURL != "" {
			addr = d.OriginalURL // a loose file's own page (原文链接), not its path
		}
		link, isLink := linkURL(addr)
		isLink = isLink && b.stats.Links < b.opts.MaxLinks
		row[0] = b.text(d.Region)
		row[1] = b.text(d.Title)
		row[2] = b.text(d.Publisher)
		row[3] = b.st.dateCell(d.Published, false)
		if isLink {
			row[4] = excelize.Cell{StyleID: b.st.link, Value: link}
		} else {
			row[4] = b.text(addr)
			if addr != "" {
				b.stats.PlainURLs++
			}
		}
		row[5] = excelize.Cell{StyleID: b.st.integer, Value: d.FigureCount}
		row[6] = b.text(d.Problem)
		row[7] = b.text(d.Site)
		row[8] = b.st.dateCell(d.FetchedAt, true)
		row[9] = d.ID
		row[10] = b.text(d.ParentTitle)
		row[11] = b.text(d.ParentURL)
		if err := t.add(row); err != nil {
			return err
		}
		if isLink {
			if err := b.f.SetCellHyperLink(t.sheet, t.cell(docURLCol), link, "External"); err != nil {
				return fmt.Errorf("hyperlink %s: %w", t.cell(docURLCol), err)
			}
			b.stats.Links++
		}
		b.stats.Documents++
		return nil
	})
	if err != nil {
		return fmt.Errorf("read documents: %w", err)
	}
	return t.finish()
}

// writeData streams 数据 (and 数据2… past the row limit), counting for 汇总
// and collecting 指标 on the way.
func (b *builder) writeData(src Source) error {
	t := &table{f: b.f, st: b.st, base: sheetData, cols: dataColumns, maxRows: b.opts.MaxRows}
	row := make([]any, len(dataColumns))
	kindCol := make(map[schema.Kind]int, len(schema.Kinds))
	for i, k := range schema.Kinds {
		kindCol[k] = i
	}
	// Per-document cells are cached: figures come grouped by document.
	lastDoc, lastIdx := int64(math.MinInt64), int32(-1)
	err := src.EachFigure(b.ctx, func(fr *schema.FigureRow) error {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		percent := fr.BaseUnit == "%" || (fr.Kind == schema.KindPercent && fr.BaseUnit == "")
		money := fr.Kind == schema.KindMoney
		row[0] = b.text(fr.Region)
		row[1] = b.text(fr.DocTitle)
		row[2] = b.st.dateCell(fr.Published, false)
		row[3] = b.text(fr.Section)
		row[4] = b.text(fr.Label)
		row[5] = b.text(fr.Subject)
		row[6] = b.text(kindName(fr.Kind))
		row[7] = b.num(fr.Value, false, money)
		row[8] = b.text(fr.Unit)
		row[9] = b.num(fr.Normalized, percent, money)
		row[10] = b.text(fr.BaseUnit)
		row[11] = b.text(qualifierName(fr.Qualifier))
		row[12] = b.text(roleName(fr.Role))
		row[13] = b.text(directionName(fr.Direction))
		row[14] = nil
		if fr.Year != 0 {
			row[14] = excelize.Cell{StyleID: b.st.year, Value: fr.Year}
		}
		row[15] = b.text(fr.Text)
		row[16] = b.text(fr.Sentence)
		row[17] = fr.DocumentID
		row[18] = fr.Seq
		row[19] = b.text(fr.ParentTitle)
		if err := t.add(row); err != nil {
			return err
		}
		b.stats.Figures++

		rc := b.region(fr.Region)
		rc.figures++
		if i, ok := kindCol[fr.Kind]; ok {
			rc.kinds[i]++
		} else {
			rc.kinds[len(schema.Kinds)]++
		}

		if fr.DocumentID != lastDoc {
			lastDoc = fr.DocumentID
			idx, ok := b.docIdx[fr.DocumentID]
			if !ok { // a figure whose document was not listed: give it a column anyway
				idx = int32(len(b.docs))
				b.docIdx[fr.DocumentID] = idx
				b.docs = append(b.docs, docInfo{id: fr.DocumentID, region: fr.Region, title: fr.DocTitle, published: fr.Published})
			}
			lastIdx = idx
		}
		if fr.Indicator != "" {
			b.ind.add(fr, lastIdx, b.docs)
		} else {
			b.wide.add(fr, lastIdx)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read figures: %w", err)
	}
	if err := t.finish(); err != nil {
		return err
	}
	b.stats.DataSheets = t.sheets
	return nil
}

// writeWide streams 未归类: the labels of figures that map to no indicator.
func (b *builder) writeWide() error {
	layout := b.wide.layout(b.docs, excelize.MaxColumns-len(wideFixed), b.opts.MaxRows-1)
	b.stats.Indicators = len(layout.rows)
	b.stats.IndicatorColumns = len(layout.headers)
	b.stats.DroppedIndicators = layout.droppedRows
	b.stats.DroppedColumns = layout.droppedCols

	header := make([]string, 0, len(wideFixed)+len(layout.headers))
	widths := make([]float64, 0, cap(header))
	for _, c := range wideFixed {
		header = append(header, c.zh)
		widths = append(widths, c.width)
	}
	for _, h := range layout.headers {
		hc, _ := cleanText(h)
		header = append(header, hc)
		widths = append(widths, wideRegionColumn.width)
	}
	t := &table{f: b.f, st: b.st, base: sheetWide, header: header, widths: widths,
		maxRows: b.opts.MaxRows, freezeCols: 1}
	values := make([]any, len(header))
	for _, r := range layout.rows {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		key := b.wide.rows[r.row].key
		percent := key.base == "%" || (key.kind == schema.KindPercent && key.base == "")
		money := key.kind == schema.KindMoney
		values[0] = b.text(key.label)
		values[1] = b.text(kindName(key.kind))
		values[2] = b.text(key.base)
		values[3] = excelize.Cell{StyleID: b.st.integer, Value: b.wide.rows[r.row].docs}
		last := len(wideFixed)
		for _, c := range r.cells {
			values[len(wideFixed)+int(c.col)] = b.num(c.v, percent, money)
			last = len(wideFixed) + int(c.col) + 1
		}
		if err := t.add(values[:last]); err != nil {
			return err
		}
		for i := len(wideFixed); i < last; i++ {
			values[i] = nil
		}
	}
	return t.finish()
}

// writeSummary writes 汇总 (a small sheet, written cell by cell) and its chart.
func (b *builder) writeSummary() error {
	f, sh := b.f, sheetSummary
	if _, err := f.NewSheet(sh); err != nil {
		return fmt.Errorf("new sheet %s: %w", sh, err)
	}
	rows := make([]*regionCount, 0, len(b.regions))
	for _, r := range b.regions {
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].figures != rows[j].figures {
			return rows[i].figures > rows[j].figures
		}
		return rows[i].region < rows[j].region
	})
	b.stats.Regions = len(rows)

	header := make([]any, 0, len(summaryFixed)+len(schema.Kinds)+1)
	for _, c := range summaryFixed {
		header = append(header, c.zh)
	}
	for _, k := range schema.Kinds {
		header = append(header, kindName(k)+"（个）")
	}
	header = append(header, summaryOther+"（个）")
	if err := f.SetSheetRow(sh, "A1", &header); err != nil {
		return fmt.Errorf("write %s: %w", sh, err)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	if err := f.SetCellStyle(sh, "A1", lastCol+"1", b.st.header); err != nil {
		return fmt.Errorf("style %s: %w", sh, err)
	}
	for i, r := range rows {
		name := any("（未知地区）")
		if r.region != "" {
			name = b.text(r.region)
		}
		vals := []any{name, r.docs, r.figures}
		for _, n := range r.kinds {
			vals = append(vals, n)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(sh, cell, &vals); err != nil {
			return fmt.Errorf("write %s: %w", sh, err)
		}
	}
	last := len(rows) + 1
	if last >= 2 {
		if err := f.SetCellStyle(sh, "B2", lastCol+strconv.Itoa(last), b.st.integer); err != nil {
			return fmt.Errorf("style %s: %w", sh, err)
		}
	}
	if err := f.SetColWidth(sh, "A", "A", 18); err != nil {
		return err
	}
	if err := f.SetColWidth(sh, "B", lastCol, 11); err != nil {
		return err
	}
	if err := f.SetRowHeight(sh, 1, 30); err != nil {
		return err
	}
	if err := f.SetPanes(sh, &excelize.Panes{Freeze: true, YSplit: 1, XSplit: 1, TopLeftCell: "B2", ActivePane: "bottomRight"}); err != nil {
		return fmt.Errorf("freeze header of %s: %w", sh, err)
	}
	if err := f.AutoFilter(sh, "A1:"+lastCol+strconv.Itoa(max(last, 2)), nil); err != nil {
		return fmt.Errorf("auto-filter on %s: %w", sh, err)
	}
	if len(rows) == 0 {
		return nil
	}
	return b.addChart(len(rows))
}

// addChart puts a stacked column chart of figures by region and kind right of
// the 汇总 table, over the regions with most figures.
func (b *builder) addChart(nrows int) error {
	n := min(nrows, b.opts.ChartRegions)
	quoted := "'" + sheetSummary + "'!"
	var series []excelize.ChartSeries
	for i := range schema.Kinds {
		col, _ := excelize.ColumnNumberToName(len(summaryFixed) + 1 + i)
		series = append(series, excelize.ChartSeries{
			Name:       quoted + "$" + col + "$1",
			Categories: fmt.Sprintf("%s$A$2:$A$%d", quoted, n+1),
			Values:     fmt.Sprintf("%s$%s$2:$%s$%d", quoted, col, col, n+1),
		})
	}
	title := "各地区各类型数字数量"
	if nrows > n {
		title = fmt.Sprintf("数字数量最多的 %d 个地区：各类型数字数量", n)
	}
	anchor, _ := excelize.CoordinatesToCellName(len(summaryFixed)+len(schema.Kinds)+3, 2)
	width := uint(480 + 24*n)
	if width > 1600 {
		width = 1600
	}
	err := b.f.AddChart(sheetSummary, anchor, &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: width, Height: 360},
		XAxis:     excelize.ChartAxis{TickLabelSkip: 1},
	})
	if err != nil {
		return fmt.Errorf("chart on %s: %w", sheetSummary, err)
	}
	return nil
}
