package figures

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/govfig/govfig/schema"
)

// unitRule is one unit a number may carry. Units are matched right after
// the number (after an infix 余/多), longest first; a magnitude word
// (万, 亿…) may stand before a unit that allows it and then belongs to the
// unit as written (3.5万人 → value 3.5, unit 万人, normalized 35000).
type unitRule struct {
	unit   string      // as written, without magnitude
	kind   schema.Kind // the kind it makes
	base   string      // base unit of normalized
	factor float64     // normalized = value × magnitude × factor
	mags   bool        // accepts a magnitude word before it
	// notAfter lists words that, following the unit, show it is part of
	// another word (个月 is a duration, 人民币 no headcount).
	notAfter []string
	// alone: no Han word may follow the unit (届, 字, 分 end a word:
	// 5届 but not 十八届人大), except the words of aloneOK.
	alone bool
	// rate: the unit is written only as a rate (1.52万管/日).
	rate bool
	// example is the text that motivated the rule.
	example string
	// note is the decision behind the rule (units.tsv).
	note string
}

// magnitude is a magnitude word written between a number and its unit.
type magnitude struct {
	word   string
	factor float64
}

// magnitudes, longest first.
var magnitudes = []magnitude{
	{"万亿", 1e12}, {"千万", 1e7}, {"百万", 1e6}, {"亿", 1e8}, {"万", 1e4}, {"千", 1e3},
}

// magnitudeRunes are the words of magnitudes as runes.
var magnitudeRunes = func() [][]rune {
	out := make([][]rune, len(magnitudes))
	for i, m := range magnitudes {
		out[i] = []rune(m.word)
	}
	return out
}()

// unitEntry is a unit with its magnitude, as matched in text.
type unitEntry struct {
	text  string // magnitude + unit, as written
	runes []rune
	mag   float64
	rule  *unitRule
	not   [][]rune // rule.notAfter as runes
}

// unitIndex holds unitTable by first rune, longest first.
var unitIndex = map[rune][]unitEntry{}

// unitTable lists every unit with every magnitude it allows, longest first;
// built at init from the family tables.
var unitTable []unitEntry

func init() {
	families := [][]unitRule{percentUnits, moneyUnits, headcountUnits, schoolUnits, tableUnits}
	for _, fam := range families {
		for i := range fam {
			r := &fam[i]
			if r.factor == 0 {
				panic("figures: unit " + r.unit + " has no factor")
			}
			unitTable = append(unitTable, unitEntry{text: r.unit, mag: 1, rule: r})
			if r.mags {
				for _, m := range magnitudes {
					unitTable = append(unitTable, unitEntry{text: m.word + r.unit, mag: m.factor, rule: r})
				}
			}
		}
	}
	sort.SliceStable(unitTable, func(i, j int) bool {
		return len([]rune(unitTable[i].text)) > len([]rune(unitTable[j].text))
	})
	for i := range unitTable {
		u := &unitTable[i]
		u.runes = []rune(u.text)
		for _, w := range u.rule.notAfter {
			u.not = append(u.not, []rune(w))
		}
		unitIndex[u.runes[0]] = append(unitIndex[u.runes[0]], *u)
	}
}

// matchUnit returns the unit written at rs[p:], if any.
func matchUnit(rs []rune, p int) (unitEntry, bool) {
	if p < 0 || p >= len(rs) {
		return unitEntry{}, false
	}
	us := unitIndex[rs[p]]
	for i := range us {
		u := &us[i] // no copy of the entries that do not match
		if !runesAt(rs, p, u.runes) {
			continue
		}
		end := p + len(u.runes)
		bad := false
		for _, w := range u.not {
			if runesAt(rs, end, w) {
				bad = true
				break
			}
		}
		if bad || u.rule.alone && end < len(rs) && isHan(rs[end]) && !runeIn(aloneOK, rs[end]) {
			continue
		}
		if u.rule.rate && rateSuffixAt(rs, end) == 0 {
			continue
		}
		return *u, true
	}
	return unitEntry{}, false
}

