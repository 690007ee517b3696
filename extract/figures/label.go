package figures

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/extract/number"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// A label is the short phrase before a figure that names the indicator
// (学前三年毛入园率96.34% → 学前三年毛入园率). It is cut from the text
// between the start of the figure's clause (or the previous figure in it)
// and the figure, by peeling off, in order, the words below. Only that
// window is segmented with gse, never the whole text.

// labelTimeStrip (list.go) cuts everything up to the last time expression of
// the window: 2023年以来遴选 → 遴选, 计划三年内撤并 → 撤并, 如模范小学2024年秋季在校生
// → 在校生. The time expressions are, in this order at any one position:
//
//	(19|20)\d\d年 and at most one of 以来 至今 底 末 初 度 秋季 春季 上半年 下半年
//	[0-9一…十两]+年 and one of 内 来 以来
//	近[0-9一…十两]+年
//	年初 年末 全年 年底 目前 至今 截至目前 当年 今年 上一年度 上年度 去年 上年 同时
//
// scanned by hand (timeExprAt): it was a regular expression, kept in the tests
// as the oracle the scanner is checked against, and 9% of the figure rules.
var (
	timeSuffixYear  = []string{"以来", "至今", "底", "末", "初", "度", "秋季", "春季", "上半年", "下半年"}
	timeSuffixCount = []string{"内", "来", "以来"}
	timeWords       = []string{"年初", "年末", "全年", "年底", "目前", "至今", "截至目前", "当年", "今年", "上一年度", "上年度", "去年", "上年", "同时"}
)

// timeExprAt returns the end (a byte offset) of the time expression that
// starts at byte i of s, or -1.
func timeExprAt(s string, i int) int {
	rest := s[i:]
	// (19|20)\d\d年(suffix)?
	if len(rest) >= 4+len("年") && (rest[:2] == "19" || rest[:2] == "20") && isDigitByte(rest[2]) && isDigitByte(rest[3]) && strings.HasPrefix(rest[4:], "年") {
		e := 4 + len("年")
		for _, w := range timeSuffixYear {
			if strings.HasPrefix(rest[e:], w) {
				return i + e + len(w)
			}
		}
		return i + e
	}
	// [0-9一…两]+年(内|来|以来)
	if e := countRunEnd(rest, 0); e > 0 && strings.HasPrefix(rest[e:], "年") {
		e += len("年")
		for _, w := range timeSuffixCount {
			if strings.HasPrefix(rest[e:], w) {
				return i + e + len(w)
			}
		}
	}
	// 近[0-9一…两]+年
	if strings.HasPrefix(rest, "近") {
		if e := countRunEnd(rest, len("近")); e > len("近") && strings.HasPrefix(rest[e:], "年") {
			return i + e + len("年")
		}
	}
	for _, w := range timeWords {
		if strings.HasPrefix(rest, w) {
			return i + len(w)
		}
	}
	return -1
}

