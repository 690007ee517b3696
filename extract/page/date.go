package page

import (
	"regexp"
	"strconv"
	"time"
)

// china is the offset of every date on these sites (UTC+8, no DST).
var china = time.FixedZone("CST", 8*3600)

// dateRe matches 2024-08-29, 2024/8/29, 2024.08.29, 2024年8月29日, with an
// optional time 16:16 or 16:16:38 (or 16时16分).
var dateRe = regexp.MustCompile(`((?:19|20)\d{2})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2})(?:\s*日)?(?:[T\s]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?`)

// foundDate is a date read from text.
type foundDate struct {
	t       time.Time
	hasTime bool
	text    string // the matched text
}

func (d foundDate) format(layout string) string { return d.t.Format(layout) }

// rfc3339 renders the date as RFC 3339 at +08:00 (midnight when only the day
// is known).
func (d foundDate) rfc3339() string { return d.t.Format(time.RFC3339) }

// findDate returns the first valid date in s.
func findDate(s string) (foundDate, bool) {
	for _, m := range dateRe.FindAllStringSubmatchIndex(s, 8) {
		g := func(i int) int {
			if m[2*i] < 0 {
				return -1
			}
			v, err := strconv.Atoi(s[m[2*i]:m[2*i+1]])
			if err != nil {
				return -1
			}
			return v
		}
		y, mo, d := g(1), g(2), g(3)
		if mo < 1 || mo > 12 || d < 1 || d > 31 {
			continue
		}
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, china)
		if t.Day() != d {
			continue // 2月30日
		}
		fd := foundDate{t: t, text: s[m[0]:m[1]]}
		if h, mi := g(4), g(5); h >= 0 && h < 24 && mi >= 0 && mi < 60 {
			sec := g(6)
			if sec < 0 || sec > 59 {
				sec = 0
			}
			fd.t = time.Date(y, time.Month(mo), d, h, mi, sec, 0, china)
			fd.hasTime = true
		} else if m[8] >= 0 {
			// A bad time: keep the day only, and only its text.
			fd.text = s[m[0]:m[7]]
		}
		return fd, true
	}
	return foundDate{}, false
}
