package extract

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestColumnNumberRow: a final-accounts table numbers its columns in a 栏次
// row (栏次 | 1 | 2 | 3) between the header and the data: those numbers are
// no figures and no part of a label.
func TestColumnNumberRow(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"西青区2023年部门决算支出表"},
		{"单位：万元"},
		{"项目", "", "基本支出", "项目支出", "合计"},
		{"栏次", "", 1, 2, 3},
		{"2050201", "学前教育", 8600, 1450, 10050},
	}
	for i, r := range rows {
		for j, v := range r {
			f.SetCellValue("Sheet1", fmt.Sprintf("%c%d", 'A'+j, i+1), v)
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	doc, err := Read("final.xlsx", b.Bytes(), "")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, fg := range doc.Figures {
		got = append(got, fmt.Sprintf("%s %s %s", fg.Text, fg.Kind, fg.Label))
	}
	want := []string{"8600 money 学前教育 基本支出", "1450 money 学前教育 项目支出", "10050 money 学前教育 合计"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("figures %q, want %q\ntext:\n%s", got, want, doc.Text)
	}
}
