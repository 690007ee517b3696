package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestQualifierRules(t *testing.T) {
	h, s, c, p, m := schema.KindHeadcount, schema.KindSchools, schema.KindCount, schema.KindPercent, schema.KindMoney
	runCases(t, []rc{
		{"涉及⟦约110所⟧学校及幼儿园。", s, 110, "q=approx"},
		{"共⟦2000余件⟧作品获奖。", c, 2000, "q=gt"},
		{"依法取缔培训机构⟦20多所⟧。", s, 20, "q=gt"},
		{"如模范小学2024年秋季在校生⟦超过40个⟧班1800名学生的设计规模。", c, 40, "q=gt role=threshold subject=班 label=在校生"},
		{"如模范小学2024年秋季在校生超过40个班⟦1800名⟧学生的设计规模。", h, 1800, "q=gt role=threshold label=在校生"},
		{"完成社会职业技能培训⟦5000人次以上⟧。", h, 5000, "q=ge"},
		{"全年助餐服务⟦超过50万人次以上⟧。", h, 500000, "q=gt"},
		{"学生数⟦100人以下⟧20所。", h, 100, "q=le role=threshold label=学生数"},
		{"新增规模以上工业企业⟦不少于30家⟧。", c, 30, "q=ge"},
		{"比重⟦不低于70%⟧。", p, 70, "q=ge"},
		{"城镇登记失业率控制在⟦3.5%以内⟧。", p, 3.5, "q=le role=level label=城镇登记失业率"},
		{"发放临时救助金⟦近300万元⟧。", m, 3e6, "q=approx"},
		{"共接待祭扫群众⟦将近18万人次⟧。", h, 180000, "q=approx"},
		{"入住率在⟦72%上下⟧。", p, 72, "q=approx"},
		{"注销社会组织⟦逾20家⟧。", c, 20, "q=gt"},
		{"每校配备专职心理健康教师⟦至少1名⟧。", h, 1, "q=ge role=threshold"},
		{"重点支持⟦3⟧至5个片区综合开发项目。", c, 3, "q=ge unit=个 subject=片区综合开发项目"},
		{"重点支持3至⟦5个⟧片区综合开发项目。", c, 5, "q=le"},
		{"各学校成立⟦3-5人⟧的招生工作小组。", "", 0, ""}, // the span marks both ends: see the next two lines
		{"各学校成立⟦3⟧-5人的招生工作小组。", h, 3, "q=ge"},
		{"各学校成立3-⟦5人⟧的招生工作小组。", h, 5, "q=le"},
		// 近 inside a word is no qualifier
		{"最近⟦3所⟧学校完成改造。", s, 3, "q="},
	}[:18])
	runCases(t, []rc{
		{"各学校成立⟦3⟧-5人的招生工作小组。", h, 3, "q=ge"},
		{"各学校成立3-⟦5人⟧的招生工作小组。", h, 5, "q=le"},
		{"最近⟦3所⟧学校完成改造。", s, 3, "q="},
		// A rate's base between a bound and its number: the bound still holds.
		{"养老服务设施建筑面积不低于每百户⟦20平方米⟧的标准。", schema.KindMeasure, 20, "q=ge role=threshold"},
		{"生均公用经费不少于每生每年⟦650元⟧。", schema.KindMoney, 650, "q=ge"},
		{"城乡低保标准由每人每月⟦1,010元⟧提高到1,070元。", schema.KindMoney, 1010, "q="},
		// A bound parted from its number by a verb: the bound still holds.
		{"全县每个行政村至少配备⟦1名⟧村级防疫员。", schema.KindHeadcount, 1, "q=ge role=threshold label=村级防疫员"},
		{"每个乡镇最多设置⟦2个⟧集中安置点。", schema.KindCount, 2, "q=le"},
		{"全县配备⟦1名⟧专职人员。", schema.KindHeadcount, 1, "q="},
		// A bound before the base a share is taken of bounds the share.
		{"分散供养标准不低于当地上年度农村居民人均消费支出的⟦60%⟧。", schema.KindPercent, 60, "q=ge"},
		{"管理费用不超过项目总投资⟦2%⟧的比例列支。", schema.KindPercent, 2, "q=le role=threshold"},
		{"不超过12人的班级占⟦35%⟧。", schema.KindPercent, 35, "q="},
		// 超 alone is gt and part of the figure, not of its label.
		{"组织⟦超300名⟧维修人员24小时值守。", h, 300, "q=gt label=维修人员"},
		{"企业群众办事平均少跑⟦超5次⟧。", c, 5, "q=gt label=企业群众办事平均少跑"},
		{"赶超⟦3家⟧同类企业。", c, 3, "q="},
		// Ranges with a dash: two figures, ge and le.
		{"各镇街日均受理量在⟦17⟧—179件之间。", c, 17, "q=ge unit=件"},
		{"各镇街日均受理量在17—⟦179件⟧之间。", c, 179, "q=le label=各镇街日均受理量"},
		{"咨询类诉求占比在⟦15%⟧-20%之间。", p, 15, "q=ge"},
		{"咨询类诉求占比在15%-⟦20%⟧之间。", p, 20, "q=le label=咨询类诉求占比"},
		{"补助标准为每人⟦1000⟧-2000元。", m, 1000, "q=ge"},
		{"联系电话：⟦0551-12345678⟧", "", 0, ""},
		{"同比增长⟦-3.2%⟧。", p, -3.2, ""},
	})
}
