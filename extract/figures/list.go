package figures

import (
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// Lists and ranges. A number without a unit borrows the unit of the figure
// right after it when only a list or range mark stands between them:
//
//	2800、4200万元   → 2800 万元 and 4200 万元 (shared unit)
//	3至5个           → 3 个 (ge) and 5 个 (le) (range)
//	分别为0.412和0.356 → both index, when the first is an index
//
// Numbers left without a unit are dropped: prefer no figure to a wrong one.

// listMarks join members of a list.
var listMarks = []string{"、", "和", "与", "及", "，", ","}

// rangeMarks join the two ends of a range.
var rangeMarks = []string{"至", "到", "-", "－", "~", "～", "—"}

// resolveLists gives bare candidates the unit of the next figure of their
// list or range, and marks bare numbers after an index as index.
func resolveLists(rs []rune, cands []*cand) []*cand {
	// Right to left so a chain 1、2、3所 passes the unit down.
	for i := len(cands) - 2; i >= 0; i-- {
		a, b := cands[i], cands[i+1]
		if !a.bare || b.bare || b.f.Kind == "" || b.rule == nil && b.f.Kind != schema.KindPercent {
			continue
		}
		if b.numStart-a.numEnd > 2 {
			continue
		}
		gap := sub(rs, a.numEnd, b.numStart)
		if b.f.Start < b.numStart { // b has a qualifier before it: 3至约5所
			continue
		}
		isRange := false
		for _, m := range rangeMarks {
			if gap == m {
				isRange = true
			}
		}
		isList := false
		for _, m := range listMarks[:4] {
			if gap == m {
				isList = true
			}
		}
		if !isRange && !isList {
			continue
		}
		a.bare = false
		a.rule, a.mag = b.rule, b.mag
		a.f.Kind, a.f.BaseUnit = b.f.Kind, b.f.BaseUnit
		a.f.Unit = b.f.Unit
		if b.rule != nil {
			a.f.Normalized = scaled(a.f.Value, b.mag, b.rule.factor)
		} else {
			a.f.Normalized = a.f.Value
		}
		if isRange {
			a.rangeNext = b
			if a.f.Qualifier == schema.QualExact {
				a.f.Qualifier = schema.QualGE
			}
			if b.f.Qualifier == schema.QualExact {
				b.f.Qualifier = schema.QualLE
			}
		}
	}
	// 15%-20%, 3人-5人: two figures with their units joined by a range
	// mark are the two ends of a range.
	for i := 0; i+1 < len(cands); i++ {
		a, b := cands[i], cands[i+1]
		if a.bare || b.bare || a.f.Kind != b.f.Kind || a.f.Unit != b.f.Unit || b.f.Start != b.numStart || a.rangeNext != nil {
			continue
		}
		gap := sub(rs, a.f.End, b.f.Start)
		for _, m := range rangeMarks {
			if gap == m && a.f.Qualifier == schema.QualExact && b.f.Qualifier == schema.QualExact {
				a.rangeNext = b
				a.f.Qualifier, b.f.Qualifier = schema.QualGE, schema.QualLE
			}
		}
	}
	// Left to right: a bare number listed after an index, bounding it or
	// changing it, is an index too (差异系数分别为0.412和0.356; 小于或等于0.45;
	// 比上年缩小0.04).
	// The nearest index before b in its sentence is carried along, so the
	// pass is linear however many numbers one sentence holds.
	var idx *cand
	for i := 0; i < len(cands); i++ {
		b := cands[i]
		if i > 0 && cands[i-1].sent != b.sent {
			idx = nil
		}
		if !b.bare {
			if b.f.Kind == schema.KindIndex {
				idx = b
			}
			continue
		}
		if idx == nil {
			continue
		}
		gap := strings.TrimSpace(sub(rs, idx.f.End, min(b.f.Start, idx.f.End+4)))
		listed := false
		for _, m := range listMarks {
			if gap == m {
				listed = true
			}
		}
		left := sub(rs, lw(b.clause.Start, b.f.Start), b.f.Start)
		changed := false
		for _, w := range changeWords {
			if len([]rune(w)) >= 2 && strings.HasSuffix(left, w) {
				changed = true
			}
		}
		set := false
		for _, w := range []string{"控制在", "保持在", "达到", "降至", "降到", "提高到", "提高至", "下降到", "为"} {
			if strings.HasSuffix(left, w) {
				set = true
			}
		}
		if listed || b.leftQual && bounded(b.f.Qualifier) || changed || set {
			b.bare = false
			b.f.Kind = schema.KindIndex
			// 初中为12.9:1 after 小学生师比为17.6:1: the ratio keeps its :1
			if e := b.f.End; e+1 < len(rs) && isRatioColon(rs[e]) && isDigitRune(rs[e+1]) && strings.IndexFunc(idx.f.Text, isRatioColon) >= 0 {
				k := e + 1
				for k < len(rs) && isDigitRune(rs[k]) {
					k++
				}
				b.f.End, b.unitEnd = k, k
				b.f.Text = sub(rs, b.f.Start, k)
			}
			idx = b
		}
	}
	// 提高0.6个、1.2个百分点: 个百分点 written once for the list; the first
	// member's 个 is the start of it, not a count.
	for i := len(cands) - 2; i >= 0; i-- {
		a, b := cands[i], cands[i+1]
		if a.bare || a.f.Unit != "个" || b.f.Unit != "个百分点" || b.numStart-a.f.End > 1 {
			continue
		}
		if gap := sub(rs, a.f.End, b.f.Start); gap != "、" && gap != "和" && gap != "与" {
			continue
		}
		a.rule, a.mag = b.rule, 1
		a.f.Kind, a.f.BaseUnit, a.f.Unit, a.f.Normalized = b.f.Kind, b.f.BaseUnit, b.f.Unit, a.f.Value
	}
	return cands
}

// groupOf finds the 分别 group cd belongs to: cd's index in it, the group's
// size, the byte offset of 分别 in the sentence text before cd, and where
// the group ends.
func (c *docCtx) groupOf(cd *cand, before []*cand) (idx, n, fb, end int, ok bool) {
	from := lw(cd.sent.Start, cd.f.Start)
	sent := c.sub(from, cd.f.Start)
	if !strings.Contains(sent, "分别") {
		return 0, 0, 0, 0, false // a forward search is cheaper than LastIndex's
	}
	fb = strings.LastIndex(sent, "分别")
	if fb < 0 {
		return 0, 0, 0, 0, false
	}
	fbRune := from + len([]rune(sent[:fb]))
	// The group: figures after this 分别 up to cd, joined by list marks.
	var group []*cand
	for k := len(before) - 1; k >= 0 && before[k].f.Start >= fbRune; k-- {
		if before[k].sent == cd.sent {
			group = append([]*cand{before[k]}, group...)
		}
	}
	group = append(group, cd)
	for k := 1; k < len(group); k++ {
		gap := strings.TrimSpace(c.sub(group[k-1].f.End, min(group[k].f.Start, group[k-1].f.End+4)))
		okGap := false
		for _, m := range listMarks {
			if gap == m {
				okGap = true
			}
		}
		if !okGap {
			return 0, 0, 0, 0, false
		}
	}
	idx = len(group) - 1
	// Count the whole group (figures after cd too).
	n = len(group)
	end = cd.f.End
	for _, nx := range c.after(cd) {
		if nx.start-end > 4 {
			break
		}
		gap := strings.TrimSpace(c.sub(end, nx.start))
		okGap := false
		for _, m := range listMarks {
			if gap == m {
				okGap = true
			}
		}
		if !okGap {
			break
		}
		n++
		end = nx.end
	}
	return idx, n, fb, end, true
}

// pairedChange labels the changes of a 分别 group by the levels written
// before it, one to one (发生道路交通事故186起，死亡21人，分别下降12.3%和8.7%):
// the group's size must equal the number of labelled levels of the sentence
// before 分别, counted back to the first unlabelled one.
func (c *docCtx) pairedChange(cd *cand, before []*cand) string {
	if cd.f.Role != schema.RoleChange {
		return ""
	}
	idx, n, fb, _, ok := c.groupOf(cd, before)
	if !ok || n < 2 {
		return ""
	}
	fbRune := lw(cd.sent.Start, cd.f.Start) + len([]rune(c.sub(lw(cd.sent.Start, cd.f.Start), cd.f.Start)[:fb]))
	var levels []*cand
	for k := len(before) - 1; k >= 0; k-- {
		b := before[k]
		if b.sent != cd.sent {
			break
		}
		if b.f.Start >= fbRune || b.f.Role != schema.RoleLevel && b.f.Role != schema.RoleTarget {
			continue
		}
		if b.f.Label == "" {
			break
		}
		levels = append([]*cand{b}, levels...)
	}
	if len(levels) != n {
		return ""
	}
	return levels[idx].f.Label
}

// listItems returns the members of the list that a 分别 group of n figures
// refers to: the names before 分别 (个人所得税、城市维护建设税分别完成…), or
// after 用于 (…2800、4200万元用于老年助餐服务和城乡居民医疗保险补助).
func (c *docCtx) listItems(cd *cand, before []*cand) (idx int, items []string, ok bool) {
	from := lw(cd.sent.Start, cd.f.Start)
	sent := c.sub(from, cd.f.Start)
	idx, n, fb, end, ok := c.groupOf(cd, before)
	if !ok {
		return 0, nil, false
	}
	// Items before 分别: back to the previous , ; : or sentence start; an
	// empty run reuses the list of an earlier 分别 in the sentence.
	head := sent[:fb]
	for k := 0; k < 3; k++ {
		cut := strings.LastIndexAny(head, ",，;；:：。")
		seg := head
		if cut >= 0 {
			seg = head[cut:]
			seg = strings.TrimLeft(seg, ",，;；:：。")
		}
		seg = listTailRe.ReplaceAllString(seg, "")
		if seg = labelTimeStrip(seg); listHeadStart(seg) {
			seg = listHeadRe.ReplaceAllString(seg, "")
		}
		items = splitList(seg)
		if len(items) == n {
			return idx, items, true
		}
		prev := strings.LastIndex(head, "分别")
		if prev < 0 {
			break
		}
		head = head[:prev]
	}
	// Items after the group: 用于A和B.
	tail := c.sub(end, min(cd.sent.End, end+40))
	if strings.HasPrefix(tail, "用于") {
		tail = strings.TrimPrefix(tail, "用于")
		if cut := strings.IndexAny(tail, ",，;；。"); cut >= 0 {
			tail = tail[:cut]
		}
		items = splitList(tail)
		if len(items) == n {
			return idx, items, true
		}
	}
	return 0, nil, false
}

// after returns the figures' spans that follow cd in its sentence, as
// numbers with units found by a light rescan (used only to size a group).
func (c *docCtx) after(cd *cand) []span {
	i := sort.Search(len(c.pending), func(i int) bool { return c.pending[i].start >= cd.f.End })
	var out []span
	for ; i < len(c.pending) && c.pending[i].start < cd.sent.End && len(out) < 32; i++ {
		out = append(out, c.pending[i])
	}
	return out
}

// indicatorWords name a measure, which a list's last item may share with
// the others (校际差异系数); 量 and 数 do at the end (小学、初中学校数分别为42所
// 和15所: 学校数 is shared too). It was a regular expression, kept in the
// tests as isIndicator's oracle.
var indicatorWords = []string{"系数", "指数", "率", "比重", "比例", "人数", "数量", "面积", "金额", "规模", "总量", "产量", "总额", "标准", "班额", "收入", "支出", "产值", "增加值"}

// isIndicator reports whether s names a measure.
func isIndicator(s string) bool {
	return indicatorWordSet.in(s) || strings.HasSuffix(s, "量") || strings.HasSuffix(s, "数")
}

// listHeadRe and listTailRe trim a list head: clause numbers and region
// words before it (2.城区实验小学…, 全区小学、初中…), a year after it
// (…钰华小学2024年分别…).
var (
	listHeadRe = regexp.MustCompile(`^([0-9]+[.、．]|[(（][0-9一二三四五六七八九十]+[)）]|全区|全县|全市|我区)+`)
	listTailRe = regexp.MustCompile(`(19|20)\d\d年[^、和及与]*$`)
)

// listHeadStart reports whether s starts the way every match of
// listHeadRe does: an ASCII digit, a bracket or 全区/全县/全市/我区. A cheap
// test before the expression.
func listHeadStart(s string) bool {
	return s != "" && (isDigitByte(s[0]) || s[0] == '(' || strings.HasPrefix(s, "（") || hasAnyPrefix(s, listHeadWords))
}

var listHeadWords = []string{"全区", "全县", "全市", "我区"}

// splitList splits a list of names at 、和及与.
func splitList(s string) []string {
	f := strings.FieldsFunc(s, func(r rune) bool { return r == '、' || r == '和' || r == '及' || r == '与' })
	var out []string
	for _, x := range f {
		x = strings.TrimSpace(x)
		if x != "" {
			out = append(out, x)
		}
	}
	return out
}

// labelTimeStrip drops a leading time expression from a list head.
func labelTimeStrip(s string) string {
	if !timeWordRunes.in(s) { // containsAnyRune(s, "年今目至当同")
		return s
	}
	last := -1
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if isDigitByte(s[i]) || isTimeExprFirst(r) {
			if e := timeExprAt(s, i); e > i {
				last, i = e, e
				continue
			}
		}
		i += n
	}
	if last < 0 {
		return s
	}
	return s[last:]
}