// matchUnitLoose is matchUnit allowing blanks inside a unit of two or more
// runes (个 百 分 点): it returns the unit and where it ends in rs.
func matchUnitLoose(rs []rune, p int) (unitEntry, int, bool) {
	exact, okExact := matchUnit(rs, p)
	if lu, end, ok := looseUnit(rs, p); ok && (!okExact || len([]rune(lu.text)) > len([]rune(exact.text))) {
		return lu, end, true
	}
	if okExact {
		return exact, p + len([]rune(exact.text)), true
	}
	return unitEntry{}, 0, false
}

func looseUnit(rs []rune, p int) (unitEntry, int, bool) {
	// Without a blank among the next 12 runes, the loop below would read 12
	// runes and no blank: most numbers have their unit right after them.
	blank := false
	for k := p; k < len(rs) && k < p+12; k++ {
		if rs[k] == ' ' || rs[k] == '\u3000' {
			blank = true
			break
		}
	}
	if !blank {
		return unitEntry{}, 0, false
	}
	var cbuf [12]rune
	var abuf [12]int
	compact := cbuf[:0]
	at := abuf[:0] // rs index of each compact rune
	blanks := false
	for k := p; k < len(rs) && len(compact) < len(cbuf); k++ {
		if rs[k] == ' ' || rs[k] == '\u3000' {
			if len(compact) == 0 {
				break
			}
			blanks = true
			continue
		}
		compact = append(compact, rs[k])
		at = append(at, k)
	}
	if !blanks {
		return unitEntry{}, 0, false // no blank inside: matchUnit's own answer
	}
	u, ok := matchUnit(compact, 0)
	if !ok || len([]rune(u.text)) < 2 {
		return unitEntry{}, 0, false
	}
	return u, at[len([]rune(u.text))-1] + 1, true
}

// runesAt reports whether rs[p:] starts with w.
func runesAt(rs []rune, p int, w []rune) bool {
	if p < 0 || p+len(w) > len(rs) {
		return false
	}
	for k, c := range w {
		if rs[p+k] != c {
			return false
		}
	}
	return true
}

// hasAt reports whether rs[p:] starts with w.
func hasAt(rs []rune, p int, w string) bool {
	if p < 0 {
		return false
	}
	for _, c := range w {
		if p >= len(rs) || rs[p] != c {
			return false
		}
		p++
	}
	return true
}

// hasBefore reports whether rs[:p] ends with w.
func hasBefore(rs []rune, p int, w string) bool {
	if w == "" {
		return p >= 0
	}
	if p > len(rs) {
		return false
	}
	for len(w) > 0 {
		r, n := utf8.DecodeLastRuneInString(w)
		if p <= 0 || rs[p-1] != r {
			return false
		}
		w, p = w[:len(w)-n], p-1
	}
	return true
}

// sub returns rs[a:b] as a string, or "" when the span is empty or invalid.
func sub(rs []rune, a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(rs) {
		b = len(rs)
	}
	if a >= b {
		return ""
	}
	return string(rs[a:b])
}

// sub is sub(c.rs, a, b) without a copy when the text is valid UTF-8 (a
// slice of doc.Text by the byte offsets of the runes).
func (c *docCtx) sub(a, b int) string {
	if a < 0 {
		a = 0
	}
	if b > len(c.rs) {
		b = len(c.rs)
	}
	if a >= b {
		return ""
	}
	if c.off == nil {
		return string(c.rs[a:b])
	}
	return c.doc.Text[c.off[a]:c.off[b]]
}

