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

// slogan adjacency: a number touching these is part of a code, slogan or
// name: “1+N”, “1234N”课程, “1530+3”, 10C级, PM2.5, 2.0版, 2024/08/29.
func sloganNeighbour(r rune) bool {
	return r == '+' || r == '＋' || r == '/' || r == '／' || r == '@' || r == '#' || r == '×' || r == '*' ||
		r < unicode.MaxASCII && unicode.IsLetter(r) || r >= 'Ａ' && r <= 'ｚ'
}

// shortQuote is the longest quoted span whose numbers are a slogan or name
// (“十个一”, “两企三新”, “20条”, “1530+3”) rather than a figure.
const shortQuote = 10

// negative reports why m at rs is no figure, or "".
func negative(rs []rune, m number.Match, quoted []span) string {
	for _, w := range ordinalBefore {
		if hasBefore(rs, m.Start, w) {
			return "ordinal"
		}
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
	if enclosed(rs, m.Start, '《', '》') || enclosed(rs, m.Start, '〔', '〕') {
		return "title or document number"
	}
	return ""
}

func isDigitRune(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// dashed reports a number joined by dashes to a long number: a date or phone.
func dashed(rs []rune, m number.Match) bool {
	long := func(a, b int) bool { // the digit run ending at b or starting at a is ≥3 digits
		n := 0
		for i := a; i < b && i < len(rs) && isDigitRune(rs[i]); i++ {
			n++
		}
		return n >= 3
	}
	isDash := func(r rune) bool { return r == '-' || r == '－' || r == '—' }
	if m.End+1 < len(rs) && isDash(rs[m.End]) && isDigitRune(rs[m.End+1]) {
		if m.End-m.Start >= 3 || long(m.End+1, m.End+8) {
			return true
		}
	}
	if m.Start >= 2 && isDash(rs[m.Start-1]) && isDigitRune(rs[m.Start-2]) {
		j := m.Start - 2
		for j >= 0 && isDigitRune(rs[j]) {
			j--
		}
		if m.Start-2-j >= 3 || m.End-m.Start >= 3 {
			return true
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

type span struct{ start, end int }

// quotedSpans finds short quotations “…” / "…" / 「…」 on one line.
func quotedSpans(rs []rune) []span {
	var out []span
	for i := 0; i < len(rs); i++ {
		var close rune
		switch rs[i] {
		case '“':
			close = '”'
		case '「':
			close = '」'
		case '"':
			close = '"'
		default:
			continue
		}
		for j := i + 1; j < len(rs) && j <= i+shortQuote+1; j++ {
			if rs[j] == '\n' {
				break
			}
			if rs[j] == close {
				out = append(out, span{i + 1, j})
				break
			}
		}
	}
	return out
}

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

// urlSpans finds web addresses (http://…, www.…): their digits are codes
// (…?q=30%25%2020%).
func urlSpans(rs []rune) []span {
	var out []span
	for i := 0; i < len(rs); i++ {
		if !(hasAt(rs, i, "http://") || hasAt(rs, i, "https://") || hasAt(rs, i, "www.")) {
			continue
		}
		j := i
		for j < len(rs) && rs[j] > ' ' && rs[j] < 0x2000 {
			j++
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}
