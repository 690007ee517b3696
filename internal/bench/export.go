package bench

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/workbook"
	"github.com/xuri/excelize/v2"
)

// exportRun exports the database at db with workbook.Write, then streams as
// many cells with a bare excelize StreamWriter (10 per document on one sheet,
// 27 per figure on another, the widths of 文档 and 数据): figures/s for both.
func exportRun(ctx context.Context, db, dir string) (export, bare float64, err error) {
	st, err := schema.Open(db)
	if err != nil {
		return 0, 0, err
	}
	defer st.Close()
	out := filepath.Join(dir, "export.xlsx")
	defer os.Remove(out)
	start := time.Now()
	ws, err := workbook.Write(ctx, st, out, workbook.Options{TmpDir: dir})
	if err != nil {
		return 0, 0, fmt.Errorf("bench: export: %w", err)
	}
	export = float64(ws.Figures) / time.Since(start).Seconds()

	start = time.Now()
	f := excelize.NewFile(excelize.Options{TmpDir: dir})
	defer f.Close()
	docs, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return 0, 0, err
	}
	row := 1
	cells := make([]any, 27)
	err = st.EachDocument(ctx, func(d *schema.DocRow) error {
		cells := []any{d.Region, d.Title, d.Publisher, d.Published, d.URL, d.FigureCount, d.Problem, d.Site, d.FetchedAt, d.ID}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return docs.SetRow(cell, cells)
	})
	if err != nil {
		return 0, 0, err
	}
	if err := docs.Flush(); err != nil {
		return 0, 0, err
	}
	if _, err := f.NewSheet("data"); err != nil {
		return 0, 0, err
	}
	data, err := f.NewStreamWriter("data")
	if err != nil {
		return 0, 0, err
	}
	row, n := 1, 0
	err = st.EachFigure(ctx, func(fr *schema.FigureRow) error {
		n++
		v := []any{fr.Region, fr.DocTitle, fr.Published, fr.Label, fr.Value, fr.Unit, fr.Normalized, fr.BaseUnit,
			string(fr.Kind), string(fr.Qualifier), string(fr.Role), fr.Year, fr.Subject, fr.Text, fr.Sentence, fr.Section,
			string(fr.Direction), fr.Start, fr.End, fr.DocURL, fr.DocumentID, fr.Seq, fr.ID, fr.Indicator,
			fr.IndicatorConfidence, fr.Label, fr.Value}
		copy(cells, v)
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return data.SetRow(cell, cells)
	})
	if err != nil {
		return 0, 0, err
	}
	if err := data.Flush(); err != nil {
		return 0, 0, err
	}
	bareOut := filepath.Join(dir, "bare.xlsx")
	defer os.Remove(bareOut)
	if err := f.SaveAs(bareOut); err != nil {
		return 0, 0, err
	}
	return export, float64(n) / time.Since(start).Seconds(), nil
}
