package figures_test

import (
	"fmt"

	"github.com/govfig/govfig/extract/figures"
	"github.com/govfig/govfig/schema"
)

func ExampleExtractor_Extract() {
	doc := &schema.Document{
		Title: "某区2023年履行教育职责情况自评报告",
		Text:  "2023年一般公共预算教育经费支出预算安排190274万元,比上年的186988万元增加3286万元、增长1.76%。",
	}
	for _, f := range figures.Default().Extract(doc) {
		fmt.Printf("%s %s %v %s %s %d %s\n", f.Text, f.Kind, f.Normalized, f.BaseUnit, f.Role, f.Year, f.Label)
	}
	// Output:
	// 190274万元 money 1.90274e+09 元 level 2023 一般公共预算教育经费支出预算
	// 186988万元 money 1.86988e+09 元 previous 2022 一般公共预算教育经费支出预算
	// 3286万元 money 3.286e+07 元 change 2023 一般公共预算教育经费支出预算
	// 1.76% percent 1.76 % change 2023 一般公共预算教育经费支出预算
}
