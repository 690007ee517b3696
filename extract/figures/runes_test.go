package figures

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/govfig/govfig/extract/number"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// runeSets are the rune sets the rules pass to runeIn and containsAnyRune.
var runeSets = []string{"比较", "比较与", "高低快慢", "/／", "余多", "至少最不", ")）", "(（", "年今目至当同",
	"年月日号时点岁届期级", "最接附将邻", "百千万亿兆", "时点:：", "至到-－~～—", "一二三四五六七八九十两",
	wordSuffixes, placeNotBefore, existBlocked, aloneOK, "0123456789(（全县市我", "、，。；：", "-—–~～至到"}

// trimSets are the sets the rules pass to trimSet.
var trimSets = []string{" \t,，、；;：:\"'", "、，,和及与 ", "达到为至，,", " ,，、；;：:()（）“”", " 、，,和与及"}

func sameTrim(t *testing.T, s string) {
	t.Helper()
	for _, set := range trimSets {
		if got, want := trimSet(s, set), strings.Trim(s, set); got != want {
			t.Fatalf("trimSet(%q, %q) = %q, strings.Trim says %q", s, set, got, want)
		}
	}
}

func TestTrimSet(t *testing.T) {
	for _, s := range []string{"", " ", "，、和", "、学校和", "\xe6，学校，\xe6", "“三保”支出", "（含", ":a:", "达到", "\u00a0x"} {
		sameTrim(t, s)
	}
	if trimSet("、学校和", "、，,和及与 ") != "学校" {
		t.Fatal("trimSet trims nothing")
	}
}

func FuzzTrimSet(f *testing.F) {
	f.Add("，、学校和 ")
	f.Add("\xff，x，\xe6")
	f.Fuzz(func(t *testing.T, s string) { sameTrim(t, s) })
}

// TestRuneHelpersAgree checks runeIn and containsAnyRune against the
// strings functions they replace, on valid and invalid UTF-8.
func TestRuneHelpersAgree(t *testing.T) {
	texts := []string{"", "比", "上年比较", "abc", "增长12.6%，高于全县", "\xe6比", "\xe6\xaf", "\xaf\x94", "比\xe6", "\xef\xbf\xbd", "\xff/", "１２／３",
		"2024年4月10日至2024年4月16日", "（含", "其中：新建3所", "数十位"}
	for _, set := range runeSets {
		for _, s := range texts {
			if got, want := containsAnyRune(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("containsAnyRune(%q, %q) = %v, strings.ContainsAny says %v", s, set, got, want)
			}
			for _, r := range s + "\uFFFD" {
				if got, want := runeIn(set, r), strings.ContainsRune(set, r); got != want {
					t.Errorf("runeIn(%q, %q) = %v, strings.ContainsRune says %v", set, r, got, want)
				}
			}
		}
	}
	// The helpers can fail: a set and a text that share a rune, and two that do not.
	if !containsAnyRune("上年比较", "比较") || containsAnyRune("上年", "比较") || !runeIn("比较", '较') || runeIn("比较", '上') {
		t.Fatal("helpers answer wrongly")
	}
}

func FuzzRuneHelpers(f *testing.F) {
	f.Add("比上年增长", 0)
	f.Add("\xe6比\xff", 3)
	f.Fuzz(func(t *testing.T, s string, k int) {
		set := runeSets[uint(k)%uint(len(runeSets))]
		if got, want := containsAnyRune(s, set), strings.ContainsAny(s, set); got != want {
			t.Fatalf("containsAnyRune(%q, %q) = %v, strings.ContainsAny says %v", s, set, got, want)
		}
		for _, r := range s {
			if got, want := runeIn(set, r), strings.ContainsRune(set, r); got != want {
				t.Fatalf("runeIn(%q, %q) = %v, strings.ContainsRune says %v", set, r, got, want)
			}
		}
	})
}

