package number

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: Parse never panics and returns only finite values.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"96.34", "一万二千三百", "肆佰陆拾", "3.5万", "三分之一", "百分之三十五", "负3又三分之一",
		"1,234,567", "２．７８９０e－１", strings.Repeat("9", 400), "2^-1", "一百零十万", "万万", "点", "分之"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := Parse(s)
		if err == nil && (math.IsInf(v, 0) || math.IsNaN(v)) {
			t.Fatalf("Parse(%q) = %v", s, v)
		}
	})
}

// FuzzScan: matches are in order, inside the text, never empty, finite.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"比上年的186988万元增加3286万元、增长1.76%", "占比17.54%140所公办园中", "〔202412号",
		"一 百 五 十 个 百 分 点", "百 分 之 一 百二 十点 五", "1 4/3的美梦,1/2的努力", "2024/08/29 16:16:38",
		"-1.1^--23", strings.Repeat("9", 400) + "万元", "\xff\xfe三", "三百 五 又 三 分之 一"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rs := []rune(s)
		prev := 0
		for _, m := range Scan(s) {
			if m.Start < prev || m.End <= m.Start || m.End > len(rs) {
				t.Fatalf("Scan(%q): bad span %d..%d after %d", s, m.Start, m.End, prev)
			}
			if string(rs[m.Start:m.End]) != m.Text || !utf8.ValidString(m.Text) && utf8.ValidString(s) {
				t.Fatalf("Scan(%q): text %q is not rs[%d:%d]", s, m.Text, m.Start, m.End)
			}
			if math.IsInf(m.Value, 0) || math.IsNaN(m.Value) {
				t.Fatalf("Scan(%q): %q = %v", s, m.Text, m.Value)
			}
			prev = m.End
		}
	})
}
