package figures

import (
	"regexp"
	"strings"

	"github.com/govfig/govfig/extract/number"
	"github.com/govfig/govfig/schema"
)

// Table cells. A numeric cell outside the header rows and columns is a
// figure: its label joins the row header and the column header; its unit is
// the cell's own, else the column header's (学校数(所)), else the row's 单位
// column (指标 | 单位 | 绝对数 | 比上年增长(%): 亿元 for 绝对数), else the
// row header's, else the table's (单位：万元 in the caption); its year is a
// year in the column header, else one in the caption, else the document's;
// its role comes from the column header (比上年增加 → change, a future
// 安排/预算 column → target, 目标值 → target); a bound before the number
// (≤4.0, ≥95) is its qualifier; a change has the direction of its header
// and printed sign.

// headerUnitRe finds a unit in brackets in a header or caption:
// 学校数(所), 金额（万元）, （单位：万元）.
var headerUnitRe = regexp.MustCompile(`[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,6})\s*[)）]|单位\s*[:：]\s*([^\s,，。;；)）]{1,6})`)

// cellNumberRe is a cell holding one number, with an optional bound before
// it and an optional unit after it.
var cellNumberRe = regexp.MustCompile(`^\s*[≤≥<>＜＞]?\s*[-+－]?[0-9０-９][0-9０-９,，.．]*\s*\S{0,4}\s*$`)

// cellBounds are the bound signs a cell may print before its number.
var cellBounds = map[rune]schema.Qualifier{
	'≤': schema.QualLE, '≥': schema.QualGE, '<': schema.QualLT, '>': schema.QualGT, '＜': schema.QualLT, '＞': schema.QualGT,
}

// unitColumnHeads name a column that holds each row's unit.
var unitColumnHeads = []string{"单位", "计量单位", "计算单位"}

// genericColumns are column headers that name no indicator of their own
// (the value column of 指标 | 单位 | 绝对数): the label is the row header.
var genericColumns = []string{"绝对数", "总量", "数值", "数量", "实绩", "完成值", "完成数", "实际值", "本年", "本期", "目标值", "预期目标", "目标", "安排", "年", "年度"}

// budgetNotTarget, in a header naming a 预算, make it something else than
// the budget itself: 预算执行数, 决算数为预算数的% (a level).
var budgetNotTarget = []string{"执行", "决算", "完成"}

// budgetColumns name the columns of budget and final-account tables.
var budgetColumns = []string{"预算", "执行", "决算"}

// codeRe is a row-header cell that is a code or a serial number (科目编码
// 2050201, 序号 3): never part of a label.
var codeRe = regexp.MustCompile(`^[0-9０-９.．]+$`)

// yearWordRe is a year written in a column header (2024年预算数): the year
// becomes the figure's year, the rest of the header its label.
var yearWordRe = regexp.MustCompile(`(19|20)[0-9]{2}\s*年度?`)

// tableFigures returns the figures of doc's tables.
func (c *docCtx) tableFigures(limit int) []schema.Figure {
	var out []schema.Figure
	for ti, t := range c.doc.Tables {
		tableUnit := unitIn(t.Caption)
		tableYear := 0
		for _, y := range findYears([]rune(t.Caption), 0, len([]rune(t.Caption))) {
			tableYear = y.year
		}
		// The latest year a header row names is the year of the columns
		// without one (增减额 beside 2024年预算数 | 2023年执行数); a column of
		// an earlier year holds previous figures.
		headYear := 0
		for _, k := range t.Rows[0:min(t.HeaderRows, len(t.Rows))] {
			for _, hc := range k {
				for _, y := range findYears([]rune(hc.Text), 0, len([]rune(hc.Text))) {
					headYear = max(headYear, y.year)
				}
			}
		}
		for ri, row := range t.Rows {
			if ri < t.HeaderRows {
				continue
			}
			for ci, cell := range row {
				if ci < t.HeaderCols || cell.Header || !cellNumberRe.MatchString(cell.Text) {
					continue
				}
				f, ok := c.cellFigure(t, ri, ci, cell, tableUnit, tableYear, headYear)
				if !ok {
					continue
				}
				if len(out) >= limit {
					c.pageCap = true
					return out
				}
				f.Cell = &schema.CellRef{Table: ti, Row: ri, Col: ci}
				out = append(out, f)
			}
		}
	}
	return out
}

// unitIn returns the unit named in brackets or after 单位 in s.
func unitIn(s string) string {
	m := headerUnitRe.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	if m[1] != "" {
		return strings.TrimSpace(m[1])
	}
	return strings.TrimSpace(m[2])
}

var headerCleanRe = regexp.MustCompile(`[(（][^()（）]*[)）]`)

// header texts of a cell: row header (header columns joined) and column
// header (header rows joined).
func headers(t schema.Table, ri, ci int) (rowH, colH string) {
	var rp, cp []string
	for k := 0; k < t.HeaderCols && k < len(t.Rows[ri]); k++ {
		// Codes are no label (科目编码 2050201); a merged header (合计
		// over 编码 and 名称) counts once.
		if s := strings.TrimSpace(t.Rows[ri][k].Text); s != "" && !codeRe.MatchString(s) && (len(rp) == 0 || rp[len(rp)-1] != s) {
			rp = append(rp, s)
		}
	}
	for k := 0; k < t.HeaderRows && k < len(t.Rows); k++ {
		if ci < len(t.Rows[k]) {
			s := strings.TrimSpace(t.Rows[k][ci].Text)
			if s != "" && (len(cp) == 0 || cp[len(cp)-1] != s) {
				cp = append(cp, s)
			}
		}
	}
	return strings.Join(rp, " "), strings.Join(cp, " ")
}

