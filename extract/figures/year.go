package figures

import (
	"regexp"
	"strconv"
	"strings"
)

// yearRe finds the years written in a sentence: 2023年, 2023年度, and year
// ranges (2024-2026) which count as their first year. A year right after a
// comparison word (较2022年, 比2023年执行数) is a base, not the figure's year.
var yearRe = regexp.MustCompile(`(19|20)\d\d(年|\s*[-—–~～至到]\s*(19|20)\d\d)`)

// yearMark is one year written in the text.
type yearMark struct {
	pos  int // rune offset of the year
	year int
}

// findYears returns the years of rs[from:to] usable as a figure's year.
func findYears(rs []rune, from, to int) []yearMark {
	if from >= to {
		return nil
	}
	s := string(rs[from:to])
	if !strings.ContainsAny(s, "年-—–~～至到") {
		return nil
	}
	var out []yearMark
	for _, loc := range yearRe.FindAllStringIndex(s, -1) {
		pos := from + len([]rune(s[:loc[0]]))
		if pos > 0 && (rs[pos-1] == '比' || rs[pos-1] == '较') {
			continue
		}
		if pos > 0 && isDigitRune(rs[pos-1]) {
			continue
		}
		y, _ := strconv.Atoi(s[loc[0] : loc[0]+4])
		out = append(out, yearMark{pos, y})
	}
	return out
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
