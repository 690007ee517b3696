package figures

import (
	"regexp"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// qualRule is a word that says how a written number relates to the true
// value. Before-words stand right before the number, after-words right
// after its unit; both become part of the figure's text.
type qualRule struct {
	word    string
	qual    schema.Qualifier
	example string
}

// qualBefore, longest first.
var qualBefore = []qualRule{
	{"小于或等于", schema.QualLE, "达到了小于或等于0.45的优质均衡标准"},
	{"大于或等于", schema.QualGE, "大于或等于0.9"},
	{"不少于", schema.QualGE, "新增规模以上工业企业不少于30家"},
	{"不低于", schema.QualGE, "比重不低于70%"},
	{"不超过", schema.QualLE, "不超过一般公共预算支出3%的比例"},
	{"不高于", schema.QualLE, "不高于0.5"},
	{"不多于", schema.QualLE, "不多于45人"},
	{"将近", schema.QualApprox, "将近300人"},
	{"大约", schema.QualApprox, "大约5000人"},
	{"超过", schema.QualGT, "在校生超过40个班"},
	{"至少有", schema.QualGE, "确保每个学区至少有一所公办小学"},
	{"至少", schema.QualGE, "至少3所"},
	{"不足", schema.QualLT, "占比不足26%"},
	{"不到", schema.QualLT, "不到10%"},
	{"少于", schema.QualLT, "少于20人"},
	{"低于", schema.QualLT, "低于全国平均水平1.2%"},
	{"高于", schema.QualGT, "高于90%"},
	{"多于", schema.QualGT, "多于30人"},
	{"逾", schema.QualGT, "逾千人"},
	// 超 alone (超300名志愿者, 少跑超5次); not in 赶超, 高超 (超过 comes first).
	{"超", schema.QualGT, "组织超300名维修人员"},
	{"约", schema.QualApprox, "涉及约110所学校及幼儿园"},
	{"近", schema.QualApprox, "近300名教师"},
}

// qualAfter, longest first; 以上 after 超过… is gt, else ge.
var qualAfter = []qualRule{
	{"以上", schema.QualGE, "完成社会职业技能培训5000人次以上"},
	{"以下", schema.QualLE, "学生数100人以下"},
	{"以内", schema.QualLE, "控制在3.5%以内"},
	{"左右", schema.QualApprox, "下降3个百分点左右"},
	{"上下", schema.QualApprox, "3000人上下"},
	{"之内", schema.QualLE, "5%之内"},
}

// qualBeforeByLast and qualAfterByFirst are qualBefore by last rune and
// qualAfter by first rune, each in its table's order: only the words that
// can stand at a place are tried, and the first that does is the same.
var (
	qualBeforeByLast = qualsByRune(qualBefore, true)
	qualAfterByFirst = qualsByRune(qualAfter, false)
)

func qualsByRune(qs []qualRule, last bool) map[rune][]qualRule {
	m := map[rune][]qualRule{}
	for _, q := range qs {
		r, _ := utf8.DecodeRuneInString(q.word)
		if last {
			r, _ = utf8.DecodeLastRuneInString(q.word)
		}
		m[r] = append(m[r], q)
	}
	return m
}

// qualInfix are words between a number and its unit: 330余名, 20多所.
var qualInfix = []qualRule{
	{"余", schema.QualGT, "聘请330余名干部"},
	{"多", schema.QualGT, "20多所"},
}

// bounded reports whether q says the figure is a bound (not exact, not approx).
func bounded(q schema.Qualifier) bool {
	return q == schema.QualGT || q == schema.QualGE || q == schema.QualLT || q == schema.QualLE
}

// rateBaseLeftRe is a rate's base between a qualifier and its number
// (建筑面积不低于每百户20平方米, 不少于每生每年650元): the qualifier bounds the
// number but stays out of its text, which the base would split.
var rateBaseLeftRe = regexp.MustCompile(`(每[百千万]?[人生户亩]口?(每[年月日天])?|每[年月日天])$`)

// qualVerbRe is a bound word parted from its number by a verb
// (每个行政村至少配备1名村级防疫员): the bound holds, outside the text.
var qualVerbRe = regexp.MustCompile(`(至少|最少|不少于|最多|不超过)(配备|配置|配齐|安排|建设|建成|设置|开设|达到|要有|有|保留|举办|开展|组织|培训)$`)

// qualShareRe is a bound word before the base a percentage is a share of
// (按照不超过一般公共预算支出3%的比例): the bound holds for the share.
var qualShareRe = regexp.MustCompile(`(不超过|不低于|不高于|不少于|不多于)[^，,。；;、0-9０-９%]{2,20}的?$`)