// countRunEnd is the byte offset after the run of [0-9一二三四五六七八九十两]
// that starts at byte i of s (i itself when there is none).
func countRunEnd(s string, i int) int {
	for i < len(s) {
		if isDigitByte(s[i]) {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !runeIn("一二三四五六七八九十两", r) {
			return i
		}
		i += n
	}
	return i
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// labelLead are words dropped from the start of a label.
var labelLead = []string{"的", "共有", "拥有", "现有", "已有", "尚有", "仍有", "还有", "有",
	"全校", "全乡", "全省", "全州", "全旗", "将", "把",
	// 全区新建和改扩建村卫生室23个: a list mark left at the start after a verb.
	"和", "及", "与", "以及", "、", "重点", "充分", "积极", "全面", "进一步", "切实", "扎实", "依法", "持续", "——", "—", "其中", "全区", "全县", "全市", "全镇", "我区", "我县", "我市", "累计", "共计", "合计", "共", "并", "如", "含", "对", "为", "年", "已", "主要", "区级以上"}

// labelTrail are words dropped from the end of a label, longest first.
var labelTrail = []string{
	"分别为", "分别是", "分别有", "分别达到", "分别完成", "分别增长", "分别", "控制在", "保持在", "提高至", "提高到", "增加到", "增长到",
	"下降到", "降低到", "达到了", "达到", "共计", "累计", "合计", "总计", "为", "是", "达", "至", "到", "了", "共", "计", "有",
	"：", ":", "约", "占到", "同比", "环比", "预计", "一般为", "一般", "原则上", "在", "预期目标为", "全区", "全县", "全市", "我区",
	// 农村生活垃圾无害化处理率保持100%, 农村集中供水率稳定在98%以上: verbs
	// that hold a level (提升至/下降至 peel as 至 + a change word).
	"保持", "稳定在", "维持在", "稳定", "维持", "占", "预期", // 收入预期增长5%
	"始终", "继续", "一直", "仍然", "依然", "稳步", // 优良天数比例始终保持在85%以上
	// 覆盖率均为100%: 均 of all items (人均, 生均 are names and stay).
	"均为", "均达到", "均达", "均在", "均已",
	// 婴儿死亡率降至2.8‰: one-rune change verbs with 至/到 give the new level.
	"降至", "降到", "升至", "升到", "增至", "增到", "减至", "减到",
	"提升至", "提升到", "上升至", "上升到", "下降至", "降低至", "增加至", "增长至", "减少至", "减少到", "缩小到", "缩小至", "扩大到", "扩大至",
	// 覆盖率要达到100%的要求, 养老服务设施建筑面积不低于每百户20平方米: modal
	// verbs and a bound left apart from its number by a rate base.
	"要", "应", "应当", "须", "必须", "需", "不低于", "不少于", "不高于", "不超过", "不足",
	// 空气质量达标率将达到95%: 将 (will) and verbs that reach or give a new level.
	"将", "突破", "压缩至", "压缩到", "缩短至", "缩短到", "压缩", "缩短",
	// 按照每人每月200元的标准: a preposition before the figure.
	"按照", "按",
}

// perBaseRe is a rate's base written after the verb, before the number
// (最低生活保障标准分别为每人每月1150元, 农村低保标准提高到每人每年6,120元): no
// part of the name, unlike a base inside it (小学每生每年650元, 奖励人均9495元).
// 公路密度为每百平方公里128公里.
var perBaseRe = regexp.MustCompile(`(为|是|到|至|达|分别|于|少于|超过|按照|按)(每[百千万]?[人生户亩](每[年月日天])?|每[年月日天]|每[百千万]人口|每[百千万]?平方公里)$`)

// targetLead are target cues dropped from the start of a label (计划新建村级综合
// 文化服务中心24个 → 村级综合文化服务中心); alone they are words of their own
// (为全年计划的100%), not fillers, and before a bare verb they stay (计划招生,
// 预计接收) as before a noun (计划总投资).
var targetLead = []string{"计划", "力争", "确保", "预计"}

// targetLeadKeep after a target cue make it part of a noun, kept in the
// label (计划总投资, 计划内, 计划生育); 计划完成造林绿化面积 peels to its object.
var targetLeadKeep = []string{"总投资", "投资", "的", "内", "单列", "范围", "项目", "任务", "生育"}

func isTargetLead(t string) bool {
	for _, w := range targetLead {
		if w == t {
			return true
		}
	}
	return false
}

// breakdownLead opens a breakdown of the total before (其中新建3.8万亩).
var breakdownLead = []string{"其中：", "其中:", "其中", "另有", "包括"}

// wordSuffixes continue the word a leading verb starts (规范化电子健康档案覆盖率,
// 支持性住房): the verb is then no verb and stays.
const wordSuffixes = "化性型式度率"

// wordGoesOn reports whether rest, what follows a leading verb, starts with a
// suffix of the verb's word.
func wordGoesOn(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return runeIn(wordSuffixes, r)
}

// leadKeep are words that start with a lead word but are names, kept whole
// (计划生育特别扶助对象, 计划单列市, 共有产权房).
var leadKeep = []string{"计划生育", "计划单列", "共有产权", "有序", "有效", "有关", "年度", "年均", "年龄", "年末", "年底", "年初", "与会", "及时", "有机", "有线", "有色"}

// groupEndRe matches a window that ends in a group of bodies
// (聘请公、检、法、司、消防等部门330余名干部): what is counted follows the
// number and names the figure; the group names nothing.
var groupEndRe = regexp.MustCompile(`等(部门|单位|机构|地区|领域|行业|方面|乡镇|街道|企业|学校)$|等[0-9一二三四五六七八九十两]+个[^，,。；;、]{0,4}$`)

// meansRe is a list of means before what they achieve (通过招聘、交流等方式
// 补充教师186名): the label starts after it.
var meansRe = regexp.MustCompile(`等(方式|形式|渠道|途径|措施|方法|手段|举措)`)

// existBlocked end a word with an existence verb's first rune: 公共有线电视用户
// is no 公 + 共有, 实现有效衔接 no 实 + 现有.
const existBlocked = "公实出发表体偿归"

// existRe cuts a topic before an existence verb: 学校现有学生2300人 → 学生
// (每万人拥有… keeps its rate base, 共有产权房 is a name).
var existRe = regexp.MustCompile(`^.{1,8}?(现有|共有|已有|尚有|仍有|还有)`)

// existVerbs are the verbs of existRe.
var existVerbs = []string{"现有", "共有", "已有", "尚有", "仍有", "还有"}

// labelVerbs are verbs dropped from the end of a label when what they act on
// follows the number (遴选1637名区级骨干教师 → the subject names it).
var labelVerbs = []string{
	"完成", "安排", "发放", "遴选", "新建", "涉及", "获得", "实现", "拨付", "支付", "开展", "组织",
	"举办", "签订", "聘请", "选派", "配齐配强", "配齐", "做好", "规范", "支持", "建成", "培育", "创建", "认定",
	"招聘", "发出", "取缔", "处罚", "备案", "新增", "改扩建", "扩建", "引进", "推动", "打造", "实施", "发挥", "惠及", "申请",
	"落实", "下达", // 全年落实耕地地力保护补贴资金1.26亿元
	"控制在",      // 控制在省核定的债务限额98.5亿元以内
	"发生", "办理", // 全年发生道路交通事故186起, 办理结婚登记2360对 (not 救助: 临时救助)
	"推出", "开通", "设置", "设计", // 推出60项“掌上办”事项, 精心设计12条城市绿道
	// adverbs left before such a verb: 精心设计, 先后推出
	"精心", "认真", "大力", "全力", "着力", "不断", "深入", "先后", "陆续", "相继", "加快",
}

// verbNouns are nouns that end in a label verb (登记在册的社会组织286家):
// the verb is part of the name and stays.
var verbNouns = []string{"社会组织", "党组织", "经济组织", "自治组织", "服务组织", "群团组织", "合作组织", "公益组织"}

// subjectVerbs before a count take the counted noun as their object, which
// then names the figure (获得七个一等奖, 培养10名校长), unlike 涉及/惠及 whose
// topic stands before them.
var subjectVerbs = []string{"获得", "荣获", "评选", "表彰", "培养", "选派", "聘请", "遴选", "新建", "建成", "创建", "招聘", "配备"}

func endsWithAny(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasSuffix(s, w) {
			return true
		}
	}
	return false
}

// labelListEnd marks a window that ends in a list or attribute: the counted
// noun after the number names the figure better (区委区政府确定的20项民心工程,
// 与天津中医药大学等4所高校).
var labelListEnd = []string{"的", "等", "和", "及", "与", "、"}

// multipleRe is the window before a multiple of an earlier level (为“十三五”末的).
var multipleRe = regexp.MustCompile(`^(为|是|相当于|达到|达)[^，,。；;]*的$`)

// placeSuffixes end the name of a town or street (独流镇, 白塔镇, 新华街道).
var placeSuffixes = []string{"街道", "镇", "乡"}

// placeNotBefore before the suffix makes a common noun (乡镇, 城镇, 各镇,
// 中心镇, 重点镇, 特色小镇), no name.
const placeNotBefore = "城乡村各全点小心色集制建每个该本此两三四五六七八九十一"

// placeEnd returns the length in bytes of a town or street name ending s,
// or 0: two or three runes and a suffix, standing at the start of s or
// after a list mark or 是/为/在/的 (受理量居前两位的是临湖镇, not
// 建成国家卫生镇).
func placeEnd(s string) int {
	var rs []rune
	for _, suf := range placeSuffixes {
		if !strings.HasSuffix(s, suf) {
			continue
		}
		if rs == nil {
			rs = []rune(s)
		}
		k := len(rs) - utf8.RuneCountInString(suf)
		if k < 2 || runeIn(placeNotBefore, rs[k-1]) {
			return 0
		}
		for n := 2; n <= 3 && k-n >= 0; n++ {
			st := k - n
			if !isHan(rs[st]) {
				break
			}
			if st == 0 || runeIn("是为在的、，,和及与：:", rs[st-1]) {
				return len(string(rs[st:]))
			}
		}
	}
	return 0
}

// isPlace reports whether s is a town or street name only.
func isPlace(s string) bool {
	n := placeEnd(s)
	return n > 0 && n == len(s) && utf8.RuneCountInString(s) <= 5
}

// cutLeft returns the label candidate of window w: the phrase and whether
// a verb or attribute was peeled off its end.
func cutLeft(w string, seg *segment.Segmenter) (label string, peeled bool) {
	w = strings.TrimSpace(w)
	if n := placeEnd(w); n > 0 && utf8.RuneCountInString(w[:len(w)-n]) >= 2 {
		w = w[:len(w)-n] // 受理量居前两位的是临湖镇: the place names no indicator
	}
	if comparisonRunes.in(w) { // containsAnyRune(w, "比较与")
		if comparisonCue(w) {
			w = comparisonRe.ReplaceAllString(w, "")
		}
		if benchmarkEnd(w) {
			w = benchmarkRe.ReplaceAllString(w, "")
		}
	}
	if hasAnyPrefix(w, aboveWords) {
		w = aboveRe.ReplaceAllString(w, "") // 人均纯收入…高于全县农村居民收入增速3.2个百分点
	}
	if strings.Contains(w, "由") {
		w = fromCutRe.ReplaceAllString(w, "")
	}
	if r, _ := utf8.DecodeRuneInString(w); runeIn("0123456789(（全县市我", r) && listHeadStart(w) {
		w = listHeadRe.ReplaceAllString(w, "")
	}
	if digitMonth(w) {
		w = dateRe.ReplaceAllString(w, "") // 公示期为2024年4月10日至2024年4月16日 → 公示期为至
	}
	w = labelTimeStrip(w)
	w = trimBrackets(trimQuotes(trimSet(w, " \t,，、；;：:\"'")))
	if strings.Contains(w, "等") {
		if groupEndRe.MatchString(w) {
			return "", true
		}
		if loc := meansRe.FindAllStringIndex(w, -1); loc != nil {
			w = w[loc[len(loc)-1][1]:] // 通过招聘、交流等方式补充教师 → 补充教师
		}
	}
	if strings.Contains(w, "每") {
		if loc := perBaseRe.FindStringSubmatchIndex(w); loc != nil {
			w = w[:loc[3]] // keep the verb; the trail words peel it
		}
	}
	if !strings.Contains(w, "有") {
		// no existence verb
	} else if !containsAny(w, existVerbs) {
		// no existence verb: existRe cannot match
	} else if loc := existRe.FindStringSubmatchIndex(w); loc != nil && utf8.RuneCountInString(w[loc[1]:]) >= 2 && !strings.HasPrefix(w[loc[2]:], "共有产权") {
		if r, _ := utf8.DecodeLastRuneInString(w[:loc[2]]); !runeIn(existBlocked, r) {
			w = w[loc[1]:]
		}
	}
	for changed := true; changed && w != ""; {
		changed = false
		last, _ := utf8.DecodeLastRuneInString(w)
		for _, t := range trailByLast[last] {
			if strings.HasSuffix(w, t) && len(w) > len(t) && !(t == "为" && (strings.HasSuffix(w, "行为") || strings.HasSuffix(w, "作为"))) &&
				!midWord(w, t, seg) {
				w, changed = strings.TrimSuffix(w, t), true
				break
			}
		}
		if changed {
			continue
		}
		for _, t := range changeByLast[last] {
			if strings.HasSuffix(w, t) && !compoundChange(strings.TrimSuffix(w, t)) {
				w, changed = strings.TrimSuffix(w, t), true
				break
			}
		}
		if changed {
			continue
		}
		for _, t := range labelListEnd {
			if strings.HasSuffix(w, t) && !verbEndingJi(w) {
				w, changed, peeled = strings.TrimSuffix(w, t), true, true
				break
			}
		}
	}
	for changed := true; changed && w != ""; {
		changed = false
		last, _ := utf8.DecodeLastRuneInString(w)
		for _, t := range verbsByLast[last] {
			if strings.HasSuffix(w, t) && !endsWithAny(w, verbNouns) {
				w, changed, peeled = strings.TrimSuffix(w, t), true, true
				break
			}
		}
	}
	for changed := true; changed && w != ""; {
		changed = false
		first, _ := utf8.DecodeRuneInString(w)
		for _, t := range leadByFirst[first] {
			if strings.HasPrefix(w, t) && len(w) > len(t) && !hasAnyPrefix(w, leadKeep) && !(isTargetLead(t) && (hasAnyPrefix(w[len(t):], targetLeadKeep) || utf8.RuneCountInString(w[len(t):]) <= 2)) {
				w, changed = strings.TrimPrefix(w, t), true
				break
			}
		}
		if changed {
			continue
		}
		for _, t := range verbsByFirst[first] {
			if strings.HasPrefix(w, t) && len(w) > len(t)+3 && !wordGoesOn(w[len(t):]) {
				w, changed = strings.TrimPrefix(w, t), true
				break
			}
		}
	}
	w = trimBrackets(trimSet(w, " \t,，、；;：:\"'"))
	if utf8.RuneCountInString(w) < 2 {
		return "", peeled
	}
	return w, peeled
}

// midWord reports whether the one-rune word t ending w is the end of a
// longer word (精心设计 ends in 设计, not in 计; 公共 not in 共): then it is
// no word of its own to peel.
func midWord(w, t string, seg *segment.Segmenter) bool {
	if seg == nil || utf8.RuneCountInString(t) != 1 || strings.Contains("为是了", t) {
		return false // 比为, 就是: gse joins these copulas to the word before
	}
	toks := seg.Tokens(w)
	if len(toks) == 0 {
		return false
	}
	last := toks[len(toks)-1]
	return utf8.RuneCountInString(last.Text) > 1 && !isFiller(last.Text) && !endsWithAny(last.Text, changeWords)
}

// Word lists indexed by their last or first rune, longest first, built at
// init so label cutting looks only at words that can match.
var (
	trailByLast  = byRune(labelTrail, true, 1)
	changeByLast = byRune(changeWords, true, 2)
	verbsByLast  = byRune(labelVerbs, true, 1)
	verbsByFirst = byRune(labelVerbs, false, 1)
	leadByFirst  = byRune(append(append([]string{}, labelLead...), targetLead...), false, 1)
)

func byRune(ws []string, last bool, minRunes int) map[rune][]string {
	m := map[rune][]string{}
	for _, w := range ws {
		if utf8.RuneCountInString(w) < minRunes {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if last {
			r, _ = utf8.DecodeLastRuneInString(w)
		}
		m[r] = append(m[r], w)
	}
	for _, l := range m {
		sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	}
	return m
}

// trimBrackets drops brackets at the ends of w that are not closed within
// it: (含 → 含, 地区生产总值（GDP） stays whole.
func trimBrackets(w string) string {
	for w != "" {
		first, n := utf8.DecodeRuneInString(w)
		if first == '(' || first == '（' {
			if !containsAnyRune(w[n:], ")）") {
				w = w[n:]
				continue
			}
		}
		last, m := utf8.DecodeLastRuneInString(w)
		if last == ')' || last == '）' {
			if !containsAnyRune(w[:len(w)-m], "(（") {
				w = w[:len(w)-m]
				continue
			}
		}
		break
	}
	return w
}

// trimQuotes drops quote marks at the ends of w that are not closed within
// it: “三保”支出预算 stays whole, 三保” loses its mark.
func trimQuotes(w string) string {
	for w != "" {
		if strings.HasPrefix(w, "“") && !strings.Contains(w[len("“"):], "”") {
			w = w[len("“"):]
			continue
		}
		if strings.HasSuffix(w, "”") && !strings.Contains(w[:len(w)-len("”")], "“") {
			w = w[:len(w)-len("”")]
			continue
		}
		break
	}
	return w
}

// dateRe matches a written date in a label window.
var dateRe = regexp.MustCompile(`((19|20)\d\d年)?\d{1,2}月(\d{1,2}日)?`)

// digitMonth reports whether an ASCII digit stands before a 月 in s, as in
// every match of dateRe: a cheap test before the expression.
func digitMonth(s string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], "月")
		if j < 0 {
			return false
		}
		if i+j > 0 && isDigitByte(s[i+j-1]) {
			return true
		}
		i += j + len("月")
	}
}

