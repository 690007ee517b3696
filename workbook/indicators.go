package workbook

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

// The indicator view (指标): one row per catalogue indicator and year (and
// base unit, where an indicator takes several), one column per region. A
// cell holds the normalized value of a level figure mapped to the indicator
// (figures.indicator): of several, the surest mapping, then the most
// recently published document, then the first in it. Each cell's comment
// names its source document and the text of the figure. Figures that map to
// no indicator keep the label × region view on 未归类.

// indicatorLister is a Source that knows the catalogue its figures were
// mapped with (*schema.Store and its snapshots).
type indicatorLister interface {
	Indicators(ctx context.Context) ([]schema.IndicatorRow, error)
}

// maxComments caps the source comments on 指标 (excelize checks every
// existing comment when adding one); cells past it have none, and 数据 still
// holds every figure.
const maxComments = 5000

type indKey struct {
	code string
	year int
	base string
}

type indCell struct {
	v    float64
	doc  int32
	conf float64
	text string
	qual schema.Qualifier
}

type indRow struct {
	key   indKey
	kind  schema.Kind
	cells map[string]*indCell // by region
}

type indView struct {
	index map[indKey]*indRow
	rows  []*indRow
}

func newIndView() *indView { return &indView{index: map[indKey]*indRow{}} }

// add considers one figure of document doc; only mapped level figures count.
func (v *indView) add(fr *schema.FigureRow, doc int32, docs []docInfo) {
	if fr.Indicator == "" || fr.Role != schema.RoleLevel || math.IsNaN(fr.Normalized) || math.IsInf(fr.Normalized, 0) {
		return
	}
	k := indKey{fr.Indicator, fr.Year, fr.BaseUnit}
	r := v.index[k]
	if r == nil {
		r = &indRow{key: k, kind: fr.Kind, cells: map[string]*indCell{}}
		v.index[k] = r
		v.rows = append(v.rows, r)
	}
	c := &indCell{v: fr.Normalized, doc: doc, conf: fr.IndicatorConfidence, text: fr.Text, qual: fr.Qualifier}
	old := r.cells[fr.Region]
	if old == nil || c.conf > old.conf || c.conf == old.conf && old.doc != doc && docs[doc].published > docs[old.doc].published {
		r.cells[fr.Region] = c
	}
}

// writeIndicators writes 指标.
func (b *builder) writeIndicators(cat []schema.IndicatorRow) error {
	seq := map[string]int{}
	byCode := map[string]*schema.IndicatorRow{}
	for i := range cat {
		seq[cat[i].Code] = i
		byCode[cat[i].Code] = &cat[i]
	}
	rank := func(code string) int {
		if i, ok := seq[code]; ok {
			return i
		}
		return len(cat)
	}
	rows := b.ind.rows
	sort.SliceStable(rows, func(i, j int) bool {
		a, c := rows[i].key, rows[j].key
		if ra, rc := rank(a.code), rank(c.code); ra != rc {
			return ra < rc
		}
		if a.code != c.code {
			return a.code < c.code
		}
		if a.year != c.year {
			return a.year < c.year
		}
		return a.base < c.base
	})
	if max := b.opts.MaxRows - 1; len(rows) > max {
		b.stats.DroppedIndicatorRows = len(rows) - max
		rows = rows[:max]
	}
	// Regions: those with most indicator values first, then by name.
	count := map[string]int{}
	for _, r := range rows {
		for reg := range r.cells {
			count[reg]++
		}
	}
	regions := make([]string, 0, len(count))
	for reg := range count {
		regions = append(regions, reg)
	}
	sort.Slice(regions, func(i, j int) bool {
		if count[regions[i]] != count[regions[j]] {
			return count[regions[i]] > count[regions[j]]
		}
		return regions[i] < regions[j]
	})
	if max := excelize.MaxColumns - len(indicatorFixed); len(regions) > max {
		b.stats.DroppedIndicatorRegions = len(regions) - max
		regions = regions[:max]
	}
	colOf := map[string]int{}
	header := make([]string, 0, len(indicatorFixed)+len(regions))
	widths := make([]float64, 0, cap(header))
	for _, c := range indicatorFixed {
		header = append(header, c.zh)
		widths = append(widths, c.width)
	}
	for i, reg := range regions {
		colOf[reg] = len(indicatorFixed) + i
		name := reg
		if name == "" {
			name = "（未知地区）"
		}
		hc, _ := cleanText(name)
		header = append(header, hc)
		widths = append(widths, indicatorRegionColumn.width)
	}
	t := &table{f: b.f, st: b.st, base: sheetIndicators, header: header, widths: widths,
		maxRows: b.opts.MaxRows, freezeCols: 1}
	type note struct {
		cell, text string
	}
	var notes []note
	values := make([]any, len(header))
	for line, r := range rows {
		if err := b.ctx.Err(); err != nil {
			return err
		}
		name, domain, kind := r.key.code, "", r.kind
		if in := byCode[r.key.code]; in != nil {
			name, domain = in.Name, in.Domain
			if in.Kind != "" {
				kind = schema.Kind(in.Kind)
			}
		}
		percent := r.key.base == "%" || kind == schema.KindPercent && r.key.base == ""
		money := kind == schema.KindMoney
		for i := range values {
			values[i] = nil
		}
		values[0] = b.text(name)
		values[1] = b.text(r.key.base)
		if r.key.year != 0 {
			values[2] = excelize.Cell{StyleID: b.st.year, Value: r.key.year}
		}
		values[3] = b.text(domain)
		values[4] = b.text(r.key.code)
		values[5] = excelize.Cell{StyleID: b.st.integer, Value: len(r.cells)}
		last := len(indicatorFixed)
		for reg, c := range r.cells {
			col, ok := colOf[reg]
			if !ok {
				continue
			}
			values[col] = b.num(c.v, percent, money)
			last = max(last, col+1)
			if len(notes) < maxComments {
				cell, _ := excelize.CoordinatesToCellName(col+1, line+2)
				notes = append(notes, note{cell, b.source(c)})
			}
		}
		if err := t.add(values[:last]); err != nil {
			return err
		}
	}
	if err := t.finish(); err != nil {
		return err
	}
	b.stats.IndicatorRows = len(rows)
	b.stats.IndicatorRegions = len(regions)
	for _, n := range notes {
		if err := b.f.AddComment(sheetIndicators, excelize.Comment{Cell: n.cell, Author: "govfig", Text: n.text}); err != nil {
			return fmt.Errorf("comment %s!%s: %w", sheetIndicators, n.cell, err)
		}
		b.stats.Comments++
	}
	return nil
}

// source is a cell's comment: the document, its date and the figure's text.
func (b *builder) source(c *indCell) string {
	d := b.docs[c.doc]
	var s strings.Builder
	s.WriteString("来源：")
	s.WriteString(shorten(d.title, 60))
	if day := dateOnly(d.published); day != "日期不详" {
		s.WriteString("（" + day + "）")
	}
	s.WriteString("\n原文：" + shorten(c.text, 40))
	if q := qualifierName(c.qual); q != "" {
		s.WriteString("（" + q + "）")
	}
	s.WriteString("\n文档编号：" + strconv.FormatInt(d.id, 10))
	return s.String()
}
