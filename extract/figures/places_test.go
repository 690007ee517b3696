package figures

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/govfig/govfig/extract/outline"
	"github.com/govfig/govfig/schema"
	"github.com/govfig/govfig/segment"
)

// The passes over every rune that the passes over the places replace: the
// oracles of checkPlaces.

func periodSpans(rs []rune) []segment.Span {
	var out []segment.Span
	start := 0
	for i, r := range rs {
		if r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '\n' {
			if i+1 > start {
				out = append(out, segment.Span{Start: start, End: i + 1})
			}
			start = i + 1
		}
	}
	if start < len(rs) {
		out = append(out, segment.Span{Start: start, End: len(rs)})
	}
	return out
}

func marksOf(rs []rune) encloseMarks {
	var m encloseMarks
	for _, r := range rs {
		switch r {
		case '《':
			m.title = true
		case '〔':
			m.docNumber = true
		}
	}
	return m
}

func quotedSpans(rs []rune) []span {
	var out []span
	for i := 0; i < len(rs); i++ {
		var close rune
		switch rs[i] {
		case '“':
			close = '”'
		case '「':
			close = '」'
		case '"':
			close = '"'
		default:
			continue
		}
		for j := i + 1; j < len(rs) && j <= i+shortQuote+1; j++ {
			if rs[j] == '\n' {
				break
			}
			if rs[j] == close {
				out = append(out, span{i + 1, j})
				break
			}
		}
	}
	return out
}

func urlSpans(rs []rune) []span {
	var out []span
	for i := 0; i < len(rs); i++ {
		if r := rs[i]; r != 'h' && r != 'w' {
			continue // most runes start no address
		}
		if !(hasAt(rs, i, "http://") || hasAt(rs, i, "https://") || hasAt(rs, i, "www.")) {
			continue
		}
		j := i
		for j < len(rs) && rs[j] > ' ' && rs[j] < 0x2000 {
			j++
		}
		out = append(out, span{i, j})
		i = j
	}
	return out
}

// candsByIndex are shareWordCands and bareMagnitudeCands as they were, over
// every index of the text instead of the places only: the places must hold
// every index where either finds a figure.
func (c *docCtx) candsByIndex() []*cand {
	var out []*cand
	for i := range c.rs {
		out = c.shareWordsAt(out, i)
	}
	for i := range c.rs {
		out = c.bareMagnitudeAt(out, i)
	}
	return out
}

// dirtyBuf is reused by every checkPlaces call, after a long text of other
// runes, so that what a buffer held before shows if it leaks.
var dirtyBuf = new(textBuf)

