package figures

import (
	"math"

	"github.com/govfig/govfig/extract/number"
	"github.com/govfig/govfig/schema"
)

// percentUnits: shares, rates and growth. Base unit %.
var percentUnits = []unitRule{
	{unit: "%", kind: schema.KindPercent, base: "%", factor: 1, example: "学前三年毛入园率96.34%"},
	{unit: "％", kind: schema.KindPercent, base: "%", factor: 1, example: "覆盖率８０．８７％"},
	{unit: "个百分点", kind: schema.KindPercent, base: "%", factor: 1, example: "比上年提高1个百分点"},
	{unit: "百分点", kind: schema.KindPercent, base: "%", factor: 1, example: "下降0.5百分点"},
	{unit: "個百分點", kind: schema.KindPercent, base: "%", factor: 1, example: "六個百分點 (traditional)"},
	{unit: "百分點", kind: schema.KindPercent, base: "%", factor: 1, example: "下降0.5百分點 (traditional)"},
	{unit: "‰", kind: schema.KindPercent, base: "%", factor: 0.1, example: "出生率8.5‰"},
}

// unitFraction is the unit of a fraction written as a share: 占三分之一 →
// 33.33%. Percentages written with words (百分之三十五, 千分之五, 万分之三)
// take their words up to 之 as unit (perUnit).
const unitFraction = "分之"

// Shares of ten: 七成 = 70%, 7.2成 = 72%, 三成半 = 35%, 七成六 = 76%; a
// discount 五折 = 50%, 9.9折 = 99%, 75折 = 75%. 成 and 折 are verbs and
// parts of words just as often, hence the words that may not follow.
var (
	shareNotAfterCheng = []rune("员立为果绩效本都型熟交长功就色分品年人家才全批套")
	shareNotAfterZhe   = []rune("合算旧腾叠线射返扣服磨")
)

// shareWords are shares written without a numeral.
var shareWords = []struct {
	word  string
	value float64
	after string // required word before it
}{
	{"对折", 50, "打"}, {"對折", 50, "打"}, {"半折", 50, ""}, {"半成", 5, ""},
}

// shareAt reads a share of ten after numeral m at rs[p:]: the unit as
// written, the end of the figure and its value in percent.
func shareAt(rs []rune, p int, m number.Match) (string, int, float64, bool) {
	if p >= len(rs) || m.Value <= 0 || m.Value >= 100 {
		return "", 0, 0, false
	}
	v := m.Value
	switch rs[p] {
	case '成':
		if p+1 < len(rs) && containsRune(shareNotAfterCheng, rs[p+1]) || v > 10 {
			return "", 0, 0, false
		}
		end := p + 1
		pct := v * 10
		// 三成半, 七成六
		if end < len(rs) && rs[end] == '半' {
			return "成", end + 1, pct + 5, true
		}
		k := end
		for k < len(rs) && rs[k] == ' ' {
			k++
		}
		if k < len(rs) && v == math.Trunc(v) {
			if d, ok := number.MatchAt(rs, k); ok && d.End-d.Start == 1 && d.Value < 10 && d.Value == math.Trunc(d.Value) {
				return "成", d.End, pct + d.Value, true
			}
		}
		return "成", end, pct, true
	case '折':
		if p+1 < len(rs) && containsRune(shareNotAfterZhe, rs[p+1]) || v == 10 {
			return "", 0, 0, false
		}
		if v < 10 {
			return "折", p + 1, v * 10, true
		}
		return "折", p + 1, v, true
	}
	return "", 0, 0, false
}

func containsRune(rs []rune, r rune) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

// perUnit is the unit of a 百分之/千分之/万分之 figure: its words before 之.
func perUnit(rs []rune, m number.Match) string {
	var b []rune
	for _, r := range rs[m.Start:m.End] {
		if r == ' ' || r == '\u3000' {
			continue
		}
		b = append(b, r)
		if r == '之' {
			break
		}
	}
	return string(b)
}
