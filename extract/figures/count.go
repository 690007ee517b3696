package figures

import "github.com/govfig/govfig/schema"

// headcountUnits: people. Base unit 人, or 人次 for visits.
var headcountUnits = []unitRule{
	{unit: "人次", kind: schema.KindHeadcount, base: "人次", factor: 1, mags: true, example: "年开展各类培训5万人次"},
	{unit: "人", kind: schema.KindHeadcount, base: "人", factor: 1, mags: true,
		notAfter: []string{"民", "均", "员", "才", "大", "口"}, example: "调整科级干部112人"},
	{unit: "名", kind: schema.KindHeadcount, base: "人", factor: 1, mags: true,
		notAfter: []string{"单", "称", "额", "次", "义", "录", "校", "师", "园", "片"}, example: "遴选1637名区级骨干教师"},
	{unit: "位", kind: schema.KindHeadcount, base: "人", factor: 1,
		notAfter: []string{"于", "置", "数"}, example: "3位老教师"},
}

// schoolUnits: institutions counted with 所.
var schoolUnits = []unitRule{
	{unit: "所", kind: schema.KindSchools, base: "所", factor: 1,
		notAfter: []string{"有", "在", "属", "以", "谓", "得", "需"}, example: "组织全区144所中小学"},
}

// countUnits: anything else counted with a measure word; the base unit is
// the measure word itself. Longer words come first in the match order.
var countUnits = []unitRule{
	{unit: "个", kind: schema.KindCount, base: "个", factor: 1, mags: true,
		notAfter: []string{"月", "人", "别", "性", "体", "案"}, example: "规范组织27个届满党组织"},
	{unit: "件", kind: schema.KindCount, base: "件", factor: 1, mags: true, example: "共2000余件作品获奖"},
	{unit: "项", kind: schema.KindCount, base: "项", factor: 1,
		notAfter: []string{"准则", "原则", "规定", "禁令", "基本原则", "目"}, example: "实施十二项提升行动"},
	{unit: "条", kind: schema.KindCount, base: "条", factor: 1, mags: true,
		notAfter: []string{"例", "件", "款"}, example: "涉及线索200条"},
	{unit: "起", kind: schema.KindCount, base: "起", factor: 1,
		notAfter: []string{"来", "草", "点", "步", "始"}, example: "依法行政处罚违规行为5起"},
	{unit: "场次", kind: schema.KindCount, base: "场次", factor: 1, example: "开展近视防控进校园大讲堂32场次"},
	{unit: "场", kind: schema.KindCount, base: "场", factor: 1, notAfter: []string{"所", "地", "馆"}, example: "举办讲座12场"},
	{unit: "节次", kind: schema.KindCount, base: "节次", factor: 1, example: "共计38节次"},
	{unit: "节", kind: schema.KindCount, base: "节", factor: 1, notAfter: []string{"日", "约", "点", "能"}, example: "共服务58所学校123节课"},
	{unit: "本", kind: schema.KindCount, base: "本", factor: 1, mags: true, notAfter: []string{"地", "级", "科", "土", "着"}, example: "累计备案6333本"},
	{unit: "册次", kind: schema.KindCount, base: "册次", factor: 1, mags: true, example: "公共图书馆外借28.6万册次"},
	{unit: "册", kind: schema.KindCount, base: "册", factor: 1, mags: true, example: "图书5万册"},
	{unit: "班", kind: schema.KindCount, base: "班", factor: 1, notAfter: []string{"子", "级", "主任", "额"}, example: "开设3班"},
	{unit: "次", kind: schema.KindCount, base: "次", factor: 1, mags: true,
		notAfter: []string{"会议", "全会", "代表大会", "全体会议", "常委会", "产业", "全国"}, example: "开展督导检查12次"},
	{unit: "个次", kind: schema.KindCount, base: "个次", factor: 1, example: "检查学校食堂86个次"},
	{unit: "家次", kind: schema.KindCount, base: "家次", factor: 1, example: "检查机构168家次"},
	{unit: "户次", kind: schema.KindCount, base: "户次", factor: 1, mags: true, example: "走访困难家庭300户次"},
	{unit: "轮次", kind: schema.KindCount, base: "轮次", factor: 1, example: "开展养老机构安全检查4轮次"},
	{unit: "批次", kind: schema.KindCount, base: "批次", factor: 1, example: "抽检食品120批次"},
	{unit: "架次", kind: schema.KindCount, base: "架次", factor: 1, example: "起降12架次"},
	{unit: "轮", kind: schema.KindCount, base: "轮", factor: 1, notAfter: []string{"岗", "换", "训"}, example: "开展巡查3轮"},
	{unit: "对", kind: schema.KindCount, base: "对", factor: 1, mags: true,
		notAfter: []string{"于", "象", "比", "接", "外", "口", "应", "策", "照", "话", "标", "待", "此", "其", "全", "学", "各"}, example: "全年办理结婚登记3,027对"},
	{unit: "块", kind: schema.KindCount, base: "块", factor: 1, mags: true, notAfter: []string{"钱"}, example: "设置地名标志牌大约1,100块"},
	{unit: "台", kind: schema.KindCount, base: "台", factor: 1, mags: true, example: "更新计算机500台"},
	{unit: "套", kind: schema.KindCount, base: "套", factor: 1, mags: true, example: "课桌椅2000套"},
	{unit: "家", kind: schema.KindCount, base: "家", factor: 1, mags: true, notAfter: []string{"长", "庭", "乡", "属", "园"}, example: "专精特新中小企业47家"},
	{unit: "户", kind: schema.KindCount, base: "户", factor: 1, mags: true, notAfter: []string{"籍", "口"}, example: "惠及居民约1.1万户"},
	{unit: "批", kind: schema.KindCount, base: "批", factor: 1, notAfter: []string{"准", "复"}, example: "分3批实施"},
	{unit: "处", kind: schema.KindCount, base: "处", factor: 1, notAfter: []string{"理", "罚", "分", "置", "长"}, example: "排查隐患12处"},
	{unit: "支", kind: schema.KindCount, base: "支", factor: 1, notAfter: []string{"出", "持", "付", "部"}, example: "组建志愿服务队伍5支"},
	{unit: "门", kind: schema.KindCount, base: "门", factor: 1, notAfter: []string{"窗", "口", "类", "槛", "户"}, example: "开设课程12门"},
	{unit: "间", kind: schema.KindCount, base: "间", factor: 1, example: "改造教室30间"},
	{unit: "张", kind: schema.KindCount, base: "张", factor: 1, mags: true, example: "发放证书300张"},
	{unit: "辆", kind: schema.KindCount, base: "辆", factor: 1, mags: true, example: "校车20辆"},
	{unit: "篇", kind: schema.KindCount, base: "篇", factor: 1, example: "发表论文36篇"},
	{unit: "份", kind: schema.KindCount, base: "份", factor: 1, mags: true, notAfter: []string{"额"}, example: "发放问卷1200份"},
	{unit: "座", kind: schema.KindCount, base: "座", factor: 1, notAfter: []string{"谈"}, example: "新建桥梁3座"},
	{unit: "栋", kind: schema.KindCount, base: "栋", factor: 1, example: "加固校舍10栋"},
	{unit: "种", kind: schema.KindCount, base: "种", factor: 1, notAfter: []string{"植", "子", "类"}, example: "配备图书3种"},
	{unit: "类", kind: schema.KindCount, base: "类", factor: 1, notAfter: []string{"型", "似", "别"}, example: "分为3类"},
	{unit: "例", kind: schema.KindCount, base: "例", factor: 1, mags: true, notAfter: []string{"如"}, example: "确诊病例12例"},
	{unit: "课时", kind: schema.KindCount, base: "课时", factor: 1, mags: true, example: "送教300课时"},
	{unit: "天", kind: schema.KindCount, base: "天", factor: 1,
		notAfter: []string{"津", "然", "气", "空", "下", "地", "使", "真", "台", "猫"}, example: "空气质量优良天数达到268天"},
	{unit: "学时", kind: schema.KindCount, base: "学时", factor: 1, example: "培训72学时"},
}

// rankUnit replaces 位 when the number moves a rank (排名…上升1位).
var rankUnit = unitRule{unit: "位", kind: schema.KindCount, base: "位", factor: 1, example: "排名较2022年上升1位"}

// rankWords before a number make 位 a rank move rather than people.
var rankWords = []string{"排名", "名次", "位次", "排位"}
