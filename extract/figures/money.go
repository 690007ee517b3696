package figures

import "github.com/govfig/govfig/schema"

// moneyUnits: amounts of money. Base unit 元; magnitudes 千/万/亿/万亿 are part
// of the unit as written (190274万元 → 1902740000 元).
var moneyUnits = []unitRule{
	{unit: "元", kind: schema.KindMoney, base: "元", factor: 1, mags: true,
		notAfter: []string{"旦", "素", "宵", "老", "首"}, example: "比上年的186988万元增加3286万元"},
	{unit: "元人民币", kind: schema.KindMoney, base: "元", factor: 1, mags: true, example: "投资1.2亿元人民币"},
	{unit: "人民币", kind: schema.KindMoney, base: "元", factor: 1, mags: true, example: "4人民币"},
	// Foreign currencies keep their own currency as base unit: govfig holds
	// no exchange rates (实际利用外资1200亿美元 → 1.2e11 美元).
	{unit: "美元", kind: schema.KindMoney, base: "美元", factor: 1, mags: true, example: "实际利用外资1200亿美元"},
	{unit: "美圆", kind: schema.KindMoney, base: "美元", factor: 1, mags: true, example: "300美圆"},
	{unit: "美金", kind: schema.KindMoney, base: "美元", factor: 1, mags: true, example: "5万美金"},
	{unit: "港元", kind: schema.KindMoney, base: "港元", factor: 1, mags: true, example: "每股1.95港元"},
	{unit: "港币", kind: schema.KindMoney, base: "港元", factor: 1, mags: true, example: "100港币"},
	{unit: "欧元", kind: schema.KindMoney, base: "欧元", factor: 1, mags: true, example: "1欧元"},
	{unit: "日元", kind: schema.KindMoney, base: "日元", factor: 1, mags: true, example: "1万亿日元"},
	{unit: "英镑", kind: schema.KindMoney, base: "英镑", factor: 1, mags: true, example: "20英镑"},
	{unit: "新台币", kind: schema.KindMoney, base: "新台币", factor: 1, mags: true, example: "5306亿新台币"},
	{unit: "台币", kind: schema.KindMoney, base: "新台币", factor: 1, mags: true, example: "5306亿台币"},
	{unit: "瑞士法郎", kind: schema.KindMoney, base: "瑞士法郎", factor: 1, mags: true, example: "1.0092瑞士法郎"},
	{unit: "奈拉", kind: schema.KindMoney, base: "奈拉", factor: 1, mags: true, example: "445奈拉"},
	{unit: "韩元", kind: schema.KindMoney, base: "韩元", factor: 1, mags: true, example: "1000韩元"},
}

// currencySigns written before a number: ￥300, $20.
var currencySigns = map[rune]string{'￥': "元", '¥': "元", '$': "美元", '＄': "美元"}
