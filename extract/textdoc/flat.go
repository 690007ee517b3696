package textdoc

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// Tables flattened into text. A scraper that drops the markup of a table
// leaves one line per row with the cells separated by spaces:
//
//	指标名称 单位 2021年 2022年 目标值
//	地区生产总值增速 % 3.6 -0.5 4.0
//	城镇登记失业率 % 3.4 3.6 ≤4.0
//
// A flattened table is a header line of three or more cells, none of them a
// number (years such as 2021年 are words), followed by two or more rows with
// the same number of cells, each with a number cell (printed minus signs
// and bounds ≤10, ≥95 included) and a first cell that is not one. The line
// before the header is the caption. Cells keep their offsets in Text.

// flatNumberRe is a cell that holds one number: -0.5, 12.3%, ≤4.0, ≥95, 1,260.
var flatNumberRe = regexp.MustCompile(`^[≤≥<>＜＞]?[-+－]?[0-9０-９][0-9０-９,.．]*[%％]?$`)

// flatValueRe is a data cell: a number, with a short unit when the cells
// carry their own (215.4亿元, 1.2万人); a date (2022年, 3月) is none.
var flatValueRe = regexp.MustCompile(`^[≤≥<>＜＞]?[-+－]?[0-9０-９][0-9０-９,.．]*(?:[%％‰]|[^\s年月日号时0-9０-９][^\s0-9０-９]{0,3})?$`)

// flatCell is one cell of a line: its text and rune offsets in the line.
type flatCell struct {
	text       string
	start, end int
}

// splitCells splits a line at runs of spaces (ASCII or ideographic).
func splitCells(line string) []flatCell {
	var out []flatCell
	rs := []rune(line)
	i := 0
	for i < len(rs) {
		for i < len(rs) && isBlank(rs[i]) {
			i++
		}
		j := i
		for j < len(rs) && !isBlank(rs[j]) {
			j++
		}
		if j > i {
			c := flatCell{string(rs[i:j]), i, j}
			if n := len(out); n > 0 && unitCellRe.MatchString(c.text) {
				// 城镇登记失业率 (%): a bracketed unit belongs to the cell before.
				out[n-1].text, out[n-1].end = string(rs[out[n-1].start:j]), j
			} else {
				out = append(out, c)
			}
		}
		i = j
	}
	return out
}

// unitCellRe is a bracketed unit standing apart: (%), （万元）.
var unitCellRe = regexp.MustCompile(`^[(（][^()（）\s]{1,8}[)）]$`)

func isBlank(r rune) bool { return r == ' ' || r == '\u3000' || r == '\u00a0' }

// flatHeader reports a header line: three or more cells, none a number,
// each short.
func flatHeader(cells []flatCell) bool {
	if len(cells) < 3 {
		return false
	}
	for _, c := range cells {
		if flatNumberRe.MatchString(c.text) || utf8.RuneCountInString(c.text) > 16 || strings.ContainsAny(c.text, "，。；：:,;") {
			return false
		}
	}
	return true
}

// flatRow reports a data row of n cells: a label first, a number among the
// others, every cell short.
func flatRow(cells []flatCell, n int) bool {
	if len(cells) != n || flatValueRe.MatchString(cells[0].text) {
		return false
	}
	num := false
	for _, c := range cells {
		if utf8.RuneCountInString(c.text) > 24 || strings.ContainsAny(c.text, "，。；") {
			return false
		}
		if flatValueRe.MatchString(c.text) {
			num = true
		}
	}
	return num
}

// flatTables finds the tables flattened into lines of text.
func flatTables(text string) []schema.Table {
	out := []schema.Table{}
	lines := strings.SplitAfter(text, "\n")
	starts := make([]int, len(lines)) // rune offset of each line
	pos := 0
	for i, l := range lines {
		starts[i] = pos
		pos += utf8.RuneCountInString(l)
	}
	for i := 0; i < len(lines); i++ {
		line := strings.TrimRight(lines[i], "\n")
		if strings.Contains(line, "\t") {
			continue // a tab table (tables)
		}
		head := splitCells(line)
		if !flatHeader(head) {
			continue
		}
		k := i + 1
		for k < len(lines) && !strings.Contains(lines[k], "\t") && flatRow(splitCells(strings.TrimRight(lines[k], "\n")), len(head)) {
			k++
		}
		if k-i-1 < 2 {
			continue
		}
		t := schema.Table{Start: starts[i] + head[0].start, HeaderRows: 1, HeaderCols: 1}
		for li := i; li < k; li++ {
			var row []schema.Cell
			for ci, c := range splitCells(strings.TrimRight(lines[li], "\n")) {
				row = append(row, schema.Cell{Text: c.text, Start: starts[li] + c.start, End: starts[li] + c.end, Header: li == i || ci == 0})
				t.End = starts[li] + c.end
			}
			t.Rows = append(t.Rows, row)
		}
		for li := i - 1; li >= 0 && li >= i-2; li-- {
			if s := strings.TrimSpace(lines[li]); s != "" {
				t.Caption = s
				break
			}
		}
		out = append(out, t)
		i = k - 1
	}
	return out
}
