package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestRoleRules(t *testing.T) {
	h, s, m, p, ix := schema.KindHeadcount, schema.KindSchools, schema.KindMoney, schema.KindPercent, schema.KindIndex
	runCases(t, []rc{
		{"比上年增加⟦0.6万人⟧。", h, 6000, "role=change"},
		{"城乡低保标准由每人每月⟦1,010元⟧提高到1,070元。", m, 1010, "role=previous label=城乡低保标准"},
		{"城乡低保标准由每人每月1,010元提高到⟦1,070元⟧。", m, 1070, "role=level label=城乡低保标准"},
		{"基本公共卫生服务经费人均财政补助标准提高到⟦89元⟧。", m, 89, "role=level"},
		{"计划三年内撤并整合小规模学校⟦20所⟧。其中:2024年撤并学校3所。", s, 20, "role=target label=撤并整合小规模学校 year=2023"},
		{"计划三年内撤并整合小规模学校20所。其中:2024年撤并学校⟦3所⟧。", s, 3, "role=target year=2024"},
		{"拟计划三年内新建⟦23所⟧初中校学生食堂。", s, 23, "role=target"},
		{"2024年一般公共预算支出安排⟦131.5亿元⟧。", m, 1.315e10, "role=target year=2024"},
		{"年初安排预备费⟦1.8亿元⟧，实际动用1.12亿元。", m, 1.8e8, "role=target label=预备费"},
		{"年初安排预备费1.8亿元，实际动用⟦1.12亿元⟧。", m, 1.12e8, "role=level label=实际动用"},
		{"2023年一般公共预算教育经费支出预算安排⟦190274万元⟧。", m, 1902740000, "role=level"},
		{"全年计划总投资1亿元以上的在建项目⟦87个⟧。", schema.KindCount, 87, "role=level"},
		// A bound right before what it selects, counted next, is a threshold.
		{"年营业收入⟦10亿元以上⟧企业9家。", schema.KindMoney, 1e9, "role=threshold q=ge"},
		{"年营业收入10亿元以上企业⟦9家⟧。", schema.KindCount, 9, "role=level"},
		{"完成改造500户,为全年计划的⟦100%⟧。", p, 100, "role=level"},
		{"达到了⟦小于或等于0.50⟧的优质均衡标准。", "", 0, ""}, // no index before it: no figure
		{"小学资源配置差异指数为0.498,达到了⟦小于或等于0.50⟧的优质均衡标准。", ix, 0.5, "role=threshold"},
		{"新引进注册资本⟦超过1亿元⟧的项目15个以上。", m, 1e8, "role=threshold q=gt"},
		{"小学班额⟦不超过45人⟧，初中班额不超过50人。", h, 45, "role=threshold label=小学班额"},
		{"个人所得税、城市维护建设税分别完成3.62亿元、4.05亿元，分别增长5%、⟦8%⟧。", p, 8, "role=change label=城市维护建设税"},
		{"2024年按照标准,按⟦100人⟧的标准核定公用经费。", h, 100, "role=threshold"},
		{"全年粮食总产量38.9万吨，比上年减产⟦1.2%⟧。", p, 1.2, "role=change label=粮食总产量"},
		{"全区中小学平均班额为42.6人，生师比为⟦15.2:1⟧。", ix, 15.2, "role=level"},
		{"各学校按照小学生师比⟦19:1⟧、初中生师比13.5:1的标准配备教师。", ix, 19, "role=threshold"},
		// A ratio stated as a fact is a level, also in a sentence that names a norm
		// word; it is a threshold only against a standard or requirement.
		{"义务教育阶段生师比为⟦13.8:1⟧。", ix, 13.8, "role=level label=义务教育阶段生师比"},
		{"义务教育阶段生师比为⟦13.8∶1⟧。", ix, 13.8, "role=level"},
		{"小学生均校舍面积8.2平方米，义务教育阶段生师比为⟦13.8:1⟧。", ix, 13.8, "role=level"},
		{"全区生师比为⟦13.8:1⟧的学校有12所。", ix, 13.8, "role=level"}, // describes the schools, sets no norm
		{"小学生师比达到⟦19:1⟧的配备要求。", ix, 19, "role=threshold"},
		{"全区公交站点⟦500米⟧覆盖率为98.6%。", schema.KindMeasure, 500, "role=threshold label=公交站点"},
		// A programme named …计划 is no target cue.
		{"全县农村义务教育学生营养改善计划惠及学生⟦3.6万名⟧，补助标准为每生每天5元。", h, 36000, "role=level"},
		{"全县农村义务教育学生营养改善计划惠及学生3.6万名，补助标准为每生每天⟦5元⟧。", m, 5, "role=level label=补助标准"},
		// A counted bound names its group by the noun after it.
		{"全县小学大班额比例下降到2.1%，无⟦56人以上⟧超大班额。", h, 56, "role=threshold q=ge label=超大班额"},
		// More or less than a base is a change; its label is the level's.
		{"全年开展文化惠民演出的场次为210场，比上年多⟦30场⟧。", schema.KindCount, 30, "role=change label=文化惠民演出的场次"},
		{"全区注册护士1730人，医护比为⟦1:1.14⟧。", ix, 1, "role=level label=医护比"},
		// 每个 sets a norm for each unit: a bound there is a threshold.
		{"新建村卫生室23个，每个村卫生室业务用房面积⟦不少于60平方米⟧。", schema.KindMeasure, 60, "role=threshold q=ge"},
		// A share of a total is a level; a target cue in another clause does not reach it.
		{"为确保重大项目建设提速，重点项目完成投资86.5亿元，占全部投资的⟦89.4%⟧。", p, 89.4, "role=level"},
		{"2022年，为确保重大项目建设提速，重点项目完成投资⟦86.5亿元⟧。", m, 8.65e9, "role=level year=2022"},
		{"力争重点项目投资占全部投资的⟦90%⟧。", p, 90, "role=target"},
		// 余/多 state an estimate, no bound.
		{"按照省定标准，全区新增规模以上工业企业⟦50余家⟧。", schema.KindCount, 50, "role=level q=gt"},
		// 将 before a change: the base is previous, the new level a target.
		{"城市生活污水集中收集率将由⟦88%⟧提高到95%。", p, 88, "role=previous"},
		{"城市生活污水集中收集率将由88%提高到⟦95%⟧。", p, 95, "role=target label=城市生活污水集中收集率"},
		{"空气质量优良天数比例将达到⟦82%⟧。", p, 82, "role=target label=空气质量优良天数比例"},
	})
}

