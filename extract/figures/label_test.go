package figures

import (
	"testing"

	"github.com/govfig/govfig/schema"
)

func TestLabelRules(t *testing.T) {
	h, s, c, p, m := schema.KindHeadcount, schema.KindSchools, schema.KindCount, schema.KindPercent, schema.KindMoney
	runCases(t, []rc{
		{"严格程序发展党员⟦38名⟧。", h, 38, "label=严格程序发展党员 subject=党员"},
		{"2023年以来共招聘教师⟦618名⟧。", h, 618, "label=教师"},
		{"调整科级干部⟦112人⟧。", h, 112, "label=调整科级干部"},
		{"规范组织⟦27个⟧届满党组织完成换届选举。", c, 27, "label=届满党组织 subject=届满党组织"},
		{"与天津中医药大学等⟦4所⟧高校签订共建协议。", s, 4, "label=高校"},
		{"区委区政府确定的⟦20项⟧民心工程全面完成。", c, 20, "label=民心工程"},
		{"累计备案⟦6333本⟧。", c, 6333, "label=累计备案"},
		{"区级领导深入学校讲思政课、参加主题活动等,共计⟦38节次⟧。", c, 38, "label=参加主题活动"},
		{"全区⟦114所⟧中心小学及教学分校中,学生数100人以下20所。", s, 114, "subject=中心小学及教学分校"},
		{"学生数100人以下⟦20所⟧(含11所教学分校)。", s, 20, "label=学生数100人以下"},
		{"充分发挥11个教育集团⟦16个⟧办学联盟的作用。", c, 16, "label=办学联盟"},
		{"教育系统灾后恢复重建项目涉及⟦约110所⟧学校及幼儿园。", s, 110, "label=教育系统灾后恢复重建项目 subject=学校及幼儿园"},
		{"其中：税收收入完成64.15亿元，增长8.2%，占一般公共预算收入的比重为⟦74.2%⟧，比上年提高1个百分点；", p, 74.2,
			"label=占一般公共预算收入的比重"},
		{"其中：税收收入完成64.15亿元，增长8.2%，占一般公共预算收入的比重为74.2%，比上年提高⟦1个百分点⟧；", p, 1,
			"label=占一般公共预算收入的比重"},
		{"其中：税收收入完成64.15亿元，增长⟦8.2%⟧，占一般公共预算收入的比重为74.2%；", p, 8.2, "label=税收收入"},
		{"一般债务余额和专项债务余额分别为96.8亿元和⟦245.7亿元⟧。", m, 2.457e10, "label=专项债务余额"},
		{"三次产业增加值占地区生产总值的比重分别为11.5%、⟦37.0%⟧和51.5%。", p, 37, "label=三次产业增加值占地区生产总值的比重"},
		{"2.城区实验小学、第二小学、钰华小学2024年分别计划招生360、⟦315⟧、405名。", h, 315, "label=第二小学 unit=名"},
		{"全区城乡低保对象3,215户⟦5,862人⟧,全年累计发放低保金4,386.5万元。", h, 5862, "label=城乡低保对象"},
		{"发放2023年义务教育教师考评绩效奖励人均⟦9495元⟧。", m, 9495, "label=义务教育教师考评绩效奖励人均"},
		{"全区完成教育投入12.34亿元，同比增长⟦5.2%⟧。", p, 5.2, "role=change label=教育投入"},
		{"全区共有各级各类学校⟦156所⟧。", s, 156, "label=各级各类学校"},
		{"培养⟦10名⟧教育家型校长、100名骨干教师。", h, 10, "label=教育家型校长"},
		{"参加市级比赛获得⟦七个⟧一等奖。", c, 7, "label=一等奖"},
		{"内容包括10C级校舍加固、⟦16所⟧学校操场提升改造和部分学校校舍外檐。", s, 16, "label=学校操场提升改造"},
		{"组织全员培训⟦不少于72学时⟧。", c, 72, "label=全员培训 q=ge"},
		// A group of bodies names nothing; the counted noun after the number does.
		{"聘请公、检、法、司、消防等部门⟦330余名⟧干部担任各学校兼职法治副校长。", h, 330, "label=干部 subject=干部 q=gt"},
		{"联合卫健、市场监管等单位⟦12个⟧检查组开展食品安全检查。", c, 12, "label=检查组"},
		// Existence verbs and their topic peel off.
		{"全区现有幼儿园⟦87所⟧。", s, 87, "label=幼儿园"},
		{"全区共有学生⟦约6.8万人⟧。", h, 68000, "label=学生 q=approx"},
		{"全校有学生⟦2300人⟧。", h, 2300, "label=学生"},
		{"中心卫生院现有床位⟦120张⟧。", c, 120, "label=床位"},
		{"新建共有产权房⟦500套⟧。", c, 500, "label=共有产权房"},
		{"全县公共有线电视用户⟦3.2万户⟧。", c, 32000, "label=公共有线电视用户"},
		// Verbs that hold a level peel off the end.
		{"农村生活垃圾无害化处理率保持⟦100%⟧。", p, 100, "label=农村生活垃圾无害化处理率"},
		{"确保农村集中供水率稳定在⟦98%以上⟧。", p, 98, "label=农村集中供水率 role=target q=ge"},
		{"农村自来水普及率维持在⟦99.5%⟧。", p, 99.5, "label=农村自来水普及率"},
		{"全区65岁以上老年人健康管理率提升至⟦72.3%⟧。", p, 72.3, "label=65岁以上老年人健康管理率"},
		{"城市公交车辆更新为新能源车的比例占⟦85%⟧。", p, 85, "label=城市公交车辆更新为新能源车的比例"},
		// A rate's base written after the verb is no part of the name.
		{"城乡居民最低生活保障标准分别为每人每月⟦1150元⟧和980元。", m, 1150, "label=城乡居民最低生活保障标准"},
		{"农村低保标准提高到每人每年⟦6,120元⟧。", m, 6120, "label=农村低保标准"},
		// Target cues peel off the start, except before a bare verb or a noun.
		{"计划新建村级综合文化服务中心⟦24个⟧。", c, 24, "label=村级综合文化服务中心 role=target"},
		{"计划将城乡低保标准提高到每人每月⟦1,130元左右⟧。", m, 1130, "label=城乡低保标准 role=target"},
		{"2024年计划招生⟦6,850名⟧。", h, 6850, "label=计划招生 role=target"},
		{"完成改造500户,为全年计划的⟦100%⟧。", p, 100, "label=计划"},
		// A shared tail of a 和 list starts where the first item's length ends.
		{"困难残疾人生活补贴和重度残疾人护理补贴发放人数分别为⟦4210人⟧、3865人。", h, 4210, "label=困难残疾人生活补贴发放人数"},
		{"困难残疾人生活补贴和重度残疾人护理补贴发放人数分别为4210人、⟦3865人⟧。", h, 3865, "label=重度残疾人护理补贴发放人数"},
		// The first item shares the tail only when it names no measure itself.
		{"全县耕地保有量、永久基本农田保护面积分别为⟦68.2万亩⟧、59.7万亩。", schema.KindMeasure, 682000, "label=耕地保有量"},
		{"全县小学、初中学校数分别为⟦42所⟧和15所。", s, 42, "label=小学学校数"},
		// A leading verb that starts a longer word stays (规范化, 有序).
		{"建档率达到91.2%，规范化电子健康档案覆盖率为⟦68.5%⟧。", p, 68.5, "label=规范化电子健康档案覆盖率"},
		{"全县有序推进的重点项目有⟦32个⟧。", c, 32, "label=有序推进的重点项目"},
		// A noun that ends in a label verb keeps it (社会组织, not 组织 peeled).
		{"全区登记在册的社会组织⟦286家⟧，其中社会团体112家。", c, 286, "label=登记在册的社会组织"},
		// A modal verb or a bound parted from its number by a rate base peels off.
		{"全区村级综合服务设施覆盖率要达到⟦100%⟧的要求。", p, 100, "label=村级综合服务设施覆盖率 role=threshold"},
		{"全区养老服务设施建筑面积不低于每百户⟦20平方米⟧的标准。", schema.KindMeasure, 20, "label=养老服务设施建筑面积 role=threshold"},
		// A gap to a benchmark takes the level's label.
		{"全区农作物耕种收综合机械化率为86.2%，比全省平均水平高⟦3.5个百分点⟧。", p, 3.5, "label=农作物耕种收综合机械化率 role=change"},
		// A bound inside an indicator's name belongs to the name.
		{"全区公交站点500米覆盖率为⟦98.6%⟧，较上年提高2.1个百分点。", p, 98.6, "label=公交站点500米覆盖率"},
		{"全区公交站点500米覆盖率为98.6%，较上年提高⟦2.1个百分点⟧。", p, 2.1, "label=公交站点500米覆盖率 role=change"},
		// A breakdown mark is no part of the verb phrase that names a part.
		{"全县建成高标准农田5.2万亩，其中新建⟦3.8万亩⟧、改造提升1.4万亩。", schema.KindMeasure, 38000, "label=新建"},
		// Change words after an upgrade verb make a project verb, not a change.
		{"全县建成高标准农田5.2万亩，其中新建3.8万亩、改造提升⟦1.4万亩⟧。", schema.KindMeasure, 14000, "label=改造提升 role=level"},
		{"全年落实耕地地力保护补贴资金⟦1.26亿元⟧。", m, 1.26e8, "label=耕地地力保护补贴资金"},
		{"全县婴儿死亡率降至⟦2.8‰⟧。", p, 0.28, "label=婴儿死亡率 role=level"},
		{"2024年，全县计划完成造林绿化面积⟦1.5万亩⟧。", schema.KindMeasure, 15000, "label=造林绿化面积 role=target year=2024"},
		{"2024年，全县计划完成造林绿化面积1.5万亩，森林覆盖率提高到⟦26.5%⟧。", p, 26.5, "label=森林覆盖率 role=target"},
		// 年度 and 上年度 are words, not a year to cut at.
		{"全区城镇新增就业人数为6820人，完成年度目标任务的⟦113.7%⟧。", p, 113.7, "label=年度目标任务"},
		{"分散供养标准不低于当地上年度农村居民人均消费支出的⟦60%⟧。", p, 60, "label=农村居民人均消费支出"},
		// A list mark left at the start after a verb peels off.
		{"全区新建和改扩建村卫生室⟦23个⟧。", c, 23, "label=村卫生室"},
		// 均 of all items peels; 人均 stays (see 绩效奖励人均 above).
		{"全区乡镇文化站、村综合文化服务中心实现全覆盖，覆盖率均为⟦100%⟧。", p, 100, "label=覆盖率"},
		// Changes of a 分别 group pair one to one with the levels before it.
		{"全年发生道路交通事故186起，死亡21人，分别下降⟦12.3%⟧和8.7%。", p, 12.3, "label=道路交通事故 role=change"},
		{"全年办理结婚登记⟦2360对⟧、离婚登记860对。", c, 2360, "label=结婚登记"},
		{"全年发生道路交通事故186起，死亡21人，分别下降12.3%和⟦8.7%⟧。", p, 8.7, "label=死亡 role=change"},
		{"全县公路总里程达3260公里，公路密度为每百平方公里⟦128公里⟧。", schema.KindMeasure, 128000, "label=公路密度"},
		// A clause that only names the benchmark of a gap gives the level's label.
		{"脱贫人口人均纯收入为15620元，比上年增长12.6%，高于全县农村居民收入增速⟦3.2个百分点⟧。", p, 3.2, "label=脱贫人口人均纯收入 role=change"},
		// A shared tail after 的 drops the 的 for the first item; 班额 names a measure.
		{"全区小学和初中的平均班额分别为⟦41.2人⟧、44.6人。", h, 41.2, "label=小学平均班额"},
		// A list of means before what they achieve is no part of the label.
		{"全区通过招聘、交流等方式补充教师⟦186名⟧。", h, 186, "label=补充教师"},
		// Quote marks closed within the label stay.
		{"全县“三保”支出预算安排⟦42.3亿元⟧。", m, 4.23e9, "label=“三保”支出预算"},
		{"全县政府债务余额为86.2亿元，控制在省核定的债务限额⟦98.5亿元以内⟧。", m, 9.85e9, "label=省核定的债务限额 role=threshold"},
		// A level reached by a change takes the change's label.
		{"2024年全县一般公共预算收入预期增长5%，达到⟦38.6亿元⟧。", m, 3.86e9, "label=一般公共预算收入"},
		{"2024年全县一般公共预算收入预期增长⟦5%⟧，达到38.6亿元。", p, 5, "label=一般公共预算收入 role=change"},
		// A group of N bodies, then what they did: the deed names the count after it.
		{"联合教育、卫健等5个部门开展校园食品安全检查⟦120次⟧。", c, 120, "label=校园食品安全检查"},
		// A chained count whose predecessor is labelled only by its noun keeps its own.
		{"会同公安、交通等8个单位⟦600余名⟧执法人员开展联合执法。", h, 600, "label=执法人员 q=gt"},
		// Adverbs of duration peel off the end.
		{"全区空气质量优良天数比例始终保持在⟦85%以上⟧。", p, 85, "label=空气质量优良天数比例"},
		{"全区城镇登记失业率继续保持在⟦3%以内⟧。", p, 3, "label=城镇登记失业率"},
		// A bracketed note left at the head of a cut label goes with its head.
		{"全县行政村（社区）综合性文化服务中心覆盖率达到⟦100%⟧。", p, 100, "label=综合性文化服务中心覆盖率"},
		// No cut inside a word: 公共 is no 公 + 共, 设计 no 设 + 计.
		{"全区⟦305项⟧公共服务事项全部实现网上可办。", c, 305, "label=公共服务事项 subject=公共服务事项"},
		{"2023年，全区精心设计⟦12条⟧城市绿道。", c, 12, "label=城市绿道"},
		// Verbs, 将 and comparison phrases are no part of the name.
		{"全年办件量突破⟦50万件⟧。", c, 500000, "label=办件量"},
		{"全区供热面积达到1860万平方米，较上一供暖季增加⟦120万平方米⟧。", schema.KindMeasure, 1.2e6, "label=供热面积 role=change"},
		{"全区供热面积⟦1860万平方米⟧，较上一供暖季的1740万平方米有所增加。", schema.KindMeasure, 1.86e7, "label=供热面积"},
		{"全区供热面积1860万平方米，较上一供暖季的⟦1740万平方米⟧有所增加。", schema.KindMeasure, 1.74e7, "role=previous label=供热面积"},
		{"全区空气质量达标率将达到⟦95%⟧。", p, 95, "label=空气质量达标率 role=target"},
		{"护理补贴按照每人每月⟦200元⟧发放。", m, 200, "label=护理补贴"},
		// A name written after the number, quoted.
		{"推出⟦60项⟧“掌上办”事项。", c, 60, "label=“掌上办”事项"},
		// A town names no indicator.
		{"受理量居前两位的是临湖镇⟦2.3万件⟧、白塔镇1.8万件。", c, 23000, "label=受理量居前两位"},
		{"受理量居前两位的是临湖镇2.3万件、白塔镇⟦1.8万件⟧。", c, 18000, "label=受理量居前两位"},
		{"全区累计建成国家卫生镇⟦两个⟧。", c, 2, "label=国家卫生镇"},
		// A duration brought down: base and new level share the name.
		{"工程建设项目审批时间由原来的平均17个月压缩至⟦3个月⟧。", c, 3, "label=工程建设项目审批时间 role=level"},
		{"工程建设项目审批时间由原来的平均⟦17个月⟧压缩至3个月。", c, 17, "label=工程建设项目审批时间 role=previous"},
		// Grade then classes: the people of the classes share the grade.
		{"招收一年级8个班、⟦360人⟧，七年级6个班、300人。", h, 360, "label=招收一年级"},
	})
}