func checkPlaces(t *testing.T, s string) {
	t.Helper()
	decodeInto(strings.Repeat("“对。,a1\n", 64), dirtyBuf)
	rs, off, at := decodeInto(s, dirtyBuf)
	wantRs, wantOff := decodeText(s)
	if !reflect.DeepEqual(rs, wantRs) && !(len(rs) == 0 && len(wantRs) == 0) {
		t.Fatalf("decodeInto(%q) runes %q, want %q", s, string(rs), string(wantRs))
	}
	if fmt.Sprint(off) != fmt.Sprint(wantOff) || (off == nil) != (wantOff == nil) {
		t.Fatalf("decodeInto(%q) offsets %v, want %v", s, off, wantOff)
	}
	var wantAt []int32
	for i, r := range wantRs {
		if placed(r) {
			wantAt = append(wantAt, int32(i))
		}
	}
	if fmt.Sprint(at) != fmt.Sprint(wantAt) {
		t.Fatalf("decodeInto(%q) places %v, want %v", s, at, wantAt)
	}
	if got, want := periodSpansAt(rs, at), periodSpans(rs); !reflect.DeepEqual(got, want) {
		t.Fatalf("periodSpansAt(%q) = %v, want %v", s, got, want)
	}
	dirty := []segment.Span{{Start: 1, End: 2}, {Start: 3, End: 9}, {Start: 0, End: 40}}
	if got, want := appendPeriodSpansAt(dirty, rs, at), periodSpans(rs); len(got)+len(want) > 0 && !reflect.DeepEqual(got, want) {
		t.Fatalf("appendPeriodSpansAt(%q) = %v, want %v", s, got, want)
	}
	if got, want := quotedSpansAt(rs, at), quotedSpans(rs); !reflect.DeepEqual(got, want) {
		t.Fatalf("quotedSpansAt(%q) = %v, want %v", s, got, want)
	}
	if got, want := urlSpansAt(rs, at), urlSpans(rs); !reflect.DeepEqual(got, want) {
		t.Fatalf("urlSpansAt(%q) = %v, want %v", s, got, want)
	}
	if got, want := marksAt(rs, at), marksOf(rs); got.title != want.title || got.docNumber != want.docNumber {
		t.Fatalf("marksAt(%q) = %v, want %v", s, got, want)
	}
	for pos := 0; pos <= len(rs); pos++ {
		for _, pair := range []string{"《》", "〔〕", "ab"} {
			p := []rune(pair)
			m := encloseMarks{at: at}
			if got, want := m.enclosed(rs, pos, p[0], p[1]), enclosed(rs, pos, p[0], p[1]); got != want && strings.ContainsRune(wantPlaced, p[0]) {
				t.Fatalf("enclosed(%q, %d, %q) at the places = %v, want %v", s, pos, pair, got, want)
			}
		}
	}
	sents, clauses := segment.SpansAt(rs, at)
	if want := segment.SentencesOf(rs); !reflect.DeepEqual(sents, want) {
		t.Fatalf("SpansAt(%q) sentences %v, want %v", s, sents, want)
	}
	if want := segment.ClausesOf(rs); !reflect.DeepEqual(clauses, want) {
		t.Fatalf("SpansAt(%q) clauses %v, want %v", s, clauses, want)
	}
	c := &docCtx{doc: &schema.Document{Text: s}, rs: rs, off: off, at: at, sentences: sents, clauses: clauses}
	c.periods = periodSpansAt(rs, at)
	c.sections = outline.Sections(s)
	got := append(c.shareWordCands(), c.bareMagnitudeCands()...)
	c2 := &docCtx{doc: c.doc, rs: wantRs, off: wantOff, sentences: segment.SentencesOf(wantRs), clauses: segment.ClausesOf(wantRs), periods: periodSpans(wantRs), sections: c.sections}
	want := c2.candsByIndex()
	if len(got) != len(want) {
		t.Fatalf("%q: %d share and magnitude candidates, want %d", s, len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(*got[i], *want[i]) {
			t.Fatalf("%q: candidate %d = %+v, want %+v", s, i, *got[i], *want[i])
		}
	}
}

var placesCases = []string{
	"", "a", "1", "。", "\xff", "\xe6\x88", "a\xffb。", "\xed\xa0\x80“好”", "\xe0\x80\x80",
	"学前三年毛入园率96.34%,普惠性幼儿园覆盖率80.87%。我区作为实验区。",
	"他说：“好。”然后走了！真的？\n第二行；“十个一”「两企三新」\"20条\"",
	"见http://www.example.gov.cn/a?q=30%25，www.x.cn 和 https://a.b/c",
	"《2024年工作要点3项》津静政发〔2024〕12号", "《关于2024年\n3项》《《3》", "〔〕〔2024〕》《" + strings.Repeat("一", 70) + "3》",
	"打对折，半成，對折，近万名教师，百名以上，逾千人，近亿元，亿元以上项目3个，5千米",
	"一、做法与成效\n\n  (一)加强领导\n", "1,234和13.5:1，16:16；……」）",
	"😀近万名😀", "ｈｔｔｐ１２３", "\u3000\u00a0百\t千\r万\n亿",
}

func TestPlaces(t *testing.T) {
	for _, s := range placesCases {
		checkPlaces(t, s)
	}
}

func FuzzPlaces(f *testing.F) {
	for _, s := range placesCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 2000 {
			return
		}
		checkPlaces(t, s)
	})
}

