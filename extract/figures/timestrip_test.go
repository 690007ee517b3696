package figures

import (
	"fmt"
	"regexp"
	"testing"
	"unicode/utf8"
)

// labelTimeRe is the specification of labelTimeStrip's time expressions,
// the regular expression it was before being scanned by hand: the oracle of
// the two tests below.
var labelTimeRe = regexp.MustCompile(`((19|20)\d\d年(以来|至今|底|末|初|度|秋季|春季|上半年|下半年)?|[0-9一二三四五六七八九十两]+年(内|来|以来)|近[0-9一二三四五六七八九十两]+年|年初|年末|全年|年底|目前|至今|截至目前|当年|今年|上一年度|上年度|去年|上年|同时)`)

func labelTimeStripRe(s string) string {
	if locs := labelTimeRe.FindAllStringIndex(s, -1); locs != nil {
		return s[locs[len(locs)-1][1]:]
	}
	return s
}

func TestLabelTimeStrip(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"2023年以来遴选", "遴选"},
		{"计划三年内撤并", "撤并"},
		{"如模范小学2024年秋季在校生", "在校生"},
		{"近五年累计投入", "累计投入"},
		{"截至目前全区", "全区"},
		{"上一年度全区", "全区"},
		{"上年度全区", "全区"},
		{"12020年招生", "招生"},  // 2020年 inside a longer run of digits
		{"2020年内建成", "内建成"}, // the year form comes first and takes no 内
		{"三年来新建", "新建"},
		{"十年规划", "十年规划"}, // a count of years with no 内/来/以来 is no time expression
		{"全年完成，同时新增", "新增"},
		{"学前三年毛入园率", "学前三年毛入园率"},
		{"19年", "19年"},
		{"", ""},
	} {
		if got := labelTimeStrip(c.in); got != c.want {
			t.Errorf("labelTimeStrip(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := labelTimeStripRe(c.in); got != c.want {
			t.Errorf("oracle(%q) = %q, want %q: the table is wrong", c.in, got, c.want)
		}
	}
}

func FuzzLabelTimeStrip(f *testing.F) {
	for _, s := range []string{"2023年以来遴选", "近3年", "上一年度上年", "2019年下半年同时", "一二三年以来", "截至目前", "20２3年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := labelTimeStrip(s), labelTimeStripRe(s); got != want {
			t.Errorf("labelTimeStrip(%q) = %q, the regular expression gives %q", s, got, want)
		}
	})
}

// TestHasBefore checks hasBefore, which compares backwards, against its
// definition: rs[:p] ends with w.
func TestHasBefore(t *testing.T) {
	words := []string{"", "年", "同比", "比上年", "增长", "x", "\xe4\xb8", "上年同期"}
	texts := []string{"", "比上年增长", "同比增长3%", "上年同期", "年", "ab\xe4\xb8"}
	for _, text := range texts {
		rs := []rune(text)
		for p := -1; p <= len(rs)+1; p++ {
			for _, w := range words {
				wr := []rune(w)
				want := p >= len(wr) && p <= len(rs) && string(rs[p-len(wr):p]) == string(wr)
				if w == "" {
					want = p >= 0
				}
				if got := hasBefore(rs, p, w); got != want {
					t.Errorf("hasBefore(%q, %d, %q) = %v, want %v", text, p, w, got, want)
				}
			}
		}
	}
}

// TestDecodeText: the runes are []rune(s)'s, the offsets those of a range
// over s, and none for text that is not valid UTF-8.
func TestDecodeText(t *testing.T) {
	for _, s := range []string{"", "abc", "学前三年毛入园率96.34%", "a\xffb", "\xe4\xb8", "末尾\xe4", "\U0001F600x",
		"\xe0\x80\x80", "\xe0\xa0\x80", "\xed\xa0\x80", "\xed\x9f\xbf", "\xef\xbf\xbf", "\xee\x80\x80", "\xe1\x80",
		"（１）、。", "\xe4\xb8\x80\xc0\x80"} {
		checkDecodeText(t, s)
	}
}

// FuzzDecodeText holds decodeText to []rune(s) and a range over s on any
// bytes (its three-byte fast path included).
func FuzzDecodeText(f *testing.F) {
	for _, s := range []string{"学前三年毛入园率96.34%", "\xed\xa0\x80", "\xe0\x80\x80", "a\xffb"} {
		f.Add(s)
	}
	f.Fuzz(checkDecodeText)
}

func checkDecodeText(t *testing.T, s string) {
	{
		rs, off := decodeText(s)
		if string(rs) != string([]rune(s)) || len(rs) != len([]rune(s)) {
			t.Errorf("decodeText(%q) runes %q, want %q", s, string(rs), string([]rune(s)))
		}
		if !utf8.ValidString(s) {
			if off != nil {
				t.Errorf("decodeText(%q): offsets for invalid UTF-8", s)
			}
			return
		}
		var want []int32
		for i := range s {
			want = append(want, int32(i))
		}
		want = append(want, int32(len(s)))
		if fmt.Sprint(off) != fmt.Sprint(want) {
			t.Errorf("decodeText(%q) offsets %v, want %v", s, off, want)
		}
	}
}
