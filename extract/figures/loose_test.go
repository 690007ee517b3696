package figures

import (
	"strings"
	"testing"
)

// looseUnitRef is looseUnit as it was before its blank pre-check: the
// oracle of TestLooseUnitPrecheck.
func looseUnitRef(rs []rune, p int) (unitEntry, int, bool) {
	var cbuf [12]rune
	var abuf [12]int
	compact := cbuf[:0]
	at := abuf[:0]
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
		return unitEntry{}, 0, false
	}
	u, ok := matchUnit(compact, 0)
	if !ok || len([]rune(u.text)) < 2 {
		return unitEntry{}, 0, false
	}
	return u, at[len([]rune(u.text))-1] + 1, true
}

func sameLoose(t *testing.T, s string) {
	t.Helper()
	rs := []rune(s)
	for p := 0; p <= len(rs); p++ {
		u1, e1, ok1 := looseUnit(rs, p)
		u2, e2, ok2 := looseUnitRef(rs, p)
		if ok1 != ok2 || e1 != e2 || u1.text != u2.text {
			t.Fatalf("looseUnit(%q, %d) = %q %d %v, before the pre-check %q %d %v", s, p, u1.text, e1, ok1, u2.text, e2, ok2)
		}
	}
}

func TestLooseUnitPrecheck(t *testing.T) {
	n := 0
	for _, s := range []string{"一 百 五 十 个 百 分 点", "个 百 分 点", "个百分点", " 个百分点", "个\u3000百分点", "12 所",
		"平方" + strings.Repeat("米", 9) + " 公里", "平方" + strings.Repeat("米", 10) + " 公里", "平方" + strings.Repeat("米", 11) + " 公里", ""} {
		sameLoose(t, s)
		if _, _, ok := looseUnit([]rune(s), 0); ok {
			n++
		}
	}
	if n == 0 {
		t.Fatal("no loose unit found at all")
	}
}

func FuzzLooseUnit(f *testing.F) {
	f.Add("一 百 五 十 个 百 分 点")
	f.Add("平方米米米米米米米米米 公里")
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 200 {
			return
		}
		sameLoose(t, s)
	})
}