// fromCutRe drops a 由… base phrase: 城乡低保标准由每人每月 → 城乡低保标准.
var fromCutRe = regexp.MustCompile(`由[^，,。；;]*$`)

// maxLabel is the longest label kept; longer windows keep their tail,
// cut at a token boundary.
const maxLabel = 18

// subjectStop ends the counted noun after a number.
var subjectStop = []string{"的", "被", "在", "将", "为", "是", "中", "获", "担任", "签订", "进行", "完成", "对", "之间",
	"得到", "参加", "实现", "达到", "覆盖", "纳入", "获得", "开展", "接受", "共", "等", "分别", "全部", "进", "全面", "顺利", "已经", "均", "基本"}

// isFiller reports whether w is only a filler word.
func isFiller(w string) bool {
	_, ok := fillers[w]
	return ok
}

// fillers are labelTrail and labelLead as a set.
var fillers = func() map[string]struct{} {
	m := map[string]struct{}{}
	for _, ws := range [][]string{labelTrail, labelLead} {
		for _, w := range ws {
			m[w] = struct{}{}
		}
	}
	return m
}()

func counted(k schema.Kind) bool {
	return k == schema.KindHeadcount || k == schema.KindSchools || k == schema.KindCount
}

// labelOf fills the label and subject of cd.
func (c *docCtx) labelOf(cd *cand, prev *cand, before []*cand) {
	rs := c.rs
	f := &cd.f
	ws := lw(cd.clause.Start, f.Start)
	if prev != nil && prev.clause == cd.clause && prev.f.End <= f.Start && prev.f.End > ws {
		ws = prev.f.End
	}
	window := c.sub(ws, f.Start)
	lab, peeled := cutLeft(window, c.e.seg)
	if isFiller(lab) {
		lab = ""
	}
	// The previous figure's counted noun is no label of this one
	// (11个教育集团16个办学联盟).
	if prev != nil && ws == prev.f.End && prev.subject != "" && strings.TrimRight(window, "和及与、") == prev.subject {
		lab, peeled = "", true
	} else if prev != nil && ws == prev.f.End && prev.subject != "" && strings.HasPrefix(window, prev.subject) &&
		hasAnyPrefix(window[len(prev.subject):], labelVerbs) {
		// 5个部门开展校园食品安全检查120次: what follows the counted noun names it.
		lab, peeled = cutLeft(window[len(prev.subject):], c.e.seg)
	}
	lab = c.trimLabel(lab)
	if counted(f.Kind) {
		cd.subject = c.subjectAfter(cd)
	}
	if f.Kind == schema.KindHeadcount && cd.subject == "" && lab != "" {
		// 发展党员38名: the counted noun ends the label.
		cd.subject = lastNoun(c, lab)
	}
	f.Subject = cd.subject
	if idx, items, ok := c.listItems(cd, before); ok {
		items = c.shareSuffix(items)
		f.Label = items[idx]
		return
	}
	if l := c.pairedChange(cd, before); l != "" {
		f.Label = l
		return
	}
	if prev != nil && prev.f.Label != "" && prev.f.Kind == f.Kind && prev.f.End < f.Start &&
		(prev.rangeNext == cd || f.Kind == schema.KindIndex && f.Start-prev.f.End == 1 && isRatioColon(rs[prev.f.End])) {
		// 17—179件, 15%-20%, 1.1:50.3:48.6: the ends of a range and the parts
		// of a chain ratio share one label.
		f.Label = prev.f.Label
		return
	}
	if f.Unit == "倍" && multipleRe.MatchString(strings.TrimSpace(window)) {
		// 高新技术企业达到168家，为“十三五”末的4.46倍: a multiple of the level before.
		if l := inherit(cd, before); l != "" {
			f.Label = l
			return
		}
	}
	if prev != nil && prev.sent == cd.sent && prev.f.Kind == f.Kind && prev.f.Label != "" && isPlace(trimSet(window, "、，,和及与 ")) {
		// 临湖镇2.3万件、白塔镇1.8万件: a place names no indicator; the list's does.
		f.Label = prev.f.Label
		return
	}
	if lab == "" && prev != nil && listJoined(rs, prev, cd) && prev.f.Kind == f.Kind && prev.f.Label != "" {
		f.Label = prev.f.Label // 比重分别为11.5%、37.0%和51.5%
		return
	}
	if lab == "" && prev != nil && prev.sent == cd.sent && prev.f.Role == schema.RoleChange && prev.f.Label != "" && f.Kind != schema.KindPercent && own(trimSet(window, "达到为至，,")) {
		f.Label = prev.f.Label // 收入预期增长5%，达到38.6亿元: the level the change reaches
		return
	}
	if lab == "" && prev != nil && prev.sent == cd.sent && prev.f.Role == schema.RolePrevious && prev.f.Label != "" {
		f.Label = prev.f.Label // 由1,010元提高到1,070元
		return
	}
	if cd.rangeNext != nil {
		cd.subject = c.subjectAfter(cd.rangeNext)
		f.Subject = cd.subject
	}
	switch {
	case prev != nil && prev.inName && prev.clause == cd.clause && ws == prev.f.End && lab != "":
		// 公交站点500米覆盖率为98.6%: the bound belongs to the name.
		f.Label = prev.f.Label + prev.f.Text + lab
		return
	case prev != nil && prev.f.Role == schema.RoleThreshold && prev.f.End == f.Start:
		// 学生数100人以下20所: the bound names the group counted.
		f.Label = prev.f.Label + prev.f.Text
		return
	case cd.chainPrev != nil && cd.chainPrev.f.Label != "" && (lab == "" || prev != nil && strings.TrimSpace(window) == prev.subject) &&
		!(cd.subject != "" && cd.chainPrev.f.Label == cd.chainPrev.f.Subject):
		// (8个单位600余名执法人员: a label that is only the previous counted noun
		// is not shared; the figure's own noun names it)
		f.Label = cd.chainPrev.f.Label
		return
	case lab == "" && (f.Role == schema.RoleChange || f.Role == schema.RolePrevious || f.Role == schema.RoleThreshold) &&
		!(f.Role == schema.RoleThreshold && counted(f.Kind) && cd.subject != ""):
		// (无56人以上超大班额: a counted bound names its group, below)
		if l := inherit(cd, before); l != "" {
			f.Label = l
			return
		}
	}
	if counted(f.Kind) {
		switch {
		case cd.subject != "" && (lab == "" || peeled && lastPeel(window, c.e.seg) || endsWithAny(strings.TrimSpace(window), subjectVerbs)):
			f.Label = cd.subject
		case utf8.RuneCountInString(lab) <= 2 && utf8.RuneCountInString(cd.subject) >= 2 && c.isVerb(lab):
			// 培养10名教育家型校长: a bare verb names less than the counted noun
			f.Label = cd.subject
		case lab != "":
			f.Label = lab
		case cd.subject != "":
			f.Label = cd.subject
		}
	} else {
		f.Label = lab
	}
	if f.Label == "" {
		// 累计备案6333本: the verb phrase is all the text gives.
		f.Label = trimSet(labelTimeStrip(window), " ,，、；;：:()（）“”")
		// 其中新建3.8万亩: a breakdown mark is no part of the verb phrase.
		for _, t := range breakdownLead {
			if rest := strings.TrimPrefix(f.Label, t); rest != f.Label && utf8.RuneCountInString(rest) >= 2 {
				f.Label = rest
				break
			}
		}
		if isFiller(f.Label) || len([]rune(f.Label)) < 2 {
			f.Label = ""
		}
	}
	if f.Label == "" && prev != nil && prev.sent == cd.sent && prev.f.End < f.Start && prev.subject != "" && prev.f.Label != "" &&
		prev.f.Label != prev.subject && strings.TrimRight(c.sub(prev.f.End, f.Start), "和及与、") == prev.subject {
		// 招收一年级8个班、360人: the people of the classes just counted.
		f.Label = prev.f.Label
	}
	if f.Label == "" {
		// 共计38节次: the clause before names it (参加主题活动等,共计38节次).
		f.Label = c.labelBefore(cd)
	}
}