// wantPlaced are the runes the passes over the places look for.
const wantPlaced = "。！？!?\n" + // periodSpansAt
	"“「\"" + // quotedSpansAt
	"hw" + // urlSpansAt
	"《〔》〕" + // marksAt and encloseMarks.enclosed (and \n)
	"对對半" + // shareWordCands
	"百千万亿" // bareMagnitudeCands

// TestPlacedHoldsEveryWantedRune: every rune a pass over the places looks
// for is placed, so that no pass misses one.
func TestPlacedHoldsEveryWantedRune(t *testing.T) {
	wanted := wantPlaced
	for r := rune(0); r <= 0x10FFFF; r++ {
		if placed(r) {
			continue
		}
		rs := []rune{'甲', r, '乙'}
		s, c := segment.SpansAt(rs, []int32{0, 2})
		s2, c2 := segment.SentencesOf(rs), segment.ClausesOf(rs)
		boundary := !reflect.DeepEqual(s, s2) || !reflect.DeepEqual(c, c2)
		if boundary || strings.ContainsRune(wanted, r) {
			t.Fatalf("U+%04X %q is looked for but not placed", r, r)
		}
		if _, ok := bareMagnitude(r); ok {
			t.Fatalf("U+%04X %q is a bare magnitude but not placed", r, r)
		}
	}
}

