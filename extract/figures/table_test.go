package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

// tableDoc renders rows as the pages engineer does: cells by \t, rows by \n.
func tableDoc(caption string, rows [][]string, headerRows, headerCols int) *schema.Document {
	text := caption + "\n"
	t := schema.Table{Caption: caption, HeaderRows: headerRows, HeaderCols: headerCols}
	t.Start = len([]rune(text))
	for ri, r := range rows {
		var row []schema.Cell
		for ci, c := range r {
			if ci > 0 {
				text += "\t"
			}
			st := len([]rune(text))
			text += c
			row = append(row, schema.Cell{Text: c, Start: st, End: st + len([]rune(c)), Header: ri < headerRows || ci < headerCols})
		}
		t.Rows = append(t.Rows, row)
		t.End = len([]rune(text))
		text += "\n"
	}
	return &schema.Document{Title: "某区2023年教育统计", Text: text, Tables: []schema.Table{t}}
}

// TestTableCells: a table's year is the year of its header (2024年安排), and
// a table about a later year than the document's plans (target).
func TestTableCells(t *testing.T) {
	doc := tableDoc("重点项目资金安排如下（单位：万元）：", [][]string{
		{"项目名称", "2024年安排", "比上年增加", "学校数(所)", "备注"},
		{"义务教育学校提质增效", "8600", "600", "12", "新建"},
		{"老年助餐服务", "2,800", "350", "", "2024年"},
	}, 1, 1)
	figs := Default().Extract(doc)
	checkSpans(t, doc, figs)
	want := []struct {
		text  string
		kind  schema.Kind
		norm  float64
		role  schema.Role
		year  int
		label string
		row   int
		col   int
	}{
		{"8600", schema.KindMoney, 86000000, schema.RoleTarget, 2024, "义务教育学校提质增效", 1, 1},
		{"600", schema.KindMoney, 6000000, schema.RoleChange, 2024, "义务教育学校提质增效 比上年增加", 1, 2},
		{"12", schema.KindSchools, 12, schema.RoleLevel, 2024, "义务教育学校提质增效 学校数", 1, 3},
		{"2,800", schema.KindMoney, 28000000, schema.RoleTarget, 2024, "老年助餐服务", 2, 1},
		{"350", schema.KindMoney, 3500000, schema.RoleChange, 2024, "老年助餐服务 比上年增加", 2, 2},
	}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures %s, want %d", len(figs), describe(figs), len(want))
	}
	for i, w := range want {
		f := figs[i]
		if f.Text != w.text || f.Kind != w.kind || f.Normalized != w.norm || f.Role != w.role || f.Label != w.label || f.Cell == nil ||
			f.Cell.Row != w.row || f.Cell.Col != w.col || f.Year != w.year {
			t.Errorf("figure %d = %+v (cell %+v), want %+v", i, f, f.Cell, w)
		}
	}
}

// TestTableLevelAndGrowthColumns: a statistics table with a 单位 column gives
// every numeric column a figure: the level column (绝对数) takes the row's
// unit, the growth column its header's %, as a change with its direction.
func TestTableLevelAndGrowthColumns(t *testing.T) {
	doc := tableDoc("表1 2023年地区生产总值及构成", [][]string{
		{"指标", "单位", "绝对数", "比上年增长(%)"},
		{"地区生产总值", "亿元", "486.7", "4.6"},
		{"第二产业", "亿元", "178.5", "-1.8"},
	}, 1, 1)
	figs := Default().Extract(doc)
	checkSpans(t, doc, figs)
	want := []struct {
		text  string
		kind  schema.Kind
		norm  float64
		role  schema.Role
		dir   schema.Direction
		label string
	}{
		{"486.7", schema.KindMoney, 48670000000, schema.RoleLevel, "", "地区生产总值"},
		{"4.6", schema.KindPercent, 4.6, schema.RoleChange, schema.DirUp, "地区生产总值 比上年增长"},
		{"178.5", schema.KindMoney, 17850000000, schema.RoleLevel, "", "第二产业"},
		{"-1.8", schema.KindPercent, -1.8, schema.RoleChange, schema.DirDown, "第二产业 比上年增长"},
	}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures %s, want %d", len(figs), describe(figs), len(want))
	}
	for i, w := range want {
		f := figs[i]
		if f.Text != w.text || f.Kind != w.kind || f.Normalized != w.norm || f.Role != w.role || f.Direction != w.dir || f.Label != w.label || f.Year != 2023 {
			t.Errorf("figure %d = %+v, want %+v", i, f, w)
		}
	}
}

// TestTableBoundsAndTargets: an indicator table flattened from a report:
// years from the column headers, 目标值 a target, ≤/≥ the qualifier.
func TestTableBoundsAndTargets(t *testing.T) {
	doc := tableDoc("表1 主要指标完成情况", [][]string{
		{"指标名称", "单位", "2021年", "2022年", "目标值"},
		{"城镇登记失业率", "%", "3.4", "3.6", "≤4.0"},
		{"空气质量优良天数比例", "%", "66.8", "72.1", "≥70"},
	}, 1, 1)
	doc.Title = "某区2022年工作报告"
	figs := Default().Extract(doc)
	checkSpans(t, doc, figs)
	want := []struct {
		text string
		role schema.Role
		q    schema.Qualifier
		year int
	}{
		{"3.4", schema.RoleLevel, "", 2021}, {"3.6", schema.RoleLevel, "", 2022}, {"≤4.0", schema.RoleTarget, schema.QualLE, 2022},
		{"66.8", schema.RoleLevel, "", 2021}, {"72.1", schema.RoleLevel, "", 2022}, {"≥70", schema.RoleTarget, schema.QualGE, 2022},
	}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures %s, want %d", len(figs), describe(figs), len(want))
	}
	for i, w := range want {
		f := figs[i]
		if f.Text != w.text || f.Kind != schema.KindPercent || f.Role != w.role || f.Qualifier != w.q || f.Year != w.year || f.Label != doc.Tables[0].Rows[1+i/3][0].Text {
			t.Errorf("figure %d = %+v, want %+v", i, f, w)
		}
	}
}

