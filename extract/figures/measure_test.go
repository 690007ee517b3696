package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestMeasureAndIndexRules(t *testing.T) {
	ms, ix := schema.KindMeasure, schema.KindIndex
	runCases(t, []rc{
		{"新建高标准农田⟦1.2万亩⟧。", ms, 12000, "unit=万亩 base=亩"},
		{"农村公路提升改造⟦38.6公里⟧。", ms, 38600, "unit=公里 base=米 role=level"},
		{"涉及建筑面积⟦86.3万平方米⟧。", ms, 863000, "base=平方米 label=建筑面积"},
		{"粮食总产量⟦12.5万吨⟧。", ms, 125000, "base=吨"},
		{"辖区面积⟦593平方公里⟧。", ms, 593, "base=平方公里"},
		{"全区初中资源配置校际差异指数为⟦0.263⟧,达到了小于或等于0.45的优质均衡标准。", ix, 0.263, "label=初中资源配置校际差异指数"},
		{"全区初中资源配置校际差异指数为0.263,达到了⟦小于或等于0.45⟧的优质均衡标准。", ix, 0.45,
			"q=le role=threshold label=初中资源配置校际差异指数"},
		{"小学生师比为⟦13.5:1⟧。", ix, 13.5, "label=小学生师比"},
		{"城乡居民收入比为1.88，比上年缩小⟦0.04⟧。", ix, 0.04, "role=change label=城乡居民收入比"},
		{"小学和初中校际差异系数分别为⟦0.4175⟧和0.3986。", ix, 0.4175, "label=小学校际差异系数"},
		{"小学和初中校际差异系数分别为0.4175和⟦0.3986⟧。", ix, 0.3986, "label=初中校际差异系数"},
		// negatives: times and dates are no ratios
		{"更新时间:2024/08/29 ⟦16:16⟧:38", "", 0, ""},
		{"推进预算管理一体化系统⟦2.0⟧版上线运行。", "", 0, ""},
	})
}