// lastPeel reports whether the window ends in an attribute or list mark
// (的, 等, 和): then the noun after the number is the better label.
func lastPeel(w string, seg *segment.Segmenter) bool {
	w = strings.TrimSpace(w)
	for _, t := range labelListEnd {
		if strings.HasSuffix(w, t) && !verbEndingJi(w) {
			return true
		}
	}
	// or only verbs were left: 遴选, 配齐配强, 新建
	l, _ := cutLeft(w, seg)
	return l == "" || isFiller(l)
}

// inherit returns the label of the level a change, base or bound refers to:
// the nearest earlier figure of the sentence with a level or target role,
// of the same kind (a growth rate of money refers to the money).
func inherit(cd *cand, before []*cand) string {
	var fallback string
	for i := len(before) - 1; i >= 0 && i >= len(before)-64; i-- {
		b := before[i]
		if b.sent != cd.sent {
			break
		}
		if b.f.Label == "" || b.f.Role != schema.RoleLevel && b.f.Role != schema.RoleTarget {
			continue
		}
		switch {
		case cd.f.Kind == schema.KindPercent && (cd.f.Unit == "个百分点" || cd.f.Unit == "百分点"):
			if b.f.Kind == schema.KindPercent {
				return b.f.Label
			}
		case cd.f.Kind == schema.KindPercent && cd.f.Role == schema.RoleChange:
			if b.f.Kind != schema.KindPercent {
				return b.f.Label
			}
		default:
			if b.f.Kind == cd.f.Kind {
				return b.f.Label
			}
		}
		if fallback == "" {
			fallback = b.f.Label
		}
	}
	return fallback
}

