package figures

import "github.com/govfig/govfig/schema"

// percentUnits: shares, rates and growth. Base unit %.
var percentUnits = []unitRule{
	{unit: "%", kind: schema.KindPercent, base: "%", factor: 1, example: "学前三年毛入园率96.34%"},
	{unit: "％", kind: schema.KindPercent, base: "%", factor: 1, example: "覆盖率８０．８７％"},
	{unit: "个百分点", kind: schema.KindPercent, base: "%", factor: 1, example: "比上年提高1个百分点"},
	{unit: "百分点", kind: schema.KindPercent, base: "%", factor: 1, example: "下降0.5百分点"},
	{unit: "‰", kind: schema.KindPercent, base: "%", factor: 0.1, example: "出生率8.5‰"},
}

// Percentages written with words before the number (number.Percent and
// number.Permille forms), and shares written 几成/几折.
const (
	unitPercentWords  = "百分之" // 百分之三十五 → 35%
	unitPermilleWords = "千分之" // 千分之五 → 0.5%
	unitFraction      = "分之"  // 占三分之一 → 33.33%
)

// shareUnits are measure words that turn a small Chinese number into a share:
// 七成 = 70%, 五折 = 50%. They apply only to a numeral of at most ten.
var shareUnits = []unitRule{
	{unit: "成", kind: schema.KindPercent, base: "%", factor: 10, example: "七成以上的学校"},
	{unit: "折", kind: schema.KindPercent, base: "%", factor: 10, example: "门票五折"},
}
