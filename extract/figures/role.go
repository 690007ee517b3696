package figures

import "regexp"

// changeWords right before a number make it a change (增长1.76%); followed
// by 至/到 they give the new level instead (提高到89元).
var changeWords = []string{
	"增长", "增加", "提高", "提升", "上升", "下降", "减少", "降低", "压减", "下滑", "回落", "缩小", "扩大",
	"增幅", "降幅", "减幅", "增速", "净增", "增", "减", "降", "升", "涨",
}

// changeNear are change verbs that may stand a word away from the number
// (压减预算1,635万元).
var changeNear = []string{"压减", "压缩"}

// previousRe matches the end of the text before a comparison base
// (比上年的186988万元, 较上年同期的…).
var previousRe = regexp.MustCompile(`(比|较|同比|与)(上年|去年|上一年|前一年|上年同期|同期|上年末|(19|20)\d\d年)?(的|为|是)$`)

// comparisonRe cuts the comparison phrase out of a label window
// (比上年, 较2022年, 比2023年执行数).
var comparisonRe = regexp.MustCompile(`(比|较|同比|与)(上年|去年|上一年|上年同期|同期|上年末|(19|20)\d\d年).*$`)

// targetStrong words anywhere before a figure in its sentence make it a
// target (计划三年内撤并整合小规模学校20所, 力争…, 拟…).
var targetStrong = []string{"计划", "力争", "拟", "目标", "确保", "预期"}

// targetFuture words make a target only when the figure's year is after
// the document's year (2024年一般公共预算支出安排131.5亿元) or with 年初
// (年初安排预备费1.8亿元).
var targetFuture = []string{"安排", "预计", "争取", "将"}

// planSections name the parts of a report that set out plans; there a
// quota to complete (完成社会职业技能培训5000人次以上) is a target.
var planSections = regexp.MustCompile(`改进措施|下一步|工作计划|工作打算|工作思路|努力方向|工作安排|重点工作|主要任务`)

// thresholdAfter, following a bounded figure and 的, names the bound it
// sets (小于或等于0.45的优质均衡标准, 超过1亿元的项目, 3%的比例).
var thresholdAfterRe = regexp.MustCompile(`^(的|之)`)

// thresholdLabel words in a figure's label make it a threshold
// (债务限额368亿元以内).
var thresholdLabel = []string{"限额", "上限", "下限", "标准线", "阈值"}
