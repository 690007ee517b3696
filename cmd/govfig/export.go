package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/workbook"
)

// runExport is `govfig export --db FILE --xlsx FILE`: write the analyst
// workbook from the database. The workbook appears only when complete. The
// database is opened read-only and read in one snapshot (workbook.Write uses
// the store's View), so an extract running meanwhile changes nothing it reads.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := newFlags("export", "govfig export --db FILE --xlsx FILE",
		"Write the analyst workbook: 说明 (about, data dictionary), 文档 (documents), 数据 (one row\n"+
			"per figure), 指标 (indicator × region), 汇总 (counts by region and kind, with a chart).", stderr)
	dbPath := fs.String("db", "", "database `file` to read (must exist; opened read-only)")
	xlsxPath := fs.String("xlsx", "", "workbook `file` to write (.xlsx; replaced atomically)")
	rest, help, err := fs.parse(args)
	if help || err != nil {
		return err
	}
	const example = "govfig export --db govfig-out/govfig.db --xlsx govfig.xlsx"
	switch {
	case len(rest) > 0:
		return withHint(fmt.Errorf("export: unexpected argument %q", rest[0]), example)
	case *dbPath == "":
		return withHint(errors.New("export: --db is required"), example)
	case *xlsxPath == "":
		return withHint(errors.New("export: --xlsx is required"), example)
	case !strings.EqualFold(filepath.Ext(*xlsxPath), ".xlsx"):
		return withHint(fmt.Errorf("export: %s: the workbook name must end in .xlsx", *xlsxPath), example)
	}
	if fi, err := os.Stat(filepath.Dir(*xlsxPath)); err != nil || !fi.IsDir() {
		return withHint(fmt.Errorf("export: folder of %s does not exist", *xlsxPath), example)
	}

	st, err := openReader("export", *dbPath)
	if err != nil {
		return err
	}
	defer st.Close()

	start := time.Now()
	fmt.Fprintf(stderr, "exporting %s → %s\n", *dbPath, *xlsxPath)
	ws, err := workbook.Write(ctx, st, *xlsxPath, workbook.Options{
		Version:    govfigBuildVersion(),
		SourceName: filepath.Base(*dbPath),
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	fmt.Fprintf(stdout, "%s: %d documents, %d figures on %s, 指标 %d rows × %d regions, 未归类 %d labels × %d columns, %d regions (%.1fs)\n",
		*xlsxPath, ws.Documents, ws.Figures, strings.Join(ws.DataSheets, "+"), ws.IndicatorRows, ws.IndicatorRegions,
		ws.Indicators, ws.IndicatorColumns, ws.Regions, time.Since(start).Seconds())
	if ws.Truncated > 0 {
		fmt.Fprintf(stderr, "note: %d texts longer than 32,767 characters were cut (marked …[截断])\n", ws.Truncated)
	}
	if ws.DroppedIndicators > 0 || ws.DroppedColumns > 0 {
		fmt.Fprintf(stderr, "note: 未归类 could not hold %d labels and %d columns; 数据 has them all\n",
			ws.DroppedIndicators, ws.DroppedColumns)
	}
	if ws.DroppedIndicatorRows > 0 || ws.DroppedIndicatorRegions > 0 {
		fmt.Fprintf(stderr, "note: 指标 could not hold %d rows and %d regions; 数据 has them all\n",
			ws.DroppedIndicatorRows, ws.DroppedIndicatorRegions)
	}
	if ws.BadNumbers > 0 {
		fmt.Fprintf(stderr, "note: %d values were not finite numbers and were left blank\n", ws.BadNumbers)
	}
	return nil
}

// openReader opens the database of a command that only reads (export,
// search): read-only, never migrated, never created; a file that is not a
// govfig database is refused naming the file.
func openReader(cmd, path string) (*schema.Store, error) {
	st, err := schema.OpenReadOnly(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cmd, err)
	}
	return st, nil
}
