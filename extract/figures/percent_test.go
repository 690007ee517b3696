package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestPercentRules(t *testing.T) {
	p := schema.KindPercent
	runCases(t, []rc{
		{"学前三年毛入园率⟦96.34%⟧。", p, 96.34, "unit=% base=% role=level label=学前三年毛入园率 year=2023"},
		{"普惠性幼儿园覆盖率⟦８０．８７％⟧。", p, 80.87, "unit=％"},
		{"全年教育经费增长⟦1.76%⟧。", p, 1.76, "role=change"},
		{"比上年提高⟦1个百分点⟧。", p, 1, "unit=个百分点 role=change"},
		{"政府债务率下降⟦3个百分点左右⟧。", p, 3, "q=approx role=change label=政府债务率"},
		{"预算执行偏差率控制在⟦千分之五以内⟧。", p, 0.5, "unit=千分之 value=5 q=le label=预算执行偏差率"},
		{"人口出生率为⟦8.5‰⟧。", p, 0.85, "unit=‰ label=人口出生率"},
		{"约有⟦百分之三十五⟧的学校开设课程。", p, 35, "unit=百分之"},
		{"占规模以上工业企业的⟦三分之一⟧。", p, 100.0 / 3, "unit=分之"},
		{"⟦七成以上⟧的学校实现达标。", p, 70, "unit=成 q=ge"},
		{"非税收入完成22.27亿元，下降3.1%，占比⟦不足26%⟧。", p, 26, "q=lt label=占比"},
		{"学生数100人以下20所,占比⟦17.54%⟧140所公办园中", p, 17.54, "label=占比"},
		{"占应交流人数的⟦28.62%⟧。", p, 28.62, "label=占应交流人数"},
		// 个百分点 written once for a list: the first member's 个 starts it.
		{"基金支付比例分别为82.1%、70.3%，较上年分别提高⟦0.6个⟧、1.2个百分点。", schema.KindPercent, 0.6, "unit=个百分点 role=change"},
		{"分别提高0.6个、⟦1.2个百分点⟧。", schema.KindPercent, 1.2, "unit=个百分点"},
		{"新建⟦3个⟧、改造2个篮球场。", schema.KindCount, 3, "unit=个"},
		// negatives
		{"PM⟦2.5⟧平均浓度下降。", "", 0, ""},
		{"学前⟦三年⟧毛入园率达到90%。", "", 0, ""},
	})
}
