package figures

import (
	"regexp"
	"unicode/utf8"
)

// changeWords right before a number make it a change (增长1.76%); followed
// by 至/到 they give the new level instead (提高到89元).
var changeWords = []string{
	"增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "压减", "下滑", "回落", "缩小", "扩大",
	"增幅", "降幅", "减幅", "增速", "净增", "减产", "增产", "减收", "增收", "下跌", "上涨", "回升", "攀升", "缩减",
	"增", "减", "降", "升", "涨",
}

// changeWordsByLast is changeWords by last rune, in their order.
var changeWordsByLast = wordsByRune(changeWords, true)

// changeNear are change verbs that may stand a word away from the number
// (压减预算1,635万元).
var changeNear = []string{"压减", "压缩"}

// previousRe matches the end of the text before a comparison base
// (比上年的186988万元, 较上年同期的…).
var previousRe = regexp.MustCompile(`(比|较|同比)(上年|去年|上一年|前一年|上年同期|同期|上年末|(19|20)\d\d年|(上一?个?|前一?个?)\p{Han}{0,4}(季|期|月|周|度))(的|为|是)?$`)

// The most runes a match of previousRe, fromRe, benchmarkRe and shareOfRe
// spans: each matches at the end of the text, so only that many runes at
// the end are given to it (tailMatch).
const (
	previousMax  = 11 // 同比 + 上一个 + 4 runes + 季 + 的
	fromMax      = 9  // 由 + 8 runes
	benchmarkMax = 15 // 比 + 12 runes + 高出
	shareOfMax   = 26 // 占 + 20 runes + 的 + 比重 + 达到
)

// tailMatch is re.MatchString(s) for an expression whose matches end at the
// end of s and span at most n runes (s valid UTF-8): the expression reads
// the last n runes of s only.
func tailMatch(re *regexp.Regexp, s string, n int) bool {
	return re.MatchString(lastRunes(s, n))
}

// previousEnd reports whether s ends in a rune previousRe can end with: a
// cheap test before the expression.
func previousEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	switch r {
	case '年', '期', '末', '季', '月', '周', '度', '的', '为', '是':
		return true
	}
	return false
}

// fromRe and toAfter mark a base in 由X提高到Y: X is previous, Y the level
// (城乡低保标准由每人每月1,010元提高到1,070元).
var fromRe = regexp.MustCompile(`由[^，,。；;]{0,8}$`)

var toAfter = []string{"压缩至", "压缩到", "缩短至", "缩短到", "减少至", "减少到", "降低至", "降低到", "提升至", "提升到", "上升至", "上升到", "提高到", "提高至", "增加到", "增加至", "增长到", "增至", "下降到", "下降至", "降至", "降到", "调整为", "调整到", "调整至", "上调至", "上调到"}

// comparisonRe cuts the comparison phrase out of a label window
// (比上年, 较2022年, 比2023年执行数).
// 较上一供暖季, 比上季度, 环比上月: a previous period of any length.
var comparisonRe = regexp.MustCompile(`((比|较|同比|与)(上年|去年|上一年|上年同期|同期|上年末|(19|20)\d\d年)|(比|较|同比|环比)(上一?个?|去|前一?个?)\p{Han}{0,4}(年|季|期|月|周|度))[^，,。；;]*$`)

// comparisonCue reports whether s holds 比, 较 or 与 right before 上, 去, 同,
// 前, 1 or 2, as every match of comparisonRe does: a cheap test before the
// expression.
func comparisonCue(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if r == '比' || r == '较' || r == '与' {
			next, _ := utf8.DecodeRuneInString(s[i:])
			if next == '上' || next == '去' || next == '同' || next == '前' || next == '1' || next == '2' {
				return true
			}
		}
	}
	return false
}

// benchmarkRe cuts a comparison with a benchmark ending the window: the
// figure is a gap whose label is the level before it
// (机械化率为86.2%，比全省平均水平高3.5个百分点).
var benchmarkRe = regexp.MustCompile(`(比|较)[^，,。；;比较]{1,12}(高出|低出|高|低|多|少)$`)

// benchmarkEnd reports whether s ends in a rune benchmarkRe can end with: a
// cheap test before the expression.
func benchmarkEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '高' || r == '低' || r == '多' || r == '少' || r == '出'
}

// targetStrong words anywhere before a figure in its sentence make it a
// target (计划三年内撤并整合小规模学校20所, 力争…, 拟…).
var targetStrong = []string{"计划", "力争", "拟", "目标", "确保", "预期"}

// notTargetAfter, right after a strong cue, make it a noun: 计划总投资 (planned
// investment of projects under way), 全年计划的100% (share of the plan).
// 营养改善计划惠及学生3.6万名: a programme named …计划 reaches, covers, funds.
var notTargetAfter = []string{"总投资", "投资", "的", "内", "单列", "实施", "执行", "完成", "范围", "项目", "任务", "生育", "惠及", "覆盖", "资金", "外"}

// willRe in a figure's clause makes it a target: 将 before a verb that
// sets a level (室温达标率将由93%提高到98%以上, 比例将达到82%).
var willRe = regexp.MustCompile(`将(由|提高|提升|增加|增长|达到|超过|突破|降低|下降|减少|降至|降到|升至|增至|控制在|保持在|实现)`)