// labelBefore cuts a label from the clause before cd's clause.
func (c *docCtx) labelBefore(cd *cand) string {
	if cd.clause.Start <= cd.sent.Start {
		return ""
	}
	prev := spanAt(c.clauses, cd.clause.Start-1)
	if prev.Start < cd.sent.Start || prev.End-prev.Start > window || strings.IndexFunc(c.sub(prev.Start, prev.End), isDigitRune) >= 0 {
		return ""
	}
	l, _ := cutLeft(c.sub(prev.Start, prev.End), c.e.seg)
	if isFiller(l) {
		return ""
	}
	return c.trimLabel(l)
}

// trimLabel keeps the tail of a long label, cut at a word boundary.
func (c *docCtx) trimLabel(l string) string {
	if utf8.RuneCountInString(l) <= maxLabel {
		return l
	}
	rl := []rune(l)
	if c.e.seg == nil {
		return string(rl[len(rl)-maxLabel:])
	}
	toks := c.e.seg.Tokens(l)
	for _, t := range toks {
		if len(rl)-t.Start <= maxLabel {
			return dropLeadNote(string(rl[t.Start:]))
		}
	}
	return dropLeadNote(string(rl[len(rl)-maxLabel:]))
}

// leadNoteRe is a bracketed note left at the start of a cut label: its head
// was cut off (行政村（社区）综合性文化服务中心覆盖率 → （社区）综合性… → 综合性…).
var leadNoteRe = regexp.MustCompile(`^[(（][^()（）]{1,6}[)）]`)

