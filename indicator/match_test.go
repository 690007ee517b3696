package indicator

import (
	"strings"
	"testing"

	"github.com/govfig/govfig/schema"
)

// TestMapRules: one line per rule class, with labels composed for the test
// (not taken from the gold): the figure's label, kind, base unit and role,
// and the indicator it must map to ("" for none).
func TestMapRules(t *testing.T) {
	const (
		pct   = schema.KindPercent
		money = schema.KindMoney
		head  = schema.KindHeadcount
		sch   = schema.KindSchools
		cnt   = schema.KindCount
		idx   = schema.KindIndex
		meas  = schema.KindMeasure
		level = schema.RoleLevel
		chg   = schema.RoleChange
		tgt   = schema.RoleTarget
		thr   = schema.RoleThreshold
		prev  = schema.RolePrevious
	)
	tests := []struct {
		rule, label string
		kind        schema.Kind
		base        string
		role        schema.Role
		want        string
	}{
		{"canonical name", "学前三年毛入园率", pct, "%", level, "edu.pre.ger3"},
		{"official alias", "学前教育三年毛入园率", pct, "%", level, "edu.pre.ger3"},
		{"short alias", "学前三年入园率", pct, "%", level, "edu.pre.ger3"},
		{"words between", "学前三年适龄儿童毛入园率", pct, "%", level, "edu.pre.ger3"},
		{"must-not word", "幼儿园毛入园覆盖率", pct, "%", level, ""},
		{"师生比 is 生师比", "小学师生比", idx, "", level, "edu.pri.ptr"},
		{"scope words cut", "全区2023年一般公共预算收入", money, "元", level, "fin.rev.general"},
		{"region cut", "天津市河西区地区生产总值", money, "元", level, "stat.gdp"},
		{"region cut (和 starts a link)", "天津市和平区一般公共预算收入", money, "元", level, "fin.rev.general"},
		{"attainment verb cut", "地区生产总值达到", money, "元", level, "stat.gdp"},
		{"change of a level is its growth", "地区生产总值", pct, "%", chg, "stat.gdp_growth"},
		{"growth word in the label", "全区固定资产投资增长", pct, "%", level, "stat.fai_growth"},
		{"growth column of a table", "社会消费品零售总额 比上年增长", pct, "%", chg, "stat.retail_growth"},
		{"absolute change stays the level's", "在园幼儿", head, "人", chg, "edu.pre.children"},
		{"points change of a rate", "城镇登记失业率", pct, "%", chg, "emp.registered_unemployment"},
		{"target stays a target (same code)", "学前三年毛入园率", pct, "%", tgt, "edu.pre.ger3"},
		{"planned growth", "一般公共预算收入", pct, "%", tgt, "fin.rev.general_growth"},
		{"previous of a level", "城乡低保标准", money, "元", prev, "civ.dibao_std"},
		{"no growth indicator", "增值税", pct, "%", chg, ""},
		{"share of spending is no amount", "一般公共预算支出", pct, "%", level, ""},
		{"share redirect", "民生支出", pct, "%", level, "fin.exp.livelihood_share"},
		{"share of tax", "税收收入", pct, "%", level, "fin.rev.tax_share"},
		{"amount is no share", "民生支出占比", money, "元", level, ""},
		{"other 覆盖率", "课后服务覆盖率", pct, "%", level, ""},
		{"other 覆盖率 (network)", "5G网络覆盖率", pct, "%", level, ""},
		{"other 巩固率", "脱贫攻坚成果巩固率", pct, "%", level, ""},
		{"巩固率 of junior school is not nine-year", "初中三年巩固率", pct, "%", level, "edu.cmp.consolidation_junior"},
		{"unit mismatch", "造林绿化面积", cnt, "株", level, ""},
		{"unit alternative", "完成造林绿化面积", meas, "亩", level, "env.afforestation"},
		{"kind mismatch", "小学", head, "人", level, ""},
		{"threshold of a rate maps", "初中生师比", idx, "", thr, "edu.js.ptr"},
		{"threshold of a count does not", "在校生", head, "人", thr, ""},
		{"table label with header", "初中 学校数", sch, "所", level, "edu.sch.junior"},
		{"table total column", "小学 在校生 合计", head, "人", level, "edu.stu.primary"},
		{"table part of a total", "小学 在校生 其中：女生", head, "人", level, ""},
		{"a town is no indicator", "独流镇", cnt, "个", level, ""},
		{"bare share", "占比", pct, "%", level, ""},
		{"quotes do not matter", "三公经费支出", money, "元", level, "fin.exp.three_public"},
		{"empty label", "", money, "元", level, ""},
		{"phrase after 的", "市财政局核定的债务限额", money, "元", thr, "fin.debt.limit"},
		{"phrase after 中 (of which)", "专任教师中区级以上骨干教师", head, "人", level, "edu.tch.backbone"},
		{"of which, another group", "社区工作者中大专以上学历占比", pct, "%", level, ""},
		{"初中 is no of-which", "初中生均体育运动场馆面积", meas, "平方米", thr, "edu.bal.sports_js"},
	}
	c := Default()
	for _, tt := range tests {
		f := schema.Figure{Label: tt.label, Kind: tt.kind, BaseUnit: tt.base, Role: tt.role}
		m := c.Map(&f)
		if m.Code != tt.want {
			t.Errorf("%s: %q %s/%s → %q (%s), want %q", tt.rule, tt.label, tt.kind, tt.role, m.Code, m.Rule, tt.want)
		}
		if again := c.Map(&f); again != m { // the label's answer now comes from the memo
			t.Errorf("%s: %q mapped again → %+v, first %+v", tt.rule, tt.label, again, m)
		}
		if m.Code != "" && (m.Confidence <= 0 || m.Confidence > 1) {
			t.Errorf("%s: confidence %v", tt.rule, m.Confidence)
		}
	}
}

// TestMapLongLabel: a runaway label is refused at once, and one just under
// the bound (scope words repeated) is trimmed in linear work.
func TestMapLongLabel(t *testing.T) {
	c := Default()
	long := schema.Figure{Label: strings.Repeat("全区", 100000) + "地区生产总值", Kind: schema.KindMoney, BaseUnit: "元", Role: schema.RoleLevel}
	if m := c.Map(&long); m.Code != "" {
		t.Errorf("runaway label mapped to %s", m.Code)
	}
	near := schema.Figure{Label: strings.Repeat("全区", 95) + "地区生产总值", Kind: schema.KindMoney, BaseUnit: "元", Role: schema.RoleLevel}
	if m := c.Map(&near); m.Code != "stat.gdp" {
		t.Errorf("label of repeated scope words: %+v", m)
	}
}

func BenchmarkMap(b *testing.B) {
	c := Default()
	figs := []schema.Figure{
		{Label: "全区学前三年毛入园率", Kind: schema.KindPercent, BaseUnit: "%", Role: schema.RoleLevel},
		{Label: "地区生产总值", Kind: schema.KindPercent, BaseUnit: "%", Role: schema.RoleChange},
		{Label: "组织开展各类培训活动", Kind: schema.KindCount, BaseUnit: "场", Role: schema.RoleLevel},
		{Label: "城镇居民人均可支配收入 比上年增长", Kind: schema.KindPercent, BaseUnit: "%", Role: schema.RoleChange},
	}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		c.Map(&figs[i%len(figs)])
	}
}
