package number

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
	}{
		{"96.34", 96.34}, {"1,234,567", 1234567}, {"１２３", 123}, {"１２．５", 12.5},
		{"十二", 12}, {"两", 2}, {"一百二十三", 123}, {"一万二千三百", 12300}, {"肆佰陆拾", 460},
		{"二〇二三", 2023}, {"零点五", 0.5}, {"廿三", 23}, {"三点五", 3.5}, {"两百五", 250},
		{"一千零一", 1001}, {"一万三", 13000}, {"3.5万", 35000}, {"1.2亿", 1.2e8}, {"3万4000", 34000},
		{"四万万", 4e8}, {"一万五千亿", 1.5e12}, {"十余万", 1e5}, {"三分之一", 1.0 / 3},
		{"3又三分之一", 10.0 / 3}, {"百分之三十五", 35}, {"负三十二", -32}, {"千三", 1300},
		{"五兆六十二亿四万五千二", 5006200045200}, {"一百零十万", 1100000}, {"四百五十", 450},
	} {
		got, err := Parse(c.in)
		if err != nil || math.Abs(got-c.want) > 1e-9*math.Max(1, math.Abs(c.want)) {
			t.Errorf("Parse(%q) = %v, %v; want %v", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "万", "万万", "点", "abc", "分之", strings.Repeat("9", 400), "3..5"} {
		if v, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) = %v, want an error", bad, v)
		}
	}
}

// TestScan marks the expected numerals with ⟦⟧ in each input.
func TestScan(t *testing.T) {
	for _, in := range []string{
		"学前⟦三⟧年毛入园率⟦96.34⟧%",
		"比上年的⟦186988万⟧元增加⟦3286万⟧元",
		"新建⟦两⟧所学校",
		"完成⟦5000⟧人次以上",
		"年开展各类培训⟦5万⟧人次",
		"⟦一万二千三百⟧名",
		"⟦百分之三十五⟧的学校",
		"占⟦三分之一⟧",
		"处理函⟦160⟧,涉及线索⟦200⟧条",
		"共计⟦1,234⟧名",
		"一切正常,我家在四川",
		"陆地上有许多动物",
		"⟦３２⟧所",
		"分别为⟦0.4175⟧和⟦0.3986⟧",
		"2024-2026",
	} {
		plain, spans := unmark(in)
		var got []string
		for _, m := range Scan(plain) {
			got = append(got, string([]rune(plain)[m.Start:m.End]))
		}
		if strings.Contains(in, "2024-2026") {
			if strings.Join(got, "|") != "2024|2026" {
				t.Errorf("Scan(%q) = %q", plain, got)
			}
			continue
		}
		if strings.Join(got, "|") != strings.Join(spans, "|") {
			t.Errorf("Scan(%q) = %q, want %q", plain, got, spans)
		}
	}
}

func unmark(s string) (string, []string) {
	var b strings.Builder
	var spans []string
	for {
		i := strings.Index(s, "⟦")
		if i < 0 {
			b.WriteString(s)
			return b.String(), spans
		}
		j := strings.Index(s, "⟧")
		b.WriteString(s[:i])
		spans = append(spans, s[i+len("⟦"):j])
		b.WriteString(s[i+len("⟦") : j])
		s = s[j+len("⟧"):]
	}
}

// TestMatchAtOutside: MatchAt past either end of the text is no match, not a
// panic (the label rules ask for the numeral after a last 与: "0人以与",
// found by FuzzExtract in a ten-minute run).
func TestMatchAtOutside(t *testing.T) {
	rs := []rune("0人以与")
	for _, i := range []int{-1, len(rs), len(rs) + 5} {
		if _, ok := MatchAt(rs, i); ok {
			t.Errorf("MatchAt(%d) matched", i)
		}
	}
}

// TestMayStart: the look-up table answers as the predicates it was built
// from, for every rune (and a negative one).
func TestMayStart(t *testing.T) {
	for r := rune(-1); r <= 0x10FFFF; r++ {
		want := isArabic(r) || isHanDigit(r) || isSmall(r) || isBig(r) || r == '负' || r == '負' || r == '-' || r == '－' || r == '.' || r == '．'
		if got := mayStart(r); got != want {
			t.Fatalf("mayStart(%q U+%04X) = %v, want %v", r, r, got, want)
		}
	}
}