// decodeText returns the runes of s (as []rune(s) would) and the byte
// offset of every rune with len(s) last, in one pass; the offsets are nil
// when s is not valid UTF-8 (a rune slice of s then differs from s).
func decodeText(s string) ([]rune, []int32) {
	n := utf8.RuneCountInString(s)
	rs := make([]rune, n)
	var off []int32
	valid := len(s) <= math.MaxInt32
	if valid {
		off = make([]int32, n+1)
	}
	k := 0
	for i := 0; i < len(s); k++ {
		c := s[i]
		r, w := rune(c), 1
		switch {
		case c < utf8.RuneSelf:
		case (c >= 0xe1 && c <= 0xec || c == 0xee || c == 0xef) && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80:
			// Three bytes whose lead allows any continuation bytes (not
			// 0xe0 or 0xed, nor 0xf0 and up): every Han character and
			// Chinese mark, decoded here rather than in utf8's slow path.
			r, w = rune(c&0x0f)<<12|rune(s[i+1]&0x3f)<<6|rune(s[i+2]&0x3f), 3
		default:
			r, w = utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && w == 1 {
				valid = false
			}
		}
		rs[k] = r
		if valid {
			off[k] = int32(i)
		}
		i += w
	}
	if !valid {
		return rs, nil
	}
	off[n] = int32(len(s))
	return rs, off
}

// scaled is value × mag × factor with the binary noise of the product
// rounded away: 2.3亿元 is 230000000 元, not 229999999.99999997. Fifteen
// significant digits are all a float64 holds exactly.
func scaled(value, mag, factor float64) float64 {
	x := value * mag * factor
	if mag*factor == 1 || math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 15, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// unitsTSV holds the measure words and units of counts, measures and
// multiples, one a line with its example and the decision behind it.
//
//go:embed units.tsv
var unitsTSV string

// tableUnits are the rows of units.tsv in file order.
var tableUnits = mustLoadUnits(unitsTSV)

// aloneOK may follow a unit flagged alone (60分的学生, 5届以上, 12万字、).
const aloneOK = "的以左和及与或至到、"

// rateSuffixes follow a unit to make a rate (1.52万管/日): unit and base
// unit take the suffix.
var rateSuffixes = []string{"/日", "/天", "/年", "/月", "/小时", "/时", "/秒", "／日", "／天", "／年"}

// rateSuffixAt returns the length of a rate suffix at rs[p:], or 0.
func rateSuffixAt(rs []rune, p int) int {
	for _, s := range rateSuffixes {
		if hasAt(rs, p, s) {
			return len([]rune(s))
		}
	}
	return 0
}

// mustLoadUnits reads units.tsv; a malformed line panics at init.
func mustLoadUnits(data string) []unitRule {
	rules, err := loadUnits(data)
	if err != nil {
		panic("figures: units.tsv: " + err.Error())
	}
	return rules
}

// loadUnits parses the lines of units.tsv (format in its header).
func loadUnits(data string) ([]unitRule, error) {
	var out []unitRule
	sc := bufio.NewScanner(strings.NewReader(data))
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 8 {
			return nil, fmt.Errorf("line %d: %d fields, want 8", line, len(f))
		}
		factor, err := strconv.ParseFloat(f[3], 64)
		if err != nil || factor <= 0 {
			return nil, fmt.Errorf("line %d: bad factor %q", line, f[3])
		}
		kind := schema.Kind(f[1])
		known := false
		for _, k := range schema.Kinds {
			known = known || k == kind
		}
		if !known || f[0] == "" || f[6] == "" {
			return nil, fmt.Errorf("line %d: unknown kind %q, or no unit or example", line, f[1])
		}
		r := unitRule{unit: f[0], kind: kind, base: f[2], factor: factor, notAfter: strings.Fields(f[5]), example: f[6], note: f[7]}
		for _, fl := range strings.Fields(f[4]) {
			switch fl {
			case "mags":
				r.mags = true
			case "alone":
				r.alone = true
			case "rate":
				r.rate = true
			default:
				return nil, fmt.Errorf("line %d: unknown flag %q", line, fl)
			}
		}
		out = append(out, r)
	}
	return out, sc.Err()
}
