package schema

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// ftsTextRunes is FTSText as it was first written, over decoded runes: the
// reference the byte-level FTSText must match.
func ftsTextRunes(s string) string {
	var b strings.Builder
	runs(s, func(kind int, run []rune) {
		if kind == 1 {
			b.WriteString(string(run))
			b.WriteByte(' ')
			return
		}
		for i := 0; i+1 < len(run); i++ {
			b.WriteRune(run[i])
			b.WriteRune(run[i+1])
			b.WriteByte(' ')
		}
		b.WriteRune(run[len(run)-1])
		b.WriteByte(' ')
	})
	return b.String()
}

// FTSText works on bytes; it must give what the rune version gives on
// every text, broken UTF-8, separators and mixed scripts included.
func TestFTSTextMatchesRunes(t *testing.T) {
	pieces := []string{"教", "育", "经费", "3286", "GDP", "x", " ", "，", "。", "-", "\t", "\n", "é", "Ω", "①", "２",
		"\xff", "\xe6\x95", "\xe6", "\x80", "\uFFFD", "😀", "\x00", "a1b2", "·", "％"}
	rng := rand.New(rand.NewSource(1))
	cases := []string{"", "教", "教育", "GDP", "\xff", "教\xff育", "a教b", "教育2023年", "全年教育经费3286万元"}
	for i := 0; i < 20000; i++ {
		var sb strings.Builder
		for n := rng.Intn(12); n >= 0; n-- {
			sb.WriteString(pieces[rng.Intn(len(pieces))])
		}
		cases = append(cases, sb.String())
	}
	for _, c := range cases {
		if got, want := FTSText(c), ftsTextRunes(c); got != want {
			t.Fatalf("FTSText(%q) = %q, want %q", c, got, want)
		}
	}
}

// runKind's shortcut for the CJK Unified Ideographs block gives what
// unicode does.
func TestRunKindCJK(t *testing.T) {
	for r := rune(0x4E00); r <= 0x9FFF; r++ {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			t.Fatalf("%U is neither a letter nor a number", r)
		}
	}
	for _, r := range []rune{0x4DFF, 0xA000, 'a', '1', ' ', '，'} {
		want := 0
		switch {
		case r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			want = 1
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsNumber(r)):
			want = 2
		}
		if got := runKind(r); got != want {
			t.Errorf("runKind(%U) = %d, want %d", r, got, want)
		}
	}
}
