// Package number reads the numbers of Chinese text: Arabic digits (with
// thousand separators, decimals, fullwidth １２３), Chinese numerals (十二,
// 两百, 一万二千三百, 〇/零, 廿, financial 肆佰陆拾, traditional 萬/億/兩),
// mixes (3.5万, 1.2亿, 3万4000), decimals written 三点五, fractions
// (三分之一, 3又三分之一) and percentages written 百分之…/千分之….
//
// Scan finds every numeral of a text with its rune span; Parse reads one
// numeral string. Neither decides whether a number is a figure — that is
// the job of package figures, which looks at units and context.
//
// Values that do not fit a float64 (a 400-digit number) are not numbers:
// Parse returns ErrRange and Scan skips them, so no caller ever sees an
// infinity or NaN.
package number

import (
	"errors"
	"math"
	"strconv"
	"strings"
)

// ErrRange is returned for numerals whose value is not finite in float64.
var ErrRange = errors.New("number out of range")

// ErrSyntax is returned for strings that are not one numeral.
var ErrSyntax = errors.New("not a number")

// Form says how a match was written.
type Form int

// Forms of a match.
const (
	Plain    Form = iota // 123, 三百, 3.5万
	Fraction             // 三分之一, 3/5 is not read
	Percent              // 百分之三十五 (Value is 35)
	Permille             // 千分之五 (Value is 5)
)

// Match is one numeral found in a text.
type Match struct {
	Start, End int     // half-open rune span in the scanned text
	Text       string  // the numeral as written
	Value      float64 // its value; finite
	Form       Form
	Chinese    bool // written at least partly with Chinese numerals
}

// Digits of Chinese numerals, ordinary, financial and traditional.
var hanDigit = map[rune]int{
	'零': 0, '〇': 0, '○': 0, '一': 1, '二': 2, '两': 2, '兩': 2, '俩': 2, '倆': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
	'壹': 1, '贰': 2, '貳': 2, '叁': 3, '參': 3, '肆': 4, '伍': 5, '陆': 6, '陸': 6, '柒': 7, '捌': 8, '玖': 9,
}

// Small units multiply the digit before them within a section.
var hanSmall = map[rune]float64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// Big units close a section.
var hanBig = map[rune]float64{'万': 1e4, '萬': 1e4, '亿': 1e8, '億': 1e8, '兆': 1e12}

// financial marks characters that are numerals only next to another numeral
// (陆地, 伍仁, 拾起, 肆意 are words).
func financial(r rune) bool { return strings.ContainsRune("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", r) }

// notNumberWords are words that begin with a numeral character but are no
// number (一切 everything, 四川 a province, 万一 in case).
var notNumberWords = []string{"一切", "一看", "一些", "一直", "一定", "一般", "一致", "一律", "一同", "一旦",
	"一方面", "一体", "一起", "一线", "一流", "一样", "一贯", "一道", "四川", "万一", "千方百计", "两两", "一带一路",
	"一系列", "一批批", "三令五申", "七上八下", "五花八门", "十分", "万众", "百姓", "千万别", "一举", "一味", "一再", "一手",
}