// TestIndexesKeepOrder checks that the by-rune indexes hold every word under
// its rune, in the order of the table they index, so that the first match
// of a loop over an index is the first match of a loop over the table.
func TestIndexesKeepOrder(t *testing.T) {
	words := func(qs []qualRule) []string {
		var ws []string
		for _, q := range qs {
			ws = append(ws, q.word)
		}
		return ws
	}
	qualIndex := func(m map[rune][]qualRule) map[rune][]string {
		out := map[rune][]string{}
		for r, qs := range m {
			out[r] = words(qs)
		}
		return out
	}
	runeIndex := func(m map[rune][][]rune) map[rune][]string {
		out := map[rune][]string{}
		for r, ws := range m {
			for _, w := range ws {
				out[r] = append(out[r], string(w))
			}
		}
		return out
	}
	runeTable := func(ws [][]rune) []string {
		var out []string
		for _, w := range ws {
			out = append(out, string(w))
		}
		return out
	}
	for _, c := range []struct {
		name  string
		table []string
		index map[rune][]string
		last  bool
	}{
		{"changeRunesByFirst", runeTable(changeRunes), runeIndex(changeRunesByFirst), false},
		{"subjectStopRunesByFirst", runeTable(subjectStopRunes), runeIndex(subjectStopRunesByFirst), false},
		{"qualBeforeByLast", words(qualBefore), qualIndex(qualBeforeByLast), true},
		{"qualAfterByFirst", words(qualAfter), qualIndex(qualAfterByFirst), false},
		{"changeWordsByLast", changeWords, changeWordsByLast, true},
	} {
		n := 0
		for r, ws := range c.index {
			n += len(ws)
			var want []string
			for _, w := range c.table {
				k := []rune(w)[0]
				if c.last {
					k = []rune(w)[len([]rune(w))-1]
				}
				if k == r {
					want = append(want, w)
				}
			}
			if strings.Join(ws, " ") != strings.Join(want, " ") {
				t.Errorf("%s[%q] = %q, want %q", c.name, r, ws, want)
			}
		}
		if n != len(c.table) {
			t.Errorf("%s holds %d words, the table %d", c.name, n, len(c.table))
		}
	}
	for _, w := range ordinalBefore {
		if rs := []rune(w); !strings.ContainsRune(ordinalLast, rs[len(rs)-1]) {
			t.Errorf("ordinalLast lacks the last rune of %q", w)
		}
	}
	firsts := append(append([]string{}, timeWords...), "近", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "两")
	for _, w := range firsts {
		if !strings.ContainsRune(timeExprFirst, []rune(w)[0]) {
			t.Errorf("timeExprFirst lacks the first rune of %q", w)
		}
	}
}

// Each cheap guard must hold for every string its regular expression
// matches: the expression is skipped when the guard is false.
var regexGuards = []struct {
	name  string
	re    *regexp.Regexp
	guard func(string) bool
	match []string // strings it matches (the guard must hold)
}{
	{"benchmarkEnd", benchmarkRe, benchmarkEnd, []string{"比全省平均水平高", "较上年多", "比上年低出", "比去年少"}},
	{"previousEnd", previousRe, previousEnd, []string{"比上年", "较上年同期", "同比上年末的", "比2022年为", "较上一个供暖季", "比前一月是", "比上周", "较上年度"}},
	{"aboveWords", aboveRe, func(s string) bool { return hasAnyPrefix(s, aboveWords) }, []string{"高于全县农村居民收入增速", "低于全国平均", "快于全市", "慢于去年同期"}},
	{"digitMonth", dateRe, digitMonth, []string{"2024年4月10日", "公示期为4月", "12月", "x9月"}},
	{"comparisonCue", comparisonRe, comparisonCue, []string{"比上年", "较2022年", "比2023年执行数", "较上一供暖季", "环比上月", "与上年同期相比", "同比去年", "与同期", "比前一个季度"}},
	{"listHeadStart", listHeadRe, listHeadStart, []string{"2.城区", "（一）全区", "(3)", "全县小学", "我区全市", "全区"}},
	{"existVerbs", existRe, func(s string) bool { return containsAny(s, existVerbs) }, []string{"学校现有", "全区共有", "目前尚有", "目前仍有"}},
	{"Contains 将", willRe, func(s string) bool { return strings.Contains(s, "将") }, []string{"达标率将由"}},
	{"Contains 占", shareOfRe, func(s string) bool { return strings.Contains(s, "占") }, []string{"占全部投资的"}},
}

func TestRegexGuards(t *testing.T) {
	for _, g := range regexGuards {
		for _, s := range g.match {
			if !g.re.MatchString(s) {
				t.Errorf("%s: the expression does not match %q", g.name, s)
			}
			if !g.guard(s) {
				t.Errorf("%s: false on %q, which the expression matches", g.name, s)
			}
		}
		for _, s := range []string{"", "比上年增长", "月", "年月", "高", "将"} {
			if g.re.MatchString(s) && !g.guard(s) {
				t.Errorf("%s: false on %q, which the expression matches", g.name, s)
			}
		}
	}
	for _, c := range []struct{ s, want string }{{"比上年增长", "比上年增长"}, {"今年比上年增长", "年比上年增长"}, {"", ""}, {"ab", "ab"}, {"压减预算资金规模", "预算资金规模"}} {
		if got := lastRunes(c.s, 6); got != c.want {
			t.Errorf("lastRunes(%q, 6) = %q, want %q", c.s, got, c.want)
		}
	}
}

