package workbook

import (
	"fmt"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// table streams rows under a header onto a sheet, continuing on a new sheet
// (NAME2, NAME3…) when one is full. Each sheet gets the header, frozen
// panes, column widths and an auto-filter over its rows.
type table struct {
	f          *excelize.File
	st         *styles
	base       string
	cols       []column
	widths     []float64 // overrides cols' widths when set (wide sheets)
	header     []string  // overrides cols' headers when set
	maxRows    int
	freezeCols int // leading columns kept in view

	sw     *excelize.StreamWriter
	sheet  string
	row    int
	sheets []string
}

// ncols is the number of columns of the table.
func (t *table) ncols() int {
	if t.header != nil {
		return len(t.header)
	}
	return len(t.cols)
}

// open starts the next sheet of the table.
func (t *table) open() error {
	name := t.base
	if len(t.sheets) > 0 {
		name = t.base + strconv.Itoa(len(t.sheets)+1)
	}
	if err := checkSheetName(name); err != nil {
		return err
	}
	if _, err := t.f.NewSheet(name); err != nil {
		return fmt.Errorf("new sheet %s: %w", name, err)
	}
	sw, err := t.f.NewStreamWriter(name)
	if err != nil {
		return fmt.Errorf("stream sheet %s: %w", name, err)
	}
	t.sw, t.sheet, t.row = sw, name, 0
	t.sheets = append(t.sheets, name)

	topLeft, _ := excelize.CoordinatesToCellName(t.freezeCols+1, 2)
	panes := &excelize.Panes{Freeze: true, XSplit: t.freezeCols, YSplit: 1, TopLeftCell: topLeft, ActivePane: "bottomLeft"}
	if t.freezeCols > 0 {
		panes.ActivePane = "bottomRight"
	}
	if err := sw.SetPanes(panes); err != nil {
		return fmt.Errorf("freeze header of %s: %w", name, err)
	}
	// Runs of equal widths are set at once: excelize re-flattens all column
	// definitions on each call, which is quadratic over thousands of columns.
	width := func(i int) float64 {
		switch {
		case t.widths != nil && i < len(t.widths):
			return t.widths[i]
		case t.widths == nil && i < len(t.cols):
			return t.cols[i].width
		}
		return 12
	}
	for i := 0; i < t.ncols(); {
		j := i + 1
		for j < t.ncols() && width(j) == width(i) {
			j++
		}
		if err := sw.SetColWidth(i+1, j, width(i)); err != nil {
			return fmt.Errorf("column width on %s: %w", name, err)
		}
		i = j
	}
	hdr := make([]any, t.ncols())
	for i := range hdr {
		h := ""
		if t.header != nil {
			h = t.header[i]
		} else {
			h = t.cols[i].zh
		}
		hdr[i] = excelize.Cell{StyleID: t.st.header, Value: h}
	}
	return t.write(hdr, excelize.RowOpts{Height: 30})
}

// add writes one data row, opening a sheet when needed.
func (t *table) add(values []any) error {
	if t.sw == nil || t.row >= t.maxRows {
		if err := t.close(); err != nil {
			return err
		}
		if err := t.open(); err != nil {
			return err
		}
	}
	return t.write(values)
}

func (t *table) write(values []any, opts ...excelize.RowOpts) error {
	t.row++
	cell, err := excelize.CoordinatesToCellName(1, t.row)
	if err != nil {
		return err
	}
	if err := t.sw.SetRow(cell, values, opts...); err != nil {
		return fmt.Errorf("write row %d of %s: %w", t.row, t.sheet, err)
	}
	return nil
}

// cell returns the name of a cell in the row last written.
func (t *table) cell(col int) string {
	c, _ := excelize.CoordinatesToCellName(col, t.row)
	return c
}

// close finishes the current sheet, if any: auto-filter, then flush.
func (t *table) close() error {
	if t.sw == nil {
		return nil
	}
	last := t.row
	if last < 2 {
		last = 2
	}
	ref, _ := excelize.CoordinatesToCellName(t.ncols(), last)
	// The stream writer writes the worksheet's autoFilter at Flush, so it is
	// set now, while the sheet is still open.
	if err := t.f.AutoFilter(t.sheet, "A1:"+ref, nil); err != nil {
		return fmt.Errorf("auto-filter on %s: %w", t.sheet, err)
	}
	if err := t.sw.Flush(); err != nil {
		return fmt.Errorf("flush %s: %w", t.sheet, err)
	}
	t.sw = nil
	return nil
}

// finish closes the table; a table with no rows still gets its (header-only) sheet.
func (t *table) finish() error {
	if len(t.sheets) == 0 {
		if err := t.open(); err != nil {
			return err
		}
	}
	return t.close()
}

// checkSheetName enforces Excel's rules on sheet names.
func checkSheetName(name string) error {
	if name == "" || utf16Len(name) > excelize.MaxSheetNameLength {
		return fmt.Errorf("sheet name %q: empty or longer than %d characters", name, excelize.MaxSheetNameLength)
	}
	for _, r := range name {
		switch r {
		case '[', ']', ':', '*', '?', '/', '\\':
			return fmt.Errorf("sheet name %q: character %q not allowed", name, r)
		}
	}
	if name[0] == '\'' || name[len(name)-1] == '\'' {
		return fmt.Errorf("sheet name %q: may not start or end with an apostrophe", name)
	}
	return nil
}