// TestRolePlanDocument checks roles in a document whose title names a plan:
// figures for its year are targets unless they count what exists.
func TestRolePlanDocument(t *testing.T) {
	cases := []struct {
		text, fig string
		role      schema.Role
	}{
		// 全区 names the area a plan covers, not what exists (generalized from
		// plans whose sentences all start with 全区).
		{"全区每千常住人口执业（助理）医师数达到3.5人。", "3.5人", schema.RoleTarget},
		{"全区基层医疗卫生机构诊疗量占比不低于65%。", "不低于65%", schema.RoleTarget},
		{"全区现有公立医院5所。", "5所", schema.RoleLevel},
		{"全区共有社区卫生服务站42个。", "42个", schema.RoleLevel},
	}
	ex := Default()
	for _, c := range cases {
		doc := &schema.Document{Title: "某区2024年卫生健康工作要点", Text: c.text}
		found := false
		for _, f := range ex.Extract(doc) {
			if f.Text == c.fig {
				found = true
				if f.Role != c.role {
					t.Errorf("%s: %s role = %s, want %s", c.text, c.fig, f.Role, c.role)
				}
			}
		}
		if !found {
			t.Errorf("%s: no figure %q", c.text, c.fig)
		}
	}
}

// TestRolePlanSection: a work report's section that plans the coming year as
// a whole (二、2023年工作安排) makes its figures targets, as a plan document
// does; the review section's figures and what exists stay levels, and a
// planned growth stays a change.
func TestRolePlanSection(t *testing.T) {
	text := "一、2022年工作回顾\n全年新增城镇就业5200人，完成固定资产投资165亿元。\n" +
		"二、2023年工作安排\n全年完成固定资产投资170亿元，新增城镇就业5500人，地区生产总值增长6%左右。全区现有养老机构26家。\n"
	want := map[string]schema.Role{"5200人": schema.RoleLevel, "165亿元": schema.RoleLevel, "170亿元": schema.RoleTarget,
		"5500人": schema.RoleTarget, "6%左右": schema.RoleChange, "26家": schema.RoleLevel}
	doc := &schema.Document{Title: "鹤岭区政府工作报告", Published: "2023-01-10T00:00:00+08:00", Text: text}
	got := map[string]schema.Role{}
	for _, f := range Default().Extract(doc) {
		got[f.Text] = f.Role
	}
	for fig, role := range want {
		if got[fig] != role {
			t.Errorf("%s: role %q, want %s (all: %v)", fig, got[fig], role, got)
		}
	}
}