// The regular expressions that word lists replaced: the oracles of
// isIndicator, planTitles and reportTitles.
var (
	indicatorRe    = regexp.MustCompile(`系数|指数|率|比重|比例|人数|数量|面积|金额|规模|总量|产量|量$|数$|总额|标准|班额|收入|支出|产值|增加值`)
	planTitlesRe   = regexp.MustCompile(`方案|工作要点|实施意见|计划`)
	reportTitlesRe = regexp.MustCompile(`总结|报告|公报|自评|情况`)
)

func checkWordLists(t *testing.T, s string) {
	t.Helper()
	if got, want := isIndicator(s), indicatorRe.MatchString(s); got != want {
		t.Errorf("isIndicator(%q) = %v, the expression says %v", s, got, want)
	}
	if got, want := containsAny(s, planTitles), planTitlesRe.MatchString(s); got != want {
		t.Errorf("planTitles on %q: %v, the expression says %v", s, got, want)
	}
	if got, want := containsAny(s, reportTitles), reportTitlesRe.MatchString(s); got != want {
		t.Errorf("reportTitles on %q: %v, the expression says %v", s, got, want)
	}
}

func TestWordListsAgreeWithExpressions(t *testing.T) {
	for _, s := range []string{"", "校际差异系数", "学校数", "数学", "产量", "量化", "发放人数", "增加值率", "护理补贴",
		"2024年招生入学工作方案", "工作计划总结", "自评报告", "情况", "年度工作要点", "\xe6系数"} {
		checkWordLists(t, s)
	}
}

