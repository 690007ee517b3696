package figures

import (
	"unicode"

	"github.com/govfig/govfig/extract/number"
)

// A negative rule says a numeral is no figure whatever follows it. Each is
// commented with its motivating example; figures.md "Not figures" is the
// list they implement. Years, dates, times, document numbers and clause
// numbers need no rule of their own: 年/月/日/号/时 are no units, so a
// number before them never becomes a figure.

// ordinalBefore: 第三党支部, 第40个教师节, 第三条, 第六届; a class name 三年级2班.
var ordinalBefore = []string{"第", "前", "序号", "编号", "年级"}

// ordinalLast holds the last runes of the words of ordinalBefore.
const ordinalLast = "第前号级"

// slogan adjacency: a number touching these is part of a code, slogan or
// name: “1+N”, “1234N”课程, “1530+3”, 10C级, PM2.5, 2.0版, 2024/08/29.
func sloganNeighbour(r rune) bool {
	return r == '+' || r == '＋' || r == '/' || r == '／' || r == '@' || r == '#' || r == '×' || r == '*' ||
		r < unicode.MaxASCII && unicode.IsLetter(r) || r >= 'Ａ' && r <= 'ｚ'
}

// shortQuote is the longest quoted span whose numbers are a slogan or name
// (“十个一”, “两企三新”, “20条”, “1530+3”) rather than a figure.
const shortQuote = 10

// encloseMarks says which opening marks the text holds at all: without
// one, no number lies inside its pair and enclosed need not look.
// at, when not nil, holds the places of the text (see placed): enclosed
// then reads only them.
type encloseMarks struct {
	title, docNumber bool
	at               []int32
}

