package attach

import (
	"bytes"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

// readXLSX reads every sheet of a workbook: its title and unit lines, then
// its tables. Numbers are read as stored, not as displayed (a cell shown
// 190,274 or 19.03万 holds 190274); a cell formatted as a percentage is
// its stored share × 100 with a %; a date cell is its displayed text.
func readXLSX(body []byte, lim Limits) (*builder, string) {
	if _, p := openZip(body, lim); p != "" {
		return nil, p
	}
	f, err := excelize.OpenReader(bytes.NewReader(body), excelize.Options{
		UnzipSizeLimit: lim.MaxUnzipped, UnzipXMLSizeLimit: 16 << 20,
	})
	if err != nil {
		return nil, fmt.Sprintf("%s xlsx: %v", ProblemMalformed, err)
	}
	defer f.Close()
	b := newBuilder()
	styles := map[int]cellFormat{}
	problem := ""
	for _, sheet := range f.GetSheetList() {
		grid, cut, err := sheetGrid(f, sheet, styles, lim.MaxCells-b.cells)
		if err != nil {
			return nil, fmt.Sprintf("%s xlsx: sheet %s: %v", ProblemMalformed, sheet, err)
		}
		for _, r := range grid {
			for _, c := range r {
				if c.text != "" && !c.copy {
					b.cells++
				}
			}
		}
		b.sheet(sheet, grid)
		if cut {
			problem = fmt.Sprintf("%s: more than %d cells; the rest of the workbook is not read", ProblemCut, lim.MaxCells)
			break
		}
	}
	return b, problem
}

// cellFormat is what a cell style says about a numeric cell.
type cellFormat int

const (
	fmtNumber cellFormat = iota
	fmtPercent
	fmtDate
)

// dateFmtRe is a custom number format that shows a date or time.
var dateFmtRe = regexp.MustCompile(`(?i)(^|[^"\\])[ymdhs]|年|月|日`)

func styleFormat(f *excelize.File, id int) cellFormat {
	st, err := f.GetStyle(id)
	if err != nil || st == nil {
		return fmtNumber
	}
	switch {
	case st.NumFmt == 9 || st.NumFmt == 10:
		return fmtPercent
	case st.NumFmt >= 14 && st.NumFmt <= 22 || st.NumFmt >= 45 && st.NumFmt <= 47 || st.NumFmt >= 27 && st.NumFmt <= 36 || st.NumFmt >= 50 && st.NumFmt <= 58:
		return fmtDate
	}
	if st.CustomNumFmt != nil {
		c := *st.CustomNumFmt
		switch {
		case strings.Contains(c, "%"):
			return fmtPercent
		case dateFmtRe.MatchString(strings.ReplaceAll(c, "General", "")) && !strings.ContainsAny(c, "0#"):
			return fmtDate
		}
	}
	return fmtNumber
}

// sheetGrid reads a sheet into a grid with merged cells copied; it stops
// after max non-empty cells (cut).
func sheetGrid(f *excelize.File, sheet string, styles map[int]cellFormat, max int) ([][]gcell, bool, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, false, err
	}
	defer rows.Close()
	var grid [][]gcell
	n, cut := 0, false
	for ri := 0; rows.Next(); ri++ {
		cols, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, false, err
		}
		row := make([]gcell, len(cols))
		for ci, v := range cols {
			v = strings.TrimSpace(v)
			if v == "" {
				continue
			}
			if n++; n > max {
				cut = true
				break
			}
			if x, err := strconv.ParseFloat(v, 64); err == nil {
				axis, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
				id, _ := f.GetCellStyle(sheet, axis)
				ff, ok := styles[id]
				if !ok {
					ff = styleFormat(f, id)
					styles[id] = ff
				}
				switch ff {
				case fmtPercent:
					v = formatNumber(x*100) + "%"
				case fmtDate:
					if s, err := f.GetCellValue(sheet, axis); err == nil {
						v = s
					}
				default:
					v = formatNumber(x)
				}
			}
			row[ci].text = v
		}
		grid = append(grid, row)
		if cut {
			break
		}
	}
	if err := rows.Error(); err != nil {
		return nil, false, err
	}
	merged, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, false, err
	}
	for _, m := range merged {
		c0, r0, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c1, r1, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 != nil || err2 != nil || r0 < 1 || c0 < 1 || r1-r0 > 10000 || c1-c0 > 1000 {
			continue
		}
		r0, c0, r1, c1 = r0-1, c0-1, r1-1, c1-1
		if r0 >= len(grid) || c0 >= len(grid[r0]) {
			continue
		}
		src := grid[r0][c0]
		for r := r0; r <= r1 && r < len(grid); r++ {
			for c := c0; c <= c1; c++ {
				if r == r0 && c == c0 {
					continue
				}
				for len(grid[r]) <= c {
					grid[r] = append(grid[r], gcell{})
				}
				grid[r][c] = gcell{text: src.text, copy: true, r: r0, c: c0}
			}
		}
	}
	return grid, cut, nil
}

// formatNumber writes a stored number without float noise
// (3286.4499999999998 → 3286.45) and never in exponent form.
func formatNumber(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return ""
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// lineRowRe is a cell of a line above or below a table rather than of the
// table: 单位：万元, 编制单位：某区财政局, 注：….
var lineRowRe = regexp.MustCompile(`[:：]`)

// isLineRow reports a row that is a line of text (a title, a unit line, a
// note): one distinct non-empty text, or only "名称：值" cells.
func isLineRow(r []gcell) (string, bool) {
	var parts []string
	colon := true
	for _, c := range r {
		t := strings.TrimSpace(c.text)
		if t == "" || c.copy {
			continue
		}
		parts = append(parts, t)
		if !lineRowRe.MatchString(t) || isNumeric(t) {
			colon = false
		}
	}
	if len(parts) == 1 && !isNumeric(parts[0]) || len(parts) > 1 && colon {
		return strings.Join(parts, " "), true
	}
	return "", len(parts) == 0
}

// sheet writes one sheet: a section headed by its title (else its name),
// its lines, and each block of table rows as a table whose caption is the
// lines above it (the title and the unit line).
func (b *builder) sheet(name string, grid [][]gcell) {
	start := b.n
	var pending []string // lines since the last table
	var block [][]gcell
	at := map[int]int{} // sheet row → row of the block
	heading := ""
	flush := func() {
		if len(block) == 0 {
			return
		}
		// Copies point at sheet rows; the table wants its own rows. A
		// cell merged from outside the block is a cell of its own.
		for i, r := range block {
			row := make([]gcell, len(r))
			for j, g := range r {
				if g.copy {
					if k, ok := at[g.r]; ok {
						g.r = k
					} else {
						g.copy = false
					}
				}
				row[j] = g
			}
			block[i] = row
		}
		b.table(strings.Join(pending, " "), block)
		block, pending, at = nil, nil, map[int]int{}
	}
	for ri, r := range grid {
		line, ok := isLineRow(r)
		switch {
		case ok && line == "":
			continue // an empty row
		case ok:
			flush()
			if heading == "" {
				heading = line
			}
			b.line(line)
			pending = append(pending, line)
		default:
			if heading == "" {
				heading = name
				b.line(name)
			}
			at[ri] = len(block)
			block = append(block, r)
		}
	}
	flush()
	if b.n == start {
		return
	}
	if b.title == "" && heading != name {
		b.title = heading
	}
	b.sections = append(b.sections, schema.Section{Path: heading, Title: heading, Level: 1, Start: start, End: b.n})
}
