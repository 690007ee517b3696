package workbook

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/govfig/govfig/schema"
)

// fakeSource is an in-memory Source. failAfter > 0 makes EachFigure fail
// after that many figures.
type fakeSource struct {
	info      schema.RunInfo
	docs      []schema.DocRow
	figs      []schema.FigureRow
	failAfter int
	// indicators is the catalogue the figures were mapped with.
	indicators []schema.IndicatorRow
}

func (s *fakeSource) Indicators(ctx context.Context) ([]schema.IndicatorRow, error) {
	return s.indicators, nil
}

var errFake = errors.New("disk on fire")

func (s *fakeSource) EachDocument(ctx context.Context, fn func(*schema.DocRow) error) error {
	for i := range s.docs {
		d := s.docs[i]
		if err := fn(&d); err != nil {
			return err
		}
	}
	return nil
}

func (s *fakeSource) EachFigure(ctx context.Context, fn func(*schema.FigureRow) error) error {
	for i := range s.figs {
		if s.failAfter > 0 && i == s.failAfter {
			return errFake
		}
		fr := s.figs[i]
		if err := fn(&fr); err != nil {
			return err
		}
	}
	return nil
}

func (s *fakeSource) Info(ctx context.Context) (schema.RunInfo, error) { return s.info, nil }

// genSource generates n figures over docs documents (regions regions) on the
// fly, for benchmarks: nothing is held in memory.
type genSource struct {
	n, docs, regions int
}

var genLabels = []string{"学前三年毛入园率", "一般公共预算教育经费支出", "专任教师", "公办幼儿园", "义务教育巩固率",
	"校舍建筑面积", "小学差异系数", "初中差异系数", "骨干教师", "新建学校", "近视防控讲座", "生均公用经费"}

var genKinds = []schema.Kind{schema.KindPercent, schema.KindMoney, schema.KindHeadcount, schema.KindSchools,
	schema.KindPercent, schema.KindMeasure, schema.KindIndex, schema.KindIndex, schema.KindHeadcount,
	schema.KindSchools, schema.KindCount, schema.KindMoney}

func (g *genSource) regionOf(doc int) string { return fmt.Sprintf("测试市第%d区", doc%g.regions) }

func (g *genSource) EachDocument(ctx context.Context, fn func(*schema.DocRow) error) error {
	for r := 0; r < g.regions; r++ {
		for d := r; d < g.docs; d += g.regions {
			row := schema.DocRow{ID: int64(d + 1), URL: fmt.Sprintf("https://www.example.gov.cn/zwgk/%d.html", d),
				Region: g.regionOf(d), Title: fmt.Sprintf("%s2023年履行教育职责情况自评报告（%d）", g.regionOf(d), d),
				Publisher: g.regionOf(d) + "人民政府", Published: "2024-08-29T16:16:38+08:00",
				FigureCount: g.n / g.docs}
			if err := fn(&row); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *genSource) EachFigure(ctx context.Context, fn func(*schema.FigureRow) error) error {
	per := (g.n + g.docs - 1) / g.docs
	var fr schema.FigureRow
	for i := 0; i < g.n; i++ {
		d := i / per
		j := i % len(genLabels)
		fr = schema.FigureRow{ID: int64(i + 1), DocumentID: int64(d + 1), Seq: i % per, Region: g.regionOf(d),
			DocTitle: "2023年履行教育职责情况自评报告", Published: "2024-08-29T16:16:38+08:00"}
		fr.Kind = genKinds[j]
		fr.Label = genLabels[j]
		fr.Value = float64(i%1000) + 0.25
		fr.Unit = "个"
		fr.Normalized = fr.Value * 10000
		fr.BaseUnit = "个"
		fr.Role = schema.RoleLevel
		if i%3 == 0 {
			fr.Role = schema.RoleChange
		}
		fr.Year = 2023
		fr.Text = "96.34%"
		fr.Sentence = "全区学前三年毛入园率达到96.34%,比上年增长1.76个百分点,公办幼儿园在园幼儿占比达到70.5%。"
		fr.Section = "一、做法与成效 > (四)强化教育条件保障 > 18.强化财政投入保障"
		if err := fn(&fr); err != nil {
			return err
		}
	}
	return nil
}

func (g *genSource) Info(ctx context.Context) (schema.RunInfo, error) {
	return schema.RunInfo{Version: "bench", LastRun: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC),
		Documents: g.docs, Figures: g.n}, nil
}