func dropLeadNote(l string) string {
	if t := leadNoteRe.ReplaceAllString(l, ""); utf8.RuneCountInString(t) >= 2 {
		return t
	}
	return l
}

// lastNoun is the last noun word of a label (发展党员 → 党员).
func lastNoun(c *docCtx, l string) string {
	if c.e.seg == nil {
		return ""
	}
	toks := c.e.seg.Tokens(l)
	for i := len(toks) - 1; i >= 0; i-- {
		if strings.HasPrefix(toks[i].Pos, "n") && len([]rune(toks[i].Text)) >= 2 {
			return toks[i].Text
		}
	}
	return ""
}

// changeRunes and subjectStopRunes are the word lists subjects stop at, as
// runes (built at init).
var (
	changeRunes      = toRunes(changeWords, 2)
	subjectStopRunes = toRunes(subjectStop, 1)
	// the same by first rune, in their order: only the words that can
	// start at a rune are tried.
	changeRunesByFirst      = runesByFirst(changeRunes)
	subjectStopRunesByFirst = runesByFirst(subjectStopRunes)
)

func runesByFirst(ws [][]rune) map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, w := range ws {
		m[w[0]] = append(m[w[0]], w)
	}
	return m
}

func toRunes(ws []string, minRunes int) [][]rune {
	var out [][]rune
	for _, w := range ws {
		if r := []rune(w); len(r) >= minRunes {
			out = append(out, r)
		}
	}
	return out
}