func (c *docCtx) cellFigure(t schema.Table, ri, ci int, cell schema.Cell, tableUnit string, tableYear, headYear int) (schema.Figure, bool) {
	var f schema.Figure
	text := []rune(cell.Text)
	ms := number.ScanRunes(text)
	if len(ms) != 1 || ms[0].Chinese {
		return f, false
	}
	m := ms[0]
	rowH, colH := headers(t, ri, ci)
	unitText := strings.TrimSpace(string(text[m.End:]))
	if unitText == "" {
		unitText = unitIn(colH)
	}
	if unitText == "" && (strings.HasSuffix(colH, "%") || strings.HasSuffix(colH, "％")) {
		unitText = "%" // 增减%, 决算数为预算数的%
	}
	if unitText == "" {
		unitText = rowUnit(t, ri)
	}
	if unitText == "" {
		unitText = unitIn(rowH)
	}
	if unitText == "" {
		unitText = tableUnit
	}
	// A rate header (元/生·学期) gives the unit before the slash.
	if i := strings.IndexAny(unitText, "/／"); i > 0 {
		unitText = strings.TrimSpace(unitText[:i])
	}
	f.Value = m.Value
	ur := []rune(unitText)
	if u, ok := matchUnit(ur, 0); ok && len([]rune(u.text)) == len(ur) {
		f.Kind, f.Unit, f.BaseUnit = u.rule.kind, u.text, u.rule.base
		f.Normalized = scaled(m.Value, u.mag, u.rule.factor)
	} else if unitText == "" && (strings.Contains(colH, "指数") || strings.Contains(colH, "系数") || strings.Contains(colH, "比")) {
		f.Kind, f.Normalized = schema.KindIndex, m.Value
	} else {
		return f, false // prefer no figure to a guessed one
	}
	label := strings.TrimSpace(headerCleanRe.ReplaceAllString(rowH, ""))
	colLabel := strings.TrimSpace(headerCleanRe.ReplaceAllString(colH, ""))
	colLabel = strings.TrimRight(colLabel, "%％ ")
	if label != "" {
		// A year in the column header is the figure's year, not its label
		// (2024年预算数 → 预算数; 2022年 → nothing).
		colLabel = strings.TrimSpace(yearWordRe.ReplaceAllString(colLabel, ""))
		if findYears([]rune(colLabel), 0, len([]rune(colLabel))) != nil {
			colLabel = ""
		}
	}
	if label != "" && isGenericColumn(colLabel) {
		colLabel = ""
	}
	if label == "" {
		label = colLabel
	} else if colLabel != "" {
		label += " " + colLabel
	}
	f.Label = label
	// Year: column header, caption, section heading, document.
	f.Year = c.sectionYear(c.sectionAt(cell.Start))
	if tableYear > 0 {
		f.Year = tableYear
	}
	if headYear > 0 {
		f.Year = headYear
	}
	colYear := 0
	if ys := findYears([]rune(colH), 0, len([]rune(colH))); len(ys) > 0 {
		colYear = ys[0].year
		f.Year = colYear
	}
	f.Role = schema.RoleLevel
	switch {
	case previousRe.MatchString(colH) || strings.Contains(colH, "上年") && !containsAny(colH, changeWords):
		f.Role = schema.RolePrevious
		f.Year--
	case containsAny(colH, changeWords):
		f.Role = schema.RoleChange
		f.Direction = headerDirection(colH, m.Value)
	case colYear > 0 && colYear < headYear && containsAny(colH, budgetColumns):
		// The previous year's column of a budget table (2023年执行数
		// beside 2024年预算数); a time series (2021年 | 2022年) stays level.
		f.Role = schema.RolePrevious
	case strings.Contains(colH, "预算") && !containsAny(colH, budgetNotTarget):
		// 预算数, 年初预算数, 调整预算数: what is budgeted (figures.md).
		f.Role = schema.RoleTarget
	case containsAny(colH, targetStrong) || containsAny(colH, targetFuture) && f.Year > c.docYear && c.docYear > 0:
		f.Role = schema.RoleTarget
	}
	// A bound printed before the number (≤4.0, ≥95): the qualifier, in the span.
	start := m.Start
	if b := strings.TrimRight(string(text[:m.Start]), " "); b != "" {
		br := []rune(b)
		if q, ok := cellBounds[br[len(br)-1]]; ok && len(br) == 1 {
			f.Qualifier = q
			start = 0
		}
	}
	f.Start, f.End = cell.Start+start, cell.Start+m.End
	if f.End > len(c.rs) || f.Start < 0 || string(c.rs[f.Start:f.End]) != string(text[start:m.End]) {
		// The cell's offsets do not point at its text: keep the figure
		// without a span rather than a wrong one.
		f.Start, f.End = cell.Start, cell.Start
		f.Text = ""
	} else {
		f.Text = string(text[start:m.End])
	}
	f.Section = c.sectionAt(cell.Start)
	s := clipSentence(spanAt(c.sentences, cell.Start), f.Start, f.End)
	f.Sentence = string(c.rs[s.Start:s.End])
	return f, true
}

func containsAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// rowUnit returns the unit a row gives in its 单位 column, "" when the
// table has none.
func rowUnit(t schema.Table, ri int) string {
	for k := 0; k < t.HeaderRows && k < len(t.Rows); k++ {
		for ci, hc := range t.Rows[k] {
			h := strings.TrimSpace(hc.Text)
			for _, u := range unitColumnHeads {
				if h == u && ci < len(t.Rows[ri]) {
					return strings.TrimSpace(t.Rows[ri][ci].Text)
				}
			}
		}
	}
	return ""
}

// isGenericColumn reports a column header that names no indicator.
func isGenericColumn(h string) bool {
	for _, g := range genericColumns {
		if h == g {
			return true
		}
	}
	return false
}