func isArabic(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func arabicVal(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}

func isHanDigit(r rune) bool { _, ok := hanDigit[r]; return ok }
func isSmall(r rune) bool    { _, ok := hanSmall[r]; return ok || r == '廿' || r == '卅' }
func isBig(r rune) bool      { _, ok := hanBig[r]; return ok }

// isNumeralRune reports whether r can be part of a Chinese numeral.
func isNumeralRune(r rune) bool { return isHanDigit(r) || isSmall(r) || isBig(r) }

// Scan returns the numerals of text in order.
func Scan(text string) []Match { return ScanRunes([]rune(text)) }

// ScanRunes returns the numerals of rs in order, with rune offsets.
func ScanRunes(rs []rune) []Match {
	var out []Match
	for i := 0; i < len(rs); {
		m, ok := matchAt(rs, i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = m.End
	}
	return out
}

// MatchAt reads the numeral starting exactly at rs[i], if any.
func MatchAt(rs []rune, i int) (Match, bool) { return matchAt(rs, i) }

func matchAt(rs []rune, i int) (Match, bool) {
	r := rs[i]
	// 百分之… / 千分之…
	if (r == '百' || r == '千') && i+2 < len(rs) && rs[i+1] == '分' && rs[i+2] == '之' {
		if end := runEnd(rs, i+3); end > i+3 {
			if v, err := Parse(string(rs[i+3 : end])); err == nil {
				f := Percent
				if r == '千' {
					f = Permille
				}
				return Match{Start: i, End: end, Text: string(rs[i:end]), Value: v, Form: f, Chinese: true}, true
			}
		}
		return Match{}, false
	}
	start := i
	if r == '负' || r == '負' {
		if i+1 < len(rs) && (isArabic(rs[i+1]) || isHanDigit(rs[i+1]) || isSmall(rs[i+1])) {
			i++
		} else {
			return Match{}, false
		}
	} else if r == '-' || r == '－' {
		if i+1 < len(rs) && isArabic(rs[i+1]) && (i == 0 || !(isArabic(rs[i-1]) || isLetter(rs[i-1]) || isNumeralRune(rs[i-1]))) {
			i++
		} else {
			return Match{}, false
		}
	}
	r = rs[i]
	switch {
	case isArabic(r):
		if start == i && i > 0 && (isArabic(rs[i-1]) || rs[i-1] == '.' && i > 1 && isArabic(rs[i-2])) {
			return Match{}, false // inside a number we refused
		}
	case isHanDigit(r) || r == '十' || r == '拾' || r == '廿' || r == '卅':
		if start == i {
			for _, w := range notNumberWords {
				if hasPrefixAt(rs, i, w) {
					return Match{}, false
				}
			}
		}
	case (r == '百' || r == '千' || r == '佰' || r == '仟') && i+1 < len(rs) && isHanDigit(rs[i+1]) && (i == 0 || !isNumeralRune(rs[i-1])):
		// 百三 = 130, 千三 = 1300
	default:
		return Match{}, false
	}
	end := runEnd(rs, i)
	if end <= i {
		return Match{}, false
	}
	// Financial characters alone are words, not numbers.
	if end-i == 1 && financial(rs[i]) {
		return Match{}, false
	}
	text := string(rs[start:end])
	v, err := Parse(text)
	if err != nil {
		return Match{}, false
	}
	m := Match{Start: start, End: end, Text: text, Value: v, Form: Plain}
	for _, c := range rs[i:end] {
		if !isArabic(c) && c != '.' && c != ',' && c != '．' && c != '，' {
			m.Chinese = true
		}
		if c == '之' {
			m.Form = Fraction
		}
	}
	return m, true
}

func hasPrefixAt(rs []rune, i int, w string) bool {
	for _, c := range w {
		if i >= len(rs) || rs[i] != c {
			return false
		}
		i++
	}
	return true
}

func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// runEnd returns the end of the numeral run starting at i (exclusive).
func runEnd(rs []rune, i int) int {
	j := i
	last := -1 // end of the last rune that may end a numeral
	for j < len(rs) {
		r := rs[j]
		switch {
		case isArabic(r):
			j++
			last = j
		case isNumeralRune(r):
			j++
			last = j
		case (r == '.' || r == '．') && j > i && isArabic(rs[j-1]) && j+1 < len(rs) && isArabic(rs[j+1]):
			j++
		case (r == ',' || r == '，') && j > i && isArabic(rs[j-1]) && thousandGroup(rs, j+1):
			j++
		case (r == '点' || r == '點') && j > i && j+1 < len(rs) && (isHanDigit(rs[j+1]) || isArabic(rs[j+1])) && isNumeralRune(rs[j-1]):
			j++
		case (r == '余' || r == '多' || r == '几' || r == '幾') && j > i && j+1 < len(rs) && (isBig(rs[j+1]) || isSmall(rs[j+1])):
			j++
		case r == '分' && j > i && j+1 < len(rs) && rs[j+1] == '之' && j+2 < len(rs) && (isArabic(rs[j+2]) || isHanDigit(rs[j+2]) || isSmall(rs[j+2])):
			j += 2
		case r == '又' && j > i && j+1 < len(rs) && fractionAhead(rs, j+1):
			j++
		default:
			return last
		}
	}
	return last
}

// thousandGroup reports whether rs[k:] starts with exactly three digits.
func thousandGroup(rs []rune, k int) bool {
	if k+3 > len(rs) {
		return false
	}
	for n := 0; n < 3; n++ {
		if !isArabic(rs[k+n]) {
			return false
		}
	}
	return k+3 == len(rs) || !isArabic(rs[k+3])
}

// fractionAhead reports whether a fraction X分之Y starts at k.
func fractionAhead(rs []rune, k int) bool {
	j := k
	for j < len(rs) && (isArabic(rs[j]) || isNumeralRune(rs[j])) {
		j++
	}
	return j > k && j+1 < len(rs) && rs[j] == '分' && rs[j+1] == '之'
}

// Parse reads one numeral string: Arabic, Chinese, mixed, 点-decimal,
// fraction (分之, optionally 又), 百分之/千分之 (giving the number after it).
// Blanks inside are ignored.
func Parse(s string) (float64, error) {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '\u3000' || r == '\t':
			return -1
		case r >= '０' && r <= '９':
			return r - '０' + '0'
		case r == '．':
			return '.'
		case r == '，' || r == ',':
			return -1
		case r == '－':
			return '-'
		}
		return r
	}, s)
	if s == "" {
		return 0, ErrSyntax
	}
	v, err := parse(s)
	if err != nil {
		return 0, err
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, ErrRange
	}
	return v, nil
}

