package workbook_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/workbook"
)

// oneFigure is a Source holding one document with one figure.
type oneFigure struct{}

func (oneFigure) EachDocument(ctx context.Context, fn func(*schema.DocRow) error) error {
	return fn(&schema.DocRow{ID: 1, Region: "天津市静海区", Title: "2023年履行教育职责情况自评报告",
		URL: "https://www.tjjh.gov.cn/a.html", Published: "2024-08-29T16:16:38+08:00", FigureCount: 1})
}

func (oneFigure) EachFigure(ctx context.Context, fn func(*schema.FigureRow) error) error {
	fr := &schema.FigureRow{DocumentID: 1, Region: "天津市静海区", Published: "2024-08-29T16:16:38+08:00"}
	fr.Kind, fr.Label, fr.Value, fr.Unit, fr.Normalized, fr.BaseUnit, fr.Role =
		schema.KindPercent, "学前三年毛入园率", 96.34, "%", 96.34, "%", schema.RoleLevel
	return fn(fr)
}

func (oneFigure) Info(ctx context.Context) (schema.RunInfo, error) { return schema.RunInfo{}, nil }

func ExampleWrite() {
	dir, _ := os.MkdirTemp("", "govfig")
	defer os.RemoveAll(dir)
	st, err := workbook.Write(context.Background(), oneFigure{}, filepath.Join(dir, "govfig.xlsx"), workbook.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(st.Documents, st.Figures, st.DataSheets, st.Indicators, st.Links)
	// Output: 1 1 [数据] 1 1
}
