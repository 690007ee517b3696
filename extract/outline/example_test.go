package outline_test

import (
	"fmt"

	"github.com/govfig/govfig/extract/outline"
)

func ExampleSections() {
	text := "一、做法与成效\n(四)强化教育条件保障\n18.强化财政投入保障。执行城乡义务教育生均公用经费基准定额标准统一。\n"
	for _, s := range outline.Sections(text) {
		fmt.Println(s.Level, s.Path)
	}
	// Output:
	// 1 一、做法与成效
	// 2 一、做法与成效 > (四)强化教育条件保障
	// 3 一、做法与成效 > (四)强化教育条件保障 > 18.强化财政投入保障
}