// shareOfRe ends the text before a share of a total (占全部投资的89.4%).
var shareOfRe = regexp.MustCompile(`占[^，,。；;]{0,20}的?(比重|比例)?(为|达|达到)?$`)

// targetFuture words make a target only when the figure's year is after
// the document's year (2024年一般公共预算支出安排131.5亿元) or with 年初
// (年初安排预备费1.8亿元).
var targetFuture = []string{"安排", "预计", "争取", "将", "计划"} // 2024年，全县计划完成造林绿化面积1.5万亩

// earlyTargetFuture are targetFuture after 年初 (年初计划…): a target whatever the year.
var earlyTargetFuture = func() []string {
	ws := make([]string, len(targetFuture))
	for i, w := range targetFuture {
		ws[i] = "年初" + w
	}
	return ws
}()

// planSections name the parts of a report that set out plans; there a
// quota to complete (完成社会职业技能培训5000人次以上) is a target.
var planSections = []string{"改进措施", "下一步", "工作计划", "工作打算", "工作思路", "努力方向", "工作安排", "重点工作", "主要任务"}

// aheadSections name the part of a report that plans the coming year as a
// whole (二、2023年工作安排, 下一步工作打算): there, as in a plan document, a
// figure for the document's year or later is a target unless it counts what
// exists. 重点工作 and 主要任务 also head what was done, so they do not.
var aheadSections = []string{"下一步", "工作计划", "工作打算", "工作思路", "工作安排", "努力方向", "预期目标", "主要目标"}

// planTitles name a document that is a plan as a whole (招生入学工作方案):
// there a figure for the document's year is a target unless it counts what
// exists (现有…98所) — unless the title also says it reports (总结, 报告).
var planTitles = []string{"方案", "工作要点", "实施意见", "计划"}

var reportTitles = []string{"总结", "报告", "公报", "自评", "情况"}

// existingWords before a figure in a plan say it counts what exists.
var existingWords = []string{"现有", "在册", "共有", "已有", "登记", "其中小学"}

// normWords in a sentence make a bound, range or ratio a threshold: the
// sentence sets a norm (小学班额不超过45人, 服务半径原则上…2公里以内,
// 新建小学规模一般为24至36个班).
var normWords = []string{"标准", "班额", "半径", "生均", "每生", "每个", // 每个村卫生室业务用房面积不少于60平方米
	"公示期", "原则上", "一般为", "不得", "严禁", "至少"}

// normAfterRe after a figure: …13.5:1的标准配备教师, 按100人的标准.
var normAfterRe = regexp.MustCompile(`^[^，,。；;]*的[^，,。；;]{0,6}(标准|要求)`)

// ratioNormNouns after 的 make a ratio a norm (生师比13.5:1的要求); a ratio
// before 的学校 describes the schools and stays a level.
var ratioNormNouns = regexp.MustCompile(`^的[^，,。；;]{0,8}(标准|要求|比例|规定)`)

// thresholdNouns after 的 name what a bound selects (超过1亿元的项目,
// 不足100人的农村小规模学校, 56人以上的大班额, 3%的比例).
var thresholdNouns = regexp.MustCompile(`^的[^，,。；;]{0,8}(标准|比例|项目|学校|机构|班额|规模|企业|单位|线|要求)`)

// selectedNounRe right after a bound (no 的) names what it selects, counted
// next: 年营业收入10亿元以上企业9家, 总投资10亿元以上项目6个.
var selectedNounRe = regexp.MustCompile(`^(项目|企业|单位|学校|机构)[^，,。；;]{0,4}\d`)

// thresholdLabel words in a figure's label make it a threshold
// (债务限额368亿元以内).
var thresholdLabel = []string{"限额", "上限", "下限", "标准线", "阈值"}

// nameBoundRe after a measure makes it the bound inside an indicator's name
// (公交站点500米覆盖率为98.6%, 1公里范围内服务人口): a threshold, and the
// figure after it takes the whole name as its label.
var nameBoundRe = regexp.MustCompile(`^\p{Han}{0,3}(覆盖率|服务半径|范围内|以内)`)

// upgradeVerbs before a change word make one compound verb of a project,
// not a change (改造提升1.4万亩, 巩固提升工程): the figure is a level.
var upgradeVerbs = []string{"改造", "巩固", "优化", "扩容", "整治", "改建", "维修", "升级"}

// compoundChange reports whether before, the text before a change word,
// ends in an upgrade verb.
func compoundChange(before string) bool {
	return endsWithAny(before, upgradeVerbs)
}

// aboveRe cuts a benchmark the figure is a gap to, ending the window
// (增长12.6%，高于全县农村居民收入增速3.2个百分点) when it is the whole
// window, as a clause of its own: the label is the level's.
var aboveRe = regexp.MustCompile(`^(高于|低于|快于|慢于)[^，,。；;比较]{2,16}$`)

// aboveWords are the words aboveRe starts with.
var aboveWords = []string{"高于", "低于", "快于", "慢于"}

// The word lists above that the rules scan texts for, as wordSets
// (runes.go): one pass over a text instead of one search per word.
var (
	planSectionSet    = newWordSet(planSections)
	aheadSectionSet   = newWordSet(aheadSections)
	existingWordSet   = newWordSet(existingWords)
	normWordSet       = newWordSet(normWords)
	thresholdLabelSet = newWordSet(thresholdLabel)
	indicatorWordSet  = newWordSet(indicatorWords)
	targetStrongSet   = newWordSet(targetStrong)
)
