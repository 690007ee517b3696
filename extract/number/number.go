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
	Chinese    bool    // written at least partly with Chinese numerals
	Den        float64 // for Percent and Permille: 100, 1000, 10000… (百分之, 千分之, 万分之)
	// Overflow marks a numeral too large for a float64: matchAt reports
	// it (with its span) as no match, and ScanRunesMax counts it.
	Overflow bool
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
func financial(r rune) bool {
	return strings.ContainsRune("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟", r)
}

// notNumberWords are words that begin with a numeral character but are no
// number (一切 everything, 四川 a province, 万一 in case).
var notNumberWords = []string{"一切", "一看", "一些", "一直", "一定", "一般", "一致", "一律", "一同", "一旦",
	"一方面", "一体", "一起", "一线", "一流", "一样", "一贯", "一道", "四川", "万一", "千方百计", "两两", "一带一路",
	"一系列", "一批批", "三令五申", "七上八下", "五花八门", "十分", "万众", "百姓", "千万别", "一举", "一味", "一再", "一手", "十足",
}

func isArabic(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func arabicVal(r rune) int {
	if r >= '０' {
		return int(r - '０')
	}
	return int(r - '0')
}

func isHanDigit(r rune) bool {
	switch r {
	case '零', '〇', '○', '一', '二', '两', '兩', '俩', '倆', '三', '四', '五', '六', '七', '八', '九',
		'壹', '贰', '貳', '叁', '參', '肆', '伍', '陆', '陸', '柒', '捌', '玖':
		return true
	}
	return false
}

func isSmall(r rune) bool {
	switch r {
	case '十', '拾', '百', '佰', '千', '仟', '廿', '卅':
		return true
	}
	return false
}

func isBig(r rune) bool {
	switch r {
	case '万', '萬', '亿', '億', '兆':
		return true
	}
	return false
}

// startSet marks the runes a numeral may start with (digits, Chinese
// numerals, signs and points): one look-up per rune of a text, where the
// switches above cost a binary search each (ScanRunesMax's loop spent a
// tenth of the figure rules there).
var startSet = func() (set [1 << 13]byte) {
	for r := rune(0); r < 1<<16; r++ {
		if isArabic(r) || isHanDigit(r) || isSmall(r) || isBig(r) || r == '负' || r == '負' || r == '-' || r == '－' || r == '.' || r == '．' {
			set[r>>3] |= 1 << (r & 7)
		}
	}
	return set
}()

// mayStart reports whether a numeral may start with r.
func mayStart(r rune) bool {
	return r >= 0 && r < 1<<16 && startSet[r>>3]&(1<<(r&7)) != 0
}

// isNumeralRune reports whether r can be part of a Chinese numeral.
func isNumeralRune(r rune) bool { return isHanDigit(r) || isSmall(r) || isBig(r) }

// Scan returns the numerals of text in order.
func Scan(text string) []Match { return ScanRunes([]rune(text)) }

// ScanRunes returns the numerals of rs in order, with rune offsets.
func ScanRunes(rs []rune) []Match {
	out, _, _ := ScanRunesMax(rs, 0)
	return out
}

// ScanRunesMax is ScanRunes stopping after max numerals (max > 0); more
// says numerals were left unread, overflow counts the numerals skipped
// because their value is too large for a float64.
func ScanRunesMax(rs []rune, max int) (out []Match, more bool, overflow int) {
	return AppendScan(nil, rs, max)
}

// AppendScan is ScanRunesMax appending the numerals to dst (max counts
// those of rs only; 0: no bound), for a caller that keeps a buffer from one
// text to the next.
func AppendScan(dst []Match, rs []rune, max int) (out []Match, more bool, overflow int) {
	out = dst
	if max > 0 {
		max += len(dst) // max counts the numerals of rs only
	}
	for i := 0; i < len(rs); {
		if !mayStart(rs[i]) {
			i++
			continue
		}
		if n := notNumberAt(rs, i); n > 0 {
			i += n
			continue
		}
		m, ok := matchAt(rs, i)
		if !ok && m.Overflow {
			overflow++
			i = m.End
			continue
		}
		if !ok {
			if isHanDigit(rs[i]) {
				if end := runEnd(rs, i); end > i+1 {
					i = end // 二三十: a vague run is skipped whole
					continue
				}
			}
			i++
			continue
		}
		if max > 0 && len(out) == max {
			return out, true, overflow
		}
		out = append(out, m)
		i = m.End
	}
	return out, false, overflow
}

// MatchAt reads the numeral starting exactly at rs[i], if any; none when i
// is outside rs.
func MatchAt(rs []rune, i int) (Match, bool) {
	if i < 0 || i >= len(rs) {
		return Match{}, false
	}
	return matchAt(rs, i)
}

func matchAt(rs []rune, i int) (Match, bool) {
	r := rs[i]
	// 百分之… / 千分之… / 万分之… (blanks allowed: 百 分 之2.4)
	if isSmall(r) || isBig(r) {
		if den, k := perDenominator(rs, i); k > 0 {
			if end := runEnd(rs, k); end > k {
				if v, err := Parse(string(rs[k:end])); err == nil {
					if e2, v2, ok := arabicTail(rs, k, end, v); ok {
						end, v = e2, v2
					}
					f := Percent
					if den == 1000 {
						f = Permille
					}
					return Match{Start: i, End: end, Text: string(rs[i:end]), Value: v, Form: f, Den: den, Chinese: true}, true
				}
			}
			return Match{}, false
		}
	}
	start := i
	if r == '负' || r == '負' {
		if i+1 < len(rs) && (isArabic(rs[i+1]) || isHanDigit(rs[i+1]) || isSmall(rs[i+1])) {
			i++
		} else {
			return Match{}, false
		}
	} else if r == '-' || r == '－' {
		if i+1 < len(rs) && (isArabic(rs[i+1]) || rs[i+1] == '.' && i+2 < len(rs) && isArabic(rs[i+2])) &&
			(i == 0 || !(isArabic(rs[i-1]) || isLetter(rs[i-1]) || isNumeralRune(rs[i-1]) || rs[i-1] == '-' || rs[i-1] == '－')) &&
			!rangeDash(rs, i) {
			i++
		} else {
			return Match{}, false
		}
	}
	r = rs[i]
	if (r == '.' || r == '．') && i+1 < len(rs) && isArabic(rs[i+1]) && (i == 0 || !isArabic(rs[i-1]) && !isLetter(rs[i-1]) && rs[i-1] != '.') {
		// .5, -.5: a decimal without its leading zero
		end := runEnd(rs, i+1)
		if end < 0 {
			return Match{}, false
		}
		text := string(rs[start:end])
		v, err := Parse(strings.Replace(text, ".", "0.", 1))
		if err != nil {
			return Match{}, false
		}
		return Match{Start: start, End: end, Text: text, Value: v}, true
	}
	switch {
	case isArabic(r):
		if start == i && i > 0 && (isArabic(rs[i-1]) || rs[i-1] == '.' && i > 1 && isArabic(rs[i-2])) {
			return Match{}, false // inside a number we refused
		}
	case isHanDigit(r) || r == '十' || r == '拾' || r == '廿' || r == '卅':
		if start == i && notNumberAt(rs, i) > 0 {
			return Match{}, false
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
	text, v, err := parseRunes(rs[start:end])
	if err != nil {
		if errors.Is(err, ErrRange) {
			return Match{Start: start, End: end, Overflow: true}, false
		}
		return Match{}, false
	}
	if e2, v2, ok := arabicTail(rs, i, end, v); ok {
		end, v = e2, v2
		text = string(rs[start:end])
	} else if e2, v2, ok := dozen(rs, end, v); ok {
		end, v = e2, v2
		text = string(rs[start:end])
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

// rangeDash reports a dash that joins the two ends of a range rather than
// a minus sign: a number with its unit stands right before it (15%-20%,
// 3人-5人), unlike 增长-3.2% where words do.
func rangeDash(rs []rune, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		switch r := rs[k]; {
		case isArabic(r):
			return true
		case r == '%' || r == '％' || r == '‰' || r >= 0x4e00 && r <= 0x9fff:
		default:
			return false
		}
	}
	return false
}

// perDenominator reads a bare unit denominator before 分之 at rs[i]
// (百分之, 千分之, 万分之, 百万分之, blanks allowed) and returns its value
// and where the numerator starts, or 0.
func perDenominator(rs []rune, i int) (float64, int) {
	if i > 0 && (isHanDigit(rs[i-1]) || isArabic(rs[i-1]) || isSmall(rs[i-1]) || isBig(rs[i-1])) {
		return 0, 0 // 一百分之二 is a fraction with a numeral denominator
	}
	j := i
	for j < len(rs) && (isSmall(rs[j]) || isBig(rs[j]) || isBlank(rs[j]) && j > i) && rs[j] != '廿' && rs[j] != '卅' {
		j++
	}
	if j == i || j >= len(rs) || rs[j] != '分' {
		return 0, 0
	}
	n := fractionTail(rs, j)
	if n == 0 {
		return 0, 0
	}
	den, err := parseDen(strings.Join(strings.Fields(string(rs[i:j])), ""))
	if err != nil || den < 100 {
		return 0, 0
	}
	k := j + n
	for k > j && !isBlank(rs[k-1]) && rs[k-1] != '之' {
		k-- // back to just after 之 and its blanks
	}
	return den, k
}

// notNumberAt returns the length of a word at rs[i] that starts with a
// numeral but is no number (一切, 四川, 十足), else 0.
func notNumberAt(rs []rune, i int) int {
	switch rs[i] {
	case '一', '四', '万', '千', '两', '三', '七', '五', '十', '百':
	default:
		return 0 // no word of notNumberWords starts with it (TestNotNumberFirst)
	}
	for _, w := range notNumberIndex[rs[i]] {
		if hasRunesAt(rs, i, w) {
			return len(w)
		}
	}
	return 0
}

// notNumberIndex holds notNumberWords by first rune, built at init.
var notNumberIndex = func() map[rune][][]rune {
	m := map[rune][][]rune{}
	for _, w := range notNumberWords {
		r := []rune(w)
		m[r[0]] = append(m[r[0]], r)
	}
	return m
}()

func hasRunesAt(rs []rune, i int, w []rune) bool {
	if i+len(w) > len(rs) {
		return false
	}
	for k, c := range w {
		if rs[i+k] != c {
			return false
		}
	}
	return true
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

// runEnd returns the end of the numeral run starting at i (exclusive), or
// -1. Blanks (up to three) may stand inside a Chinese numeral (一百 五 十 二,
// 7 万5 千4 百) but never between two Arabic digits.
func runEnd(rs []rune, i int) int {
	j := i
	last := -1 // end of the last rune that may end a numeral
	prev := rune(0)
	for j < len(rs) {
		r := rs[j]
		switch {
		case isBlank(r) && j > i:
			k := j
			for k < len(rs) && isBlank(rs[k]) && k-j < 3 {
				k++
			}
			if k >= len(rs) || !joinable(prev, rs, k) {
				return last
			}
			j = k
			continue
		case isArabic(r):
			j++
			last = j
		case isSmall(r) && prev != 0 && isSmall(prev) && hanSmall[prev] < hanSmall[r]:
			return last // 五十千 is 五十 and a stray 千
		case isNumeralRune(r):
			j++
			last = j
		case (r == '.' || r == '．') && j > i && isArabic(rs[j-1]) && j+1 < len(rs) && isArabic(rs[j+1]):
			j++
		case (r == ',' || r == '，' && rs[j-1] >= '０') && j > i && isArabic(rs[j-1]) && thousandGroup(rs, j+1):
			// ，separates thousands only between fullwidth digits (４，５６５);
			// between ASCII digits it separates numbers ($20，300美圆).
			j++
		case (r == '点' || r == '點') && j > i && isNumeralRune(prev) && decimalAhead(rs, j+1):
			j++
		case (r == '余' || r == '多' || r == '几' || r == '幾') && j > i && bigOrSmallAhead(rs, j+1):
			j++
		case r == '分' && j > i && fractionTail(rs, j) > 0:
			j += fractionTail(rs, j)
		case r == '又' && j > i && fractionAhead(rs, j+1):
			j++
		default:
			return last
		}
		prev = r
	}
	return last
}

func isBlank(r rune) bool { return r == ' ' || r == '\u3000' }

// joinable reports whether a numeral goes on across blanks: from prev to the
// rune at rs[k].
func joinable(prev rune, rs []rune, k int) bool {
	next := rs[k]
	hanPrev := isNumeralRune(prev) || strings.ContainsRune("点點又之余多几幾", prev)
	hanNext := isNumeralRune(next) || strings.ContainsRune("点點又余几幾", next) || next == '分' && fractionTail(rs, k) > 0
	switch {
	case hanPrev && hanNext:
		return true
	case isArabic(prev) && (isBig(next) || isSmall(next) || next == '分' && fractionTail(rs, k) > 0):
		return true // 7 万, 1000  万, ３ 分之 一
	case (isBig(prev) || isSmall(prev) || prev == '之' || prev == '又' || prev == '点') && isArabic(next):
		return true // 7万 5千, 3分  之1
	}
	return false
}

// decimalAhead reports a decimal digit after 点 (blanks allowed); 两 is
// never a decimal digit (两百点两 is 两百 and 两).
func decimalAhead(rs []rune, k int) bool {
	for k < len(rs) && isBlank(rs[k]) {
		k++
	}
	if k >= len(rs) {
		return false
	}
	r := rs[k]
	return isArabic(r) || isHanDigit(r) && !strings.ContainsRune("两兩俩倆", r)
}

func bigOrSmallAhead(rs []rune, k int) bool {
	for k < len(rs) && isBlank(rs[k]) {
		k++
	}
	return k < len(rs) && (isBig(rs[k]) || isSmall(rs[k]))
}

// fractionTail returns the length of 分之 (with blanks) at j when a numerator
// follows, else 0.
func fractionTail(rs []rune, j int) int {
	k := j + 1
	for k < len(rs) && isBlank(rs[k]) {
		k++
	}
	if k >= len(rs) || rs[k] != '之' {
		return 0
	}
	k++
	for k < len(rs) && isBlank(rs[k]) {
		k++
	}
	if k < len(rs) && (rs[k] == '负' || rs[k] == '負') {
		k++
	}
	if k < len(rs) && (isArabic(rs[k]) || isHanDigit(rs[k]) || isSmall(rs[k])) {
		return k - j
	}
	return 0
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

// fractionAhead reports whether a fraction X分之Y starts at k (blanks allowed).
func fractionAhead(rs []rune, k int) bool {
	for k < len(rs) && isBlank(rs[k]) {
		k++
	}
	j := k
	for j < len(rs) && (isArabic(rs[j]) || isNumeralRune(rs[j]) || isBlank(rs[j])) {
		j++
	}
	return j > k && j < len(rs) && rs[j] == '分' && fractionTail(rs, j) > 0
}

// Parse reads one numeral string: Arabic, Chinese, mixed, 点-decimal,
// fraction (分之, optionally 又), 百分之/千分之 (giving the number after it).
// Blanks inside are ignored.
func Parse(s string) (float64, error) {
	if plainDecimal(s) {
		return parsePlain(s)
	}
	return parseGeneral(s)
}

// plainDecimal reports whether s is only ASCII digits and points, as most
// numerals of a text are (2023, 12.5).
func plainDecimal(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if (s[i] < '0' || s[i] > '9') && s[i] != '.' {
			return false
		}
	}
	return true
}

// parsePlain is parseGeneral for a plainDecimal s, which it reads with one
// strconv.ParseFloat as parseInt would, without mapping, cutting and
// converting s first.
func parsePlain(s string) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, ErrRange
		}
		return 0, ErrSyntax
	}
	if math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, ErrRange
	}
	return v, nil
}

// parseGeneral is Parse for any numeral.
func parseGeneral(s string) (float64, error) {
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
	if len(rs) >= 1 && !isHanDigit(rs[0]) && !isArabic(rs[0]) {
		// a bare unit: 百, 千, 万, 百万, 万万
		v := 1.0
		for _, r := range rs {
			if u, ok := hanSmall[r]; ok {
				v *= u
			} else if u, ok := hanBig[r]; ok {
				v *= u
			} else {
				return parse(s)
			}
		}
		return v, nil
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
		seq            bool // digits read one by one (二〇二三)
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
				seq = true
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
			if prevDigit && seq {
				return 0, ErrSyntax // 二三十: twenty or thirty, no number
			}
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

// arabicTail extends an Arabic numeral rs[i:end] with value v by the
// notations of technical text: an exponent (2e5, 12.32e+14), a power (2^5,
// 2.5^-1), a magnitude letter (40k, -2.5 M), a slash fraction (3/5, 1 3/5).
// Dates (2024/08/29) are no fractions: both sides must be short and the
// slash must not repeat.
func arabicTail(rs []rune, i, end int, v float64) (int, float64, bool) {
	for k := i; k < end; k++ {
		if !isArabic(rs[k]) && rs[k] != '.' && rs[k] != '．' && rs[k] != ',' && rs[k] != '，' {
			return 0, 0, false
		}
	}
	if end >= len(rs) {
		return 0, 0, false
	}
	digitsAt := func(k int) (int, int) { // end and count of digits from k
		n := k
		for n < len(rs) && isArabic(rs[n]) {
			n++
		}
		return n, n - k
	}
	signs := func(k int) (int, bool) { // skips + and - signs; odd minus count → negative
		neg := false
		for k < len(rs) && strings.ContainsRune("+-－＋", rs[k]) {
			if rs[k] == '-' || rs[k] == '－' {
				neg = !neg
			}
			k++
		}
		return k, neg
	}
	letterAfter := func(k int) bool { return k < len(rs) && isLetter(rs[k]) }
	switch r := rs[end]; {
	case r == 'e' || r == 'E' || r == 'ｅ' || r == 'Ｅ':
		k, neg := signs(end + 1)
		n, cnt := digitsAt(k)
		if cnt == 0 || cnt > 3 || letterAfter(n) {
			return 0, 0, false
		}
		x, _ := strconv.Atoi(toASCII(rs[k:n]))
		if neg {
			x = -x
		}
		out := v * math.Pow(10, float64(x))
		if math.IsInf(out, 0) || math.IsNaN(out) {
			return 0, 0, false
		}
		return n, out, true
	case r == '^':
		k, neg := signs(end + 1)
		n, cnt := digitsAt(k)
		if cnt == 0 || cnt > 3 {
			return 0, 0, false
		}
		x, _ := strconv.Atoi(toASCII(rs[k:n]))
		if neg {
			x = -x
		}
		out := math.Pow(math.Abs(v), float64(x))
		if v < 0 {
			out = -out
		}
		if math.IsInf(out, 0) || math.IsNaN(out) {
			return 0, 0, false
		}
		return n, out, true
	case r == '/' || r == '／':
		if end-i > 3 || i > 0 && (rs[i-1] == '/' || rs[i-1] == '／') {
			return 0, 0, false
		}
		n, cnt := digitsAt(end + 1)
		if cnt == 0 || cnt > 3 || n < len(rs) && (rs[n] == '/' || rs[n] == '／' || rs[n] == '.' || isLetter(rs[n])) {
			return 0, 0, false
		}
		d, _ := strconv.Atoi(toASCII(rs[end+1 : n]))
		if d == 0 {
			return 0, 0, false
		}
		return n, v / float64(d), true
	case r == ' ' && end+1 < len(rs) && isArabic(rs[end+1]):
		// 1 3/5: a whole number before a slash fraction
		n, _ := digitsAt(end + 1)
		if n < len(rs) && (rs[n] == '/' || rs[n] == '／') {
			f, err := Parse(string(rs[end+1 : n]))
			if err != nil {
				return 0, 0, false
			}
			if e2, fv, ok := arabicTail(rs, end+1, n, f); ok && !strings.ContainsAny(string(rs[i:end]), ".．") {
				if v < 0 {
					return e2, v - fv, true
				}
				return e2, v + fv, true
			}
		}
		fallthrough
	default:
		k := end
		for k < len(rs) && rs[k] == ' ' && k-end < 2 {
			k++
		}
		if k < len(rs) && !letterAfter(k+1) {
			switch rs[k] {
			case 'k', 'K', 'ｋ', 'Ｋ':
				return k + 1, v * 1e3, true
			case 'M', 'm', 'Ｍ', 'ｍ':
				return k + 1, v * 1e6, true
			}
		}
	}
	return 0, 0, false
}

// dozen reads 打 (a dozen) after a numeral: 一打 = 12, 五十打 = 600; 打 is a
// verb when another verb character follows (打造, 打击).
func dozen(rs []rune, end int, v float64) (int, float64, bool) {
	if end >= len(rs) || rs[end] != '打' {
		return 0, 0, false
	}
	if end+1 < len(rs) && strings.ContainsRune("造击破通开好响赢工卡印扫包球算入出掉败倒扮听折", rs[end+1]) {
		return 0, 0, false
	}
	return end + 1, v * 12, true
}

func toASCII(rs []rune) string {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		b = append(b, byte(r))
	}
	return string(b)
}

// parsed is a numeral's text and what Parse makes of it.
type parsed struct {
	text string
	v    float64
	err  error
}

// oneRuneParsed holds string(r) and Parse(string(r)) for every rune r a
// numeral may be made of: a third of a text's numerals are one Han digit
// (一, 三, 十), parsed and converted here once instead of at each.
var oneRuneParsed = func() map[rune]parsed {
	m := map[rune]parsed{}
	add := func(r rune) {
		v, err := Parse(string(r))
		m[r] = parsed{string(r), v, err}
	}
	for r := '0'; r <= '9'; r++ {
		add(r)
		add(r - '0' + '０')
	}
	for _, runes := range []map[rune]int{hanDigit} {
		for r := range runes {
			add(r)
		}
	}
	for _, runes := range []map[rune]float64{hanSmall, hanBig} {
		for r := range runes {
			add(r)
		}
	}
	add('廿')
	add('卅')
	return m
}()

// parseRunes is string(rs) and Parse of it.
func parseRunes(rs []rune) (string, float64, error) {
	if len(rs) == 1 {
		if p, ok := oneRuneParsed[rs[0]]; ok {
			return p.text, p.v, p.err
		}
	}
	text := string(rs)
	v, err := Parse(text)
	return text, v, err
}
