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
		// Units that start with a magnitude rune are cut out of the numeral.
		{"河道治理⟦5千米⟧。", ms, 5000, "unit=千米 base=米"},
		{"全社会用电量⟦38.25亿千瓦时⟧。", ms, 3.825e9, "unit=亿千瓦时 base=千瓦时 value=38.25"},
		{"年末农业机械总动力⟦48.6万千瓦⟧。", ms, 486000, "unit=万千瓦 base=千瓦"},
		{"新增光伏装机⟦120兆瓦⟧。", ms, 120000, "unit=兆瓦 base=千瓦"},
		{"粮食播种面积⟦36.8千公顷⟧。", ms, 3.68e8, "unit=千公顷 base=平方米"},
		{"细颗粒物平均浓度为⟦36.4微克/立方米⟧。", ms, 36.4, "unit=微克/立方米"},
		// Chain ratios: one figure per part, never overlapping.
		{"三次产业结构为⟦1.1⟧:50.3:48.6。", ix, 1.1, "label=三次产业结构"},
		{"三次产业结构为1.1:⟦50.3⟧:48.6。", ix, 50.3, "label=三次产业结构"},
		{"三次产业结构比例为1.1:50.3:⟦48.6⟧。", ix, 48.6, "label=三次产业结构比例"},
		{"版本号为⟦1.1:50.3:48.6⟧。", "", 0, ""},
		// Multiples and fractions of a whole.
		{"高新技术企业达到168家，为“十三五”末的⟦4.46倍⟧。", ix, 4.46, "unit=倍 label=高新技术企业"},
		{"省级以上研发机构56家，占全区研发机构总数的⟦1/3⟧。", schema.KindPercent, 100.0 / 3, "unit=分之"},
		{"第⟦1/3⟧页。", "", 0, ""},
		// negatives: times and dates are no ratios
		{"更新时间:2024/08/29 ⟦16:16⟧:38", "", 0, ""},
		{"推进预算管理一体化系统⟦2.0⟧版上线运行。", "", 0, ""},
	})
}