func FuzzRegexGuards(f *testing.F) {
	for _, g := range regexGuards {
		for _, s := range g.match {
			f.Add(s)
			f.Add("前文，" + s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkWordLists(t, s)
		for _, g := range regexGuards {
			if g.re.MatchString(s) && !g.guard(s) {
				t.Fatalf("%s: false on %q, which the expression matches", g.name, s)
			}
		}
		if !utf8.ValidString(s) {
			return // the rules cut windows only from valid text
		}
		for n := 0; n < 8; n++ {
			rs := []rune(s)
			want := s
			if len(rs) > n {
				want = string(rs[len(rs)-n:])
			}
			if got := lastRunes(s, n); got != want {
				t.Fatalf("lastRunes(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	})
}

// sameNegative checks that the marks a text holds change no answer of
// negative: enclosed finds nothing without an opening mark.
func sameNegative(t *testing.T, s string) {
	t.Helper()
	rs := []rune(s)
	quoted := quotedSpans(rs)
	for _, m := range number.ScanRunes(rs) {
		got := negative(rs, m, quoted, marksOf(rs))
		want := negative(rs, m, quoted, encloseMarks{title: true, docNumber: true})
		if got != want {
			t.Fatalf("negative(%q at %d) = %q with the text's marks, %q looking always", s, m.Start, got, want)
		}
	}
}

func TestEncloseMarks(t *testing.T) {
	for _, s := range []string{"印发《2024年工作要点3项》的通知", "津静政发〔2024〕12号", "共有学校63所", "》3所《", "〔3所"} {
		sameNegative(t, s)
	}
	rs := []rune("印发《2024年工作要点3项》")
	if m := number.ScanRunes(rs); len(m) < 2 || negative(rs, m[1], nil, marksOf(rs)) == "" {
		t.Fatal("a number inside 《》 is no figure")
	}
}

func FuzzEncloseMarks(f *testing.F) {
	f.Add("印发《2024年工作要点3项》的通知")
	f.Add("〔2024〕12号")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			return
		}
		sameNegative(t, s)
	})
}

// tailRegexes are the expressions tailMatch reads the end of a text with,
// and how many runes it gives them.
var tailRegexes = []struct {
	name string
	re   *regexp.Regexp
	n    int
	long []string // matches of the longest kind: n runes each
}{
	{"previousRe", previousRe, previousMax, []string{"同比上一个供暖季节期的"}},
	{"fromRe", fromRe, fromMax, []string{"由每人每月一二三四"}},
	{"benchmarkRe", benchmarkRe, benchmarkMax, []string{"比全省平均水平一二三四五六高出"}},
	{"shareOfRe", shareOfRe, shareOfMax, []string{"占一二三四五六七八九十一二三四五六七八九十的比重达到"}},
}

func sameTail(t *testing.T, s string) {
	t.Helper()
	for _, r := range tailRegexes {
		if got, want := tailMatch(r.re, s, r.n), r.re.MatchString(s); got != want {
			t.Fatalf("tailMatch(%s, %q) = %v, the whole text %v", r.name, s, got, want)
		}
	}
}

func TestTailMatch(t *testing.T) {
	for _, r := range tailRegexes {
		for _, s := range r.long {
			if !tailMatch(r.re, "前文，"+s, r.n) {
				t.Errorf("%s: no match at the end of %q", r.name, s)
			}
			if utf8.RuneCountInString(s) != r.n {
				t.Errorf("%s: %q is not a match of %d runes", r.name, s, r.n)
			}
			sameTail(t, s)
			sameTail(t, "前文，"+s)
			sameTail(t, s+"后")
		}
	}
}

func FuzzTailMatch(f *testing.F) {
	for _, r := range tailRegexes {
		for _, s := range r.long {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the rules cut windows only from valid text
		}
		sameTail(t, s)
	})
}

// TestServiceNumbersHaveFiveDigits: serviceNumber compares only texts of
// five bytes with its list.
func TestServiceNumbersHaveFiveDigits(t *testing.T) {
	for _, s := range serviceNumbers {
		if len(s) != len("12345") {
			t.Errorf("service number %q has not five digits", s)
		}
	}
}

// TestRunesIn checks docCtx.runesIn against containsAnyRune over c.sub on
// valid and invalid text, at every span.
func TestRunesIn(t *testing.T) {
	for _, text := range []string{"近300名教师，至少3所", "\xe6至少\xff最多5人", "", "不"} {
		c := &docCtx{doc: &schema.Document{Text: text}}
		c.rs, c.off = decodeText(text)
		for a := -1; a <= len(c.rs)+1; a++ {
			for b := -1; b <= len(c.rs)+1; b++ {
				for _, set := range [][]rune{qualVerbRunes, infixQualRunes} {
					if got, want := c.runesIn(a, b, set), containsAnyRune(c.sub(a, b), string(set)); got != want {
						t.Fatalf("runesIn(%d, %d, %q) on %q = %v, want %v", a, b, set, text, got, want)
					}
				}
			}
		}
	}
}

// wordSetLists are the word lists the rules ask a wordSet about, and a few
// made to reach its corners (one-byte and empty words, invalid UTF-8).
var wordSetLists = [][]string{
	planSections, aheadSections, thresholdLabel, normWords, existingWords, indicatorWords,
	{"a", "为", "\xff\xfe"}, {""}, {}, {"ab", "b"}, {"率"}, {"\x80\x80", "\xb8\x80"}, {"\xe4\xb8"}, {"为\xb8"},
}

func checkWordSet(t *testing.T, s string) {
	t.Helper()
	for _, l := range wordSetLists {
		if got, want := newWordSet(l).in(s), containsAny(s, l); got != want {
			t.Fatalf("wordSet(%q).in(%q) = %v, containsAny %v", l, s, got, want)
		}
	}
}

func TestWordSet(t *testing.T) {
	for _, s := range []string{"", "a", "b", "ab", "一、做法与成效 > (一)改进措施", "下一步工作打算", "2024年工作安排", "\xff", "\xff\xfe", "x\xff\xfey",
		"一\x80\x80", "\xe4\xb8\xe4\xb8\x80", "\xe4改进措施", "改\xe8\xbf进措施", "\xe4\xb8\x80\x80", "为\xb8",
		"达到国家标准", "优质均衡发展要求", "现有学生2300人", "覆盖率", "改进", "措施"} {
		checkWordSet(t, s)
	}
	for _, l := range wordSetLists {
		for _, w := range l {
			checkWordSet(t, w)
			checkWordSet(t, "前"+w+"后")
			if len(w) > 1 {
				checkWordSet(t, w[:len(w)-1])
				checkWordSet(t, w[1:])
			}
		}
	}
}

func FuzzWordSet(f *testing.F) {
	f.Add("一、做法与成效 > (一)改进措施")
	f.Add("达到国家标准")
	f.Fuzz(func(t *testing.T, s string) {
		checkWordSet(t, s)
	})
}

// hasTargetCueAll is hasTargetCue without its first test, the oracle of
// TestHasTargetCue.
func hasTargetCueAll(s string) bool {
	for _, w := range targetStrong {
		for i := strings.Index(s, w); i >= 0; {
			if !hasAnyPrefix(s[i+len(w):], notTargetAfter) {
				return true
			}
			j := strings.Index(s[i+len(w):], w)
			if j < 0 {
				break
			}
			i += len(w) + j
		}
	}
	return false
}

func checkHasTargetCue(t *testing.T, s string) {
	if got, want := hasTargetCue(s), hasTargetCueAll(s); got != want {
		t.Fatalf("hasTargetCue(%q) = %v, want %v", s, got, want)
	}
}

func TestHasTargetCue(t *testing.T) {
	for _, s := range []string{"", "计划新建学校3所", "计划总投资", "全年计划的100%", "力争", "拟投资拟建", "目标确保预期", "没有", "\xff计划"} {
		checkHasTargetCue(t, s)
	}
}

func FuzzHasTargetCue(f *testing.F) {
	f.Add("计划新建学校3所，计划总投资")
	f.Fuzz(checkHasTargetCue)
}

// TestRuneSet holds runeSet's wordSets to containsAnyRune.
func TestRuneSet(t *testing.T) {
	for _, s := range []string{"", "年", "今年", "比上年", "与", "较", "2023", "\xff年", "目前至今", "同比", "x比", "没有"} {
		for _, set := range []string{"年今目至当同", "比较与"} {
			if got, want := runeSet(set).in(s), containsAnyRune(s, set); got != want {
				t.Fatalf("runeSet(%q).in(%q) = %v, want %v", set, s, got, want)
			}
		}
	}
}

func FuzzRuneSet(f *testing.F) {
	f.Add("比上年目前")
	f.Fuzz(func(t *testing.T, s string) {
		for _, set := range []string{"年今目至当同", "比较与"} {
			if got, want := runeSet(set).in(s), containsAnyRune(s, set); got != want {
				t.Fatalf("runeSet(%q).in(%q) = %v, want %v", set, s, got, want)
			}
		}
	})
}

// TestSpanAt holds spanAt to sort.Search over the spans.
func TestSpanAt(t *testing.T) {
	for _, text := range []string{"", "甲。乙，丙", "一、做法\n\n（一）加强。好，很好；", "。。，，"} {
		for _, spans := range [][]segment.Span{segment.Sentences(text), segment.Clauses(text)} {
			for pos := -1; pos <= len([]rune(text))+1; pos++ {
				want := segment.Span{Start: pos, End: pos}
				if i := sort.Search(len(spans), func(i int) bool { return spans[i].End > pos }); i < len(spans) && spans[i].Start <= pos {
					want = spans[i]
				}
				if got := spanAt(spans, pos); got != want {
					t.Fatalf("spanAt(%v, %d) = %v, want %v", spans, pos, got, want)
				}
			}
		}
	}
}

// checkSpanCursor holds spanCursor to spanAt over the sentences and clauses
// of text, for positions given by steps (growing, and moving back where a
// step is negative).
func checkSpanCursor(t *testing.T, text string, steps []int) {
	for _, spans := range [][]segment.Span{segment.Sentences(text), segment.Clauses(text)} {
		var k spanCursor
		pos := -1
		for _, st := range steps {
			pos += st
			if got, want := k.spanAt(spans, pos), spanAt(spans, pos); got != want {
				t.Fatalf("cursor at %d over %v = %v, want %v", pos, spans, got, want)
			}
		}
	}
}

func TestSpanCursor(t *testing.T) {
	text := "一、做法\n\n（一）加强。好，很好；甲，乙，丙。\n丁"
	n := len([]rune(text))
	var up []int
	for i := 0; i <= n+2; i++ {
		up = append(up, 1)
	}
	checkSpanCursor(t, text, up)
	checkSpanCursor(t, text, []int{3, 5, -4, 10, 0, 2, -20, 30, 1})
	checkSpanCursor(t, "", []int{1, 1, -1, 3})
}

func FuzzSpanCursor(f *testing.F) {
	f.Add("甲。乙，丙；丁\n戊", []byte{1, 2, 250, 4, 0, 9})
	f.Fuzz(func(t *testing.T, text string, steps []byte) {
		var st []int
		for _, b := range steps {
			st = append(st, int(int8(b))) // negative bytes move back
		}
		checkSpanCursor(t, text, st)
	})
}
