package workbook

import (
	"archive/zip"
	"compress/flate"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/govfig/govfig/schema"
	"github.com/xuri/excelize/v2"
)

// Source is what the workbook is made from; *schema.Store implements it.
// EachDocument yields documents ordered by region, published date and id;
// EachFigure yields figures ordered by document id and seq. Both stop and
// return fn's error when fn fails.
type Source interface {
	EachDocument(ctx context.Context, fn func(*schema.DocRow) error) error
	EachFigure(ctx context.Context, fn func(*schema.FigureRow) error) error
	Info(ctx context.Context) (schema.RunInfo, error)
}

// viewer is a Source that can pin one snapshot of itself (*schema.Store):
// Write then reads every sheet from that snapshot, so 文档, 数据, 指标 and
// 汇总 agree even while another process writes to the database.
type viewer interface {
	View(ctx context.Context, fn func(schema.Reader) error) error
}

// Options tune Write. The zero value is ready to use.
type Options struct {
	// Version is the govfig version named on 说明.
	Version string
	// SourceName names the database on 说明 (e.g. its file name).
	SourceName string
	// Now is the clock for "when made"; time.Now when nil.
	Now func() time.Time
	// TmpDir holds excelize's spill files while big sheets are streamed;
	// the OS temporary directory when empty.
	TmpDir string
	// MaxRows is the number of rows per sheet, header included; Excel's
	// limit 1,048,576 when zero or larger. Past it, 数据 (and 文档)
	// continue on 数据2… while 指标 keeps the first rows (tests lower it).
	MaxRows int
	// MaxLinks caps the hyperlinks on 文档 (excelize adds each in linear
	// time, and Excel allows 65,530 per sheet); DefaultMaxLinks when zero.
	// URLs past the cap are written as plain text.
	MaxLinks int
	// ChartRegions is how many regions (those with most figures) the chart
	// on 汇总 shows; DefaultChartRegions when zero.
	ChartRegions int
}

// Defaults of Options.
const (
	DefaultMaxLinks     = 10000
	DefaultChartRegions = 30
)

// Stats says what Write wrote.
type Stats struct {
	Documents int // rows on 文档
	ListPages int // list (column) pages left off 文档
	Figures   int // rows on 数据 (all parts)
	// DataSheets names the sheets holding figures: [数据] or [数据 数据2 …].
	DataSheets []string
	// IndicatorRows and IndicatorRegions are the rows (indicator × year) and
	// region columns of 指标; Comments the source comments on its cells.
	IndicatorRows, IndicatorRegions, Comments int
	// DroppedIndicatorRows and DroppedIndicatorRegions count what did not
	// fit on 指标.
	DroppedIndicatorRows, DroppedIndicatorRegions int
	Indicators                                    int // rows on 未归类 (labels of figures without an indicator)
	// IndicatorColumns is the number of region/document columns on 未归类.
	IndicatorColumns int
	// DroppedIndicators and DroppedColumns count what did not fit on 未归类.
	DroppedIndicators, DroppedColumns int
	Regions                           int // rows on 汇总
	Links                             int // hyperlinks written
	PlainURLs                         int // URLs written as text: not http(s), too long or past MaxLinks
	Truncated                         int // texts cut to Excel's cell limit
	BadNumbers                        int // NaN or infinite values left blank
}

// Write reads src and writes the workbook to path; a Source that has a
// View method (*schema.Store) is read in one snapshot. The file appears only
// when everything succeeded: the workbook goes to a temporary file in the
// same directory, renamed over path at the end; on any error path is left as
// it was.
func Write(ctx context.Context, src Source, path string, opts Options) (Stats, error) {
	opts = opts.withDefaults()
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return Stats{}, fmt.Errorf("write workbook %s: %w", path, err)
	}
	tmpName := tmp.Name()
	done := false
	defer func() {
		if !done {
			_ = tmp.Close()
			_ = os.Remove(tmpName)
		}
	}()

	var st Stats
	if v, ok := src.(viewer); ok {
		err = v.View(ctx, func(r schema.Reader) error {
			st, err = write(ctx, r, tmp, opts)
			return err
		})
	} else {
		st, err = write(ctx, src, tmp, opts)
	}
	if err != nil {
		return st, fmt.Errorf("write workbook %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return st, fmt.Errorf("write workbook %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return st, fmt.Errorf("write workbook %s: %w", path, err)
	}
	if err := os.Chmod(tmpName, 0o644); err != nil {
		return st, fmt.Errorf("write workbook %s: %w", path, err)
	}
	if err := os.Rename(tmpName, path); err != nil {
		return st, fmt.Errorf("write workbook %s: %w", path, err)
	}
	done = true
	return st, nil
}

func (o Options) withDefaults() Options {
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.MaxRows <= 0 || o.MaxRows > excelize.TotalRows {
		o.MaxRows = excelize.TotalRows
	}
	if o.MaxRows < 2 {
		o.MaxRows = 2
	}
	if o.MaxLinks <= 0 {
		o.MaxLinks = DefaultMaxLinks
	}
	if o.MaxLinks > excelize.TotalSheetHyperlinks {
		o.MaxLinks = excelize.TotalSheetHyperlinks
	}
	if o.ChartRegions <= 0 {
		o.ChartRegions = DefaultChartRegions
	}
	return o
}

// write builds the workbook and writes its zip to w.
func write(ctx context.Context, src Source, w io.Writer, opts Options) (Stats, error) {
	info, err := src.Info(ctx)
	if err != nil {
		return Stats{}, fmt.Errorf("read run info: %w", err)
	}
	f := excelize.NewFile(excelize.Options{TmpDir: opts.TmpDir})
	defer func() { _ = f.Close() }()

	b := &builder{ctx: ctx, f: f, opts: opts, info: info}
	if err := b.build(src); err != nil {
		return b.stats, err
	}
	// The zip goes straight to w: excelize's own Write would first build the
	// whole file in memory.
	// Fast compression, one compressor reused across the parts (each new
	// one allocates about 1 MB).
	var spare *flate.Writer
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
			if spare == nil {
				fw, err := flate.NewWriter(out, flate.BestSpeed)
				if err != nil {
					return nil, err
				}
				return &reusedFlate{fw, &spare}, nil
			}
			fw := spare
			spare = nil
			fw.Reset(out)
			return &reusedFlate{fw, &spare}, nil
		})
		return zw
	})
	if err := f.Write(io.Discard); err != nil {
		return b.stats, fmt.Errorf("save: %w", err)
	}
	return b.stats, nil
}

// reusedFlate hands its compressor back for the next zip entry when closed.
type reusedFlate struct {
	*flate.Writer
	spare **flate.Writer
}

func (r *reusedFlate) Close() error {
	err := r.Writer.Close()
	*r.spare = r.Writer
	return err
}
