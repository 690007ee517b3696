package figures

import (
	"math"
	"sort"
	"strconv"

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
	// example is the text that motivated the rule.
	example string
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
	families := [][]unitRule{percentUnits, moneyUnits, headcountUnits, schoolUnits, countUnits, measureUnits}
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
	for _, u := range unitIndex[rs[p]] {
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
		if bad {
			continue
		}
		return u, true
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
	var compact []rune
	var at []int // rs index of each compact rune
	for k := p; k < len(rs) && len(compact) < 12; k++ {
		if rs[k] == ' ' || rs[k] == '\u3000' {
			if len(compact) == 0 {
				break
			}
			continue
		}
		compact = append(compact, rs[k])
		at = append(at, k)
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
	n := len([]rune(w))
	return p-n >= 0 && hasAt(rs, p-n, w)
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