// TestBudgetTable: a budget table (科目编码 | 科目名称 | 预算数 | 执行数 |
// 增减) under a unit line: each cell is labelled by its 科目名称 (the code is
// no label and no figure) and its column header without the year, typed
// money by the unit line (a % header gives percent); 预算数 is a target, the
// previous year's 执行数 previous, 增减 a change with the printed sign.
func TestBudgetTable(t *testing.T) {
	doc := tableDoc("某区2024年一般公共预算支出表 单位：万元", [][]string{
		{"科目编码", "科目名称", "2024年预算数", "2023年执行数", "2023年预算数", "比上年增减", "比上年增减"},
		{"科目编码", "科目名称", "2024年预算数", "2023年执行数", "2023年预算数", "增减额", "增减%"},
		{"205", "教育支出", "190274", "186988", "188000", "3286", "1.76"},
		{"2050201", "学前教育", "8650.5", "9120", "", "-469.5", "-5.15"},
		{"合计", "合计", "412300", "405100", "", "7200", "1.78"},
	}, 2, 2)
	doc.Title = "某区2024年部门预算公开"
	figs := Default().Extract(doc)
	checkSpans(t, doc, figs)
	want := []struct {
		text  string
		kind  schema.Kind
		norm  float64
		role  schema.Role
		dir   schema.Direction
		year  int
		label string
	}{
		{"190274", schema.KindMoney, 1902740000, schema.RoleTarget, "", 2024, "教育支出 预算数"},
		{"186988", schema.KindMoney, 1869880000, schema.RolePrevious, "", 2023, "教育支出 执行数"},
		{"188000", schema.KindMoney, 1880000000, schema.RolePrevious, "", 2023, "教育支出 预算数"},
		{"3286", schema.KindMoney, 32860000, schema.RoleChange, schema.DirUp, 2024, "教育支出 比上年增减 增减额"},
		{"1.76", schema.KindPercent, 1.76, schema.RoleChange, schema.DirUp, 2024, "教育支出 比上年增减 增减"},
		{"8650.5", schema.KindMoney, 86505000, schema.RoleTarget, "", 2024, "学前教育 预算数"},
		{"9120", schema.KindMoney, 91200000, schema.RolePrevious, "", 2023, "学前教育 执行数"},
		{"-469.5", schema.KindMoney, -4695000, schema.RoleChange, schema.DirDown, 2024, "学前教育 比上年增减 增减额"},
		{"-5.15", schema.KindPercent, -5.15, schema.RoleChange, schema.DirDown, 2024, "学前教育 比上年增减 增减"},
		{"412300", schema.KindMoney, 4123000000, schema.RoleTarget, "", 2024, "合计 预算数"},
		{"405100", schema.KindMoney, 4051000000, schema.RolePrevious, "", 2023, "合计 执行数"},
		{"7200", schema.KindMoney, 72000000, schema.RoleChange, schema.DirUp, 2024, "合计 比上年增减 增减额"},
		{"1.78", schema.KindPercent, 1.78, schema.RoleChange, schema.DirUp, 2024, "合计 比上年增减 增减"},
	}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures %s, want %d", len(figs), describe(figs), len(want))
	}
	for i, w := range want {
		f := figs[i]
		if f.Text != w.text || f.Kind != w.kind || f.Normalized != w.norm || f.Role != w.role || f.Direction != w.dir || f.Year != w.year || f.Label != w.label {
			t.Errorf("figure %d = %s %s %v %s %s %d %q, want %+v", i, f.Text, f.Kind, f.Normalized, f.Role, f.Direction, f.Year, f.Label, w)
		}
	}
}

// TestFinalAccountsTable: in a final-accounts table (决算) the 决算数 of the
// report's year is the level, 预算数 of the same year a target.
func TestFinalAccountsTable(t *testing.T) {
	doc := tableDoc("单位：万元", [][]string{
		{"科目编码", "科目名称", "年初预算数", "决算数", "决算数为预算数的%"},
		{"2080201", "行政运行", "1200", "1185.3", "98.78"},
	}, 1, 2)
	doc.Title = "某区民政局2023年部门决算"
	figs := Default().Extract(doc)
	checkSpans(t, doc, figs)
	want := []struct {
		text  string
		kind  schema.Kind
		role  schema.Role
		label string
	}{
		{"1200", schema.KindMoney, schema.RoleTarget, "行政运行 年初预算数"},
		{"1185.3", schema.KindMoney, schema.RoleLevel, "行政运行 决算数"},
		{"98.78", schema.KindPercent, schema.RoleLevel, "行政运行 决算数为预算数的"},
	}
	if len(figs) != len(want) {
		t.Fatalf("got %d figures %s, want %d", len(figs), describe(figs), len(want))
	}
	for i, w := range want {
		f := figs[i]
		if f.Text != w.text || f.Kind != w.kind || f.Role != w.role || f.Label != w.label || f.Year != 2023 {
			t.Errorf("figure %d = %s %s %s %d %q, want %+v", i, f.Text, f.Kind, f.Role, f.Year, f.Label, w)
		}
	}
}
