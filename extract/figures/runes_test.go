package figures

import (
	"strings"
	"testing"
)

// runeSets are the rune sets the rules pass to runeIn and containsAnyRune.
var runeSets = []string{"比较", "比较与", "高低快慢", "/／", "余多", "至少最不", ")）", "(（", "年今目至当同",
	"年月日号时点岁届期级", "最接附将邻", "百千万亿兆", "时点:：", "至到-－~～—", "一二三四五六七八九十两",
	wordSuffixes, placeNotBefore, existBlocked, aloneOK, "0123456789(（全县市我", "、，。；：", "-—–~～至到"}

// TestRuneHelpersAgree checks runeIn and containsAnyRune against the
// strings functions they replace, on valid and invalid UTF-8.
func TestRuneHelpersAgree(t *testing.T) {
	texts := []string{"", "比", "上年比较", "abc", "增长12.6%，高于全县", "\xe6比", "\xe6\xaf", "\xaf\x94", "比\xe6", "\xef\xbf\xbd", "\xff/", "１２／３",
		"2024年4月10日至2024年4月16日", "（含", "其中：新建3所", "数十位"}
	for _, set := range runeSets {
		for _, s := range texts {
			if got, want := containsAnyRune(s, set), strings.ContainsAny(s, set); got != want {
				t.Errorf("containsAnyRune(%q, %q) = %v, strings.ContainsAny says %v", s, set, got, want)
			}
			for _, r := range s + "\uFFFD" {
				if got, want := runeIn(set, r), strings.ContainsRune(set, r); got != want {
					t.Errorf("runeIn(%q, %q) = %v, strings.ContainsRune says %v", set, r, got, want)
				}
			}
		}
	}
	// The helpers can fail: a set and a text that share a rune, and two that do not.
	if !containsAnyRune("上年比较", "比较") || containsAnyRune("上年", "比较") || !runeIn("比较", '较') || runeIn("比较", '上') {
		t.Fatal("helpers answer wrongly")
	}
}

func FuzzRuneHelpers(f *testing.F) {
	f.Add("比上年增长", 0)
	f.Add("\xe6比\xff", 3)
	f.Fuzz(func(t *testing.T, s string, k int) {
		set := runeSets[uint(k)%uint(len(runeSets))]
		if got, want := containsAnyRune(s, set), strings.ContainsAny(s, set); got != want {
			t.Fatalf("containsAnyRune(%q, %q) = %v, strings.ContainsAny says %v", s, set, got, want)
		}
		for _, r := range s {
			if got, want := runeIn(set, r), strings.ContainsRune(set, r); got != want {
				t.Fatalf("runeIn(%q, %q) = %v, strings.ContainsRune says %v", set, r, got, want)
			}
		}
	})
}
