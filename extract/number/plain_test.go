package number

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

// samePlain checks Parse's fast path against the general one it skips.
func samePlain(t *testing.T, s string) {
	t.Helper()
	if !plainDecimal(s) {
		return
	}
	v1, err1 := parsePlain(s)
	v2, err2 := parseGeneral(s)
	if err1 != err2 || math.Float64bits(v1) != math.Float64bits(v2) {
		t.Fatalf("%q: fast path %v, %v; general %v, %v", s, v1, err1, v2, err2)
	}
}

func TestParsePlainAgrees(t *testing.T) {
	for _, s := range []string{"0", "2023", "12.5", "96.34", ".5", "5.", ".", "..", "1.2.3", "007", "0.000000001",
		strings.Repeat("9", 400), "1" + strings.Repeat("0", 308), "1" + strings.Repeat("0", 309), "0." + strings.Repeat("0", 400) + "1"} {
		if !plainDecimal(s) {
			t.Fatalf("%q is plain", s)
		}
		samePlain(t, s)
	}
	for _, s := range []string{"", "1,234", "１２", "3万", "-1", "1e5", "三"} {
		if plainDecimal(s) {
			t.Errorf("%q is not plain", s)
		}
	}
}

func FuzzParsePlain(f *testing.F) {
	for _, s := range []string{"96.34", "1.2.3", ".", strings.Repeat("9", 400)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		samePlain(t, s)
		// Digits and points only, whatever the fuzzer wrote.
		samePlain(t, strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' || r == '.' {
				return r
			}
			return -1
		}, s))
	})
}

// TestNotNumberFirst: notNumberAt's switch holds the first rune of every
// word of notNumberWords.
func TestNotNumberFirst(t *testing.T) {
	for _, w := range notNumberWords {
		rs := []rune(w + "x")
		if notNumberAt(rs, 0) != len([]rune(w)) {
			t.Errorf("notNumberAt misses %q", w)
		}
	}
}

// TestParseRunes holds parseRunes to string and Parse: every rune alone,
// and a few numerals of more runes.
func TestParseRunes(t *testing.T) {
	check := func(rs []rune) {
		text, v, err := parseRunes(rs)
		wantV, wantErr := Parse(string(rs))
		if text != string(rs) || v != wantV && !(math.IsNaN(v) && math.IsNaN(wantV)) || err != wantErr {
			t.Fatalf("parseRunes(%q) = %q, %v, %v; want %q, %v, %v", string(rs), text, v, err, string(rs), wantV, wantErr)
		}
	}
	for r := rune(0); r <= 0x10FFFF; r++ {
		check([]rune{r})
	}
	for _, s := range []string{"", "一二", "二十", "3.5", "12", "一万", "百三", "9999999999999999999999"} {
		check([]rune(s))
	}
}

// TestOneRuneParsedHoldsEveryNumeralRune: every rune a numeral may be made
// of takes the fast path.
func TestOneRuneParsedHoldsEveryNumeralRune(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		if _, ok := oneRuneParsed[r]; (isArabic(r) || isNumeralRune(r) || r == '廿' || r == '卅') && !ok {
			t.Errorf("%q is a numeral rune without its parse", r)
		}
	}
}

// checkAppendScan holds AppendScan to ScanRunesMax after a buffer of other
// numerals, with and without a bound.
func checkAppendScan(t *testing.T, s string) {
	rs := []rune(s)
	junk := ScanRunes([]rune("12个和三所"))
	for _, max := range []int{0, 1, 2, 5} {
		want, wantMore, wantOver := ScanRunesMax(rs, max)
		got, more, over := AppendScan(append([]Match(nil), junk...), rs, max)
		if !reflect.DeepEqual(got[:len(junk)], junk) || !reflect.DeepEqual(got[len(junk):], append([]Match{}, want...)) && len(want)+len(got[len(junk):]) > 0 ||
			more != wantMore || over != wantOver {
			t.Fatalf("AppendScan(%q, %d) = %v, %v, %v; want %v after the buffer, %v, %v", s, max, got, more, over, want, wantMore, wantOver)
		}
	}
}

func TestAppendScan(t *testing.T) {
	for _, s := range []string{"", "3所", "比上年的186988万元增加3286万元、增长1.76%", "一二三四五六", strings.Repeat("9", 400) + "万元 5人"} {
		checkAppendScan(t, s)
	}
}

func FuzzAppendScan(f *testing.F) {
	f.Add("比上年的186988万元增加3286万元、增长1.76%")
	f.Fuzz(checkAppendScan)
}
