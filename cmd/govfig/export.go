package main

import (
	"context"
	"errors"
	"flag"
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
// workbook from the database. The workbook appears only when complete.
func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "database `file` to read (must exist)")
	xlsxPath := fs.String("xlsx", "", "workbook `file` to write (.xlsx; replaced atomically)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "Usage: govfig export --db FILE --xlsx FILE")
		fmt.Fprintln(stderr, "\nWrite the analyst workbook: 说明 (about, data dictionary), 文档 (documents), 数据 (one row")
		fmt.Fprintln(stderr, "per figure), 指标 (indicator × region), 汇总 (counts by region and kind, with a chart).\n\nFlags:")
		fs.PrintDefaults()
	}
	rest, err := parseFlagsAnywhere(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return withHint(err, "govfig export -h")
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
	// schema.Open creates a missing database; exporting one would only hide a typo.
	if fi, err := os.Stat(*dbPath); err != nil {
		return fmt.Errorf("export: database %s: %w", *dbPath, err)
	} else if fi.IsDir() {
		return fmt.Errorf("export: database %s: is a directory", *dbPath)
	}
	if fi, err := os.Stat(filepath.Dir(*xlsxPath)); err != nil || !fi.IsDir() {
		return withHint(fmt.Errorf("export: folder of %s does not exist", *xlsxPath), example)
	}

	st, err := schema.Open(*dbPath)
	if err != nil {
		return fmt.Errorf("export: %w", err)
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
	fmt.Fprintf(stdout, "%s: %d documents, %d figures on %s, %d indicators × %d columns, %d regions (%.1fs)\n",
		*xlsxPath, ws.Documents, ws.Figures, strings.Join(ws.DataSheets, "+"), ws.Indicators, ws.IndicatorColumns,
		ws.Regions, time.Since(start).Seconds())
	if ws.Truncated > 0 {
		fmt.Fprintf(stderr, "note: %d texts longer than 32,767 characters were cut (marked …[截断])\n", ws.Truncated)
	}
	if ws.DroppedIndicators > 0 || ws.DroppedColumns > 0 {
		fmt.Fprintf(stderr, "note: 指标 could not hold %d indicators and %d columns; 数据 has them all\n",
			ws.DroppedIndicators, ws.DroppedColumns)
	}
	if ws.BadNumbers > 0 {
		fmt.Fprintf(stderr, "note: %d values were not finite numbers and were left blank\n", ws.BadNumbers)
	}
	return nil
}