// timeExprFirst holds the runes other than ASCII digits that a time
// expression (timeExprAt) can start with: the others are not tried.
const timeExprFirst = "一二三四五六七八九十两近年全目至截当今上去同"

var timeExprFirstRunes = []rune(timeExprFirst)

// timeWordRunes holds a rune of every time expression but those that start
// with an ASCII digit (see labelTimeStrip); comparisonRunes the first runes
// of comparisonRe and benchmarkRe's cues.
var (
	timeWordRunes   = runeSet("年今目至当同")
	comparisonRunes = runeSet("比较与")
)

// runeSet is a wordSet of the runes of s, each a word: its in is
// containsAnyRune(x, s).
func runeSet(s string) *wordSet {
	var ws []string
	for _, r := range s {
		ws = append(ws, string(r))
	}
	return newWordSet(ws)
}

// isTimeExprFirst is containsRune(timeExprFirstRunes, r) as one switch
// (TestIsTimeExprFirst holds the two together over every rune).
func isTimeExprFirst(r rune) bool {
	switch r {
	case '一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '两', '近', '年', '全', '目', '至', '截', '当', '今', '上', '去', '同':
		return true
	}
	return false
}

// shareSuffix completes short list items with the words the last item
// carries after its own name: 小学和初中校际差异系数 → 小学校际差异系数 and
// 初中校际差异系数.
func (c *docCtx) shareSuffix(items []string) []string {
	if len(items) < 2 {
		return items
	}
	first := []rune(items[0])
	last := []rune(items[len(items)-1])
	if len(last) <= len(first)+1 {
		return items
	}
	// The shared part of the last item starts after as many runes as the
	// first item has, at a word boundary: 小学和初中校际差异系数 → 初中|校际差异系数,
	// 困难残疾人生活补贴和重度残疾人护理补贴发放人数 → …护理补贴|发放人数.
	head := len(first)
	if c.e.seg != nil {
		if toks := c.e.seg.Tokens(string(last)); len(toks) > 1 {
			head = toks[0].End
			for _, t := range toks[:len(toks)-1] {
				if t.End >= len(first) {
					head = t.End
					break
				}
			}
		}
	}
	if head >= len(last) {
		return items
	}
	suffix := string(last[head:])
	if s := strings.TrimPrefix(suffix, "的"); s != suffix && len([]rune(s)) >= 2 {
		suffix = s // 小学和初中的平均班额 → 小学平均班额
	}
	if !isIndicator(suffix) || isIndicator(items[0]) {
		return items
	}
	out := make([]string, len(items))
	for i, it := range items {
		if i < len(items)-1 && len([]rune(it)) <= len(first) {
			out[i] = it + suffix
		} else {
			out[i] = it
		}
	}
	return out
}
