package figures

import (
	"regexp"
	"strconv"
	"strings"
)

// yearMark is one year written in the text.
type yearMark struct {
	pos  int // rune offset of the year
	year int
}

// findYears returns the years of rs[from:to] usable as a figure's year: a
// four-digit 19xx/20xx not inside a longer number, followed by 年 or by a
// dash and another year (a range), and not right after 比/较.
func findYears(rs []rune, from, to int) []yearMark {
	var out []yearMark
	for i := from; i+4 <= to; i++ {
		if y, ok := yearAt(rs, i, to); ok {
			out = append(out, yearMark{i, y})
			i += 3
		}
	}
	return out
}

// lastYear is the year of the last of findYears(rs, from, to), read
// backwards from to without listing the others. findYears takes every
// position that passes yearAt (the three runes it steps over after a year
// each follow a digit, which no year may), so its last year is the one at
// the greatest position that passes.
func lastYear(rs []rune, from, to int) (int, bool) {
	for i := to - 4; i >= from; i-- {
		if y, ok := yearAt(rs, i, to); ok {
			return y, true
		}
	}
	return 0, false
}

// yearAt reads the year findYears takes at rs[i] (i+4 <= to), if any.
func yearAt(rs []rune, i, to int) (int, bool) {
	if !(rs[i] == '1' && rs[i+1] == '9' || rs[i] == '2' && rs[i+1] == '0') {
		return 0, false
	}
	if !isASCIIDigit(rs[i+2]) || !isASCIIDigit(rs[i+3]) || i > 0 && isDigitRune(rs[i-1]) {
		return 0, false
	}
	j := i + 4
	ok := j < to && rs[j] == '年'
	if !ok {
		k := j
		for k < to && rs[k] == ' ' {
			k++
		}
		if k < to && runeIn("-—–~～至到", rs[k]) {
			k++
			for k < to && rs[k] == ' ' {
				k++
			}
			ok = k+4 <= to && (rs[k] == '1' || rs[k] == '2') && isASCIIDigit(rs[k+1]) && isASCIIDigit(rs[k+2]) && isASCIIDigit(rs[k+3])
		}
	}
	if !ok || i > 0 && (rs[i-1] == '比' || rs[i-1] == '较') {
		return 0, false
	}
	return int(rs[i]-'0')*1000 + int(rs[i+1]-'0')*100 + int(rs[i+2]-'0')*10 + int(rs[i+3]-'0'), true
}

func isASCIIDigit(r rune) bool { return r >= '0' && r <= '9' }

// mayHoldYear reports whether s holds 19 or 20 and two more ASCII digits,
// as every year findYears finds over []rune(s) starts: a test on the bytes
// before converting s.
func mayHoldYear(s string) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) {
			return true
		}
	}
	return false
}

// docYearRe finds a year in a title or date.
var docYearRe = regexp.MustCompile(`(19|20)\d\d`)

// documentYear is the year a document is about: the first year of its title
// (the 2023年…自评报告 is about 2023 though published in 2024), else the year
// it was published, else 0.
func documentYear(title, published string) int {
	if m := docYearRe.FindString(title); m != "" {
		y, _ := strconv.Atoi(m)
		return y
	}
	if len(published) >= 4 {
		if y, err := strconv.Atoi(published[:4]); err == nil {
			return y
		}
	}
	return 0
}

// priorYearWords in a comparison base mean the year before (比上年的…).
var priorYearWords = []string{"上年", "去年", "上一年", "上年同期", "上年末"}

func mentionsPriorYear(s string) bool {
	for _, w := range priorYearWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sectionYear is the year a figure's section names when its sentence names
// none: the deepest heading of the path that names exactly one year
// (一、2022年工作回顾 in a report published in 2023, 二、2024年预算草案),
// else the document's year. A heading naming two years (2023年至2024年) says
// nothing.
func (c *docCtx) sectionYear(path string) int {
	if y, ok := c.secYears[path]; ok {
		return y
	}
	y := c.sectionYearOf(path)
	if c.secYears == nil {
		c.secYears = map[string]int{}
	}
	c.secYears[path] = y
	return y
}

// sectionYearOf is sectionYear unremembered: a document has few section
// paths and many figures under each.
func (c *docCtx) sectionYearOf(path string) int {
	for path != "" {
		title := path
		if i := strings.LastIndex(path, " > "); i >= 0 {
			title, path = path[i+len(" > "):], path[:i]
		} else {
			path = ""
		}
		if !strings.ContainsAny(title, "12") {
			continue // no year: findYears's years start with 1 or 2
		}
		rs := []rune(title)
		if ys := findYears(rs, 0, len(rs)); len(ys) == 1 {
			return ys[0].year
		} else if len(ys) > 1 {
			break
		}
	}
	return c.docYear
}
