package number_test

import (
	"fmt"

	"github.com/govfig/govfig/extract/number"
)

func ExampleParse() {
	for _, s := range []string{"1,234.5", "一万二千三百", "肆佰陆拾", "3.5万", "两百五", "三分之一"} {
		v, _ := number.Parse(s)
		fmt.Printf("%s = %v\n", s, v)
	}
	// Output:
	// 1,234.5 = 1234.5
	// 一万二千三百 = 12300
	// 肆佰陆拾 = 460
	// 3.5万 = 35000
	// 两百五 = 250
	// 三分之一 = 0.3333333333333333
}

func ExampleScan() {
	for _, m := range number.Scan("比上年的186988万元增加3286万元、增长1.76%，实施十二项提升行动") {
		fmt.Println(m.Start, m.End, m.Text, m.Value)
	}
	// Output:
	// 4 11 186988万 1.86988e+09
	// 14 19 3286万 3.286e+07
	// 23 27 1.76 1.76
	// 31 33 十二 12
}