func parse(s string) (float64, error) {
	if s == "" {
		return 0, ErrSyntax
	}
	if strings.HasPrefix(s, "百分之") || strings.HasPrefix(s, "千分之") {
		return parse(s[len("百分之"):])
	}
	neg := false
	if rest, ok := strings.CutPrefix(s, "负"); ok {
		neg, s = true, rest
	} else if rest, ok := strings.CutPrefix(s, "負"); ok {
		neg, s = true, rest
	} else if rest, ok := strings.CutPrefix(s, "-"); ok {
		neg, s = true, rest
	}
	var v float64
	var err error
	if whole, frac, ok := strings.Cut(s, "又"); ok {
		var a, b float64
		if a, err = parse(whole); err == nil {
			b, err = parse(frac)
		}
		v = a + b
	} else if den, num, ok := strings.Cut(s, "分之"); ok {
		var d, n float64
		if d, err = parseDen(den); err == nil {
			n, err = parse(num)
		}
		if err == nil && d == 0 {
			err = ErrSyntax
		}
		v = n / d
		if d < 0 && n < 0 {
			v = -n / -d
		}
	} else {
		v, err = parseDecimal(s)
	}
	if err != nil {
		return 0, err
	}
	if neg {
		v = -v
	}
	return v, nil
}

// parseDen reads a denominator, where a bare unit (百 in 百分之) means 1×unit.
func parseDen(s string) (float64, error) {
	rs := []rune(s)
	if len(rs) == 1 {
		if u, ok := hanSmall[rs[0]]; ok {
			return u, nil
		}
		if u, ok := hanBig[rs[0]]; ok {
			return u, nil
		}
	}
	return parse(s)
}

// parseDecimal reads a numeral with an optional 点 decimal part.
func parseDecimal(s string) (float64, error) {
	ip, fp, ok := strings.Cut(s, "点")
	if !ok {
		ip, fp, ok = strings.Cut(s, "點")
	}
	if !ok {
		return parseInt(s)
	}
	a, err := parseInt(ip)
	if err != nil {
		return 0, err
	}
	var digits strings.Builder
	digits.WriteString("0.")
	for _, r := range fp {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case isHanDigit(r):
			digits.WriteByte(byte('0' + hanDigit[r]))
		default:
			return 0, ErrSyntax
		}
	}
	f, err := strconv.ParseFloat(digits.String(), 64)
	if err != nil {
		return 0, ErrSyntax
	}
	return a + f, nil
}

// parseInt reads a numeral without 点: digits, Chinese units, Arabic
// numbers mixed with units (3.5万, 3万4000, 1千零1).
func parseInt(s string) (float64, error) {
	rs := []rune(s)
	var (
		total, section float64
		cur            = -1.0 // pending number, -1 when none
		curSingle      bool   // cur is one Chinese digit written right after a unit
		lastUnit       float64
		lastBig        float64
		zero           bool
		prevDigit      bool // previous atom was a Chinese digit
		any            bool
	)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r >= '0' && r <= '9' || r == '.':
			j := i
			for j < len(rs) && (rs[j] >= '0' && rs[j] <= '9' || rs[j] == '.') {
				j++
			}
			a, err := strconv.ParseFloat(string(rs[i:j]), 64)
			if err != nil {
				if errors.Is(err, strconv.ErrRange) {
					return 0, ErrRange
				}
				return 0, ErrSyntax
			}
			if cur >= 0 {
				return 0, ErrSyntax
			}
			cur, curSingle, prevDigit, any = a, false, false, true
			i = j
			continue
		case isHanDigit(r):
			d := float64(hanDigit[r])
			any = true
			if d == 0 && !prevDigit {
				zero = true
				cur = -1
				i++
				continue
			}
			if prevDigit && cur >= 0 {
				cur = cur*10 + d // 二〇二三 read digit by digit
				curSingle = false
			} else {
				cur = d
				curSingle = lastUnit >= 100 && !zero
			}
			prevDigit = true
		case r == '廿' || r == '卅':
			n := 20.0
			if r == '卅' {
				n = 30
			}
			section += n
			cur, lastUnit, prevDigit, any = -1, 10, false, true
		case isSmall(r):
			u := hanSmall[r]
			if cur < 0 {
				cur = 1
			}
			section += cur * u
			cur, lastUnit, prevDigit, any, zero = -1, u, false, true, false
		case isBig(r):
			u := hanBig[r]
			x := section
			if cur >= 0 {
				x += cur
			}
			if !any {
				return 0, ErrSyntax
			}
			if x == 0 && total == 0 {
				return 0, ErrSyntax
			}
			if lastBig != 0 && u >= lastBig {
				total = (total + x) * u
			} else {
				total += x * u
			}
			section, cur, lastUnit, lastBig, prevDigit, zero = 0, -1, u, u, false, false
		case r == '余' || r == '多' || r == '几' || r == '幾':
			// 十余万, 二十几万: the approximation words do not change the value
		default:
			return 0, ErrSyntax
		}
		i++
	}
	if !any {
		return 0, ErrSyntax
	}
	v := total + section
	if cur >= 0 {
		if curSingle && lastUnit >= 100 {
			v += cur * lastUnit / 10 // 两百五 = 250, 一万三 = 13000
		} else {
			v += cur
		}
	}
	return v, nil
}