// negative reports why m at rs is no figure, or "".
func negative(rs []rune, m number.Match, quoted []span, marks encloseMarks) string {
	for _, w := range ordinalBefore {
		if m.Start == 0 || m.Start > len(rs) || !runeIn(ordinalLast, rs[m.Start-1]) {
			break // no word of the list can end before m
		}
		if hasBefore(rs, m.Start, w) {
			if w == "年级" && m.End < len(rs) && rs[m.End] != '班' {
				continue // 一年级8个班: classes counted; 三年级2班 is a class name
			}
			return "ordinal"
		}
	}
	// 数十位, 几百名, 若干万: a vague magnitude, no number.
	if vagueBefore(rs, m) {
		return "vague"
	}
	if serviceNumber(rs, m) {
		return "service number"
	}
	if m.Start > 0 && sloganNeighbour(rs[m.Start-1]) || m.End < len(rs) && sloganNeighbour(rs[m.End]) {
		return "code or slogan"
	}
	// Dates and phone numbers written with dashes: 2024-08-29, 022-28941234.
	if dashed(rs, m) {
		return "date or phone"
	}
	for _, q := range quoted {
		if q.start <= m.Start && m.End <= q.end {
			return "quoted name"
		}
	}
	// Numbers inside 《》 are part of a title; inside 〔〕 a document number.
	if marks.title && marks.enclosed(rs, m.Start, '《', '》') || marks.docNumber && marks.enclosed(rs, m.Start, '〔', '〕') {
		return "title or document number"
	}
	return ""
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// dashed reports a number in a run of digit groups joined by dashes that is
// a date or a phone number (2024-08-29, 2024-2026, 022-28941234), not a
// range (17—179件, 1000-2000元): three groups or more; a group of five digits
// or more; an area code (0 and 2–3 digits); a year followed by a month or by
// another year that no unit follows.
func dashed(rs []rune, m number.Match) bool {
	isDash := func(r rune) bool { return r == '-' || r == '－' || r == '—' }
	groupAt := func(i int) (int, int) { // the digit group around i: [a, b)
		a, b := i, i
		for a > 0 && isDigitRune(rs[a-1]) {
			a--
		}
		for b < len(rs) && isDigitRune(rs[b]) {
			b++
		}
		return a, b
	}
	if m.Start >= len(rs) || !isDigitRune(rs[m.Start]) {
		return false
	}
	a, b := groupAt(m.Start)
	if b < len(rs) && (rs[b] == '.' || rs[b] == '．') || a > 0 && (rs[a-1] == '.' || rs[a-1] == '．') {
		return false // decimals are no dates
	}
	var groups [][2]int
	for a >= 2 && isDash(rs[a-1]) && isDigitRune(rs[a-2]) {
		a, _ = groupAt(a - 2)
	}
	for p := a; ; {
		_, e := groupAt(p)
		groups = append(groups, [2]int{p, e})
		if e+1 < len(rs) && isDash(rs[e]) && isDigitRune(rs[e+1]) {
			p = e + 1
			continue
		}
		break
	}
	if len(groups) < 2 {
		return false
	}
	if len(groups) >= 3 {
		return true
	}
	g1, g2 := groups[0], groups[1]
	n1, n2 := g1[1]-g1[0], g2[1]-g2[0]
	if n1 >= 5 || n2 >= 5 || rs[g1[0]] == '0' && n1 >= 3 {
		return true
	}
	isYear := func(g [2]int) bool {
		return g[1]-g[0] == 4 && (rs[g[0]] == '1' && rs[g[0]+1] == '9' || rs[g[0]] == '2' && rs[g[0]+1] == '0')
	}
	if isYear(g1) && (n2 <= 2 || isYear(g2)) {
		_, unit := matchUnit(rs, g2[1])
		return !unit
	}
	return false
}

// vagueBefore reports a magnitude without digits after 数/几/若干 (数十位,
// 几百名专家): no number is stated.
func vagueBefore(rs []rune, m number.Match) bool {
	if m.Start == 0 || !runeIn("数几干", rs[m.Start-1]) {
		return false
	}
	for _, r := range rs[m.Start:m.End] {
		if !runeIn("十百千万亿余多", r) {
			return false
		}
	}
	return true
}

// serviceNumbers are public service telephone numbers (12345 热线, 12315
// 消费者投诉, 110…): before a noun they name a service, never a count.
var serviceNumbers = []string{"12345", "12315", "12319", "12320", "12328", "12333", "12336", "12338", "12348",
	"12350", "12355", "12356", "12358", "12365", "12366", "12369", "12377", "12380", "12388", "12393", "12395", "12110", "12122"}

// serviceWords after a three-digit number make it a service number (110报警, 120急救).
var serviceWords = []string{"热线", "报警", "急救", "指挥", "平台", "接警", "联动", "专线", "服务台", "救护"}

// serviceNumber reports a public service number: a five-digit one
// (12345) unless a unit ends the figure (12345件。), a three-digit one
// (110, 120) before a service word.
func serviceNumber(rs []rune, m number.Match) bool {
	t := m.Text
	for _, s := range serviceNumbers {
		if len(t) != len("12345") {
			break // every service number has five digits
		}
		if t != s {
			continue
		}
		if u, ok := matchUnit(rs, m.End); ok {
			e := m.End + len(u.runes)
			return e < len(rs) && isHan(rs[e])
		}
		return true
	}
	if t == "110" || t == "119" || t == "120" || t == "122" {
		for _, w := range serviceWords {
			if hasAt(rs, m.End, w) {
				return true
			}
		}
	}
	return false
}

// enclosed reports whether pos lies between open and close on its line.
func enclosed(rs []rune, pos int, open, close rune) bool {
	for i := pos - 1; i >= 0 && i >= pos-60; i-- {
		if rs[i] == close || rs[i] == '\n' {
			return false
		}
		if rs[i] == open {
			for j := pos; j < len(rs) && j < pos+60; j++ {
				if rs[j] == close {
					return true
				}
				if rs[j] == open || rs[j] == '\n' {
					return false
				}
			}
			return false
		}
	}
	return false
}

// enclosed is enclosed(rs, pos, open, close), read at the places m.at when
// there are: open, close and line breaks are placed runes.
func (m encloseMarks) enclosed(rs []rune, pos int, open, close rune) bool {
	if m.at == nil {
		return enclosed(rs, pos, open, close)
	}
	at := m.at
	k, hi := 0, len(at) // sort.Search for the first place at or after pos
	for k < hi {
		h := int(uint(k+hi) >> 1)
		if int(at[h]) >= pos {
			hi = h
		} else {
			k = h + 1
		}
	}
	for b := k - 1; b >= 0 && int(at[b]) >= pos-60; b-- {
		i := int(at[b])
		if rs[i] == close || rs[i] == '\n' {
			return false
		}
		if rs[i] == open {
			for f := k; f < len(at) && int(at[f]) < pos+60; f++ {
				j := int(at[f])
				if rs[j] == close {
					return true
				}
				if rs[j] == open || rs[j] == '\n' {
					return false
				}
			}
			return false
		}
	}
	return false
}

type span struct{ start, end int }

// nameAfter are words after a counted number that make it a name: 十项准则
// is the title of a code of conduct, 两级 levels.
var nameAfter = []string{"级"}

func isNameAfter(rs []rune, p int) bool {
	for _, w := range nameAfter {
		if hasAt(rs, p, w) {
			return true
		}
	}
	return false
}

// loneOne reports a lone 一, usually the article "a" (同上一节思政课, 新一批,
// 一起); only 一所 (a school) is kept as a figure.
func loneOne(rs []rune, m number.Match) bool {
	return m.Chinese && m.Form == number.Plain && m.End-m.Start == 1 && (rs[m.Start] == '一' || rs[m.Start] == '壹')
}
