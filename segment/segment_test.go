package segment

import (
	"runtime"
	"strings"
	"testing"
)

func spansText(text string, spans []Span) []string {
	rs := []rune(text)
	var out []string
	for _, s := range spans {
		out = append(out, string(rs[s.Start:s.End]))
	}
	return out
}

func TestSentences(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string // sentences joined by |
	}{
		{"学前三年毛入园率96.34%,普惠性幼儿园覆盖率80.87%。我区作为实验区。", "学前三年毛入园率96.34%,普惠性幼儿园覆盖率80.87%。|我区作为实验区。"},
		{"达到了标准;小学资源配置差异指数为0.498。", "达到了标准;|小学资源配置差异指数为0.498。"},
		{"一、做法与成效\n\n  (一)加强领导\n", "一、做法与成效|(一)加强领导"},
		{"他说：“好。”然后走了！真的？", "他说：“好。”|然后走了！|真的？"},
		{"", ""},
		{"没有句号", "没有句号"},
	} {
		got := strings.Join(spansText(c.in, Sentences(c.in)), "|")
		if got != c.want {
			t.Errorf("Sentences(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestClauses(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"共发出调查处理函160,涉及线索200条,依法取缔20余起。", "共发出调查处理函160,|涉及线索200条,|依法取缔20余起。"},
		{"收入1,234元，生师比13.5:1、时间16:16。", "收入1,234元，|生师比13.5:1、|时间16:16。"},
		{"市政府教育督导室:按照要求", "市政府教育督导室:|按照要求"},
	} {
		got := strings.Join(spansText(c.in, Clauses(c.in)), "|")
		if got != c.want {
			t.Errorf("Clauses(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestTokens(t *testing.T) {
	text := "学前三年毛入园率96.34%，ABC公办园在园幼儿占比67.74%"
	toks := Default().Tokens(text)
	rs := []rune(text)
	var words []string
	prev := 0
	for _, tk := range toks {
		if tk.Start != prev || string(rs[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %+v does not tile the text at %d", tk, prev)
		}
		prev = tk.End
		words = append(words, tk.Text)
	}
	if prev != len(rs) {
		t.Fatalf("tokens end at %d, text has %d runes", prev, len(rs))
	}
	joined := "|" + strings.Join(words, "|") + "|"
	for _, w := range []string{"|毛入园率|", "|公办园|", "|在园幼儿|", "|ABC|"} {
		if !strings.Contains(joined, w) {
			t.Errorf("tokens %s lack %s", joined, w)
		}
	}
	if Default() != Default() {
		t.Error("Default is not shared")
	}
}

// TestDictionaryLoadIsSmall (issue 12): loading leaves the rare words of
// gse's dictionary out (minTokenFreq), so that inspect is ready in a fraction
// of a second: the whole dictionary allocated 409 MB in 2.7 million objects.
// Allocation is counted, not timed.
func TestDictionaryLoadIsSmall(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	s := load()
	runtime.ReadMemStats(&after)
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("loading the dictionary allocated %d MB, want at most 100", alloc>>20)
	}
	if objs := after.Mallocs - before.Mallocs; objs > 1_000_000 {
		t.Errorf("loading the dictionary made %d objects, want at most 1,000,000", objs)
	}
	// The domain words and common words are all there.
	for _, w := range []string{"毛入园率", "行政村", "教育经费", "专任教师"} {
		if toks := s.Tokens("全区" + w + "情况"); len(toks) < 2 || !hasToken(toks, w) {
			t.Errorf("%s is not one word: %v", w, toks)
		}
	}
}

func hasToken(toks []Token, w string) bool {
	for _, tk := range toks {
		if tk.Text == w {
			return true
		}
	}
	return false
}

// TestMaybeBoundary: every rune a sentence or clause ends at passes the
// pre-check that split makes before asking.
func TestMaybeBoundary(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		rs := []rune{'甲', r, '乙'}
		if (IsSentenceEnd(r) || isClauseEnd(rs, 1)) && !maybeBoundary(r) {
			t.Fatalf("U+%04X %q ends a sentence or clause but maybeBoundary says no", r, r)
		}
	}
}
