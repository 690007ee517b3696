package attach

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"reflect"
	"strings"
	"unsafe"

	"github.com/shakinm/xlsReader/xls"
)

// readXLS reads a BIFF8 workbook (.xls, and WPS's .et in the same format)
// with github.com/shakinm/xlsReader: every sheet, numbers as stored (a
// percent format gives the share × 100 with a %). The library does not read
// the merged-cell records, so header rows are filled as merges would
// (fillHeaderMerges). A file it cannot read goes to LibreOffice when soffice
// is on the PATH, else it is a problem.
func readXLS(name string, body []byte, format string, lim Limits) (b *builder, problem string) {
	defer func() {
		if p := recover(); p != nil {
			b, problem = nil, fmt.Sprintf("%s xls: %v", ProblemMalformed, p)
		}
	}()
	wb, err := xls.OpenReader(bytes.NewReader(body))
	if err != nil {
		if _, lerr := soffice(); lerr == nil {
			return readOffice(name, body, format, lim) // not BIFF8 (BIFF5, an .et of WPS): LibreOffice reads more
		}
		return nil, fmt.Sprintf("%s xls: %v", ProblemMalformed, err)
	}
	b = newBuilder()
	for i := 0; i < wb.GetNumberSheets(); i++ {
		sh, err := wb.GetSheet(i)
		if err != nil {
			return nil, fmt.Sprintf("%s xls: sheet %d: %v", ProblemMalformed, i+1, err)
		}
		var grid [][]gcell
		for _, r := range sh.GetRows() {
			cols := r.GetCols()
			row := make([]gcell, len(cols))
			for j, c := range cols {
				if b.cells++; b.cells > lim.MaxCells {
					b.sheet(sh.GetName(), fillHeaderMerges(grid))
					return b, fmt.Sprintf("%s: more than %d cells; the rest of the workbook is not read", ProblemCut, lim.MaxCells)
				}
				row[j].text = xlsCell(&wb, c)
			}
			grid = append(grid, row)
		}
		b.sheet(sh.GetName(), fillHeaderMerges(grid))
	}
	return b, ""
}

// xlsCell is the text of one cell: a number as stored (× 100 with % under
// a percent format), else its string.
func xlsCell(wb *xls.Workbook, c interface {
	GetString() string
	GetFloat64() float64
	GetXFIndex() int
	GetType() string
}) string {
	t := c.GetType()
	if !strings.HasSuffix(t, "Number") && !strings.HasSuffix(t, "Rk") {
		return strings.TrimSpace(c.GetString())
	}
	v := c.GetFloat64()
	if x, ok := rkValue(c); ok {
		v = x
	}
	xf := wb.GetXFbyIndex(c.GetXFIndex())
	fi := xf.GetFormatIndex()
	f := wb.GetFormatByIndex(fi)
	switch {
	case fi == 9 || fi == 10 || strings.Contains(f.String(), "%"):
		return formatNumber(v*100) + "%"
	case fi >= 14 && fi <= 22:
		return strings.TrimSpace(c.GetString())
	}
	return formatNumber(v)
}

// fillHeaderMerges fills the header of a table read without its merged
// cells as the merges would: in the rows above the first row holding a
// number, an empty cell right of a heading whose row below has cells under
// both takes the heading (比上年增减 over 增减额 | 增减%), and an empty cell
// under a heading takes it (科目编码 merged down two rows). Cells filled are
// copies.
func fillHeaderMerges(grid [][]gcell) [][]gcell {
	first := -1 // the first row of a table: two or more cells
	for ri, r := range grid {
		if _, line := isLineRow(r); !line {
			first = ri
			break
		}
	}
	if first < 0 {
		return grid
	}
	last := first
	for last < len(grid) && !rowHasNumber(grid[last]) {
		last++
	}
	if last >= len(grid) || last-first < 2 {
		return grid // a one-row header has nothing merged
	}
	for ri := first; ri < last; ri++ {
		for ci := 1; ci < len(grid[ri]); ci++ {
			prev := grid[ri][ci-1]
			if grid[ri][ci].text != "" || prev.text == "" || ri+1 >= last {
				continue
			}
			if ci < len(grid[ri+1]) && grid[ri+1][ci].text != "" && grid[ri+1][ci-1].text != "" {
				src := gcell{text: prev.text, copy: true, r: ri, c: ci - 1}
				if prev.copy {
					src.r, src.c = prev.r, prev.c
				}
				grid[ri][ci] = src
			}
		}
	}
	for ri := first + 1; ri < last; ri++ {
		for ci := range grid[ri] {
			if grid[ri][ci].text == "" && ci < len(grid[ri-1]) && grid[ri-1][ci].text != "" && !grid[ri-1][ci].copy {
				grid[ri][ci] = gcell{text: grid[ri-1][ci].text, copy: true, r: ri - 1, c: ci}
			}
		}
	}
	return grid
}

func rowHasNumber(r []gcell) bool {
	for _, c := range r {
		if isNumeric(c.text) {
			return true
		}
	}
	return false
}

// rkValue decodes an RK cell (a 30-bit integer or the top 30 bits of a
// double, either /100) from its raw field: xlsReader v0.9.12 shifts the
// integer form unsigned and turns -2480 into 1073739344.
func rkValue(c any) (float64, bool) {
	v := reflect.ValueOf(c)
	if v.Kind() != reflect.Pointer || v.IsNil() || v.Elem().Kind() != reflect.Struct {
		return 0, false
	}
	f := v.Elem().FieldByName("rk")
	if !f.IsValid() || f.Kind() != reflect.Array || f.Len() != 4 || f.Type().Elem().Kind() != reflect.Uint8 || !f.CanAddr() {
		return 0, false
	}
	raw := *(*[4]byte)(unsafe.Pointer(f.UnsafeAddr()))
	rk := binary.LittleEndian.Uint32(raw[:])
	var x float64
	if rk&2 != 0 {
		x = float64(int32(rk) >> 2)
	} else {
		x = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&1 != 0 {
		x /= 100
	}
	return x, true
}
