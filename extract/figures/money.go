package figures

import "github.com/govfig/govfig/schema"

// moneyUnits: amounts of money. Base unit 元; magnitudes 千/万/亿/万亿 are part
// of the unit as written (190274万元 → 1902740000 元).
var moneyUnits = []unitRule{
	{unit: "元", kind: schema.KindMoney, base: "元", factor: 1, mags: true,
		notAfter: []string{"旦", "素", "宵", "老", "首"}, example: "比上年的186988万元增加3286万元"},
	{unit: "元人民币", kind: schema.KindMoney, base: "元", factor: 1, mags: true, example: "投资1.2亿元人民币"},
}