// TestPlacedHan: the bitmap holds exactly the seven Han characters.
func TestPlacedHan(t *testing.T) {
	for r := rune(-1); r <= 0x10FFFF+1; r++ {
		if got, want := placedHan(r), strings.ContainsRune("对對半百千万亿", r); got != want {
			t.Fatalf("placedHan(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestIsTimeExprFirst holds the switch to the list of runes.
func TestIsTimeExprFirst(t *testing.T) {
	for r := rune(-1); r <= 0x10FFFF+1; r++ {
		if got, want := isTimeExprFirst(r), containsRune(timeExprFirstRunes, r); got != want {
			t.Fatalf("isTimeExprFirst(%q) = %v, want %v", r, got, want)
		}
	}
}

// TestSubjectAfterRemembered: the counted noun remembered for a figure is
// the one read again after all the rules ran (no rule moves a figure's end),
// on the seed and on the texts of the rule tests.
func TestSubjectAfterRemembered(t *testing.T) {
	texts := []string{"招收一年级8个班、360人；新建3至5所学校，17—179件，5个部门开展校园食品安全检查120次", "分别有3所和1所学校"}
	if b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "docs", "jinghai-2023-selfreport.txt")); err == nil {
		texts = append(texts, string(b))
	}
	asked := 0
	for _, text := range texts {
		c := Default().newCtx(&schema.Document{Title: "某区2023年报告", Text: text}, new(textBuf))
		for _, cd := range c.prose() {
			if cd.subjOK {
				asked++
				if got := c.subjectAfterOf(cd); got != cd.subj {
					t.Fatalf("%q: subject %q remembered, %q read again", cd.f.Text, cd.subj, got)
				}
			}
		}
	}
	if asked < 10 {
		t.Fatalf("only %d subjects asked", asked)
	}
}

// TestDecodeIntoLongText: a text longer than maxPooledText is decoded into
// slices of its own (the buffer keeps its own), as decodeText decodes it.
func TestDecodeIntoLongText(t *testing.T) {
	s := strings.Repeat("学前三年毛入园率96.34%，“十个一”。\n", maxPooledText/40+1)
	if len(s) <= maxPooledText {
		t.Fatalf("text of %d bytes is not long", len(s))
	}
	b := new(textBuf)
	decodeInto("短文本。", b)
	kept := &b.rs[0]
	rs, off, at := decodeInto(s, b)
	wantRs, wantOff := decodeText(s)
	if !reflect.DeepEqual(rs, wantRs) || !reflect.DeepEqual(off, wantOff) {
		t.Fatal("decodeInto differs from decodeText on a long text")
	}
	n := 0
	for i, r := range rs {
		if placed(r) {
			if n >= len(at) || int(at[n]) != i {
				t.Fatalf("place %d: %v, want %d", n, at[n:min(n+1, len(at))], i)
			}
			n++
		}
	}
	if n != len(at) || &b.rs[0] != kept {
		t.Fatalf("%d places of %d, buffer replaced: %v", len(at), n, &b.rs[0] != kept)
	}
}

// TestConcurrentRuns: extractions running at once, each with a pooled
// buffer, find what they find one at a time (run with -race too).
func TestConcurrentRuns(t *testing.T) {
	texts := []string{
		"学前三年毛入园率96.34%，普惠性幼儿园覆盖率80.87%。新建学校3所，招聘教师120名。",
		"2023年一般公共预算教育经费支出预算安排190274万元,比上年的186988万元增加3286万元、增长1.76%。",
		"打对折，近万名教师，百名以上，《2024年工作要点3项》津静政发〔2024〕12号，小学生师比为13.5:1。",
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "docs", "jinghai-2023-selfreport.txt")); err == nil {
		texts = append(texts, string(b))
	}
	ex := Default()
	want := make([][]schema.Figure, len(texts))
	for i, s := range texts {
		want[i] = ex.Extract(&schema.Document{Title: "某区2023年报告", Text: s})
	}
	errs := make(chan string, 64)
	done := make(chan bool)
	for g := 0; g < 4; g++ {
		go func(g int) {
			for k := 0; k < 8; k++ {
				i := (g + k) % len(texts)
				if got := ex.Extract(&schema.Document{Title: "某区2023年报告", Text: texts[i]}); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("text %d: %d figures at once, %d alone", i, len(got), len(want[i]))
				}
			}
			done <- true
		}(g)
	}
	for g := 0; g < 4; g++ {
		<-done
	}
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

// TestNewCandZero: candidates handed out after a reset are zero, and a
// reset leaves none of the text's figures in the buffer.
func TestNewCandZero(t *testing.T) {
	b := new(textBuf)
	for round := 0; round < 3; round++ {
		for i := 0; i < candChunk*2+5; i++ {
			cd := b.newCand()
			if !reflect.DeepEqual(*cd, cand{}) {
				t.Fatalf("round %d: candidate %d not zero: %+v", round, i, *cd)
			}
			cd.f.Sentence, cd.f.Value, cd.subj = "一句话", 3, "学校"
			cd.rangeNext = cd
		}
		b.reset()
		for _, ch := range b.cands {
			for i := range ch {
				if !reflect.DeepEqual(ch[i], cand{}) {
					t.Fatalf("round %d: a candidate kept after reset: %+v", round, ch[i])
				}
			}
		}
	}
}

// TestResetDropsProse: after a text, the buffer holds none of its
// candidates, in its chunks or its lists.
func TestResetDropsProse(t *testing.T) {
	b := new(textBuf)
	c := Default().newCtx(&schema.Document{Title: "某区2023年报告", Text: "新建学校3所，招聘教师120名，覆盖率96.34%。共有幼儿园21所、小学28所。"}, b)
	if figs := c.prose(); len(figs) < 4 {
		t.Fatalf("%d figures", len(figs))
	}
	b.reset()
	for _, l := range [][]*cand{b.candPtrs, b.figs} {
		if len(l) != 0 {
			t.Fatalf("a list of %d candidates kept", len(l))
		}
		for _, p := range l[:cap(l)] {
			if p != nil {
				t.Fatal("a candidate kept in a list")
			}
		}
	}
	if len(b.pending) != 0 || b.used != 0 {
		t.Fatalf("%d spans, %d candidates kept", len(b.pending), b.used)
	}
}
