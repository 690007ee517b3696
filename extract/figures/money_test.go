package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestMoneyRules(t *testing.T) {
	m := schema.KindMoney
	runCases(t, []rc{
		{"2023年一般公共预算教育经费支出预算安排⟦190274万元⟧,比上年的186988万元增加3286万元、增长1.76%。", m, 1902740000,
			"unit=万元 base=元 role=level label=一般公共预算教育经费支出预算 year=2023"},
		{"2023年一般公共预算教育经费支出预算安排190274万元,比上年的⟦186988万元⟧增加3286万元、增长1.76%。", m, 1869880000,
			"role=previous year=2022 label=一般公共预算教育经费支出预算"},
		{"2023年一般公共预算教育经费支出预算安排190274万元,比上年的186988万元增加⟦3286万元⟧、增长1.76%。", m, 32860000,
			"role=change label=一般公共预算教育经费支出预算"},
		{"全区一般公共预算收入完成⟦86.42亿元⟧。", m, 8.642e9, "unit=亿元 label=一般公共预算收入"},
		{"“三公”经费支出⟦1,286万元⟧。", m, 12860000, "value=1286"},
		{"区财政安排专项经费⟦1,250千元⟧。", m, 1250000, "unit=千元"},
		{"带动社会投资⟦60余亿元⟧。", m, 6e9, "q=gt value=60"},
		{"发放考评绩效奖励人均⟦9495元⟧。", m, 9495, ""},
		{"投资⟦1.2亿元⟧建设", m, 1.2e8, ""},
		{"小学每生每年⟦650元⟧、初中每生每年850元。", m, 650, "label=小学每生每年"},
		{"2024年分别安排区级配套资金⟦2800⟧、4200万元用于老年助餐服务和城乡居民医疗保险补助。", m, 28000000,
			"unit=万元 label=老年助餐服务"},
		{"近3年累计投入⟦5亿元⟧。", m, 5e8, "label=投入"},
		// A bare magnitude of money is a figure only with a qualifier before
		// it; 亿元以上项目 names a class of projects (issue 10, class 10).
		{"项目总投资⟦近亿元⟧，带动就业300人。", m, 1e8, "q=approx"},
		{"全年新引进⟦亿元⟧以上项目46个。", "", 0, ""},
		{"新落地⟦千万元⟧以上产业项目12个。", "", 0, ""},
		// negatives
		{"⟦1⟧元旦期间", "", 0, ""},
	})
}

// TestNormalizedIsExact: scaling by a magnitude leaves no binary noise
// (2.3 × 10⁸ computed in float64 is 229999999.99999997).
func TestNormalizedIsExact(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"投入资金约2.3亿元。", 230000000},
		{"服务群众0.7万人次。", 7000},
		{"新建道路3.3公里。", 3300},
		{"出生率为7.3‰。", 0.73},
	} {
		figs := Default().Extract(&schema.Document{Text: c.in})
		if len(figs) != 1 || figs[0].Normalized != c.want {
			t.Errorf("%s: got %+v, want one figure normalized to exactly %v", c.in, figs, c.want)
		}
	}
}