// maxSubject is the longest counted noun read after a number.
const maxSubject = 14

// subjectAfter reads the counted noun after a figure: 1637名区级骨干教师 →
// 区级骨干教师, 114所中心小学及教学分校中 → 中心小学及教学分校.
func (c *docCtx) subjectAfter(cd *cand) string {
	if !cd.subjOK { // asked again for the upper end of a range
		cd.subj, cd.subjOK = c.subjectAfterOf(cd), true
	}
	return cd.subj
}

// subjectAfterOf is subjectAfter unremembered: it depends only on where the
// figure ends, which no rule moves once the figures are read.
func (c *docCtx) subjectAfterOf(cd *cand) string {
	rs := c.rs
	p := cd.f.End
	if p < len(rs) && runeIn("和及与、", rs[p]) {
		return "" // 3所和1所学校: the list goes on; the noun comes at its end
	}
	end := p
	if p < len(rs) && rs[p] == '“' {
		// 60项“掌上办”事项: the counted name is quoted.
		for k := p + 1; k < len(rs) && k < p+maxSubject; k++ {
			if rs[k] == '”' {
				end = k + 1
				break
			}
			if rs[k] == '“' || rs[k] == '\n' {
				break
			}
		}
	}
	quoteEnd := end
	// Single-rune stop words stop only where a word starts (公共服务 goes on
	// past 共); the window is segmented only when one is met.
	var starts []bool // starts[i]: a word starts at quoteEnd+i
	wordStart := func(at int) bool {
		if c.e.seg == nil {
			return true
		}
		if starts == nil {
			winEnd := min(len(rs), p+maxSubject+2)
			starts = make([]bool, winEnd-quoteEnd+1)
			for _, t := range c.e.seg.Tokens(c.sub(quoteEnd, winEnd)) {
				if t.Start < len(starts) {
					starts[t.Start] = true
				}
			}
		}
		i := at - quoteEnd
		return i >= 0 && i < len(starts) && starts[i]
	}
	for end < len(rs) && end < p+maxSubject {
		r := rs[end]
		if !isHan(r) || runeIn("、，。；：", r) {
			break
		}
		if end > p {
			if m, ok := number.MatchAt(rs, end); ok && (m.Chinese == false || m.End-m.Start > 1 || rs[end] != '一') {
				break
			}
		}
		stop := false
		for _, w := range changeRunesByFirst[r] {
			if runesAt(rs, end, w) {
				// 30.42万人减少0.27万人: a change verb and its number end it
				n := end + len(w)
				if n < len(rs) && (isDigitRune(rs[n]) || runeIn("一二三四五六七八九十两", rs[n])) || end > p && containsAny(string(w), changeNear) {
					stop = true
				}
			}
		}
		for _, w := range subjectStopRunesByFirst[r] {
			if runesAt(rs, end, w) {
				if len(w) == 1 && w[0] == '中' && end+1 < len(rs) && isHan(rs[end+1]) {
					continue // 中心小学, 中学: not the localizer 中
				}
				if len(w) == 1 && end > quoteEnd && !wordStart(end) {
					continue // 公共: no 共 of its own
				}
				if len(w) == 1 && w[0] == '等' && end > 0 && runeIn("一二三四五六七八九特", rs[end-1]) {
					continue // 一等奖, 特等奖
				}
				stop = true
				break
			}
		}
		if stop {
			break
		}
		if (r == '和' || r == '及' || r == '与') && end > p {
			// 学校及幼儿园 continues; 民办学校党支部和2个… and long heads stop
			if end+1 < len(rs) && (isDigitRune(rs[end+1]) || end-p > 6) {
				break
			}
			if _, ok := number.MatchAt(rs, end+1); ok {
				break
			}
		}
		end++
	}
	s := c.sub(p, end)
	if quoteEnd > p {
		return s
	}
	if c.e.seg != nil && len([]rune(s)) > 2 {
		// Stop at the first verb after the first word: 作品获奖 → 作品.
		toks := c.e.seg.Tokens(s)
		for i, t := range toks {
			if i > 0 && t.Start >= 2 && (t.Pos == "p" || t.Pos == "d" || t.Pos == "u" || t.Pos == "uj") {
				s = string([]rune(s)[:t.Start])
				break
			}
		}
	}
	if len([]rune(s)) < 1 {
		return ""
	}
	return s
}

// verbEndingJi reports a verb ending in 及 (涉及, 惠及), not the list mark.
func verbEndingJi(w string) bool {
	for _, v := range []string{"涉及", "惠及", "普及", "以及", "顾及", "波及"} {
		if strings.HasSuffix(w, v) {
			return true
		}
	}
	return false
}

// isVerb reports whether w is one word that the dictionary tags as a verb
// (培养, not the noun-verb 服务).
func (c *docCtx) isVerb(w string) bool {
	if c.e.seg == nil {
		return false
	}
	toks := c.e.seg.Tokens(w)
	return len(toks) == 1 && toks[0].Pos == "v"
}
